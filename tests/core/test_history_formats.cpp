// Reading histories: the JSON format the simulator writes (read back exactly), the Jepsen/Knossos
// log, and the errors a person gets for a broken file (with the line).
#include <QtTest>

#include <sstream>

#include "check/history_formats.h"
#include "check/linearizability.h"
#include "ping_protocol.h"
#include "scenario/run_report.h"
#include "sim/simulation.h"

using namespace cs::check;

namespace {

constexpr const char* kJepsenLog =
    "INFO  jepsen.core - Worker 0 starting\n"
    "INFO  jepsen.util - 0\t:invoke\t:write\t3\n"
    "INFO  jepsen.util - 1\t:invoke\t:read\tnil\n"
    "INFO  jepsen.util - 0\t:ok\t:write\t3\n"
    "INFO  jepsen.util - :nemesis\t:info\t:start\tnil\n"
    "\n"
    "INFO  jepsen.util - 1\t:ok\t:read\t3\n"
    "INFO  jepsen.util - 2\t:invoke\t:cas\t[3 -4]\n"
    "INFO  jepsen.util - 2\t:fail\t:cas\t[3 -4]\n"
    "INFO  jepsen.util - 0\t:invoke\t:write\t1\n"
    "INFO  jepsen.util - 0\t:info\t:write\t:timed-out\n"
    "INFO  jepsen.util - 1\t:invoke\t:read\tnil\n"
    "INFO  jepsen.util - 1\t:fail\t:read\t:timed-out\n"
    "INFO  jepsen.util - 5\t:invoke\t:cas\t[1 2]\n";

std::string jepsen_error(const std::string& text) {
  try {
    read_jepsen_log(text);
  } catch (const HistoryFormatError& e) {
    return e.what();
  }
  return "no error";
}

std::string json_error(const std::string& text) {
  try {
    read_history_json(text);
  } catch (const HistoryFormatError& e) {
    return e.what();
  }
  return "no error";
}

// A history file around one operation object, each key on its own line (line 1 is "{").
std::string one_op_file(const std::string& op) {
  return "{\n\"format\": \"clusterscope-history\",\n\"version\": 1,\n\"operations\": [\n" + op + "\n]\n}\n";
}

}  // namespace

class TestHistoryFormats : public QObject {
  Q_OBJECT

 private slots:
  void jepsenLogIsRead() {
    const OpHistory h = read_jepsen_log(kJepsenLog);
    QCOMPARE(h.ops.size(), std::size_t{6});
    QCOMPARE(h.time_unit, std::string("line"));
    const HistoryOp& w = h.ops[0];
    QCOMPARE(w.id, std::uint64_t{1});
    QCOMPARE(w.process, std::int64_t{0});
    QCOMPARE(w.f, OpFunction::Write);
    QCOMPARE(w.value, Value::of(3));
    QCOMPARE(w.outcome, OpOutcome::Ok);
    QCOMPARE(w.invoke_time, std::int64_t{2});
    QCOMPARE(w.complete_time, std::int64_t{4});
    QCOMPARE(w.line, std::size_t{2});
    const HistoryOp& r = h.ops[1];
    QCOMPARE(r.f, OpFunction::Read);
    QCOMPARE(r.value, Value::of(3));
    QCOMPARE(r.complete_time, std::int64_t{7});
    const HistoryOp& c = h.ops[2];
    QCOMPARE(c.f, OpFunction::Cas);
    QCOMPARE(c.value, Value::of(3));
    QCOMPARE(c.new_value, Value::of(-4));
    QCOMPARE(c.outcome, OpOutcome::Fail);
    QCOMPARE(h.ops[3].outcome, OpOutcome::Info);  // :info :timed-out
    QCOMPARE(h.ops[3].value, Value::of(1));       // the value it was invoked with
    QCOMPARE(h.ops[4].outcome, OpOutcome::Fail);  // a read that timed out did not happen
    QCOMPARE(h.ops[5].outcome, OpOutcome::Info);  // still open at the end: crashed
    QCOMPARE(h.ops[5].complete_time, kNoTime);
    QCOMPARE(infer_model(h), Model::CasRegister);
    QCOMPARE(check_linearizability(h, Model::CasRegister).verdict, Verdict::Linearizable);
  }

  void jepsenLineVariants() {
    // Bare events, and the "jepsen.util:" form of other Jepsen versions.
    const OpHistory h = read_jepsen_log(
        "0 :invoke :write 1\r\n"
        "2024-01-01 12:00:00,000{GMT}\tINFO\t[jepsen worker 0] jepsen.util: 0\t:ok\t:write\t1\n"
        "  1\t:invoke\t:read\tnil  \n"
        "1 :ok :read 1\n");
    QCOMPARE(h.ops.size(), std::size_t{2});
    QCOMPARE(h.ops[0].outcome, OpOutcome::Ok);
    QCOMPARE(h.ops[1].value, Value::of(1));
  }

  void jepsenErrorsNameTheLine() {
    const std::string prefix = "INFO  jepsen.util - 0\t:invoke\t:write\t1\n";
    QCOMPARE(jepsen_error(prefix + "INFO  jepsen.util - 0\t:done\t:write\t1\n").substr(0, 28),
             std::string("line 2: unknown type \":done\""));
    QVERIFY(jepsen_error(prefix + "INFO  jepsen.util - 1\t:ok\t:write\t1\n").find("line 2: process 1 completes") == 0);
    QVERIFY(
        jepsen_error(prefix + "INFO  jepsen.util - 0\t:invoke\t:read\tnil\n").find("line 2: process 0 invokes again") ==
        0);
    QVERIFY(jepsen_error(prefix + "INFO  jepsen.util - 0\t:ok\t:read\t1\n").find("line 2: process 0 completes :read") ==
            0);
    QVERIFY(jepsen_error(prefix + "INFO  jepsen.util - 0\t:ok\t:write\t2\n").find("not the value it invoked with") !=
            std::string::npos);
    QVERIFY(jepsen_error("INFO  jepsen.util - 0\t:invoke\t:write\tfour\n").find("line 1: bad value") == 0);
    QVERIFY(jepsen_error("INFO  jepsen.util - 0\t:invoke\t:cas\t4\n").find("line 1: :cas needs [old new]") == 0);
    QVERIFY(jepsen_error("\n\nINFO  jepsen.util - 0\t:invoke\t:append\t4\n").find("line 3: unknown function") == 0);
    QVERIFY(jepsen_error("hello\n").find("line 1: expected PROCESS TYPE FUNCTION VALUE") == 0);
    QVERIFY(jepsen_error("x :invoke :read nil\n").find("line 1: process \"x\"") == 0);
  }

  void simulatorHistoryRoundTrips() {
    // Clients against ping nodes (every reply ok, reads return 7), with timeouts from losses.
    test::PingOptions o;
    o.link.latency_us = 2'000;
    o.link.loss = 0.2;
    o.workload.clients = 3;
    o.workload.key_count = 4;
    o.workload.think_time_us = 20'000;
    o.workload.timeout_us = 30'000;
    cs::sim::Simulation sim(test::ping_world(o));
    sim.run_until(cs::sim::seconds(3));
    const auto& sim_ops = sim.world().history().ops();
    QVERIFY(sim_ops.size() > 50);

    std::ostringstream json;
    cs::scenario::write_history_json(sim.world(), json);
    const OpHistory read = read_history_json(json.str());
    const OpHistory direct = from_sim_history(sim.world().history());
    QCOMPARE(read.ops.size(), direct.ops.size());
    int crashed = 0;
    for (std::size_t i = 0; i < read.ops.size(); ++i) {
      const HistoryOp& a = read.ops[i];
      const HistoryOp& b = direct.ops[i];
      QCOMPARE(a.id, b.id);
      QCOMPARE(a.process, b.process);
      QCOMPARE(a.key, b.key);
      QCOMPARE(a.f, b.f);
      QCOMPARE(a.value, b.value);
      QCOMPARE(a.outcome, b.outcome);
      QCOMPARE(a.invoke_time, b.invoke_time);
      QCOMPARE(a.complete_time, b.complete_time);
      QVERIFY(a.line > 0);
      crashed += a.outcome == OpOutcome::Info;
    }
    QVERIFY(crashed > 0);  // the loss made some time out, and pending ones at the end count too
    // Reads return 7, which nobody wrote: both sources must say so alike.
    QCOMPARE(check_linearizability(read, Model::Register).verdict, Verdict::NotLinearizable);
    QCOMPARE(check_linearizability(direct, Model::Register).offending_ops(),
             check_linearizability(read, Model::Register).offending_ops());
  }

  void jsonFormatExtensions() {
    const OpHistory h = read_history_json(R"({"format": "clusterscope-history", "version": 1, "model": "kv",
      "operations": [
        {"id": 1, "client": 1, "f": "put", "key": "cart", "value": "a", "invoke_us": 0, "complete_us": 5, "status": "ok"},
        {"id": 2, "client": 2, "f": "append", "key": "cart", "value": "b", "invoke_us": 1, "status": "info"},
        {"id": 3, "client": 3, "f": "get", "key": "cart", "value": "ab", "invoke_us": 10, "complete_us": 12, "status": "ok"},
        {"id": 4, "client": 1, "f": "cas", "key": 7, "value": [null, 2], "invoke_us": 20, "complete_us": 30, "status": "fail"}
      ]})");
    QCOMPARE(h.model_name.value_or(""), std::string("kv"));
    QCOMPARE(h.ops.size(), std::size_t{4});
    QCOMPARE(h.ops[0].f, OpFunction::Write);
    QCOMPARE(h.ops[0].value, Value::of_text("a"));
    QCOMPARE(h.ops[1].complete_time, kNoTime);
    QCOMPARE(h.ops[2].f, OpFunction::Read);
    QCOMPARE(h.ops[2].line, std::size_t{5});
    QCOMPARE(h.ops[3].key, std::string("7"));
    QCOMPARE(h.ops[3].value, Value::nil());
    QCOMPARE(h.ops[3].new_value, Value::of(2));
  }

  void jsonErrorsNameTheLine() {
    QVERIFY(json_error("{\n\"format\": \"clusterscope-history\",\n\"version\": 1,\n\"operations\": [\n}")
                .find("line 5: column") == 0);
    const std::string good =
        "{\"id\": 1,\n\"client\": 1,\n\"f\": \"write\",\n\"value\": 3,\n\"invoke_us\": 0,\n\"complete_us\": 4,\n"
        "\"status\": \"ok\"}";
    QCOMPARE(json_error(one_op_file(good)), std::string("no error"));
    const auto with = [&](const std::string& from, const std::string& to) {
      std::string op = good;
      op.replace(op.find(from), from.size(), to);
      return json_error(one_op_file(op));
    };
    QCOMPARE(with("\"status\": \"ok\"", "\"status\": \"done\""),
             std::string("line 5: /operations/0/status: unknown status \"done\" (ok, fail, info)"));
    QCOMPARE(with("\"value\": 3", "\"valeu\": 3"), std::string("line 5: /operations/0/value: a write needs a value"));
    QVERIFY(with("\"value\": 3", "\"value\": 3, \"colour\": 1").find("line 5: /operations/0/colour: unknown key") == 0);
    QVERIFY(with("\"complete_us\": 4", "\"complete_us\": -1").find("needs a completion time") != std::string::npos);
    QVERIFY(with("\"f\": \"write\"", "\"f\": \"delete\"").find("unknown function") != std::string::npos);
    QVERIFY(with("\"f\": \"write\"", "\"f\": \"cas\"").find("a cas needs [expected, new]") != std::string::npos);
    QVERIFY(json_error(R"({"format": "other", "version": 1, "operations": []})").find("/format") == 0);
    QVERIFY(json_error(R"({"format": "clusterscope-history", "version": 2, "operations": []})").find("/version") == 0);
    // The second operation of a file, on its own line, reused id: the error points there.
    const std::string two =
        "{\"format\": \"clusterscope-history\", \"version\": 1, \"operations\": [\n" + good + ",\n" + good + "\n]}";
    QVERIFY(json_error(two).find("line 9: /operations/1/id: id 1 is used twice") == 0);
  }

  void formatIsDetected() {
    QCOMPARE(detect_format("  \n{\"format\": 1}"), HistoryFormat::Json);
    QCOMPARE(detect_format("INFO  jepsen.util - 0\t:invoke\t:read\tnil"), HistoryFormat::Jepsen);
    QCOMPARE(read_history(kJepsenLog).ops.size(), std::size_t{6});
    QCOMPARE(format_from_name("jepsen"), std::optional<HistoryFormat>(HistoryFormat::Jepsen));
    QVERIFY(!format_from_name("xml").has_value());
  }
};

QTEST_APPLESS_MAIN(TestHistoryFormats)
#include "test_history_formats.moc"
