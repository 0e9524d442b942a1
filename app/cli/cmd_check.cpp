// `check`: is each history file linearizable? One line per file (a not-linearizable one followed by
// where, indented), or a JSON array with --json. Exit 2 if any input was bad, else 1 if any history
// is not linearizable, else 3 if any verdict is unknown, else 0. The clock for --budget-ms is read
// here, in the tool; the core only calls it.
#include <chrono>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "check/explain.h"
#include "check/history_formats.h"
#include "check/linearizability.h"
#include "cli_args.h"
#include "commands.h"

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
};

struct Options {
  std::optional<check::Model> model;
  std::optional<check::HistoryFormat> format;
  std::uint64_t budget_ms = kDefaultBudgetMs;
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
    report.format = options.format.value_or(check::detect_format(*text));
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
  if (options.budget_ms > 0) {
    budget.max_time_ns = static_cast<std::int64_t>(options.budget_ms) * 1'000'000;
    budget.now_ns = steady_now_ns;
  }
  try {
    report.result = check::check_linearizability(report.history, report.model, budget);
  } catch (const std::invalid_argument& e) {
    report.error = e.what();
  }
  return report;
}

Json key_json(const check::KeyResult& k) {
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
  for (const auto& k : r.result.keys) keys.push_back(key_json(k));
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
}

}  // namespace

int cmd_check(const std::vector<std::string>& argv) {
  const Args args = parse_args(argv, {"model", "format", "budget-ms"}, {"json"});
  if (args.positional.empty()) throw UsageError("check needs at least one FILE");
  Options options;
  if (const auto m = args.value("model")) {
    options.model = check::model_from_name(*m);
    if (!options.model) throw UsageError("--model expects register, cas-register or kv, got \"" + *m + "\"");
  }
  if (const auto f = args.value("format")) {
    options.format = check::format_from_name(*f);
    if (!options.format) throw UsageError("--format expects json or jepsen, got \"" + *f + "\"");
  }
  options.budget_ms = args.unsigned_value("budget-ms", kDefaultBudgetMs);
  if (options.budget_ms > 1'000'000'000) throw UsageError("--budget-ms is too large");

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
