// The progress store on disk: atomic saves with a backup, recovery and its notices, newer files
// left alone, export, import and reset.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "progress/progress_store.h"

using cs::ui::ProgressStore;

namespace {

void write(const QString& path, const QByteArray& bytes) {
  QFile f(path);
  QVERIFY(f.open(QIODevice::WriteOnly));
  f.write(bytes);
}

QByteArray read(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

cs::course::Progress sample(int correct) {
  cs::course::Progress p;
  cs::course::record_attempt(p, "01-basics", {"2026-01-01T00:00:00Z", {"q1"}, {"a"}, correct, 3, correct >= 2});
  p.last = {"01-basics", 100, "cluster-heartbeat"};
  return p;
}

QStringList asideFiles(const QString& dir) { return QDir(dir).entryList({"progress.json.unreadable-*"}, QDir::Files); }

}  // namespace

class TestProgressStore : public QObject {
  Q_OBJECT

 private slots:
  void freshStartHasNoNotice() {
    QTemporaryDir dir;
    ProgressStore store(dir.filePath("progress.json"));
    QCOMPARE(store.load(), ProgressStore::LoadOutcome::Fresh);
    QVERIFY(store.notice().isEmpty());
    QVERIFY(store.progress().lessons.empty());
  }

  void saveLoadAndBackup() {
    QTemporaryDir dir;
    const QString path = dir.filePath("sub/progress.json");
    {
      ProgressStore store(path);
      store.load();
      store.progress() = sample(1);
      QVERIFY(store.save());
      store.progress() = sample(3);
      QVERIFY(store.save());
    }
    ProgressStore again(path);
    QCOMPARE(again.load(), ProgressStore::LoadOutcome::Loaded);
    QVERIFY(again.notice().isEmpty());
    QVERIFY(again.progress() == sample(3));
    // The backup holds the previous good state.
    const auto backup = cs::course::parse_progress(read(path + ".bak").toStdString());
    QCOMPARE(backup.status, cs::course::ProgressParse::Status::Ok);
    QVERIFY(backup.progress == sample(1));
  }

  void damagedFileIsRecoveredFromBackupAndKeptAside() {
    QTemporaryDir dir;
    const QString path = dir.filePath("progress.json");
    {
      ProgressStore store(path);
      store.load();
      store.progress() = sample(2);
      QVERIFY(store.save());
      store.progress() = sample(3);
      QVERIFY(store.save());
    }
    const QByteArray good = read(path);
    write(path, good.left(good.size() - 20));  // truncated, as by a failing disk
    ProgressStore store(path);
    QCOMPARE(store.load(), ProgressStore::LoadOutcome::RecoveredFromBackup);
    QVERIFY(store.notice().contains("restored from the backup"));
    QVERIFY(store.progress() == sample(2));
    const QStringList aside = asideFiles(dir.path());
    QCOMPARE(aside.size(), 1);
    QCOMPARE(read(dir.filePath(aside.first())), good.left(good.size() - 20));  // never deleted
    QVERIFY(store.notice().contains(aside.first()));
    // A good file is back in place.
    ProgressStore after(path);
    QCOMPARE(after.load(), ProgressStore::LoadOutcome::Loaded);
  }

  void unreadableWithoutBackupStartsAfreshAndSaysSo_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("garbage") << QByteArray("\x00\x01\x02 not json", 13);
    QTest::newRow("not utf-8") << QByteArray("{\"schemaVersion\": 1, \"format\": \"\xc3\x28\"}");
    QTest::newRow("nested") << QByteArray(200000, '{');
    QTest::newRow("wrong shape") << QByteArray(
        R"({"schemaVersion": 1, "format": "clusterscope-progress", "lessons": 5})");
  }

  void unreadableWithoutBackupStartsAfreshAndSaysSo() {
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    const QString path = dir.filePath("progress.json");
    write(path, content);
    ProgressStore store(path);
    QCOMPARE(store.load(), ProgressStore::LoadOutcome::Reset);
    QVERIFY(store.notice().contains("starts afresh"));
    QVERIFY(store.progress().lessons.empty());
    QCOMPARE(asideFiles(dir.path()).size(), 1);
    QCOMPARE(read(dir.filePath(asideFiles(dir.path()).first())), content);
  }

  void newerVersionIsNeverOverwritten() {
    QTemporaryDir dir;
    const QString path = dir.filePath("progress.json");
    const QByteArray future = R"({"schemaVersion": 9, "format": "clusterscope-progress", "somethingNew": true})";
    write(path, future);
    ProgressStore store(path);
    QCOMPARE(store.load(), ProgressStore::LoadOutcome::NewerVersion);
    QVERIFY(store.readOnly());
    QVERIFY(store.notice().contains("newer version"));
    store.progress() = sample(3);
    QString error;
    QVERIFY(!store.save(&error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(read(path), future);
    QVERIFY(!QFile::exists(path + ".bak"));
  }

  void exportImportAndReset() {
    QTemporaryDir dir;
    ProgressStore store(dir.filePath("progress.json"));
    store.load();
    store.progress() = sample(3);
    QVERIFY(store.save());
    QString error;
    QVERIFY2(store.exportTo(dir.filePath("export.json"), &error), qPrintable(error));
    QVERIFY(store.reset(&error));
    QVERIFY(store.progress().lessons.empty());
    QVERIFY(store.importFrom(dir.filePath("export.json"), &error));
    QVERIFY(store.progress() == sample(3));
    write(dir.filePath("bad.json"), "{nope");
    QVERIFY(!store.importFrom(dir.filePath("bad.json"), &error));
    QVERIFY(error.contains("not a valid progress file"));
    QVERIFY(store.progress() == sample(3));  // a bad import changes nothing
    QVERIFY(!store.importFrom(dir.filePath("missing.json"), &error));
  }
};

QTEST_APPLESS_MAIN(TestProgressStore)
#include "test_progress_store.moc"
