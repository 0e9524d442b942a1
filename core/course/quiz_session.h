#pragma once
// One attempt at a lesson's quiz: which questions are asked, in which option order, and how the
// answers grade. The first attempt asks the course outline's own questions; a retry draws from
// the rest of the bank first, so the learner sees different questions, and every attempt shuffles
// the options. All choices come from a seed, so an attempt can be reproduced and tested.
#include <cstdint>
#include <string>
#include <vector>

#include "course/course.h"

namespace cs::course {

struct AskedQuestion {
  std::size_t question = 0;          // index into Quiz::questions
  std::vector<std::size_t> options;  // display order: options[k] is the bank's option index
};

struct QuizAttempt {
  std::vector<AskedQuestion> asked;
  int pass = 0;
};

// `previous` are the question ids asked in the attempt before this one (empty for the first).
QuizAttempt draw_attempt(const Quiz& quiz, const std::vector<std::string>& previous, std::uint64_t seed);

struct QuestionResult {
  std::string question_id;
  int chosen = -1;  // display position chosen, -1 if unanswered
  bool correct = false;
};

struct AttemptResult {
  std::vector<QuestionResult> questions;
  int correct = 0;
  int total = 0;
  bool passed = false;
};

// `chosen[i]` is the display position picked for asked question i (-1: none).
AttemptResult grade(const Quiz& quiz, const QuizAttempt& attempt, const std::vector<int>& chosen);

// "2 of 3 correct — passed"
std::string result_line(const AttemptResult& result);

}  // namespace cs::course
