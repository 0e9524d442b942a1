#include "course/quiz_mix.h"

#include <algorithm>
#include <cassert>
#include <set>

#include "sim/random.h"

namespace cs::course {

namespace {

constexpr std::uint64_t kTemplateSeedSalt = 0x9e3779b97f4a7c15ULL;  // the template's draw differs from the pick

bool is_template_id(const std::string& id) { return id.rfind("template:", 0) == 0; }

}  // namespace

MixedAttempt draw_mixed_attempt(const Quiz& bank, int lesson, const std::vector<std::string>& previous,
                                std::uint64_t seed) {
  const auto templates = templates_for_lesson(lesson);
  MixedAttempt out;
  out.quiz = bank;
  if (templates.empty()) {
    out.attempt = draw_attempt(bank, previous, seed);
    return out;
  }
  sim::Random rng(seed);
  const auto count = static_cast<std::size_t>(bank.draw);
  assert(count >= 2 && bank.questions.size() >= count - 1);
  const std::set<std::string> before(previous.begin(), previous.end());
  const bool first =
      std::none_of(previous.begin(), previous.end(), [](const std::string& id) { return !is_template_id(id); });

  // 1. The bank's share: draw - 1 questions.
  std::vector<std::size_t> outline, outline_fresh, fresh, stale;
  for (std::size_t i = 0; i < bank.questions.size(); ++i) {
    const QuizQuestion& q = bank.questions[i];
    if (q.outline) {
      outline.push_back(i);
      if (!before.count(q.id)) outline_fresh.push_back(i);
    } else {
      (before.count(q.id) ? stale : fresh).push_back(i);
    }
  }
  std::vector<std::size_t> chosen;
  const std::size_t from_bank = count - 1;
  if (first) {
    // The first attempt: the outline's questions in order, as many as fit.
    for (std::size_t i : outline) {
      if (chosen.size() < from_bank) chosen.push_back(i);
    }
  } else if (!outline_fresh.empty()) {
    // A retry: every outline question the attempt before did not ask, when they fit (the second
    // attempt so completes the outline); else one of them, drawn.
    if (outline_fresh.size() > from_bank) sim::shuffle(outline_fresh, rng);
    for (std::size_t i : outline_fresh) {
      if (chosen.size() < from_bank) chosen.push_back(i);
    }
  } else if (!outline.empty()) {
    chosen.push_back(outline[rng.below(outline.size())]);  // every outline question was just asked
  }
  // Fill up from bank questions not asked last time, then (a small bank) from the rest.
  sim::shuffle(fresh, rng);
  std::vector<std::size_t> rest = stale;
  for (std::size_t i : outline) {
    if (std::find(chosen.begin(), chosen.end(), i) == chosen.end()) rest.push_back(i);
  }
  sim::shuffle(rest, rng);
  for (const auto* pool : {&fresh, &rest}) {
    for (std::size_t i : *pool) {
      if (chosen.size() < from_bank && std::find(chosen.begin(), chosen.end(), i) == chosen.end()) chosen.push_back(i);
    }
  }
  std::sort(chosen.begin(), chosen.end());  // the bank's order follows the lesson

  // 2. One template question, preferring a template the attempt before did not use.
  std::vector<const QuestionTemplate*> unused;
  for (const QuestionTemplate* t : templates) {
    if (!before.count("template:" + t->id)) unused.push_back(t);
  }
  const auto& pool = unused.empty() ? templates : unused;
  const QuestionTemplate* picked = pool[rng.below(pool.size())];
  out.drawn.push_back(draw(*picked, seed ^ kTemplateSeedSalt));
  out.quiz.questions.push_back(out.drawn.back().question);

  out.attempt.pass = bank.pass;
  for (std::size_t q : chosen) {
    AskedQuestion asked;
    asked.question = q;
    for (std::size_t k = 0; k < bank.questions[q].options.size(); ++k) asked.options.push_back(k);
    sim::shuffle(asked.options, rng);
    out.attempt.asked.push_back(std::move(asked));
  }
  AskedQuestion computed;  // its options are already in a drawn order
  computed.question = out.quiz.questions.size() - 1;
  for (std::size_t k = 0; k < out.quiz.questions.back().options.size(); ++k) computed.options.push_back(k);
  out.attempt.asked.push_back(std::move(computed));
  assert(out.attempt.asked.size() == count);
  return out;
}

}  // namespace cs::course
