#pragma once
// A prediction step: before the run plays to the step's moment, the learner picks one of 2 to 4
// options; the run then plays there and the option that holds is the right one. The answer is
// computed from the run (evaluate/), never written in the content; content names the quantity
// and what each option claims about it:
//   "predict": {"question": "Does n3 return the new value?", "quantity": {"last_read": 1},
//               "options": [{"text": "Yes", "equals": 7}, {"text": "No, an older one", "at_most": 6}],
//               "explanation": "Why, in a sentence or two."}
// While a prediction is open the seed and the stage's actions are locked, so the run that
// answers it is the scenario's default run: the validator checks that exactly one option holds.
#include <string>
#include <vector>

#include "course/course.h"
#include "evaluate/condition.h"

namespace cs::course {

struct PredictionOption {
  std::string text;
  evaluate::Condition claim;
};

struct Prediction {
  std::string question;
  evaluate::Quantity quantity;
  std::vector<PredictionOption> options;  // 2 to 4
  std::string explanation;
  sim::TimeUs at_us = 0;
};

// Reads a step's prediction against its scenario. Throws CourseError naming `file` and the path.
Prediction load_prediction(const TryItStep& step, const scenario::Scenario& scenario, const std::string& file);

struct PredictionAnswer {
  evaluate::Value value;      // the quantity at the step's moment
  std::vector<int> matching;  // the options that hold (exactly one in valid content)
};

// Evaluates the prediction on the simulation, which must stand at the step's moment.
PredictionAnswer answer_prediction(const Prediction& p, const sim::Simulation& sim, const scenario::Scenario& scenario);

}  // namespace cs::course
