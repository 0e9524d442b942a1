#pragma once
// What the question templates share (internal to core/course/): collecting a question's options
// so that they stay distinct, near-miss fallbacks for numeric answers, and each lesson's list of
// templates (templates_lesson1.cpp ... templates_lesson5.cpp).
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "course/question_templates.h"
#include "sim/random.h"

namespace cs::course::kit {

struct Option {
  std::string value;  // canonical short form (DrawnQuestion::values)
  std::string text;
  std::string explanation;
};

// A question's options: the answer, then mistakes in order of preference. A mistake whose value
// equals the answer's or an earlier option's is skipped (it would be right, or a duplicate), so a
// template offers more mistakes than it needs and the first distinct ones are kept.
class OptionSet {
 public:
  explicit OptionSet(Option answer);
  bool add(Option mistake);  // false when skipped or already full
  bool full() const { return options_.size() >= kTemplateOptions; }
  bool has_value(const std::string& value) const;
  // Fills the remaining places with whole numbers near `answer` (answer + 1, answer - 1, + 2, ...)
  // inside [lo, hi], each made into an option by `make`. Asserts that enough exist.
  void fill_near(std::int64_t answer, std::int64_t lo, std::int64_t hi,
                 const std::function<Option(std::int64_t)>& make);
  const std::vector<Option>& options() const { return options_; }

 private:
  std::vector<Option> options_;  // [0] is the answer
};

using Params = std::vector<std::pair<std::string, std::int64_t>>;

// The question with options[0] correct (draw() shuffles the order afterwards).
DrawnQuestion make_question(std::string text, const OptionSet& options, Params params);

std::string num(std::int64_t n);
std::string node_name(std::int64_t index);  // 0 -> "n1"
// "1 node", "3 nodes".
std::string count_of(std::int64_t n, const std::string& singular, const std::string& plural);

std::vector<QuestionTemplate> lesson1_templates();
std::vector<QuestionTemplate> lesson2_templates();
std::vector<QuestionTemplate> lesson3_templates();
std::vector<QuestionTemplate> lesson4_templates();
std::vector<QuestionTemplate> lesson5_templates();

}  // namespace cs::course::kit
