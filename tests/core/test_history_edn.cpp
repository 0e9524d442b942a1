// EDN histories: reading them as Jepsen, Knossos and Porcupine write them (plain registers, cas,
// Jepsen's independent [key value] tuples, Porcupine's :key), the errors a person gets for a
// broken file (with the line), writing a run's history back out (it reads back to the same
// operations with the same verdict), and the speed of a 50-client, 5,000-operation kv history.
#include <QtTest>

#include <algorithm>
#include <chrono>
#include <map>
#include <sstream>

#include "bench/checker_bench.h"
#include "check/history_edn.h"
#include "check/history_formats.h"
#include "check/linearizability.h"
#include "scenario/builtin.h"
#include "scenario/run_setup.h"
#include "sim/random.h"

using namespace cs::check;

namespace {

// A Knossos data file: one vector of maps, a cas that failed, a crashed write, the nemesis.
constexpr const char* kKnossosCas =
    "[{:process 0, :type :invoke, :f :write, :value 0}\n"
    " {:process 0, :type :ok, :f :write, :value 0}\n"
    " {:process :nemesis, :type :info, :f :start, :value nil}\n"
    " {:process 1, :type :invoke, :f :cas, :value [0 1]}\n"
    " {:process 2, :type :invoke, :f :read, :value nil} ; a comment\n"
    " {:process 1, :type :ok, :f :cas, :value [0 1]}\n"
    " {:process 2, :type :ok, :f :read, :value 1}\n"
    " {:process 3, :type :invoke, :f :cas, :value [0 2]}\n"
    " {:process 3, :type :fail, :f :cas, :value [0 2], :error [:mismatch \"expected 0\"]}\n"
    " {:process 4, :type :invoke, :f :write, :value 5}\n"
    " {:process 4, :type :info, :f :write, :value 5, :error :timeout}]\n";

// Jepsen's independent keys, with :time in nanoseconds and the fields Jepsen adds.
constexpr const char* kJepsenIndependent =
    "{:index 0, :time 1000, :type :invoke, :process 0, :f :write, :value [1 3]}\n"
    "{:index 1, :time 2000, :type :invoke, :process 1, :f :read, :value [2 nil]}\n"
    "{:index 2, :time 3000, :type :ok, :process 0, :f :write, :value [1 3]}\n"
    "{:index 3, :time 3000, :type :ok, :process 1, :f :read, :value [2 nil]}\n"
    "{:index 4, :time 4000, :type :invoke, :process 1, :f :cas, :value [1 [3 4]]}\n"
    "{:index 5, :time 5000, :type :ok, :process 1, :f :cas, :value [1 [3 4]], :debug {:node \"n1\" :tries #{1 2}}}\n"
    "{:index 6, :time 6000, :type :invoke, :process 0, :f :read, :value [1 nil]}\n"
    "{:index 7, :time 7000, :type :ok, :process 0, :f :read, :value [1 4]}\n";

// Porcupine's key-value data: a get of a missing key returns "".
constexpr const char* kPorcupineKv =
    "{:process 0, :type :invoke, :f :get, :key \"1\", :value nil}\n"
    "{:process 1, :type :invoke, :f :append, :key \"1\", :value \"x 1 0 y\"}\n"
    "{:process 0, :type :ok, :f :get, :key \"1\", :value \"\"}\n"
    "{:process 1, :type :ok, :f :append, :key \"1\", :value \"x 1 0 y\"}\n"
    "{:process 2, :type :invoke, :f :put, :key \"2\", :value \"x 2 0 y\"}\n"
    "{:process 2, :type :ok, :f :put, :key \"2\", :value \"x 2 0 y\"}\n"
    "{:process 0, :type :invoke, :f :append, :key \"1\", :value \"x 0 1 y\"}\n"
    "{:process 0, :type :ok, :f :append, :key \"1\", :value \"x 0 1 y\"}\n"
    "{:process 2, :type :invoke, :f :get, :key \"1\", :value nil}\n"
    "{:process 2, :type :ok, :f :get, :key \"1\", :value \"x 1 0 yx 0 1 y\"}\n";

std::string edn_error(const std::string& text) {
  try {
    read_history_edn(text);
  } catch (const HistoryFormatError& e) {
    return e.what();
  }
  return "no error";
}

// ---- generated key-value histories ----------------------------------------------------------

// A 50-client key-value history in the shape of Porcupine's c50 data, linearizable by
// construction: each client runs one operation at a time; every operation that takes effect does
// so at one instant strictly inside its interval (so an operation that completed before another
// began also took effect first), and a get returns what its key holds at that instant. A few
// operations fail (no effect) and a few crash (:info: took effect or not, at random); a crashed
// process is retired and its client continues under a new process number, as in Jepsen.
// `corrupt` changes one get's result, which makes the history not linearizable.
struct GenOp {
  std::int64_t process = 0;
  int key = 0;
  OpFunction f = OpFunction::Read;
  std::string value;  // put, append: the argument; get: the result
  bool absent = false;
  OpOutcome outcome = OpOutcome::Ok;
  bool effective = true;
  std::int64_t invoke = 0, complete = 0, effect = 0;  // effect in quarter units, strictly inside
};

std::vector<GenOp> kv_ops(std::size_t operations, std::size_t clients, int keys, std::uint64_t seed, bool corrupt) {
  cs::sim::Random rng(seed);
  std::vector<GenOp> ops;
  std::vector<std::int64_t> free_at(clients, 0);
  std::vector<std::int64_t> process(clients);
  for (std::size_t c = 0; c < clients; ++c) process[c] = static_cast<std::int64_t>(c);
  for (std::size_t i = 0; i < operations; ++i) {
    const auto c = static_cast<std::size_t>(std::min_element(free_at.begin(), free_at.end()) - free_at.begin());
    GenOp op;
    op.process = process[c];
    op.key = static_cast<int>(rng.below(static_cast<std::uint64_t>(keys)));
    const double pick = rng.unit();
    op.f = pick < 0.4 ? OpFunction::Read : pick < 0.7 ? OpFunction::Write : OpFunction::Append;
    if (op.f != OpFunction::Read) op.value = "x " + std::to_string(op.process) + " " + std::to_string(i) + " y";
    op.invoke = free_at[c] + rng.between(0, 20);
    op.complete = op.invoke + rng.between(1, 100);
    op.effect = rng.between(4 * op.invoke + 1, 4 * op.complete - 1);
    const double fate = rng.unit();
    if (fate < 0.01) {
      op.outcome = OpOutcome::Info;
      op.effective = rng.chance(0.5);
      process[c] += static_cast<std::int64_t>(clients);  // a crashed process never comes back
    } else if (fate < 0.03) {
      op.outcome = OpOutcome::Fail;
      op.effective = false;
    }
    free_at[c] = op.complete;
    ops.push_back(std::move(op));
  }
  std::vector<std::size_t> by_effect(ops.size());
  for (std::size_t i = 0; i < ops.size(); ++i) by_effect[i] = i;
  std::stable_sort(by_effect.begin(), by_effect.end(),
                   [&](std::size_t a, std::size_t b) { return ops[a].effect < ops[b].effect; });
  std::map<int, std::optional<std::string>> state;
  for (const std::size_t i : by_effect) {
    GenOp& op = ops[i];
    if (!op.effective) continue;
    std::optional<std::string>& s = state[op.key];
    switch (op.f) {
      case OpFunction::Read:
        op.absent = !s.has_value();
        op.value = s.value_or("");
        break;
      case OpFunction::Write: s = op.value; break;
      case OpFunction::Append: s = s.value_or("") + op.value; break;
      case OpFunction::Cas: break;
    }
  }
  if (corrupt) {
    for (std::size_t i = ops.size() / 2; i < ops.size(); ++i) {
      if (ops[i].f == OpFunction::Read && ops[i].outcome == OpOutcome::Ok && !ops[i].value.empty()) {
        ops[i].value += "z";  // a suffix nobody appended
        break;
      }
    }
  }
  return ops;
}

// Porcupine style (:key, get/put/append, a missing key reads "", no :time) or Jepsen style
// ([key value] tuples, read/write/append, a missing key reads nil, :time in nanoseconds).
std::string kv_edn(const std::vector<GenOp>& ops, bool porcupine) {
  struct Event {
    std::int64_t time;
    bool invoke;
    std::size_t op;
  };
  std::vector<Event> events;
  for (std::size_t i = 0; i < ops.size(); ++i) {
    events.push_back({ops[i].invoke, true, i});
    events.push_back({ops[i].complete, false, i});
  }
  std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
    return a.time != b.time ? a.time < b.time : (a.invoke != b.invoke ? !a.invoke : a.op < b.op);
  });
  std::string out;
  for (const Event& e : events) {
    const GenOp& op = ops[e.op];
    const char* f = op.f == OpFunction::Read    ? (porcupine ? "get" : "read")
                    : op.f == OpFunction::Write ? (porcupine ? "put" : "write")
                                                : "append";
    const char* type = e.invoke                        ? "invoke"
                       : op.outcome == OpOutcome::Ok   ? "ok"
                       : op.outcome == OpOutcome::Fail ? "fail"
                                                       : "info";
    std::string value = "\"" + op.value + "\"";
    if (op.f == OpFunction::Read && (e.invoke || op.outcome != OpOutcome::Ok)) value = "nil";
    if (op.f == OpFunction::Read && !e.invoke && op.outcome == OpOutcome::Ok && op.absent && !porcupine) value = "nil";
    const std::string key = std::to_string(op.key);
    if (porcupine) {
      out += "{:process " + std::to_string(op.process) + ", :type :" + type + ", :f :" + f + ", :key \"" + key +
             "\", :value " + value + "}\n";
    } else {
      out += "{:time " + std::to_string(e.time * 1000) + ", :type :" + type + ", :process " +
             std::to_string(op.process) + ", :f :" + f + ", :value [" + key + " " + value + "]}\n";
    }
  }
  return out;
}

// A register history as a Jepsen log, events in the order write_history_edn writes them.
std::string jepsen_log(const OpHistory& h) {
  struct Event {
    std::int64_t time;
    bool invoke;
    std::size_t op;
  };
  std::vector<Event> events;
  for (std::size_t i = 0; i < h.ops.size(); ++i) {
    events.push_back({h.ops[i].invoke_time, true, i});
    if (h.ops[i].complete_time != kNoTime) events.push_back({h.ops[i].complete_time, false, i});
  }
  std::stable_sort(events.begin(), events.end(), [&](const Event& a, const Event& b) {
    return a.time != b.time ? a.time < b.time : (a.invoke != b.invoke ? !a.invoke : h.ops[a.op].id < h.ops[b.op].id);
  });
  std::string out;
  for (const Event& e : events) {
    const HistoryOp& op = h.ops[e.op];
    const std::string value =
        op.f == OpFunction::Read && (e.invoke || op.outcome != OpOutcome::Ok) ? "nil" : op.value.to_string();
    out += "INFO  jepsen.util - " + std::to_string(op.process) +
           "\t:" + std::string(e.invoke ? "invoke" : to_string(op.outcome)) + "\t:" + std::string(to_string(op.f)) +
           "\t" + value + "\n";
  }
  return out;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// ---- round trips ----------------------------------------------------------------------------

OpHistory run_history(const char* scenario_id, cs::sim::TimeUs until_us) {
  const auto* builtin = cs::scenario::find_builtin(scenario_id);
  Q_ASSERT(builtin);
  const cs::scenario::Scenario s = cs::scenario::load_scenario(builtin->json, scenario_id);
  const auto run = cs::scenario::start_run(s, s.seed);
  run->run_until(until_us);
  return from_sim_history(run->world().history());
}

// The same operations: same process, key, function, values, outcome and times (the EDN carries
// nanoseconds), in the same order.
void compare_histories(const OpHistory& original, const OpHistory& back, std::int64_t time_scale) {
  QCOMPARE(back.ops.size(), original.ops.size());
  for (std::size_t i = 0; i < original.ops.size(); ++i) {
    const HistoryOp& a = original.ops[i];
    const HistoryOp& b = back.ops[i];
    const QByteArray text = QByteArray::fromStdString(describe(a) + " vs " + describe(b));
    const char* where = text.constData();
    QVERIFY2(a.id == b.id, where);
    QVERIFY2(a.process == b.process, where);
    QVERIFY2(a.key == b.key, where);
    QVERIFY2(a.f == b.f, where);
    QVERIFY2(a.outcome == b.outcome, where);
    QVERIFY2(a.value == b.value, where);
    QVERIFY2(a.new_value == b.new_value, where);
    QVERIFY2(b.invoke_time == a.invoke_time * time_scale, where);
    QVERIFY2(b.complete_time == (a.complete_time == kNoTime ? kNoTime : a.complete_time * time_scale), where);
  }
}

void compare_verdicts(const LinearizabilityResult& a, const LinearizabilityResult& b) {
  QCOMPARE(b.verdict, a.verdict);
  QCOMPARE(b.keys.size(), a.keys.size());
  for (std::size_t k = 0; k < a.keys.size(); ++k) {
    QCOMPARE(b.keys[k].key, a.keys[k].key);
    QCOMPARE(b.keys[k].verdict, a.keys[k].verdict);
    QCOMPARE(b.keys[k].operations, a.keys[k].operations);
  }
}

}  // namespace

class TestHistoryEdn : public QObject {
  Q_OBJECT

 private slots:
  void knossosVectorIsRead() {
    const OpHistory h = read_history_edn(kKnossosCas);
    QCOMPARE(h.ops.size(), std::size_t{5});
    QCOMPARE(h.time_unit, std::string("line"));
    QCOMPARE(h.process_noun, std::string("process"));
    QCOMPARE(h.ops[0].f, OpFunction::Write);
    QCOMPARE(h.ops[0].value, Value::of(0));
    QCOMPARE(h.ops[0].invoke_time, std::int64_t{1});
    QCOMPARE(h.ops[0].complete_time, std::int64_t{2});
    const HistoryOp& cas = h.ops[1];
    QCOMPARE(cas.id, std::uint64_t{2});
    QCOMPARE(cas.process, std::int64_t{1});
    QCOMPARE(cas.f, OpFunction::Cas);
    QCOMPARE(cas.value, Value::of(0));
    QCOMPARE(cas.new_value, Value::of(1));
    QCOMPARE(cas.line, std::size_t{4});
    QCOMPARE(h.ops[2].value, Value::of(1));  // the read's result
    QCOMPARE(h.ops[3].outcome, OpOutcome::Fail);
    QCOMPARE(h.ops[4].outcome, OpOutcome::Info);
    QVERIFY(h.ops[0].key.empty());
    QCOMPARE(infer_model(h), Model::CasRegister);
    QCOMPARE(check_linearizability(h, Model::CasRegister).verdict, Verdict::Linearizable);
  }

  void jepsenIndependentKeysAndTimes() {
    const OpHistory h = read_history_edn(kJepsenIndependent);
    QCOMPARE(h.ops.size(), std::size_t{4});
    QCOMPARE(h.time_unit, std::string("ns"));
    QCOMPARE(h.ops[0].key, std::string("1"));
    QCOMPARE(h.ops[0].invoke_time, std::int64_t{1000});
    QCOMPARE(h.ops[0].complete_time, std::int64_t{3000});
    QCOMPARE(h.ops[1].key, std::string("2"));
    QCOMPARE(h.ops[1].value, Value::nil());
    QCOMPARE(h.ops[2].f, OpFunction::Cas);
    QCOMPARE(h.ops[2].key, std::string("1"));
    QCOMPARE(h.ops[2].new_value, Value::of(4));
    QCOMPARE(h.ops[3].value, Value::of(4));
    const LinearizabilityResult r = check_linearizability(h, infer_model(h));
    QCOMPARE(r.verdict, Verdict::Linearizable);
    QCOMPARE(r.keys.size(), std::size_t{2});
    // The same history with the cas's effect contradicted: key 1 is not linearizable, key 2 is.
    std::string bad = kJepsenIndependent;
    bad.replace(bad.rfind("[1 4]"), 5, "[1 3]");
    const LinearizabilityResult rb = check_linearizability(read_history_edn(bad), Model::CasRegister);
    QCOMPARE(rb.verdict, Verdict::NotLinearizable);
    QCOMPARE(rb.keys[0].verdict, Verdict::NotLinearizable);
    QCOMPARE(rb.keys[1].verdict, Verdict::Linearizable);
  }

  void porcupineKeyValue() {
    const OpHistory h = read_history_edn(kPorcupineKv);
    QCOMPARE(h.ops.size(), std::size_t{5});
    QCOMPARE(h.ops[0].key, std::string("1"));
    QCOMPARE(h.ops[0].value, Value::nil());  // Porcupine's "" for a missing key
    QCOMPARE(h.ops[1].f, OpFunction::Append);
    QCOMPARE(h.ops[2].f, OpFunction::Write);  // put
    QCOMPARE(infer_model(h), Model::Kv);
    // The first get read "" from a key nobody had written: in Porcupine's data that is absence.
    QCOMPARE(check_linearizability(h, Model::Kv).verdict, Verdict::Linearizable);
    // Elsewhere the empty text is a text: a Jepsen-style read of "" from that key is a violation.
    QCOMPARE(check_linearizability(read_history_edn("{:process 0, :type :invoke, :f :read, :value [1 nil]}\n"
                                                    "{:process 0, :type :ok, :f :read, :value [1 \"\"]}\n"),
                                   Model::Kv)
                 .verdict,
             Verdict::NotLinearizable);
    std::string bad = kPorcupineKv;
    bad.replace(bad.rfind("x 1 0 yx 0 1 y"), 14, "x 0 1 yx 1 0 y");  // the appends in the other order
    QCOMPARE(check_linearizability(read_history_edn(bad), Model::Kv).verdict, Verdict::NotLinearizable);
  }

  void formatIsRecognised() {
    QCOMPARE(detect_format("{:process 0, :type :invoke}"), HistoryFormat::Edn);
    QCOMPARE(detect_format("\n[{:process 0}]"), HistoryFormat::Edn);
    QCOMPARE(detect_format("  \n{\"format\": 1}"), HistoryFormat::Json);
    QCOMPARE(detect_format("INFO  jepsen.util - 0\t:invoke\t:read\tnil"), HistoryFormat::Jepsen);
    QCOMPARE(format_from_name("edn"), std::optional<HistoryFormat>(HistoryFormat::Edn));
    QCOMPARE(to_string(HistoryFormat::Edn), std::string_view("edn"));
    QCOMPARE(read_history(kPorcupineKv).ops.size(), std::size_t{5});
  }

  void errorsNameTheLine() {
    const std::string open = "{:process 0, :type :invoke, :f :write, :value 1}\n";
    QCOMPARE(edn_error(open + "{:process 0, :type :done, :f :write, :value 1}\n"),
             std::string("line 2: unknown :type :done (:invoke, :ok, :fail, :info)"));
    QVERIFY(edn_error(open + "{:process 1, :type :ok, :f :write, :value 1}").find("line 2: process 1 completes") == 0);
    QVERIFY(edn_error(open + "{:process 0, :type :invoke, :f :read, :value nil}")
                .find("line 2: process 0 invokes again while its operation from line 1") == 0);
    QVERIFY(edn_error(open + "{:process 0, :type :ok, :f :read, :value 1}").find("line 2: process 0 completes :read") ==
            0);
    QVERIFY(edn_error(open + "{:process 0, :type :ok, :f :write, :value 2}").find("not the value it invoked with") !=
            std::string::npos);
    QVERIFY(
        edn_error("\n\n{:process 0, :type :invoke, :f :txn, :value [[:r 1 nil]]}").find("line 3: unknown :f :txn") ==
        0);
    QVERIFY(edn_error("{:process 0, :type :invoke, :f :cas, :value 4}").find("line 1: :cas needs [old new]") == 0);
    QVERIFY(edn_error("{:process 0, :type :invoke, :f :write, :value nil}").find("line 1: :write needs a value") == 0);
    QVERIFY(edn_error("{:process 0, :type :invoke, :f :write, :value 1.5}").find("line 1: :write 1.5: values are") ==
            0);
    QVERIFY(edn_error("{:type :invoke, :f :read}").find("line 1: no :process") == 0);
    QVERIFY(edn_error("{:process \"a\", :type :invoke, :f :read}").find("line 1: :process is an integer") == 0);
    QVERIFY(edn_error("{:process 0, :f :read}").find("line 1: no :type") == 0);
    // Syntax: the line where the broken value starts.
    QVERIFY(edn_error(open + "{:process 0, :type :ok, :f :write, :value 1\n").find("line 2: no '}' closes") == 0);
    QVERIFY(edn_error(open + "\n{:process 0 :type}").find("line 3: a map needs a value for every key") == 0);
    QVERIFY(edn_error("{:process 0, :type :invoke, :f :write, :value \"abc}").find("line 1: a string is not closed") ==
            0);
    QVERIFY(edn_error(open + "]").find("line 2: unexpected ']'") == 0);
    QVERIFY(edn_error("[{:process 0, :type :invoke, :f :read, :value nil}").find("no ']' closes the vector") !=
            std::string::npos);
    QVERIFY(edn_error("42").find("line 1: expected an operation") == 0);
    QVERIFY(edn_error("{:process 0, :type :invoke, :f :write, :value 99999999999999999999}").find("out of range") !=
            std::string::npos);
    // Keys: all operations name one or none does; a completion stays on its key.
    QVERIFY(edn_error("{:process 0, :type :invoke, :f :write, :value [1 2]}\n"
                      "{:process 1, :type :invoke, :f :write, :value 3}")
                .find("line 2: names no key, but the operation on line 1 does") == 0);
    QVERIFY(edn_error("{:process 0, :type :invoke, :f :read, :value [1 nil]}\n"
                      "{:process 0, :type :ok, :f :read, :value [2 5]}")
                .find("line 2: process 0 completes with [2 5], not on the key it invoked on line 1") == 0);
    // Times: on every event or none, never going back.
    QVERIFY(edn_error("{:process 0, :type :invoke, :f :write, :value 1, :time 5}\n"
                      "{:process 0, :type :ok, :f :write, :value 1}")
                .find("line 2: has no :time, but the event on line 1 has one") == 0);
    QVERIFY(edn_error("{:process 0, :type :invoke, :f :write, :value 1, :time 5}\n"
                      "{:process 0, :type :ok, :f :write, :value 1, :time 4}")
                .find("line 2: :time 4 is before the 5 on line 1") == 0);
    QVERIFY(edn_error("{:process 0, :type :invoke, :f :write, :value 1, :time -5}").find("line 1: :time is a whole") ==
            0);
  }

  void ednSyntaxItDoesNotUse() {
    // Tagged values, sets, lists, characters, discarded forms and escapes are read and skipped.
    const OpHistory h = read_history_edn(
        "#jepsen.history.Op{:process 0, :type :invoke, :f :write, :value \"a\\\"b\\\\c\\n\\u00e9\",\n"
        "  :at #inst \"2024-01-01T00:00:00Z\", :tags #{:a \\b (1 2)}, #_ :skipped #_ 1 #_ {:a [1 2]}}\n"
        "{:process 0, :type :ok, :f :write, :value \"a\\\"b\\\\c\\n\\u00e9\"}\n");
    QCOMPARE(h.ops.size(), std::size_t{1});
    QCOMPARE(h.ops[0].value, Value::of_text("a\"b\\c\n\xc3\xa9"));
    QCOMPARE(h.ops[0].complete_time, std::int64_t{3});
    QCOMPARE(read_history_edn("").ops.size(), std::size_t{0});
    // Nesting is bounded (the reader recurses once per level), discarded forms included.
    QVERIFY(edn_error(std::string(100, '[')).find("line 1: values nested more than 64 deep") == 0);
    std::string discards;
    for (int i = 0; i < 100; ++i) discards += "#_";
    QVERIFY(edn_error(discards + "1").find("nested more than 64 deep") != std::string::npos);
    QCOMPARE(read_history_edn("[]").ops.size(), std::size_t{0});
  }

  void runHistoriesRoundTrip() {
    // A run that is not linearizable (reads from a lagging replica) and one that is (a quorum).
    int not_linearizable = 0;
    int not_ok = 0;
    for (const char* id : {"async-lag-stale-read", "quorum-strict", "split-brain-unfenced"}) {
      const OpHistory original = run_history(id, cs::sim::seconds(10));
      QVERIFY(original.ops.size() > 20);
      std::ostringstream out;
      write_history_edn(original, out);
      const std::string text = out.str();
      QCOMPARE(detect_format(text), HistoryFormat::Edn);
      const OpHistory back = read_history_edn(text);
      QCOMPARE(back.time_unit, std::string("ns"));
      compare_histories(original, back, 1000);
      if (QTest::currentTestFailed()) return;
      const LinearizabilityResult a = check_linearizability(original, Model::Register);
      const LinearizabilityResult b = check_linearizability(back, infer_model(back));
      compare_verdicts(a, b);
      if (QTest::currentTestFailed()) return;
      not_linearizable += a.verdict == Verdict::NotLinearizable ? 1 : 0;
      not_ok += static_cast<int>(std::count_if(original.ops.begin(), original.ops.end(),
                                               [](const HistoryOp& op) { return op.outcome != OpOutcome::Ok; }));
    }
    QVERIFY(not_linearizable >= 1);  // the verdicts compared include a violation
    QVERIFY(not_ok >= 1);            // and operations that failed or crashed
  }

  void writtenTextCasAndRegistersRoundTrip() {
    OpHistory h;
    h.time_unit = "line";  // no :time: the order of lines is the order of events
    const auto add = [&h](std::int64_t process, std::string key, OpFunction f, Value v, Value nv, OpOutcome o,
                          std::int64_t invoke, std::int64_t complete) {
      HistoryOp op;
      op.id = h.ops.size() + 1;
      op.process = process;
      op.key = std::move(key);
      op.f = f;
      op.value = std::move(v);
      op.new_value = std::move(nv);
      op.outcome = o;
      op.invoke_time = invoke;
      op.complete_time = complete;
      h.ops.push_back(std::move(op));
    };
    add(1, "cart", OpFunction::Write, Value::of_text("a\"b\\c\nd\te"), {}, OpOutcome::Ok, 1, 2);
    add(2, "007", OpFunction::Append, Value::of_text("x"), {}, OpOutcome::Info, 3, kNoTime);
    add(3, "cart", OpFunction::Read, Value::of_text("a\"b\\c\nd\te"), {}, OpOutcome::Ok, 4, 6);
    add(4, "12", OpFunction::Cas, Value::of(1), Value::of(2), OpOutcome::Fail, 5, 7);
    std::ostringstream out;
    write_history_edn(h, out);
    QVERIFY(out.str().find(":time") == std::string::npos);
    QVERIFY(out.str().find(":value [\"007\" \"x\"]") != std::string::npos);  // not the integer 7
    QVERIFY(out.str().find(":value [12 [1 2]]") != std::string::npos);
    const OpHistory back = read_history_edn(out.str());
    QCOMPARE(back.ops.size(), h.ops.size());
    for (std::size_t i = 0; i < h.ops.size(); ++i) {
      QCOMPARE(back.ops[i].key, h.ops[i].key);
      QCOMPARE(back.ops[i].f, h.ops[i].f);
      QCOMPARE(back.ops[i].value, h.ops[i].value);
      QCOMPARE(back.ops[i].new_value, h.ops[i].new_value);
      QCOMPARE(back.ops[i].outcome, h.ops[i].outcome);
    }
    QCOMPARE(back.ops[1].complete_time, kNoTime);  // never completed: no completion line
    // One unnamed register: plain values, as Knossos keeps them.
    OpHistory reg;
    reg.ops.push_back(h.ops[3]);
    reg.ops[0].key.clear();
    std::ostringstream plain;
    write_history_edn(reg, plain);
    QVERIFY(plain.str().find(":value [1 2]}") != std::string::npos);
    QCOMPARE(read_history_edn(plain.str()).ops[0].key, std::string());
  }

  void fiftyClientKvHistoryIsFast() {
    // 5,000 operations of 50 clients on 10 keys (1% crashed, 2% failed), in both styles, for
    // eight seeds of the generator; the figure is load + check. The load is this reader's (about
    // 10 ms); the check is the search's. Without the look-ahead (an order of appends that one of the
    // next reads rules out is dropped as soon as it is tried) these seeds took from 0.04 s to 3.6 s;
    // with it, at most about 0.06 s here.
    double worst_s = 0;
    for (std::uint64_t seed = 1; seed <= 8; ++seed) {
      for (const bool porcupine : {true, false}) {
        const std::string text = kv_edn(kv_ops(5'000, 50, 10, seed, false), porcupine);
        const auto start = std::chrono::steady_clock::now();
        const OpHistory h = read_history(text);
        const double load_s = seconds_since(start);
        const LinearizabilityResult r = check_linearizability(h, infer_model(h));
        const double total_s = seconds_since(start);
        worst_s = std::max(worst_s, total_s);
        qInfo("seed %llu, %s style: %zu operations on %zu keys: load %.1f ms, load and check %.1f ms, %llu steps",
              static_cast<unsigned long long>(seed), porcupine ? "Porcupine" : "Jepsen", h.ops.size(), r.keys.size(),
              load_s * 1e3, total_s * 1e3, static_cast<unsigned long long>(r.steps));
        QCOMPARE(h.ops.size(), std::size_t{5'000});
        QCOMPARE(r.model, Model::Kv);
        QCOMPARE(r.keys.size(), std::size_t{10});
        QCOMPARE(r.verdict, Verdict::Linearizable);
#ifdef NDEBUG  // the figures are for an optimised build; the sanitizer build only checks the verdicts
        QVERIFY2(load_s < 0.1, qPrintable(QString("loading took %1 s").arg(load_s)));
        QVERIFY2(total_s < 0.5, qPrintable(QString("seed %1: load and check took %2 s").arg(seed).arg(total_s)));
#endif
        // The generator can make a broken history too, and the checker finds it, in time too.
        [[maybe_unused]] const auto broken_start = std::chrono::steady_clock::now();
        const OpHistory broken = read_history(kv_edn(kv_ops(5'000, 50, 10, seed, true), porcupine));
        QCOMPARE(check_linearizability(broken, Model::Kv).verdict, Verdict::NotLinearizable);
#ifdef NDEBUG
        const double broken_s = seconds_since(broken_start);
        QVERIFY2(broken_s < 0.5, qPrintable(QString("seed %1: the broken history took %2 s").arg(seed).arg(broken_s)));
#endif
      }
    }
    qInfo("slowest of 16: %.1f ms", worst_s * 1e3);
  }

  void theLookAheadPrunesAndAgrees() {
    // The look-ahead changes how many steps the search takes, never the verdict.
    const OpHistory h = read_history(kv_edn(kv_ops(2'000, 50, 10, 3, false), false));
    const OpHistory broken = read_history(kv_edn(kv_ops(2'000, 50, 10, 3, true), false));
    CheckBudget plain;
    plain.look_ahead_reads = false;
    const LinearizabilityResult with = check_linearizability(h, Model::Kv);
    const LinearizabilityResult without = check_linearizability(h, Model::Kv, plain);
    qInfo("2,000 operations: %llu steps with the look-ahead, %llu without", static_cast<unsigned long long>(with.steps),
          static_cast<unsigned long long>(without.steps));
    QCOMPARE(with.verdict, Verdict::Linearizable);
    QCOMPARE(without.verdict, Verdict::Linearizable);
    QVERIFY(with.steps < without.steps);
    QCOMPARE(check_linearizability(broken, Model::Kv).verdict, Verdict::NotLinearizable);
    QCOMPARE(check_linearizability(broken, Model::Kv, plain).verdict, Verdict::NotLinearizable);
  }

  void ednLoadsAsFastAsAJepsenLog() {
    // The same 5,000-operation register history of 50 processes, as a Jepsen log and as EDN: both
    // read back to the same operations, and the EDN reader is not the slow one.
    const OpHistory h = cs::bench::linearizable_register_history(5'000, 50, 5, 11);
    std::ostringstream edn;
    write_history_edn(h, edn);
    const std::string log = jepsen_log(h);
    double jepsen_s = 1e9;
    double edn_s = 1e9;
    OpHistory from_log;
    OpHistory from_edn;
    for (int run = 0; run < 3; ++run) {  // the best of three, against the shared machine's noise
      auto start = std::chrono::steady_clock::now();
      from_log = read_jepsen_log(log);
      jepsen_s = std::min(jepsen_s, seconds_since(start));
      start = std::chrono::steady_clock::now();
      from_edn = read_history_edn(edn.str());
      edn_s = std::min(edn_s, seconds_since(start));
    }
    qInfo("5,000 operations: Jepsen log read in %.2f ms, EDN in %.2f ms", jepsen_s * 1e3, edn_s * 1e3);
    compare_histories(from_log, from_edn, 1);
#ifdef NDEBUG
    QVERIFY2(edn_s < 0.1, qPrintable(QString("reading 5,000 operations of EDN took %1 s").arg(edn_s)));
#endif
  }
};

QTEST_APPLESS_MAIN(TestHistoryEdn)
#include "test_history_edn.moc"
