#pragma once
// A lesson's core path: what a beginner reads. Configuration walk-throughs live in sections whose
// heading starts with "Hands-on" (a "## Hands-on: ..." or "### Hands-on ..." heading and
// everything up to the next heading of the same or a higher level); a learner may skip them, and
// the lesson pane can hide them. The core path is the lesson without those sections and without
// fenced code blocks, and it stays under kCorePathWordLimit words (the validator checks it).
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "course/course.h"

namespace cs::course {

inline constexpr int kCorePathWordLimit = 2800;

struct HandsOnSection {
  std::string title;   // the heading's text: "Hands-on: PostgreSQL streaming replication"
  int level = 2;       // 2 for "##", 3 for "###"
  int first_line = 0;  // 1-based line of the heading
  int end_line = 0;    // 1-based line just after the section (the next heading of its level or higher)
};

// "Hands-on", "Hands-on: ...", "Hands-on ..." (any letter case); "Hands-only" is not one.
bool is_hands_on_heading(std::string_view heading);

// The Hands-on sections in the order they appear (a "#" line inside a code block is no heading).
std::vector<HandsOnSection> hands_on_sections(std::string_view markdown);

// The text with every Hands-on section replaced by what `placeholder` returns for it (which may be
// empty, or a paragraph that ends with a newline). All other lines are kept as they are.
std::string replace_hands_on(std::string_view markdown,
                             const std::function<std::string(const HandsOnSection&)>& placeholder);

// The words on the core path: outside Hands-on sections and fenced code blocks, a word is a run of
// characters between white space that holds a letter or a digit (a bullet "-", a table rule "|---|"
// or an arrow is none). A link counts its text, not its target.
int core_path_words(std::string_view markdown);

// 2431 -> "2,431".
std::string with_thousands(int n);

// "lesson 02-replication: core path 2,431 words (limit 2,800)"
std::string core_path_summary(std::string_view lesson_id, int words);

struct CorePathCount {
  std::string lesson;  // the lesson id
  int words = 0;
};
// Each lesson's core-path word count in course order; empty if the course cannot be loaded.
std::vector<CorePathCount> core_path_counts(const ContentSource& source);

}  // namespace cs::course
