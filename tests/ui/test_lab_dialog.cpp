// Simulation > Live lab in the window: without the engines it says what to install and runs
// nothing; with etcd (scripts/lab-deps.sh) a run fills the table with real and simulated figures
// and the engines' lines; closing the dialog in the middle of a run still stops every engine.
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMainWindow>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include "lab/lab_folder.h"
#include "lab/lab_process.h"
#include "lessons_dir.h"
#include "livelab/lab_dialog.h"
#include "theme/palette.h"
#include "window_test_support.h"

class TestLabDialog : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir lab_dir_;

  static bool anything_running(const QString& root) {
    for (const cs::lab::ProcessRecord& r : cs::lab::LabFolder(root.toStdString()).remembered()) {
      if (cs::lab::is_same_process(r)) return true;
    }
    return false;
  }

 private slots:
  void initTestCase() {
    test::isolate_settings();
    QVERIFY(lab_dir_.isValid());
    qputenv("CLUSTERSCOPE_LAB_DIR", lab_dir_.path().toLocal8Bit());
  }
  void cleanup() { qunsetenv("CLUSTERSCOPE_LAB_PATH"); }

  void withoutEnginesItSaysWhatToInstallAndRunsNothing() {
    QTemporaryDir empty;
    qputenv("CLUSTERSCOPE_LAB_PATH", empty.path().toLocal8Bit());
    cs::ui::LabDialog dialog;
    dialog.show();
    auto* run = dialog.findChild<QPushButton*>("labRun");
    auto* engines = dialog.findChild<QLabel*>("labEngines");
    QVERIFY(run && engines);
    QVERIFY(!run->isEnabled());
    QVERIFY(engines->isVisible());
    QVERIFY2(engines->text().contains("apt-get install etcd-server etcd-client"), qPrintable(engines->text()));
    dialog.runSelected();  // even when asked directly
    QVERIFY(!dialog.running());
  }

  void aRunShowsRealAndSimulatedFigures() {
    cs::ui::LabDialog dialog;
    dialog.show();
    auto* run = dialog.findChild<QPushButton*>("labRun");
    QVERIFY2(run->isEnabled(), "etcd must be installed: scripts/lab-deps.sh");
    QSignalSpy finished(&dialog, &cs::ui::LabDialog::finished);
    QTest::mouseClick(run, Qt::LeftButton);
    QVERIFY(dialog.running());
    QVERIFY(!run->isEnabled());  // one run at a time
    QVERIFY(finished.wait(120'000));
    QCOMPARE(finished.first().first().toBool(), true);
    auto* figures = dialog.findChild<QTableWidget*>("labFigures");
    QCOMPARE(figures->rowCount(), 2);
    QCOMPARE(figures->item(0, 0)->text(),
             cs::ui::LabDialog::measureName("etcd-leader-election", "detection_time_us+failover_time_us"));
    const double real = figures->item(0, 1)->text().section(' ', 0, 0).toDouble();
    QVERIFY2(real >= 500 && real <= 6000, qPrintable(figures->item(0, 1)->text()));
    QVERIFY(figures->item(0, 2)->text().contains(" ms ("));
    QVERIFY(dialog.findChild<QPlainTextEdit*>("labLog")->toPlainText().contains("leader"));
    QVERIFY(dialog.findChild<QLabel*>("labProgress")->text().contains(lab_dir_.path()));
    QVERIFY(!anything_running(lab_dir_.path()));
    QVERIFY(run->isEnabled());
  }

  void engineLeftByACrashedRunIsStoppedAtTheNextStart() {
    // A process the lab started (it names its folder) survives a crash of the program.
    const QString folder = lab_dir_.path() + "/runs/crashed";
    QDir().mkpath(folder);
    QProcess leftover;
    leftover.start("python3", {"-c", "import time; time.sleep(600)", folder});
    QVERIFY(leftover.waitForStarted());
    const auto pid = static_cast<pid_t>(leftover.processId());
    QTRY_VERIFY(cs::lab::process_start_ticks(pid) != 0);
    cs::lab::LabFolder(lab_dir_.path().toStdString())
        .remember({pid, cs::lab::process_start_ticks(pid), folder.toStdString()});
    QMainWindow window;
    cs::ui::install_lab(&window, {});  // as the window does when it opens
    QVERIFY(leftover.waitForFinished(5'000));
    QVERIFY(!anything_running(lab_dir_.path()));
  }

  void stopEndsARunAndStopsItsEngines() {
    cs::ui::LabDialog dialog;
    dialog.show();
    auto* stop = dialog.findChild<QPushButton*>("labCancel");
    QVERIFY(stop && !stop->isEnabled());  // nothing to stop yet
    QSignalSpy finished(&dialog, &cs::ui::LabDialog::finished);
    dialog.runSelected();
    QVERIFY(stop->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!cs::lab::LabFolder(lab_dir_.path().toStdString()).remembered().empty(), 30'000);
    QTest::mouseClick(stop, Qt::LeftButton);
    QVERIFY(finished.wait(60'000));
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY2(dialog.findChild<QLabel*>("labProgress")->text().startsWith("Stopped."),
             qPrintable(dialog.findChild<QLabel*>("labProgress")->text()));
    QVERIFY(!anything_running(lab_dir_.path()));
    QVERIFY(!stop->isEnabled());
    QVERIFY(dialog.findChild<QPushButton*>("labRun")->isEnabled());
  }

  void everyExperimentHasAShortNameAndADescription() {
    cs::ui::LabDialog dialog;
    auto* list = dialog.findChild<QListWidget*>("labExperiments");
    QCOMPARE(list->count(), static_cast<int>(cs::lab::experiments().size()));
    for (const cs::lab::Experiment& e : cs::lab::experiments()) {
      QVERIFY2(!cs::ui::LabDialog::experimentName(e).isEmpty(), e.id.c_str());
      QVERIFY2(cs::ui::LabDialog::experimentTitle(e) == QString::fromStdString(e.title), e.id.c_str());
    }
    // The chosen one is described, with the scenario it mirrors.
    list->setCurrentRow(list->count() - 1);
    const auto& last = cs::lab::experiments().back();
    QVERIFY(dialog.findChild<QLabel*>("labAbout")->text().contains(QString::fromStdString(last.scenario)));
  }

  void projectorModeSetsTheProjectedTypeSize() {
    const double normal = QApplication::font().pointSizeF();
    cs::ui::use_projector_palette(true);
    {
      cs::ui::LabDialog dialog;
      dialog.show();
      QVERIFY(cs::ui::stage_palette().type_scale > 1.0);
      QCOMPARE(dialog.font().pointSizeF(), normal * cs::ui::stage_palette().type_scale);
      QCOMPARE(dialog.findChild<QTableWidget*>("labFigures")->font().pointSizeF(), dialog.font().pointSizeF());
      // Every experiment still in view at the larger size: the list does not scroll.
      auto* list = dialog.findChild<QListWidget*>("labExperiments");
      QVERIFY(!list->verticalScrollBar()->isVisible());
      QVERIFY(list->visualItemRect(list->item(list->count() - 1)).bottom() <= list->viewport()->height());
    }
    cs::ui::use_projector_palette(false);
    cs::ui::LabDialog dialog;
    dialog.show();
    QCOMPARE(dialog.font().pointSizeF(), normal);
  }

  void everyLessonLabLinkNamesAnExperimentAndOpensIt() {
    // Every lab:ID link in the course names an experiment of the lab's, and the lab-linked
    // experiments of lessons 2 and 5 are all there.
    QStringList linked;
    const QRegularExpression link(QStringLiteral("\\]\\(lab:([^)]*)\\)"));
    for (const QString& folder : QDir(test::kLessonsDir).entryList({"0*"}, QDir::Dirs)) {
      QFile file(QString(test::kLessonsDir) + "/" + folder + "/lesson.md");
      QVERIFY(file.open(QIODevice::ReadOnly));
      const QString text = QString::fromUtf8(file.readAll());
      for (auto it = link.globalMatch(text); it.hasNext();) {
        const QString id = it.next().captured(1);
        QVERIFY2(cs::lab::find_experiment(id.toStdString()), qPrintable(folder + ": lab:" + id));
        linked << id;
      }
    }
    for (const cs::lab::Experiment& e : cs::lab::experiments())
      QVERIFY2(linked.contains(QString::fromStdString(e.id)), e.id.c_str());
    // A click on one opens the window's Live lab with that experiment chosen.
    QMainWindow window;
    window.menuBar()->addMenu("Simulation")->setObjectName("simulationMenu");
    cs::ui::install_lab(&window, {});
    cs::ui::show_lab(&window, "pg-failover");
    auto* dialog = window.findChild<cs::ui::LabDialog*>();
    QVERIFY(dialog && dialog->isVisible());
    QCOMPARE(dialog->findChild<QListWidget*>("labExperiments")->currentItem()->data(Qt::UserRole).toString(),
             QString("pg-failover"));
  }

  void openTheSimulationAsksForTheMirroredScenario() {
    cs::ui::LabDialog dialog;
    dialog.show();
    auto* list = dialog.findChild<QListWidget*>("labExperiments");
    QSignalSpy asked(&dialog, &cs::ui::LabDialog::scenarioAsked);
    for (int row = 0; row < list->count(); ++row) {
      list->setCurrentRow(row);
      QTest::mouseClick(dialog.findChild<QPushButton*>("labSimulate"), Qt::LeftButton);
      const auto* e = cs::lab::find_experiment(list->item(row)->data(Qt::UserRole).toString().toStdString());
      QVERIFY(e);
      QCOMPARE(asked.last().first().toString(), QString::fromStdString(e->scenario));
    }
    QCOMPARE(asked.count(), list->count());
  }

  void closingDuringARunStopsTheEngines() {
    auto* dialog = new cs::ui::LabDialog;
    dialog->show();
    dialog->runSelected();
    QVERIFY(dialog->running());
    // Until an engine has started, there is nothing to stop: wait for the first.
    QTRY_VERIFY_WITH_TIMEOUT(!cs::lab::LabFolder(lab_dir_.path().toStdString()).remembered().empty(), 30'000);
    delete dialog;  // waits for the lab to stop what it started
    QVERIFY(!anything_running(lab_dir_.path()));
  }
};

QTEST_MAIN(TestLabDialog)
#include "test_lab_dialog.moc"
