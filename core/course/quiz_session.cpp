#include "course/quiz_session.h"

#include <algorithm>
#include <cassert>
#include <set>

#include "sim/random.h"

namespace cs::course {

QuizAttempt draw_attempt(const Quiz& quiz, const std::vector<std::string>& previous, std::uint64_t seed) {
  sim::Random rng(seed);
  const auto draw = static_cast<std::size_t>(quiz.draw);
  assert(quiz.questions.size() >= draw);
  std::vector<std::size_t> chosen;
  if (previous.empty()) {
    for (std::size_t i = 0; i < quiz.questions.size() && chosen.size() < draw; ++i) {
      if (quiz.questions[i].outline) chosen.push_back(i);
    }
  }
  // Fill up from questions not asked last time, then (for small banks) from the rest.
  const std::set<std::string> before(previous.begin(), previous.end());
  std::vector<std::size_t> fresh, repeat;
  for (std::size_t i = 0; i < quiz.questions.size(); ++i) {
    if (std::find(chosen.begin(), chosen.end(), i) != chosen.end()) continue;
    (before.count(quiz.questions[i].id) ? repeat : fresh).push_back(i);
  }
  sim::shuffle(fresh, rng);
  sim::shuffle(repeat, rng);
  for (auto* pool : {&fresh, &repeat}) {
    for (std::size_t i : *pool) {
      if (chosen.size() < draw) chosen.push_back(i);
    }
  }
  std::sort(chosen.begin(), chosen.end());  // keep the bank's order: it follows the lesson
  QuizAttempt attempt;
  attempt.pass = quiz.pass;
  for (std::size_t q : chosen) {
    AskedQuestion asked;
    asked.question = q;
    for (std::size_t k = 0; k < quiz.questions[q].options.size(); ++k) asked.options.push_back(k);
    sim::shuffle(asked.options, rng);
    attempt.asked.push_back(std::move(asked));
  }
  return attempt;
}

AttemptResult grade(const Quiz& quiz, const QuizAttempt& attempt, const std::vector<int>& chosen) {
  assert(chosen.size() == attempt.asked.size());
  AttemptResult result;
  for (std::size_t i = 0; i < attempt.asked.size(); ++i) {
    const AskedQuestion& asked = attempt.asked[i];
    const QuizQuestion& q = quiz.questions.at(asked.question);
    QuestionResult r;
    r.question_id = q.id;
    r.chosen = chosen[i];
    if (r.chosen >= 0 && static_cast<std::size_t>(r.chosen) < asked.options.size()) {
      r.correct = q.options.at(asked.options[static_cast<std::size_t>(r.chosen)]).correct;
    }
    result.correct += r.correct ? 1 : 0;
    result.questions.push_back(r);
  }
  result.total = static_cast<int>(attempt.asked.size());
  result.passed = result.correct >= attempt.pass;
  return result;
}

std::string result_line(const AttemptResult& r) {
  return std::to_string(r.correct) + " of " + std::to_string(r.total) + " correct \u2014 " +
         (r.passed ? "passed" : "not passed yet");
}

}  // namespace cs::course
