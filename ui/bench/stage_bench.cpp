#include "bench/stage_bench.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cmath>
#include <vector>

#include "scenario/builtin.h"
#include "stage/stage_controller.h"
#include "stage/stage_view.h"

namespace cs::ui {

QString run_stage_bench(const StageBenchOptions& o) {
  // A heartbeat cluster sized so that about `messages` are in flight: each round the leader sends
  // nodes-1 heartbeats and gets as many acks; a one-way latency of k rounds keeps about
  // 2 k (nodes-1) aloft (heartbeats on their way out, acknowledgements on their way back).
  scenario::Scenario s = scenario::load_scenario(scenario::find_builtin("cluster-heartbeat")->json, "builtin");
  s.id = "bench-stage";
  s.title = "Stage benchmark";
  s.node_names.clear();
  s.node_regions.clear();
  for (int i = 0; i < o.nodes; ++i) {
    s.node_names.push_back("n" + std::to_string(i + 1));
    s.node_regions.push_back(0);
  }
  const double per_round = 2.0 * std::max(1, o.nodes - 1);
  const double rounds_in_flight = std::max(0.05, o.messages / per_round);
  const sim::TimeUs interval_us = 20'000;
  s.params["heartbeat_interval_ms"] = 20.0;
  s.params["failure_timeout_ms"] = 1000.0;
  s.link_defaults.latency_us = static_cast<sim::TimeUs>(rounds_in_flight * static_cast<double>(interval_us));
  s.link_defaults.jitter_us = s.link_defaults.latency_us / 20;

  StageController controller;
  controller.run()->loadScenario(s, 1);
  controller.run()->setSpeed(1.0);
  controller.run()->seekUs(s.link_defaults.latency_us * 4 + 100'000);  // past the start-up transient
  StageView view(&controller);
  view.resize(1200, 800);
  view.show();

  std::vector<double> frame_ms;
  std::vector<double> update_ms;  // the run advanced and the scene's models updated
  double in_flight_total = 0;
  QElapsedTimer clock;
  for (int f = 0; f < o.frames + 20; ++f) {
    clock.start();
    controller.run()->advanceWallMs(16.0);
    const double updated = static_cast<double>(clock.nsecsElapsed()) / 1e6;
    view.grabFramebuffer();  // a full render of the scene, as a frame on screen
    const double ms = static_cast<double>(clock.nsecsElapsed()) / 1e6;
    if (f >= 20) {  // the first frames create every delegate
      frame_ms.push_back(ms);
      update_ms.push_back(updated);
      in_flight_total += controller.run()->inFlight();
    }
  }
  std::sort(update_ms.begin(), update_ms.end());
  std::sort(frame_ms.begin(), frame_ms.end());
  const auto pct = [&](double p) {
    return frame_ms[std::min(frame_ms.size() - 1, static_cast<std::size_t>(p * static_cast<double>(frame_ms.size())))];
  };
  QJsonObject j;
  j["nodes"] = o.nodes;
  j["messages_in_flight_mean"] = std::round(in_flight_total / static_cast<double>(frame_ms.size()));
  j["frames"] = static_cast<int>(frame_ms.size());
  j["frame_ms_p50"] = std::round(pct(0.50) * 100) / 100;
  j["frame_ms_p99"] = std::round(pct(0.99) * 100) / 100;
  j["frame_ms_max"] = std::round(frame_ms.back() * 100) / 100;
  j["update_ms_p50"] = std::round(update_ms[update_ms.size() / 2] * 100) / 100;
  return QString::fromUtf8(QJsonDocument(j).toJson(QJsonDocument::Compact));
}

}  // namespace cs::ui
