#include "run/run.h"

#include <algorithm>
#include <cassert>

#include "catalogue/catalogue.h"
#include "scenario/run_setup.h"

namespace cs::run {

namespace {

constexpr std::uint16_t kKindsNamed = 256;  // kernel kinds and every protocol's (they number from 16)
constexpr std::size_t kMaxDropRecords = 2'000;

std::shared_ptr<const MessageKinds> message_kinds(const sim::World& world) {
  auto kinds = std::make_shared<MessageKinds>();
  for (std::uint16_t k = 0; k < kKindsNamed; ++k) {
    kinds->push_back({std::string(world.message_name(k)), world.classify(k)});
  }
  return kinds;
}

// The node that sent the client of operation `op_id` its success: the reply the trace records at
// the moment the operation was answered; kNoEndpoint where the trace no longer holds it.
sim::EndpointId acknowledged_by(const sim::World& world, const sim::Trace& trace, std::uint64_t op_id) {
  const sim::OpLog& ops = world.history().ops();
  if (op_id == 0 || op_id > ops.size()) return sim::kNoEndpoint;
  const sim::Operation& op = ops[static_cast<std::size_t>(op_id - 1)];
  if (op.answered_us < 0) return sim::kNoEndpoint;
  constexpr std::size_t kMaxAtOneMoment = 256;
  for (const sim::TraceEvent& e : trace.window(op.answered_us, op.answered_us + 1, kMaxAtOneMoment)) {
    if (e.type == sim::TraceType::Send && e.kind == sim::kind::kClientReply && e.peer == op.client &&
        world.is_node(e.node)) {
      return e.node;
    }
  }
  return sim::kNoEndpoint;
}

}  // namespace

const MessageKind& Frame::kind(std::uint16_t k) const {
  static const MessageKind kUnknown{"?", sim::MessageClass::Other};
  return kinds && k < kinds->size() ? (*kinds)[k] : kUnknown;
}

Run::Run(scenario::Scenario scenario, std::uint64_t seed, sim::SimulationLimits limits)
    : scenario_(std::move(scenario)), seed_(seed), sim_(scenario::start_run(scenario_, seed_, limits)) {
  kinds_ = message_kinds(sim_->world());
  keep_moments({});
}

void Run::keep_moments(std::vector<sim::TimeUs> moments_us) {
  for (const auto& step : scenario_.narration) {
    if (step.at_us) moments_us.push_back(*step.at_us);
  }
  sim_->keep_moments(std::move(moments_us));
}

void Run::sample_until(sim::TimeUs t) {
  while (series_.next_sample_us() <= t) {
    sim_->run_until(series_.next_sample_us());
    series_.record(sim_->world(), sim_->trace());
  }
}

void Run::advance_to(sim::TimeUs t) {
  assert(t >= now_us());
  sample_until(t);
  sim_->run_until(t);
}

bool Run::step() {
  const sim::TimeUs next = sim_->next_item_us();
  if (next == sim::kTimeNever) return false;
  // Samples due before the next item see the state they would in any other way of moving.
  while (series_.next_sample_us() < next) {
    sim_->run_until(series_.next_sample_us());
    series_.record(sim_->world(), sim_->trace());
  }
  return sim_->step();
}

void Run::seek(sim::TimeUs t) {
  assert(t >= 0);
  const sim::TimeUs sampled = series_.sampled_until_us();
  if (t <= now_us() || t <= sampled) {
    sim_->seek(t);  // the samples up to t are known: this is the same past again
    return;
  }
  // Beyond the newest sample: jump close to it (a replay from a checkpoint), then run forward.
  if (sampled > now_us()) sim_->seek(sampled);
  advance_to(t);
}

bool Run::act(sim::Action action) {
  if (!sim_->act(std::move(action))) return false;
  series_.forget_from(now_us());
  return true;
}

void Run::branch() {
  sim_->branch();
  series_.forget_from(now_us());
}

bool Run::undo_last_action() {
  if (sim_->actions().empty()) return false;
  const sim::TimeUs now = now_us();
  const sim::TimeUs at = sim_->actions().back().at_us;
  sim_->undo_last_action();  // leaves the run at min(now, at)
  series_.forget_from(std::min(now, at));
  if (now > now_us()) advance_to(now);
  return true;
}

void Run::reset() {
  sim_->reset();
  series_.clear();
}

Frame Run::frame(bool with_figures, sim::TimeUs arrival_window_us) const {
  const sim::World& world = sim_->world();
  Frame f;
  f.time_us = world.now_us();
  f.trace_hash = world.trace_hash();
  f.events_processed = world.events_processed();
  f.messages_sent = world.messages_sent();
  f.messages_delivered = world.messages_delivered();
  f.messages_dropped = world.messages_dropped();
  f.has_led = !world.leading_intervals().empty();
  f.rewind_horizon_us = sim_->rewind_horizon_us();
  if (f.rewind_horizon_us > 0) f.quick_moments = sim_->quick_moments_before_horizon();
  f.kinds = kinds_;
  f.nodes.reserve(world.node_count());
  for (sim::EndpointId id = 0; id < world.node_count(); ++id) {
    const sim::NodeState& state = world.node(id);
    sim::NodeView v = world.node_view(id);
    f.nodes.push_back({state.name, world.network().region_of(id), state.status, v.role, v.term, v.log_length,
                       v.commit_index, v.data_version, v.lag_us, v.lag_entries, std::move(v.detail),
                       state.clock_skew_us});
  }
  for (const sim::InFlightMessage& m : world.in_flight()) {
    const double span = static_cast<double>(std::max<sim::TimeUs>(m.arrive_us - m.send_us, 1));
    const double progress = std::clamp(static_cast<double>(f.time_us - m.send_us) / span, 0.0, 1.0);
    f.tokens.push_back({m.id, m.from, m.to, m.kind, m.send_us, m.arrive_us, progress});
  }
  const auto recent =
      sim_->trace().window(std::max<sim::TimeUs>(0, f.time_us - kDropMarkUs), f.time_us + 1, kMaxDropRecords);
  const sim::TimeUs arrival_window = std::clamp<sim::TimeUs>(arrival_window_us, 0, kMaxArrivalWindowUs);
  for (auto e = recent.rbegin(); e != recent.rend() && arrival_window > 0; ++e) {
    if (f.time_us - e->time_us > arrival_window || f.arrivals.size() >= kMaxArrivalMarks) break;
    if (e->type != sim::TraceType::Deliver) continue;
    f.arrivals.push_back(
        {e->peer, e->node, e->kind, static_cast<double>(f.time_us - e->time_us) / static_cast<double>(arrival_window)});
  }
  std::reverse(f.arrivals.begin(), f.arrivals.end());
  for (std::size_t i = 0; i < recent.size(); ++i) {
    const sim::TraceEvent& e = recent[i];
    if (e.type != sim::TraceType::Drop) continue;
    // A drop recorded right after its own send never left the sender.
    const bool never_left = i > 0 && recent[i - 1].type == sim::TraceType::Send && recent[i - 1].msg_id == e.msg_id;
    f.drops.push_back(
        {e.peer, e.node, never_left, static_cast<double>(f.time_us - e.time_us) / static_cast<double>(kDropMarkUs)});
  }
  f.cuts = world.network().cuts();
  if (const model::ModelInfo* m = catalogue::find_model(scenario_.model); m && m->view_data) {
    f.view = m->view_data(world, scenario_.params);
  }
  if (with_figures) f.figures = figures();
  return f;
}

std::shared_ptr<const Figures> Run::figures() const {
  const sim::World& world = sim_->world();
  auto figures = std::make_shared<Figures>();
  figures->time_us = world.now_us();
  figures->metrics = scenario::run_metrics(scenario_, world);
  figures->charts = series_.charts_until(world.now_us());
  figures->events = sim_->trace().window(0, world.now_us() + 1, Figures::kMaxEvents);
  figures->history = world.history().ops();
  figures->lost_write_ids = scenario::lost_writes(scenario_, world);
  for (const std::uint64_t id : figures->lost_write_ids) {
    figures->lost_write_acked_by.push_back(acknowledged_by(world, sim_->trace(), id));
  }
  return figures;
}

}  // namespace cs::run
