#pragma once
// The spaced review queue: a question the learner missed (for a computed question, its template)
// comes back after 1 day, then, each time it is answered right, after 3, 7 and 21 days; right at
// 21 days it has been learned and leaves the queue. A miss starts it again at 1 day. The queue is
// kept in the progress file (Progress::review). Today's date is always passed in, so that tests
// (and the app's injected clock) can make days pass without waiting.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "course/progress.h"

namespace cs::course {

using Day = std::chrono::sys_days;

inline constexpr int kReviewIntervalsDays[] = {1, 3, 7, 21};

// "2026-12-03" <-> a day; nullopt for anything else.
std::optional<Day> parse_day(std::string_view iso);
std::string format_day(Day day);

// After a quiz attempt: every missed question (a bank question's id, or "template:ID" for a
// computed one, so that the template comes back with new numbers) joins the queue due tomorrow, or, already queued,
// starts again at 1 day with one more lapse. Right answers in a quiz do not move queued items
// (only a review does). Keeps at most kMaxReviewItems, dropping the ones due last.
void queue_missed(Progress& progress, const std::string& lesson_id, const std::vector<std::string>& missed_ids,
                  Day today);

// The items due on or before `today`, earliest first (items with an unreadable date are due).
std::vector<ReviewItem> due_items(const Progress& progress, Day today);

// A review answer: right moves the item to the next interval (or out of the queue after the
// last); wrong starts it again at 1 day. Returns false if no such item is queued.
bool record_review(Progress& progress, const std::string& lesson_id, const std::string& question_id, bool right,
                   Day today);

}  // namespace cs::course
