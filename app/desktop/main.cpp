// clusterscope: the desktop application. Parses the command line, builds the window, runs.
#include <QApplication>
#include <QCommandLineParser>
#include <QImage>
#include <QRegularExpression>
#include <QtQml/QQmlExtensionPlugin>
#include <cmath>
#include <cstdio>

#include "bench/stage_bench.h"
#include "i18n/language.h"
#include "shell/app_options.h"
#include "shell/main_window.h"
#include "shell/window_host.h"
#include "stage/stage_controller.h"

// The stage's QML module is a static library: its plugin must be pulled in by name.
Q_IMPORT_QML_PLUGIN(ClusterScopePlugin)

namespace {

constexpr int kExitUsage = 2;

[[noreturn]] void usage_error(const QString& message) {
  std::fprintf(stderr, "clusterscope: %s\nTry 'clusterscope --help'.\n", qPrintable(message));
  std::exit(kExitUsage);
}

bool wants_version(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (qstrcmp(argv[i], "--version") == 0 || qstrcmp(argv[i], "-v") == 0) return true;
  }
  return false;
}

bool wants_offscreen(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (qstrcmp(argv[i], "--screenshot") == 0 || qstrncmp(argv[i], "--screenshot=", 13) == 0) return true;
    if (qstrcmp(argv[i], "--bench-stage") == 0) return true;
  }
  return false;
}

int bounded_int(QCommandLineParser& parser, const QCommandLineOption& option, int lo, int hi) {
  bool ok = false;
  const int v = parser.value(option).toInt(&ok);
  if (!ok || v < lo || v > hi) {
    usage_error(QStringLiteral("--%1 expects a number from %2 to %3").arg(option.names().first()).arg(lo).arg(hi));
  }
  return v;
}

cs::ui::AppOptions parse(QCommandLineParser& parser, const QStringList& arguments) {
  parser.setApplicationDescription(QStringLiteral("Watch and break a running distributed database."));
  parser.addHelpOption();
  const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")}, "Print the version and licence.");
  parser.addOption(version);
  parser.addPositionalArgument(QStringLiteral("file"), "A scenario file to open (as --scenario FILE).", "[FILE]");
  const QCommandLineOption lesson(QStringLiteral("lesson"), "Open lesson N (1-6).", "N");
  const QCommandLineOption scenario(QStringLiteral("scenario"), "Open a built-in scenario id or a scenario file.",
                                    "ID|FILE");
  const QCommandLineOption lessons_dir(QStringLiteral("lessons-dir"),
                                       "Read the course from DIR instead of the built-in copy.", "DIR");
  const QCommandLineOption screenshot(QStringLiteral("screenshot"), "Render the window offscreen to FILE.png and exit.",
                                      "FILE");
  const QCommandLineOption at(QStringLiteral("at"), "Moment of the run that --screenshot shows, in seconds.", "S",
                              "1.075");
  const QCommandLineOption size(QStringLiteral("size"), "Window size for --screenshot, WIDTHxHEIGHT.", "WxH",
                                "1600x1000");
  const QCommandLineOption progress_file(QStringLiteral("progress-file"),
                                         "Keep progress in FILE instead of the default place.", "FILE");
  const QCommandLineOption projector(QStringLiteral("projector"),
                                     "Projector mode: a palette and type for projected light.");
  const QCommandLineOption teacher(QStringLiteral("teacher"), "Teacher mode: every lesson open, for this session.");
  const QCommandLineOption language(
      QStringLiteral("language"), "Interface language for this session: en or de (default: the saved choice).", "CODE");
  const QCommandLineOption appearance(QStringLiteral("appearance"),
                                      "Colour scheme for this session: system, light or dark (default: the saved "
                                      "choice).",
                                      "MODE");
  const QCommandLineOption bench(QStringLiteral("bench-stage"),
                                 "Measure the stage's frame times offscreen and print JSON.");
  const QCommandLineOption nodes(QStringLiteral("nodes"), "Nodes for --bench-stage (default 100).", "N", "100");
  const QCommandLineOption messages(QStringLiteral("messages"), "Messages in flight for --bench-stage (default 1000).",
                                    "N", "1000");
  parser.addOptions({lesson, scenario, lessons_dir, screenshot, at, size, progress_file, teacher, projector, language,
                     appearance, bench, nodes, messages});
  if (!parser.parse(arguments)) usage_error(parser.errorText());
  if (parser.isSet("help")) parser.showHelp(0);
  if (parser.positionalArguments().size() > 1) usage_error("unexpected argument " + parser.positionalArguments().at(1));

  cs::ui::AppOptions options;
  if (parser.isSet(lesson)) {
    bool ok = false;
    options.lesson = parser.value(lesson).toInt(&ok);
    if (!ok || options.lesson < 1 || options.lesson > 99)
      usage_error("--lesson expects a lesson number, got " + parser.value(lesson));
  }
  options.scenario = parser.value(scenario);
  // A file given on its own (as a file manager does on opening a .clusterscope file) is a scenario.
  if (!parser.positionalArguments().isEmpty()) {
    if (!options.scenario.isEmpty()) usage_error("give a scenario either with --scenario or as a file, not both");
    options.scenario = parser.positionalArguments().first();
  }
  options.progress_file = parser.value(progress_file);
  options.bench_stage = parser.isSet(bench);
  options.bench_nodes = bounded_int(parser, nodes, 1, 500);
  options.bench_messages = bounded_int(parser, messages, 0, 20000);
  options.teacher = parser.isSet(teacher);
  options.projector = parser.isSet(projector);
  options.language = parser.value(language);
  options.appearance = parser.value(appearance);
  if (!options.appearance.isEmpty() && options.appearance != QLatin1String("system") &&
      options.appearance != QLatin1String("light") && options.appearance != QLatin1String("dark")) {
    usage_error("--appearance expects system, light or dark, got " + options.appearance);
  }
  options.lessons_dir = parser.value(lessons_dir);
  options.screenshot = parser.value(screenshot);
  bool at_ok = false;
  options.screenshot_at_s = parser.value(at).toDouble(&at_ok);
  if (!at_ok || options.screenshot_at_s < 0 || options.screenshot_at_s > 86'400) {
    usage_error("--at expects a time in seconds from 0 to 86400, got " + parser.value(at));
  }
  const auto match = QRegularExpression(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$")).match(parser.value(size));
  if (!match.hasMatch()) usage_error("--size expects WIDTHxHEIGHT, e.g. 1600x1000, got " + parser.value(size));
  options.size = QSize(match.captured(1).toInt(), match.captured(2).toInt());
  if (options.size.width() < 320 || options.size.height() < 240 || options.size.width() > 8000 ||
      options.size.height() > 8000) {
    usage_error("--size must be between 320x240 and 8000x8000");
  }
  if (!options.screenshot.isEmpty() && !options.screenshot.endsWith(QLatin1String(".png"), Qt::CaseInsensitive)) {
    usage_error("--screenshot writes a PNG: give a file name ending in .png");
  }
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  // The version needs no display: answer before Qt looks for one.
  if (wants_version(argc, argv)) {
    std::printf("ClusterScope %s\nLicence: GNU General Public License, version 3 or later (GPL-3.0-or-later)\n",
                CLUSTERSCOPE_VERSION);
    return 0;
  }
  // A screenshot needs no display: render offscreen unless the caller chose a platform.
  if (wants_offscreen(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
  }
  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("ClusterScope"));
  QApplication::setOrganizationName(QStringLiteral("ClusterScope"));
  QApplication::setApplicationVersion(QStringLiteral(CLUSTERSCOPE_VERSION));

  QCommandLineParser parser;
  const cs::ui::AppOptions options = parse(parser, QApplication::arguments());
  // --language wins for this session; else the saved choice or the system's language. Screenshots
  // are in English unless asked otherwise, so that they match the documentation.
  const QString language = !options.language.isEmpty()
                               ? options.language
                               : (options.screenshot.isEmpty() ? cs::ui::preferred_language() : QStringLiteral("en"));
  if (!cs::ui::install_language(language)) usage_error("--language: no translation for " + language);

  if (options.bench_stage) {
    const QString json = cs::ui::run_stage_bench({options.bench_nodes, options.bench_messages, 300});
    std::printf("%s\n", qPrintable(json));
    return 0;
  }
  if (!options.screenshot.isEmpty()) {
    cs::ui::MainWindow window(options);
    window.show();
    // A moment into the run (by default one with heartbeats on the wire).
    window.controller()->run()->seekUs(static_cast<qint64>(std::llround(options.screenshot_at_s * 1e6)));
    QApplication::processEvents();
    const QImage image = window.renderImage();
    if (!image.save(options.screenshot)) {
      std::fprintf(stderr, "clusterscope: cannot write %s\n", qPrintable(options.screenshot));
      return 1;
    }
    return 0;
  }
  // The interactive window lives in a host that can rebuild it in another language.
  cs::ui::WindowHost host(options);
  host.window()->show();
  return QApplication::exec();
}
