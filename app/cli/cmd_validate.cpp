// `validate`: course folders and scenario files. Exit 1 on any error, 2 on unreadable input. For a
// course folder it also prints each lesson's core-path word count (course/core_path.h).
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "cli_args.h"
#include "commands.h"
#include "course/core_path.h"
#include "course/course_validator.h"
#include "scenario/builtin.h"
#include "scenario/scenario.h"
#include "usage.h"

namespace cs::cli {

namespace {

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> scenario_node_names(std::string_view id) {
  const auto* b = scenario::find_builtin(id);
  if (!b) return {};
  try {
    return scenario::load_scenario(b->json, std::string(id)).node_names;
  } catch (const scenario::ScenarioError&) {
    return {};
  }
}

}  // namespace

int cmd_validate(const std::vector<std::string>& argv) {
  const Args args = parse_command_args(argv, "validate");
  if (args.positional.empty()) throw UsageError("validate needs at least one PATH");
  int errors = 0;
  bool unreadable = false;
  for (const auto& path : args.positional) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      if (!std::filesystem::exists(std::filesystem::path(path) / "course.json")) {
        std::cerr << path << ": not a course folder (no course.json)\n";
        unreadable = true;
        continue;
      }
      course::DirectorySource source(path);
      const auto issues = course::validate_course(
          source, [](std::string_view id) { return scenario::find_builtin(id) != nullptr; }, scenario_node_names);
      for (const auto& issue : issues) {
        std::cerr << path << "/" << issue.to_string() << '\n';
        ++errors;
      }
      // Each lesson's core path (without its Hands-on sections and code blocks), against its limit.
      for (const auto& count : course::core_path_counts(source)) {
        std::cout << course::core_path_summary(count.lesson, count.words) << '\n';
      }
      // Each scenario file in the folder is checked too.
      const auto scenarios = std::filesystem::path(path) / "scenarios";
      std::map<std::string, scenario::Demonstrates> declared;
      if (std::filesystem::is_directory(scenarios, ec)) {
        for (const auto& entry : std::filesystem::directory_iterator(scenarios)) {
          if (entry.path().extension() != ".json") continue;
          const auto text = read_file(entry.path().string());
          try {
            const auto s = scenario::load_scenario(text.value_or(""), entry.path().string());
            if (s.id != entry.path().stem().string()) {
              std::cerr << entry.path().string() << ": /id: \"" << s.id << "\" differs from the file name\n";
              ++errors;
            }
            declared[s.id] = s.demonstrates;
          } catch (const scenario::ScenarioError& e) {
            std::cerr << e.what() << '\n';
            ++errors;
          }
        }
        // The folder's scenarios say what they demonstrate, and assumptions point into the folder.
        std::vector<std::string> ids;
        for (const auto& [id, d] : declared) ids.push_back(id);
        for (const std::string& problem : scenario::check_declarations(ids, [&](const std::string& id) {
               const auto it = declared.find(id);
               return it != declared.end() ? &it->second : nullptr;
             })) {
          std::cerr << scenarios.string() << "/" << problem << '\n';
          ++errors;
        }
      }
    } else {
      const auto text = read_file(path);
      if (!text) {
        std::cerr << path << ": cannot be read\n";
        unreadable = true;
        continue;
      }
      try {
        scenario::load_scenario(*text, path);
      } catch (const scenario::ScenarioError& e) {
        std::cerr << e.what() << '\n';
        ++errors;
      }
    }
  }
  if (unreadable) return kExitUsage;
  if (errors > 0) {
    std::cerr << errors << " error(s)\n";
    return kExitFailed;
  }
  std::cout << "ok\n";
  return kExitOk;
}

}  // namespace cs::cli
