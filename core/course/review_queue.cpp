#include "course/review_queue.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <iterator>

namespace cs::course {

namespace {

int next_interval(int days) {
  for (int d : kReviewIntervalsDays) {
    if (d > days) return d;
  }
  return 0;  // past the last interval: learned
}

std::vector<ReviewItem>::iterator find_item(Progress& p, const std::string& lesson, const std::string& key) {
  return std::find_if(p.review.begin(), p.review.end(),
                      [&](const ReviewItem& r) { return r.lesson == lesson && r.question == key; });
}

Day due_of(const ReviewItem& item) {
  const auto day = parse_day(item.due);
  return day ? *day : Day{};  // unreadable: due since the epoch, so it comes back at once
}

}  // namespace

std::optional<Day> parse_day(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  int y = 0;
  unsigned m = 0, d = 0;
  const auto whole = [](std::string_view s, auto& out) {
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc{} && end == s.data() + s.size();
  };
  if (!whole(iso.substr(0, 4), y) || !whole(iso.substr(5, 2), m) || !whole(iso.substr(8, 2), d)) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return Day{ymd};
}

std::string format_day(Day day) {
  const std::chrono::year_month_day ymd{day};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return text;
}

void queue_missed(Progress& progress, const std::string& lesson_id, const std::vector<std::string>& missed_ids,
                  Day today) {
  const std::string tomorrow = format_day(today + std::chrono::days{kReviewIntervalsDays[0]});
  for (const std::string& id : missed_ids) {
    auto it = find_item(progress, lesson_id, id);
    if (it == progress.review.end()) {
      progress.review.push_back({lesson_id, id, tomorrow, kReviewIntervalsDays[0], 0});
    } else {
      it->due = tomorrow;
      it->interval_days = kReviewIntervalsDays[0];
      ++it->lapses;
    }
  }
  if (progress.review.size() > kMaxReviewItems) {
    std::stable_sort(progress.review.begin(), progress.review.end(),
                     [](const ReviewItem& a, const ReviewItem& b) { return due_of(a) < due_of(b); });
    progress.review.resize(kMaxReviewItems);
  }
}

std::vector<ReviewItem> due_items(const Progress& progress, Day today) {
  std::vector<ReviewItem> due;
  std::copy_if(progress.review.begin(), progress.review.end(), std::back_inserter(due),
               [&](const ReviewItem& r) { return due_of(r) <= today; });
  std::stable_sort(due.begin(), due.end(),
                   [](const ReviewItem& a, const ReviewItem& b) { return due_of(a) < due_of(b); });
  return due;
}

bool record_review(Progress& progress, const std::string& lesson_id, const std::string& question_id, bool right,
                   Day today) {
  auto it = find_item(progress, lesson_id, question_id);
  if (it == progress.review.end()) return false;
  if (!right) {
    it->interval_days = kReviewIntervalsDays[0];
    ++it->lapses;
  } else {
    const int next = next_interval(it->interval_days);
    if (next == 0) {
      progress.review.erase(it);  // right at the last interval: learned
      return true;
    }
    it->interval_days = next;
  }
  it->due = format_day(today + std::chrono::days{it->interval_days});
  return true;
}

}  // namespace cs::course
