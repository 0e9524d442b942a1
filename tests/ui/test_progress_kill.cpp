// A writer process killed at random points during saves, 200 times: the progress file is always
// a complete old or new state, never a corrupt one, and the backup is never corrupt either.
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "progress/progress_store.h"
#include "sim/random.h"

class TestProgressKill : public QObject {
  Q_OBJECT

 private slots:
  void killedWritersNeverCorruptTheFile() {
    QTemporaryDir dir;
    const QString path = dir.filePath("progress.json");
    const QString writer = QCoreApplication::applicationDirPath() + "/progress_writer";
    QVERIFY(QFile::exists(writer));
    cs::sim::Random rng(20261126);
    int last_seen = 0;
    int kills_mid_run = 0;
    for (int round = 0; round < 200; ++round) {
      QProcess p;
      p.start(writer, {path});
      QVERIFY(p.waitForStarted());
      // Wait for a random number of completed saves (0..5), then kill without warning; the
      // writer is already busy with the next save when the line arrives.
      const int saves = static_cast<int>(rng.below(6));
      int seen = 0;
      while (seen < saves && p.waitForReadyRead(5000)) {
        while (p.canReadLine()) {
          if (p.readLine().startsWith("saved")) ++seen;
        }
      }
      if (p.state() == QProcess::Running) ++kills_mid_run;
      p.kill();
      p.waitForFinished();

      cs::ui::ProgressStore store(path);
      const auto outcome = store.load();
      if (round == 0 && saves == 0) continue;  // the very first save may not have happened
      QVERIFY2(
          outcome == cs::ui::ProgressStore::LoadOutcome::Loaded || outcome == cs::ui::ProgressStore::LoadOutcome::Fresh,
          qPrintable(QString("round %1: %2").arg(round).arg(store.notice())));
      if (outcome == cs::ui::ProgressStore::LoadOutcome::Loaded) {
        const int n = store.progress().last.scroll;
        QCOMPARE(QString::fromStdString(store.progress().last.scenario), QString("state-%1").arg(n));
        QCOMPARE(store.progress().lessons.size(), std::size_t{6});
        last_seen = n;
      }
      QFile backup(path + ".bak");
      if (backup.open(QIODevice::ReadOnly)) {
        const auto parsed = cs::course::parse_progress(backup.readAll().toStdString());
        QCOMPARE(parsed.status, cs::course::ProgressParse::Status::Ok);
      }
    }
    QVERIFY(last_seen > 0);
    QVERIFY(kills_mid_run >= 190);  // the kills really hit a running writer
  }
};

QTEST_GUILESS_MAIN(TestProgressKill)
#include "test_progress_kill.moc"
