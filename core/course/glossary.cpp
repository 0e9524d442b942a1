#include "course/glossary.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "json/strict_reader.h"

namespace cs::course {

using json::Json;
using json::JsonError;
using json::ObjectReader;

namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// The length in bytes of the white space character at `at` (ASCII white space, a no-break space or
// a line or paragraph separator, as Qt's text blocks hold them), or 0.
std::size_t space_length(std::string_view text, std::size_t at) {
  if (at >= text.size()) return 0;
  if (is_space_byte(text[at])) return 1;
  const auto byte = [&](std::size_t i) { return i < text.size() ? static_cast<unsigned char>(text[i]) : 0u; };
  if (byte(at) == 0xC2 && byte(at + 1) == 0xA0) return 2;                                                    // U+00A0
  if (byte(at) == 0xE2 && byte(at + 1) == 0x80 && (byte(at + 2) == 0xA8 || byte(at + 2) == 0xA9)) return 3;  // U+2028/9
  return 0;
}

// The code point starting at byte `at` (0 past the end; a broken sequence reads as its first byte).
char32_t code_point_at(std::string_view text, std::size_t at) {
  if (at >= text.size()) return 0;
  const auto b0 = static_cast<unsigned char>(text[at]);
  if (b0 < 0x80) return b0;
  const std::size_t extra = b0 >= 0xF0 ? 3 : b0 >= 0xE0 ? 2 : b0 >= 0xC0 ? 1 : 0;
  if (extra == 0 || at + extra >= text.size()) return b0;
  char32_t cp = b0 & (0x3Fu >> extra);
  for (std::size_t i = 1; i <= extra; ++i) {
    const auto b = static_cast<unsigned char>(text[at + i]);
    if ((b & 0xC0) != 0x80) return b0;
    cp = (cp << 6) | (b & 0x3F);
  }
  return cp;
}

// The code point that ends just before byte `at` (0 at the start).
char32_t code_point_before(std::string_view text, std::size_t at) {
  if (at == 0 || at > text.size()) return 0;
  std::size_t start = at - 1;
  while (start > 0 && at - start < 4 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  return code_point_at(text, start);
}

// A character that continues a word: a letter or digit of any script (and sub- and superscript
// digits, as in "log₂"), '_' or '-'. Punctuation, quotation marks, dashes, arrows and mathematical
// signs end one.
bool is_word(char32_t c) {
  if (c == 0) return false;
  if (c < 0x80) return std::isalnum(static_cast<int>(c)) != 0 || c == U'_' || c == U'-';
  if (c == 0xB2 || c == 0xB3 || c == 0xB9 || c == 0xAA || c == 0xBA || c == 0xB5) return true;
  if (c < 0xC0 || c == 0xD7 || c == 0xF7) return false;
  if (c >= 0x2000 && c <= 0x206F) return false;  // general punctuation: dashes, quotes, spaces
  if (c >= 0x2070 && c <= 0x209F) return true;   // super- and subscripts
  if (c >= 0x20A0 && c <= 0x2BFF) return false;  // currency, arrows, mathematical signs, shapes
  if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
  return c != 0xFEFF;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// Lower case with every run of white space one space: how patterns are compared.
std::string normalized(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (is_space_byte(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += lower(c);
  }
  return out;
}

std::string non_empty(ObjectReader& r, std::string_view key) {
  std::string s = r.string(key);
  if (trim(s).empty()) throw JsonError(r.path_of(key), "must not be empty");
  if (trim(s) != s) throw JsonError(r.path_of(key), "has spaces at its start or end");
  return s;
}

// A pattern starts and ends with a letter or digit, or the word-boundary rule could never match it.
void check_pattern(const std::string& pattern, const std::string& path) {
  const auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  if (pattern.empty() || !alnum(pattern.front()) || !alnum(pattern.back()))
    throw JsonError(path, "\"" + pattern + "\" must start and end with a letter or digit to be found in the text");
}

}  // namespace

int sentence_count(std::string_view text) {
  int count = 0;
  bool words = false;  // the current sentence has begun
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (!is_space_byte(c)) words = true;
    if ((c == '.' || c == '!' || c == '?') && (i + 1 == text.size() || is_space_byte(text[i + 1])) && words) {
      ++count;
      words = false;
    }
  }
  return count + (words ? 1 : 0);
}

std::vector<std::string> term_patterns(const GlossaryTerm& term) {
  std::vector<std::string> out;
  if (term.term.find('(') == std::string::npos) out.push_back(term.term);
  out.insert(out.end(), term.forms.begin(), term.forms.end());
  return out;
}

Glossary load_glossary(const std::string& text, const std::string& file) {
  try {
    const Json root = json::parse_text(text);
    ObjectReader r(root, "");
    const auto version = r.integer("schemaVersion");
    if (version != 1) throw JsonError("/schemaVersion", "unsupported schema version " + std::to_string(version));
    const Json& terms = json::as_array(r.at("terms"), "/terms");
    if (terms.empty()) throw JsonError("/terms", "a glossary needs at least one term");
    Glossary glossary;
    std::map<std::string, std::string> owners;  // normalized pattern or name -> the term that has it
    for (std::size_t i = 0; i < terms.size(); ++i) {
      const std::string path = "/terms/" + std::to_string(i);
      ObjectReader t(terms[i], path);
      GlossaryTerm term;
      term.path = path;
      term.term = non_empty(t, "term");
      term.definition = non_empty(t, "definition");
      const int sentences = sentence_count(term.definition);
      if (sentences != 2) {
        throw JsonError(t.path_of("definition"),
                        "a definition has exactly two sentences (found " + std::to_string(sentences) + ")");
      }
      const char last = term.definition.back();
      if (last != '.' && last != '!' && last != '?')
        throw JsonError(t.path_of("definition"), "a definition ends with a full stop");
      term.lesson = non_empty(t, "lesson");
      if (t.has("scenario")) term.scenario = non_empty(t, "scenario");
      if (const Json* forms = t.find("forms")) {
        const Json& list = json::as_array(*forms, t.path_of("forms"));
        for (std::size_t k = 0; k < list.size(); ++k) {
          const std::string fpath = t.path_of("forms") + "/" + std::to_string(k);
          std::string form = json::as_string(list[k], fpath);
          if (trim(form).empty()) throw JsonError(fpath, "must not be empty");
          check_pattern(form, fpath);
          term.forms.push_back(std::move(form));
        }
      }
      if (const Json* except = t.find("except")) {
        const Json& list = json::as_array(*except, t.path_of("except"));
        for (std::size_t k = 0; k < list.size(); ++k) {
          const std::string epath = t.path_of("except") + "/" + std::to_string(k);
          std::string phrase = json::as_string(list[k], epath);
          check_pattern(phrase, epath);
          const std::string n = normalized(phrase);
          const auto patterns = term_patterns(term);
          if (std::none_of(patterns.begin(), patterns.end(),
                           [&](const std::string& p) { return n.find(normalized(p)) != std::string::npos; })) {
            throw JsonError(epath, "\"" + phrase + "\" contains neither the term nor one of its forms");
          }
          term.except.push_back(std::move(phrase));
        }
      }
      const bool qualified = term.term.find('(') != std::string::npos;
      if (qualified && term.forms.empty()) {
        throw JsonError(t.path_of("forms"), "\"" + term.term +
                                                "\" is qualified in parentheses, which the text never writes: "
                                                "list the forms that find it");
      }
      if (!qualified) check_pattern(term.term, t.path_of("term"));
      // One name, and one meaning for each way of saying it: hovering over a word shows one term.
      const auto claim = [&](const std::string& said, const std::string& where) {
        const auto [it, fresh] = owners.emplace(normalized(said), term.term);
        if (!fresh) throw JsonError(where, "\"" + said + "\" is already used by the term \"" + it->second + "\"");
      };
      claim(term.term, t.path_of("term"));
      for (std::size_t k = 0; k < term.forms.size(); ++k) {
        if (normalized(term.forms[k]) == normalized(term.term))
          throw JsonError(t.path_of("forms") + "/" + std::to_string(k), "repeats the term itself");
        claim(term.forms[k], t.path_of("forms") + "/" + std::to_string(k));
      }
      for (std::size_t k = 0; k < term.except.size(); ++k)
        claim(term.except[k], t.path_of("except") + "/" + std::to_string(k));
      t.finish();
      glossary.terms.push_back(std::move(term));
    }
    r.finish();
    return glossary;
  } catch (const JsonError& e) {
    throw CourseError(file + ": " + e.what());
  }
}

std::optional<Glossary> read_glossary(const ContentSource& source) {
  if (!source.exists(kGlossaryFile)) return std::nullopt;
  const auto text = source.read(kGlossaryFile);
  if (!text) throw CourseError(std::string(kGlossaryFile) + ": cannot be read");
  return load_glossary(*text, kGlossaryFile);
}

TermMatcher::TermMatcher(const Glossary& glossary) {
  for (std::size_t i = 0; i < glossary.terms.size(); ++i) {
    for (const std::string& p : term_patterns(glossary.terms[i])) {
      // An acronym (capitals only: CAP, WAL, AP) matches only in capitals, so that "a cap" is not CAP.
      const bool capitals =
          std::any_of(p.begin(), p.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); }) &&
          std::none_of(p.begin(), p.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
      patterns_.push_back({capitals ? p : normalized(p), i, capitals});
    }
    for (const std::string& e : glossary.terms[i].except) patterns_.push_back({normalized(e), kNone, false});
  }
  std::stable_sort(patterns_.begin(), patterns_.end(),
                   [](const Pattern& a, const Pattern& b) { return a.text.size() > b.text.size(); });
}

std::size_t TermMatcher::match_at(std::string_view text, std::size_t at, const Pattern& p) const {
  std::size_t i = at;
  for (std::size_t k = 0; k < p.text.size(); ++k) {
    if (p.text[k] == ' ') {
      std::size_t n = space_length(text, i);
      if (n == 0) return std::string_view::npos;
      while (n > 0) {
        i += n;
        n = space_length(text, i);
      }
      continue;
    }
    if (i >= text.size() || (p.exact_case ? text[i] : lower(text[i])) != p.text[k]) return std::string_view::npos;
    ++i;
  }
  // An optional plural ending, then the end of the word.
  for (std::string_view ending : {std::string_view("es"), std::string_view("s"), std::string_view()}) {
    std::size_t end = i;
    bool ok = true;
    for (char c : ending) {
      if (end >= text.size() || lower(text[end]) != c) {
        ok = false;
        break;
      }
      ++end;
    }
    if (ok && !is_word(code_point_at(text, end))) return end;
  }
  return std::string_view::npos;
}

std::vector<TermMatch> TermMatcher::find(std::string_view text) const {
  std::vector<TermMatch> out;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const bool starts_char = (byte & 0xC0) != 0x80;
    if (starts_char && std::isalnum(byte) && !is_word(code_point_before(text, i))) {
      bool found = false;
      for (const Pattern& p : patterns_) {
        if (p.text.front() != (p.exact_case ? text[i] : lower(text[i]))) continue;
        const std::size_t end = match_at(text, i, p);
        if (end == std::string_view::npos) continue;
        if (p.term != kNone) out.push_back({i, end, p.term});
        i = end;
        found = true;
        break;
      }
      if (found) continue;
    }
    ++i;
  }
  return out;
}

}  // namespace cs::course
