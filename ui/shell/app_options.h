#pragma once
// The desktop program's command line: one table of options (what --help prints, and what the man
// page is made from), the options it yields for the window, and a parser that reports every
// mistake as an error message instead of exiting, so that it can be tested.
#include <QSize>
#include <QString>
#include <QStringList>
#include <vector>

namespace cs::ui {

struct AppOptions {
  QString lessons_dir;             // empty: the lessons compiled into the binary
  int lesson = 0;                  // 1-based; 0: where the learner left off
  bool lesson_asked = false;       // --lesson given: that lesson's first experiment goes on the stage
  QString scenario;                // built-in id or file; empty: the last one, or the default
  QString class_file;              // a teacher's .clusterscope-class file to open (shell/class_session.h)
  QString screenshot;              // write the window to this PNG and exit
  double screenshot_at_s = 1.075;  // the moment of the run the screenshot shows
  QString progress_file;           // empty: the profile's (progress/profiles.h)
  QString profile;                 // --profile NAME; empty: the last one used, or the chooser
  bool teacher = false;            // open every lesson for this session
  bool projector = false;          // projector palette and type scale for this session
  QString language;                // interface language for this session; empty: the saved choice
  QString appearance;              // "system", "light" or "dark" for this session; empty: the saved choice
  QSize size{1600, 1000};
  bool size_given = false;   // --size was on the command line (else the window fits the screen)
  bool bench_stage = false;  // --bench-stage: measure frame times and exit
  int bench_nodes = 100;
  int bench_messages = 1000;
  int bench_branches = 1;
  QSize bench_size{1200, 800};
};

// One option as --help lists it.
struct OptionSpec {
  QStringList names;  // "v", "version"
  QString description;
  QString value_name;  // empty for a flag
  QString default_value;
};
const std::vector<OptionSpec>& app_option_specs();
// The option's description as --help and the manual page show it, with its default value.
QString option_help(const OptionSpec& spec);
// The rest of --help: what the program is, and its one optional argument.
QString app_summary();
QString app_file_argument();     // "[FILE]"
QString app_file_description();  // what FILE is

struct ParsedOptions {
  enum class Outcome { Run, Help, Version, Man, Error };
  Outcome outcome = Outcome::Run;
  AppOptions options;
  QString error;  // Outcome::Error: what was wrong, for "clusterscope: <error>"
  QString help;   // Outcome::Help: the text to print
};
// `arguments` includes the program name first, as QCoreApplication::arguments() does.
ParsedOptions parse_app_options(const QStringList& arguments);

}  // namespace cs::ui
