// Class bundles in the window (issue 25, "Class bundles"): a student opens a teacher's class file
// and sees the class: only its lessons, in order, its first step's run at the chosen seed and
// moment, the teacher's note in the narration; the progress file is not touched by it; a bad file
// is refused with its name and JSON path and changes nothing. The teacher's dialog saves a class
// that opens again as it was. The student's view goes to /tmp/class-student.png to look at.
#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QTemporaryDir>
#include <QtQml/QQmlExtensionPlugin>
#include <QtTest>

#include "window_test_support.h"

#include "course/class_bundle.h"
#include "course/quiz_session.h"
#include "progress/course_session.h"
#include "quiz/quiz_widget.h"
#include "run/run_controller.h"
#include "shell/app_options.h"
#include "shell/class_dialog.h"
#include "shell/class_session.h"
#include "shell/course_navigator.h"
#include "shell/lesson_pane.h"
#include "shell/main_window.h"
#include "shell/narration_panel.h"
#include "shell/notice_bar.h"
#include "shell/window_host.h"
#include "stage/stage_controller.h"

Q_IMPORT_QML_PLUGIN(ClusterScopePlugin)

namespace {

// The window's class session (made here while the window does not make one itself yet).
cs::ui::ClassSession* class_session(cs::ui::MainWindow& w) {
  if (auto* s = w.findChild<cs::ui::ClassSession*>()) return s;
  QMenu* file = w.menuBar()->actions().first()->menu();
  return new cs::ui::ClassSession(file, &w);
}

QByteArray bytes(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("(missing)");
}

void write(const QString& path, const QByteArray& text) {
  QFile f(path);
  QVERIFY(f.open(QIODevice::WriteOnly));
  f.write(text);
}

const char* const kClass = R"({
  "schemaVersion": 1,
  "title": "Tuesday: replication and failover",
  "note": "We look at two runs together.",
  "lessons": ["02-replication", "05-failover"],
  "steps": [
    {"lesson": "02-replication", "tryit": "async-stale-read", "seed": 7, "at_s": 1.25,
     "note": "Look at the replica's lag before the read. <img src=\"/etc/passwd\">"},
    {"lesson": "05-failover", "scenario": "auto-failover-async-loss", "seed": 42, "at_s": 3,
     "note": "The old primary's last writes: where are they now?"}
  ]
})";

// A graded attempt of `quiz` with one answer right.
cs::course::AttemptResult answered(const cs::course::Quiz& quiz, cs::course::QuizAttempt* attempt_out) {
  const cs::course::QuizAttempt attempt = cs::course::draw_attempt(quiz, {}, 42);
  std::vector<int> chosen(attempt.asked.size(), 0);
  *attempt_out = attempt;
  return cs::course::grade(quiz, attempt, chosen);
}

QVector<int> listed(cs::ui::MainWindow& w) {
  QVector<int> rows;
  QListWidget* list = w.navigator()->list();
  for (int i = 0; i < list->count(); ++i) {
    if (!list->item(i)->isHidden()) rows << i;
  }
  return rows;
}

}  // namespace

class TestClassBundleWindow : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { test::isolate_settings(); }

  // `clusterscope FILE.clusterscope-class` (as a file manager opens one) is a class, not a scenario.
  void aClassFileOnTheCommandLineIsAClass() {
    const auto parsed = cs::ui::parse_app_options({"clusterscope", "/home/t/Tuesday.clusterscope-class"});
    QCOMPARE(parsed.outcome, cs::ui::ParsedOptions::Outcome::Run);
    QCOMPARE(parsed.options.class_file, QString("/home/t/Tuesday.clusterscope-class"));
    QVERIFY(parsed.options.scenario.isEmpty());
    const auto scenario = cs::ui::parse_app_options({"clusterscope", "run.clusterscope"});
    QCOMPARE(scenario.options.scenario, QString("run.clusterscope"));
    QVERIFY(scenario.options.class_file.isEmpty());
  }

  void aStudentSeesTheClassAndTheirProgressIsUntouched() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(test::window_options(dir, {1600, 1000}));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.courseLoaded());
    // The student's own place, saved before the class opens.
    w.session()->setLastPlace(0, 0, "cluster-heartbeat");
    QString error;
    QVERIFY2(w.session()->save(&error), qPrintable(error));
    const QString progress = dir.filePath("progress.json");
    const QByteArray before = bytes(progress);
    QVERIFY(before != "(missing)");

    const QString path = dir.filePath("tuesday.clusterscope-class");
    write(path, kClass);
    cs::ui::ClassSession* session = class_session(w);
    QVERIFY2(session->open(path, &error), qPrintable(error));
    QVERIFY(session->isOpen());

    // Only the class's lessons, in order, open to read.
    QCOMPARE(listed(w), (QVector<int>{1, 4}));
    QVERIFY(w.session()->mayOpen(1) && w.session()->mayOpen(4));
    QVERIFY2(!w.navigator()->itemText(4).contains("locked"), qPrintable(w.navigator()->itemText(4)));
    // The first step: its lesson, its Try it's scenario at the chosen seed and moment, its note.
    cs::ui::RunController* run = w.controller()->run();
    QCOMPARE(w.currentLesson(), 1);
    QCOMPARE(run->scenarioId(), QString("async-lag-stale-read"));
    QCOMPARE(run->seed(), quint64{7});
    QCOMPARE(run->timeUs(), qint64{1'250'000});
    QVERIFY(!run->playing());
    const QString note = w.narration()->text();
    QVERIFY2(note.contains("Look at the replica's lag before the read."), qPrintable(note));
    // The teacher's markup is text: the tag shows as written, nothing is loaded.
    QVERIFY2(note.contains("&lt;img"), qPrintable(note));
    QVERIFY(session->panel()->isVisible());
    QCOMPARE(session->stepList()->count(), 2);
    QTest::qWait(200);
    QVERIFY(w.renderImage().save("/tmp/class-student.png"));
    // Next lesson stays in the class: from lesson 2 it goes to lesson 5, and lesson 5 has none.
    cs::ui::QuizWidget* quiz_widget = w.lessonPane()->quiz();
    QVERIFY(quiz_widget->hasNextLesson());
    emit quiz_widget->nextLessonRequested();
    QCOMPARE(w.currentLesson(), 4);
    QVERIFY(!quiz_widget->hasNextLesson());

    // The second step; time passes for the window to remember its place, which it does not write.
    session->startStep(1);
    QCOMPARE(w.currentLesson(), 4);
    QCOMPARE(run->scenarioId(), QString("auto-failover-async-loss"));
    QCOMPARE(run->seed(), quint64{42});
    QCOMPARE(run->timeUs(), qint64{3'000'000});
    QVERIFY(w.narration()->text().contains("The old primary's last writes"));
    QTest::qWait(1500);
    QCOMPARE(bytes(progress), before);

    // The student's own work in the class (a quiz) is saved, with the place from before the class.
    cs::course::QuizAttempt attempt;
    const cs::course::Quiz& quiz = w.course().lessons[4].quiz;
    const cs::course::AttemptResult result = answered(quiz, &attempt);
    QVERIFY(w.session()->submit(4, quiz, attempt, result).saved);
    const QByteArray after_work = bytes(progress);
    QVERIFY(after_work != before);
    QVERIFY2(after_work.contains("\"cluster-heartbeat\""), after_work.constData());
    QVERIFY(!after_work.contains("auto-failover-async-loss"));

    // Close class: the whole course again, at the student's place.
    session->close();
    QVERIFY(!session->isOpen());
    QCOMPARE(listed(w), (QVector<int>{0, 1, 2, 3, 4, 5}));
    QCOMPARE(w.currentLesson(), 0);
    QCOMPARE(run->scenarioId(), QString("cluster-heartbeat"));
    QVERIFY(!session->panel()->isVisible());
    QVERIFY(!w.session()->mayOpen(4));
  }

  // Switching the language builds the window anew: a class opened from the File menu stays open at
  // its step, and a class closed before the switch stays closed.
  void aClassSurvivesALanguageSwitch() {
    QTemporaryDir dir;
    const QString path = dir.filePath("tuesday.clusterscope-class");
    write(path, kClass);
    cs::ui::WindowHost host(test::window_options(dir, {1600, 1000}));
    QString error;
    QVERIFY2(class_session(*host.window())->open(path, &error), qPrintable(error));
    class_session(*host.window())->startStep(1);
    QSignalSpy rebuilt(&host, &cs::ui::WindowHost::windowRebuilt);
    host.window()->findChild<QAction*>("language_de")->trigger();
    QVERIFY(rebuilt.wait(5000));
    cs::ui::ClassSession* german = class_session(*host.window());
    QVERIFY(german->isOpen());
    QCOMPARE(german->path(), path);
    QCOMPARE(german->currentStep(), 1);
    QCOMPARE(listed(*host.window()), (QVector<int>{1, 4}));
    QCOMPARE(host.window()->currentLesson(), 4);
    QCOMPARE(host.window()->controller()->run()->scenarioId(), QString("auto-failover-async-loss"));

    german->close();
    host.window()->findChild<QAction*>("language_en")->trigger();
    QVERIFY(rebuilt.wait(5000));
    QVERIFY(!class_session(*host.window())->isOpen());
    QCOMPARE(listed(*host.window()), (QVector<int>{0, 1, 2, 3, 4, 5}));
  }

  // On a laptop the Class panel takes the lesson list's place, so the lesson keeps a readable
  // width; closing the class brings the list back.
  void onALaptopTheLessonKeepsItsRoom() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(test::window_options(dir, {1280, 720}));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(!w.navigator()->isHidden());
    const QString path = dir.filePath("tuesday.clusterscope-class");
    write(path, kClass);
    cs::ui::ClassSession* session = class_session(w);
    QString error;
    QVERIFY2(session->open(path, &error), qPrintable(error));
    QCoreApplication::processEvents();
    QVERIFY(w.navigator()->isHidden());
    QVERIFY2(w.lessonPane()->viewport()->width() >= 300,
             qPrintable(QString("the lesson is %1 px wide").arg(w.lessonPane()->viewport()->width())));
    session->close();
    QVERIFY(!w.navigator()->isHidden());
  }

  void aBadClassFileIsRefusedAndChangesNothing() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(test::window_options(dir, {1400, 950}));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QString error;
    w.session()->setLastPlace(0, 0, "cluster-heartbeat");
    QVERIFY(w.session()->save(&error));
    const QString progress = dir.filePath("progress.json");
    const QByteArray before = bytes(progress);
    cs::ui::ClassSession* session = class_session(w);
    const QString good = dir.filePath("good.clusterscope-class");
    write(good, kClass);
    QVERIFY2(session->open(good, &error), qPrintable(error));
    cs::ui::RunController* run = w.controller()->run();
    const QString scenario = run->scenarioId();
    const qint64 time = run->timeUs();

    QByteArray bad = kClass;
    bad.replace("auto-failover-async-loss", "../../../etc/passwd");
    const QString path = dir.filePath("bad.clusterscope-class");
    write(path, bad);
    QVERIFY(!session->open(path, &error));
    QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
    QVERIFY2(error.contains("/steps/1/scenario: no built-in scenario \"../../../etc/passwd\""), qPrintable(error));
    QVERIFY2(w.noticeBar()->text().contains("/steps/1/scenario"), qPrintable(w.noticeBar()->text()));
    // The class that was open stays open, as it was.
    QVERIFY(session->isOpen());
    QCOMPARE(session->path(), good);
    QCOMPARE(listed(w), (QVector<int>{1, 4}));
    QCOMPARE(run->scenarioId(), scenario);
    QCOMPARE(run->timeUs(), time);

    // A file that is not there, and one that is not JSON.
    QVERIFY(!session->open(dir.filePath("missing.clusterscope-class"), &error));
    QVERIFY2(error.contains("missing.clusterscope-class: cannot be read"), qPrintable(error));
    write(path, "not json");
    QVERIFY(!session->open(path, &error));
    QVERIFY2(error.contains("bad.clusterscope-class: line 1"), qPrintable(error));
    QCOMPARE(bytes(progress), before);
  }

  // The teacher's dialog: lessons checked, the stage's run added as a step with a note, saved; the
  // file opens again with what the teacher chose.
  void aTeacherSavesAClassThatOpensAgain() {
    QTemporaryDir dir;
    cs::ui::AppOptions options = test::window_options(dir, {1400, 950});
    options.teacher = true;
    cs::ui::MainWindow w(options);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.showLesson(2);
    cs::ui::RunController* run = w.controller()->run();
    run->setSeed(9);
    run->setPlaying(false);
    run->seekUs(2'000'000);
    cs::ui::ClassSession* session = class_session(w);
    session->openSaveDialog();
    cs::ui::ClassDialog* dialog = session->saveDialog();
    QVERIFY(dialog);
    dialog->titleEdit()->setText("Sharding, one run");
    dialog->lessonList()->item(0)->setCheckState(Qt::Checked);
    dialog->showAsBox()->setCurrentIndex(dialog->showAsBox()->count() - 1);  // the simulation on its own
    QString error;
    QVERIFY2(dialog->addCurrentStep("Count the keys on each shard.", &error), qPrintable(error));
    dialog->stepNoteEdit()->setText("Then add a node.");
    QVERIFY(dialog->grab().save("/tmp/class-dialog.png"));
    const QString path = dir.filePath("sharding.clusterscope-class");
    QVERIFY2(dialog->saveTo(path, &error), qPrintable(error));
    const std::string scenario = run->scenarioId().toStdString();

    run->seekUs(0);
    QVERIFY2(session->open(path, &error), qPrintable(error));
    const cs::course::ClassBundle& b = session->bundle();
    QCOMPARE(b.title, std::string("Sharding, one run"));
    QCOMPARE(b.lessons, (std::vector<std::string>{"01-basics", "03-sharding"}));
    QCOMPARE(b.steps.size(), std::size_t{1});
    QCOMPARE(b.steps[0].scenario, scenario);
    QCOMPARE(listed(w), (QVector<int>{0, 2}));
    QCOMPARE(run->scenarioId().toStdString(), scenario);
    QCOMPARE(run->seed(), quint64{9});
    QCOMPARE(run->timeUs(), qint64{2'000'000});
    QVERIFY(w.narration()->text().contains("Count the keys on each shard."));
  }
};

QTEST_MAIN(TestClassBundleWindow)
#include "test_class_bundle.moc"
