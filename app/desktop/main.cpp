// clusterscope: the desktop application. Parses the command line, builds the window, runs.
#include <QApplication>
#include <QImage>
#include <QScreen>
#include <QtQml/QQmlExtensionPlugin>
#include <cmath>
#include <cstdio>

#include "bench/stage_bench.h"
#include "i18n/language.h"
#include "man_page.h"
#include "progress/profile_dialog.h"
#include "shell/app_options.h"
#include "shell/main_window.h"
#include "shell/scene_graph_backend.h"
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

bool has_argument(int argc, char** argv, const char* a, const char* b = nullptr) {
  for (int i = 1; i < argc; ++i) {
    if (qstrcmp(argv[i], a) == 0 || (b && qstrcmp(argv[i], b) == 0)) return true;
  }
  return false;
}

int print_man_page() {
  std::fputs(cs::desktop::app_man_page(CLUSTERSCOPE_VERSION).c_str(), stdout);
  return 0;
}

bool wants_offscreen(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (qstrcmp(argv[i], "--screenshot") == 0 || qstrncmp(argv[i], "--screenshot=", 13) == 0) return true;
    if (qstrcmp(argv[i], "--bench-stage") == 0) return true;
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  // The version and the manual page need no display: answer before Qt looks for one.
  if (has_argument(argc, argv, "--man")) return print_man_page();
  if (has_argument(argc, argv, "--version", "-v")) {
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

  const cs::ui::ParsedOptions parsed = cs::ui::parse_app_options(QApplication::arguments());
  switch (parsed.outcome) {
    case cs::ui::ParsedOptions::Outcome::Error: usage_error(parsed.error);
    case cs::ui::ParsedOptions::Outcome::Help: std::printf("%s", qPrintable(parsed.help)); return 0;
    case cs::ui::ParsedOptions::Outcome::Man: return print_man_page();
    case cs::ui::ParsedOptions::Outcome::Version:
    case cs::ui::ParsedOptions::Outcome::Run: break;
  }
  const cs::ui::AppOptions& options = parsed.options;
  // --language wins for this session; else the saved choice or the system's language. Screenshots
  // are in English unless asked otherwise, so that they match the documentation.
  const QString language = !options.language.isEmpty()
                               ? options.language
                               : (options.screenshot.isEmpty() ? cs::ui::preferred_language() : QStringLiteral("en"));
  if (!cs::ui::install_language(language)) usage_error("--language: no translation for " + language);

  // Before the first Qt Quick window: OpenGL that is really a software rasteriser is slower than
  // Qt Quick's own software renderer (see scene_graph_backend.h).
  QApplication::instance()->setProperty("sceneGraphBackend", cs::ui::choose_scene_graph_backend());

  if (options.bench_stage) {
    const QString json =
        cs::ui::run_stage_bench({options.bench_nodes, options.bench_messages, 300, options.bench_size.width(),
                                 options.bench_size.height(), options.bench_branches});
    std::printf("%s\n", qPrintable(json));
    return 0;
  }
  if (!options.screenshot.isEmpty()) {
    // The progress shown is the last profile's (or --profile's), only read: no chooser, no
    // changes to the profiles or the settings.
    cs::ui::AppOptions shot = options;
    if (!options.profile.isEmpty()) {
      const cs::ui::Profiles profiles;
      const auto profile = profiles.find(options.profile);
      if (!profile) usage_error("--profile: there is no profile called " + options.profile);
      shot.progress_file = profiles.progressPath(profile->slug);
    }
    cs::ui::MainWindow window(shot);
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
  // Whose progress: the only profile, --profile's, or the one the learner picks (see profile_dialog.h).
  cs::ui::Profiles profiles;
  const cs::ui::ProfileStart start = cs::ui::start_profile(profiles, options);
  if (start.outcome == cs::ui::ProfileStart::Outcome::Cancelled) return 0;
  if (start.outcome == cs::ui::ProfileStart::Outcome::Error) usage_error(start.error);
  // The interactive window lives in a host that can rebuild it in another language. Without
  // --size it fits the screen it opens on: a laptop's screen is often smaller than the default.
  cs::ui::AppOptions fitted = options;
  bool fill_screen = false;
  if (!options.size_given) {
    if (const QScreen* screen = QGuiApplication::primaryScreen()) {
      const QSize room = screen->availableGeometry().size();
      fill_screen = room.width() < options.size.width() || room.height() < options.size.height();
      fitted.size = options.size.boundedTo(room);
    }
  }
  cs::ui::WindowHost host(fitted, profiles, start.profile, start.notices);
  if (fill_screen) {
    host.window()->showMaximized();
  } else {
    host.window()->show();
  }
  return QApplication::exec();
}
