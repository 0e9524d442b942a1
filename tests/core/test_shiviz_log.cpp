// The trace as a ShiViz log: read back with a reader written here (the format as ShiViz parses it:
// the regular expression on the first line, an empty second line, then "host {clock}" and the
// event text), it holds the trace's events in order, every host's own clock counts 1, 2, 3, ...,
// and the clocks respect happened-before: a receive knows everything its send knew, and no clock
// knows of an event that had not happened yet.
#include <QtTest>

#include <map>
#include <regex>
#include <sstream>

#include <nlohmann/json.hpp>

#include "check/shiviz_log.h"
#include "scenario/builtin.h"
#include "scenario/run_setup.h"
#include "sim/action.h"

using namespace cs::check;
using cs::sim::TraceEvent;
using cs::sim::TraceType;

namespace {

struct ParsedEvent {
  std::string host;
  std::map<std::string, std::uint64_t> clock;
  std::string text;
};

// Parses a ShiViz log as ShiViz does: the first line is the log parsing regular expression, the
// second the delimiter between executions (empty: one execution), then each event is a host and
// its clock (JSON) on one line and the event's text on the next. Fails the test on anything else.
std::vector<ParsedEvent> parse_shiviz(const std::string& log) {
  std::vector<std::string> lines;
  std::istringstream in(log);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::vector<ParsedEvent> events;
  if (lines.size() < 2 || lines[0] != kShivizRegex || !lines[1].empty()) {
    qWarning("no ShiViz header");
    return events;
  }
  if (lines.size() % 2 != 0) {
    qWarning("an event without its text line");
    return events;
  }
  // The same pattern as the header's, without named groups (std::regex has none).
  const std::regex host_line(R"(^(\S*) (\{.*\})$)");
  for (std::size_t i = 2; i + 1 < lines.size(); i += 2) {
    std::smatch m;
    if (!std::regex_match(lines[i], m, host_line)) {
      qWarning("line %zu is not \"host {clock}\": %s", i + 1, lines[i].c_str());
      return {};
    }
    ParsedEvent e;
    e.host = m[1];
    const nlohmann::json clock = nlohmann::json::parse(m[2].str());
    for (auto it = clock.begin(); it != clock.end(); ++it) e.clock[it.key()] = it.value().get<std::uint64_t>();
    e.text = lines[i + 1];
    events.push_back(std::move(e));
  }
  return events;
}

// Whether `later` knows at least everything `earlier` knew.
bool dominates(const ParsedEvent& later, const ParsedEvent& earlier) {
  for (const auto& [host, count] : earlier.clock) {
    const auto it = later.clock.find(host);
    if (it == later.clock.end() || it->second < count) return false;
  }
  return true;
}

// What ShiViz itself refuses: a host's own clock that does not count 1, 2, 3, ... in its events,
// an event without its own host in its clock, or an entry for a host or an event that is not in
// the log. Returns the first problem, or "".
std::string shiviz_problem(const std::vector<ParsedEvent>& events) {
  std::map<std::string, std::uint64_t> count;
  for (const auto& e : events) ++count[e.host];
  std::map<std::string, std::uint64_t> seen;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const ParsedEvent& e = events[i];
    const auto own = e.clock.find(e.host);
    if (own == e.clock.end()) return "event " + std::to_string(i) + " lacks its own host";
    if (own->second != ++seen[e.host]) return "event " + std::to_string(i) + ": own clock skips";
    for (const auto& [host, value] : e.clock) {
      if (!count.count(host)) return "event " + std::to_string(i) + " names unknown host " + host;
      if (value < 1 || value > count[host]) return "event " + std::to_string(i) + ": clock beyond host " + host;
    }
  }
  return "";
}

std::string after_hash(const std::string& text) {
  const auto hash = text.find('#');
  const auto end = text.find(' ', hash);
  return hash == std::string::npos ? "" : text.substr(hash + 1, end - hash - 1);
}

}  // namespace

class TestShivizLog : public QObject {
  Q_OBJECT

 private slots:
  void handMadeTraceHasTheExpectedClocks() {
    // Nodes a, b, c and client 3. a sends #1 to b; b sends #2 to c, duplicated (delivered twice);
    // a's #3 to c is lost; a partition (no single node's) and a crash of c.
    cs::sim::Trace trace;
    std::uint64_t index = 0;
    const auto add = [&](TraceEvent e) {
      e.index = index++;
      e.time_us = static_cast<cs::sim::TimeUs>(e.index) * 1000;
      trace.append(e);
    };
    add({.type = TraceType::Send, .kind = 7, .node = 0, .peer = 1, .msg_id = 1});
    add({.type = TraceType::Timer, .kind = 2, .node = 1});
    add({.type = TraceType::Deliver, .kind = 7, .node = 1, .peer = 0, .msg_id = 1});
    add({.type = TraceType::Send, .kind = 7, .node = 1, .peer = 2, .msg_id = 2});
    add({.type = TraceType::Deliver, .kind = 7, .node = 2, .peer = 1, .msg_id = 2});
    add({.type = TraceType::Send, .kind = 7, .node = 0, .peer = 2, .msg_id = 3});
    add({.type = TraceType::Drop,
         .reason = cs::sim::DropReason::Partition,
         .kind = 7,
         .node = 2,
         .peer = 0,
         .msg_id = 3});
    add({.type = TraceType::Deliver, .kind = 7, .node = 2, .peer = 1, .msg_id = 2});  // the duplicate
    add({.type = TraceType::Fault, .kind = static_cast<std::uint16_t>(cs::sim::ActionType::Partition)});
    add({.type = TraceType::Fault, .kind = static_cast<std::uint16_t>(cs::sim::ActionType::Crash), .node = 2});
    add({.type = TraceType::ClientInvoke, .node = 0, .peer = 3, .msg_id = 1, .a = 1});
    ShivizNames names;
    names.endpoints = {"a", "b", "c d", "client-3"};  // "c d": ShiViz's \S* takes no spaces
    names.node_count = 3;
    names.message_name = [](std::uint16_t) { return std::string_view("ping"); };
    std::ostringstream out;
    const ShivizSummary summary = write_shiviz_log(trace, names, out);
    const std::vector<ParsedEvent> events = parse_shiviz(out.str());
    QCOMPARE(events.size(), std::size_t{10});  // the drop is no host's event
    QCOMPARE(summary.events, std::uint64_t{10});
    QCOMPARE(summary.hosts, std::size_t{5});
    QCOMPARE(summary.receives_without_send, std::uint64_t{0});
    QCOMPARE(shiviz_problem(events), std::string());
    using Clock = std::map<std::string, std::uint64_t>;
    QCOMPARE(events[0].host, std::string("a"));
    QCOMPARE(events[0].clock, (Clock{{"a", 1}}));
    QCOMPARE(events[2].clock, (Clock{{"a", 1}, {"b", 2}}));  // b's receive of a's #1
    QCOMPARE(events[3].clock, (Clock{{"a", 1}, {"b", 3}}));
    QCOMPARE(events[4].host, std::string("c_d"));
    QCOMPARE(events[4].clock, (Clock{{"a", 1}, {"b", 3}, {"c_d", 1}}));
    QCOMPARE(events[5].clock, (Clock{{"a", 2}}));
    QVERIFY(events[5].text.find("send ping #3 to c_d (lost: partition)") != std::string::npos);
    QCOMPARE(events[6].clock, (Clock{{"a", 1}, {"b", 3}, {"c_d", 2}}));  // the duplicate merges too
    QCOMPARE(events[7].host, std::string("faults"));
    QCOMPARE(events[7].clock, (Clock{{"faults", 1}}));
    QCOMPARE(events[8].host, std::string("c_d"));
    QVERIFY(events[8].text.find("fault crash c_d") != std::string::npos);
    QCOMPARE(events[9].host, std::string("client-3"));
    QCOMPARE(events[0].text, std::string("0.000000 s: send ping #1 to b"));
    QCOMPARE(events[2].text, std::string("0.002000 s: receive ping #1 from a"));
  }

  void aRunsTraceRespectsHappenedBefore() {
    const auto* builtin = cs::scenario::find_builtin("async-lag-stale-read");
    QVERIFY(builtin);
    const cs::scenario::Scenario s = cs::scenario::load_scenario(builtin->json, "async-lag-stale-read");
    const auto run = cs::scenario::start_run(s, s.seed);
    run->run_until(cs::sim::seconds(5));
    const cs::sim::Trace& trace = run->trace();
    const cs::sim::World& world = run->world();
    QCOMPARE(trace.first_index(), std::uint64_t{0});  // the whole run is held
    std::ostringstream out;
    const ShivizSummary summary = write_shiviz_log(trace, world, out);
    const std::vector<ParsedEvent> events = parse_shiviz(out.str());
    QCOMPARE(summary.receives_without_send, std::uint64_t{0});
    QCOMPARE(shiviz_problem(events), std::string());

    // The same events in the same order: every trace record but the drops, on the host it
    // happened at, saying what it was.
    const auto host_name = [&](cs::sim::EndpointId id) {
      return world.is_node(id) ? world.node(id).name : "client-" + std::to_string(id);
    };
    std::size_t next = 0;
    std::size_t merges = 0;
    std::map<std::string, std::size_t> send_of;     // message id -> event index of its send
    std::map<std::string, std::uint64_t> happened;  // per host, its events so far in trace order
    for (std::uint64_t i = trace.first_index(); i < trace.total(); ++i) {
      const TraceEvent& r = trace.at_index(i);
      if (r.type == TraceType::Drop) continue;
      QVERIFY2(next < events.size(), "fewer events than trace records");
      const ParsedEvent& e = events[next];
      std::string host;
      std::string verb;
      switch (r.type) {
        case TraceType::Send: verb = "send"; break;
        case TraceType::Deliver: verb = "receive"; break;
        case TraceType::Timer: verb = "timer"; break;
        case TraceType::RoleChange: verb = "becomes"; break;
        case TraceType::ClientInvoke: verb = "invoke op " + std::to_string(r.msg_id); break;
        case TraceType::ClientComplete: verb = "complete op " + std::to_string(r.msg_id); break;
        case TraceType::Fault: verb = "fault"; break;
        case TraceType::Drop: break;
      }
      if (r.type == TraceType::ClientInvoke || r.type == TraceType::ClientComplete) {
        host = host_name(r.peer);  // the client's event
      } else if (r.type == TraceType::Fault) {
        // A fault on one node is that node's; a partition, a heal, a dropped message are no one's.
        const auto action = static_cast<cs::sim::ActionType>(r.kind);
        const bool own = world.is_node(r.node) && action != cs::sim::ActionType::Partition &&
                         action != cs::sim::ActionType::Heal && action != cs::sim::ActionType::DropMessage &&
                         action != cs::sim::ActionType::ClientRequest;
        host = own ? host_name(r.node) : "faults";
      } else {
        host = host_name(r.node);
      }
      const QByteArray at = QByteArray::fromStdString("record " + std::to_string(i) + ": " + e.host + " " + e.text);
      QVERIFY2(e.host == host, at.constData());
      QVERIFY2(e.text.find(": " + verb) != std::string::npos, at.constData());
      ++happened[host];
      // No clock knows of an event that has not happened yet.
      for (const auto& [h, value] : e.clock) QVERIFY2(value <= happened[h], at.constData());
      if (r.type == TraceType::Send) {
        QCOMPARE(after_hash(e.text), std::to_string(r.msg_id));
        send_of[after_hash(e.text)] = next;
      }
      if (r.type == TraceType::Deliver) {
        // A receive knows everything its send knew, the send itself included.
        const auto it = send_of.find(after_hash(e.text));
        QVERIFY2(it != send_of.end(), at.constData());
        const ParsedEvent& send = events[it->second];
        QVERIFY2(dominates(e, send), at.constData());
        QVERIFY2(e.clock.at(send.host) >= send.clock.at(send.host), at.constData());
        merges += e.clock.size() > 1 ? 1 : 0;
      }
      ++next;
    }
    QCOMPARE(next, events.size());
    QVERIFY(merges > 100);  // messages did carry clocks between hosts
    QVERIFY(summary.hosts >= 4);
  }

  void aTraceThatForgotItsStartStillParses() {
    const auto* builtin = cs::scenario::find_builtin("async-lag-stale-read");
    QVERIFY(builtin);
    const cs::scenario::Scenario s = cs::scenario::load_scenario(builtin->json, "async-lag-stale-read");
    cs::sim::SimulationLimits limits;
    limits.trace_budget_bytes = 200 * cs::sim::Trace::bytes_per_event();  // the newest 200 records
    const auto run = cs::scenario::start_run(s, s.seed, limits);
    run->run_until(cs::sim::seconds(5));
    QVERIFY(run->trace().first_index() > 0);
    std::ostringstream out;
    const ShivizSummary summary = write_shiviz_log(run->trace(), run->world(), out);
    QCOMPARE(summary.forgotten_records, run->trace().first_index());
    QVERIFY(summary.receives_without_send > 0);  // messages sent before the records held
    const std::vector<ParsedEvent> events = parse_shiviz(out.str());
    QVERIFY(!events.empty());
    QCOMPARE(shiviz_problem(events), std::string());  // still counts from 1 on every host
  }
};

QTEST_APPLESS_MAIN(TestShivizLog)
#include "test_shiviz_log.moc"
