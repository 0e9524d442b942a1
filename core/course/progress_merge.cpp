#include "course/progress_merge.h"

#include <algorithm>

#include "course/review_queue.h"

namespace cs::course {

namespace {

bool has_score(const LessonProgress& l) { return l.best_total > 0; }

// Multiset union: an attempt of theirs is added unless mine holds an equal one not already matched
// by another of theirs. Two equal attempts are the same attempt seen by both windows (both loaded
// it from the file); two genuinely separate attempts differ at least in their time.
void merge_attempts(std::vector<AttemptRecord>& mine, const std::vector<AttemptRecord>& theirs) {
  std::vector<bool> matched(mine.size(), false);
  std::vector<AttemptRecord> added;
  for (const AttemptRecord& a : theirs) {
    bool held = false;
    for (std::size_t i = 0; i < mine.size() && !held; ++i) {
      if (!matched[i] && mine[i] == a) {
        matched[i] = true;
        held = true;
      }
    }
    if (!held) added.push_back(a);
  }
  mine.insert(mine.end(), added.begin(), added.end());
  // Time order, as record_attempt keeps them (ISO 8601 UTC strings sort as the times they name);
  // stable, so that on equal times mine stay first and a second merge changes nothing.
  std::stable_sort(mine.begin(), mine.end(),
                   [](const AttemptRecord& a, const AttemptRecord& b) { return a.time < b.time; });
  // The same cap as record_attempt, dropping the oldest: the best score is kept separately.
  if (mine.size() > kMaxAttemptsPerLesson) {
    mine.erase(mine.begin(), mine.end() - static_cast<std::ptrdiff_t>(kMaxAttemptsPerLesson));
  }
}

void merge_lesson(LessonProgress& mine, const LessonProgress& theirs) {
  // A lesson passed in either window has been passed: passing is never taken back.
  mine.passed = mine.passed || theirs.passed;
  // The best score is the best either window saw. Compared by correct answers as record_attempt
  // does; a lesson without a score (best_total 0) takes any score; a tie keeps mine, so that
  // merging the same copy again changes nothing.
  if ((has_score(theirs) && !has_score(mine)) || theirs.best_correct > mine.best_correct) {
    mine.best_correct = theirs.best_correct;
    mine.best_total = theirs.best_total;
  }
  merge_attempts(mine.attempts, theirs.attempts);
  // A challenge counts from the first time it was met (record_challenge keeps the first too), so
  // for an id both windows met, the earlier meeting wins; on the same time, mine.
  for (const auto& [id, record] : theirs.challenges) {
    const auto it = mine.challenges.find(id);
    if (it != mine.challenges.end()) {
      if (record.time < it->second.time) it->second = record;
    } else if (mine.challenges.size() < kMaxChallengesPerLesson) {
      mine.challenges.emplace(id, record);  // a full lesson takes no more, as in record_challenge
    }
  }
  // A prediction is answered once; both windows answering the same step is rare and neither
  // answer is better, so mine (the window being saved) wins. The cap keeps the file loadable.
  for (const auto& [key, held] : theirs.predictions) {
    if (mine.predictions.size() >= kMaxPredictionsPerLesson) break;
    mine.predictions.emplace(key, held);  // does nothing for a key mine already has
  }
}

Day due_of(const ReviewItem& item) {
  const auto day = parse_day(item.due);
  return day ? *day : Day{};  // unreadable: due at once, as the review queue reads it
}

void merge_review(std::vector<ReviewItem>& mine, const std::vector<ReviewItem>& theirs) {
  for (const ReviewItem& item : theirs) {
    const auto it = std::find_if(mine.begin(), mine.end(), [&](const ReviewItem& r) {
      return r.lesson == item.lesson && r.question == item.question;
    });
    if (it == mine.end()) {
      mine.push_back(item);  // queued in the other window only: it still has to come back
      continue;
    }
    // Both windows hold the item. The copy handled on a later day is normally due later: a right
    // answer moves it further out, and a miss makes it due the day after the (later) day it was
    // missed. On the same due date, the larger interval has come further; then mine. The whole
    // item is taken, never a mix of the two copies' fields.
    const Day theirs_due = due_of(item);
    const Day mine_due = due_of(*it);
    if (theirs_due > mine_due || (theirs_due == mine_due && item.interval_days > it->interval_days)) *it = item;
  }
  // Bounded as queue_missed bounds it: the items due last are dropped.
  if (mine.size() > kMaxReviewItems) {
    std::stable_sort(mine.begin(), mine.end(),
                     [](const ReviewItem& a, const ReviewItem& b) { return due_of(a) < due_of(b); });
    mine.resize(kMaxReviewItems);
  }
}

}  // namespace

void merge_progress(Progress& mine, const Progress& theirs) {
  for (const auto& [id, lesson] : theirs.lessons) {
    const auto it = mine.lessons.find(id);
    if (it == mine.lessons.end()) {
      mine.lessons.emplace(id, lesson);  // a lesson only the other window worked on: all of it
    } else {
      merge_lesson(it->second, lesson);
    }
  }
  merge_review(mine.review, theirs.review);
  // Where the learner was is where this window is: the window being saved is the one in front of
  // them. Only a window that has not been anywhere yet takes the other's place.
  if (mine.last == LastPlace{}) mine.last = theirs.last;
}

}  // namespace cs::course
