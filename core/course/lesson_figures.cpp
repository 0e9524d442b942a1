#include "course/lesson_figures.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>

#include "model/params.h"
#include "run/run.h"
#include "scenario/builtin.h"
#include "scenario/scenario.h"
#include "sim/action.h"

namespace cs::course {

namespace {

constexpr sim::TimeUs s(double seconds) { return static_cast<sim::TimeUs>(seconds * 1'000'000); }

// A line under a panel: `text` with %1 replaced by a metric of the run at a moment ("@copies": how
// many of the nodes are up, each holding a copy of the data).
struct NoteSpec {
  std::string text;
  std::string metric;
  sim::TimeUs at_us = 0;
  int decimals = 0;
};

std::vector<NoteSpec> notes_for(const FigureSpec& spec, std::size_t panel) {
  if (spec.name == "backup-321-disasters") {
    switch (panel) {
      case 0: return {{"copies of the data: %1 of 3", "@copies", s(2.0), 0}};
      case 1:
        return {{"copies left: %1 of 3", "@copies", s(3.0), 0},
                {"restored from the on-site copy in %1 s", "restore_time_s.onsite_copy", s(5.5), 1},
                {"writes lost: %1", "writes_lost.onsite_copy", s(5.5), 0}};
      default:
        return {{"copies left: %1 of 3", "@copies", s(6.0), 0},
                {"restored from the off-site copy in %1 s", "restore_time_s.offsite_copy", s(12.0), 1},
                {"writes lost: %1", "writes_lost.offsite_copy", s(12.0), 0}};
    }
  }
  if (spec.name == "cap-partition") {
    // Counted over the partition (4 s to 11 s), just before it heals.
    return {{"requests refused as unavailable: %1", "requests_unavailable", s(10.9), 0},
            {"requests timed out: %1", "requests_timed_out", s(10.9), 0},
            {"stale reads: %1", "stale_reads", s(10.9), 0}};
  }
  if (spec.name == "multi-region-cluster") {
    return {{"round trip london\u2013frankfurt: %1 ms", "rtt_ms.london-frankfurt", s(7.0), 1},
            {"round trip london\u2013new_york: %1 ms", "rtt_ms.london-new_york", s(7.0), 1},
            {"write committed in london: %1 ms (median)", "local_write_ms_p50", s(7.0), 1},
            {"write waiting for another region: %1 ms (median)", "cross_region_write_ms_p50", s(7.0), 1}};
  }
  return {};
}

std::vector<FigureSpec> make_figures() {
  std::vector<FigureSpec> f;
  // Lesson 1: the vocabulary on one cluster, and two architectures.
  f.push_back({"01-basics",
               "cluster-vocabulary",
               "stages",
               "One cluster: nine nodes, three shards, three replicas of each shard",
               {{"intro-cluster", s(2.5), "intro-cluster at 2.5 s"}},
               0,
               1});
  f.push_back({"01-basics",
               "two-architectures",
               "stages",
               "Client-server and multi-tier: who talks to whom",
               {{"client-server", s(3.0), "Client-server (client-server, 3 s)"},
                {"multi-tier", s(2.0), "Multi-tier (multi-tier, 2 s)"}},
               0,
               1});
  // Lesson 2: lag with and without waiting for the replicas, and the topologies.
  f.push_back(
      {"02-replication",
       "lag-async-vs-sync",
       "lag",
       "Replication lag per replica over 10 s: asynchronous and synchronous",
       {{"async-lag-stale-read", 0, "Asynchronous replication"}, {"sync-no-stale", 0, "Synchronous replication"}},
       s(10.0),
       1});
  f.push_back({"02-replication",
               "replication-topologies",
               "stages",
               "Four replication topologies: the links each one uses",
               {{"topology-star", s(2.0), "Star"},
                {"chain-lag", s(2.0), "Chain"},
                {"topology-ring", s(2.0), "Ring"},
                {"topology-mesh", s(2.0), "Mesh"}},
               0,
               2});
  // Lesson 3: the ring before and after a node joins; load per shard under two shard keys.
  f.push_back({"03-sharding",
               "hash-ring-join",
               "ring",
               "The hash ring with 32 virtual nodes per shard, before and after n5 joins",
               {{"consistent-hash-add-node", s(1.9), "Before: n1 to n4 (1.9 s)"},
                {"consistent-hash-add-node", s(9.0), "After n5 joined (9 s)"}},
               0,
               1});
  f.push_back({"03-sharding",
               "range-vs-hash-load",
               "heatmap",
               "Load per shard: ranges of a timestamp against a hash of the id",
               {{"range-hotspot-timestamps", s(2.5), "Range of created_at (2.5 s)"},
                {"hash-even", s(8.0), "Hash of the id (8 s)"}},
               0,
               1});
  // Lesson 4: quorums that overlap and that do not; a partition under CP and AP.
  f.push_back({"04-consistency",
               "quorum-overlap",
               "quorum",
               "A write quorum and the next read quorum of the same key",
               {{"quorum-strict", s(10.0), "quorum-strict"}, {"quorum-weak", s(10.0), "quorum-weak"}},
               0,
               1});
  f.push_back({"04-consistency",
               "cap-partition",
               "stages",
               "The same partition under a CP and an AP configuration",
               {{"cap-cp", s(7.0), "CP: every request at QUORUM (cap-cp, 7 s)"},
                {"cap-ap", s(7.0), "AP: every request at ONE (cap-ap, 7 s)"}},
               0,
               1});
  // Lesson 5: Raft's states and terms; a split brain as a sequence in time.
  f.push_back({"05-failover",
               "raft-states-terms",
               "raft-states",
               "Raft's three states and the changes one run made between them",
               {{"raft-leader-crash", 0, "raft-leader-crash"}},
               s(10.0),
               1});
  f.push_back({"05-failover",
               "split-brain-timeline",
               "timeline",
               "A split brain in time: each node's role while the link is cut",
               {{"split-brain-unfenced", 0, "split-brain-unfenced"}},
               s(16.0),
               1});
  // Lesson 6: what each disaster leaves of the 3-2-1 copies; a cluster across regions.
  f.push_back({"06-real-world",
               "backup-321-disasters",
               "stages",
               "The 3-2-1 copies, and what a disk failure and a site fire leave",
               {{"backup-321", s(2.0), "Before (2 s)"},
                {"backup-321", s(3.0), "Disk fails at 2.4 s (3 s)"},
                {"backup-321", s(6.0), "Site fire at 5.7 s (6 s)"}},
               s(12.0),
               1});
  f.push_back({"06-real-world",
               "multi-region-cluster",
               "stages",
               "A cluster across regions: the primary and its replicas in real cities",
               {{"multi-region-latency", s(3.2), "multi-region-latency at 3.2 s"}},
               0,
               1});
  return f;
}

scenario::Scenario load(const std::string& id) {
  const auto* builtin = scenario::find_builtin(id);
  if (!builtin) throw std::runtime_error("figure: no built-in scenario \"" + id + "\"");
  return scenario::load_scenario(builtin->json, "builtin:" + id);
}

std::string format_number(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

double metric(const run::Frame& frame, const std::string& name) {
  if (name == "@copies") {
    return static_cast<double>(std::count_if(frame.nodes.begin(), frame.nodes.end(),
                                             [](const run::NodeFrame& n) { return n.status == sim::NodeStatus::Up; }));
  }
  if (!frame.figures) return 0;
  const auto it = frame.figures->metrics.find(name);
  return it == frame.figures->metrics.end() ? 0 : it->second;
}

std::vector<std::string> region_names(const scenario::Scenario& s) {
  std::vector<std::string> names;
  for (const auto& r : s.regions) names.push_back(r.name);
  return names;
}

std::vector<StagePanel> stage_panels(const FigureSpec& spec) {
  std::vector<StagePanel> out;
  for (std::size_t i = 0; i < spec.panels.size(); ++i) {
    const FigurePanelSpec& p = spec.panels[i];
    const scenario::Scenario sc = load(p.scenario);
    run::Run run(sc, sc.seed);
    // The panel's moment and its notes' moments, in time order (a run only goes forward here).
    const std::vector<NoteSpec> notes = notes_for(spec, i);
    std::vector<sim::TimeUs> moments{p.at_us};
    for (const NoteSpec& n : notes) moments.push_back(n.at_us);
    std::sort(moments.begin(), moments.end());
    std::map<sim::TimeUs, run::Frame> frames;
    for (sim::TimeUs t : moments) {
      run.advance_to(t);
      frames[t] = run.frame(true);
    }
    StagePanel panel{p.caption, frames.at(p.at_us), sc.view.layout, region_names(sc), {}};
    for (const NoteSpec& n : notes) {
      std::string text = n.text;
      const auto at = text.find("%1");
      if (at != std::string::npos) text.replace(at, 2, format_number(metric(frames.at(n.at_us), n.metric), n.decimals));
      panel.notes.push_back(text);
    }
    out.push_back(std::move(panel));
  }
  return out;
}

std::vector<LagPanel> lag_panels(const FigureSpec& spec) {
  std::vector<LagPanel> out;
  for (const FigurePanelSpec& p : spec.panels) {
    const scenario::Scenario sc = load(p.scenario);
    run::Run run(sc, sc.seed);
    run.advance_to(spec.until_us);
    const run::Frame frame = run.frame(true);
    LagPanel panel;
    panel.caption = p.caption;
    for (const auto& [node, points] : frame.figures->charts.lag_ms()) {
      LagLine line{node < sc.node_names.size() ? sc.node_names[node] : "?", points};
      for (const auto& [t, ms] : points) panel.max_lag_ms = std::max(panel.max_lag_ms, ms);
      panel.lines.push_back(std::move(line));
    }
    panel.p50_write_ms = metric(frame, "p50_write_latency_us") / 1000.0;
    panel.stale_reads = static_cast<std::int64_t>(metric(frame, "stale_reads"));
    out.push_back(std::move(panel));
  }
  return out;
}

// ---- quorums: which replicas made a write's and a read's quorum, from the trace ----

struct Answer {
  sim::TimeUs time_us;
  std::uint64_t index;
  sim::EndpointId replica;
};

// The replicas that answered the coordinator for one operation, in the order it counted them: its
// own copy first (it answers at once), then each peer whose answer to the request reached it.
std::vector<Answer> answers_for(const sim::Trace& trace, const run::Frame& frame, const sim::Operation& op,
                                const std::string& request_kind, const std::string& answer_kind) {
  const auto kind_named = [&](const std::string& name) {
    for (std::size_t k = 0; frame.kinds && k < frame.kinds->size(); ++k) {
      if ((*frame.kinds)[k].name == name) return static_cast<int>(k);
    }
    return -1;
  };
  const int client_kind = kind_named(op.type == sim::OpType::Write ? "write" : "read");
  const int request = kind_named(request_kind);
  const int answer = kind_named(answer_kind);
  std::vector<Answer> out;
  if (client_kind < 0 || request < 0 || answer < 0) return out;
  // The client's message to the coordinator, sent when the operation was invoked.
  std::optional<std::uint64_t> client_msg;
  std::uint64_t i = trace.first_index();
  for (; i < trace.total(); ++i) {
    const sim::TraceEvent& e = trace.at_index(i);
    if (e.time_us < op.invoke_us) continue;
    if (e.time_us > op.invoke_us) break;
    if (e.type == sim::TraceType::Send && e.node == op.client && e.peer == op.node && e.kind == client_kind) {
      client_msg = e.msg_id;
      break;
    }
  }
  if (!client_msg) return out;
  // Its arrival, and the requests the coordinator sent to the other replicas right then.
  sim::TimeUs arrived = -1;
  std::set<std::uint64_t> requests;
  for (; i < trace.total(); ++i) {
    const sim::TraceEvent& e = trace.at_index(i);
    if (arrived < 0) {
      if (e.type == sim::TraceType::Deliver && e.msg_id == *client_msg) {
        arrived = e.time_us;
        out.push_back({e.time_us, e.index, op.node});
      }
      continue;
    }
    if (e.time_us > arrived) break;
    if (e.type == sim::TraceType::Send && e.node == op.node && e.kind == request) requests.insert(e.msg_id);
  }
  // Each request's arrival at a replica, the answer that replica sent at once, and its arrival.
  std::map<sim::EndpointId, std::uint64_t> answer_msgs;  // replica -> its answer's message id
  std::map<sim::EndpointId, sim::TimeUs> asked_at;
  for (; i < trace.total() && out.size() < 64; ++i) {
    const sim::TraceEvent& e = trace.at_index(i);
    if (e.type == sim::TraceType::Deliver && requests.count(e.msg_id)) {
      asked_at[e.node] = e.time_us;
    } else if (e.type == sim::TraceType::Send && e.kind == answer && e.peer == op.node && asked_at.count(e.node) &&
               asked_at[e.node] == e.time_us && !answer_msgs.count(e.node)) {
      answer_msgs[e.node] = e.msg_id;
    } else if (e.type == sim::TraceType::Deliver && e.node == op.node && e.kind == answer) {
      for (const auto& [replica, msg] : answer_msgs) {
        if (msg == e.msg_id) out.push_back({e.time_us, e.index, replica});
      }
    }
    if (op.complete_us >= 0 && e.time_us > op.complete_us) break;
  }
  return out;
}

std::vector<std::string> names_of(const std::vector<Answer>& answers, std::size_t count, const scenario::Scenario& sc) {
  std::vector<std::string> names;
  for (std::size_t k = 0; k < answers.size() && k < count; ++k) names.push_back(sc.node_names[answers[k].replica]);
  std::sort(names.begin(), names.end());
  return names;
}

QuorumPanel quorum_panel(const FigurePanelSpec& p) {
  const scenario::Scenario sc = load(p.scenario);
  run::Run run(sc, sc.seed);
  run.advance_to(p.at_us);
  const run::Frame frame = run.frame(true);
  QuorumPanel panel;
  panel.caption = p.caption;
  panel.n = static_cast<int>(model::count_param(sc.params, "replication_factor"));
  panel.w = static_cast<int>(model::count_param(sc.params, "write_replicas"));
  panel.r = static_cast<int>(model::count_param(sc.params, "read_replicas"));
  for (std::size_t k = 0; k < sc.node_names.size() && static_cast<int>(k) < panel.n; ++k)
    panel.replicas.push_back(sc.node_names[k]);
  const sim::OpLog& history = frame.figures->history;
  const bool weak = panel.r + panel.w <= panel.n;
  // The first acknowledged write followed by a read of its key (invoked after the write was
  // acknowledged, with no other write of the key in between) whose quorums overlap as R + W says.
  for (std::size_t a = 0; a < history.size() && !panel.found; ++a) {
    const sim::Operation& write = history[a];
    if (write.type != sim::OpType::Write || write.status != sim::OpStatus::Ok) continue;
    for (std::size_t b = a + 1; b < history.size(); ++b) {
      const sim::Operation& op = history[b];
      if (op.key != write.key) continue;
      if (op.type == sim::OpType::Write) break;  // another write of the key: not a clean pair
      if (op.invoke_us <= write.complete_us || op.status != sim::OpStatus::Ok) continue;
      const auto written = answers_for(run.simulation().trace(), frame, write, "replica-write", "write-ack");
      const auto read = answers_for(run.simulation().trace(), frame, op, "replica-read", "read-reply");
      if (written.size() < static_cast<std::size_t>(panel.w) || read.size() < static_cast<std::size_t>(panel.r)) break;
      QuorumPanel candidate = panel;
      candidate.write_set = names_of(written, static_cast<std::size_t>(panel.w), sc);
      candidate.read_set = names_of(read, static_cast<std::size_t>(panel.r), sc);
      candidate.write_s = static_cast<double>(write.complete_us) / 1e6;
      candidate.read_s = static_cast<double>(op.complete_us) / 1e6;
      candidate.stale = !op.has_value || op.value != write.value;
      std::vector<std::string> both;
      std::set_intersection(candidate.write_set.begin(), candidate.write_set.end(), candidate.read_set.begin(),
                            candidate.read_set.end(), std::back_inserter(both));
      // A weak quorum is shown where it fails (no replica in common, an older value read), a strict
      // one where it holds.
      if (weak ? both.empty() && candidate.stale : !both.empty()) {
        candidate.found = true;
        panel = candidate;
      }
      break;
    }
  }
  return panel;
}

// ---- roles over time ----

Timeline sample_timeline(const scenario::Scenario& sc, sim::TimeUs until_us) {
  constexpr sim::TimeUs kStepUs = 20'000;
  run::Run run(sc, sc.seed);
  Timeline t;
  t.until_s = static_cast<double>(until_us) / 1e6;
  t.nodes = sc.node_names;
  for (std::size_t i = 0; i < sc.node_names.size(); ++i) {
    const auto region = i < sc.node_regions.size() ? sc.node_regions[i] : 0;
    t.region_of.push_back(region < sc.regions.size() ? sc.regions[region].name : "");
  }
  t.periods.resize(sc.node_names.size());
  const auto extend = [](std::vector<std::pair<double, double>>& spans, double from, double to) {
    if (!spans.empty() && std::abs(spans.back().second - from) < 1e-9) {
      spans.back().second = to;
    } else {
      spans.emplace_back(from, to);
    }
  };
  for (sim::TimeUs now = 0; now < until_us; now += kStepUs) {
    run.advance_to(now);
    const run::Frame f = run.frame(false);
    const double from = static_cast<double>(now) / 1e6;
    const double to = static_cast<double>(std::min(now + kStepUs, until_us)) / 1e6;
    int leaders = 0;
    bool cut = false;
    for (std::size_t i = 0; i < f.nodes.size() && i < t.periods.size(); ++i) {
      const run::NodeFrame& n = f.nodes[i];
      const bool leads =
          n.status == sim::NodeStatus::Up && (n.role == sim::Role::Leader || n.role == sim::Role::Primary);
      leaders += leads ? 1 : 0;
      for (std::size_t j = i + 1; j < f.nodes.size(); ++j) {
        cut = cut || f.cuts.cut(static_cast<sim::EndpointId>(i), static_cast<sim::EndpointId>(j));
      }
      auto& periods = t.periods[i];
      if (!periods.empty() && periods.back().role == n.role && periods.back().status == n.status &&
          periods.back().term == n.term) {
        periods.back().to_s = to;
      } else {
        periods.push_back({from, to, n.role, n.status, n.term});
      }
    }
    if (cut) extend(t.cuts, from, to);
    if (leaders >= 2) extend(t.several_leaders, from, to);
  }
  return t;
}

RaftStates raft_states(const scenario::Scenario& sc, sim::TimeUs until_us) {
  run::Run run(sc, sc.seed);
  run.advance_to(until_us);
  RaftStates out;
  std::map<std::pair<sim::Role, sim::Role>, int> counts;
  std::map<sim::EndpointId, sim::Role> role_of;
  std::map<std::int64_t, std::string> leaders;
  const sim::Trace& trace = run.simulation().trace();
  const auto raft_state = [](sim::Role r) {
    return r == sim::Role::Follower || r == sim::Role::Candidate || r == sim::Role::Leader;
  };
  for (std::uint64_t i = trace.first_index(); i < trace.total(); ++i) {
    const sim::TraceEvent& e = trace.at_index(i);
    if (e.time_us > until_us) break;
    if (e.type == sim::TraceType::Fault && e.node < sc.node_names.size() &&
        e.kind == static_cast<std::uint16_t>(sim::ActionType::Crash)) {
      const auto it = role_of.find(e.node);
      if (it != role_of.end() && it->second == sim::Role::Leader) ++out.crashes;
      role_of.erase(e.node);  // a restarted node starts again as a follower
      continue;
    }
    if (e.type != sim::TraceType::RoleChange || e.node >= sc.node_names.size()) continue;
    const auto role = static_cast<sim::Role>(e.a);
    out.last_term = std::max(out.last_term, e.b);
    if (role == sim::Role::Leader && !leaders.count(e.b)) leaders[e.b] = sc.node_names[e.node];
    const auto it = role_of.find(e.node);
    if (it != role_of.end() && raft_state(it->second) && raft_state(role)) ++counts[{it->second, role}];
    role_of[e.node] = role;
  }
  for (const auto& [change, count] : counts) out.changes.push_back({change.first, change.second, count});
  for (const auto& [term, name] : leaders) out.term_leaders.emplace_back(term, name);
  return out;
}

}  // namespace

const std::vector<FigureSpec>& lesson_figures() {
  static const std::vector<FigureSpec> figures = make_figures();
  return figures;
}

FigureData figure_data(const FigureSpec& spec) {
  FigureData data;
  data.spec = spec;
  if (spec.kind == "stages" || spec.kind == "ring" || spec.kind == "heatmap") {
    data.stages = stage_panels(spec);
  } else if (spec.kind == "lag") {
    data.lags = lag_panels(spec);
  } else if (spec.kind == "quorum") {
    for (const FigurePanelSpec& p : spec.panels) data.quorums.push_back(quorum_panel(p));
  } else if (spec.kind == "timeline" || spec.kind == "raft-states") {
    const scenario::Scenario sc = load(spec.panels.at(0).scenario);
    data.timeline = sample_timeline(sc, spec.until_us);
    if (spec.kind == "raft-states") data.raft = raft_states(sc, spec.until_us);
  } else {
    throw std::runtime_error("figure " + spec.name + ": unknown kind \"" + spec.kind + "\"");
  }
  return data;
}

}  // namespace cs::course
