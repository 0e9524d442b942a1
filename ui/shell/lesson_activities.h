#pragma once
// A course's activities beyond its text and quiz: each lesson's challenges, read against the
// built-in scenarios, and its prediction steps checked the same way. Content from --lessons-dir
// that cannot be read loses only the broken piece (a prediction becomes a plain step) and says so.
#include <QStringList>
#include <vector>

#include "course/challenge.h"
#include "course/course.h"

namespace cs::ui {

struct LessonActivities {
  std::vector<std::vector<course::Challenge>> challenges;  // per lesson, in course order
  QStringList problems;                                    // one notice per broken file
};

// Clears the predict_json of steps whose prediction cannot be read.
LessonActivities read_lesson_activities(course::Course& course);

}  // namespace cs::ui
