#include "course/class_bundle.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "json/strict_reader.h"
#include "scenario/builtin.h"

namespace cs::course {

namespace {

using json::Json;
using json::JsonError;
using json::ObjectReader;

std::size_t characters(const std::string& s) {
  // UTF-8 code points: every byte that does not continue a sequence starts one.
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// A string under `key`, at most `max` characters, without control characters (line breaks and
// tabs are allowed where `multiline`).
std::string text(ObjectReader& r, std::string_view key, std::size_t max, bool multiline) {
  std::string s = r.string(key);
  if (characters(s) > max) {
    throw JsonError(r.path_of(key), "longer than " + std::to_string(max) + " characters");
  }
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && !(multiline && (c == '\n' || c == '\t' || c == '\r'))) {
      throw JsonError(r.path_of(key), "holds a control character");
    }
  }
  return s;
}

std::string id(ObjectReader& r, std::string_view key) {
  std::string s = text(r, key, kClassIdMax, false);
  if (s.empty()) throw JsonError(r.path_of(key), "must not be empty");
  return s;
}

const TryIt* find_tryit(const Lesson& lesson, const std::string& id) {
  for (const TryIt& t : lesson.tryits) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

ClassStep read_step(const Json& j, const std::string& path, const Course& course,
                    const std::set<std::string>& class_lessons) {
  ObjectReader r(j, path);
  ClassStep step;
  step.lesson = id(r, "lesson");
  if (!class_lessons.count(step.lesson)) {
    throw JsonError(r.path_of("lesson"), lesson_index(course, step.lesson) < 0
                                             ? "no lesson \"" + step.lesson + "\" in the course"
                                             : "lesson \"" + step.lesson + "\" is not one of the class's lessons");
  }
  const bool has_tryit = r.has("tryit");
  const bool has_scenario = r.has("scenario");
  if (has_tryit == has_scenario) throw JsonError(path, "a step names either a tryit or a scenario (one of the two)");
  if (has_tryit) {
    step.tryit = id(r, "tryit");
    const Lesson& lesson = course.lessons[static_cast<std::size_t>(lesson_index(course, step.lesson))];
    const TryIt* tryit = find_tryit(lesson, step.tryit);
    if (!tryit) throw JsonError(r.path_of("tryit"), "no Try it \"" + step.tryit + "\" in lesson " + step.lesson);
    if (!scenario::find_builtin(tryit->scenario)) {
      throw JsonError(r.path_of("tryit"), "the Try it's simulation \"" + tryit->scenario + "\" is not built in");
    }
  } else {
    step.scenario = id(r, "scenario");
    if (!scenario::find_builtin(step.scenario)) {
      throw JsonError(r.path_of("scenario"), "no built-in scenario \"" + step.scenario + "\"");
    }
  }
  const std::int64_t seed = r.integer_or("seed", 1);
  if (seed < 0 || static_cast<std::uint64_t>(seed) > kClassSeedMax) {
    throw JsonError(r.path_of("seed"), "a seed from 0 to 2^53-1");
  }
  step.seed = static_cast<std::uint64_t>(seed);
  const double at_s = r.number_or("at_s", 0.0);
  if (!std::isfinite(at_s) || at_s < 0 || at_s > 86'400) {
    throw JsonError(r.path_of("at_s"), "between 0 and 86400 seconds");
  }
  step.at_us = static_cast<sim::TimeUs>(std::llround(at_s * 1e6));
  step.note = r.has("note") ? text(r, "note", kClassNoteMax, true) : std::string();
  r.finish();
  return step;
}

ClassBundle read(const std::string& text_in, const Course& course) {
  const Json root = json::parse_text(text_in);
  ObjectReader r(root, "");
  const auto version = r.integer("schemaVersion");
  if (version != 1) throw JsonError("/schemaVersion", "unsupported schema version " + std::to_string(version));
  ClassBundle bundle;
  bundle.title = text(r, "title", kClassTitleMax, false);
  if (bundle.title.find_first_not_of(' ') == std::string::npos) throw JsonError("/title", "must not be empty");
  bundle.note = r.has("note") ? text(r, "note", kClassNoteMax, true) : std::string();

  const Json& lessons = json::as_array(r.at("lessons"), "/lessons");
  if (lessons.empty()) throw JsonError("/lessons", "a class needs at least one lesson");
  if (lessons.size() > course.lessons.size()) {
    throw JsonError("/lessons", "more lessons than the course has (" + std::to_string(course.lessons.size()) + ")");
  }
  std::set<std::string> class_lessons;
  int previous = -1;
  for (std::size_t i = 0; i < lessons.size(); ++i) {
    const std::string path = "/lessons/" + std::to_string(i);
    std::string lesson = json::as_string(lessons[i], path);
    if (characters(lesson) > kClassIdMax)
      throw JsonError(path, "longer than " + std::to_string(kClassIdMax) + " characters");
    const int index = lesson_index(course, lesson);
    if (index < 0) throw JsonError(path, "no lesson \"" + lesson + "\" in the course");
    if (!class_lessons.insert(lesson).second) throw JsonError(path, "lesson \"" + lesson + "\" is listed twice");
    if (index < previous) throw JsonError(path, "the lessons are listed in course order");
    previous = index;
    bundle.lessons.push_back(std::move(lesson));
  }

  if (const Json* steps = r.find("steps")) {
    const Json& array = json::as_array(*steps, "/steps");
    if (array.size() > kClassStepsMax) {
      throw JsonError("/steps", "more than " + std::to_string(kClassStepsMax) + " steps");
    }
    for (std::size_t i = 0; i < array.size(); ++i) {
      bundle.steps.push_back(read_step(array[i], "/steps/" + std::to_string(i), course, class_lessons));
    }
  }
  r.finish();
  return bundle;
}

}  // namespace

int lesson_index(const Course& course, const std::string& id) {
  for (std::size_t i = 0; i < course.lessons.size(); ++i) {
    if (course.lessons[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

ClassBundle load_class_bundle(const std::string& text_in, const std::string& file, const Course& course) {
  if (text_in.size() > kClassFileMax) {
    throw ClassBundleError(file + ": larger than " + std::to_string(kClassFileMax / 1024) + " KiB: not a class file");
  }
  try {
    return read(text_in, course);
  } catch (const JsonError& e) {
    throw ClassBundleError(file + ": " + e.what());
  }
}

std::string save_class_bundle(const ClassBundle& bundle) {
  Json root = Json::object();
  root["schemaVersion"] = 1;
  root["title"] = bundle.title;
  if (!bundle.note.empty()) root["note"] = bundle.note;
  root["lessons"] = bundle.lessons;
  Json steps = Json::array();
  for (const ClassStep& s : bundle.steps) {
    Json step = Json::object();
    step["lesson"] = s.lesson;
    if (!s.tryit.empty()) {
      step["tryit"] = s.tryit;
    } else {
      step["scenario"] = s.scenario;
    }
    step["seed"] = s.seed;
    step["at_s"] = static_cast<double>(s.at_us) / 1e6;
    if (!s.note.empty()) step["note"] = s.note;
    steps.push_back(std::move(step));
  }
  root["steps"] = std::move(steps);
  return root.dump(2) + "\n";
}

}  // namespace cs::course
