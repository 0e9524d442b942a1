// The German translation: complete, with every placeholder kept, and switched at run time from the
// View menu without losing the run, the lesson or the window's state.
#include <QAction>
#include <QDialogButtonBox>
#include <QFile>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtQml/QQmlExtensionPlugin>
#include <QtTest>

#include "window_test_support.h"

#include "i18n/core_terms.h"
#include "i18n/detail_text.h"
#include "i18n/language.h"
#include "scenario/builtin.h"
#include "scenario/run_setup.h"
#include "shell/main_window.h"
#include "shell/window_host.h"
#include "sim/simulation.h"
#include "stage/stage_controller.h"

Q_IMPORT_QML_PLUGIN(ClusterScopePlugin)

namespace {

struct TsMessage {
  QString context;
  QString source;
  QString translation;
  bool unfinished = false;
};

QList<TsMessage> read_ts(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) qFatal("cannot read %s", qPrintable(path));
  QList<TsMessage> out;
  QXmlStreamReader xml(&file);
  QString context;
  TsMessage current;
  while (!xml.atEnd()) {
    xml.readNext();
    if (!xml.isStartElement()) continue;
    if (xml.name() == QLatin1String("name")) context = xml.readElementText();
    if (xml.name() == QLatin1String("message")) current = TsMessage{context, {}, {}, false};
    if (xml.name() == QLatin1String("source")) current.source = xml.readElementText();
    if (xml.name() == QLatin1String("translation")) {
      current.unfinished = xml.attributes().value("type") == QLatin1String("unfinished");
      // A plural (numerus) translation holds one form per number: read them all.
      current.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
      out.append(current);
    }
  }
  if (xml.hasError()) qFatal("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
  return out;
}

QSet<QString> placeholders(const QString& text) {
  QSet<QString> out;
  static const QRegularExpression re(QStringLiteral("%\\d"));
  for (auto it = re.globalMatch(text); it.hasNext();) out.insert(it.next().captured());
  return out;
}

QString menu_title(cs::ui::MainWindow* w, int index) { return w->menuBar()->actions().at(index)->text(); }

}  // namespace

class TestTranslation : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { test::isolate_settings(); }
  void cleanup() { cs::ui::install_language("en"); }

  void theGermanTranslationIsComplete() {
    const auto messages = read_ts(QStringLiteral(CLUSTERSCOPE_SOURCE_DIR "/resources/translations/clusterscope_de.ts"));
    QVERIFY2(messages.size() > 250, qPrintable(QString::number(messages.size())));
    for (const TsMessage& m : messages) {
      const QString where = m.context + ": " + m.source;
      QVERIFY2(!m.unfinished && !m.translation.trimmed().isEmpty(), qPrintable("untranslated: " + where));
      QVERIFY2(placeholders(m.source) == placeholders(m.translation), qPrintable("placeholders differ: " + where));
      QCOMPARE(m.source.count('&') > 0, m.translation.count('&') > 0);  // menu accelerators kept
    }
  }

  void theCompiledTranslationLoads() {
    QVERIFY(cs::ui::install_language("de"));
    QCOMPARE(cs::ui::current_language(), QString("de"));
    QVERIFY(cs::ui::role_label(cs::sim::Role::Leader) != QString() &&
            cs::ui::status_label(cs::sim::NodeStatus::Crashed) != QString("crashed"));
    QVERIFY(QCoreApplication::translate("cs::ui::MainWindow", "&File") != QString("&File"));
    // Qt's own texts too (qt6-translations-l10n, installed by scripts/deps.sh): a dialog's
    // standard Close button.
    {
      QDialogButtonBox buttons(QDialogButtonBox::Close);
      QCOMPARE(buttons.button(QDialogButtonBox::Close)->text(), QString::fromUtf8("Schließen"));
    }
    QVERIFY(cs::ui::install_language("en"));
    QCOMPARE(cs::ui::status_label(cs::sim::NodeStatus::Crashed), QString("crashed"));
    QVERIFY(!cs::ui::install_language("xx"));
    QCOMPARE(cs::ui::current_language(), QString("en"));
  }

  void nodeDetailsAreMessageIdsWithArguments() {
    cs::sim::Detail d;
    d.add("follows %1, token %2", {cs::sim::DetailArg::node(1), cs::sim::DetailArg::number(3)});
    const QStringList names{"london", "paris", "rome"};
    QVERIFY(cs::ui::install_language("en"));
    QCOMPARE(cs::ui::detail_text(d, names), QString("follows paris, token 3"));  // the scenario's node names
    QCOMPARE(QString::fromStdString(cs::sim::render_english(d, {"london", "paris", "rome"})),
             QString("follows paris, token 3"));  // the core's English is the same line
    QVERIFY(cs::ui::install_language("de"));
    const QString german = cs::ui::detail_text(d, names);
    QCOMPARE(german, QCoreApplication::translate("ProtocolDetail", "follows %1, token %2").arg("paris").arg(3));
    QVERIFY(german != "follows paris, token 3" && german.contains("paris") && german.contains("3"));
    // A scenario's own label stays as written; the model's words after it are translated.
    d.label = "blue (current DB)";
    QVERIFY(cs::ui::detail_text(d, names).startsWith("blue (current DB): " + german));
    // Parts follow each other; decimals keep their digits.
    cs::sim::Detail backup;
    backup.add("backup (tape, same site): copy of %1 s", {cs::sim::DetailArg::fixed(2.46, 1)})
        .add("%1 hints", {cs::sim::DetailArg::number(2)});
    QVERIFY(cs::ui::install_language("en"));
    QCOMPARE(cs::ui::detail_text(backup, names), QString("backup (tape, same site): copy of 2.5 s, 2 hints"));
  }

  void everyDetailTheModelsWriteHasAKnownShape() {
    QVERIFY(cs::ui::install_language("de"));
    // Runs every built-in scenario and reads every node's card along the way: each message id must be
    // in the marked list and have a German translation, or the card would stay English.
    const QStringList& known = cs::ui::known_detail_shapes();
    QSet<QString> missing;
    int seen = 0;
    for (const auto& b : cs::scenario::builtin_scenarios()) {
      const auto s = cs::scenario::load_scenario(b.json, std::string(b.id));
      cs::sim::Simulation run(cs::scenario::make_world(s, s.seed));
      const cs::sim::TimeUs end = std::min<cs::sim::TimeUs>(s.duration_us, 20'000'000);
      for (cs::sim::TimeUs t = 0; t <= end; t += 500'000) {
        run.run_until(t);
        for (cs::sim::EndpointId i = 0; i < run.world().node_count(); ++i) {
          // The card's line and every line of the node inspector.
          const cs::sim::NodeView card = run.world().node_view(i);
          std::vector<const cs::sim::Detail*> details{&card.detail};
          const cs::sim::Inspection inside = run.world().node(i).protocol->inspect();
          for (const auto* section : {&inside.state, &inside.log, &inside.data, &inside.cluster}) {
            for (const auto& line : section->lines) details.push_back(&line);
          }
          for (const cs::sim::Detail* detail : details) {
            for (const cs::sim::DetailPart& part : detail->parts) {
              ++seen;
              const QString id = QString::fromUtf8(part.id);
              // A shape of placeholders and punctuation ("%1: %2") reads the same in every language.
              const bool words = id.contains(QRegularExpression("[A-Za-z]"));
              const bool translated = !words || QCoreApplication::translate("ProtocolDetail", part.id) != id;
              if (!known.contains(id) || !translated)
                missing.insert(id + "  (" + QString::fromUtf8(b.id.data(), b.id.size()) + ")");
            }
          }
        }
      }
    }
    QVERIFY(seen > 1000);
    QVERIFY2(missing.isEmpty(),
             qPrintable("add to ui/i18n/detail_text.cpp: " + QStringList(missing.values()).join("; ")));
  }

  void switchingLanguageKeepsTheRunAndTheLesson() {
    QTemporaryDir dir;
    cs::ui::AppOptions o = test::window_options(dir);
    o.teacher = true;
    o.lesson = 3;
    o.scenario = "raft-5";
    cs::ui::WindowHost host(o);
    cs::ui::MainWindow* english = host.window();
    english->controller()->actions()->crashOrRestart(1);
    english->controller()->run()->seekUs(2'500'000);
    const QString english_file_menu = menu_title(english, 0);
    QCOMPARE(english_file_menu, QString("&File"));
    QCOMPARE(english->controller()->scene()->nodes()->items()[1].label, QString("CRASHED").toLower());

    QSignalSpy rebuilt(&host, &cs::ui::WindowHost::windowRebuilt);
    auto* german_action = english->findChild<QAction*>("language_de");
    QVERIFY(german_action);
    german_action->trigger();
    QVERIFY(rebuilt.wait(5000));
    cs::ui::MainWindow* german = host.window();
    QVERIFY(german != english);
    QCOMPARE(cs::ui::current_language(), QString("de"));
    QCOMPARE(cs::ui::preferred_language(), QString("de"));  // remembered
    QCOMPARE(menu_title(german, 0), QCoreApplication::translate("cs::ui::MainWindow", "&File"));
    QVERIFY(menu_title(german, 0) != english_file_menu);
    // The run is the same run at the same moment, with the learner's crash still in it.
    QCOMPARE(german->controller()->run()->scenarioId(), QString("raft-5"));
    QCOMPARE(german->controller()->run()->timeUs(), qint64{2'500'000});
    QCOMPARE(german->controller()->scene()->nodes()->items()[1].status, QString("crashed"));
    QCOMPARE(german->controller()->scene()->nodes()->items()[1].label,
             cs::ui::status_label(cs::sim::NodeStatus::Crashed));
    QCOMPARE(german->currentLesson(), 2);
    QVERIFY(german->controller()->scene()->description() != QString());
    QVERIFY(!german->controller()->scene()->description().contains("nodes;"));  // the description is German too

    german->findChild<QAction*>("language_en")->trigger();
    QVERIFY(rebuilt.wait(5000));
    QCOMPARE(menu_title(host.window(), 0), QString("&File"));
    QCOMPARE(host.window()->controller()->run()->timeUs(), qint64{2'500'000});
  }
};

QTEST_MAIN(TestTranslation)
#include "test_translation.moc"
