// Review sessions on the real course: missed questions are filed under the right lesson (lesson
// quizzes, the final test's qualified ids, templates), a session asks the due ones and
// reschedules them, and items the course no longer has are never asked.
#include <QtTest>

#include <set>

#include "course/course.h"
#include "course/final_test.h"
#include "course/quiz_session.h"
#include "course/review_session.h"
#include "lessons_dir.h"

using namespace cs::course;
using std::chrono::days;

namespace {

const Course& course() {
  static const Course c = load_course(DirectorySource(test::kLessonsDir));
  return c;
}

Day day(const char* iso) { return *parse_day(iso); }

// Answers every asked question: right where `right[i]`, else a wrong option.
AttemptResult answer(const Quiz& quiz, const QuizAttempt& attempt, const std::vector<bool>& right) {
  std::vector<int> chosen;
  for (std::size_t i = 0; i < attempt.asked.size(); ++i) {
    const auto& asked = attempt.asked[i];
    int pick = -1;
    for (std::size_t k = 0; k < asked.options.size(); ++k) {
      if (quiz.questions[asked.question].options[asked.options[k]].correct == right[i]) {
        pick = static_cast<int>(k);
        break;
      }
    }
    chosen.push_back(pick);
  }
  return grade(quiz, attempt, chosen);
}

}  // namespace

class TestReviewSession : public QObject {
  Q_OBJECT

 private slots:
  void keysNameTheLessonAQuestionBelongsTo() {
    const Course& c = course();
    QCOMPARE(review_key(c, 1, "q4"), (ReviewKey{c.lessons[1].id, "q4"}));
    QCOMPARE(review_key(c, 5, c.lessons[2].id + "/q5"), (ReviewKey{c.lessons[2].id, "q5"}));
    // A template is filed under its own lesson, whichever quiz asked it.
    const auto lesson4 = templates_for_lesson(4);
    QVERIFY(!lesson4.empty());
    const std::string tid = "template:" + lesson4.front()->id;
    QCOMPARE(review_key(c, 5, tid), (ReviewKey{c.lessons[3].id, tid}));
    QVERIFY(review_key(c, 5, "no-such-lesson/q1").lesson.empty());
    QVERIFY(review_key(c, 99, "q1").lesson.empty());
    QVERIFY(review_key(c, 0, "template:no-such-template").lesson.empty());
  }

  void missedQuestionsOfAnAttemptAreQueuedAndAskedTheNextDay() {
    const Course& c = course();
    const Day today = day("2026-12-04");
    const MixedAttempt m = draw_mixed_attempt(c.lessons[3].quiz, 4, {}, 11);
    QCOMPARE(m.attempt.asked.size(), std::size_t{3});
    const AttemptResult r = answer(m.quiz, m.attempt, {true, false, false});
    Progress p;
    queue_missed_attempt(p, c, 3, m.quiz, m.attempt, r, today);
    QCOMPARE(p.review.size(), std::size_t{2});
    for (const ReviewItem& item : p.review) QCOMPARE(item.lesson, c.lessons[3].id);
    QVERIFY(askable_due(c, p, today).empty());
    QCOMPARE(askable_due(c, p, today + days{1}).size(), std::size_t{2});

    const ReviewSession s = draw_review(c, p, today + days{1}, 5);
    QCOMPARE(s.keys.size(), std::size_t{2});
    QCOMPARE(s.mixed.attempt.asked.size(), std::size_t{2});
    for (std::size_t i = 0; i < s.keys.size(); ++i) {
      const QuizQuestion& q = s.mixed.quiz.questions[s.mixed.attempt.asked[i].question];
      if (s.keys[i].question.rfind("template:", 0) == 0) {
        QCOMPARE(q.id, s.keys[i].question);  // a template comes back drawn afresh
      } else {
        QCOMPARE(q.id, s.keys[i].lesson + "/" + s.keys[i].question);
      }
    }
    // One right, one wrong: the right one waits 3 days, the wrong one comes back tomorrow.
    const AttemptResult rr = answer(s.mixed.quiz, s.mixed.attempt, {true, false});
    record_review_session(p, s, rr, today + days{1});
    QCOMPARE(askable_due(c, p, today + days{2}).size(), std::size_t{1});
    QCOMPARE(askable_due(c, p, today + days{4}).size(), std::size_t{2});
  }

  void theFinalTestsMissesGoToEachQuestionsOwnLesson() {
    const Course& c = course();
    const MixedAttempt m = draw_final_test(c, {}, 3);
    const std::vector<bool> all_wrong(m.attempt.asked.size(), false);
    const AttemptResult r = answer(m.quiz, m.attempt, all_wrong);
    Progress p;
    queue_missed_attempt(p, c, c.lessons.size() - 1, m.quiz, m.attempt, r, day("2026-12-04"));
    QCOMPARE(p.review.size(), m.attempt.asked.size());
    std::set<std::string> lessons;
    for (const ReviewItem& item : p.review) lessons.insert(item.lesson);
    QCOMPARE(lessons.size(), c.lessons.size());  // every lesson is represented in a final test
    QCOMPARE(askable_due(c, p, day("2026-12-05")).size(), p.review.size());
  }

  void aSessionAsksAtMostTenAndNeverWhatTheCourseNoLongerHas() {
    const Course& c = course();
    Progress p;
    for (const Lesson& l : c.lessons) {
      for (const QuizQuestion& q : l.quiz.questions) p.review.push_back({l.id, q.id, "2026-12-01", 1, 0});
    }
    p.review.push_back({"gone-lesson", "q1", "2026-11-01", 1, 0});
    p.review.push_back({c.lessons[0].id, "gone-question", "2026-11-01", 1, 0});
    const Day today = day("2026-12-04");
    const auto due = askable_due(c, p, today);
    QCOMPARE(due.size(), p.review.size() - 2);
    const ReviewSession s = draw_review(c, p, today, 1);
    QCOMPARE(s.keys.size(), kMaxReviewQuestions);
    // Deterministic for a seed, and the options are shuffled differently by another seed.
    const ReviewSession again = draw_review(c, p, today, 1);
    QCOMPARE(again.keys, s.keys);
    bool differs = false;
    for (std::uint64_t seed = 2; seed < 10 && !differs; ++seed) {
      const ReviewSession other = draw_review(c, p, today, seed);
      for (std::size_t i = 0; i < other.keys.size(); ++i) {
        differs = differs || other.mixed.attempt.asked[i].options != s.mixed.attempt.asked[i].options;
      }
    }
    QVERIFY(differs);
  }
};

QTEST_APPLESS_MAIN(TestReviewSession)
#include "test_review_session.moc"
