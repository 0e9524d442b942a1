#pragma once
// A lesson quiz attempt that mixes the lesson's bank with a question computed by a template
// (course/question_templates.h). The rules, from the course's promises:
// - an attempt asks `draw` questions (3) and passes with `pass` (2) of them;
// - in a lesson with templates, one of them is a template question, drawn afresh every attempt
//   (a template not used in the attempt before is preferred);
// - every attempt asks at least one of the outline's own questions, and the first two attempts
//   between them ask all of them (the first asks the first draw - 1, the second the rest);
// - a retry asks no bank question of the attempt before (unless the bank is too small).
// A lesson without templates keeps draw_attempt's rules. Everything comes from the seed.
#include <cstdint>
#include <string>
#include <vector>

#include "course/course.h"
#include "course/question_templates.h"
#include "course/quiz_session.h"

namespace cs::course {

struct MixedAttempt {
  Quiz quiz;                         // the bank's questions, then this attempt's template questions
  QuizAttempt attempt;               // indexes into quiz.questions
  std::vector<DrawnQuestion> drawn;  // the template questions, in the order they were appended
};

// `lesson` is 1-based; `previous` are the question ids of the attempt before (empty for the first).
MixedAttempt draw_mixed_attempt(const Quiz& bank, int lesson, const std::vector<std::string>& previous,
                                std::uint64_t seed);

}  // namespace cs::course
