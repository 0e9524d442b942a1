#pragma once
// Merging two copies of one learner's progress: two windows (two processes) open on the same file
// each hold a copy in memory, and each save folds the other's results into its own instead of
// overwriting them. Results only grow or move forward; nothing that either copy achieved is lost.
//
// The merge knows only the two states, not what happened between them, so it cannot tell "removed
// here" from "never seen here": a review item one window has finished (and removed) comes back if
// the other window still holds it, and a reset in one window is undone when another window, which
// still holds the old progress, saves. Both err on the side of keeping results.
#include "course/progress.h"

namespace cs::course {

// Folds `theirs` into `mine`. Per lesson: passed is the OR; the best score is the better one (more
// correct; any score beats none; a tie keeps mine); attempts are the union (an attempt equal in
// every field to one already held is not added twice), sorted by time, the newest
// kMaxAttemptsPerLesson kept; challenges are the union, each keeping the one met first (earlier
// time; a tie keeps mine); predictions are the union, mine winning on a shared key. Review items
// are the union by (lesson, question); an item in both keeps the copy due later (then the larger
// interval, then mine), at most kMaxReviewItems kept as the review queue keeps them. `last` stays
// mine unless mine was never set. Merging is idempotent, and merging into an empty Progress gives
// `theirs` (attempts in time order).
void merge_progress(Progress& mine, const Progress& theirs);

}  // namespace cs::course
