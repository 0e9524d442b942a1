// The JSON history format, read strictly: unknown keys, wrong types and impossible operations are
// errors that name the JSON path and the line of the operation.
#include <cstdio>
#include <unordered_set>

#include "check/history_formats.h"
#include "check/models.h"
#include "json/strict_reader.h"

namespace cs::check {

namespace {

using json::Json;
using json::JsonError;

constexpr std::string_view kFormatName = "clusterscope-history";

// The line on which each element of the top-level "operations" array starts. nlohmann::json keeps
// no positions, and a person fixing a file wants a line, so the text is scanned once more.
std::vector<std::size_t> operation_lines(std::string_view text) {
  std::vector<std::size_t> lines;
  std::size_t line = 1;
  int depth = 0;
  bool in_operations = false;
  bool expect_element = false;
  std::string last_string;  // at depth 1, the key just before a value
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') ++line;
    if (c == '\n' || c == ' ' || c == '\t' || c == '\r') continue;
    if (expect_element && c != ']') {
      lines.push_back(line);
      expect_element = false;
    }
    if (c == '"') {
      std::string s;
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\') ++i;
        if (i < text.size() && text[i] == '\n') ++line;
        if (i < text.size()) s += text[i];
      }
      if (depth == 1) last_string = std::move(s);
    } else if (c == '{' || c == '[') {
      ++depth;
      if (c == '[' && depth == 2 && last_string == "operations") in_operations = expect_element = true;
    } else if (c == '}' || c == ']') {
      if (c == ']' && depth == 2) in_operations = false;
      --depth;
      expect_element = false;
    } else if (c == ',' && depth == 2 && in_operations) {
      expect_element = true;
    }
  }
  return lines;
}

Value read_value(const Json& j, const std::string& path) {
  if (j.is_null()) return Value::nil();
  if (j.is_string()) return Value::of_text(j.get<std::string>());
  if (j.is_number()) return Value::of(json::as_int(j, path));
  throw JsonError(path, "expected null, an integer or a string, found " + json::type_name(j));
}

std::string read_key(const Json& j, const std::string& path) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_number()) return std::to_string(json::as_int(j, path));
  throw JsonError(path, "expected an integer or a string, found " + json::type_name(j));
}

HistoryOp read_operation(const Json& j, const std::string& path) {
  json::ObjectReader r(j, path);
  HistoryOp op;
  const std::int64_t id = r.integer("id");
  if (id <= 0) throw JsonError(r.path_of("id"), "ids are positive");
  op.id = static_cast<std::uint64_t>(id);
  op.process = r.integer("client");
  (void)r.integer_or("node", -1);  // which node served it: for people, not for the checker
  const std::string f = r.string("f");
  const auto function = function_from_name(f);
  if (!function) throw JsonError(r.path_of("f"), "unknown function \"" + f + "\" (read, write, cas, append, get, put)");
  op.f = *function;
  if (const Json* key = r.find("key")) op.key = read_key(*key, r.path_of("key"));

  const Json* value = r.find("value");
  const std::string value_path = r.path_of("value");
  if (op.f == OpFunction::Cas) {
    if (!value || !value->is_array() || value->size() != 2) throw JsonError(value_path, "a cas needs [expected, new]");
    op.value = read_value((*value)[0], value_path + "/0");
    op.new_value = read_value((*value)[1], value_path + "/1");
  } else if (value) {
    op.value = read_value(*value, value_path);
  }
  if ((op.f == OpFunction::Write || op.f == OpFunction::Append) && op.value.is_nil()) {
    throw JsonError(value_path, "a " + std::string(to_string(op.f)) + " needs a value");
  }

  const std::string status = r.string("status");
  if (status == "ok") {
    op.outcome = OpOutcome::Ok;
  } else if (status == "fail") {
    op.outcome = OpOutcome::Fail;
  } else if (status == "info") {
    op.outcome = OpOutcome::Info;
  } else {
    throw JsonError(r.path_of("status"), "unknown status \"" + status + "\" (ok, fail, info)");
  }
  op.invoke_time = r.integer("invoke_us");
  if (op.invoke_time < 0) throw JsonError(r.path_of("invoke_us"), "must not be negative");
  op.complete_time = r.integer_or("complete_us", kNoTime);
  if (op.complete_time < 0) op.complete_time = kNoTime;
  if (op.outcome != OpOutcome::Info && (op.complete_time == kNoTime || op.complete_time < op.invoke_time)) {
    throw JsonError(r.path_of("complete_us"),
                    "an operation with status \"" + status + "\" needs a completion time not before invoke_us");
  }
  r.finish();
  return op;
}

}  // namespace

OpHistory read_history_json(std::string_view text) {
  Json root;
  try {
    root = json::parse_text(text);
  } catch (const JsonError& e) {
    // The path is "line L, column C": keep the line apart, so that callers can show it.
    std::size_t line = 0;
    std::size_t column = 0;
    if (std::sscanf(e.path().c_str(), "line %zu, column %zu", &line, &column) != 2)
      throw HistoryFormatError(0, e.what());
    const std::string what = e.what();
    throw HistoryFormatError(line, "column " + std::to_string(column) + what.substr(what.find(':')));
  }
  const std::vector<std::size_t> lines = operation_lines(text);
  const auto line_of = [&](std::size_t i) { return i < lines.size() ? lines[i] : 0; };
  OpHistory history;
  std::size_t current = SIZE_MAX;  // the operation being read, for the error's line
  try {
    json::ObjectReader r(root, "");
    const std::string format = r.string("format");
    if (format != kFormatName) throw JsonError("/format", "expected \"" + std::string(kFormatName) + "\"");
    if (r.integer("version") != 1) throw JsonError("/version", "only version 1 is known");
    if (const Json* model = r.find("model")) {
      const std::string name = json::as_string(*model, "/model");
      if (!model_from_name(name))
        throw JsonError("/model", "unknown model \"" + name + "\" (register, cas-register, kv)");
      history.model_name = name;
    }
    const Json& ops = json::as_array(r.at("operations"), "/operations");
    r.finish();
    std::unordered_set<std::uint64_t> ids;
    for (std::size_t i = 0; i < ops.size(); ++i) {
      current = i;
      const std::string path = "/operations/" + std::to_string(i);
      HistoryOp op = read_operation(ops[i], path);
      if (!ids.insert(op.id).second) throw JsonError(path + "/id", "id " + std::to_string(op.id) + " is used twice");
      op.line = line_of(i);
      history.ops.push_back(std::move(op));
    }
  } catch (const JsonError& e) {
    throw HistoryFormatError(current == SIZE_MAX ? 0 : line_of(current), e.what());
  }
  return history;
}

std::string_view to_string(HistoryFormat format) {
  switch (format) {
    case HistoryFormat::Json: return "json";
    case HistoryFormat::Jepsen: return "jepsen";
    case HistoryFormat::Edn: return "edn";
  }
  return "?";
}

std::optional<HistoryFormat> format_from_name(std::string_view name) {
  if (name == "json") return HistoryFormat::Json;
  if (name == "jepsen") return HistoryFormat::Jepsen;
  if (name == "edn") return HistoryFormat::Edn;
  return std::nullopt;
}

HistoryFormat detect_format(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return HistoryFormat::Jepsen;
  // What follows the opening bracket tells EDN from JSON: a JSON object's keys are strings, an EDN
  // history's are keywords; Knossos wraps its maps in one vector.
  const auto second = text.find_first_not_of(" \t\r\n,", first + 1);
  const char next = second == std::string_view::npos ? '\0' : text[second];
  if (text[first] == '{') return next == ':' ? HistoryFormat::Edn : HistoryFormat::Json;
  if (text[first] == '[' && next == '{') return HistoryFormat::Edn;
  return HistoryFormat::Jepsen;
}

OpHistory read_history(std::string_view text, std::optional<HistoryFormat> format) {
  switch (format.value_or(detect_format(text))) {
    case HistoryFormat::Json: return read_history_json(text);
    case HistoryFormat::Jepsen: return read_jepsen_log(text);
    case HistoryFormat::Edn: return read_history_edn(text);
  }
  return read_jepsen_log(text);
}

}  // namespace cs::check
