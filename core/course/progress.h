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

// 2 added challenge results, prediction answers and the review queue; a version 1 file loads with
// those empty and is written back as version 2 with everything it held.
inline constexpr int kProgressSchemaVersion = 2;

struct AttemptRecord {
  std::string time;  // ISO 8601, UTC, from the caller (the core has no clock)
  std::vector<std::string> question_ids;
  std::vector<std::string> answers;  // the chosen option's text, "" if unanswered
  int correct = 0;
  int total = 0;
  bool passed = false;
  bool operator==(const AttemptRecord&) const = default;
};

// A challenge the learner met (course/challenge.h): when, how, with how many actions.
struct ChallengeRecord {
  std::string time;  // ISO 8601, UTC, when it was met
  std::int64_t met_at_us = 0;
  int actions_used = 0;
  bool operator==(const ChallengeRecord&) const = default;
};

struct LessonProgress {
  int best_correct = 0;
  int best_total = 0;
  bool passed = false;
  std::vector<AttemptRecord> attempts;
  std::map<std::string, ChallengeRecord> challenges;  // met challenges, by id
  // Predictions answered, by "<tryit id>/<step number>": whether the learner's prediction held.
  std::map<std::string, bool> predictions;
  bool operator==(const LessonProgress&) const = default;
};

// A question that comes back for review at growing intervals (the spaced review queue).
struct ReviewItem {
  std::string lesson;    // lesson id
  std::string question;  // question or template id
  std::string due;       // ISO 8601 date
  int interval_days = 1;
  int lapses = 0;
  bool operator==(const ReviewItem&) const = default;
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
  std::vector<ReviewItem> review;
  bool operator==(const Progress&) const = default;
};

// Attempts kept per lesson; older ones are dropped (the best score is kept separately).
inline constexpr std::size_t kMaxAttemptsPerLesson = 200;
inline constexpr std::size_t kMaxChallengesPerLesson = 100;
inline constexpr std::size_t kMaxPredictionsPerLesson = 500;
inline constexpr std::size_t kMaxReviewItems = 2'000;

// Keeps the first time a challenge was met (a later, better run does not replace it).
void record_challenge(Progress& progress, const std::string& lesson_id, const std::string& challenge_id,
                      ChallengeRecord record);

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
