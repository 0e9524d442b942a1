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
};

// Returns the JSON text.
QString run_stage_bench(const StageBenchOptions& options);

}  // namespace cs::ui
