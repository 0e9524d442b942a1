#pragma once
// A learner's progress: the one thing ClusterScope stores. Plain data with a versioned JSON form.
// Parsing never trusts the file: any defect is reported as an error, never a crash, and a file
// written by a newer version is recognised as such so that it is not overwritten.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cs::course {

inline constexpr int kProgressSchemaVersion = 1;

struct AttemptRecord {
  std::string time;  // ISO 8601, UTC, from the caller (the core has no clock)
  std::vector<std::string> question_ids;
  std::vector<std::string> answers;  // the chosen option's text, "" if unanswered
  int correct = 0;
  int total = 0;
  bool passed = false;
  bool operator==(const AttemptRecord&) const = default;
};

struct LessonProgress {
  int best_correct = 0;
  int best_total = 0;
  bool passed = false;
  std::vector<AttemptRecord> attempts;
  bool operator==(const LessonProgress&) const = default;
};

struct LastPlace {
  std::string lesson;  // lesson id
  int scroll = 0;      // scroll position in the lesson pane, pixels
  std::string scenario;
  bool operator==(const LastPlace&) const = default;
};

struct Progress {
  std::map<std::string, LessonProgress> lessons;  // by lesson id
  LastPlace last;
  bool operator==(const Progress&) const = default;
};

// Attempts kept per lesson; older ones are dropped (the best score is kept separately).
inline constexpr std::size_t kMaxAttemptsPerLesson = 200;

void record_attempt(Progress& progress, const std::string& lesson_id, AttemptRecord attempt);

std::string progress_to_json(const Progress& progress);

struct ProgressParse {
  enum class Status { Ok, Corrupt, NewerVersion };
  Status status = Status::Corrupt;
  Progress progress;
  int schema_version = 0;
  std::string error;  // for Corrupt: what is wrong, with the JSON path
};

ProgressParse parse_progress(const std::string& text);

}  // namespace cs::course
