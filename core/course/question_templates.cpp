#include "course/question_templates.h"

#include <cassert>
#include <set>

#include "course/template_kit.h"
#include "sim/random.h"

namespace cs::course {

const std::vector<QuestionTemplate>& question_templates() {
  static const std::vector<QuestionTemplate> all = [] {
    std::vector<QuestionTemplate> out;
    for (auto list : {kit::lesson1_templates, kit::lesson2_templates, kit::lesson3_templates, kit::lesson4_templates,
                      kit::lesson5_templates}) {
      for (QuestionTemplate& t : list()) out.push_back(std::move(t));
    }
    return out;
  }();
  return all;
}

std::vector<const QuestionTemplate*> templates_for_lesson(int lesson) {
  std::vector<const QuestionTemplate*> out;
  for (const QuestionTemplate& t : question_templates()) {
    if (t.lesson == lesson) out.push_back(&t);
  }
  return out;
}

const QuestionTemplate* find_template(std::string_view id) {
  for (const QuestionTemplate& t : question_templates()) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

DrawnQuestion draw(const QuestionTemplate& t, std::uint64_t seed) {
  assert(t.make);
  DrawnQuestion q = t.make(seed);
  q.template_id = t.id;
  q.lesson = t.lesson;
  q.seed = seed;
  q.question.id = "template:" + t.id;
  // What every template promises, whatever it drew.
  assert(q.question.options.size() == kTemplateOptions && q.values.size() == kTemplateOptions);
  assert(std::set<std::string>(q.values.begin(), q.values.end()).size() == kTemplateOptions);
  // The answer's place is drawn too (Fisher-Yates with the project's generator), from a stream
  // apart from the parameters', so that the correct option is not always first.
  sim::Random rng(seed ^ 0x5EED0F0F7105ULL);
  for (std::size_t i = kTemplateOptions; i > 1; --i) {
    const std::size_t j = rng.below(i);
    std::swap(q.question.options[i - 1], q.question.options[j]);
    std::swap(q.values[i - 1], q.values[j]);
  }
  return q;
}

std::int64_t param(const DrawnQuestion& q, std::string_view name) {
  for (const auto& [key, value] : q.params) {
    if (key == name) return value;
  }
  assert(false && "no such drawn parameter");
  return 0;
}

}  // namespace cs::course
