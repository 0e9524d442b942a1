#include "course/template_kit.h"

#include <cassert>

namespace cs::course::kit {

OptionSet::OptionSet(Option answer) { options_.push_back(std::move(answer)); }

bool OptionSet::has_value(const std::string& value) const {
  for (const Option& o : options_) {
    if (o.value == value) return true;
  }
  return false;
}

bool OptionSet::add(Option mistake) {
  if (full() || has_value(mistake.value)) return false;
  options_.push_back(std::move(mistake));
  return true;
}

void OptionSet::fill_near(std::int64_t answer, std::int64_t lo, std::int64_t hi,
                          const std::function<Option(std::int64_t)>& make) {
  // Alternate above and below the answer, nearest first: near misses are the plausible ones.
  for (std::int64_t step = 1; !full() && step <= hi - lo + 1; ++step) {
    for (const std::int64_t v : {answer + step, answer - step}) {
      if (!full() && v >= lo && v <= hi && !has_value(num(v))) add(make(v));
    }
  }
  assert(full());
}

DrawnQuestion make_question(std::string text, const OptionSet& options, Params params) {
  assert(options.full());
  DrawnQuestion q;
  q.params = std::move(params);
  q.question.text = std::move(text);
  for (std::size_t i = 0; i < options.options().size(); ++i) {
    const Option& o = options.options()[i];
    q.question.options.push_back({o.text, i == 0, o.explanation});
    q.values.push_back(o.value);
  }
  return q;
}

std::string num(std::int64_t n) { return std::to_string(n); }

std::string node_name(std::int64_t index) { return "n" + std::to_string(index + 1); }

std::string count_of(std::int64_t n, const std::string& singular, const std::string& plural) {
  return std::to_string(n) + " " + (n == 1 ? singular : plural);
}

}  // namespace cs::course::kit
