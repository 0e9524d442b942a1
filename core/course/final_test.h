#pragma once
// The course's final test: cumulative, unlike a lesson quiz. It asks kFinalQuestions questions,
// at least one from the bank of each lesson before the last, at least two from the last lesson's
// bank, and at least three computed by templates (each from a different lesson); kFinalPass of
// them pass (70%, the figure the course states). A retry asks no bank question of the attempt
// before and draws the computed questions afresh. Question ids are "LESSON-ID/QUESTION-ID" for the
// banks' questions (the banks reuse ids such as "q1") and "template:ID" for computed ones.
#include <cstdint>
#include <string>
#include <vector>

#include "course/course.h"
#include "course/quiz_mix.h"

namespace cs::course {

inline constexpr int kFinalQuestions = 10;
inline constexpr int kFinalPass = 7;
inline constexpr int kFinalFromLastLesson = 2;
inline constexpr int kFinalComputed = 3;

// `previous` are the question ids of the attempt before (empty for the first).
MixedAttempt draw_final_test(const Course& course, const std::vector<std::string>& previous, std::uint64_t seed);

}  // namespace cs::course
