#include "course/prediction.h"

namespace cs::course {

Prediction load_prediction(const TryItStep& step, const scenario::Scenario& scenario, const std::string& file) {
  try {
    const json::Json j = json::parse_text(step.predict_json);
    json::ObjectReader r(j, step.predict_path);
    Prediction p;
    p.at_us = step.at_us.value_or(0);
    p.question = r.string("question");
    p.quantity = evaluate::read_quantity(r.at("quantity"), r.path_of("quantity"), scenario);
    p.explanation = r.string("explanation");
    const std::string opath = r.path_of("options");
    const json::Json& options = json::as_array(r.at("options"), opath);
    if (options.size() < 2 || options.size() > 4) throw json::JsonError(opath, "give 2 to 4 options");
    for (std::size_t i = 0; i < options.size(); ++i) {
      json::ObjectReader o(options[i], opath + "/" + std::to_string(i));
      PredictionOption option;
      option.text = o.string("text");
      option.claim = evaluate::read_condition(o, scenario, &p.quantity);
      o.finish();
      p.options.push_back(std::move(option));
    }
    r.finish();
    return p;
  } catch (const json::JsonError& e) {
    throw CourseError(file + ": " + e.what());
  }
}

PredictionAnswer answer_prediction(const Prediction& p, const sim::Simulation& sim,
                                   const scenario::Scenario& scenario) {
  PredictionAnswer a;
  a.value = evaluate::evaluate(p.quantity, sim, scenario);
  for (std::size_t i = 0; i < p.options.size(); ++i) {
    if (evaluate::holds(p.options[i].claim, a.value)) a.matching.push_back(static_cast<int>(i));
  }
  return a;
}

}  // namespace cs::course
