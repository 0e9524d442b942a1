#pragma once
// The course's glossary (lessons/glossary.json): each term with a definition of exactly two
// sentences, the lesson that introduces it, the other ways the text says it ("forms") and, where
// one exists, a built-in scenario that shows it. Loading is strict like the other course files: a
// malformed file is an error naming the file and the JSON path. Whether the terms are used in the
// course, and whether their lessons and scenarios exist, is the validator's part
// (course/glossary_validator.h).
//
// The same matcher finds terms for the validator and for the application's hover definitions, so
// a term the validator counts as used is one the learner can point at.
//
//   {"schemaVersion": 1, "terms": [
//     {"term": "quorum", "definition": "Two sentences. In the project's own words.",
//      "lesson": "04-consistency", "forms": ["quorum size"], "except": [], "scenario": "quorum-strict"}]}
//
// "forms", "except" and "scenario" are optional. A name qualified in parentheses ("term (Raft)")
// is found only by its forms; a plural "s" or "es" needs no form of its own.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "course/course.h"

namespace cs::course {

inline constexpr const char* kGlossaryFile = "glossary.json";

struct GlossaryTerm {
  std::string term;                // as the glossary lists it: "quorum", "partition (network)"
  std::string definition;          // exactly two sentences
  std::string lesson;              // id of the lesson that introduces it ("04-consistency")
  std::vector<std::string> forms;  // other ways the course says it ("quorums", "network partition")
  // Phrases that contain the term or a form but mean something else ("log N" for "log"): where one
  // stands in the text, the term is not found.
  std::vector<std::string> except;
  std::string scenario;  // a built-in scenario that shows it; empty if none
  std::string path;      // its JSON path in glossary.json ("/terms/3"), for messages
};

struct Glossary {
  std::vector<GlossaryTerm> terms;
};

// Reads glossary.json text. Throws CourseError ("FILE: /json/path: what").
Glossary load_glossary(const std::string& text, const std::string& file);

// The course's glossary from its folder or resources: nullopt when the course has none. Throws
// CourseError for one that cannot be read or is malformed.
std::optional<Glossary> read_glossary(const ContentSource& source);

// The number of sentences in a definition: a sentence ends with '.', '!' or '?' followed by a space
// or the end of the text.
int sentence_count(std::string_view text);

// What the text may call a term: its name, unless the name is qualified in parentheses
// ("partition (network)"), and each of its forms. Each also matches with a plural "s" or "es".
std::vector<std::string> term_patterns(const GlossaryTerm& term);

// A term found in a text: byte offsets into the UTF-8 text and the term's index in the glossary.
struct TermMatch {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t term = 0;
};

// Finds glossary terms in text: whole words only (a letter, digit, '_' or '-' next to the match
// makes it part of a longer word), ASCII letters in any case except in acronyms (a pattern in
// capitals only, such as "CAP", matches only in capitals), a space in a pattern matching any run of
// white space, an optional plural ending ("s" or "es"). At each place the longest pattern wins, and
// a term's exceptions count as patterns that find nothing; matches do not overlap.
class TermMatcher {
 public:
  explicit TermMatcher(const Glossary& glossary);
  std::vector<TermMatch> find(std::string_view text) const;

 private:
  struct Pattern {
    std::string text;  // lower case with single spaces, or as written for an acronym
    std::size_t term;  // kNone for an exception
    bool exact_case;   // an acronym, written in capitals only: matches only so
  };
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::size_t match_at(std::string_view text, std::size_t at, const Pattern& p) const;
  std::vector<Pattern> patterns_;  // longest first
};

}  // namespace cs::course
