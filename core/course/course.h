#pragma once
// The course as data: lessons with their Markdown text, quiz banks, "Try it" runs and the outline
// checklist. Loading is strict: a malformed file is an error naming the file and the JSON path.
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/time.h"

namespace cs::course {

// Where course files come from: a folder on disk, or Qt resources in the application. Paths are
// relative to the course root and use '/'.
class ContentSource {
 public:
  virtual ~ContentSource() = default;
  virtual std::optional<std::string> read(const std::string& relative_path) const = 0;
  virtual bool exists(const std::string& relative_path) const = 0;
};

// A folder on disk (the command-line tool; --lessons-dir).
class DirectorySource final : public ContentSource {
 public:
  explicit DirectorySource(std::string root) : root_(std::move(root)) {}
  std::optional<std::string> read(const std::string& relative_path) const override;
  bool exists(const std::string& relative_path) const override;

 private:
  std::string root_;
};

struct QuizOption {
  std::string text;
  bool correct = false;
  std::string explanation;
};

struct QuizQuestion {
  std::string id;
  bool outline = false;  // asked word for word by the course outline
  std::string text;
  std::vector<QuizOption> options;
};

struct Quiz {
  int draw = 3;
  int pass = 2;
  // The course's cumulative final test (quiz.json "final": true, the last lesson's): draw and pass
  // are the whole test's, and the bank supplies only this lesson's share (course/final_test.h).
  bool final_test = false;
  std::vector<QuizQuestion> questions;
};

struct TryItStep {
  std::optional<sim::TimeUs> at_us;
  std::string text;
  std::vector<std::string> highlight;
  // A prediction asked before the run plays to at_us (course/prediction.h), as JSON text, and its
  // JSON path in tryit.json; empty when the step asks none.
  std::string predict_json;
  std::string predict_path;
};

struct TryIt {
  std::string id;
  std::string scenario;
  std::string title;
  std::vector<TryItStep> steps;
  // "What if?": when set, the Try it opens a comparison with this change (run/compare.h: "mode=sync",
  // "fencing=true", "seed=7"), forked at the start, both branches on one clock.
  std::string compare;
};

struct OutlineSection {
  std::string outline;  // heading of the course outline
  std::string section;  // heading in lesson.md that covers it
};

struct Lesson {
  std::string id;
  std::string title;
  std::string markdown;
  Quiz quiz;
  std::vector<TryIt> tryits;
  std::vector<OutlineSection> outline;
  // challenges.json, when the lesson has one: read against its scenarios by load_challenges()
  // (course/challenge.h), which needs the scenarios this loader does not.
  std::string challenges_path;
  std::string challenges_text;
  // The images lesson.md shows (its figures), by the path it names them with ("figures/x.svg"):
  // the file's bytes, read through the same source as the text. A missing one is left out (the
  // validator reports it).
  std::map<std::string, std::string> images;
};

struct Course {
  std::string title;
  std::vector<Lesson> lessons;
};

class CourseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Reads course.json and every lesson it lists. Throws CourseError ("FILE: /json/path: what").
Course load_course(const ContentSource& source);

// The individual files, for the validator and the fuzz targets.
Quiz parse_quiz(const std::string& text, const std::string& file);
std::vector<TryIt> parse_tryits(const std::string& text, const std::string& file);
std::vector<OutlineSection> parse_outline(const std::string& text, const std::string& file);

}  // namespace cs::course
