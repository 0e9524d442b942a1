#include "course/challenge.h"

#include <algorithm>
#include <map>

#include "course/course.h"
#include "scenario/builtin.h"
#include "scenario/run_setup.h"

namespace cs::course {

namespace {

using json::Json;
using json::JsonError;
using json::ObjectReader;

std::vector<sim::Action> read_actions(ObjectReader& r, std::string_view key, const scenario::Scenario& s) {
  std::vector<sim::Action> out;
  const std::string path = r.path_of(key);
  const Json& list = json::as_array(r.at(key), path);
  for (std::size_t i = 0; i < list.size(); ++i) {
    out.push_back(scenario::read_action_json(list[i], path + "/" + std::to_string(i), s));
    if (i > 0 && out.back().at_us < out[out.size() - 2].at_us) {
      throw JsonError(path + "/" + std::to_string(i), "actions must be in time order");
    }
  }
  return out;
}

}  // namespace

std::vector<Challenge> read_challenges(
    const Json& j, const std::string& path,
    const std::function<const scenario::Scenario*(const std::string& id)>& scenario_of) {
  ObjectReader root(j, path);
  if (root.integer("schemaVersion") != 1) throw JsonError(root.path_of("schemaVersion"), "expected 1");
  std::vector<Challenge> out;
  const std::string list_path = root.path_of("challenges");
  const Json& list = json::as_array(root.at("challenges"), list_path);
  for (std::size_t i = 0; i < list.size(); ++i) {
    ObjectReader r(list[i], list_path + "/" + std::to_string(i));
    Challenge c;
    c.id = r.string("id");
    for (const Challenge& other : out) {
      if (other.id == c.id) throw JsonError(r.path_of("id"), "challenge \"" + c.id + "\" is listed twice");
    }
    c.kind = r.string("kind");
    if (c.kind != "break" && c.kind != "fix") throw JsonError(r.path_of("kind"), "expected \"break\" or \"fix\"");
    c.scenario = r.string("scenario");
    const scenario::Scenario* s = scenario_of(c.scenario);
    if (!s) throw JsonError(r.path_of("scenario"), "scenario \"" + c.scenario + "\" does not exist");
    c.keep_timeline = r.boolean_or("keep_timeline", true);
    c.title = r.string("title");
    c.goal = r.string("goal");
    c.explanation = r.string("explanation");
    const std::string cpath = r.path_of("conditions");
    const Json& conditions = json::as_array(r.at("conditions"), cpath);
    if (conditions.empty()) throw JsonError(cpath, "a goal needs at least one condition");
    for (std::size_t k = 0; k < conditions.size(); ++k) {
      ObjectReader cr(conditions[k], cpath + "/" + std::to_string(k));
      c.conditions.push_back(evaluate::read_condition(cr, *s));
      cr.finish();
    }
    if (const Json* watch = r.find("watch")) {
      const std::string wpath = r.path_of("watch");
      for (std::size_t k = 0; k < json::as_array(*watch, wpath).size(); ++k) {
        ObjectReader wr((*watch)[k], wpath + "/" + std::to_string(k));
        ChallengeWatch w;
        w.label = wr.string("label");
        w.quantity = evaluate::read_quantity(wr.at("quantity"), wr.path_of("quantity"), *s);
        wr.finish();
        c.watch.push_back(std::move(w));
      }
    }
    const std::string apath = r.path_of("allowed");
    const Json& allowed = json::as_array(r.at("allowed"), apath);
    for (std::size_t k = 0; k < allowed.size(); ++k) {
      const std::string name = json::as_string(allowed[k], apath + "/" + std::to_string(k));
      const sim::ActionType type = sim::action_type_from_string(name);
      if (type == sim::ActionType::Invalid) {
        throw JsonError(apath + "/" + std::to_string(k), "unknown action \"" + name + "\"");
      }
      c.allowed.insert(type);
    }
    if (c.allowed.empty()) throw JsonError(apath, "allow at least one action");
    c.max_actions = static_cast<int>(r.integer_or("max_actions", Challenge::kMaxActions));
    if (c.max_actions < 1 || c.max_actions > Challenge::kMaxActions) {
      throw JsonError(r.path_of("max_actions"), "expected 1 to " + std::to_string(Challenge::kMaxActions));
    }
    const double limit_s = r.number("time_limit_s");
    if (!(limit_s > 0 && limit_s <= 600)) throw JsonError(r.path_of("time_limit_s"), "expected 0 to 600 seconds");
    c.time_limit_us = static_cast<sim::TimeUs>(limit_s * 1e6);
    c.solution = read_actions(r, "solution", *s);
    c.non_solution = read_actions(r, "non_solution", *s);
    r.finish();
    out.push_back(std::move(c));
  }
  root.finish();
  return out;
}

const scenario::Scenario* builtin_scenario(const std::string& id) {
  static std::map<std::string, scenario::Scenario, std::less<>> loaded;
  if (auto it = loaded.find(id); it != loaded.end()) return &it->second;
  const auto* b = scenario::find_builtin(id);
  if (!b) return nullptr;
  return &loaded.emplace(id, scenario::load_scenario(b->json, "builtin:" + id)).first->second;
}

std::vector<Challenge> load_challenges(const std::string& text, const std::string& file) {
  try {
    return read_challenges(json::parse_text(text), "", builtin_scenario);
  } catch (const JsonError& e) {
    throw CourseError(file + ": " + e.what());
  }
}

std::string refuse_action(const Challenge& c, const sim::Action& action, int actions_used) {
  if (!c.allowed.contains(action.type)) {
    return "this challenge does not allow \"" + std::string(sim::to_string(action.type)) + "\"";
  }
  if (actions_used >= c.max_actions) return "all " + std::to_string(c.max_actions) + " actions are used";
  if (action.at_us > c.time_limit_us) return "the time limit has passed";
  return {};
}

scenario::Scenario challenge_scenario(const Challenge& c, const scenario::Scenario& scenario) {
  scenario::Scenario s = scenario;
  if (!c.keep_timeline) s.timeline.clear();
  s.actions.clear();
  return s;
}

ChallengeVerdict run_challenge(const Challenge& c, const scenario::Scenario& original,
                               const std::vector<sim::Action>& actions) {
  ChallengeVerdict v;
  const scenario::Scenario scenario = challenge_scenario(c, original);
  const auto sim = scenario::start_run(scenario, scenario.seed);
  const auto met_now = [&] {
    return std::all_of(c.conditions.begin(), c.conditions.end(),
                       [&](const evaluate::Condition& k) { return evaluate::holds(k, *sim, scenario); });
  };
  std::size_t next = 0;
  for (sim::TimeUs t = 0; t <= c.time_limit_us; t += kGoalCheckUs) {
    // The actions due before this check, each at its own moment, with the goal checked after it.
    while (next < actions.size() && actions[next].at_us <= t) {
      const sim::Action& a = actions[next++];
      if (v.refused.empty()) v.refused = refuse_action(c, a, v.actions_used);
      if (!v.refused.empty()) return v;
      sim->run_until(a.at_us);
      sim->act(a);
      ++v.actions_used;
      if (met_now()) {
        v.met = true;
        v.met_at_us = a.at_us;
        return v;
      }
    }
    sim->run_until(t);
    if (met_now()) {
      v.met = true;
      v.met_at_us = t;
      return v;
    }
  }
  if (next < actions.size()) v.refused = refuse_action(c, actions[next], v.actions_used);
  return v;
}

}  // namespace cs::course
