// The German translation: complete, with every placeholder kept, and switched at run time from the
// View menu without losing the run, the lesson or the window's state.
#include <QAction>
#include <QFile>
#include <QMenuBar>
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
      current.translation = xml.readElementText();
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
    QVERIFY(cs::ui::install_language("en"));
    QCOMPARE(cs::ui::status_label(cs::sim::NodeStatus::Crashed), QString("crashed"));
    QVERIFY(!cs::ui::install_language("xx"));
    QCOMPARE(cs::ui::current_language(), QString("en"));
  }

  void nodeDetailsAreTranslatedByShape() {
    QStringList values;
    QCOMPARE(cs::ui::detail_shape("follows n2, token 3", &values), QString("follows %1, token %2"));
    QCOMPARE(values, (QStringList{"n2", "3"}));
    values.clear();
    QCOMPARE(cs::ui::detail_shape("cart 4: {apple, pear}", &values), QString("cart %1: %2"));
    QCOMPARE(values, (QStringList{"4", "{apple, pear}"}));
    QCOMPARE(cs::ui::translated_detail("leader of term 4"), QString("leader of term 4"));  // English as it is
    QVERIFY(cs::ui::install_language("de"));
    const QString leader = cs::ui::translated_detail("leader of term 4");
    QCOMPARE(leader, QCoreApplication::translate("ProtocolDetail", "leader of term %1").arg(4));
    QVERIFY(leader != "leader of term 4" && leader.contains("4"));
    // A scenario's own label stays; the model's words after it are translated.
    const QString labelled = cs::ui::translated_detail("blue (current DB): primary, token 2");
    QVERIFY2(labelled.startsWith("blue (current DB): ") && !labelled.endsWith("primary, token 2"),
             qPrintable(labelled));
    QCOMPARE(cs::ui::translated_detail("something no model says"), QString("something no model says"));
  }

  void everyDetailTheModelsWriteHasAKnownShape() {
    // Runs every built-in scenario and reads every node's card line along the way: each must have
    // a shape in the translated list (itself, or after a scenario's label), or it would stay English.
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
          const QString detail = QString::fromStdString(run.world().node_view(i).detail);
          if (detail.isEmpty()) continue;
          ++seen;
          const QString shape = cs::ui::detail_shape(detail, nullptr);
          const qsizetype colon = detail.indexOf(": ");
          const bool labelled_known = colon > 0 && known.contains(cs::ui::detail_shape(detail.mid(colon + 2), nullptr));
          if (!known.contains(shape) && !labelled_known)
            missing.insert(shape + "  (" + QString::fromUtf8(b.id.data(), b.id.size()) + ")");
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
    english->controller()->crashOrRestart(1);
    english->controller()->seekUs(2'500'000);
    const QString english_file_menu = menu_title(english, 0);
    QCOMPARE(english_file_menu, QString("&File"));
    QCOMPARE(english->controller()->nodes()->items()[1].label, QString("CRASHED").toLower());

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
    QCOMPARE(german->controller()->scenarioId(), QString("raft-5"));
    QCOMPARE(german->controller()->timeUs(), qint64{2'500'000});
    QCOMPARE(german->controller()->nodes()->items()[1].status, QString("crashed"));
    QCOMPARE(german->controller()->nodes()->items()[1].label, cs::ui::status_label(cs::sim::NodeStatus::Crashed));
    QCOMPARE(german->currentLesson(), 2);
    QVERIFY(german->controller()->description() != QString());
    QVERIFY(!german->controller()->description().contains("nodes;"));  // the description is German too

    german->findChild<QAction*>("language_en")->trigger();
    QVERIFY(rebuilt.wait(5000));
    QCOMPARE(menu_title(host.window(), 0), QString("&File"));
    QCOMPARE(host.window()->controller()->timeUs(), qint64{2'500'000});
  }
};

QTEST_MAIN(TestTranslation)
#include "test_translation.moc"
