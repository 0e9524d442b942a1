#include "run/learner_actions.h"

#include <algorithm>

#include "run/experiments.h"
#include "run/run_controller.h"
#include "sim/action.h"

namespace cs::ui {

namespace {
sim::Action make_action(sim::ActionType type, int node = -1) {
  sim::Action a;
  a.type = type;
  if (node >= 0) a.node = static_cast<sim::EndpointId>(node);
  return a;
}
}  // namespace

LearnerActions::LearnerActions(RunController* run, QObject* parent) : QObject(parent), run_(run) {
  connect(run_, &RunController::scenarioChanged, this, &LearnerActions::restartKeys);
}

QString LearnerActions::slowDownLabel() {
  return tr("&Slow down (+%1 ms)").arg(static_cast<double>(run::kSlowDownUs) / 1e3);
}

QString LearnerActions::skewClockLabel() {
  return tr("S&kew clock (+%1 s)").arg(static_cast<double>(run::kClockSkewStepUs) / 1e6);
}

bool LearnerActions::validNode(int node) const {
  return run_->hasRun() && node >= 0 && node < static_cast<int>(run_->frame().nodes.size());
}

QString LearnerActions::name(int node) const {
  return QString::fromStdString(run_->frame().nodes[static_cast<std::size_t>(node)].name);
}

void LearnerActions::addOrRemove(int node) {
  if (!validNode(node)) return;
  if (run_->frame().nodes[static_cast<std::size_t>(node)].status == sim::NodeStatus::Removed) {
    run_->act(make_action(sim::ActionType::AddNode, node),
              tr("Added %1 to the cluster: it starts empty, as a newly provisioned server.").arg(name(node)));
  } else {
    run_->act(
        make_action(sim::ActionType::RemoveNode, node),
        tr("Removed %1 from the cluster: its data goes with it; add it again to start it afresh.").arg(name(node)));
  }
}

void LearnerActions::crashOrRestart(int node) {
  if (!validNode(node)) return;
  const sim::NodeStatus status = run_->frame().nodes[static_cast<std::size_t>(node)].status;
  if (status == sim::NodeStatus::Removed) {
    run_->explain(tr("%1 is not in the cluster: add it first (A).").arg(name(node)));
  } else if (status == sim::NodeStatus::Crashed) {
    run_->act(make_action(sim::ActionType::Restart, node),
              tr("Restarted %1: it keeps what it wrote to disk.").arg(name(node)));
  } else {
    run_->act(make_action(sim::ActionType::Crash, node),
              tr("Crashed %1: it loses everything held only in memory.").arg(name(node)));
  }
}

void LearnerActions::pauseOrResume(int node) {
  if (!validNode(node)) return;
  if (run_->frame().nodes[static_cast<std::size_t>(node)].status == sim::NodeStatus::Paused) {
    run_->act(make_action(sim::ActionType::Resume, node),
              tr("Resumed %1: it handles everything that waited.").arg(name(node)));
  } else {
    run_->act(make_action(sim::ActionType::Pause, node),
              tr("Paused %1, as a long garbage-collection pause would.").arg(name(node)));
  }
}

void LearnerActions::isolate(int node) {
  if (!validNode(node)) return;
  run_->act(make_action(sim::ActionType::Isolate, node), tr("Isolated %1 from every other node.").arg(name(node)));
}

void LearnerActions::slowDown(int node) {
  if (!validNode(node)) return;
  run_->act(run::slow_down(static_cast<sim::EndpointId>(node)),
            tr("Every message to or from %1 now takes %2 ms longer.")
                .arg(name(node))
                .arg(static_cast<double>(run::kSlowDownUs) / 1e3));
}

void LearnerActions::skewClock(int node) {
  if (!validNode(node)) return;
  const sim::TimeUs current = run_->frame().nodes[static_cast<std::size_t>(node)].clock_skew_us;
  const sim::Action a = run::skew_clock(static_cast<sim::EndpointId>(node), current);
  run_->act(a, tr("%1's clock now runs %2 s ahead.").arg(name(node)).arg(static_cast<double>(a.value) / 1e6));
}

bool LearnerActions::partition(const QList<int>& side) {
  if (!run_->hasRun()) return false;
  sim::Action a = make_action(sim::ActionType::Partition);
  std::vector<sim::EndpointId> first, second;
  QStringList names;
  for (int i = 0; i < static_cast<int>(run_->frame().nodes.size()); ++i) {
    if (side.contains(i)) {
      first.push_back(static_cast<sim::EndpointId>(i));
      names << name(i);
    } else {
      second.push_back(static_cast<sim::EndpointId>(i));
    }
  }
  if (first.empty() || second.empty()) {
    run_->explain(tr("A partition needs nodes on both sides: select some nodes, not all."));
    return false;
  }
  a.groups = {first, second};
  return run_->act(a, tr("Partitioned %1 from the rest of the cluster.").arg(names.join(", ")));
}

void LearnerActions::heal() {
  run_->act(make_action(sim::ActionType::Heal), tr("Healed the network: every link works again."));
}

void LearnerActions::dropMessage(quint64 message_id) {
  sim::Action a = make_action(sim::ActionType::DropMessage);
  a.value = static_cast<std::int64_t>(message_id);
  run_->act(a, tr("Dropped message %1 in flight.").arg(message_id));
}

void LearnerActions::describeMessage(quint64 message_id) {
  const run::Frame& f = run_->frame();
  for (const auto& t : f.tokens) {
    if (t.id != message_id) continue;
    const auto endpoint = [&](sim::EndpointId e) { return f.is_node(e) ? name(static_cast<int>(e)) : tr("a client"); };
    run_->explain(tr("Message %1: %2 from %3 to %4, arriving at %5 s. Shift+click drops it.")
                      .arg(message_id)
                      .arg(QString::fromStdString(f.kind(t.kind).name), endpoint(t.from), endpoint(t.to))
                      .arg(static_cast<double>(t.arrive_us) / 1e6, 0, 'f', 3));
    return;
  }
}

void LearnerActions::dropNextMessageTo(int node) {
  if (!validNode(node)) return;
  const run::TokenFrame* next = nullptr;
  for (const auto& t : run_->frame().tokens) {
    if (t.to == static_cast<sim::EndpointId>(node) && (!next || t.arrive_us < next->arrive_us)) next = &t;
  }
  if (!next) {
    run_->explain(tr("No message is on its way to %1.").arg(name(node)));
    return;
  }
  dropMessage(next->id);
}

void LearnerActions::sendRequest(int node, sim::OpType type) {
  if (!validNode(node)) return;
  sim::Action a = make_action(sim::ActionType::ClientRequest, node);
  a.op_type = type;
  a.key = type == sim::OpType::Write ? next_key_++ : std::max<std::int64_t>(1, next_key_ - 1);
  a.level = static_cast<std::uint8_t>(level_);
  run_->act(a, type == sim::OpType::Write ? tr("Sent a write of key %1 to %2.").arg(a.key).arg(name(node))
                                          : tr("Sent a read of key %1 to %2.").arg(a.key).arg(name(node)));
}

void LearnerActions::sendWrite(int node) { sendRequest(node, sim::OpType::Write); }
void LearnerActions::sendRead(int node) { sendRequest(node, sim::OpType::Read); }

void LearnerActions::setConsistencyLevel(int level) {
  level = std::clamp(level, 0, 255);
  if (level == level_) return;
  level_ = level;
  emit consistencyLevelChanged();
}

}  // namespace cs::ui
