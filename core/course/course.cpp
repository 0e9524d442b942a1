#include "course/course.h"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

#include "course/course_validator.h"
#include "json/strict_reader.h"

namespace cs::course {

using json::Json;
using json::JsonError;
using json::ObjectReader;

std::optional<std::string> DirectorySource::read(const std::string& relative_path) const {
  std::ifstream in(std::filesystem::path(root_) / relative_path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

bool DirectorySource::exists(const std::string& relative_path) const {
  std::error_code ec;
  return std::filesystem::is_regular_file(std::filesystem::path(root_) / relative_path, ec);
}

namespace {

void check_schema(ObjectReader& r) {
  const auto version = r.integer("schemaVersion");
  if (version != 1) throw JsonError("/schemaVersion", "unsupported schema version " + std::to_string(version));
}

template <class F>
auto with_file(const std::string& file, F&& f) {
  try {
    return f();
  } catch (const JsonError& e) {
    throw CourseError(file + ": " + e.what());
  }
}

std::string non_empty(ObjectReader& r, std::string_view key) {
  std::string s = r.string(key);
  if (s.find_first_not_of(" \t\r\n") == std::string::npos) throw JsonError(r.path_of(key), "must not be empty");
  return s;
}

}  // namespace

Quiz parse_quiz(const std::string& text, const std::string& file) {
  return with_file(file, [&] {
    const Json root = json::parse_text(text);
    ObjectReader r(root, "");
    check_schema(r);
    Quiz quiz;
    const auto draw = r.integer("draw");
    const auto pass = r.integer("pass");
    if (draw < 1 || draw > 20) throw JsonError("/draw", "between 1 and 20");
    if (pass < 1 || pass > draw) throw JsonError("/pass", "between 1 and draw");
    quiz.draw = static_cast<int>(draw);
    quiz.pass = static_cast<int>(pass);
    quiz.final_test = r.boolean_or("final", false);
    const Json& questions = json::as_array(r.at("questions"), "/questions");
    std::set<std::string> ids;
    for (std::size_t i = 0; i < questions.size(); ++i) {
      const std::string qpath = "/questions/" + std::to_string(i);
      ObjectReader q(questions[i], qpath);
      QuizQuestion question;
      question.id = non_empty(q, "id");
      if (!ids.insert(question.id).second)
        throw JsonError(q.path_of("id"), "duplicate question id \"" + question.id + "\"");
      question.outline = q.boolean_or("outline", false);
      question.text = non_empty(q, "text");
      const Json& options = json::as_array(q.at("options"), q.path_of("options"));
      int correct = 0;
      for (std::size_t k = 0; k < options.size(); ++k) {
        ObjectReader o(options[k], q.path_of("options") + "/" + std::to_string(k));
        QuizOption option;
        option.text = non_empty(o, "text");
        option.correct = o.boolean("correct");
        option.explanation = non_empty(o, "explanation");
        correct += option.correct ? 1 : 0;
        question.options.push_back(std::move(option));
        o.finish();
      }
      if (question.options.size() != 4) throw JsonError(q.path_of("options"), "a question has exactly 4 options");
      if (correct != 1) {
        throw JsonError(q.path_of("options"),
                        "exactly one option must be correct (found " + std::to_string(correct) + ")");
      }
      q.finish();
      quiz.questions.push_back(std::move(question));
    }
    if (!quiz.final_test && quiz.questions.size() < static_cast<std::size_t>(quiz.draw)) {
      throw JsonError("/questions", "the bank holds fewer questions than one attempt draws");
    }
    r.finish();
    return quiz;
  });
}

std::vector<TryIt> parse_tryits(const std::string& text, const std::string& file) {
  return with_file(file, [&] {
    const Json root = json::parse_text(text);
    ObjectReader r(root, "");
    check_schema(r);
    std::vector<TryIt> out;
    std::set<std::string> ids;
    const Json& tryits = json::as_array(r.at("tryits"), "/tryits");
    for (std::size_t i = 0; i < tryits.size(); ++i) {
      ObjectReader t(tryits[i], "/tryits/" + std::to_string(i));
      TryIt tryit;
      tryit.id = non_empty(t, "id");
      if (!ids.insert(tryit.id).second) throw JsonError(t.path_of("id"), "duplicate id \"" + tryit.id + "\"");
      tryit.scenario = non_empty(t, "scenario");
      tryit.title = non_empty(t, "title");
      if (t.has("compare")) tryit.compare = non_empty(t, "compare");  // checked against the scenario later
      const Json& steps = json::as_array(t.at("steps"), t.path_of("steps"));
      if (steps.empty()) throw JsonError(t.path_of("steps"), "a Try it needs at least one step");
      sim::TimeUs last = 0;
      for (std::size_t k = 0; k < steps.size(); ++k) {
        ObjectReader s(steps[k], t.path_of("steps") + "/" + std::to_string(k));
        TryItStep step;
        if (const Json* at = s.find("at_s")) {
          const double seconds = json::as_number(*at, s.path_of("at_s"));
          if (seconds < 0 || seconds > 86'400) throw JsonError(s.path_of("at_s"), "between 0 and 86400 seconds");
          step.at_us = static_cast<sim::TimeUs>(std::llround(seconds * 1e6));
          if (*step.at_us < last) throw JsonError(s.path_of("at_s"), "at_s never goes backwards");
          last = *step.at_us;
        }
        step.text = non_empty(s, "text");
        if (const Json* h = s.find("highlight")) {
          for (std::size_t n = 0; n < json::as_array(*h, s.path_of("highlight")).size(); ++n) {
            step.highlight.push_back(json::as_string((*h)[n], s.path_of("highlight") + "/" + std::to_string(n)));
          }
        }
        if (const Json* p = s.find("predict")) {
          // Read against the scenario later (course/prediction.h): the course loader has none.
          if (!step.at_us)
            throw JsonError(s.path_of("predict"), "a prediction step needs at_s: the moment it asks about");
          step.predict_json = p->dump();
          step.predict_path = s.path_of("predict");
        }
        s.finish();
        tryit.steps.push_back(std::move(step));
      }
      t.finish();
      out.push_back(std::move(tryit));
    }
    r.finish();
    return out;
  });
}

std::vector<OutlineSection> parse_outline(const std::string& text, const std::string& file) {
  return with_file(file, [&] {
    const Json root = json::parse_text(text);
    ObjectReader r(root, "");
    check_schema(r);
    std::vector<OutlineSection> out;
    const Json& sections = json::as_array(r.at("sections"), "/sections");
    for (std::size_t i = 0; i < sections.size(); ++i) {
      ObjectReader s(sections[i], "/sections/" + std::to_string(i));
      out.push_back({non_empty(s, "outline"), non_empty(s, "section")});
      s.finish();
    }
    r.finish();
    return out;
  });
}

Course load_course(const ContentSource& source) {
  const std::string course_file = "course.json";
  const auto text = source.read(course_file);
  if (!text) throw CourseError(course_file + ": cannot be read");
  Course course;
  std::vector<std::pair<std::string, std::string>> entries;
  with_file(course_file, [&] {
    const Json root = json::parse_text(*text);
    ObjectReader r(root, "");
    check_schema(r);
    course.title = non_empty(r, "title");
    const Json& lessons = json::as_array(r.at("lessons"), "/lessons");
    if (lessons.empty()) throw JsonError("/lessons", "a course needs at least one lesson");
    std::set<std::string> ids;
    for (std::size_t i = 0; i < lessons.size(); ++i) {
      ObjectReader l(lessons[i], "/lessons/" + std::to_string(i));
      std::string id = non_empty(l, "id");
      if (id.find_first_of("/\\.") != std::string::npos)
        throw JsonError(l.path_of("id"), "an id is a plain folder name");
      if (!ids.insert(id).second) throw JsonError(l.path_of("id"), "duplicate lesson \"" + id + "\"");
      entries.emplace_back(std::move(id), non_empty(l, "title"));
      l.finish();
    }
    r.finish();
    return 0;
  });
  for (auto& entry : entries) {
    const std::string id = entry.first;  // a plain variable: clang 14 cannot capture bindings
    Lesson lesson;
    lesson.id = id;
    lesson.title = entry.second;
    auto read = [&](const std::string& name) {
      const std::string path = id + "/" + name;
      auto content = source.read(path);
      if (!content) throw CourseError(path + ": cannot be read");
      return std::make_pair(path, std::move(*content));
    };
    lesson.markdown = read("lesson.md").second;
    for (const MarkdownLink& link : markdown_links(lesson.markdown)) {
      if (!link.image || link.target.find("..") != std::string::npos || link.target.find(':') != std::string::npos)
        continue;
      if (auto bytes = source.read(id + "/" + link.target)) lesson.images[link.target] = std::move(*bytes);
    }
    auto [quiz_path, quiz_text] = read("quiz.json");
    lesson.quiz = parse_quiz(quiz_text, quiz_path);
    auto [tryit_path, tryit_text] = read("tryit.json");
    lesson.tryits = parse_tryits(tryit_text, tryit_path);
    if (source.exists(id + "/challenges.json")) {
      std::tie(lesson.challenges_path, lesson.challenges_text) = read("challenges.json");
    }
    auto [outline_path, outline_text] = read("outline.json");
    lesson.outline = parse_outline(outline_text, outline_path);
    course.lessons.push_back(std::move(lesson));
  }
  return course;
}

}  // namespace cs::course
