// The course's cumulative final test, drawn from the real course: its composition, its pass mark
// and how a retry differs.
#include <QtTest>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "course/course.h"
#include "course/final_test.h"
#include "lessons_dir.h"

using namespace cs::course;

namespace {

const Course& course() {
  static const Course c = load_course(DirectorySource(test::kLessonsDir));
  return c;
}

std::vector<std::string> ids(const MixedAttempt& m) {
  std::vector<std::string> out;
  for (const AskedQuestion& a : m.attempt.asked) out.push_back(m.quiz.questions[a.question].id);
  return out;
}

}  // namespace

class TestFinalTest : public QObject {
  Q_OBJECT

 private slots:
  void itCoversTheWholeCourseAndPassesAtSeventyPercent() {
    QCOMPARE(course().lessons.size(), std::size_t{6});
    QVERIFY(course().lessons.back().quiz.final_test);  // the real course ends in it
    QCOMPARE(course().lessons.back().quiz.draw, kFinalQuestions);
    QCOMPARE(course().lessons.back().quiz.pass, kFinalPass);
    for (std::uint64_t seed = 1; seed <= 200; ++seed) {
      std::vector<std::string> previous;
      for (int attempt = 1; attempt <= 3; ++attempt) {
        const MixedAttempt m = draw_final_test(course(), previous, seed * 7 + static_cast<std::uint64_t>(attempt));
        const auto asked = ids(m);
        QCOMPARE(asked.size(), std::size_t{10});
        QCOMPARE(m.attempt.pass, 7);
        QCOMPARE(std::set<std::string>(asked.begin(), asked.end()).size(), asked.size());  // no question twice
        std::map<std::string, int> per_lesson;
        int computed = 0;
        for (const std::string& id : asked) {
          if (id.rfind("template:", 0) == 0) {
            ++computed;
          } else {
            ++per_lesson[id.substr(0, id.find('/'))];
          }
          // A retry asks no bank question, and no template, of the attempt before.
          if (attempt > 1) QVERIFY2(std::find(previous.begin(), previous.end(), id) == previous.end(), id.c_str());
        }
        QVERIFY(computed >= 3);
        for (std::size_t l = 0; l + 1 < course().lessons.size(); ++l) QVERIFY(per_lesson[course().lessons[l].id] >= 1);
        QVERIFY(per_lesson[course().lessons.back().id] >= 2);
        // The computed questions come from three different lessons.
        std::set<int> lessons;
        for (const DrawnQuestion& d : m.drawn) lessons.insert(d.lesson);
        QCOMPARE(lessons.size(), std::size_t{3});
        previous = asked;
      }
    }
  }

  void sevenOfTenPassAndSixDoNot() {
    const MixedAttempt m = draw_final_test(course(), {}, 3);
    std::vector<int> chosen;
    for (const AskedQuestion& a : m.attempt.asked) {
      const QuizQuestion& q = m.quiz.questions[a.question];
      for (std::size_t k = 0; k < a.options.size(); ++k) {
        if (q.options[a.options[k]].correct) chosen.push_back(static_cast<int>(k));
      }
    }
    QCOMPARE(chosen.size(), std::size_t{10});
    const auto wrong_first = [&](int wrong) {
      std::vector<int> c = chosen;
      for (int i = 0; i < wrong; ++i) {
        const auto& a = m.attempt.asked[static_cast<std::size_t>(i)];
        c[static_cast<std::size_t>(i)] = (c[static_cast<std::size_t>(i)] + 1) % static_cast<int>(a.options.size());
      }
      return grade(m.quiz, m.attempt, c);
    };
    QVERIFY(wrong_first(3).passed);
    QCOMPARE(wrong_first(3).correct, 7);
    QVERIFY(!wrong_first(4).passed);
    QCOMPARE(result_line(wrong_first(0)), std::string("10 of 10 correct \u2014 passed"));
  }

  void theSameSeedDrawsTheSameTest() {
    QCOMPARE(ids(draw_final_test(course(), {}, 11)), ids(draw_final_test(course(), {}, 11)));
    QVERIFY(ids(draw_final_test(course(), {}, 11)) != ids(draw_final_test(course(), {}, 12)));
  }
};

QTEST_MAIN(TestFinalTest)
#include "test_final_test.moc"
