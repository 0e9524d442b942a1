// Classroom and accessibility: the spoken description of the cluster, projector contrast,
// presentation mode with presenter keys, blanking, zoom, and keyboard reach.
#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextCursor>
#include <QTextFrame>
#include <QTextTable>
#include <QToolButton>
#include <QtQml/QQmlExtensionPlugin>
#include <QtTest>

#include "window_test_support.h"

#include "panels/event_log.h"
#include "panels/history_panel.h"
#include "panels/metrics_panel.h"
#include "panels/sequence_diagram.h"
#include "shell/classroom_modes.h"
#include "shell/lesson_pane.h"
#include "shell/lesson_view.h"
#include "shell/main_window.h"
#include "shell/narration_panel.h"
#include "stage/stage_controller.h"
#include "theme/appearance.h"
#include "theme/palette.h"

Q_IMPORT_QML_PLUGIN(ClusterScopePlugin)

using cs::ui::StageController;

namespace {
cs::ui::AppOptions options(const QTemporaryDir& dir) { return test::window_options(dir); }
}  // namespace

class TestClassroom : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { test::isolate_settings(); }
  void cleanup() {
    cs::ui::use_projector_palette(false);
    cs::ui::use_dark_palette(false);
    cs::ui::use_font_scale(1.0);
    QApplication::setPalette(cs::ui::system_palette());
  }

  void theClusterIsDescribedInWords() {
    StageController c;
    QVERIFY(c.run()->loadScenario("cluster-heartbeat", nullptr));
    c.run()->seekUs(20'000);
    QCOMPARE(c.scene()->description(), QString("5 nodes; n1 is leader in term 1; 4 messages in flight."));
    c.selection()->toggleSelected(0);
    c.selection()->toggleSelected(1);
    c.partitionSelection();
    c.run()->seekUs(1'500'000);
    QVERIFY2(c.scene()->description().contains("a partition separates n1 and n2 from n3, n4 and n5"),
             qPrintable(c.scene()->description()));
    QVERIFY(c.scene()->description().contains("n3, n4 and n5 suspect the leader"));
    c.actions()->heal();
    c.actions()->crashOrRestart(0);
    c.run()->seekUs(1'600'000);
    QVERIFY2(c.scene()->description().startsWith("5 nodes; no leader; n1 crashed"),
             qPrintable(c.scene()->description()));
    c.actions()->isolate(3);
    QVERIFY(c.scene()->description().contains("n4 cut off from every other node"));
    QSignalSpy changed(c.scene(), &cs::ui::StageScene::descriptionChanged);
    c.actions()->crashOrRestart(0);
    QVERIFY(changed.count() >= 1);
    QVERIFY(c.scene()->description().contains("n1 is leader"));
  }

  void projectorPaletteHasStrongContrast() {
    cs::ui::use_projector_palette(true);
    const cs::ui::StagePalette& p = cs::ui::stage_palette();
    QVERIFY(p.projector);
    using cs::sim::NodeStatus;
    using cs::sim::Role;
    for (Role role :
         {Role::None, Role::Follower, Role::Candidate, Role::Leader, Role::Primary, Role::Replica, Role::Suspect}) {
      for (NodeStatus status : {NodeStatus::Up, NodeStatus::Crashed, NodeStatus::Paused}) {
        const double ratio = cs::ui::contrast_ratio(p.text, p.role(role, status));
        QVERIFY2(ratio >= 7.0, qPrintable(QString("role %1 status %2: %3").arg(int(role)).arg(int(status)).arg(ratio)));
      }
    }
    QVERIFY(cs::ui::contrast_ratio(p.text, p.background) >= 7.0);
    QVERIFY(cs::ui::contrast_ratio(p.link, p.background) >= 4.5);  // lines are large features
    QVERIFY(cs::ui::contrast_ratio(p.cut_link, p.background) >= 4.5);
    QVERIFY(p.line_width >= 4 && p.type_scale > 1.2);
    // The normal palette keeps large text (node names) readable too.
    cs::ui::use_projector_palette(false);
    const cs::ui::StagePalette& n = cs::ui::stage_palette();
    for (Role role : {Role::Follower, Role::Leader, Role::Suspect}) {
      QVERIFY(cs::ui::contrast_ratio(n.text, n.role(role, NodeStatus::Up)) >= 4.5);
    }
    QCOMPARE(cs::ui::contrast_ratio(Qt::black, Qt::white), 21.0);
  }

  void everyPaletteKeepsCardsAndLabelsReadable() {
    using cs::sim::NodeStatus;
    using cs::sim::Role;
    for (const cs::ui::StagePalette& p :
         {cs::ui::normal_palette(), cs::ui::dark_palette(), cs::ui::projector_palette()}) {
      const QString which = p.projector ? "projector" : p.dark ? "dark" : "normal";
      // Card text sits on the role's fill: at least 4.5:1 (7:1 in projector mode, tested above).
      for (Role role :
           {Role::None, Role::Follower, Role::Candidate, Role::Leader, Role::Primary, Role::Replica, Role::Suspect}) {
        for (NodeStatus status : {NodeStatus::Up, NodeStatus::Crashed, NodeStatus::Paused}) {
          const double ratio = cs::ui::contrast_ratio(p.card_text, p.role(role, status));
          QVERIFY2(
              ratio >= 4.5,
              qPrintable(QString("%1: role %2 status %3: %4").arg(which).arg(int(role)).arg(int(status)).arg(ratio)));
        }
      }
      // Stage labels (time, regions, legend) on the background, and on a region's area.
      QVERIFY2(cs::ui::contrast_ratio(p.text, p.background) >= 7.0, qPrintable(which));
      QVERIFY2(cs::ui::contrast_ratio(p.text, p.region_fill) >= 7.0, qPrintable(which));
      // Lines and rings are graphical objects: 3:1 against what they are drawn on (WCAG 1.4.11).
      for (const QColor& line : {p.link, p.cut_link, p.focus, p.region_border}) {
        QVERIFY2(cs::ui::contrast_ratio(line, p.background) >= 3.0, qPrintable(which + " " + line.name()));
      }
    }
    QVERIFY(cs::ui::dark_palette().dark && !cs::ui::normal_palette().dark);
  }

  void appearanceFollowsTheChoiceAndIsRemembered() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(options(dir));
    w.classroom()->setAppearance(cs::ui::Appearance::Dark);
    QVERIFY(cs::ui::is_dark(QApplication::palette()));
    QCOMPARE(w.controller()->theme()->backgroundColor(), cs::ui::dark_palette().background);
    QCOMPARE(w.controller()->theme()->textColor(), cs::ui::dark_palette().text);
    QCOMPARE(w.controller()->scene()->nodes()->items()[0].ringColor, cs::ui::dark_palette().text);
    QCOMPARE(cs::ui::saved_appearance(), cs::ui::Appearance::Dark);
    // Projector mode is designed for projected light: light, whatever the scheme.
    w.classroom()->setProjectorMode(true);
    QVERIFY(!cs::ui::is_dark(QApplication::palette()));
    QCOMPARE(w.controller()->theme()->backgroundColor(), cs::ui::projector_palette().background);
    w.classroom()->setProjectorMode(false);
    QVERIFY(cs::ui::is_dark(QApplication::palette()));
    w.classroom()->setAppearance(cs::ui::Appearance::Light);
    QVERIFY(!cs::ui::is_dark(QApplication::palette()));
    QCOMPARE(w.controller()->theme()->backgroundColor(), cs::ui::normal_palette().background);
    // "Follow the system": the system's own palette, and the stage matching its darkness.
    w.classroom()->setAppearance(cs::ui::Appearance::System);
    QCOMPARE(QApplication::palette().color(QPalette::Window), cs::ui::system_palette().color(QPalette::Window));
    QCOMPARE(cs::ui::stage_palette().dark, cs::ui::is_dark(cs::ui::system_palette()));
    QCOMPARE(cs::ui::saved_appearance(), cs::ui::Appearance::System);
    w.classroom()->setAppearance(cs::ui::Appearance::Dark);
    cs::ui::MainWindow again(options(dir));  // a new session starts dark
    QVERIFY(cs::ui::is_dark(QApplication::palette()));
    again.classroom()->setAppearance(cs::ui::Appearance::System);
  }

  void theSystemFontSizeScalesTheStage() {
    const QFont original = QApplication::font();
    QFont big = original;
    big.setPointSizeF(15);
    QApplication::setFont(big);
    QCOMPARE(cs::ui::system_font_scale(), 1.5);
    QTemporaryDir dir;
    {
      cs::ui::MainWindow w(options(dir));
      QCOMPARE(w.controller()->theme()->typeScale(), 1.5);
      QCOMPARE(w.controller()->scene()->nodes()->items()[0].scale, 1.5);
      w.classroom()->setProjectorMode(true);  // the projector's own scale multiplies
      QCOMPARE(w.controller()->theme()->typeScale(), cs::ui::projector_palette().type_scale * 1.5);
      w.classroom()->setProjectorMode(false);
    }
    QApplication::setFont(original);
    QTemporaryDir dir2;
    cs::ui::MainWindow w(options(dir2));
    QCOMPARE(w.controller()->theme()->typeScale(), std::max(1.0, original.pointSizeF() / 10.0));
  }

  void buttonsHaveIconsInThePalettesInk() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(options(dir));
    auto* play = w.findChild<QToolButton*>("playButton");
    QVERIFY(play);
    for (const char* name : {"playButton", "stepButton", "resetButton", "discardFutureButton"}) {
      auto* b = w.findChild<QToolButton*>(name);
      QVERIFY2(b && !b->icon().isNull() && !b->text().isEmpty(), name);  // an icon and a word
    }
    const auto ink_at_centre = [&] { return play->icon().pixmap(24, 24).toImage().pixelColor(11, 12); };
    QCOMPARE(ink_at_centre().rgb(), play->palette().color(QPalette::ButtonText).rgb());
    const qint64 play_key = play->icon().cacheKey();
    w.controller()->run()->setPlaying(true);
    QVERIFY(play->icon().cacheKey() != play_key);  // the pause icon now
    w.controller()->run()->setPlaying(false);
    w.classroom()->setAppearance(cs::ui::Appearance::Dark);
    QCoreApplication::sendPostedEvents();  // the widgets learn of the new palette
    QCOMPARE(ink_at_centre().rgb(), play->palette().color(QPalette::ButtonText).rgb());
    QVERIFY2(ink_at_centre().lightness() > 160, qPrintable(ink_at_centre().name()));  // light ink on dark buttons
    w.classroom()->setAppearance(cs::ui::Appearance::System);
  }

  void teacherModeHidesAdvancedDetails() {
    QTemporaryDir dir;
    cs::ui::AppOptions o = options(dir);
    o.scenario = "raft-5";
    cs::ui::MainWindow w(o);
    w.controller()->run()->seekUs(3'000'000);
    const auto summaries = [&] {
      QStringList out;
      for (const auto& n : w.controller()->scene()->nodes()->items()) out << n.summary;
      return out.join('|');
    };
    QVERIFY2(summaries().contains("term"), qPrintable(summaries()));
    auto* tabs = w.findChild<QTabWidget*>("panels");
    QVERIFY(tabs);
    const int sequence_tab = tabs->indexOf(static_cast<QWidget*>(w.sequenceDiagram()));
    QVERIFY(tabs->isTabVisible(sequence_tab));
    QAction* skew = nullptr;
    for (QAction* a : w.findChildren<QAction*>()) {
      if (a->shortcut() == QKeySequence(Qt::Key_K)) skew = a;
    }
    QVERIFY(skew && skew->isVisible());

    auto* hide = w.findChild<QAction*>("hideAdvancedAction");
    QVERIFY(hide);
    hide->trigger();
    QVERIFY(w.classroom()->advancedHidden());
    for (const auto& n : w.controller()->scene()->nodes()->items()) {
      QVERIFY2(!n.summary.startsWith("term") && !n.summary.contains("commit"), qPrintable(n.summary));
    }
    QVERIFY(!tabs->isTabVisible(sequence_tab));
    QVERIFY(!tabs->isTabVisible(tabs->indexOf(static_cast<QWidget*>(w.eventLog()))));
    QVERIFY(!tabs->isTabVisible(tabs->indexOf(static_cast<QWidget*>(w.historyPanel()))));
    QVERIFY(tabs->isTabVisible(tabs->indexOf(static_cast<QWidget*>(w.metricsPanel()))));
    QVERIFY(!skew->isVisible());
    // The run itself is untouched: the cards still show roles and the description is the same.
    QVERIFY(w.controller()->scene()->description().contains("is leader"));
    QVERIFY(QSettings().value("view/hideAdvanced").toBool());
    hide->trigger();
    QVERIFY(summaries().contains("term"));
    QVERIFY(tabs->isTabVisible(sequence_tab) && skew->isVisible());
  }

  void projectorModeScalesTheStageAndText() {
    QTemporaryDir dir;
    cs::ui::AppOptions o = options(dir);
    o.projector = true;
    cs::ui::MainWindow w(o);
    QVERIFY(w.classroom()->projectorMode());
    QCOMPARE(w.controller()->theme()->typeScale(), cs::ui::stage_palette().type_scale);
    QVERIFY(w.controller()->scene()->nodes()->items()[0].scale > 1.2);
    const double projected = w.lessonPane()->view()->font().pointSizeF();
    w.classroom()->setProjectorMode(false);
    QVERIFY(w.lessonPane()->view()->font().pointSizeF() < projected);
    QVERIFY(w.controller()->scene()->nodes()->items()[0].scale == 1.0);
  }

  // Tables are set smaller than the text around them (a narrow column would otherwise break their
  // words), and follow the text when it is zoomed.
  static double first_table_points(cs::ui::LessonView* view) {
    for (QTextFrame* frame : view->document()->rootFrame()->childFrames()) {
      if (auto* table = qobject_cast<QTextTable*>(frame)) {
        QTextCursor c = table->cellAt(0, 0).firstCursorPosition();
        c.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor);
        return c.charFormat().font().pointSizeF();
      }
    }
    return 0;
  }

  void tablesAreSetSmallerAndFollowTheZoom() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(options(dir));
    w.showLesson(0);
    auto* view = w.lessonPane()->view();
    const double body = view->font().pointSizeF();
    const double table = first_table_points(view);
    QVERIFY2(table > 0, "lesson 1 has a table");
    QVERIFY(table < body * 0.95);
    QVERIFY(table > body * 0.8);
    w.classroom()->zoomText(2);
    QVERIFY(first_table_points(view) > table * 1.2);
    QCOMPARE(first_table_points(view), view->font().pointSizeF() * (table / body));
  }

  void zoomChangesTheLessonText() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(options(dir));
    const double base = w.lessonPane()->view()->font().pointSizeF();
    w.classroom()->zoomText(1);
    w.classroom()->zoomText(1);
    QVERIFY(w.lessonPane()->view()->font().pointSizeF() > base * 1.2);
    w.classroom()->zoomText(0);
    QCOMPARE(w.lessonPane()->view()->font().pointSizeF(), base);
  }

  void presentationModeAndPresenterKeys() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(options(dir));
    w.show();
    std::vector<cs::course::TryItStep> steps(3);
    steps[0].text = "one";
    steps[1].text = "two";
    steps[1].at_us = 500'000;
    steps[2].text = "three";
    w.narration()->setSteps("Steps", steps);
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));  // shortcuts reach only the active window
    w.classroom()->setPresentationMode(true);
    QVERIFY(w.findChild<QWidget*>("courseNavigator")->isHidden());
    QVERIFY(w.findChild<QWidget*>("panels")->isHidden());
    QVERIFY(!w.findChild<QWidget*>("stage")->isHidden());
    QVERIFY(!w.findChild<QWidget*>("lessonPane")->isHidden());
    // A clicker's Right and Page Down step forward; Left steps back.
    w.findChild<QAction*>("presenterNext")->trigger();
    QCOMPARE(w.narration()->currentStep(), 1);
    QCOMPARE(w.controller()->run()->timeUs(), qint64{500'000});
    QTest::keyClick(&w, Qt::Key_PageDown);
    QCOMPARE(w.narration()->currentStep(), 2);
    w.findChild<QAction*>("presenterPrevious")->trigger();
    QCOMPARE(w.narration()->currentStep(), 1);
    w.classroom()->setPresentationMode(false);
    QVERIFY(!w.findChild<QWidget*>("courseNavigator")->isHidden());
    QVERIFY(!w.findChild<QAction*>("presenterNext")->isEnabled());
  }

  void blankingTheScreen() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(options(dir));
    w.show();
    w.controller()->run()->setPlaying(true);
    w.classroom()->setBlanked(true);
    QVERIFY(w.classroom()->blanked());
    QVERIFY(!w.controller()->run()->playing());
    QTest::keyClick(w.findChild<QWidget*>("blankScreen"), Qt::Key_Space);
    QVERIFY(!w.classroom()->blanked());
  }

  void tabReachesEveryControl() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(options(dir));
    w.show();
    QSet<QString> reached;
    QWidget* start = w.findChild<QWidget*>("lessonList");
    QWidget* current = start;
    for (int i = 0; i < 400; ++i) {
      current = current->nextInFocusChain();
      if (current == start) break;
      if ((current->focusPolicy() & Qt::TabFocus) && current->isVisibleTo(&w) && !current->objectName().isEmpty()) {
        reached.insert(current->objectName());
      }
    }
    for (const char* name : {"lessonView", "stage", "timeline", "playButton", "stepButton", "resetButton",
                             "speedSlider", "seedBox", "levelBox", "quizSubmit", "q0o0", "narrationNext"}) {
      if (QString(name) == "narrationNext") continue;  // shown only while a Try it runs
      QVERIFY2(reached.contains(name), name);
    }
  }
};

QTEST_MAIN(TestClassroom)
#include "test_classroom.moc"
