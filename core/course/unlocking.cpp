#include "course/unlocking.h"

namespace cs::course {

namespace {
bool passed(const Progress& p, const std::string& id) {
  const auto it = p.lessons.find(id);
  return it != p.lessons.end() && it->second.passed;
}
}  // namespace

std::vector<LessonState> lesson_states(const Course& course, const Progress& progress, bool teacher_mode) {
  std::vector<LessonState> out;
  bool previous_passed = true;  // the first lesson is always open
  for (const auto& lesson : course.lessons) {
    const bool done = passed(progress, lesson.id);
    if (done) {
      out.push_back(LessonState::Passed);
    } else if (previous_passed || teacher_mode) {
      out.push_back(LessonState::Open);
    } else {
      out.push_back(LessonState::Locked);
    }
    previous_passed = done;
  }
  return out;
}

bool may_open(const Course& course, const Progress& progress, bool teacher_mode, std::size_t lesson) {
  const auto states = lesson_states(course, progress, teacher_mode);
  return lesson < states.size() && states[lesson] != LessonState::Locked;
}

double course_fraction(const Course& course, const Progress& progress) {
  if (course.lessons.empty()) return 0;
  int done = 0;
  for (const auto& lesson : course.lessons) done += passed(progress, lesson.id) ? 1 : 0;
  return static_cast<double>(done) / static_cast<double>(course.lessons.size());
}

bool course_complete(const Course& course, const Progress& progress) {
  return !course.lessons.empty() && passed(progress, course.lessons.back().id);
}

}  // namespace cs::course
