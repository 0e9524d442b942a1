#pragma once
// Question templates: quiz questions whose numbers are drawn per attempt and whose answers the
// core computes. A template draws its parameters from a seed, asks a question with them, and gets
// the answer from the engines the simulation itself uses: quorum maths, the placement engine, the
// replication topologies, the failover log, or a run of a scenario variant with the drawn seed.
// Its wrong options come from the typical mistakes (a quorum off by one, mod N taken for a ring,
// unacknowledged writes counted as lost, a partitioned node forgotten), computed from the same
// numbers; when a mistake happens to give the right answer or another option's value, a nearby
// wrong value takes its place, so every draw has four different options and exactly one correct.
//
// Promises: the same template and seed give the same question, bit for bit (all randomness comes
// from sim::Random); every option has an explanation that shows the drawn numbers.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "course/course.h"
#include "scenario/scenario.h"

namespace cs::course {

// The moment of a run a question is about, for the stage to show after the answer: the scenario
// (as the template ran it, with the drawn faults as recorded learner actions), its seed, and the
// time to stop at.
struct StageMoment {
  scenario::Scenario scenario;
  std::uint64_t seed = 0;
  sim::TimeUs at_us = 0;
};

struct DrawnQuestion {
  std::string template_id;
  int lesson = 0;  // 1-based, as the course numbers its lessons
  std::uint64_t seed = 0;
  // The drawn numbers by name, in drawing order ("n", "w", "r", "run_seed", ...): what a teacher
  // or a test needs to recompute the answer without the template.
  std::vector<std::pair<std::string, std::int64_t>> params;
  QuizQuestion question;  // id "template:" + template_id; exactly one option correct
  // values[i] is what option i claims, in a short canonical form ("3", "n4", "mod:812 ring:196",
  // "no-overlap"): tests compare it with their own computation, and no two are equal.
  std::vector<std::string> values;
  // Set by templates answered by running the simulation.
  std::optional<StageMoment> moment;
};

struct QuestionTemplate {
  std::string id;
  int lesson = 0;
  std::string summary;  // what it asks, in one line, for listings
  // Draws the parameters from `seed` and builds the question; the options may come in any order
  // (draw() shuffles them). Never called directly: use draw().
  DrawnQuestion (*make)(std::uint64_t seed) = nullptr;
};

inline constexpr std::size_t kTemplateOptions = 4;

// Every template, ordered by lesson.
const std::vector<QuestionTemplate>& question_templates();
std::vector<const QuestionTemplate*> templates_for_lesson(int lesson);
const QuestionTemplate* find_template(std::string_view id);

// The template's question for this seed, with its options in a drawn order.
DrawnQuestion draw(const QuestionTemplate& t, std::uint64_t seed);

// The drawn value of a parameter; asserts that it exists.
std::int64_t param(const DrawnQuestion& q, std::string_view name);

}  // namespace cs::course
