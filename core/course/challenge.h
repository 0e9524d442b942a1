#pragma once
// A challenge: a scenario, a goal in one sentence, the actions the learner may take and a limit,
// graded by the core. The goal is a set of conditions on the run (evaluate/condition.h) that must
// all hold at one moment; "break it" challenges ask for a failure (an acknowledged write lost, two
// primaries), "fix it" challenges for a protection that holds. Each ships a recorded solution and
// a recorded non-solution, which the validator and the tests run.
//
// challenges.json, in a lesson folder:
//   {"schemaVersion": 1, "challenges": [{
//      "id": "lose-an-acked-write", "kind": "break", "scenario": "auto-failover-async-loss",
//      "keep_timeline": false,
//      "title": "...", "goal": "Make the cluster lose a write it had acknowledged.",
//      "conditions": [{"quantity": {"metric": "acked_writes_lost"}, "at_least": 1}],
//      "watch": [{"label": "Acknowledged writes lost", "quantity": {"metric": "acked_writes_lost"}}],
//      "allowed": ["crash", "restart", "partition", "heal"], "max_actions": 3, "time_limit_s": 30,
//      "explanation": "Why it happened, in two sentences.",
//      "solution": [{"at_s": 2, "action": "crash", "node": "n1"}], "non_solution": []}]}
#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "evaluate/condition.h"
#include "scenario/scenario.h"
#include "sim/action.h"

namespace cs::course {

struct ChallengeWatch {
  std::string label;
  evaluate::Quantity quantity;
  bool operator==(const ChallengeWatch&) const = default;
};

struct Challenge {
  static constexpr int kMaxActions = 20;  // the most any challenge may allow
  std::string id;
  std::string kind;  // "break" or "fix"
  std::string scenario;
  // False: the scenario's own timeline (its scripted faults) is left out, so that the learner's
  // actions are the only faults ("keep_timeline": false).
  bool keep_timeline = true;
  std::string title;
  std::string goal;
  std::vector<evaluate::Condition> conditions;  // all hold at one moment: the goal is met
  std::vector<ChallengeWatch> watch;            // what the goal panel shows live
  std::set<sim::ActionType> allowed;
  int max_actions = kMaxActions;
  sim::TimeUs time_limit_us = 0;
  std::string explanation;
  std::vector<sim::Action> solution;
  std::vector<sim::Action> non_solution;
  bool operator==(const Challenge&) const = default;
};

// How the goal is checked while a run goes on: after every learner action and at least this often.
inline constexpr sim::TimeUs kGoalCheckUs = 50'000;

// Reads a lesson's challenges.json; `load_scenario` gives the scenario a challenge names (throws
// json::JsonError naming the path when it does not exist). Conditions, node names and actions are
// checked against that scenario.
std::vector<Challenge> read_challenges(
    const json::Json& j, const std::string& path,
    const std::function<const scenario::Scenario*(const std::string& id)>& scenario_of);

// A lesson's challenges, read against the built-in scenarios. Throws CourseError naming the file
// and JSON path.
std::vector<Challenge> load_challenges(const std::string& text, const std::string& file);
// The built-in scenario with this id (loaded once), or nullptr.
const scenario::Scenario* builtin_scenario(const std::string& id);

// Where a learner stands: how many actions are used (an undo counts as one), and why an action
// would be refused.
struct ChallengeVerdict {
  bool met = false;
  sim::TimeUs met_at_us = -1;
  int actions_used = 0;
  std::string refused;  // the first action that broke the rules (not allowed, over the limit, too late)
};

// Is this action allowed now, with `actions_used` already taken? "" if yes, else why not.
std::string refuse_action(const Challenge& c, const sim::Action& action, int actions_used);

// The scenario as the challenge runs it (without its timeline when the challenge says so).
scenario::Scenario challenge_scenario(const Challenge& c, const scenario::Scenario& scenario);

// Runs the challenge's scenario with these learner actions to the time limit, checking the goal
// after every action and every kGoalCheckUs; stops at the first moment it is met.
ChallengeVerdict run_challenge(const Challenge& c, const scenario::Scenario& scenario,
                               const std::vector<sim::Action>& actions);

}  // namespace cs::course
