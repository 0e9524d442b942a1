// clusterscope-figures: draws the lessons' figures from simulation runs into a course folder
// (lessons/NN-name/figures/NAME.svg and NAME.model.json). With --check, draws them again and
// compares them with the files there instead (exit 1 on a difference). See lessons/README.md.
#include <QGuiApplication>
#include <cstdio>
#include <cstring>

#include "export/lesson_figures.h"

int main(int argc, char** argv) {
  // No window is shown: draw offscreen unless the caller chose a platform.
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  bool check = false;
  const char* dir = nullptr;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--check") == 0) {
      check = true;
    } else if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
      std::printf(
          "usage: clusterscope-figures [--check] LESSONS_DIR\n"
          "  draws every lesson's figures from its simulation runs into LESSONS_DIR/NN-name/figures/\n"
          "  --check  draw them again and compare with the files there (exit 1 on a difference)\n");
      return 0;
    } else if (argv[i][0] != '-' && !dir) {
      dir = argv[i];
    } else {
      std::fprintf(stderr, "clusterscope-figures: unexpected argument %s\n", argv[i]);
      return 2;
    }
  }
  if (!dir) {
    std::fprintf(stderr, "usage: clusterscope-figures [--check] LESSONS_DIR\n");
    return 2;
  }
  QGuiApplication app(argc, argv);
  if (check) {
    const QStringList problems = cs::ui::check_lesson_figures(QString::fromLocal8Bit(dir));
    for (const QString& p : problems) std::printf("%s\n", qPrintable(p));
    if (problems.isEmpty()) std::printf("every figure matches the simulation\n");
    return problems.isEmpty() ? 0 : 1;
  }
  bool ok = true;
  for (const QString& line : cs::ui::write_lesson_figures(QString::fromLocal8Bit(dir), &ok))
    std::printf("%s\n", qPrintable(line));
  return ok ? 0 : 1;
}
