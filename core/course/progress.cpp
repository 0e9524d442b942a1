#include "course/progress.h"

#include <nlohmann/json.hpp>

#include "json/strict_reader.h"

namespace cs::course {

using json::Json;
using json::JsonError;
using json::ObjectReader;

void record_attempt(Progress& progress, const std::string& lesson_id, AttemptRecord attempt) {
  LessonProgress& lesson = progress.lessons[lesson_id];
  const bool better = attempt.correct > lesson.best_correct || lesson.best_total == 0;
  if (better) {
    lesson.best_correct = attempt.correct;
    lesson.best_total = attempt.total;
  }
  lesson.passed = lesson.passed || attempt.passed;
  lesson.attempts.push_back(std::move(attempt));
  if (lesson.attempts.size() > kMaxAttemptsPerLesson) lesson.attempts.erase(lesson.attempts.begin());
}

std::string progress_to_json(const Progress& p) {
  nlohmann::ordered_json root;
  root["schemaVersion"] = kProgressSchemaVersion;
  root["format"] = "clusterscope-progress";
  nlohmann::ordered_json lessons = nlohmann::ordered_json::object();
  for (const auto& [id, l] : p.lessons) {
    nlohmann::ordered_json attempts = nlohmann::ordered_json::array();
    for (const auto& a : l.attempts) {
      attempts.push_back({{"time", a.time},
                          {"questions", a.question_ids},
                          {"answers", a.answers},
                          {"correct", a.correct},
                          {"total", a.total},
                          {"passed", a.passed}});
    }
    lessons[id] = {
        {"bestCorrect", l.best_correct}, {"bestTotal", l.best_total}, {"passed", l.passed}, {"attempts", attempts}};
  }
  root["lessons"] = lessons;
  root["last"] = {{"lesson", p.last.lesson}, {"scroll", p.last.scroll}, {"scenario", p.last.scenario}};
  return root.dump(1) + "\n";
}

namespace {

// Rejects absurd nesting before the parser sees it: no valid progress file nests deeper than 6.
bool nesting_within(const std::string& text, int max_depth) {
  int depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') in_string = true;
    if (c == '[' || c == '{') {
      if (++depth > max_depth) return false;
    }
    if (c == ']' || c == '}') --depth;
  }
  return true;
}

int bounded_int(ObjectReader& r, std::string_view key, int lo, int hi) {
  const auto v = r.integer(key);
  if (v < lo || v > hi) throw JsonError(r.path_of(key), "out of range");
  return static_cast<int>(v);
}

std::vector<std::string> strings(const Json& j, const std::string& path) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < json::as_array(j, path).size(); ++i) {
    out.push_back(json::as_string(j[i], path + "/" + std::to_string(i)));
  }
  return out;
}

Progress read_progress(const Json& root) {
  ObjectReader r(root, "");
  r.integer("schemaVersion");
  if (r.string("format") != "clusterscope-progress") throw JsonError("/format", "not a ClusterScope progress file");
  Progress p;
  const Json& lessons = r.at("lessons");
  ObjectReader lr(lessons, "/lessons");
  for (auto it = lessons.begin(); it != lessons.end(); ++it) {
    const std::string path = "/lessons/" + it.key();
    ObjectReader l(lr.at(it.key()), path);
    LessonProgress lp;
    lp.best_correct = bounded_int(l, "bestCorrect", 0, 1000);
    lp.best_total = bounded_int(l, "bestTotal", 0, 1000);
    lp.passed = l.boolean("passed");
    const Json& attempts = json::as_array(l.at("attempts"), path + "/attempts");
    if (attempts.size() > kMaxAttemptsPerLesson) throw JsonError(path + "/attempts", "too many attempts");
    for (std::size_t i = 0; i < attempts.size(); ++i) {
      const std::string apath = path + "/attempts/" + std::to_string(i);
      ObjectReader a(attempts[i], apath);
      AttemptRecord rec;
      rec.time = a.string("time");
      rec.question_ids = strings(a.at("questions"), apath + "/questions");
      rec.answers = strings(a.at("answers"), apath + "/answers");
      rec.correct = bounded_int(a, "correct", 0, 1000);
      rec.total = bounded_int(a, "total", 0, 1000);
      rec.passed = a.boolean("passed");
      a.finish();
      lp.attempts.push_back(std::move(rec));
    }
    l.finish();
    p.lessons[it.key()] = std::move(lp);
  }
  ObjectReader last(r.at("last"), "/last");
  p.last.lesson = last.string("lesson");
  p.last.scroll = bounded_int(last, "scroll", 0, 100'000'000);
  p.last.scenario = last.string("scenario");
  last.finish();
  r.finish();
  return p;
}

}  // namespace

ProgressParse parse_progress(const std::string& text) {
  ProgressParse out;
  try {
    if (text.size() > (std::size_t{16} << 20)) throw JsonError("/", "file larger than 16 MiB");
    if (!nesting_within(text, 16)) throw JsonError("/", "nested too deeply");
    const Json root = json::parse_text(text);
    if (!root.is_object()) throw JsonError("/", "expected an object");
    const auto version = root.find("schemaVersion");
    if (version == root.end() || !version->is_number_integer())
      throw JsonError("/schemaVersion", "missing or not an integer");
    out.schema_version = static_cast<int>(std::clamp<std::int64_t>(version->get<std::int64_t>(), INT32_MIN, INT32_MAX));
    if (out.schema_version > kProgressSchemaVersion) {
      out.status = ProgressParse::Status::NewerVersion;
      return out;
    }
    if (out.schema_version < 1) throw JsonError("/schemaVersion", "unknown version");
    out.progress = read_progress(root);
    out.status = ProgressParse::Status::Ok;
  } catch (const JsonError& e) {
    out.status = ProgressParse::Status::Corrupt;
    out.error = e.what();
  } catch (const nlohmann::json::exception& e) {
    out.status = ProgressParse::Status::Corrupt;
    out.error = e.what();
  }
  return out;
}

}  // namespace cs::course
