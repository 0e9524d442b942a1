#include "run/compare.h"

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>

namespace cs::run {

namespace {

bool same_record(const sim::TraceEvent& x, const sim::TraceEvent& y) {
  return x.time_us == y.time_us && x.index == y.index && x.type == y.type && x.reason == y.reason && x.kind == y.kind &&
         x.node == y.node && x.peer == y.peer && x.msg_id == y.msg_id && x.a == y.a && x.b == y.b;
}

}  // namespace

std::string Change::to_string() const {
  switch (kind) {
    case Kind::Seed: return "seed=" + std::to_string(seed);
    case Kind::Actions: return "actions";
    case Kind::Param: break;
  }
  return param + "=" + value_json;
}

std::string Change::value_text() const {
  const nlohmann::json v = nlohmann::json::parse(value_json, nullptr, /*allow_exceptions=*/false);
  return v.is_string() ? v.get<std::string>() : value_json;
}

std::optional<Change> parse_change(std::string_view text, std::string* error) {
  if (text == "actions") {
    Change c;
    c.kind = Change::Kind::Actions;
    return c;
  }
  const auto eq = text.find('=');
  if (eq == std::string_view::npos || eq == 0 || eq + 1 == text.size()) {
    if (error) *error = "a change is NAME=VALUE (for example mode=sync), seed=N or actions";
    return std::nullopt;
  }
  const std::string_view name = text.substr(0, eq);
  const std::string_view value = text.substr(eq + 1);
  Change c;
  if (name == "seed") {
    std::uint64_t seed = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seed);
    if (ec != std::errc{} || end != value.data() + value.size()) {
      if (error) *error = "seed=N takes a whole number";
      return std::nullopt;
    }
    c.kind = Change::Kind::Seed;
    c.seed = seed;
    return c;
  }
  c.param = std::string(name);
  const nlohmann::json parsed = nlohmann::json::parse(value, nullptr, /*allow_exceptions=*/false);
  c.value_json =
      parsed.is_discarded() || parsed.is_structured() ? nlohmann::json(std::string(value)).dump() : parsed.dump();
  return c;
}

scenario::Scenario apply_change(const scenario::Scenario& s, const Change& change, std::uint64_t& seed) {
  if (change.kind == Change::Kind::Seed) {
    seed = change.seed;
    return s;
  }
  if (change.kind == Change::Kind::Actions) return s;
  if (!s.params.count(change.param)) {
    throw scenario::ScenarioError("the model " + s.model + " has no parameter \"" + change.param + "\"");
  }
  // Through the scenario file format, so that the loader checks the value exactly as it checks a
  // file: its type, its range, the model's own rules.
  nlohmann::json doc = nlohmann::json::parse(scenario::save_scenario(s));
  doc["model"]["params"][change.param] = nlohmann::json::parse(change.value_json);
  return scenario::load_scenario(doc.dump(), s.id + " with " + change.to_string());
}

std::optional<Divergence> first_divergence(const sim::Trace& a, const sim::Trace& b) {
  return first_divergence(a, b, 0, nullptr);
}

std::optional<Divergence> first_divergence(const sim::Trace& a, const sim::Trace& b, std::uint64_t from_index,
                                           std::uint64_t* agreed_until) {
  const std::uint64_t from = std::max({from_index, a.first_index(), b.first_index()});
  const std::uint64_t common = std::min(a.total(), b.total());
  for (std::uint64_t i = from; i < common; ++i) {
    const sim::TraceEvent& x = a.at_index(i);
    const sim::TraceEvent& y = b.at_index(i);
    if (!same_record(x, y)) return Divergence{i, x.time_us, y.time_us, x, y};
  }
  if (agreed_until) *agreed_until = std::max(from, common);
  if (a.total() == b.total() || from > common) return std::nullopt;
  // One branch has a record where the other has none yet: they part there.
  Divergence d;
  d.index = common;
  if (a.total() > common) {
    d.a = a.at_index(common);
    d.a_us = d.b_us = d.a->time_us;
  } else {
    d.b = b.at_index(common);
    d.a_us = d.b_us = d.b->time_us;
  }
  return d;
}

std::vector<MetricDiff> metric_diffs(const sim::Metrics& a, const sim::Metrics& b) {
  std::vector<MetricDiff> out;
  auto ia = a.begin();
  auto ib = b.begin();
  while (ia != a.end() || ib != b.end()) {
    if (ib == b.end() || (ia != a.end() && ia->first < ib->first)) {
      out.push_back({ia->first, ia->second, std::nullopt});
      ++ia;
    } else if (ia == a.end() || ib->first < ia->first) {
      out.push_back({ib->first, std::nullopt, ib->second});
      ++ib;
    } else {
      out.push_back({ia->first, ia->second, ib->second});
      ++ia;
      ++ib;
    }
  }
  return out;
}

}  // namespace cs::run
