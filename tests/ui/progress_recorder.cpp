// Helper process for test_progress_two_processes: another window on the same progress file.
//   progress_recorder FILE LESSON TIME [COUNT] [--reload] [--wait-go]
// records COUNT (default 1) passed attempts of LESSON and saves after each one. "{n}" in TIME is
// replaced by the attempt's number (000, 001, ...), so that the attempts differ. Without --reload
// one store serves all attempts (a window kept open); with it, a fresh store loads the file before
// each attempt (a window opened for one quiz). --wait-go waits for a line on stdin before the
// first attempt, so that two recorders started together really save at the same time.
//   progress_recorder FILE --hold-lock
// takes the progress file's lock, prints "locked" and waits until killed (or stdin closes).
// Exit status: 0 done, 1 a save failed (the reason on stderr), 2 bad arguments.
#include <QCoreApplication>
#include <QLockFile>
#include <QStringList>
#include <cstdio>
#include <memory>

#include "progress/progress_store.h"

namespace {

int holdLock(const QString& file) {
  cs::ui::ProgressStore store(file);
  QLockFile lock(store.lockPath());
  if (!lock.tryLock(0)) return 1;
  std::printf("locked\n");
  std::fflush(stdout);
  char line[16];
  while (std::fgets(line, sizeof line, stdin)) {
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  QStringList args = app.arguments().mid(1);
  const bool reload = args.removeAll(QStringLiteral("--reload")) > 0;
  const bool wait_go = args.removeAll(QStringLiteral("--wait-go")) > 0;
  if (args.size() == 2 && args[1] == QStringLiteral("--hold-lock")) return holdLock(args[0]);
  if (args.size() < 3 || args.size() > 4) return 2;
  bool ok = true;
  const int count = args.size() == 4 ? args[3].toInt(&ok) : 1;
  if (!ok || count < 1 || count > 1000) return 2;
  if (wait_go) {
    char line[16];
    if (!std::fgets(line, sizeof line, stdin)) return 2;
  }
  const std::string lesson = args[1].toStdString();
  std::unique_ptr<cs::ui::ProgressStore> store;
  for (int n = 0; n < count; ++n) {
    if (!store || reload) {
      store = std::make_unique<cs::ui::ProgressStore>(args[0]);
      store->load();
    }
    QString time = args[2];
    time.replace(QStringLiteral("{n}"), QStringLiteral("%1").arg(n, 3, 10, QLatin1Char('0')));
    cs::course::record_attempt(store->progress(), lesson, {time.toStdString(), {"q1", "q2"}, {"a", "b"}, 2, 2, true});
    QString error;
    if (!store->save(&error)) {
      std::fprintf(stderr, "%s\n", qPrintable(error));
      return 1;
    }
  }
  return 0;
}
