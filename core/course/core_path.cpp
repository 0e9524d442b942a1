#include "course/core_path.h"

#include <cctype>

#include "course/course_validator.h"

namespace cs::course {

namespace {

// The lines of `text` as they are (a "\r" before a "\n" stays with its line); a text that ends
// with a newline has no empty last line, as markdown_headings counts them.
std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

bool is_fence(std::string_view line) {
  const auto start = line.find_first_not_of(' ');
  return start != std::string_view::npos && start <= 3 &&
         (line.substr(start, 3) == "```" || line.substr(start, 3) == "~~~");
}

bool has_letter_or_digit(std::string_view word) {
  for (const char c : word) {
    if (std::isalnum(static_cast<unsigned char>(c)) && static_cast<unsigned char>(c) < 0x80) return true;
  }
  return false;
}

bool is_figure_line(std::string_view line) {
  const std::size_t start = line.find_first_not_of(" \t");
  const std::size_t end = line.find_last_not_of(" \t\r");
  if (start == std::string_view::npos || line.substr(start, 2) != "![" || line[end] != ')') return false;
  const std::size_t middle = line.find("](", start);
  return middle != std::string_view::npos && line.find(')', middle) == end;
}

// Counts the words of one line of prose, leaving out link targets: "[text](target)" reads "text".
int words_in_line(std::string_view line) {
  std::string shown;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == ']' && i + 1 < line.size() && line[i + 1] == '(') {
      const std::size_t close = line.find(')', i + 2);
      if (close != std::string_view::npos) {
        shown += ' ';
        i = close;
        continue;
      }
    }
    shown += line[i];
  }
  int words = 0;
  std::size_t pos = 0;
  while (pos < shown.size()) {
    while (pos < shown.size() && std::isspace(static_cast<unsigned char>(shown[pos]))) ++pos;
    const std::size_t start = pos;
    while (pos < shown.size() && !std::isspace(static_cast<unsigned char>(shown[pos]))) ++pos;
    if (pos > start && has_letter_or_digit(std::string_view(shown).substr(start, pos - start))) ++words;
  }
  return words;
}

}  // namespace

bool is_hands_on_heading(std::string_view heading) {
  static constexpr std::string_view kPrefix = "hands-on";
  if (heading.size() < kPrefix.size()) return false;
  for (std::size_t i = 0; i < kPrefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(heading[i])) != kPrefix[i]) return false;
  }
  if (heading.size() == kPrefix.size()) return true;
  const char next = heading[kPrefix.size()];
  return next == ':' || next == ' ';
}

std::vector<HandsOnSection> hands_on_sections(std::string_view markdown) {
  const int line_count = static_cast<int>(lines_of(markdown).size());
  std::vector<HandsOnSection> sections;
  bool open = false;
  for (const MarkdownHeading& h : markdown_headings(markdown)) {
    if (open && h.level <= sections.back().level) {
      sections.back().end_line = h.line;
      open = false;
    }
    if (!open && is_hands_on_heading(h.text)) {
      sections.push_back({h.text, h.level, h.line, line_count + 1});
      open = true;
    }
  }
  return sections;
}

std::string replace_hands_on(std::string_view markdown,
                             const std::function<std::string(const HandsOnSection&)>& placeholder) {
  const auto lines = lines_of(markdown);
  const auto sections = hands_on_sections(markdown);
  std::string out;
  out.reserve(markdown.size());
  std::size_t next = 0;  // the next section to reach
  bool ends_in_line = false;
  for (int number = 1; number <= static_cast<int>(lines.size()); ++number) {
    if (next < sections.size() && number == sections[next].first_line) {
      out += placeholder(sections[next]);
      number = sections[next].end_line - 1;
      ++next;
      ends_in_line = false;
      continue;
    }
    out += lines[static_cast<std::size_t>(number - 1)];
    out += '\n';
    ends_in_line = true;
  }
  // A text without a final newline keeps it that way.
  if (ends_in_line && !markdown.empty() && markdown.back() != '\n') out.pop_back();
  return out;
}

int core_path_words(std::string_view markdown) {
  const auto lines = lines_of(markdown);
  const auto sections = hands_on_sections(markdown);
  std::size_t next = 0;
  bool in_fence = false;
  int words = 0;
  for (int number = 1; number <= static_cast<int>(lines.size()); ++number) {
    if (next < sections.size() && number == sections[next].first_line) {
      number = sections[next].end_line - 1;
      ++next;
      continue;
    }
    const std::string_view line = lines[static_cast<std::size_t>(number - 1)];
    if (is_fence(line)) {
      in_fence = !in_fence;
      continue;
    }
    // A figure (an image alone on its line) is looked at, not read: like a code block, its alt
    // text (also its caption in the lesson view) is not part of the reading load.
    if (!in_fence && !is_figure_line(line)) words += words_in_line(line);
  }
  return words;
}

std::string with_thousands(int n) {
  std::string digits = std::to_string(n < 0 ? -static_cast<long long>(n) : static_cast<long long>(n));
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
  return n < 0 ? "-" + digits : digits;
}

std::string core_path_summary(std::string_view lesson_id, int words) {
  return "lesson " + std::string(lesson_id) + ": core path " + with_thousands(words) + " words (limit " +
         with_thousands(kCorePathWordLimit) + ")";
}

std::vector<CorePathCount> core_path_counts(const ContentSource& source) {
  std::vector<CorePathCount> counts;
  try {
    for (const Lesson& lesson : load_course(source).lessons)
      counts.push_back({lesson.id, core_path_words(lesson.markdown)});
  } catch (const CourseError&) {
    return {};
  }
  return counts;
}

}  // namespace cs::course
