// The spaced review queue across simulated days: missed questions come back after 1, 3, 7 and 21
// days, a miss starts again, and the queue stays bounded. Days are passed in; nothing waits.
#include <QtTest>

#include "course/review_queue.h"

using namespace cs::course;
using std::chrono::days;

namespace {

Day day(const char* iso) { return *parse_day(iso); }

std::vector<std::string> due_questions(const Progress& p, Day today) {
  std::vector<std::string> out;
  for (const ReviewItem& r : due_items(p, today)) out.push_back(r.question);
  return out;
}

}  // namespace

class TestReviewQueue : public QObject {
  Q_OBJECT

 private slots:
  void datesReadAndWriteAsIso() {
    QCOMPARE(format_day(day("2026-12-03")), std::string("2026-12-03"));
    QCOMPARE(format_day(day("2026-12-31") + days{1}), std::string("2027-01-01"));
    QCOMPARE(format_day(day("2028-02-28") + days{1}), std::string("2028-02-29"));
    QVERIFY(!parse_day("2026-13-01"));
    QVERIFY(!parse_day("2026-02-30"));
    QVERIFY(!parse_day("3 Dec 2026"));
    QVERIFY(!parse_day("2026-12-3"));
  }

  void aMissedQuestionComesBackAtGrowingIntervalsUntilLearned() {
    Progress p;
    const Day start = day("2026-12-03");
    queue_missed(p, "04-consistency", {"q3", "template:quorum-overlap"}, start);
    QVERIFY(due_questions(p, start).empty());  // not today
    QCOMPARE(due_questions(p, start + days{1}).size(), std::size_t{2});
    // Answered right every time it is due: 1, then 3, 7 and 21 days later, then learned.
    Day today = start + days{1};
    for (int interval : {3, 7, 21}) {
      QVERIFY(record_review(p, "04-consistency", "q3", true, today));
      QVERIFY(due_questions(p, today + days{interval - 1}) == std::vector<std::string>{"template:quorum-overlap"});
      today += days{interval};
      QCOMPARE(due_questions(p, today).size(), std::size_t{2});
      QVERIFY(record_review(p, "04-consistency", "template:quorum-overlap", false, today));  // keeps missing
    }
    QVERIFY(record_review(p, "04-consistency", "q3", true, today));
    QCOMPARE(p.review.size(), std::size_t{1});  // q3 learned and gone
    QCOMPARE(p.review[0].question, std::string("template:quorum-overlap"));
    QCOMPARE(p.review[0].lapses, 3);
    QCOMPARE(p.review[0].interval_days, 1);
    QVERIFY(!record_review(p, "04-consistency", "q3", true, today));  // no longer queued
  }

  void aMissAgainInAQuizStartsTheItemAgain() {
    Progress p;
    const Day start = day("2026-12-03");
    queue_missed(p, "02-replication", {"q5"}, start);
    QVERIFY(record_review(p, "02-replication", "q5", true, start + days{1}));  // now every 3 days
    QCOMPARE(p.review[0].interval_days, 3);
    queue_missed(p, "02-replication", {"q5"}, start + days{2});
    QCOMPARE(p.review.size(), std::size_t{1});
    QCOMPARE(p.review[0].interval_days, 1);
    QCOMPARE(p.review[0].lapses, 1);
    QCOMPARE(p.review[0].due, std::string("2026-12-06"));
    // The same id in another lesson is another item.
    queue_missed(p, "03-sharding", {"q5"}, start);
    QCOMPARE(p.review.size(), std::size_t{2});
  }

  void anUnreadableDateIsDueAtOnceAndTheQueueStaysBounded() {
    Progress p;
    p.review.push_back({"01-basics", "q1", "soon", 1, 0});
    QCOMPARE(due_questions(p, day("2026-12-03")).size(), std::size_t{1});
    std::vector<std::string> many;
    for (std::size_t i = 0; i < kMaxReviewItems + 50; ++i) many.push_back("x" + std::to_string(i));
    queue_missed(p, "01-basics", many, day("2026-12-03"));
    QCOMPARE(p.review.size(), kMaxReviewItems);
    QCOMPARE(p.review.front().question, std::string("q1"));  // the earliest due are kept
  }
};

QTEST_MAIN(TestReviewQueue)
#include "test_review_queue.moc"
