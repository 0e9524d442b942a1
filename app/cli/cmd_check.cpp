// `check`: is each history file linearizable? One line per file (a not-linearizable one followed by
// where, indented), or a JSON array with --json. --explain adds, for each key that is not
// linearizable, a minimal witness (check/witness.h): its operations and one sentence. Exit 2 if
// any input was bad, else 1 if any history is not linearizable, else 3 if any verdict is unknown,
// else 0. The clock for --budget-ms is read here, in the tool; the core only calls it.
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "check/explain.h"
#include "check/history_formats.h"
#include "check/linearizability.h"
#include "check/witness.h"
#include "cli_args.h"
#include "commands.h"
#include "usage.h"

namespace cs::cli {

namespace {

constexpr int kExitUnknown = 3;
constexpr std::uint64_t kDefaultBudgetMs = 60'000;

using Json = nlohmann::ordered_json;

struct FileReport {
  std::string path;
  std::optional<std::string> error;  // bad input: unreadable, malformed, or not for the model
  std::size_t line = 0;              // of the error, when one line is to blame
  check::HistoryFormat format = check::HistoryFormat::Json;
  check::Model model = check::Model::Register;
  check::OpHistory history;
  check::LinearizabilityResult result;
  std::vector<check::Witness> witnesses;  // with --explain: one per key that is not linearizable
};

struct Options {
  std::optional<check::Model> model;
  std::optional<check::HistoryFormat> format;
  std::uint64_t budget_ms = kDefaultBudgetMs;
  bool explain = false;
};

std::optional<std::string> read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::int64_t steady_now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

FileReport check_file(const std::string& path, const Options& options) {
  FileReport report;
  report.path = path;
  const auto text = read_text(path);
  if (!text) {
    report.error = "cannot be read";
    return report;
  }
  try {
    // The option wins; then the extension (an .edn file is EDN even if it does not look like it, so
    // that its errors are EDN's); then the content.
    const bool edn_name = path.size() >= 4 && path.compare(path.size() - 4, 4, ".edn") == 0;
    report.format = options.format.value_or(edn_name ? check::HistoryFormat::Edn : check::detect_format(*text));
    report.history = check::read_history(*text, report.format);
  } catch (const check::HistoryFormatError& e) {
    report.error = e.what();
    report.line = e.line();
    return report;
  }
  // The command line's model wins over the file's own, which wins over a guess from the content.
  if (options.model) {
    report.model = *options.model;
  } else if (report.history.model_name) {
    report.model = *check::model_from_name(*report.history.model_name);
  } else {
    report.model = check::infer_model(report.history);
  }
  if (const auto mismatch = check::unsupported_operation(report.model, report.history)) {
    report.error = (mismatch->line > 0 ? "line " + std::to_string(mismatch->line) + ": " : "") + mismatch->message;
    report.line = mismatch->line;
    return report;
  }
  check::CheckBudget budget;
  // One time budget per file: what the check leaves, the witnesses may use.
  const std::int64_t budget_ns = static_cast<std::int64_t>(options.budget_ms) * 1'000'000;
  const std::int64_t deadline_ns = steady_now_ns() + budget_ns;
  if (options.budget_ms > 0) {
    budget.max_time_ns = budget_ns;
    budget.now_ns = steady_now_ns;
  }
  try {
    report.result = check::check_linearizability(report.history, report.model, budget);
  } catch (const std::invalid_argument& e) {
    report.error = e.what();
    return report;
  }
  if (options.explain && report.result.verdict == check::Verdict::NotLinearizable) {
    check::WitnessBudget wb;
    if (options.budget_ms > 0) {
      // At least a millisecond: a check that used up the time still names which budget ran out.
      wb.max_time_ns = std::max<std::int64_t>(1'000'000, deadline_ns - steady_now_ns());
      wb.now_ns = steady_now_ns;
    }
    report.witnesses = check::find_witnesses(report.history, report.result, wb);
  }
  return report;
}

Json value_json(const check::Value& v) {
  switch (v.kind) {
    case check::Value::Kind::Nil: return nullptr;
    case check::Value::Kind::Int: return v.integer;
    case check::Value::Kind::Text: return v.text;
  }
  return nullptr;
}

std::optional<std::uint64_t> id_of(const check::OpHistory& history, std::size_t index) {
  if (index == check::kNoOp) return std::nullopt;
  return history.ops.at(index).id;
}

Json witness_json(const check::OpHistory& history, const check::Witness& w) {
  Json ops = Json::array();
  for (const std::size_t i : w.ops) {
    const check::HistoryOp& op = history.ops.at(i);
    Json o;
    o["id"] = op.id;
    o["process"] = op.process;
    o["type"] = std::string(check::to_string(op.outcome));
    o["f"] = std::string(check::to_string(op.f));
    if (op.f == check::OpFunction::Cas) {
      o["value"] = Json::array({value_json(op.value), value_json(op.new_value)});
    } else if (op.f != check::OpFunction::Read || op.outcome == check::OpOutcome::Ok) {
      o["value"] = value_json(op.value);
    }
    o["invoke"] = op.invoke_time;
    o["complete"] = op.complete_time == check::kNoTime ? Json(nullptr) : Json(op.complete_time);
    if (op.line > 0) o["line"] = op.line;
    ops.push_back(o);
  }
  Json j;
  j["ops"] = ops;
  j["time_unit"] = history.time_unit;
  j["kind"] = std::string(check::to_string(w.kind));
  j["sentence"] = w.sentence;
  if (const auto id = id_of(history, w.blocking)) j["blocking_op"] = *id;
  if (const auto id = id_of(history, w.conflicting)) j["conflicting_op"] = *id;
  j["budget_exhausted"] = w.budget_exhausted;
  if (w.budget_exhausted) j["exhausted_reason"] = w.exhausted_reason;
  j["steps"] = w.steps;
  j["checks"] = w.checks;
  return j;
}

const check::Witness* witness_for(const FileReport& r, const std::string& key) {
  for (const auto& w : r.witnesses) {
    if (w.key == key) return &w;
  }
  return nullptr;
}

Json key_json(const FileReport& r, const check::KeyResult& k) {
  Json j;
  j["key"] = k.key;
  j["result"] = std::string(check::to_string(k.verdict));
  j["operations"] = k.operations;
  j["completed"] = k.completed;
  j[k.verdict == check::Verdict::Linearizable ? "order" : "longest_prefix"] = k.order;
  j["value"] = k.value_after_order.to_string();
  if (k.verdict == check::Verdict::NotLinearizable) {
    j["blocking_op"] = k.blocking_op;
    j["stuck_ops"] = k.stuck_ops;
  }
  if (k.verdict == check::Verdict::Unknown) j["unknown_reason"] = k.unknown_reason;
  j["steps"] = k.steps;
  if (const check::Witness* w = witness_for(r, k.key)) j["witness"] = witness_json(r.history, *w);
  return j;
}

Json report_json(const FileReport& r) {
  Json j;
  j["path"] = r.path;
  if (r.error) {
    j["result"] = "error";
    j["error"] = *r.error;
    if (r.line > 0) j["line"] = r.line;
    return j;
  }
  j["result"] = std::string(check::to_string(r.result.verdict));
  j["format"] = std::string(check::to_string(r.format));
  j["model"] = std::string(check::to_string(r.model));
  j["operations"] = r.result.operations;
  j["steps"] = r.result.steps;
  j["where"] = r.result.verdict == check::Verdict::Linearizable ? std::vector<std::string>{}
                                                                : check::explain(r.result, r.history);
  Json keys = Json::array();
  for (const auto& k : r.result.keys) keys.push_back(key_json(r, k));
  j["keys"] = keys;
  return j;
}

void print_text(const FileReport& r) {
  if (r.error) {
    std::cout << r.path << ": error: " << *r.error << '\n';
    return;
  }
  std::cout << r.path << ": " << check::to_string(r.result.verdict) << '\n';
  if (r.result.verdict != check::Verdict::NotLinearizable) return;
  for (const auto& line : check::explain(r.result, r.history)) std::cout << "  " << line << '\n';
  for (const auto& w : r.witnesses) {
    std::cout << "  witness for " << (w.key.empty() ? std::string("the register") : "key " + w.key) << " ("
              << w.ops.size() << " operations";
    if (w.budget_exhausted) std::cout << "; the " << w.exhausted_reason << " ran out, so it may not be minimal";
    std::cout << "):\n";
    for (const std::size_t i : w.ops) std::cout << "    " << check::witness_op_line(r.history, i) << '\n';
    std::cout << "  why: " << w.sentence << '\n';
  }
}

}  // namespace

int cmd_check(const std::vector<std::string>& argv) {
  const Args args = parse_command_args(argv, "check");
  if (args.positional.empty()) throw UsageError("check needs at least one FILE");
  Options options;
  if (const auto m = args.value("model")) {
    options.model = check::model_from_name(*m);
    if (!options.model) throw UsageError("--model expects register, cas-register or kv, got \"" + *m + "\"");
  }
  if (const auto f = args.value("format")) {
    options.format = check::format_from_name(*f);
    if (!options.format) throw UsageError("--format expects json, jepsen or edn, got \"" + *f + "\"");
  }
  options.budget_ms = args.unsigned_value("budget-ms", kDefaultBudgetMs);
  if (options.budget_ms > 1'000'000'000) throw UsageError("--budget-ms is too large");
  options.explain = args.flag("explain");

  bool bad_input = false;
  bool violation = false;
  bool unknown = false;
  Json all = Json::array();
  for (const auto& path : args.positional) {
    const FileReport report = check_file(path, options);
    bad_input = bad_input || report.error.has_value();
    if (!report.error) {
      violation = violation || report.result.verdict == check::Verdict::NotLinearizable;
      unknown = unknown || report.result.verdict == check::Verdict::Unknown;
    }
    if (args.flag("json")) {
      all.push_back(report_json(report));
    } else {
      print_text(report);
    }
  }
  if (args.flag("json")) std::cout << all.dump() << '\n';
  if (bad_input) return kExitUsage;
  if (violation) return kExitFailed;
  if (unknown) return kExitUnknown;
  return kExitOk;
}

}  // namespace cs::cli
