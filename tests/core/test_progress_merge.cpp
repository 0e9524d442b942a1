// Merging two windows' copies of the progress (course/progress_merge.h): every rule on its own,
// the merge is idempotent, merging into an empty progress gives the other copy, and the merged
// progress still loads (the caps hold).
#include <QtTest>

#include <algorithm>
#include <cstdio>

#include "course/progress_merge.h"

using namespace cs::course;

namespace {

AttemptRecord attempt(const std::string& time, int correct, bool passed, const std::string& answer = "a") {
  return {time, {"q1", "q2", "q3"}, {answer, "b", "c"}, correct, 3, passed};
}

std::string stamp(int minute) {
  char text[32];
  std::snprintf(text, sizeof text, "2026-11-26T%02d:%02d:00Z", minute / 60, minute % 60);
  return text;
}

// A copy with something in every field, for the idempotence and empty-merge checks.
Progress rich(const std::string& tag) {
  Progress p;
  record_attempt(p, "01-basics", attempt("2026-11-26T09:00:00Z", 1, false, tag));
  record_attempt(p, "01-basics", attempt("2026-11-26T09:05:00Z", 3, true, tag));
  record_attempt(p, "02-" + tag, attempt("2026-11-26T10:00:00Z", 2, true, tag));
  record_challenge(p, "01-basics", "crash-the-leader", {"2026-11-26T09:10:00Z", 4'000'000, 2});
  record_challenge(p, "01-basics", "challenge-" + tag, {"2026-11-26T09:20:00Z", 1'000'000, 1});
  p.lessons["01-basics"].predictions["tryit-1/1"] = tag == "mine";
  p.lessons["01-basics"].predictions["tryit-" + tag + "/2"] = true;
  p.review.push_back({"01-basics", "q2", "2026-11-27", 1, 0});
  p.review.push_back({"01-basics", "q-" + tag, "2026-11-29", 3, 1});
  p.last = {"01-basics", 120, "scenario-" + tag};
  return p;
}

}  // namespace

class TestProgressMerge : public QObject {
  Q_OBJECT

 private slots:
  void passedIsTheOrOfBoth() {
    Progress mine, theirs;
    mine.lessons["l"].passed = false;
    theirs.lessons["l"].passed = true;
    merge_progress(mine, theirs);
    QVERIFY(mine.lessons["l"].passed);
    theirs.lessons["l"].passed = false;  // their not-passed never takes mine back
    merge_progress(mine, theirs);
    QVERIFY(mine.lessons["l"].passed);
  }

  void bestScoreIsTheBetterOfTheTwo() {
    Progress mine, theirs;
    mine.lessons["l"].best_correct = 2;
    mine.lessons["l"].best_total = 3;
    theirs.lessons["l"].best_correct = 3;
    theirs.lessons["l"].best_total = 4;
    merge_progress(mine, theirs);
    QCOMPARE(mine.lessons["l"].best_correct, 3);
    QCOMPARE(mine.lessons["l"].best_total, 4);
    // Fewer correct does not replace it; the same number correct keeps mine.
    theirs.lessons["l"].best_correct = 1;
    merge_progress(mine, theirs);
    QCOMPARE(mine.lessons["l"].best_correct, 3);
    theirs.lessons["l"].best_correct = 3;
    theirs.lessons["l"].best_total = 5;
    merge_progress(mine, theirs);
    QCOMPARE(mine.lessons["l"].best_total, 4);
    // A score, even 0 correct, beats no score at all.
    Progress none, zero;
    none.lessons["l"];
    zero.lessons["l"].best_total = 3;
    merge_progress(none, zero);
    QCOMPARE(none.lessons["l"].best_total, 3);
  }

  void attemptsAreTheUnionInTimeOrder() {
    Progress mine, theirs;
    const AttemptRecord shared = attempt(stamp(1), 1, false);
    mine.lessons["l"].attempts = {shared, attempt(stamp(3), 2, false)};
    theirs.lessons["l"].attempts = {shared, attempt(stamp(2), 3, true), attempt(stamp(4), 0, false)};
    merge_progress(mine, theirs);
    const auto& got = mine.lessons["l"].attempts;
    QCOMPARE(got.size(), std::size_t{4});  // the shared one once
    for (int i = 0; i < 4; ++i) QCOMPARE(got[static_cast<std::size_t>(i)].time, stamp(i + 1));
    // Equal in all but one field is a different attempt.
    theirs.lessons["l"].attempts = {attempt(stamp(1), 1, false, "other answer")};
    merge_progress(mine, theirs);
    QCOMPARE(mine.lessons["l"].attempts.size(), std::size_t{5});
    // Two equal attempts held by one side stay two (a multiset union).
    Progress twice, once;
    twice.lessons["l"].attempts = {shared, shared};
    once.lessons["l"].attempts = {shared};
    merge_progress(once, twice);
    QCOMPARE(once.lessons["l"].attempts.size(), std::size_t{2});
  }

  void attemptsAreCappedKeepingTheNewest() {
    Progress mine, theirs;
    for (int i = 0; i < static_cast<int>(kMaxAttemptsPerLesson); ++i) {
      mine.lessons["l"].attempts.push_back(attempt(stamp(2 * i), 1, false));        // even minutes
      theirs.lessons["l"].attempts.push_back(attempt(stamp(2 * i + 1), 1, false));  // odd minutes
    }
    merge_progress(mine, theirs);
    const auto& got = mine.lessons["l"].attempts;
    QCOMPARE(got.size(), kMaxAttemptsPerLesson);
    QCOMPARE(got.front().time, stamp(static_cast<int>(kMaxAttemptsPerLesson)));  // the older half dropped
    QCOMPARE(got.back().time, stamp(2 * static_cast<int>(kMaxAttemptsPerLesson) - 1));
    QVERIFY(std::is_sorted(got.begin(), got.end(), [](auto& a, auto& b) { return a.time < b.time; }));
    QCOMPARE(parse_progress(progress_to_json(mine)).status, ProgressParse::Status::Ok);
  }

  void challengesKeepTheOneMetFirst() {
    Progress mine, theirs;
    mine.lessons["l"].challenges["a"] = {"2026-11-26T10:00:00Z", 5, 1};
    mine.lessons["l"].challenges["b"] = {"2026-11-26T10:00:00Z", 5, 1};
    mine.lessons["l"].challenges["c"] = {"2026-11-26T10:00:00Z", 5, 1};
    theirs.lessons["l"].challenges["a"] = {"2026-11-26T09:00:00Z", 9, 3};  // earlier: theirs
    theirs.lessons["l"].challenges["b"] = {"2026-11-26T11:00:00Z", 1, 1};  // later: mine
    theirs.lessons["l"].challenges["c"] = {"2026-11-26T10:00:00Z", 7, 2};  // same time: mine
    theirs.lessons["l"].challenges["d"] = {"2026-11-26T12:00:00Z", 2, 2};  // only theirs
    merge_progress(mine, theirs);
    const auto& got = mine.lessons["l"].challenges;
    QCOMPARE(got.size(), std::size_t{4});
    QVERIFY(got.at("a") == theirs.lessons["l"].challenges["a"]);
    QCOMPARE(got.at("b").met_at_us, std::int64_t{5});
    QCOMPARE(got.at("c").met_at_us, std::int64_t{5});
    QVERIFY(got.at("d") == theirs.lessons["l"].challenges["d"]);
  }

  void predictionsUnionWithMineWinning() {
    Progress mine, theirs;
    mine.lessons["l"].predictions = {{"t/1", true}, {"t/2", false}};
    theirs.lessons["l"].predictions = {{"t/2", true}, {"t/3", false}};
    merge_progress(mine, theirs);
    const std::map<std::string, bool> expected{{"t/1", true}, {"t/2", false}, {"t/3", false}};
    QVERIFY(mine.lessons["l"].predictions == expected);
  }

  void lessonsOnlyTheyHaveComeWhole() {
    Progress mine, theirs;
    record_attempt(mine, "one", attempt(stamp(1), 3, true));
    record_attempt(theirs, "two", attempt(stamp(2), 2, true));
    merge_progress(mine, theirs);
    QCOMPARE(mine.lessons.size(), std::size_t{2});
    QVERIFY(mine.lessons["two"] == theirs.lessons["two"]);
  }

  void reviewItemsUnionKeepingTheOneDueLater() {
    Progress mine, theirs;
    mine.review = {{"l", "later-theirs", "2026-11-27", 1, 2},
                   {"l", "later-mine", "2026-12-10", 7, 0},
                   {"l", "same-day", "2026-12-01", 3, 0},
                   {"l", "tie", "2026-12-01", 3, 0},
                   {"l", "mine-only", "2026-12-01", 1, 0},
                   {"other", "later-theirs", "2026-12-24", 21, 0}};  // another lesson's item, same id
    theirs.review = {{"l", "later-theirs", "2026-11-30", 3, 2},
                     {"l", "later-mine", "2026-11-27", 1, 1},
                     {"l", "same-day", "2026-12-01", 7, 0},
                     {"l", "tie", "2026-12-01", 3, 5},
                     {"l", "theirs-only", "2026-11-28", 1, 0}};
    merge_progress(mine, theirs);
    QCOMPARE(mine.review.size(), std::size_t{7});
    const auto find = [&](const std::string& lesson, const std::string& q) {
      return *std::find_if(mine.review.begin(), mine.review.end(),
                           [&](const ReviewItem& r) { return r.lesson == lesson && r.question == q; });
    };
    QVERIFY(find("l", "later-theirs") == theirs.review[0]);
    QCOMPARE(find("l", "later-mine").due, std::string("2026-12-10"));
    QCOMPARE(find("l", "same-day").interval_days, 7);  // same date: the larger interval
    QCOMPARE(find("l", "tie").lapses, 0);              // all equal but lapses: mine
    QVERIFY(find("l", "theirs-only") == theirs.review[4]);
    QCOMPARE(find("other", "later-theirs").due, std::string("2026-12-24"));
  }

  void reviewItemsAreCappedDroppingTheOnesDueLast() {
    Progress mine, theirs;
    for (std::size_t i = 0; i < kMaxReviewItems; ++i) {
      mine.review.push_back({"l", "m" + std::to_string(i), "2026-12-01", 1, 0});
      theirs.review.push_back({"l", "t" + std::to_string(i), i < 10 ? "2026-11-30" : "2026-12-02", 1, 0});
    }
    merge_progress(mine, theirs);
    QCOMPARE(mine.review.size(), kMaxReviewItems);
    const auto theirs_kept =
        std::count_if(mine.review.begin(), mine.review.end(), [](const ReviewItem& r) { return r.question[0] == 't'; });
    QCOMPARE(theirs_kept, std::ptrdiff_t{10});  // only theirs due before all of mine made it in
    QCOMPARE(parse_progress(progress_to_json(mine)).status, ProgressParse::Status::Ok);
  }

  void lastPlaceStaysMine() {
    Progress mine = rich("mine");
    const Progress theirs = rich("theirs");
    merge_progress(mine, theirs);
    QVERIFY(mine.last == rich("mine").last);
    // A window that has not been anywhere takes the other's place rather than none.
    Progress nowhere;
    merge_progress(nowhere, theirs);
    QVERIFY(nowhere.last == theirs.last);
  }

  void mergingTwiceChangesNothing() {
    Progress mine = rich("mine");
    const Progress theirs = rich("theirs");
    merge_progress(mine, theirs);
    const Progress once = mine;
    QVERIFY(!(once == rich("mine")));  // the first merge did something
    merge_progress(mine, theirs);
    QVERIFY(mine == once);
    merge_progress(mine, once);  // and merging the result into itself neither
    QVERIFY(mine == once);
    QCOMPARE(progress_to_json(mine), progress_to_json(once));
  }

  void mergingIntoEmptyGivesTheOther() {
    const Progress theirs = rich("theirs");
    Progress empty;
    merge_progress(empty, theirs);
    QVERIFY(empty == theirs);
    // And merging an empty one in changes nothing.
    Progress mine = rich("mine");
    merge_progress(mine, Progress{});
    QVERIFY(mine == rich("mine"));
  }

  void mergedProgressRoundTrips() {
    Progress mine = rich("mine");
    merge_progress(mine, rich("theirs"));
    const auto parsed = parse_progress(progress_to_json(mine));
    QCOMPARE(parsed.status, ProgressParse::Status::Ok);
    QVERIFY(parsed.progress == mine);
  }
};

QTEST_APPLESS_MAIN(TestProgressMerge)
#include "test_progress_merge.moc"
