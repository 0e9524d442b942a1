// The lab's loopback watch on its own: a process working in a lab folder that listens on every
// address is named; the same on 127.0.0.1, or outside the lab's folders, is not.
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "lab/listen_watch.h"

namespace {

// A listener that runs until killed, on `address`, working in `folder`; returns once it listens
// (it says so on its output), so that a check that it is not named cannot pass merely because it
// had not started yet.
void start_listener(QProcess& process, const QString& address, const QString& folder) {
  process.setWorkingDirectory(folder);
  process.start("python3", {"-c",
                            "import socket, sys, time\n"
                            "s = socket.socket()\n"
                            "s.bind(('" +
                                address +
                                "', 0))\n"
                                "s.listen()\n"
                                "print('listening', flush=True)\n"
                                "time.sleep(600)\n"});
  QVERIFY(process.waitForStarted());
  QVERIFY(process.waitForReadyRead(10'000));
  QCOMPARE(process.readAll().trimmed(), QByteArray("listening"));
}

bool names(const std::vector<std::string>& found, qint64 pid) {
  const std::string prefix = "pid " + std::to_string(pid) + " ";
  for (const std::string& f : found) {
    if (f.compare(0, prefix.size(), prefix) == 0) return true;
  }
  return false;
}

}  // namespace

class TestListenWatch : public QObject {
  Q_OBJECT

 private slots:
  void aListenerBeyondLoopbackInTheLabIsNamed() {
    QTemporaryDir lab, elsewhere;
    QProcess everywhere, loopback, outside;
    start_listener(everywhere, "0.0.0.0", lab.path());
    start_listener(loopback, "127.0.0.1", lab.path());
    start_listener(outside, "0.0.0.0", elsewhere.path());
    const std::vector<std::filesystem::path> folders{lab.path().toStdString()};
    cs::lab::ListenWatch watch(folders, 20);
    // All three listen already: the one outside the lab is seen from its own folder, the lab's
    // from the lab's; a lab folder whose name is the start of another's (clusterscope-lab and
    // clusterscope-lab-1000) does not take in the other.
    QVERIFY(names(cs::lab::listeners_beyond_loopback({elsewhere.path().toStdString()}), outside.processId()));
    QVERIFY(names(cs::lab::listeners_beyond_loopback(folders), everywhere.processId()));
    QVERIFY(!names(cs::lab::listeners_beyond_loopback({lab.path().chopped(1).toStdString()}), everywhere.processId()));
    const std::vector<std::string> found = watch.stop();
    QVERIFY2(names(found, everywhere.processId()), found.empty() ? "nothing" : found.front().c_str());
    QVERIFY(found.front().find("listens on 0.0.0.0:") != std::string::npos);
    QVERIFY(!names(found, loopback.processId()));
    QVERIFY(!names(found, outside.processId()));
    for (QProcess* p : {&everywhere, &loopback, &outside}) {
      p->kill();
      p->waitForFinished();
    }
  }
};

QTEST_GUILESS_MAIN(TestListenWatch)
#include "test_listen_watch.moc"
