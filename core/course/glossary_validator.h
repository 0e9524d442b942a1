#pragma once
// The glossary's rules, part of validate_course (course/course_validator.h). When the course has a
// glossary.json, it must load (course/glossary.h), and each of its terms
// - is used somewhere in the course, by its name or one of its forms: in a lesson's text, its "Try
//   it" steps, its quiz or its challenges, or in a built-in scenario's title, description or
//   narration (the learner can then point at it and read its definition);
// - names a lesson of course.json that uses it: the lesson that introduces it;
// - names, if it names one, a scenario that exists.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "course/course.h"
#include "course/course_validator.h"
#include "course/glossary.h"

namespace cs::course {

std::vector<ValidationIssue> validate_glossary(const ContentSource& source, const Course& course,
                                               const ScenarioLookup& scenario_exists);

// The glossary's terms that a text uses, as indices into glossary.terms (sorted, each once).
std::vector<std::size_t> terms_used(const TermMatcher& matcher, std::string_view text);

// The text of one lesson that a glossary term may be used in: lesson.md, the Try it titles, steps
// and predictions, the quiz's questions, options and explanations, and the challenges' titles,
// goals, labels and explanations.
std::string lesson_corpus(const Lesson& lesson);

}  // namespace cs::course
