#include "man_page.h"

#include "roff.h"
#include "shell/app_options.h"

namespace cs::desktop {

namespace {

std::string text(const QString& s) { return s.toStdString(); }

// "-v, --version": one dash for a letter, two for a word.
std::string option_names(const ui::OptionSpec& spec) {
  std::string names;
  for (const QString& name : spec.names) {
    if (!names.empty()) names += ", ";
    names += (name.size() == 1 ? "-" : "--") + text(name);
  }
  return names;
}

// A file the program keeps, and what it is.
std::string file_entry(std::string_view path, std::string_view what) {
  return ".TP\n\\fI" + roff::escape(path) + "\\fP\n" + roff::escape(what) + "\n";
}

// "FILE: a scenario file to open (...)."
std::string file_sentence() {
  QString what = ui::app_file_description();
  if (!what.isEmpty()) what[0] = what[0].toLower();
  const std::string argument = text(ui::app_file_argument());  // "[FILE]"
  return argument.substr(1, argument.size() - 2) + ": " + text(what);
}

}  // namespace

std::string app_man_page(std::string_view version) {
  using roff::escape;
  std::string out = roff::header("clusterscope", version,
                                 "clusterscope - learn distributed databases by watching and breaking a "
                                 "running cluster");
  out += ".ad l\n.nh\n.SH SYNOPSIS\n\\fBclusterscope\\fP [\\fIoptions\\fP] " +
         roff::placeholders(text(ui::app_file_argument())) + "\n";
  out += ".SH DESCRIPTION\n" + escape(text(ui::app_summary())) + "\n.PP\n" +
         escape(
             "ClusterScope is a course on distributed databases with a live simulation beside the text: six "
             "lessons on replication, sharding, consistency, failover, split brain and consensus. The simulation "
             "is deterministic (the same scenario with the same seed runs the same way every time), so a moment "
             "can be paused, replayed and looked into, and faults (crashes, partitions, lost and slow messages) "
             "can be injected by hand. Each lesson ends in a quiz that opens the next one; the last is a final "
             "test.") +
         "\n.PP\n" +
         escape("Without options the program opens where the learner left off. " + file_sentence() +
                " A file manager opens *.clusterscope files this way.") +
         "\n.SH OPTIONS\n";
  for (const ui::OptionSpec& spec : ui::app_option_specs()) {
    out += ".TP\n" + roff::option(option_names(spec), text(spec.value_name)) + "\n" +
           roff::sentence(text(ui::option_help(spec))) + "\n";
  }
  out += ".SH EXIT STATUS\n.TP\n.B 0\n" + escape("The window was closed, or the screenshot or benchmark was made.") +
         "\n.TP\n.B 1\n" + escape("The screenshot could not be written.") + "\n.TP\n.B 2\n" +
         escape(
             "The command line was wrong: an unknown option, a malformed value, two files, or a --language "
             "without a translation. The message says which.") +
         "\n";
  out += ".SH FILES\n" +
         escape(
             "The paths are those on Linux; Windows and macOS follow below. $XDG_DATA_HOME and $XDG_CONFIG_HOME "
             "replace ~/.local/share and ~/.config when they are set.") +
         "\n" +
         file_entry("~/.local/share/ClusterScope/ClusterScope/profiles/NAME/",
                    "One profile: one learner's progress, kept apart from the other learners' on the same account. "
                    "NAME is the profile's folder, made from its name (lower-case letters, digits and dashes). "
                    "With more than one profile the program asks at the start whose it is, with the last one used "
                    "chosen; File > Switch profile changes it, --profile NAME names it.") +
         file_entry("~/.local/share/ClusterScope/ClusterScope/profiles/NAME/progress.json",
                    "The profile's progress: quiz attempts and best scores, lessons passed, challenges met, "
                    "predictions answered, the review queue, and the lesson, scroll position and scenario they "
                    "left off at. It is written whole after every change; the previous good copy is kept beside it "
                    "as progress.json.bak, and progress.json.lock lets two windows take turns. A damaged file is "
                    "kept aside as progress.json.unreadable-DATE and the backup restored. --progress-file FILE "
                    "keeps progress elsewhere, without profiles; File > Export progress and Import progress copy "
                    "it.") +
         file_entry("~/.local/share/ClusterScope/ClusterScope/profiles/NAME/profile.json",
                    "The profile's name as it was typed, and whether it always starts in teacher mode (View > "
                    "Always start in teacher mode in this profile).") +
         file_entry("~/.local/share/ClusterScope/ClusterScope/progress.json",
                    "Where versions before profiles kept the progress. The first start with profiles moves it, "
                    "with its backup, into the first profile (named after the computer account), and removes it "
                    "once the copies are read back intact.") +
         file_entry("~/.config/ClusterScope/ClusterScope.conf",
                    "The settings: the interface language, the colour scheme, projector mode, the last profile "
                    "used, hidden advanced details, whether the welcome tour was seen, and the window's layout. "
                    "Teacher mode is never kept here for everyone: the first start with profiles removes the "
                    "setting older versions kept, and says so.");
  out += ".PP\n" +
         escape(
             "On Windows the profiles are in %APPDATA%\\ClusterScope\\ClusterScope\\profiles and the "
             "settings in the registry under HKEY_CURRENT_USER\\Software\\ClusterScope\\ClusterScope. On macOS "
             "the profiles are in ~/Library/Application\xC2\xA0"  // a no-break space
             "Support/ClusterScope/ClusterScope/profiles and the "
             "settings in ~/Library/Preferences/com.clusterscope.ClusterScope.plist.") +
         "\n.PP\n" +
         escape(
             "To start the course afresh, use File > Reset progress, or delete the profile's progress.json and "
             "progress.json.bak while the program is closed. To remove a profile, delete its folder while the "
             "program is closed. To reset the settings, delete the settings file "
             "(on Windows the registry key; on macOS run: defaults delete com.clusterscope.ClusterScope). "
             "Uninstalling the program leaves both in place. Files the learner saves (exported progress, the "
             "certificate PDF, images, saved runs) stay where they were saved.") +
         "\n";
  out += ".SH ENVIRONMENT\n.TP\n.B QT_QPA_PLATFORM\n" +
         escape(
             "The Qt platform plugin. --screenshot, --bench-stage and --man need no display: the first two use "
             "offscreen unless this is set.") +
         "\n.TP\n.BR QT_QUICK_BACKEND \", \" QSG_RHI_BACKEND\n" +
         escape(
             "When either is set, the stage draws as it says; otherwise the program draws in software when "
             "OpenGL is a software rasteriser, which is faster there.") +
         "\n.TP\n.B QT_SCALE_FACTOR\n" + escape("Scales the whole window, as on a high-density screen.") +
         "\n.TP\n.BR LANGUAGE \", \" LC_ALL \", \" LC_MESSAGES \", \" LANG\n" +
         escape(
             "The system's language, used until a language is chosen in the program: German for a German locale, "
             "English for every other.") +
         "\n.TP\n.BR XDG_DATA_HOME \", \" XDG_CONFIG_HOME\n" +
         escape("Where the profiles and the settings go (FILES).") + "\n";
  out += ".SH SEE ALSO\n.BR clusterscope\\-cli (1)\n";
  return out;
}

}  // namespace cs::desktop
