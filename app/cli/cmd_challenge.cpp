// `challenge`: runs a list of learner actions against a lesson's challenge and says whether the
// goal is met (exit 0), not met (1), or the input is bad (2), so that solutions can be checked from
// a shell.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli_args.h"
#include "commands.h"
#include "course/challenge.h"
#include "course/course.h"
#include "usage.h"

namespace cs::cli {

namespace {

constexpr int kExitNotMet = 1;

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError("cannot read \"" + path + "\"");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

int cmd_challenge(const std::vector<std::string>& argv) {
  const Args args = parse_command_args(argv, "challenge");
  if (args.positional.size() != 1) throw UsageError("challenge takes exactly one CHALLENGE_ID");
  const std::string id = args.positional[0];
  const std::string lessons = args.value("lessons").value_or("lessons");
  if (!std::filesystem::exists(std::filesystem::path(lessons) / "course.json")) {
    throw UsageError("\"" + lessons + "\" is not a course folder (give --lessons DIR)");
  }
  try {
    const course::Course c = course::load_course(course::DirectorySource(lessons));
    for (const course::Lesson& lesson : c.lessons) {
      if (lesson.challenges_text.empty()) continue;
      for (const course::Challenge& ch : course::load_challenges(lesson.challenges_text, lesson.challenges_path)) {
        if (ch.id != id) continue;
        const scenario::Scenario& s = *course::builtin_scenario(ch.scenario);
        std::vector<sim::Action> actions;
        if (const auto path = args.value("actions")) {
          const json::Json list = json::parse_text(read_text(*path));
          for (std::size_t i = 0; i < json::as_array(list, "").size(); ++i) {
            actions.push_back(scenario::read_action_json(list[i], "/" + std::to_string(i), s));
          }
        }
        const course::ChallengeVerdict v = course::run_challenge(ch, s, actions);
        std::cout << ch.id << ": " << ch.goal << '\n';
        if (!v.refused.empty()) {
          std::cout << "refused: " << v.refused << '\n';
          return kExitUsage;
        }
        if (v.met) {
          std::cout << "met at " << static_cast<double>(v.met_at_us) / 1e6 << " s with " << v.actions_used
                    << " action(s)\n";
          return kExitOk;
        }
        std::cout << "not met within " << static_cast<double>(ch.time_limit_us) / 1e6 << " s\n";
        return kExitNotMet;
      }
    }
  } catch (const course::CourseError& e) {
    std::cerr << "clusterscope-cli challenge: " << e.what() << '\n';
    return kExitUsage;
  } catch (const json::JsonError& e) {
    std::cerr << "clusterscope-cli challenge: " << args.value("actions").value_or("") << ": " << e.what() << '\n';
    return kExitUsage;
  }
  std::cerr << "clusterscope-cli challenge: no challenge \"" << id << "\" in " << lessons << '\n';
  return kExitUsage;
}

}  // namespace cs::cli
