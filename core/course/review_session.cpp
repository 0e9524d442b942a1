#include "course/review_session.h"

#include <cassert>

#include "course/question_templates.h"
#include "sim/random.h"

namespace cs::course {

namespace {

constexpr std::string_view kTemplatePrefix = "template:";
constexpr std::uint64_t kReviewTemplateSalt = 0x2545f4914f6cdd1dULL;

const Lesson* find_lesson(const Course& course, const std::string& id) {
  for (const Lesson& l : course.lessons) {
    if (l.id == id) return &l;
  }
  return nullptr;
}

const QuizQuestion* find_question(const Lesson& lesson, const std::string& id) {
  for (const QuizQuestion& q : lesson.quiz.questions) {
    if (q.id == id) return &q;
  }
  return nullptr;
}

const QuestionTemplate* template_of(const std::string& question_id) {
  if (question_id.rfind(kTemplatePrefix, 0) != 0) return nullptr;
  return find_template(std::string_view(question_id).substr(kTemplatePrefix.size()));
}

bool askable(const Course& course, const ReviewItem& item) {
  const Lesson* lesson = find_lesson(course, item.lesson);
  if (!lesson) return false;
  if (const QuestionTemplate* t = template_of(item.question)) {
    return t->lesson >= 1 && static_cast<std::size_t>(t->lesson) <= course.lessons.size() &&
           course.lessons[static_cast<std::size_t>(t->lesson - 1)].id == item.lesson;
  }
  return find_question(*lesson, item.question) != nullptr;
}

}  // namespace

ReviewKey review_key(const Course& course, std::size_t lesson_index, const std::string& question_id) {
  if (question_id.rfind(kTemplatePrefix, 0) == 0) {
    const QuestionTemplate* t = template_of(question_id);
    if (!t) return {};  // a template this version does not have
    if (t->lesson < 1 || static_cast<std::size_t>(t->lesson) > course.lessons.size()) return {};
    return {course.lessons[static_cast<std::size_t>(t->lesson - 1)].id, question_id};
  }
  const auto slash = question_id.find('/');
  if (slash != std::string::npos) {
    const std::string lesson = question_id.substr(0, slash);
    if (!find_lesson(course, lesson)) return {};
    return {lesson, question_id.substr(slash + 1)};
  }
  if (lesson_index >= course.lessons.size()) return {};
  return {course.lessons[lesson_index].id, question_id};
}

void queue_missed_attempt(Progress& progress, const Course& course, std::size_t lesson_index, const Quiz& quiz,
                          const QuizAttempt& attempt, const AttemptResult& result, Day today) {
  assert(result.questions.size() == attempt.asked.size());
  for (std::size_t i = 0; i < attempt.asked.size() && i < result.questions.size(); ++i) {
    if (result.questions[i].correct) continue;
    const ReviewKey key = review_key(course, lesson_index, quiz.questions.at(attempt.asked[i].question).id);
    if (!key.lesson.empty()) queue_missed(progress, key.lesson, {key.question}, today);
  }
}

std::vector<ReviewItem> askable_due(const Course& course, const Progress& progress, Day today) {
  std::vector<ReviewItem> out;
  for (ReviewItem& item : due_items(progress, today)) {
    if (askable(course, item)) out.push_back(std::move(item));
  }
  return out;
}

ReviewSession draw_review(const Course& course, const Progress& progress, Day today, std::uint64_t seed) {
  sim::Random rng(seed);
  ReviewSession out;
  out.mixed.attempt.pass = 0;
  for (const ReviewItem& item : askable_due(course, progress, today)) {
    if (out.keys.size() >= kMaxReviewQuestions) break;
    QuizQuestion question;
    if (const QuestionTemplate* t = template_of(item.question)) {
      DrawnQuestion drawn = draw(*t, seed ^ (kReviewTemplateSalt * (out.keys.size() + 1)));
      question = std::move(drawn.question);
      out.mixed.drawn.push_back(std::move(drawn));
    } else {
      question = *find_question(*find_lesson(course, item.lesson), item.question);
      question.id = item.lesson + "/" + item.question;
    }
    out.mixed.quiz.questions.push_back(std::move(question));
    AskedQuestion asked;
    asked.question = out.mixed.quiz.questions.size() - 1;
    for (std::size_t k = 0; k < out.mixed.quiz.questions.back().options.size(); ++k) asked.options.push_back(k);
    if (!template_of(item.question)) sim::shuffle(asked.options, rng);  // a drawn template is already shuffled
    out.mixed.attempt.asked.push_back(std::move(asked));
    out.keys.push_back({item.lesson, item.question});
  }
  out.mixed.quiz.draw = static_cast<int>(out.keys.size());
  out.mixed.quiz.pass = 0;
  return out;
}

void record_review_session(Progress& progress, const ReviewSession& session, const AttemptResult& result, Day today) {
  for (std::size_t i = 0; i < session.keys.size() && i < result.questions.size(); ++i) {
    record_review(progress, session.keys[i].lesson, session.keys[i].question, result.questions[i].correct, today);
  }
}

}  // namespace cs::course
