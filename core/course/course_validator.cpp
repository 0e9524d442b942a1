#include "course/course_validator.h"

#include "course/challenge.h"
#include "course/core_path.h"
#include "course/final_test.h"
#include "course/glossary_validator.h"
#include "course/prediction.h"
#include "run/compare.h"
#include "scenario/run_setup.h"

#include <algorithm>
#include <cctype>
#include <limits>
#include <map>
#include <memory>
#include <set>
#include <sstream>

namespace cs::course {

std::string ValidationIssue::to_string() const {
  std::string s = file;
  if (!where.empty()) s += ": " + where;
  return s + ": " + message;
}

namespace {

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::string current;
  for (char c : text) {
    if (c == '\n') {
      if (!current.empty() && current.back() == '\r') current.pop_back();
      lines.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) lines.push_back(std::move(current));
  return lines;
}

bool is_fence(const std::string& line) {
  const auto start = line.find_first_not_of(' ');
  return start != std::string::npos && start <= 3 &&
         (line.compare(start, 3, "```") == 0 || line.compare(start, 3, "~~~") == 0);
}

std::string trim(std::string s) {
  const auto b = s.find_first_not_of(" \t");
  const auto e = s.find_last_not_of(" \t");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

// Calls f(line_number, line) for every line outside fenced code blocks, with inline code removed.
template <class F>
void for_each_prose_line(std::string_view markdown, F&& f) {
  bool in_fence = false;
  int number = 0;
  for (const auto& raw : split_lines(markdown)) {
    ++number;
    if (is_fence(raw)) {
      in_fence = !in_fence;
      continue;
    }
    if (in_fence) continue;
    std::string line;
    bool in_code = false;
    for (char c : raw) {
      if (c == '`') {
        in_code = !in_code;
        continue;
      }
      if (!in_code) line += c;
    }
    f(number, line);
  }
}

}  // namespace

std::vector<MarkdownHeading> markdown_headings(std::string_view markdown) {
  std::vector<MarkdownHeading> out;
  for_each_prose_line(markdown, [&](int number, const std::string& line) {
    int level = 0;
    while (level < static_cast<int>(line.size()) && line[static_cast<std::size_t>(level)] == '#') ++level;
    if (level >= 1 && level <= 6 && static_cast<int>(line.size()) > level &&
        line[static_cast<std::size_t>(level)] == ' ') {
      std::string text = trim(line.substr(static_cast<std::size_t>(level)));
      while (!text.empty() && text.back() == '#') text.pop_back();  // closing hashes
      out.push_back({level, trim(text), number});
    }
  });
  return out;
}

std::vector<MarkdownLink> markdown_links(std::string_view markdown) {
  std::vector<MarkdownLink> out;
  for_each_prose_line(markdown, [&](int number, const std::string& line) {
    for (std::size_t pos = line.find("]("); pos != std::string::npos; pos = line.find("](", pos + 2)) {
      const std::size_t open = line.rfind('[', pos);
      if (open == std::string::npos) continue;
      const std::size_t close = line.find(')', pos + 2);
      if (close == std::string::npos) continue;
      std::string target = trim(line.substr(pos + 2, close - pos - 2));
      if (const auto space = target.find(' '); space != std::string::npos) target = target.substr(0, space);  // title
      const bool image = open > 0 && line[open - 1] == '!';
      out.push_back({target, image, number});
    }
  });
  return out;
}

namespace {

struct Validator {
  const ContentSource& source;
  const ScenarioLookup& scenario_exists;
  const ScenarioNodes& scenario_nodes;
  std::vector<ValidationIssue> issues;
  std::map<std::string, std::set<std::string>> metric_names;  // by scenario id
  std::map<std::string, std::string> challenge_lessons;       // challenge id -> the lesson that has it

  void add(std::string file, std::string where, std::string message) {
    issues.push_back({std::move(file), std::move(where), std::move(message), {}});
  }

  std::map<int, std::vector<std::string>> outline_headings() {
    std::map<int, std::vector<std::string>> out;
    const auto text = source.read("outline-headings.tsv");
    if (!text) {
      add("outline-headings.tsv", "", "cannot be read");
      return out;
    }
    int number = 0;
    for (const auto& line : split_lines(*text)) {
      ++number;
      if (line.empty()) continue;
      const auto tab = line.find('\t');
      int lesson = 0;
      if (tab != std::string::npos) {
        try {
          lesson = std::stoi(line.substr(0, tab));
        } catch (const std::exception&) {
          lesson = 0;
        }
      }
      if (lesson < 1) {
        add("outline-headings.tsv", "line " + std::to_string(number), "expected <lesson number><TAB><heading>");
        continue;
      }
      out[lesson].push_back(line.substr(tab + 1));
    }
    return out;
  }

  void check_markdown(const Lesson& lesson) {
    const std::string file = lesson.id + "/lesson.md";
    const auto headings = markdown_headings(lesson.markdown);
    if (headings.empty() || headings.front().level != 1) add(file, "line 1", "a lesson starts with one '# Title' line");
    for_each_prose_line(lesson.markdown, [&](int number, const std::string& line) {
      const std::string t = trim(line);
      if (t.size() > 1 && t[0] == '<' &&
          (std::isalpha(static_cast<unsigned char>(t[1])) || t[1] == '/' || t[1] == '!')) {
        add(file, "line " + std::to_string(number), "raw HTML is not allowed");
      }
    });
    std::set<std::string> linked;
    for (const auto& link : markdown_links(lesson.markdown)) {
      const std::string where = "line " + std::to_string(link.line);
      if (link.image) {
        if (link.target.find("..") != std::string::npos || link.target.find(':') != std::string::npos ||
            !source.exists(lesson.id + "/" + link.target)) {
          add(file, where, "image \"" + link.target + "\" does not exist in the lesson folder");
        }
      } else if (link.target.rfind("tryit:", 0) == 0) {
        const std::string id = link.target.substr(6);
        bool found = false;
        for (const auto& t : lesson.tryits) found = found || t.id == id;
        if (!found) add(file, where, "Try it link \"" + id + "\" has no entry in tryit.json");
        linked.insert(id);
      } else if (link.target.rfind("challenge:", 0) == 0) {
        continue;  // checked with the challenges (check_challenges)
      } else if (link.target.rfind("lab:", 0) == 0) {
        // A live-lab experiment (lab/, outside core: its test checks each id names one).
        const std::string id = link.target.substr(4);
        if (id.empty() || id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos)
          add(file, where, "lab link \"" + link.target + "\" must be lab:ID (lower-case letters, digits, -)");
      } else if (link.target.rfind("https://", 0) != 0 && link.target.rfind('#', 0) != 0) {
        add(file, where,
            "link target \"" + link.target + "\" must be https://, #anchor, tryit:ID, challenge:ID or lab:ID");
      }
    }
    for (const auto& t : lesson.tryits) {
      if (!linked.count(t.id))
        add(lesson.id + "/tryit.json", "", "entry \"" + t.id + "\" is never linked from lesson.md");
    }
  }

  // A case study (a ## or ### heading "Case study: ..." or "Case study N: ...") tells what a real
  // company or project did, so its section (up to the next heading of the same or a higher level)
  // needs a line "Source: [title](https://...) (publisher, year)." naming the publication it draws
  // on. Any "Source:" line must carry at least one https:// Markdown link.
  void check_sources(const Lesson& lesson) {
    const std::string file = lesson.id + "/lesson.md";
    struct Section {
      std::string title;
      int line;
      int level;
      bool sourced;
    };
    std::vector<Section> open_sections;  // case studies whose section has not ended yet
    const auto close = [&](int level) {
      while (!open_sections.empty() && open_sections.back().level >= level) {
        const Section& s = open_sections.back();
        if (!s.sourced) {
          add(file, "line " + std::to_string(s.line),
              "case study \"" + s.title +
                  "\" needs a line starting with \"Source:\" that links (https://) to the publication it draws on");
        }
        open_sections.pop_back();
      }
    };
    for_each_prose_line(lesson.markdown, [&](int number, const std::string& line) {
      const auto heading = markdown_headings(line);
      if (!heading.empty()) {
        close(heading.front().level);
        if (heading.front().level >= 2 && heading.front().level <= 3 && is_case_study(heading.front().text)) {
          open_sections.push_back({heading.front().text, number, heading.front().level, false});
        }
        return;
      }
      const std::string t = trim(line);
      if (t.rfind("Source:", 0) != 0) return;
      bool https = false;
      for (const auto& link : markdown_links(t))
        https = https || (!link.image && link.target.rfind("https://", 0) == 0);
      if (!https) {
        add(file, "line " + std::to_string(number), "a \"Source:\" line needs an https:// link to the publication");
        return;
      }
      for (auto& s : open_sections) s.sourced = true;
    });
    close(1);
  }

  static bool is_case_study(const std::string& heading) {
    static const std::string prefix = "case study";
    if (heading.size() <= prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(heading[i])) != prefix[i]) return false;
    }
    const char next = heading[prefix.size()];
    return next == ':' || next == ' ';
  }

  // A beginner's path: the lesson opens with "## In short", 3 to 5 bullet points and nothing else,
  // and its core path (the text without Hands-on sections and code blocks) stays under the limit.
  void check_beginner_path(const Lesson& lesson) {
    const std::string file = lesson.id + "/lesson.md";
    const auto headings = markdown_headings(lesson.markdown);
    std::size_t first = 0;  // the first heading below the title
    while (first < headings.size() && headings[first].level == 1) ++first;
    if (first == headings.size() || headings[first].level != 2 || headings[first].text != "In short") {
      add(file, first < headings.size() ? "line " + std::to_string(headings[first].line) : "",
          "a lesson opens with an \"## In short\" section of 3 to 5 bullet points");
    } else {
      const int start = headings[first].line;
      const int end = first + 1 < headings.size() ? headings[first + 1].line : std::numeric_limits<int>::max();
      int bullets = 0;
      for_each_prose_line(lesson.markdown, [&](int number, const std::string& line) {
        if (number <= start || number >= end) return;
        if (line.rfind("- ", 0) == 0 || line.rfind("* ", 0) == 0) {
          ++bullets;
        } else if (!trim(line).empty() && line[0] != ' ') {
          add(file, "line " + std::to_string(number), "\"In short\" holds only its bullet points");
        }
      });
      if (bullets < 3 || bullets > 5) {
        add(file, "line " + std::to_string(start),
            "\"In short\" has " + std::to_string(bullets) + " bullet points; it needs 3 to 5");
      }
    }
    check_walkthroughs_are_hands_on(lesson);
    const int words = core_path_words(lesson.markdown);
    if (words >= kCorePathWordLimit) {
      add(file, "",
          "the core path (the text without Hands-on sections and code blocks) has " + with_thousands(words) +
              " words; keep it under " + with_thousands(kCorePathWordLimit) +
              ": tighten the prose, or move configuration detail into a \"## Hands-on: ...\" section");
    }
  }

  // Configuration files and shell commands (a code block tagged ini, yaml, bash, ...) are a
  // walk-through for readers who run the system: they belong in a Hands-on section.
  void check_walkthroughs_are_hands_on(const Lesson& lesson) {
    static const std::set<std::string> kConfiguration = {"ini",        "yaml", "yml", "toml",  "conf",    "cfg",
                                                         "properties", "bash", "sh",  "shell", "console", "zsh"};
    const auto sections = hands_on_sections(lesson.markdown);
    const auto in_hands_on = [&](int line) {
      return std::any_of(sections.begin(), sections.end(),
                         [&](const HandsOnSection& s) { return line > s.first_line && line < s.end_line; });
    };
    // The experiments are the lesson itself: a learner who skips the Hands-on sections still meets them.
    for (const auto& link : markdown_links(lesson.markdown)) {
      if (link.image || !in_hands_on(link.line)) continue;
      if (link.target.rfind("tryit:", 0) == 0 || link.target.rfind("challenge:", 0) == 0) {
        add(lesson.id + "/lesson.md", "line " + std::to_string(link.line),
            "the link to \"" + link.target + "\" is in a Hands-on section, which a beginner may skip: move it out");
      }
    }
    bool in_fence = false;
    int number = 0;
    for (const auto& line : split_lines(lesson.markdown)) {
      ++number;
      if (!is_fence(line)) continue;
      in_fence = !in_fence;
      if (!in_fence) continue;
      std::string tag = trim(line.substr(line.find_first_not_of(' ')));
      tag = trim(tag.substr(std::min(tag.find_first_not_of(tag[0]), tag.size())));
      tag = tag.substr(0, tag.find_first_of(" {"));
      std::transform(tag.begin(), tag.end(), tag.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      if (kConfiguration.contains(tag) && !in_hands_on(number)) {
        add(lesson.id + "/lesson.md", "line " + std::to_string(number),
            "a ```" + tag +
                " block (configuration or shell commands) belongs in a \"Hands-on\" section, which a beginner may "
                "skip");
      }
    }
  }

  void check_tryits(const Lesson& lesson, bool first, bool last) {
    const std::string file = lesson.id + "/tryit.json";
    const std::size_t minimum = last ? 2 : 3;
    if (lesson.tryits.size() < minimum) {
      add(file, "/tryits", "a lesson needs at least " + std::to_string(minimum) + " Try it runs");
    }
    for (std::size_t i = 0; i < lesson.tryits.size(); ++i) {
      const auto& t = lesson.tryits[i];
      const std::string where = "/tryits/" + std::to_string(i) + "/scenario";
      if (!scenario_exists(t.scenario)) {
        issues.push_back({file, where, "scenario \"" + t.scenario + "\" does not exist", t.scenario});
        continue;
      }
      const auto nodes = scenario_nodes(t.scenario);
      for (std::size_t k = 0; k < t.steps.size(); ++k) {
        for (const auto& h : t.steps[k].highlight) {
          if (std::find(nodes.begin(), nodes.end(), h) == nodes.end()) {
            add(file, "/tryits/" + std::to_string(i) + "/steps/" + std::to_string(k) + "/highlight",
                "scenario \"" + t.scenario + "\" has no node \"" + h + "\"");
          }
        }
      }
      check_predictions(file, t);
      if (!t.compare.empty()) check_comparison(file, "/tryits/" + std::to_string(i) + "/compare", t);
    }
    // Every lesson between the first and the last shows one trade-off going two ways.
    const bool compares =
        std::any_of(lesson.tryits.begin(), lesson.tryits.end(), [](const TryIt& t) { return !t.compare.empty(); });
    if (!compares && !first && !last) {
      add(file, "/tryits", "a lesson between the first and the last needs a Try it that compares (\"compare\")");
    }
  }

  // A comparison's change applies to its scenario (a parameter the model has, a value it takes),
  // and the two branches do part before the Try it's last step: a comparison that shows nothing
  // teaches nothing.
  void check_comparison(const std::string& file, const std::string& where, const TryIt& t) {
    const scenario::Scenario* s = builtin_scenario(t.scenario);
    if (!s) return;
    std::string why;
    const auto change = run::parse_change(t.compare, &why);
    if (!change) {
      add(file, where, why);
      return;
    }
    std::uint64_t seed = s->seed;
    scenario::Scenario b;
    try {
      b = run::apply_change(*s, *change, seed);
    } catch (const scenario::ScenarioError& e) {
      add(file, where, e.what());
      return;
    }
    sim::TimeUs until = s->duration_us;
    for (const auto& step : t.steps) {
      if (step.at_us) until = *step.at_us;
    }
    const auto ra = scenario::start_run(*s, s->seed);
    const auto rb = scenario::start_run(b, seed);
    ra->run_until(until);
    rb->run_until(until);
    if (!run::first_divergence(ra->trace(), rb->trace())) {
      add(file, where, "the two branches do not part by the last step (" + std::to_string(until / 1000) + " ms)");
    }
  }

  // A prediction reads against its scenario, and in the scenario's default run exactly one of its
  // options holds at the step's moment (the learner cannot change the run while it is open).
  void check_predictions(const std::string& file, const TryIt& t) {
    const scenario::Scenario* s = builtin_scenario(t.scenario);
    if (!s) return;
    std::unique_ptr<sim::Simulation> run;
    for (const TryItStep& step : t.steps) {
      if (step.predict_json.empty()) continue;
      Prediction p;
      try {
        p = load_prediction(step, *s, file);
      } catch (const CourseError& e) {
        add(file, "", e.what());
        continue;
      }
      check_metric(file, step.predict_path + "/quantity", p.quantity, *s);
      if (!run) run = scenario::start_run(*s, s->seed);
      run->run_until(p.at_us);
      const PredictionAnswer a = answer_prediction(p, *run, *s);
      if (a.matching.size() != 1) {
        add(file, step.predict_path + "/options",
            std::to_string(a.matching.size()) + " options hold in the scenario's run (the value is " +
                evaluate::value_text(a.value) + "); exactly one must");
      }
    }
  }

  // Each challenge's recorded solution meets its goal within its rules; its non-solution does not.
  // A metric a quantity names must be one the scenario's run reports (a typo would read as 0).
  void check_metric(const std::string& file, const std::string& where, const evaluate::Quantity& q,
                    const scenario::Scenario& s) {
    if (q.kind != evaluate::Quantity::Kind::Metric) return;
    auto it = metric_names.find(s.id);
    if (it == metric_names.end()) {
      std::set<std::string> names;
      for (const auto& [name, value] : scenario::run_metrics(s, scenario::make_world(s, s.seed))) names.insert(name);
      it = metric_names.emplace(s.id, std::move(names)).first;
    }
    if (!it->second.contains(q.name)) {
      add(file, where, "the scenario \"" + s.id + "\" reports no metric \"" + q.name + "\"");
    }
  }

  // Every challenge:ID link names one of them, and each is linked from the text.
  void check_challenges(const Lesson& lesson) {
    std::vector<Challenge> challenges;
    if (!lesson.challenges_text.empty()) {
      try {
        challenges = load_challenges(lesson.challenges_text, lesson.challenges_path);
      } catch (const CourseError& e) {
        add(lesson.challenges_path, "", e.what());
        return;
      }
    }
    std::set<std::string> linked;
    for (const auto& link : markdown_links(lesson.markdown)) {
      if (link.image || link.target.rfind("challenge:", 0) != 0) continue;
      const std::string id = link.target.substr(10);
      const bool found =
          std::any_of(challenges.begin(), challenges.end(), [&](const Challenge& c) { return c.id == id; });
      if (!found) {
        add(lesson.id + "/lesson.md", "line " + std::to_string(link.line),
            "challenge link \"" + id + "\" has no entry in challenges.json");
      }
      linked.insert(id);
    }
    for (const Challenge& c : challenges) {
      if (!linked.contains(c.id))
        add(lesson.challenges_path, "", "challenge \"" + c.id + "\" is never linked from lesson.md");
      // One name, one challenge, in the whole course (the CLI and the progress file find it by id).
      const auto [it, fresh] = challenge_lessons.emplace(c.id, lesson.id);
      if (!fresh) add(lesson.challenges_path, "", "challenge \"" + c.id + "\" is also in lesson " + it->second);
    }
    for (std::size_t i = 0; i < challenges.size(); ++i) {
      const Challenge& c = challenges[i];
      const std::string where = "/challenges/" + std::to_string(i);
      const scenario::Scenario& s = *builtin_scenario(c.scenario);
      for (std::size_t k = 0; k < c.conditions.size(); ++k) {
        check_metric(lesson.challenges_path, where + "/conditions/" + std::to_string(k), c.conditions[k].quantity, s);
      }
      for (std::size_t k = 0; k < c.watch.size(); ++k) {
        check_metric(lesson.challenges_path, where + "/watch/" + std::to_string(k), c.watch[k].quantity, s);
      }
      const ChallengeVerdict solved = run_challenge(c, s, c.solution);
      if (!solved.refused.empty()) {
        add(lesson.challenges_path, where + "/solution", "breaks the challenge's rules: " + solved.refused);
      } else if (!solved.met) {
        add(lesson.challenges_path, where + "/solution", "does not meet the goal");
      }
      const ChallengeVerdict unsolved = run_challenge(c, s, c.non_solution);
      if (unsolved.met) {
        add(lesson.challenges_path, where + "/non_solution",
            "meets the goal (at " + std::to_string(static_cast<double>(unsolved.met_at_us) / 1e6) + " s)");
      }
    }
  }

  void check_quiz(const Lesson& lesson, bool last, bool single_lesson) {
    const std::string file = lesson.id + "/quiz.json";
    if (lesson.quiz.questions.size() < 6)
      add(file, "/questions", "a bank holds at least 6 questions, so a retry can differ");
    int outline = 0;
    for (const auto& q : lesson.quiz.questions) outline += q.outline ? 1 : 0;
    if (lesson.quiz.final_test && (!last || single_lesson)) {
      add(file, "/final", "only the last lesson of a course of several lessons can end in the final test");
    }
    if (lesson.quiz.final_test) {
      // The final test's numbers are the code's (course/final_test.h), which the lesson text states.
      if (lesson.quiz.draw != kFinalQuestions || lesson.quiz.pass != kFinalPass) {
        add(file, "/draw",
            "the final test asks " + std::to_string(kFinalQuestions) + " questions and passes with " +
                std::to_string(kFinalPass) + ": set \"draw\" and \"pass\" to those");
      }
      // The outline asks no questions of the last lesson.
      if (outline != 0) add(file, "/questions", "the final test's bank has no outline questions");
      return;
    }
    if (outline != lesson.quiz.draw) {
      add(file, "/questions",
          "the first attempt asks the outline's questions: mark exactly " + std::to_string(lesson.quiz.draw) +
              " with \"outline\": true");
    }
  }

  void check_outline(const Lesson& lesson, const std::vector<std::string>& expected) {
    const std::string file = lesson.id + "/outline.json";
    std::set<std::string> sections;
    for (const auto& h : markdown_headings(lesson.markdown)) {
      if (h.level == 2 || h.level == 3) sections.insert(h.text);
    }
    std::map<std::string, int> mapped;
    for (std::size_t i = 0; i < lesson.outline.size(); ++i) {
      const auto& m = lesson.outline[i];
      const std::string where = "/sections/" + std::to_string(i);
      if (std::find(expected.begin(), expected.end(), m.outline) == expected.end()) {
        add(file, where + "/outline", "\"" + m.outline + "\" is not an outline heading of this lesson");
      }
      if (!sections.count(m.section))
        add(file, where + "/section", "lesson.md has no ## or ### heading \"" + m.section + "\"");
      ++mapped[m.outline];
    }
    for (const auto& heading : expected) {
      const int count = mapped.count(heading) ? mapped[heading] : 0;
      if (count != 1) {
        add(file, "/sections",
            "outline heading \"" + heading + "\" must be mapped exactly once (found " + std::to_string(count) + ")");
      }
    }
  }

  void run() {
    Course course;
    try {
      course = load_course(source);
    } catch (const CourseError& e) {
      const std::string what = e.what();
      const auto colon = what.find(": ");
      add(what.substr(0, colon), "", colon == std::string::npos ? what : what.substr(colon + 2));
      return;
    }
    const auto outline = outline_headings();
    for (std::size_t i = 0; i < course.lessons.size(); ++i) {
      const Lesson& lesson = course.lessons[i];
      check_markdown(lesson);
      check_sources(lesson);
      check_beginner_path(lesson);
      check_tryits(lesson, i == 0, i + 1 == course.lessons.size());
      check_quiz(lesson, i + 1 == course.lessons.size(), course.lessons.size() < 2);
      check_challenges(lesson);
      const auto it = outline.find(static_cast<int>(i) + 1);
      check_outline(lesson, it == outline.end() ? std::vector<std::string>{} : it->second);
    }
    for (const auto& [number, headings] : outline) {
      if (number > static_cast<int>(course.lessons.size())) {
        add("outline-headings.tsv", "", "lesson " + std::to_string(number) + " is not in course.json");
      }
    }
    // The glossary (glossary.json, if the course has one): its terms used, its lessons and scenarios there.
    for (ValidationIssue& issue : validate_glossary(source, course, scenario_exists))
      issues.push_back(std::move(issue));
  }
};

}  // namespace

std::vector<ValidationIssue> validate_course(const ContentSource& source, const ScenarioLookup& scenario_exists,
                                             const ScenarioNodes& scenario_nodes) {
  Validator v{source, scenario_exists, scenario_nodes, {}, {}, {}};
  v.run();
  return v.issues;
}

}  // namespace cs::course
