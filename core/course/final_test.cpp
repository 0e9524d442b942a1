#include "course/final_test.h"

#include <algorithm>
#include <cassert>
#include <set>

#include "course/question_templates.h"
#include "sim/random.h"

namespace cs::course {

namespace {

constexpr std::uint64_t kTemplateSeedSalt = 0xd1b54a32d192ed03ULL;

struct BankPick {
  std::size_t lesson;
  std::size_t question;
};

}  // namespace

MixedAttempt draw_final_test(const Course& course, const std::vector<std::string>& previous, std::uint64_t seed) {
  assert(course.lessons.size() >= 2);
  sim::Random rng(seed);
  const std::set<std::string> before(previous.begin(), previous.end());
  const std::size_t last = course.lessons.size() - 1;
  const auto qualified = [&](std::size_t lesson, std::size_t q) {
    return course.lessons[lesson].id + "/" + course.lessons[lesson].quiz.questions[q].id;
  };

  // 1. Computed questions: kFinalComputed lessons with templates, drawn by the seed.
  std::vector<std::size_t> with_templates;
  for (std::size_t l = 0; l < course.lessons.size(); ++l) {
    if (!templates_for_lesson(static_cast<int>(l + 1)).empty()) with_templates.push_back(l);
  }
  sim::shuffle(with_templates, rng);
  std::vector<DrawnQuestion> drawn;
  for (std::size_t l : with_templates) {
    if (drawn.size() == static_cast<std::size_t>(kFinalComputed)) break;
    const auto templates = templates_for_lesson(static_cast<int>(l + 1));
    std::vector<const QuestionTemplate*> unused;
    for (const QuestionTemplate* t : templates) {
      if (!before.count("template:" + t->id)) unused.push_back(t);
    }
    const auto& pool = unused.empty() ? templates : unused;
    drawn.push_back(draw(*pool[rng.below(pool.size())], seed ^ (kTemplateSeedSalt * (l + 1))));
  }

  // 2. Bank questions: one per lesson before the last, kFinalFromLastLesson from the last, then
  //    the rest from any bank; questions the attempt before asked come only when nothing else is left.
  std::vector<std::vector<std::size_t>> fresh(course.lessons.size()), stale(course.lessons.size());
  for (std::size_t l = 0; l < course.lessons.size(); ++l) {
    for (std::size_t q = 0; q < course.lessons[l].quiz.questions.size(); ++q) {
      (before.count(qualified(l, q)) ? stale[l] : fresh[l]).push_back(q);
    }
    sim::shuffle(fresh[l], rng);
    sim::shuffle(stale[l], rng);
  }
  std::vector<BankPick> picks;
  const auto take = [&](std::size_t l) {
    for (auto* pool : {&fresh[l], &stale[l]}) {
      if (!pool->empty()) {
        picks.push_back({l, pool->back()});
        pool->pop_back();
        return true;
      }
    }
    return false;
  };
  for (std::size_t l = 0; l < last; ++l) take(l);
  for (int i = 0; i < kFinalFromLastLesson; ++i) take(last);
  const auto wanted = static_cast<std::size_t>(kFinalQuestions) - drawn.size();
  for (bool found = true; picks.size() < wanted && found;) {
    found = false;
    std::vector<std::size_t> order(course.lessons.size());
    for (std::size_t l = 0; l < order.size(); ++l) order[l] = l;
    sim::shuffle(order, rng);
    for (std::size_t l : order) {  // fresh questions first, from any lesson
      if (picks.size() < wanted && !fresh[l].empty()) found = take(l) || found;
    }
    for (std::size_t l : order) {
      if (!found && picks.size() < wanted && !stale[l].empty()) found = take(l);
    }
  }
  std::sort(picks.begin(), picks.end(), [](const BankPick& a, const BankPick& b) {
    return a.lesson != b.lesson ? a.lesson < b.lesson : a.question < b.question;
  });

  // 3. One quiz: the picked bank questions (ids qualified by lesson), then the computed ones.
  MixedAttempt out;
  out.quiz.draw = kFinalQuestions;
  out.quiz.pass = kFinalPass;
  out.attempt.pass = kFinalPass;
  for (const BankPick& p : picks) {
    QuizQuestion q = course.lessons[p.lesson].quiz.questions[p.question];
    q.id = qualified(p.lesson, p.question);
    out.quiz.questions.push_back(std::move(q));
    AskedQuestion asked;
    asked.question = out.quiz.questions.size() - 1;
    for (std::size_t k = 0; k < out.quiz.questions.back().options.size(); ++k) asked.options.push_back(k);
    sim::shuffle(asked.options, rng);
    out.attempt.asked.push_back(std::move(asked));
  }
  for (DrawnQuestion& d : drawn) {
    out.quiz.questions.push_back(d.question);
    AskedQuestion asked;  // its options are already in a drawn order
    asked.question = out.quiz.questions.size() - 1;
    for (std::size_t k = 0; k < d.question.options.size(); ++k) asked.options.push_back(k);
    out.attempt.asked.push_back(std::move(asked));
  }
  out.drawn = std::move(drawn);
  return out;
}

}  // namespace cs::course
