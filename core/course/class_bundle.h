#pragma once
// A class bundle (issue 25, "Class bundles"): a teacher's selection of the course for one class,
// saved as a `.clusterscope-class` file. It names lessons (a subset of the course, in course order)
// and steps (a lesson's Try it or a built-in scenario, with a seed, a starting moment and a note),
// by id only: there are no paths in it, so opening one can never read another file or run
// anything. Loading is strict like every other file the app reads: unknown keys, unknown ids,
// strings and arrays over their limits are refused with the file and the JSON path.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "course/course.h"
#include "sim/time.h"

namespace cs::course {

struct ClassStep {
  std::string lesson;    // a lesson id of the class
  std::string tryit;     // a Try it id of that lesson; or empty, and then
  std::string scenario;  // a built-in scenario id
  std::uint64_t seed = 1;
  sim::TimeUs at_us = 0;  // the moment the step starts at ("at_s", seconds, in the file)
  std::string note;       // the teacher's note, shown in the narration (may be empty)

  bool operator==(const ClassStep&) const = default;
};

struct ClassBundle {
  std::string title;
  std::string note;                  // the teacher's note for the whole class (may be empty)
  std::vector<std::string> lessons;  // lesson ids, in course order
  std::vector<ClassStep> steps;

  bool operator==(const ClassBundle&) const = default;
};

class ClassBundleError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The limits the loader enforces (and the teacher's dialog keeps to).
inline constexpr std::size_t kClassTitleMax = 200;  // characters
inline constexpr std::size_t kClassNoteMax = 2000;  // characters, the class's and each step's
inline constexpr std::size_t kClassIdMax = 100;     // characters of a lesson, Try it or scenario id
inline constexpr std::size_t kClassStepsMax = 100;
inline constexpr std::size_t kClassFileMax = 1 << 20;                         // bytes of the whole file
inline constexpr std::uint64_t kClassSeedMax = (std::uint64_t{1} << 53) - 1;  // exact in JSON
inline constexpr sim::TimeUs kClassTimeMaxUs = 86'400 * sim::kMicrosPerSecond;

inline constexpr const char* kClassFileSuffix = ".clusterscope-class";

// Reads a class file's text against the course and the built-in scenarios. Throws
// ClassBundleError ("FILE: /json/path: what").
ClassBundle load_class_bundle(const std::string& text, const std::string& file, const Course& course);
// The file's text (schemaVersion 1); load_class_bundle(save_class_bundle(b)) == b.
std::string save_class_bundle(const ClassBundle& bundle);
// The index of a lesson id in the course, or -1.
int lesson_index(const Course& course, const std::string& id);

}  // namespace cs::course
