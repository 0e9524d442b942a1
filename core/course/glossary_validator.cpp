#include "course/glossary_validator.h"

#include <algorithm>
#include <set>

#include "course/challenge.h"
#include "json/strict_reader.h"
#include "scenario/builtin.h"

namespace cs::course {

std::vector<std::size_t> terms_used(const TermMatcher& matcher, std::string_view text) {
  std::set<std::size_t> used;
  for (const TermMatch& m : matcher.find(text)) used.insert(m.term);
  return {used.begin(), used.end()};
}

namespace {

// The strings of a JSON text that a learner reads: the values under the given keys, at any depth.
// Keys, ids, metric names and the like are left out. Malformed text gives nothing (the validator
// reports it where the file is checked).
std::string json_texts(const std::string& text, const std::set<std::string, std::less<>>& keys) {
  std::string out;
  const auto walk = [&](const auto& self, const json::Json& j, bool wanted) -> void {
    if (j.is_object()) {
      for (const auto& [key, value] : j.items()) self(self, value, keys.contains(key));
    } else if (j.is_array()) {
      for (const auto& value : j) self(self, value, wanted);
    } else if (j.is_string() && wanted) {
      out += "\n\n" + j.get<std::string>();
    }
  };
  try {
    walk(walk, json::parse_text(text), false);
  } catch (const std::exception&) {
    return {};
  }
  return out;
}

}  // namespace

std::string lesson_corpus(const Lesson& lesson) {
  std::string text = lesson.markdown;
  const auto add = [&](const std::string& piece) {
    text += "\n\n";
    text += piece;
  };
  for (const TryIt& t : lesson.tryits) {
    add(t.title);
    for (const TryItStep& step : t.steps) {
      add(step.text);
      if (!step.predict_json.empty()) add(json_texts(step.predict_json, {"question", "text", "explanation"}));
    }
  }
  for (const QuizQuestion& q : lesson.quiz.questions) {
    add(q.text);
    for (const QuizOption& o : q.options) {
      add(o.text);
      add(o.explanation);
    }
  }
  if (!lesson.challenges_text.empty())
    add(json_texts(lesson.challenges_text, {"title", "goal", "label", "explanation"}));
  return text;
}

namespace {

// The built-in scenarios' titles, descriptions and narration: what the narration panel shows.
std::string scenario_corpus() {
  std::string text;
  for (const scenario::BuiltinScenario& b : scenario::builtin_scenarios()) {
    const scenario::Scenario* s = nullptr;
    try {
      s = builtin_scenario(std::string(b.id));
    } catch (const std::exception&) {
      continue;  // reported where scenarios are validated
    }
    if (!s) continue;
    text += "\n\n" + s->title + "\n\n" + s->description;
    for (const scenario::NarrationStep& step : s->narration) text += "\n\n" + step.text;
  }
  return text;
}

}  // namespace

std::vector<ValidationIssue> validate_glossary(const ContentSource& source, const Course& course,
                                               const ScenarioLookup& scenario_exists) {
  std::vector<ValidationIssue> issues;
  const std::string file = kGlossaryFile;
  std::optional<Glossary> glossary;
  try {
    glossary = read_glossary(source);
  } catch (const CourseError& e) {
    const std::string what = e.what();
    const std::string prefix = file + ": ";
    issues.push_back({file, "", what.rfind(prefix, 0) == 0 ? what.substr(prefix.size()) : what, {}});
    return issues;
  }
  if (!glossary) return issues;  // a course may have no glossary
  const TermMatcher matcher(*glossary);
  std::vector<std::vector<std::size_t>> by_lesson;  // the terms each lesson uses
  std::set<std::size_t> used;
  for (const Lesson& lesson : course.lessons) {
    by_lesson.push_back(terms_used(matcher, lesson_corpus(lesson)));
    used.insert(by_lesson.back().begin(), by_lesson.back().end());
  }
  for (std::size_t term : terms_used(matcher, scenario_corpus())) used.insert(term);

  for (std::size_t i = 0; i < glossary->terms.size(); ++i) {
    const GlossaryTerm& t = glossary->terms[i];
    if (!used.contains(i)) {
      issues.push_back({file,
                        t.path,
                        "\"" + t.term +
                            "\" is used nowhere in the course (lesson text, Try it steps, quizzes, challenges or "
                            "scenario narration): use it there, or list under \"forms\" the words the course uses",
                        {}});
    }
    const auto lesson =
        std::find_if(course.lessons.begin(), course.lessons.end(), [&](const Lesson& l) { return l.id == t.lesson; });
    if (lesson == course.lessons.end()) {
      issues.push_back({file, t.path + "/lesson", "lesson \"" + t.lesson + "\" is not in course.json", {}});
    } else {
      const auto& terms = by_lesson[static_cast<std::size_t>(lesson - course.lessons.begin())];
      if (used.contains(i) && !std::binary_search(terms.begin(), terms.end(), i)) {
        issues.push_back({file,
                          t.path + "/lesson",
                          "\"" + t.term + "\" is not used in lesson " + t.lesson + ", which is to introduce it",
                          {}});
      }
    }
    if (!t.scenario.empty() && !scenario_exists(t.scenario)) {
      issues.push_back({file, t.path + "/scenario", "scenario \"" + t.scenario + "\" does not exist", t.scenario});
    }
  }
  return issues;
}

}  // namespace cs::course
