// The quiz attempt that mixes a lesson's bank with a computed question: its promises over many
// seeds and chains of retries.
#include <QtTest>

#include <set>
#include <string>
#include <vector>

#include "course/quiz_mix.h"

using namespace cs::course;

namespace {

Quiz bank_with(int outline, int others) {
  Quiz quiz;
  quiz.draw = 3;
  quiz.pass = 2;
  const auto add = [&](const std::string& id, bool is_outline) {
    QuizQuestion q;
    q.id = id;
    q.outline = is_outline;
    q.text = "Question " + id;
    for (int k = 0; k < 4; ++k) q.options.push_back({id + " option " + std::to_string(k), k == 0, "why"});
    quiz.questions.push_back(q);
  };
  for (int i = 1; i <= outline; ++i) add("o" + std::to_string(i), true);
  for (int i = 1; i <= others; ++i) add("b" + std::to_string(i), false);
  return quiz;
}

std::vector<std::string> ids(const MixedAttempt& m) {
  std::vector<std::string> out;
  for (const AskedQuestion& a : m.attempt.asked) out.push_back(m.quiz.questions[a.question].id);
  return out;
}

bool is_template(const std::string& id) { return id.rfind("template:", 0) == 0; }

}  // namespace

class TestQuizMix : public QObject {
  Q_OBJECT

 private slots:
  void everyAttemptKeepsTheCoursePromises() {
    const Quiz bank = bank_with(3, 5);
    for (int lesson = 1; lesson <= 5; ++lesson) {
      for (std::uint64_t seed = 1; seed <= 200; ++seed) {
        std::vector<std::string> previous;
        std::set<std::string> outline_seen;
        for (int attempt = 1; attempt <= 4; ++attempt) {
          const MixedAttempt m =
              draw_mixed_attempt(bank, lesson, previous, seed * 31 + static_cast<std::uint64_t>(attempt));
          const auto asked = ids(m);
          QCOMPARE(asked.size(), std::size_t{3});
          QCOMPARE(m.attempt.pass, 2);
          QCOMPARE(std::count_if(asked.begin(), asked.end(), is_template), 1);
          QCOMPARE(m.drawn.size(), std::size_t{1});
          QCOMPARE(std::set<std::string>(asked.begin(), asked.end()).size(), std::size_t{3});
          int outline = 0;
          for (const std::string& id : asked) {
            if (id[0] == 'o') {
              ++outline;
              if (attempt <= 2) outline_seen.insert(id);
            }
            // A retry asks no bank question of the attempt before, and a different template.
            if (attempt > 1) QVERIFY2(std::find(previous.begin(), previous.end(), id) == previous.end(), id.c_str());
          }
          QVERIFY2(outline >= 1,
                   qPrintable(QString("lesson %1 seed %2 attempt %3").arg(lesson).arg(seed).arg(attempt)));
          if (attempt == 2) QCOMPARE(outline_seen.size(), std::size_t{3});  // the whole outline in two attempts
          previous = asked;
        }
      }
    }
  }

  void theComputedQuestionGradesLikeAnyOther() {
    const MixedAttempt m = draw_mixed_attempt(bank_with(3, 5), 4, {}, 9);
    std::vector<int> right;
    for (const AskedQuestion& a : m.attempt.asked) {
      const QuizQuestion& q = m.quiz.questions[a.question];
      for (std::size_t k = 0; k < a.options.size(); ++k) {
        if (q.options[a.options[k]].correct) right.push_back(static_cast<int>(k));
      }
    }
    QCOMPARE(right.size(), std::size_t{3});
    const AttemptResult all = grade(m.quiz, m.attempt, right);
    QVERIFY(all.passed);
    QCOMPARE(all.correct, 3);
    // Everything right but the computed question (the last): 2 of 3 still passes.
    std::vector<int> last_wrong = right;
    last_wrong.back() = (right.back() + 1) % 4;
    QCOMPARE(grade(m.quiz, m.attempt, last_wrong).correct, 2);
  }

  void theSameSeedDrawsTheSameAttemptAndAnotherSeedAnotherQuestion() {
    const Quiz bank = bank_with(3, 5);
    const MixedAttempt a = draw_mixed_attempt(bank, 3, {}, 42);
    const MixedAttempt b = draw_mixed_attempt(bank, 3, {}, 42);
    QCOMPARE(ids(a), ids(b));
    QCOMPARE(a.quiz.questions.back().text, b.quiz.questions.back().text);
    std::set<std::string> texts;
    for (std::uint64_t seed = 1; seed <= 20; ++seed)
      texts.insert(draw_mixed_attempt(bank, 3, {}, seed).quiz.questions.back().text);
    QVERIFY2(texts.size() >= 10, "the computed question is drawn afresh");
  }

  void aLessonWithoutTemplatesKeepsItsBankDraw() {
    const Quiz bank = bank_with(3, 5);
    const MixedAttempt m = draw_mixed_attempt(bank, 6, {}, 5);
    const QuizAttempt plain = draw_attempt(bank, {}, 5);
    QCOMPARE(m.drawn.size(), std::size_t{0});
    QCOMPARE(m.attempt.asked.size(), plain.asked.size());
    for (std::size_t i = 0; i < plain.asked.size(); ++i) QCOMPARE(m.attempt.asked[i].question, plain.asked[i].question);
  }
};

QTEST_MAIN(TestQuizMix)
#include "test_quiz_mix.moc"
