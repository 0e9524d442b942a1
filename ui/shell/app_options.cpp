#include "shell/app_options.h"

#include <QCommandLineParser>
#include <QRegularExpression>

namespace cs::ui {

const std::vector<OptionSpec>& app_option_specs() {
  static const std::vector<OptionSpec> kSpecs = {
      {{"h", "help"}, "Print this help and exit.", {}, {}},
      {{"v", "version"}, "Print the version and licence.", {}, {}},
      {{"man"}, "Print this manual page (roff) and exit.", {}, {}},
      {{"lesson"}, "Open lesson N (1-6).", "N", {}},
      {{"scenario"}, "Open a built-in scenario id or a scenario file.", "ID|FILE", {}},
      {{"lessons-dir"}, "Read the course from DIR instead of the built-in copy.", "DIR", {}},
      {{"screenshot"}, "Render the window offscreen to FILE.png and exit.", "FILE", {}},
      {{"at"}, "Moment of the run that --screenshot shows, in seconds.", "S", "1.075"},
      {{"size"}, "Window size for --screenshot, WIDTHxHEIGHT.", "WxH", "1600x1000"},
      {{"progress-file"}, "Keep progress in FILE instead of a profile's folder (no profiles are used).", "FILE", {}},
      {{"profile"},
       "Open the profile NAME (made when there is none by that name) without asking which (default: the last "
       "one used).",
       "NAME",
       {}},
      {{"teacher"}, "Teacher mode: every lesson open, for this session.", {}, {}},
      {{"projector"}, "Projector mode: a palette and type for projected light.", {}, {}},
      {{"language"}, "Interface language for this session: en or de (default: the saved choice).", "CODE", {}},
      {{"appearance"},
       "Colour scheme for this session: system, light or dark (default: the saved choice).",
       "MODE",
       {}},
      {{"bench-stage"}, "Measure the stage's frame times offscreen and print JSON.", {}, {}},
      {{"nodes"}, "Nodes for --bench-stage (default 100).", "N", "100"},
      {{"messages"}, "Messages in flight for --bench-stage (default 1000).", "N", "1000"},
      {{"bench-size"}, "Stage size for --bench-stage, WIDTHxHEIGHT (default 1200x800).", "WxH", "1200x800"},
      {{"branches"},
       "Stages for --bench-stage: 1, or 2 side by side as Compare a change shows them (default 1).",
       "N",
       "1"},
  };
  return kSpecs;
}

QString option_help(const OptionSpec& spec) {
  if (spec.default_value.isEmpty() || spec.description.contains(QLatin1String("default"))) return spec.description;
  return spec.description + QStringLiteral(" Default: %1.").arg(spec.default_value);
}

QString app_summary() { return QStringLiteral("Watch and break a running distributed database."); }
QString app_file_argument() { return QStringLiteral("[FILE]"); }
QString app_file_description() {
  return QStringLiteral("A scenario file to open (as --scenario FILE), or a class file (.clusterscope-class).");
}

namespace {

struct Failure {
  QString message;
};

int bounded_int(const QCommandLineParser& parser, const QString& name, int lo, int hi) {
  bool ok = false;
  const int v = parser.value(name).toInt(&ok);
  if (!ok || v < lo || v > hi) {
    throw Failure{QStringLiteral("--%1 expects a number from %2 to %3").arg(name).arg(lo).arg(hi)};
  }
  return v;
}

QSize parse_size(const QCommandLineParser& parser, const QString& name) {
  const QString text = parser.value(name);
  const auto match = QRegularExpression(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$")).match(text);
  if (!match.hasMatch()) throw Failure{"--" + name + " expects WIDTHxHEIGHT, e.g. 1600x1000, got " + text};
  const QSize size(match.captured(1).toInt(), match.captured(2).toInt());
  if (size.width() < 320 || size.height() < 240 || size.width() > 8000 || size.height() > 8000) {
    throw Failure{"--" + name + " must be between 320x240 and 8000x8000"};
  }
  return size;
}

AppOptions read(const QCommandLineParser& parser) {
  if (parser.positionalArguments().size() > 1)
    throw Failure{"unexpected argument " + parser.positionalArguments().at(1)};
  AppOptions options;
  if (parser.isSet("lesson")) {
    bool ok = false;
    options.lesson = parser.value("lesson").toInt(&ok);
    if (!ok || options.lesson < 1 || options.lesson > 99)
      throw Failure{"--lesson expects a lesson number, got " + parser.value("lesson")};
    options.lesson_asked = true;
  }
  options.scenario = parser.value("scenario");
  // A file given on its own (as a file manager does on opening a .clusterscope file) is a scenario,
  // or a teacher's class.
  const QString file = parser.positionalArguments().isEmpty() ? QString() : parser.positionalArguments().first();
  if (file.endsWith(QLatin1String(".clusterscope-class"), Qt::CaseInsensitive)) {
    options.class_file = file;
  } else if (!file.isEmpty()) {
    if (!options.scenario.isEmpty()) throw Failure{"give a scenario either with --scenario or as a file, not both"};
    options.scenario = parser.positionalArguments().first();
  }
  options.progress_file = parser.value("progress-file");
  options.profile = parser.value("profile").trimmed();
  if (parser.isSet("profile") && options.profile.isEmpty()) throw Failure{"--profile expects a profile's name"};
  if (!options.profile.isEmpty() && !options.progress_file.isEmpty())
    throw Failure{"give either --profile or --progress-file, not both"};
  options.bench_stage = parser.isSet("bench-stage");
  options.bench_nodes = bounded_int(parser, "nodes", 1, 500);
  options.bench_messages = bounded_int(parser, "messages", 0, 20000);
  options.bench_branches = bounded_int(parser, "branches", 1, 2);
  options.teacher = parser.isSet("teacher");
  options.projector = parser.isSet("projector");
  options.language = parser.value("language");
  options.appearance = parser.value("appearance");
  if (!options.appearance.isEmpty() && options.appearance != QLatin1String("system") &&
      options.appearance != QLatin1String("light") && options.appearance != QLatin1String("dark")) {
    throw Failure{"--appearance expects system, light or dark, got " + options.appearance};
  }
  options.lessons_dir = parser.value("lessons-dir");
  options.screenshot = parser.value("screenshot");
  bool at_ok = false;
  options.screenshot_at_s = parser.value("at").toDouble(&at_ok);
  if (!at_ok || options.screenshot_at_s < 0 || options.screenshot_at_s > 86'400) {
    throw Failure{"--at expects a time in seconds from 0 to 86400, got " + parser.value("at")};
  }
  options.size = parse_size(parser, "size");
  options.bench_size = parse_size(parser, "bench-size");
  options.size_given = parser.isSet(QStringLiteral("size"));
  if (!options.screenshot.isEmpty() && !options.screenshot.endsWith(QLatin1String(".png"), Qt::CaseInsensitive)) {
    throw Failure{"--screenshot writes a PNG: give a file name ending in .png"};
  }
  return options;
}

}  // namespace

ParsedOptions parse_app_options(const QStringList& arguments) {
  QCommandLineParser parser;
  parser.setApplicationDescription(app_summary());
  // The help option is in the table (Qt's addHelpOption() would add --help-all, which this
  // parser does not act on).
  parser.addPositionalArgument(QStringLiteral("file"), app_file_description(), app_file_argument());
  for (const OptionSpec& spec : app_option_specs()) {
    parser.addOption(QCommandLineOption(spec.names, option_help(spec), spec.value_name, spec.default_value));
  }
  ParsedOptions out;
  if (!parser.parse(arguments)) {
    out.outcome = ParsedOptions::Outcome::Error;
    out.error = parser.errorText();
    return out;
  }
  if (parser.isSet("help")) {
    out.outcome = ParsedOptions::Outcome::Help;
    out.help = parser.helpText();
    return out;
  }
  if (parser.isSet("version")) {
    out.outcome = ParsedOptions::Outcome::Version;
    return out;
  }
  if (parser.isSet("man")) {
    out.outcome = ParsedOptions::Outcome::Man;
    return out;
  }
  try {
    out.options = read(parser);
  } catch (const Failure& f) {
    out.outcome = ParsedOptions::Outcome::Error;
    out.error = f.message;
  }
  return out;
}

}  // namespace cs::ui
