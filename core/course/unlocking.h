#pragma once
// Which lessons a learner may open: lesson N+1 opens when lesson N's quiz is passed. Teacher mode
// opens every lesson without recording anything.
#include <string>
#include <vector>

#include "course/course.h"
#include "course/progress.h"

namespace cs::course {

enum class LessonState { Locked, Open, Passed };

std::vector<LessonState> lesson_states(const Course& course, const Progress& progress, bool teacher_mode);

bool may_open(const Course& course, const Progress& progress, bool teacher_mode, std::size_t lesson);

// Fraction of lessons passed, 0..1.
double course_fraction(const Course& course, const Progress& progress);

bool course_complete(const Course& course, const Progress& progress);

}  // namespace cs::course
