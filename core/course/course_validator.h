#pragma once
// Checks the course content as a whole: structure (via load_course), quiz rules, that every
// "Try it" link leads to an entry and every entry to an existing scenario, no broken links or
// images, that every heading of the course outline is covered by a lesson section, that every
// case study ("## Case study: ...") has a "Source:" line linking to the publication it draws on,
// and a beginner's path: each lesson opens with "## In short" (3 to 5 bullet points) and its core
// path, without the Hands-on sections and code blocks, stays under 2,800 words (course/core_path.h).
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "course/course.h"

namespace cs::course {

struct ValidationIssue {
  std::string file;   // relative to the course root
  std::string where;  // "line 12" or a JSON path; may be empty
  std::string message;
  std::string missing_scenario;  // set when the issue is "this scenario does not exist (yet)"

  std::string to_string() const;
};

using ScenarioLookup = std::function<bool(std::string_view id)>;
// Node names of a scenario, for checking a step's highlight list; empty if unknown.
using ScenarioNodes = std::function<std::vector<std::string>(std::string_view id)>;

std::vector<ValidationIssue> validate_course(const ContentSource& source, const ScenarioLookup& scenario_exists,
                                             const ScenarioNodes& scenario_nodes);

// Markdown helpers, exposed for tests.
struct MarkdownHeading {
  int level;
  std::string text;
  int line;
};
struct MarkdownLink {
  std::string target;
  bool image;
  int line;
};
std::vector<MarkdownHeading> markdown_headings(std::string_view markdown);
std::vector<MarkdownLink> markdown_links(std::string_view markdown);

}  // namespace cs::course
