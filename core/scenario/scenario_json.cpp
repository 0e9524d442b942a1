// Strict JSON reading and writing of scenario files (version 1).
#include <cassert>
#include <cmath>

#include "catalogue/catalogue.h"
#include "json/strict_reader.h"
#include "model/params.h"
#include "scenario/scenario.h"

namespace cs::scenario {

using json::Json;
using json::JsonError;
using json::ObjectReader;

namespace {

constexpr int kVersion = 1;

sim::TimeUs to_us(double value, double unit_us, const std::string& path) {
  const double us = value * unit_us;
  if (!(us >= 0.0) || us > 9.0e15) throw JsonError(path, "time must be between 0 and 9e15 microseconds");
  return static_cast<sim::TimeUs>(std::llround(us));
}

// A time given as "<name>_s" (seconds), "<name>_ms" (milliseconds) or "<name>_us" (whole
// microseconds, as saved runs write them); at most one of them.
std::optional<sim::TimeUs> read_time(ObjectReader& r, const std::string& name) {
  const int given = (r.has(name + "_s") ? 1 : 0) + (r.has(name + "_ms") ? 1 : 0) + (r.has(name + "_us") ? 1 : 0);
  if (given > 1)
    throw JsonError(r.path_of(name + "_s"), "give one of " + name + "_s, " + name + "_ms or " + name + "_us");
  if (r.has(name + "_s")) return to_us(r.number(name + "_s"), 1e6, r.path_of(name + "_s"));
  if (r.has(name + "_ms")) return to_us(r.number(name + "_ms"), 1e3, r.path_of(name + "_ms"));
  if (r.has(name + "_us")) {
    const std::int64_t us = r.integer(name + "_us");
    if (us < 0) throw JsonError(r.path_of(name + "_us"), "time must not be negative");
    return us;
  }
  return std::nullopt;
}

double probability(ObjectReader& r, const std::string& key, double fallback) {
  const double p = r.number_or(key, fallback);
  if (p < 0.0 || p > 1.0) throw JsonError(r.path_of(key), "a probability must be between 0 and 1");
  return p;
}

sim::LinkParams read_link_params(ObjectReader& r, sim::LinkParams base) {
  base.latency_us = read_time(r, "latency").value_or(base.latency_us);
  base.jitter_us = read_time(r, "jitter").value_or(base.jitter_us);
  base.loss = probability(r, "loss", base.loss);
  base.duplicate = probability(r, "duplicate", base.duplicate);
  base.reorder = probability(r, "reorder", base.reorder);
  return base;
}

struct Names {
  const Scenario& s;
  sim::EndpointId node(const Json& j, const std::string& path) const {
    const std::string name = json::as_string(j, path);
    const sim::EndpointId id = node_id(s, name);
    if (id == sim::kNoEndpoint) throw JsonError(path, "no node named \"" + name + "\"");
    return id;
  }
  std::uint32_t region(const std::string& name, const std::string& path) const {
    for (std::uint32_t i = 0; i < s.regions.size(); ++i) {
      if (s.regions[i].name == name) return i;
    }
    throw JsonError(path, "no region named \"" + name + "\"");
  }
};

void read_model(ObjectReader& r, Scenario& s) {
  ObjectReader m(r.at("model"), r.path_of("model"));
  s.model = m.string("type");
  const model::ModelInfo* info = catalogue::find_model(s.model);
  if (!info) throw JsonError(m.path_of("type"), "unknown model \"" + s.model + "\"");
  for (const auto& spec : info->params) s.params[spec.name] = spec.default_value;
  if (const Json* params = m.find("params")) {
    ObjectReader p(*params, m.path_of("params"));
    for (auto it = params->begin(); it != params->end(); ++it) {
      const auto spec =
          std::find_if(info->params.begin(), info->params.end(), [&](const auto& ps) { return ps.name == it.key(); });
      if (spec == info->params.end()) continue;  // reported as unknown by finish()
      const std::string path = p.path_of(it.key());
      const Json& v = p.at(it.key());
      if (std::holds_alternative<double>(spec->default_value)) {
        s.params[spec->name] = json::as_number(v, path);
      } else if (std::holds_alternative<bool>(spec->default_value)) {
        s.params[spec->name] = json::as_bool(v, path);
      } else {
        s.params[spec->name] = json::as_string(v, path);
      }
    }
    p.finish();
  }
  m.finish();
}

// Ranges, choices and the model's own check (which needs the node count): a value no run could use is
// refused here, by the CLI and the window alike, never clamped later.
void check_params(const Scenario& s) {
  const model::ModelInfo* info = catalogue::find_model(s.model);
  assert(info);
  const auto problems = model::param_problems(*info, s.params, s.node_names.size());
  if (!problems.empty()) throw JsonError("/model/params/" + problems.front().param, problems.front().message);
}

void read_nodes(ObjectReader& r, Scenario& s) {
  if (const Json* regions = r.find("regions")) {
    const std::string path = r.path_of("regions");
    for (std::size_t i = 0; i < json::as_array(*regions, path).size(); ++i) {
      ObjectReader g((*regions)[i], path + "/" + std::to_string(i));
      sim::Region region{g.string("name"), g.number("latitude"), g.number("longitude")};
      if (std::abs(region.latitude_deg) > 90 || std::abs(region.longitude_deg) > 180) {
        throw JsonError(g.path(), "latitude must be within ±90 and longitude within ±180");
      }
      s.regions.push_back(region);
      g.finish();
    }
  }
  const Json& nodes = r.at("nodes");
  const std::string path = r.path_of("nodes");
  const Names names{s};
  for (std::size_t i = 0; i < json::as_array(nodes, path).size(); ++i) {
    ObjectReader n(nodes[i], path + "/" + std::to_string(i));
    std::string name = n.string("name");
    if (name.empty()) throw JsonError(n.path_of("name"), "a node needs a name");
    if (node_id(s, name) != sim::kNoEndpoint) throw JsonError(n.path_of("name"), "duplicate node \"" + name + "\"");
    std::uint32_t region = 0;
    if (n.has("region")) {
      region = names.region(n.string("region"), n.path_of("region"));
    } else if (!s.regions.empty()) {
      throw JsonError(n.path_of("region"), "missing required key (the scenario has regions)");
    }
    s.node_names.push_back(std::move(name));
    s.node_regions.push_back(region);
    s.node_spares.push_back(n.has("spare") && n.boolean("spare"));
    n.finish();
  }
  if (s.node_names.empty() || s.node_names.size() > 200) throw JsonError(path, "a scenario has 1 to 200 nodes");
}

void read_network(ObjectReader& r, Scenario& s) {
  const Json* network = r.find("network");
  if (!network) return;
  ObjectReader n(*network, r.path_of("network"));
  s.link_defaults = read_link_params(n, s.link_defaults);
  s.region_overhead_us = read_time(n, "region_overhead").value_or(s.region_overhead_us);
  if (const Json* links = n.find("links")) {
    const std::string path = n.path_of("links");
    const Names names{s};
    for (std::size_t i = 0; i < json::as_array(*links, path).size(); ++i) {
      ObjectReader l((*links)[i], path + "/" + std::to_string(i));
      Scenario::Link link;
      link.from = names.node(l.at("from"), l.path_of("from"));
      link.to = names.node(l.at("to"), l.path_of("to"));
      link.params = read_link_params(l, s.link_defaults);
      s.links.push_back(link);
      l.finish();
    }
  }
  n.finish();
}

void read_workload(ObjectReader& r, Scenario& s) {
  const Json* workload = r.find("workload");
  if (!workload) return;
  ObjectReader w(*workload, r.path_of("workload"));
  sim::WorkloadSpec& spec = s.workload;
  const std::int64_t clients = w.integer("clients");
  if (clients < 0 || clients > 1000) throw JsonError(w.path_of("clients"), "between 0 and 1000 clients");
  spec.clients = static_cast<std::uint32_t>(clients);
  spec.think_time_us = read_time(w, "think_time").value_or(spec.think_time_us);
  spec.read_fraction = probability(w, "read_fraction", spec.read_fraction);
  const std::int64_t keys = w.integer_or("keys", 1);
  if (keys < 1 || keys > 100'000'000) throw JsonError(w.path_of("keys"), "between 1 and 100000000 keys");
  spec.key_count = static_cast<std::uint64_t>(keys);
  const std::string distribution = w.string_or("distribution", "uniform");
  if (distribution == "zipf") {
    spec.distribution = sim::KeyDistribution::Zipf;
  } else if (distribution != "uniform") {
    throw JsonError(w.path_of("distribution"), "expected \"uniform\" or \"zipf\"");
  }
  spec.zipf_exponent = w.number_or("zipf_exponent", 1.0);
  if (spec.zipf_exponent <= 0.0 || spec.zipf_exponent > 10.0)
    throw JsonError(w.path_of("zipf_exponent"), "between 0 and 10");
  const std::string target = w.string_or("target", "sticky");
  if (target == "random") {
    spec.target = sim::TargetPolicy::Random;
  } else if (target != "sticky") {
    throw JsonError(w.path_of("target"), "expected \"sticky\" or \"random\"");
  }
  if (const Json* nodes = w.find("nodes")) {
    const Names names{s};
    const std::string path = w.path_of("nodes");
    for (std::size_t i = 0; i < json::as_array(*nodes, path).size(); ++i) {
      spec.target_nodes.push_back(names.node((*nodes)[i], path + "/" + std::to_string(i)));
    }
  }
  const std::int64_t level = w.integer_or("level", 0);
  if (level < 0 || level > 255) throw JsonError(w.path_of("level"), "between 0 and 255");
  spec.level = static_cast<std::uint8_t>(level);
  spec.timeout_us = read_time(w, "timeout").value_or(spec.timeout_us);
  spec.start_us = read_time(w, "start").value_or(0);
  spec.stop_us = read_time(w, "stop").value_or(sim::kTimeNever);
  if (w.has("region")) s.client_region = Names{s}.region(w.string("region"), w.path_of("region"));
  w.finish();
}

sim::Action read_action(ObjectReader& a, const Scenario& s) {
  const Names names{s};
  sim::Action action;
  action.at_us = read_time(a, "at").value_or(0);
  const std::string type = a.string("action");
  action.type = sim::action_type_from_string(type);
  switch (action.type) {
    case sim::ActionType::Invalid: throw JsonError(a.path_of("action"), "unknown action \"" + type + "\"");
    case sim::ActionType::Crash:
    case sim::ActionType::Restart:
    case sim::ActionType::Pause:
    case sim::ActionType::Resume:
    case sim::ActionType::AddNode:
    case sim::ActionType::RemoveNode:
    case sim::ActionType::Isolate: action.node = names.node(a.at("node"), a.path_of("node")); break;
    case sim::ActionType::Heal: break;
    case sim::ActionType::Partition: {
      const std::string path = a.path_of("groups");
      const Json& groups = json::as_array(a.at("groups"), path);
      std::vector<bool> used(s.node_names.size(), false);
      for (std::size_t g = 0; g < groups.size(); ++g) {
        const std::string gpath = path + "/" + std::to_string(g);
        auto& group = action.groups.emplace_back();
        for (std::size_t k = 0; k < json::as_array(groups[g], gpath).size(); ++k) {
          const auto id = names.node(groups[g][k], gpath + "/" + std::to_string(k));
          if (used[id]) throw JsonError(gpath + "/" + std::to_string(k), "node is already in a group");
          used[id] = true;
          group.push_back(id);
        }
      }
      if (action.groups.size() < 2) throw JsonError(path, "a partition needs at least two groups");
      break;
    }
    case sim::ActionType::OneWayCut:
      action.node = names.node(a.at("from"), a.path_of("from"));
      action.peer = names.node(a.at("to"), a.path_of("to"));
      break;
    case sim::ActionType::SlowDown:
      action.node = names.node(a.at("node"), a.path_of("node"));
      action.value = to_us(a.number("extra_ms"), 1e3, a.path_of("extra_ms"));
      break;
    case sim::ActionType::SetClockSkew:
      action.node = names.node(a.at("node"), a.path_of("node"));
      action.value = static_cast<std::int64_t>(std::llround(a.number("skew_ms") * 1e3));
      break;
    case sim::ActionType::SetClockDrift:
      action.node = names.node(a.at("node"), a.path_of("node"));
      action.value = a.integer("drift_ppm");
      if (std::abs(action.value) > 100'000) throw JsonError(a.path_of("drift_ppm"), "between -100000 and 100000");
      break;
    case sim::ActionType::DropMessage: action.value = a.integer("message_id"); break;
    case sim::ActionType::ClientRequest: {
      action.node = names.node(a.at("node"), a.path_of("node"));
      const std::string op = a.string("op");
      if (op != "read" && op != "write") throw JsonError(a.path_of("op"), "expected \"read\" or \"write\"");
      action.op_type = op == "read" ? sim::OpType::Read : sim::OpType::Write;
      action.key = a.integer("key");
      const std::int64_t level = a.integer_or("level", 0);
      if (level < 0 || level > 255) throw JsonError(a.path_of("level"), "between 0 and 255");
      action.level = static_cast<std::uint8_t>(level);
      break;
    }
  }
  a.finish();
  return action;
}

void read_timeline(ObjectReader& r, Scenario& s) {
  const Json* timeline = r.find("timeline");
  if (!timeline) return;
  const std::string path = r.path_of("timeline");
  for (std::size_t i = 0; i < json::as_array(*timeline, path).size(); ++i) {
    ObjectReader a((*timeline)[i], path + "/" + std::to_string(i));
    s.timeline.push_back(read_action(a, s));
  }
  if (const Json* actions = r.find("actions")) {
    const std::string apath = r.path_of("actions");
    for (std::size_t i = 0; i < json::as_array(*actions, apath).size(); ++i) {
      ObjectReader a((*actions)[i], apath + "/" + std::to_string(i));
      s.actions.push_back(read_action(a, s));
    }
  }
}

// A saved run's second branch: {"change": "mode=sync", "fork_us": 3200000, "actions": [...]}. The
// change is checked when the branch is started (run/compare.h), against the model's parameters.
void read_comparison(ObjectReader& r, Scenario& s) {
  const Json* compare = r.find("compare");
  if (!compare) return;
  ObjectReader c(*compare, r.path_of("compare"));
  Comparison comparison;
  comparison.change = c.string("change");
  if (comparison.change.empty()) throw JsonError(c.path_of("change"), "must not be empty");
  comparison.fork_us = read_time(c, "fork").value_or(0);
  if (const Json* actions = c.find("actions")) {
    const std::string apath = c.path_of("actions");
    for (std::size_t i = 0; i < json::as_array(*actions, apath).size(); ++i) {
      ObjectReader a((*actions)[i], apath + "/" + std::to_string(i));
      comparison.actions.push_back(read_action(a, s));
    }
  }
  c.finish();
  s.comparison = std::move(comparison);
}

void read_view_and_narration(ObjectReader& r, Scenario& s) {
  if (const Json* view = r.find("view")) {
    ObjectReader v(*view, r.path_of("view"));
    s.view.kind = v.string_or("kind", s.view.kind);
    if (s.view.kind != "cluster" && s.view.kind != "ring" && s.view.kind != "heatmap") {
      throw JsonError(v.path_of("kind"), "unknown view \"" + s.view.kind + "\" (cluster, ring or heatmap)");
    }
    s.view.layout = v.string_or("layout", s.view.layout);
    if (s.view.layout != "circle" && s.view.layout != "regions") {
      throw JsonError(v.path_of("layout"), "expected \"circle\" or \"regions\"");
    }
    s.view.speed = v.number_or("speed", s.view.speed);
    if (s.view.speed < 0.01 || s.view.speed > 100) throw JsonError(v.path_of("speed"), "between 0.01 and 100");
    v.finish();
  }
  if (const Json* narration = r.find("narration")) {
    const std::string path = r.path_of("narration");
    sim::TimeUs last = 0;
    for (std::size_t i = 0; i < json::as_array(*narration, path).size(); ++i) {
      ObjectReader n((*narration)[i], path + "/" + std::to_string(i));
      NarrationStep step;
      step.at_us = read_time(n, "at");
      if (step.at_us && *step.at_us < last) throw JsonError(n.path_of("at_s"), "narration times never go backwards");
      if (step.at_us) last = *step.at_us;
      step.text = n.string("text");
      if (const Json* h = n.find("highlight")) {
        const Names names{s};
        for (std::size_t k = 0; k < json::as_array(*h, n.path_of("highlight")).size(); ++k) {
          const std::string hp = n.path_of("highlight") + "/" + std::to_string(k);
          names.node((*h)[k], hp);
          step.highlight.push_back((*h)[k].get<std::string>());
        }
      }
      s.narration.push_back(std::move(step));
      n.finish();
    }
  }
}

}  // namespace

sim::EndpointId node_id(const Scenario& s, std::string_view name) {
  for (std::size_t i = 0; i < s.node_names.size(); ++i) {
    if (s.node_names[i] == name) return static_cast<sim::EndpointId>(i);
  }
  return sim::kNoEndpoint;
}

Scenario load_scenario(std::string_view text, const std::string& source) {
  try {
    const Json root = json::parse_text(text);
    ObjectReader r(root, "");
    const std::int64_t version = r.integer("version");
    if (version != kVersion) {
      throw JsonError("/version", "unsupported version " + std::to_string(version) + " (this program reads version 1)");
    }
    Scenario s;
    s.id = r.string("id");
    if (s.id.empty()) throw JsonError("/id", "must not be empty");
    s.title = r.string("title");
    s.description = r.string_or("description", "");
    read_model(r, s);
    read_nodes(r, s);
    check_params(s);
    read_network(r, s);
    read_workload(r, s);
    read_timeline(r, s);
    read_view_and_narration(r, s);
    read_comparison(r, s);
    const std::int64_t seed = r.integer_or("seed", 1);
    if (seed < 0) throw JsonError("/seed", "must not be negative");
    s.seed = static_cast<std::uint64_t>(seed);
    s.duration_us = read_time(r, "duration").value_or(s.duration_us);
    if (const Json* d = r.find("demonstrates")) {
      s.demonstrates = read_demonstrates(*d, r.path_of("demonstrates"), *catalogue::find_model(s.model));
    }
    r.finish();
    return s;
  } catch (const JsonError& e) {
    throw ScenarioError(source + ": " + e.what());
  }
}

namespace {
Json link_json(const sim::LinkParams& p) {
  return Json{{"latency_ms", static_cast<double>(p.latency_us) / 1e3},
              {"jitter_ms", static_cast<double>(p.jitter_us) / 1e3},
              {"loss", p.loss},
              {"duplicate", p.duplicate},
              {"reorder", p.reorder}};
}

Json action_json(const sim::Action& a, const Scenario& s) {
  Json j{{"at_us", a.at_us}, {"action", std::string(sim::to_string(a.type))}};
  auto name = [&](sim::EndpointId id) { return s.node_names.at(id); };
  switch (a.type) {
    case sim::ActionType::Invalid:
    case sim::ActionType::Heal: break;
    case sim::ActionType::Crash:
    case sim::ActionType::Restart:
    case sim::ActionType::Pause:
    case sim::ActionType::Resume:
    case sim::ActionType::AddNode:
    case sim::ActionType::RemoveNode:
    case sim::ActionType::Isolate: j["node"] = name(a.node); break;
    case sim::ActionType::Partition: {
      Json groups = Json::array();
      for (const auto& g : a.groups) {
        Json group = Json::array();
        for (auto id : g) group.push_back(name(id));
        groups.push_back(group);
      }
      j["groups"] = groups;
      break;
    }
    case sim::ActionType::OneWayCut:
      j["from"] = name(a.node);
      j["to"] = name(a.peer);
      break;
    case sim::ActionType::SlowDown:
      j["node"] = name(a.node);
      j["extra_ms"] = static_cast<double>(a.value) / 1e3;
      break;
    case sim::ActionType::SetClockSkew:
      j["node"] = name(a.node);
      j["skew_ms"] = static_cast<double>(a.value) / 1e3;
      break;
    case sim::ActionType::SetClockDrift:
      j["node"] = name(a.node);
      j["drift_ppm"] = a.value;
      break;
    case sim::ActionType::DropMessage: j["message_id"] = a.value; break;
    case sim::ActionType::ClientRequest:
      j["node"] = name(a.node);
      j["op"] = a.op_type == sim::OpType::Read ? "read" : "write";
      j["key"] = a.key;
      j["level"] = a.level;
      break;
  }
  return j;
}
}  // namespace

std::string save_scenario(const Scenario& s) {
  Json root;
  root["version"] = kVersion;
  root["id"] = s.id;
  root["title"] = s.title;
  root["description"] = s.description;
  Json params = Json::object();
  for (const auto& param : s.params) {
    std::visit([&](const auto& x) { params[param.first] = x; }, param.second);
  }
  root["model"] = Json{{"type", s.model}, {"params", params}};
  if (!s.regions.empty()) {
    Json regions = Json::array();
    for (const auto& r : s.regions)
      regions.push_back({{"name", r.name}, {"latitude", r.latitude_deg}, {"longitude", r.longitude_deg}});
    root["regions"] = regions;
  }
  Json nodes = Json::array();
  for (std::size_t i = 0; i < s.node_names.size(); ++i) {
    Json n{{"name", s.node_names[i]}};
    if (!s.regions.empty()) n["region"] = s.regions[s.node_regions[i]].name;
    if (i < s.node_spares.size() && s.node_spares[i]) n["spare"] = true;
    nodes.push_back(n);
  }
  root["nodes"] = nodes;
  Json network = link_json(s.link_defaults);
  network["region_overhead_ms"] = static_cast<double>(s.region_overhead_us) / 1e3;
  Json links = Json::array();
  for (const auto& l : s.links) {
    Json lj = link_json(l.params);
    lj["from"] = s.node_names[l.from];
    lj["to"] = s.node_names[l.to];
    links.push_back(lj);
  }
  if (!links.empty()) network["links"] = links;
  root["network"] = network;
  const auto& w = s.workload;
  if (w.clients > 0) {
    Json wj{{"clients", w.clients},
            {"think_time_ms", static_cast<double>(w.think_time_us) / 1e3},
            {"read_fraction", w.read_fraction},
            {"keys", w.key_count},
            {"distribution", w.distribution == sim::KeyDistribution::Zipf ? "zipf" : "uniform"},
            {"zipf_exponent", w.zipf_exponent},
            {"target", w.target == sim::TargetPolicy::Random ? "random" : "sticky"},
            {"level", w.level},
            {"timeout_ms", static_cast<double>(w.timeout_us) / 1e3},
            {"start_s", static_cast<double>(w.start_us) / 1e6}};
    if (w.stop_us != sim::kTimeNever) wj["stop_s"] = static_cast<double>(w.stop_us) / 1e6;
    if (!w.target_nodes.empty()) {
      Json t = Json::array();
      for (auto id : w.target_nodes) t.push_back(s.node_names[id]);
      wj["nodes"] = t;
    }
    if (!s.regions.empty()) wj["region"] = s.regions[s.client_region].name;
    root["workload"] = wj;
  }
  Json timeline = Json::array();
  for (const auto& a : s.timeline) timeline.push_back(action_json(a, s));
  root["timeline"] = timeline;
  if (!s.actions.empty()) {
    Json actions = Json::array();
    for (const auto& a : s.actions) actions.push_back(action_json(a, s));
    root["actions"] = actions;
  }
  root["view"] = Json{{"kind", s.view.kind}, {"layout", s.view.layout}, {"speed", s.view.speed}};
  Json narration = Json::array();
  for (const auto& step : s.narration) {
    Json n{{"text", step.text}};
    if (step.at_us) n["at_s"] = static_cast<double>(*step.at_us) / 1e6;
    if (!step.highlight.empty()) n["highlight"] = step.highlight;
    narration.push_back(n);
  }
  root["narration"] = narration;
  root["seed"] = s.seed;
  root["duration_s"] = static_cast<double>(s.duration_us) / 1e6;
  if (s.demonstrates.declared) root["demonstrates"] = demonstrates_json(s.demonstrates);
  if (s.comparison) {
    Json actions = Json::array();
    for (const auto& a : s.comparison->actions) actions.push_back(action_json(a, s));
    root["compare"] = Json{{"change", s.comparison->change}, {"fork_us", s.comparison->fork_us}, {"actions", actions}};
  }
  return root.dump(2) + "\n";
}

sim::Action read_action_json(const json::Json& j, const std::string& path, const Scenario& scenario) {
  ObjectReader a(j, path);
  sim::Action action = read_action(a, scenario);
  a.finish();
  return action;
}

json::Json action_to_json(const sim::Action& action, const Scenario& scenario) { return action_json(action, scenario); }

}  // namespace cs::scenario
