// Helper process for the kill test: saves progress in a loop, alternating between growing states,
// and prints "saved N" after each completed save. The test kills it at random moments.
#include <QCoreApplication>
#include <cstdio>

#include "progress/progress_store.h"

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  if (argc != 2) return 2;
  cs::ui::ProgressStore store(QString::fromLocal8Bit(argv[1]));
  store.load();
  for (int n = 1; n <= 100000; ++n) {
    cs::course::Progress p;
    // Big enough that a write takes a while: the kill can land in the middle of one.
    for (int a = 0; a < 40; ++a) {
      cs::course::record_attempt(
          p, "lesson-" + std::to_string(a % 6),
          {"2026-11-26T00:00:00Z", {"q1", "q2", "q3"}, {std::string(200, 'x'), "b", "c"}, n % 4, 3, false});
    }
    p.last = {"lesson-0", n, "state-" + std::to_string(n)};
    store.progress() = p;
    if (!store.save()) return 1;
    std::printf("saved %d\n", n);
    std::fflush(stdout);
  }
  return 0;
}
