// Two windows (two processes) on one progress file: a save merges the other's results instead of
// overwriting them, concurrent saves lose nothing (the lock), a lock left by a dead process (or
// cut short by one) does not hold a save up, reset and import replace without merging the old
// file back, and a newer or damaged file written meanwhile is handled as at load time. The other
// process is progress_recorder, beside this executable.
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <set>

#include "progress/progress_store.h"

using cs::ui::ProgressStore;

namespace {

QString recorder() { return QCoreApplication::applicationDirPath() + "/progress_recorder"; }

QByteArray read(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void write(const QString& path, const QByteArray& bytes) {
  QFile f(path);
  QVERIFY(f.open(QIODevice::WriteOnly));
  f.write(bytes);
}

cs::course::AttemptRecord passedAttempt(const std::string& time) { return {time, {"q1"}, {"a"}, 1, 1, true}; }

// Runs the recorder to its end; a failure names the exit code and what it printed.
void record(const QStringList& args) {
  QProcess p;
  p.start(recorder(), args);
  QVERIFY2(p.waitForFinished(60000), qPrintable(p.errorString()));
  QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0,
           qPrintable(QString("exit %1: %2").arg(p.exitCode()).arg(QString::fromLocal8Bit(p.readAllStandardError()))));
}

std::set<std::string> attemptTimes(const cs::course::Progress& p, const std::string& lesson) {
  std::set<std::string> out;
  const auto it = p.lessons.find(lesson);
  if (it != p.lessons.end())
    for (const auto& a : it->second.attempts) out.insert(a.time);
  return out;
}

}  // namespace

class TestProgressTwoProcesses : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QVERIFY2(QFile::exists(recorder()), qPrintable(recorder())); }

  void anotherProcessesResultsAreKept() {
    QTemporaryDir dir;
    const QString path = dir.filePath("progress.json");
    ProgressStore a(path);
    QCOMPARE(a.load(), ProgressStore::LoadOutcome::Fresh);
    record({path, "lesson-2", "2026-11-26T10:00:00Z"});  // the other window passes lesson 2
    cs::course::record_attempt(a.progress(), "lesson-1", passedAttempt("2026-11-26T10:05:00Z"));
    QString error;
    QVERIFY2(a.save(&error), qPrintable(error));
    QVERIFY(a.mergedOnLastSave());
    QVERIFY(a.progress().lessons.at("lesson-2").passed);  // this window has it now too

    ProgressStore fresh(path);
    QCOMPARE(fresh.load(), ProgressStore::LoadOutcome::Loaded);
    QVERIFY(fresh.progress().lessons.at("lesson-1").passed);
    QVERIFY(fresh.progress().lessons.at("lesson-2").passed);
    QVERIFY(fresh.progress() == a.progress());

    // The other window, still open, saves again: lesson 1 stays too.
    record({path, "lesson-3", "2026-11-26T10:10:00Z"});
    QCOMPARE(fresh.load(), ProgressStore::LoadOutcome::Loaded);
    QCOMPARE(fresh.progress().lessons.size(), std::size_t{3});
    QVERIFY(!QFile::exists(a.lockPath()));  // the lock is released after each save
  }

  void concurrentSavesLoseNothing_data() {
    QTest::addColumn<bool>("reload");
    QTest::newRow("windows kept open") << false;
    QTest::newRow("a fresh store for each attempt") << true;
  }

  void concurrentSavesLoseNothing() {
    QFETCH(bool, reload);
    QTemporaryDir dir;
    const QString path = dir.filePath("progress.json");
    constexpr int kEach = 50;
    QStringList common{QString::number(kEach), "--wait-go"};
    if (reload) common << "--reload";
    QProcess one, two;
    one.start(recorder(), QStringList{path, "lesson-1", "2026-11-26T10:00:00.{n}Z"} + common);
    two.start(recorder(), QStringList{path, "lesson-1", "2026-11-26T11:00:00.{n}Z"} + common);
    QVERIFY(one.waitForStarted());
    QVERIFY(two.waitForStarted());
    // Both are loaded and waiting: let them go together, each saving after every attempt.
    one.write("go\n");
    two.write("go\n");
    QVERIFY(one.waitForBytesWritten() || one.bytesToWrite() == 0);
    QVERIFY(two.waitForBytesWritten() || two.bytesToWrite() == 0);
    for (QProcess* p : {&one, &two}) {
      QVERIFY2(p->waitForFinished(120000), qPrintable(p->errorString()));
      QVERIFY2(p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0,
               qPrintable(QString::fromLocal8Bit(p->readAllStandardError())));
    }

    ProgressStore fresh(path);
    QCOMPARE(fresh.load(), ProgressStore::LoadOutcome::Loaded);
    const auto times = attemptTimes(fresh.progress(), "lesson-1");
    std::set<std::string> expected;
    for (int n = 0; n < kEach; ++n) {
      const QString num = QStringLiteral("%1").arg(n, 3, 10, QLatin1Char('0'));
      expected.insert(QString("2026-11-26T10:00:00.%1Z").arg(num).toStdString());
      expected.insert(QString("2026-11-26T11:00:00.%1Z").arg(num).toStdString());
    }
    QCOMPARE(fresh.progress().lessons.at("lesson-1").attempts.size(), std::size_t{2 * kEach});
    QVERIFY(times == expected);
    QVERIFY(!QFile::exists(path + ".lock"));
  }

  void aLockLeftByADeadProcessDoesNotHoldUpASave() {
    QTemporaryDir dir;
    const QString path = dir.filePath("progress.json");
    ProgressStore a(path);
    a.load();
    QProcess holder;
    holder.start(recorder(), {path, "--hold-lock"});
    QVERIFY(holder.waitForStarted());
    QVERIFY(holder.waitForReadyRead(30000));
    QCOMPARE(holder.readLine().trimmed(), QByteArray("locked"));
    holder.kill();  // dies holding the lock: the lock file stays behind
    holder.waitForFinished();
    QVERIFY(QFile::exists(a.lockPath()));
    cs::course::record_attempt(a.progress(), "lesson-1", passedAttempt("2026-11-26T10:00:00Z"));
    QElapsedTimer timer;
    timer.start();
    QVERIFY(a.save());
    QVERIFY2(timer.elapsed() < ProgressStore::kStaleLockMs / 2, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(!QFile::exists(a.lockPath()));
  }

  void aLockFileCutShortByACrashDoesNotHoldUpASave() {
    // A process killed between creating the lock file and writing its id into it leaves an empty
    // lock file, which QLockFile on its own honours until the stale time.
    QTemporaryDir dir;
    const QString path = dir.filePath("progress.json");
    ProgressStore a(path);
    a.load();
    write(a.lockPath(), QByteArray());
    QVERIFY(QFile::exists(a.lockPath()));
    QElapsedTimer timer;
    timer.start();
    QVERIFY(a.save());
    QVERIFY2(timer.elapsed() < ProgressStore::kStaleLockMs / 2, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(!QFile::exists(a.lockPath()));
  }

  void anUnchangedFileIsNotMergedBack() {
    // What this window removed itself (a learned review item) stays removed: the file holds
    // nothing another process wrote, so nothing is merged.
    QTemporaryDir dir;
    const QString path = dir.filePath("progress.json");
    ProgressStore a(path);
    a.load();
    a.progress().review.push_back({"lesson-1", "q1", "2026-11-27", 21, 0});
    QVERIFY(a.save());
    ProgressStore reopened(path);
    QCOMPARE(reopened.load(), ProgressStore::LoadOutcome::Loaded);
    QCOMPARE(reopened.progress().review.size(), std::size_t{1});
    reopened.progress().review.clear();
    QVERIFY(reopened.save());
    QVERIFY(!reopened.mergedOnLastSave());
    ProgressStore check(path);
    check.load();
    QVERIFY(check.progress().review.empty());
  }

  void resetAndImportReplaceWithoutMerging() {
    QTemporaryDir dir;
    const QString path = dir.filePath("progress.json");
    ProgressStore a(path);
    a.load();
    cs::course::record_attempt(a.progress(), "lesson-1", passedAttempt("2026-11-26T10:00:00Z"));
    QVERIFY(a.save());
    QVERIFY(a.exportTo(dir.filePath("export.json"), nullptr));
    record({path, "lesson-2", "2026-11-26T10:05:00Z"});  // another window saves meanwhile

    QString error;
    QVERIFY2(a.reset(&error), qPrintable(error));
    QVERIFY(a.progress().lessons.empty());
    QVERIFY(!a.mergedOnLastSave());
    ProgressStore check(path);
    check.load();
    QVERIFY(check.progress().lessons.empty());  // the other window's file is not merged back
    const auto backup = cs::course::parse_progress(read(a.backupPath()).toStdString());
    QCOMPARE(backup.status, cs::course::ProgressParse::Status::Ok);
    QVERIFY(backup.progress.lessons.contains("lesson-2"));  // but kept as the backup

    record({path, "lesson-3", "2026-11-26T10:10:00Z"});
    QVERIFY2(a.importFrom(dir.filePath("export.json"), &error), qPrintable(error));
    check.load();
    QCOMPARE(check.progress().lessons.size(), std::size_t{1});
    QVERIFY(check.progress().lessons.contains("lesson-1"));
  }

  void aNewerFileWrittenMeanwhileIsNeverOverwritten() {
    QTemporaryDir dir;
    const QString path = dir.filePath("progress.json");
    ProgressStore a(path);
    a.load();
    QVERIFY(a.save());
    const QByteArray future = R"({"schemaVersion": 9, "format": "clusterscope-progress", "somethingNew": true})";
    write(path, future);  // a newer ClusterScope in another window took the file over
    cs::course::record_attempt(a.progress(), "lesson-1", passedAttempt("2026-11-26T10:00:00Z"));
    QString error;
    QVERIFY(!a.save(&error));
    QVERIFY(error.contains("newer version"));
    QVERIFY(a.readOnly());
    QVERIFY(a.notice().contains("newer version"));
    QCOMPARE(read(path), future);
    QVERIFY(a.progress().lessons.contains("lesson-1"));  // still in memory
    QVERIFY(!a.reset(&error));                           // a reset does not overwrite it either
    QCOMPARE(read(path), future);
  }

  void aDamagedFileWrittenMeanwhileIsReplacedButNotBackedUp() {
    QTemporaryDir dir;
    const QString path = dir.filePath("progress.json");
    ProgressStore a(path);
    a.load();
    cs::course::record_attempt(a.progress(), "lesson-1", passedAttempt("2026-11-26T10:00:00Z"));
    QVERIFY(a.save());
    cs::course::record_attempt(a.progress(), "lesson-2", passedAttempt("2026-11-26T10:05:00Z"));
    QVERIFY(a.save());
    const QByteArray good_backup = read(a.backupPath());
    write(path, "{ damaged");
    cs::course::record_attempt(a.progress(), "lesson-3", passedAttempt("2026-11-26T10:10:00Z"));
    QVERIFY(a.save());
    QCOMPARE(read(a.backupPath()), good_backup);  // the damaged file did not replace the backup
    ProgressStore check(path);
    QCOMPARE(check.load(), ProgressStore::LoadOutcome::Loaded);
    QVERIFY(check.progress() == a.progress());
  }
};

QTEST_GUILESS_MAIN(TestProgressTwoProcesses)
#include "test_progress_two_processes.moc"
