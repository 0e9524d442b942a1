#pragma once
// The spaced review queue (course/review_queue.h) meets the course: which queue entry a missed
// question belongs to, and a review session that asks the due items again. A bank question comes
// back word for word (its options reshuffled); a template comes back with new numbers, since what
// is reviewed is the skill, not the remembered answer.
#include <cstdint>
#include <string>
#include <vector>

#include "course/course.h"
#include "course/quiz_mix.h"
#include "course/review_queue.h"

namespace cs::course {

// Questions asked per review session at most; the rest stay due for the next one.
inline constexpr std::size_t kMaxReviewQuestions = 10;

struct ReviewKey {
  std::string lesson;    // lesson id
  std::string question;  // bank question id, or "template:ID"
  bool operator==(const ReviewKey&) const = default;
};

// The queue entry of a question asked in lesson `lesson_index`'s quiz (0-based), by the id the
// attempt recorded: "q4" (a lesson quiz), "03-sharding/q4" (the final test qualifies ids by
// lesson), "template:ID" (filed under the template's own lesson). Empty lesson: unknown.
ReviewKey review_key(const Course& course, std::size_t lesson_index, const std::string& question_id);

// Queues every question the graded attempt missed.
void queue_missed_attempt(Progress& progress, const Course& course, std::size_t lesson_index, const Quiz& quiz,
                          const QuizAttempt& attempt, const AttemptResult& result, Day today);

// The due items that can still be asked (the course still has the lesson and the question or
// template), earliest first. Their count is what the navigator shows as due.
std::vector<ReviewItem> askable_due(const Course& course, const Progress& progress, Day today);

struct ReviewSession {
  MixedAttempt mixed;           // the questions, in asking order; pass is 0 (a review is not graded)
  std::vector<ReviewKey> keys;  // keys[i]: the queue entry of mixed.attempt.asked[i]
};

// At most kMaxReviewQuestions of the askable due items, earliest due first, options shuffled by
// the seed, templates drawn afresh from it.
ReviewSession draw_review(const Course& course, const Progress& progress, Day today, std::uint64_t seed);

// Reschedules every asked item: right moves it on, wrong starts it again.
void record_review_session(Progress& progress, const ReviewSession& session, const AttemptResult& result, Day today);

}  // namespace cs::course
