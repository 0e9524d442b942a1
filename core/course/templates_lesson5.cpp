// Lesson 5's question templates: acknowledged writes lost by an asynchronous failover (the failover
// models' log and the lost-writes metric's own count), which node leads after the Raft leader
// crashes (a run of the lesson's Raft scenario with the drawn seed), and how many more failures a
// consensus cluster survives with a node cut off (quorum maths).
#include <cassert>
#include <unordered_set>

#include "check/leader_metrics.h"
#include "consistency/quorum.h"
#include "course/challenge.h"
#include "course/template_kit.h"
#include "evaluate/quantity.h"
#include "failover/async_log.h"
#include "scenario/run_setup.h"

namespace cs::course::kit {

namespace {

// The writes a promoted replica lacks, counted as the run's `lost_acknowledged_writes` metric is:
// the primary's log holds writes 1..last, of which 1..acked were acknowledged to clients; the
// replica received the primary's log up to `applied` through the failover models' log shipping.
std::int64_t lost_on_failover(std::int64_t acked, std::int64_t applied, std::int64_t last) {
  std::vector<sim::LogEntry> shipped;
  sim::History history;
  for (std::int64_t i = 1; i <= last; ++i) {
    sim::Operation op;
    op.type = sim::OpType::Write;
    op.key = 1;
    op.value = i;
    op.status = i <= acked ? sim::OpStatus::Ok : sim::OpStatus::Pending;  // committed, not yet answered
    const sim::Operation* recorded = history.invoke(op);
    assert(recorded);
    if (i <= applied) shipped.push_back({1, op.key, op.value, recorded->id});
  }
  failover::AsyncLog replica;
  [[maybe_unused]] const auto accepted = replica.accept(0, 0, &shipped);
  assert(accepted.ok && replica.last_index() == applied);
  std::unordered_set<std::uint64_t> kept;
  for (std::int64_t i = 1; i <= replica.last_index(); ++i) kept.insert(replica.at(i).op_id);
  return check::count_lost_writes(history, kept);
}

DrawnQuestion async_failover_loss(std::uint64_t seed) {
  sim::Random rng(seed);
  const std::int64_t a = rng.between(100, 2000);
  const std::int64_t b = a + rng.between(3, 30);
  const std::int64_t c = rng.between(a - 1, b - 1);
  const std::int64_t u = b + rng.between(1, 10);
  const std::int64_t answer = lost_on_failover(b, c, u);
  const std::string why = "The promoted replica holds writes up to " + num(c) + ". Of the acknowledged writes, " +
                          (answer == 1 ? "write " + num(b) + " is" : num(c + 1) + " to " + num(b) + " are") +
                          " missing: " + num(b) + " - " + num(c) + " = " + num(answer) + ". Writes " + num(b + 1) +
                          " to " + num(u) +
                          " were never acknowledged, so their clients were not told they had succeeded.";
  const auto wrong = [&](std::int64_t v, const std::string& mistake) {
    return Option{num(v), count_of(v, "write", "writes"), "Wrong. " + mistake + " " + why};
  };
  OptionSet options({num(answer), count_of(answer, "write", "writes"),
                     "Right. " + why + " Synchronous replication to the promoted replica would have lost none."});
  options.add(wrong(u - c, "That counts the unacknowledged writes as lost too."));
  options.add(wrong(b - a + 1, "Writes " + num(a) + " to " + num(c) + " had reached the replica."));
  options.add(wrong(b - c + 1, "Write " + num(c) + " itself had been applied (off by one)."));
  options.add(wrong(0,
                    "Asynchronous replication acknowledges before the replica has the write, so a failover can "
                    "lose acknowledged writes."));
  options.fill_near(answer, 0, u, [&](std::int64_t v) { return wrong(v, "Not what the logs give."); });
  return make_question(
      "Asynchronous failover: writes are numbered by their place in the log. The primary n1 had "
      "acknowledged writes up to " +
          num(b) + " (" + num(a) + " to " + num(b) + " in the last second) and had committed writes " + num(b + 1) +
          " to " + num(u) + " without answering their clients yet. Its replica n2 had applied up to write " + num(c) +
          " when n1 lost power, and n2 is promoted. How many acknowledged writes are lost?",
      options, {{"a", a}, {"b", b}, {"c", c}, {"u", u}});
}

std::string leader_now(const sim::Simulation& run, const scenario::Scenario& s) {
  return evaluate::value_text(evaluate::evaluate({evaluate::Quantity::Kind::Leader, {}, 0}, run, s));
}

std::string seconds(sim::TimeUs us) { return num(us / 1'000'000) + "." + num(us / 100'000 % 10) + " s"; }

DrawnQuestion raft_leader_after_crash(std::uint64_t seed) {
  sim::Random rng(seed);
  const std::int64_t run_seed = rng.between(1, 1'000'000);
  sim::TimeUs crash_at_us = rng.between(20, 40) * 100'000;
  const sim::TimeUs after_us = rng.between(15, 30) * 100'000;
  // The lesson's scenario without its scripted crash: the learner's crash is the only fault.
  scenario::Scenario s = *builtin_scenario("raft-leader-crash");
  s.timeline.clear();
  const auto run = scenario::start_run(s, static_cast<std::uint64_t>(run_seed));
  // The crash hits whoever leads at that moment; should an election be under way, a little later.
  std::string leader;
  for (int tries = 0; tries < 50; ++tries, crash_at_us += 100'000) {
    run->run_until(crash_at_us);
    leader = leader_now(*run, s);
    if (scenario::node_id(s, leader) != sim::kNoEndpoint) break;
  }
  const sim::EndpointId crashed = scenario::node_id(s, leader);
  assert(crashed != sim::kNoEndpoint);
  sim::Action crash;
  crash.type = sim::ActionType::Crash;
  crash.node = crashed;
  run->act(crash);
  run->run_until(crash_at_us + after_us);
  const std::string answer = leader_now(*run, s);
  assert(answer != "several" && answer != leader);
  const std::int64_t nodes = static_cast<std::int64_t>(s.node_names.size());
  const std::string at = seconds(crash_at_us + after_us);
  const std::string why =
      answer == "none"
          ? "In this run no node leads at " + at + ": the election after the crash had not finished yet."
          : "In this run " + answer + " leads at " + at + " (term " +
                num(run->world().node(scenario::node_id(s, answer)).term) +
                "): the first follower whose randomized election timeout ran out became a candidate and won the "
                "votes of a majority (3 of 5).";
  const auto wrong = [&](const std::string& node, const std::string& text, const std::string& mistake) {
    return Option{node, text, "Wrong. " + mistake + " " + why};
  };
  OptionSet options({answer, answer == "none" ? "No node leads" : answer, "Right. " + why});
  options.add(
      wrong(leader, leader,
            leader + " crashed at " + seconds(crash_at_us) + " and is still down; a crashed node leads nothing."));
  options.add(wrong("none", "No node leads",
                    "Four of five nodes are up, a majority, so they elect a new leader once an election timeout "
                    "runs out."));
  for (std::int64_t i = 0; i < nodes && !options.full(); ++i) {
    const std::string name = s.node_names[static_cast<std::size_t>(i)];
    options.add(wrong(name, name,
                      "Raft does not rank nodes by name: the first follower whose randomized timeout runs out "
                      "stands for election."));
  }
  DrawnQuestion q = make_question(
      "Raft: five nodes, n1 to n5, under client load; election timeouts 300 to 600 ms, heartbeats "
      "every 100 ms. In the run with seed " +
          num(run_seed) + ", the leader " + leader + " crashes at " + seconds(crash_at_us) +
          " and stays down. Which node leads at " + at + "?",
      options,
      {{"run_seed", run_seed},
       {"crash_at_ms", crash_at_us / 1000},
       {"after_ms", after_us / 1000},
       {"crashed", crashed}});
  // The same run for the stage: the crash as a recorded learner action, which applies after every
  // event at its time, exactly as act() did above.
  crash.at_us = crash_at_us;
  s.actions = {crash};
  // Its own words: the scenario's narration is about the scripted crash this run does not have.
  s.narration.clear();
  s.title = "The quiz's run: " + leader + " crashes at " + seconds(crash_at_us);
  s.description = "Raft with seed " + num(run_seed) + ", as the quiz question ran it: the leader " + leader +
                  " crashes at " + seconds(crash_at_us) + " and stays down. Stopped at " + at +
                  "; play on or step back to watch the election.";
  s.seed = static_cast<std::uint64_t>(run_seed);
  q.moment = StageMoment{std::move(s), static_cast<std::uint64_t>(run_seed), crash_at_us + after_us};
  return q;
}

DrawnQuestion consensus_failures_left(std::uint64_t seed) {
  sim::Random rng(seed);
  const std::int64_t n = rng.between(3, 9);
  const auto m = static_cast<std::int64_t>(consistency::majority(static_cast<std::size_t>(n)));
  const std::int64_t tolerated = n - m;
  const std::int64_t cut_off = rng.between(1, tolerated);
  const std::int64_t crashed = rng.between(0, tolerated - cut_off);
  const std::int64_t answer = tolerated - crashed - cut_off;
  const std::string why = "A leader needs a majority of all " + num(n) + " voters, " + num(m) +
                          ", able to talk to "
                          "each other. " +
                          num(n - crashed - cut_off) + " are up and connected, so " + num(answer) + " more may fail.";
  const auto wrong = [&](std::int64_t v, const std::string& mistake) {
    return Option{num(v), num(v), "Wrong. " + mistake + " " + why};
  };
  OptionSet options({num(answer), num(answer), "Right. " + why});
  options.add(wrong(tolerated - crashed, "That forgets the partitioned node" + std::string(cut_off == 1 ? "" : "s") +
                                             ": a node the others cannot reach cannot vote for them."));
  options.add(wrong(n - n / 2 - crashed - cut_off,
                    "That takes N/2 as the majority; a majority is more than half (a quorum off by one)."));
  options.add(wrong(n - crashed - cut_off - 1, "One node alone cannot lead: Raft needs a majority's votes."));
  options.fill_near(answer, 0, n, [&](std::int64_t v) { return wrong(v, "Count the voters a majority needs."); });
  return make_question("Consensus: a Raft cluster has " + num(n) + " voters. " +
                           (crashed ? count_of(crashed, "voter has", "voters have") + " crashed, and " : "") +
                           count_of(cut_off, "other voter is", "other voters are") +
                           " cut off from the rest by a partition, each alone. How many more of the connected voters "
                           "can fail with the rest still able to elect a leader?",
                       options, {{"n", n}, {"crashed", crashed}, {"cut_off", cut_off}});
}

}  // namespace

std::vector<QuestionTemplate> lesson5_templates() {
  return {
      {"async-failover-loss", 5, "asynchronous failover: how many acknowledged writes are lost", async_failover_loss},
      {"raft-leader-after-crash", 5, "Raft: which node leads after the leader crashes (a run)",
       raft_leader_after_crash},
      {"consensus-failures-left", 5, "consensus: more failures a cluster survives with nodes cut off",
       consensus_failures_left},
  };
}

}  // namespace cs::course::kit
