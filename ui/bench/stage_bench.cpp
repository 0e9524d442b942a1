#include "bench/stage_bench.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPaintEvent>
#include <QQuickWindow>
#include <QSGRendererInterface>
#include <QTimer>
#include <algorithm>
#include <cmath>
#include <ctime>
#include <memory>
#include <vector>

#include "scenario/builtin.h"
#include "stage/stage_controller.h"
#include "stage/stage_view.h"

namespace cs::ui {

namespace {

// CPU time of the process, every thread included (the raster engine hands large fills and copies
// to a thread pool).
double cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

double wall_ms() {
  timespec t{};
  clock_gettime(CLOCK_MONOTONIC, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

// The stage as the window shows it. QQuickWidget renders on a timer a few milliseconds after a
// change (to gather changes), then paints the result into the window: the bench times that span,
// from the render starting to the paint ending, and is told when a frame has reached the window.
class MeasuredStageView final : public StageView {
 public:
  using StageView::StageView;
  int paints = 0;
  double render_started_ms = -1;       // wall time; -1 when no render is under way
  double last_render_started_ms = -1;  // of the latest painted frame: when its render began
  double last_painted_ms = -1;         // and when its paint ended
  QEventLoop* waiting = nullptr;       // quit when a frame has been painted

 protected:
  void timerEvent(QTimerEvent* event) override {
    if (render_started_ms < 0) render_started_ms = wall_ms();
    StageView::timerEvent(event);
  }
  void paintEvent(QPaintEvent* event) override {
    StageView::paintEvent(event);
    if (render_started_ms >= 0) {
      last_painted_ms = wall_ms();
      last_render_started_ms = render_started_ms;
    }
    render_started_ms = -1;
    ++paints;
    if (waiting) waiting->quit();
  }
};

double rounded(double ms) { return std::round(ms * 100) / 100; }

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  return values[std::min(values.size() - 1, static_cast<std::size_t>(p * static_cast<double>(values.size())))];
}

}  // namespace

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

  // One controller and view per branch; with two, each gets half the width, side by side in one
  // window as the Compare view lays them out.
  const int branches = std::clamp(o.branches, 1, 2);
  std::vector<std::unique_ptr<StageController>> controllers;  // outlive the window and its views
  QWidget window;
  auto* row = new QHBoxLayout(&window);
  row->setContentsMargins(0, 0, 0, 0);
  row->setSpacing(0);
  std::vector<MeasuredStageView*> views;
  for (int b = 0; b < branches; ++b) {
    controllers.push_back(std::make_unique<StageController>());
    StageController& controller = *controllers.back();
    controller.run()->loadScenario(s, static_cast<std::uint64_t>(b + 1));
    controller.run()->setSpeed(1.0);
    controller.run()->seekUs(s.link_defaults.latency_us * 4 + 100'000);  // past the start-up transient
    // Branch B shares A's QML engine, as in the Compare view.
    views.push_back(views.empty() ? new MeasuredStageView(&controller, &window)
                                  : new MeasuredStageView(&controller, views.front()->engine(), &window));
    row->addWidget(views.back());
  }
  window.resize(o.width, o.height);
  window.show();
  const auto paints_of = [&views] {
    int n = 0;
    for (const auto* v : views) n += v->paints;
    return n;
  };

  // 1. As on screen: the runs advance; each widget renders what changed (the software scene graph
  //    repaints only dirty regions) and paints it into the window. A frame's time is the wall time
  //    of that work: the advances, plus for each stage the span from its render starting to its
  //    paint ending (not the idle wait before the widget's render timer fires). The CPU time of
  //    the whole process over the frame, waiting included, is reported beside it.
  std::vector<double> frame_ms;
  std::vector<double> cpu_frame_ms;
  std::vector<double> update_ms;  // the runs advanced and the scenes' models updated
  double in_flight_total = 0;
  int missed = 0;
  for (int f = 0; f < o.frames + 20; ++f) {
    const double cpu_start = cpu_ms();
    const double start = wall_ms();
    for (auto& c : controllers) c->run()->advanceWallMs(16.0);
    const double updated = wall_ms() - start;
    const int paints = paints_of();
    for (auto* v : views) {
      v->last_render_started_ms = -1;
    }
    QEventLoop loop;
    for (auto* v : views) v->waiting = &loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(500);  // a frame that never comes is counted
    // Each paint quits the loop; wait until every stage has painted this frame (or time is up).
    while (paints_of() < paints + branches && timeout.isActive()) loop.exec();
    for (auto* v : views) v->waiting = nullptr;
    if (paints_of() < paints + branches) ++missed;
    if (f >= 20) {  // the first frames create every delegate
      // From the first render starting to the last paint ending: with two stages their renders
      // and paints may interleave, and a span counted twice would not be time spent twice.
      double first_start = -1;
      double last_end = -1;
      for (const auto* v : views) {
        if (v->last_render_started_ms < 0) continue;
        first_start = first_start < 0 ? v->last_render_started_ms : std::min(first_start, v->last_render_started_ms);
        last_end = std::max(last_end, v->last_painted_ms);
      }
      const double painting = first_start < 0 ? 0 : last_end - first_start;
      frame_ms.push_back(updated + painting);
      cpu_frame_ms.push_back(cpu_ms() - cpu_start);
      update_ms.push_back(updated);
      in_flight_total += controllers.front()->run()->inFlight();
    }
  }

  // 2. The method of earlier reports: grabFramebuffer(), which repaints the whole scene into a new
  //    image every frame (wall time). Kept so that figures stay comparable.
  std::vector<double> grab_ms;
  QElapsedTimer clock;
  for (int f = 0; f < o.frames; ++f) {
    clock.start();
    for (std::size_t b = 0; b < controllers.size(); ++b) {
      controllers[b]->run()->advanceWallMs(16.0);
      views[b]->grabFramebuffer();
    }
    grab_ms.push_back(static_cast<double>(clock.nsecsElapsed()) / 1e6);
  }
  const MeasuredStageView& view = *views.front();

  QJsonObject j;
  j["nodes"] = o.nodes;
  j["stage"] = QStringLiteral("%1x%2").arg(o.width).arg(o.height);
  j["branches"] = branches;
  j["messages_in_flight_mean"] = std::round(in_flight_total / static_cast<double>(frame_ms.size()));
  j["frames"] = static_cast<int>(frame_ms.size());
  j["frames_not_painted"] = missed;
  j["backend"] =
      view.quickWindow() && view.quickWindow()->rendererInterface()->graphicsApi() == QSGRendererInterface::Software
          ? QStringLiteral("software")
          : QStringLiteral("other");
  j["frame_ms_p50"] = rounded(percentile(frame_ms, 0.50));
  j["frame_ms_p99"] = rounded(percentile(frame_ms, 0.99));
  j["frame_ms_max"] = rounded(percentile(frame_ms, 1.0));
  j["update_ms_p50"] = rounded(percentile(update_ms, 0.50));
  j["update_ms_p99"] = rounded(percentile(update_ms, 0.99));
  j["cpu_ms_p50"] = rounded(percentile(cpu_frame_ms, 0.50));
  j["cpu_ms_p99"] = rounded(percentile(cpu_frame_ms, 0.99));
  j["grab_ms_p50"] = rounded(percentile(grab_ms, 0.50));
  j["grab_ms_p99"] = rounded(percentile(grab_ms, 0.99));
  return QString::fromUtf8(QJsonDocument(j).toJson(QJsonDocument::Compact));
}

}  // namespace cs::ui
