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

void record_challenge(Progress& progress, const std::string& lesson_id, const std::string& challenge_id,
                      ChallengeRecord record) {
  LessonProgress& lesson = progress.lessons[lesson_id];
  if (lesson.challenges.size() >= kMaxChallengesPerLesson && !lesson.challenges.contains(challenge_id)) return;
  lesson.challenges.emplace(challenge_id, std::move(record));
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
    nlohmann::ordered_json challenges = nlohmann::ordered_json::object();
    for (const auto& [cid, c] : l.challenges) {
      challenges[cid] = {{"time", c.time}, {"metAtUs", c.met_at_us}, {"actionsUsed", c.actions_used}};
    }
    nlohmann::ordered_json predictions = nlohmann::ordered_json::object();
    for (const auto& [key, held] : l.predictions) predictions[key] = held;
    lessons[id] = {{"bestCorrect", l.best_correct}, {"bestTotal", l.best_total}, {"passed", l.passed},
                   {"attempts", attempts},          {"challenges", challenges},  {"predictions", predictions}};
  }
  root["lessons"] = lessons;
  root["last"] = {{"lesson", p.last.lesson}, {"scroll", p.last.scroll}, {"scenario", p.last.scenario}};
  nlohmann::ordered_json review = nlohmann::ordered_json::array();
  for (const ReviewItem& item : p.review) {
    review.push_back({{"lesson", item.lesson},
                      {"question", item.question},
                      {"due", item.due},
                      {"intervalDays", item.interval_days},
                      {"lapses", item.lapses}});
  }
  root["review"] = review;
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
  const auto version = r.integer("schemaVersion");
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
    // Version 2: challenges met and predictions answered (a version 1 file has neither).
    if (version >= 2) {
      const Json& challenges = l.at("challenges");
      ObjectReader cr(challenges, path + "/challenges");
      if (challenges.size() > kMaxChallengesPerLesson) throw JsonError(path + "/challenges", "too many challenges");
      for (auto c = challenges.begin(); c != challenges.end(); ++c) {
        ObjectReader one(cr.at(c.key()), path + "/challenges/" + c.key());
        ChallengeRecord rec;
        rec.time = one.string("time");
        rec.met_at_us = one.integer("metAtUs");
        if (rec.met_at_us < 0) throw JsonError(one.path_of("metAtUs"), "out of range");
        rec.actions_used = bounded_int(one, "actionsUsed", 0, 1000);
        one.finish();
        lp.challenges[c.key()] = std::move(rec);
      }
      cr.finish();
      const Json& predictions = l.at("predictions");
      ObjectReader pr(predictions, path + "/predictions");
      if (predictions.size() > kMaxPredictionsPerLesson) throw JsonError(path + "/predictions", "too many predictions");
      for (auto k = predictions.begin(); k != predictions.end(); ++k) lp.predictions[k.key()] = pr.boolean(k.key());
      pr.finish();
    }
    l.finish();
    p.lessons[it.key()] = std::move(lp);
  }
  ObjectReader last(r.at("last"), "/last");
  p.last.lesson = last.string("lesson");
  p.last.scroll = bounded_int(last, "scroll", 0, 100'000'000);
  p.last.scenario = last.string("scenario");
  last.finish();
  if (version >= 2) {
    const Json& review = json::as_array(r.at("review"), "/review");
    if (review.size() > kMaxReviewItems) throw JsonError("/review", "too many review items");
    for (std::size_t i = 0; i < review.size(); ++i) {
      ObjectReader item(review[i], "/review/" + std::to_string(i));
      ReviewItem ri;
      ri.lesson = item.string("lesson");
      ri.question = item.string("question");
      ri.due = item.string("due");
      ri.interval_days = bounded_int(item, "intervalDays", 1, 10'000);
      ri.lapses = bounded_int(item, "lapses", 0, 10'000);
      item.finish();
      p.review.push_back(std::move(ri));
    }
  }
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
