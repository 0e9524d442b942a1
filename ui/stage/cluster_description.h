#pragma once
// The cluster in one sentence, for screen readers and for anyone who prefers words: "5 nodes;
// n3 is leader in term 4; a partition separates n1 and n2 from n3, n4 and n5; 12 messages in
// flight." Built from the frame and its snapshot, so it follows the run.
#include <QString>

#include "run/frame.h"
#include "stage/stage_snapshot.h"

namespace cs::ui {

QString describe_cluster(const run::Frame& frame, const StageSnapshot& snapshot);

}  // namespace cs::ui
