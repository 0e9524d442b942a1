#pragma once
// clusterscope --bench-stage: renders the cluster view offscreen for a few hundred frames with many
// nodes and messages, and reports frame times. Prints one JSON object.
#include <QString>

namespace cs::ui {

struct StageBenchOptions {
  int nodes = 100;
  int messages = 1000;
  int frames = 300;
  int width = 1200;
  int height = 800;
  // 2: two runs of the same cluster (seeds 1 and 2) side by side, each on half the width, as
  // Compare a change shows them; a frame is both stages updated and painted.
  int branches = 1;
};

// Returns the JSON text.
QString run_stage_bench(const StageBenchOptions& options);

}  // namespace cs::ui
