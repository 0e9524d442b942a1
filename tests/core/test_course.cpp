// Course content loading and validation rules.
#include <QtTest>

#include <algorithm>
#include <map>

#include "course/core_path.h"
#include "course/course_validator.h"
#include "lessons_dir.h"

using namespace cs::course;

namespace {

class MemorySource final : public ContentSource {
 public:
  std::map<std::string, std::string> files;
  std::optional<std::string> read(const std::string& p) const override {
    const auto it = files.find(p);
    return it == files.end() ? std::nullopt : std::optional<std::string>(it->second);
  }
  bool exists(const std::string& p) const override { return files.count(p) > 0; }
};

std::string question(const std::string& id, bool outline, int correct_index = 0) {
  std::string options;
  for (int i = 0; i < 4; ++i) {
    if (i) options += ",";
    options += R"({"text": "o)" + std::to_string(i) + R"(", "correct": )" + (i == correct_index ? "true" : "false") +
               R"(, "explanation": "because"})";
  }
  return R"({"id": ")" + id + R"(", "outline": )" + (outline ? "true" : "false") + R"(, "text": "Why?", "options": [)" +
         options + "]}";
}

MemorySource good_course() {
  MemorySource s;
  s.files["course.json"] = R"({"schemaVersion": 1, "title": "C", "lessons": [{"id": "01-a", "title": "A"}]})";
  s.files["outline-headings.tsv"] = "1\tWhat is it?\n1\tWhy?\n";
  std::string qs;
  for (int i = 0; i < 6; ++i) qs += (i ? "," : "") + question("q" + std::to_string(i), i < 3);
  s.files["01-a/quiz.json"] = R"({"schemaVersion": 1, "draw": 3, "pass": 2, "questions": [)" + qs + "]}";
  s.files["01-a/tryit.json"] =
      R"({"schemaVersion": 1, "tryits": [
          {"id": "t1", "scenario": "s", "title": "T", "steps": [{"text": "look", "highlight": ["n1"]}]},
          {"id": "t2", "scenario": "s", "title": "T", "steps": [{"at_s": 1, "text": "look"}]},
          {"id": "t3", "scenario": "s", "title": "T", "steps": [{"text": "look"}]}]})";
  s.files["01-a/outline.json"] =
      R"({"schemaVersion": 1, "sections": [{"outline": "What is it?", "section": "The thing"}, {"outline": "Why?", "section": "Reasons"}]})";
  s.files["01-a/lesson.md"] =
      "# A\n\n## In short\n\n- One.\n- Two.\n- Three.\n\n## The thing\n\nText [Try it](tryit:t1) and [more](tryit:t2) "
      "[x](tryit:t3).\n\n"
      "```text\n# not a heading\n[not](a-link)\n```\n\n### Reasons\n\nSee [docs](https://example.org) and "
      "[up](#the-thing).\n";
  return s;
}

std::vector<ValidationIssue> validate(const MemorySource& s, bool scenario_exists = true) {
  return validate_course(
      s, [&](std::string_view) { return scenario_exists; },
      [](std::string_view) {
        return std::vector<std::string>{"n1", "n2"};
      });
}

QString joined(const std::vector<ValidationIssue>& issues) {
  QStringList out;
  for (const auto& i : issues) out << QString::fromStdString(i.to_string());
  return out.join('\n');
}

}  // namespace

class TestCourse : public QObject {
  Q_OBJECT

 private slots:
  void goodCourseHasNoIssues() {
    const auto issues = validate(good_course());
    QVERIFY2(issues.empty(), qPrintable(joined(issues)));
    const Course c = load_course(good_course());
    QCOMPARE(c.lessons.size(), std::size_t{1});
    QCOMPARE(c.lessons[0].quiz.questions.size(), std::size_t{6});
    QCOMPARE(c.lessons[0].tryits[1].steps[0].at_us.value(), cs::sim::TimeUs{1'000'000});
  }

  void headingsAndLinksIgnoreCode() {
    const auto md = good_course().files["01-a/lesson.md"];
    const auto headings = markdown_headings(md);
    QCOMPARE(headings.size(), std::size_t{4});
    QCOMPARE(headings[3].text, std::string("Reasons"));
    const auto links = markdown_links(md);
    QCOMPARE(links.size(), std::size_t{5});
    for (const auto& l : links) QVERIFY(l.target != "a-link");
  }

  void quizRules_data() {
    QTest::addColumn<QString>("quiz");
    QTest::addColumn<QString>("expected");
    QTest::newRow("valid") << QString::fromStdString(R"({"schemaVersion": 1, "draw": 1, "pass": 1, "questions": [)" +
                                                     question("a", true) + "]}")
                           << "";
    QTest::newRow("pass above draw") << R"({"schemaVersion": 1, "draw": 3, "pass": 4, "questions": []})"
                                     << "quiz.json: /pass: between 1 and draw";
    QTest::newRow("unknown key") << R"({"schemaVersion": 1, "draw": 3, "pass": 2, "question": []})"
                                 << "quiz.json: /questions: missing required key";
    QTest::newRow("schema") << R"({"schemaVersion": 7})"
                            << "quiz.json: /schemaVersion: unsupported schema version 7";
  }

  void quizRules() {
    QFETCH(QString, quiz);
    QFETCH(QString, expected);
    if (expected.isEmpty()) {
      QVERIFY(parse_quiz(quiz.toStdString(), "quiz.json").questions.size() == 1);
      return;
    }
    try {
      parse_quiz(quiz.toStdString(), "quiz.json");
      QFAIL("no error");
    } catch (const CourseError& e) {
      QVERIFY2(QString(e.what()).contains(expected), e.what());
    }
  }

  void exactlyOneCorrectAnswer() {
    std::string q = question("a", true);
    const auto pos = q.find("\"correct\": false");
    q.replace(pos, 16, "\"correct\": true");
    try {
      parse_quiz(R"({"schemaVersion": 1, "draw": 1, "pass": 1, "questions": [)" + q + "]}", "l/quiz.json");
      QFAIL("no error");
    } catch (const CourseError& e) {
      QVERIFY2(
          QString(e.what()).contains("l/quiz.json: /questions/0/options: exactly one option must be correct (found 2)"),
          e.what());
    }
  }

  void validatorFindsProblems() {
    MemorySource s = good_course();
    s.files["01-a/lesson.md"] += "\n[gone](tryit:nope) ![pic](images/x.svg) [bad](ftp://x) \n<div>html</div>\n";
    s.files["outline-headings.tsv"] += "1\tForgotten\n";
    s.files["01-a/outline.json"] =
        R"({"schemaVersion": 1, "sections": [{"outline": "What is it?", "section": "Nowhere"}, {"outline": "Why?", "section": "Reasons"}]})";
    const QString text = joined(validate(s, false));
    QVERIFY2(text.contains("Try it link \"nope\" has no entry"), qPrintable(text));
    QVERIFY(text.contains("image \"images/x.svg\" does not exist"));
    QVERIFY(text.contains("link target \"ftp://x\" must be"));
    QVERIFY(text.contains("raw HTML is not allowed"));
    QVERIFY(text.contains("outline heading \"Forgotten\" must be mapped exactly once (found 0)"));
    QVERIFY(text.contains("lesson.md has no ## or ### heading \"Nowhere\""));
    QVERIFY(text.contains("01-a/tryit.json: /tryits/0/scenario: scenario \"s\" does not exist"));
  }

  void aCaseStudyNamesItsSource() {
    // A case study in a subsection, followed by a section that is not one.
    MemorySource s = good_course();
    const std::string study =
        "\n### Case study: a real company\n\nWhat it did, with its numbers.\n\n"
        "Source: [How we did it](https://example.org/how) (Example Blog, 2020).\n\n## Afterwards\n\nMore.\n";
    s.files["01-a/lesson.md"] += study;
    auto issues = validate(s);
    QVERIFY2(issues.empty(), qPrintable(joined(issues)));

    // The same section without its source line fails, naming the heading's line.
    MemorySource unsourced = good_course();
    std::string text = study;
    text.erase(text.find("Source:"), text.find("\n\n## Afterwards") - text.find("Source:"));
    unsourced.files["01-a/lesson.md"] += text;
    QString found = joined(validate(unsourced));
    QVERIFY2(found.contains("01-a/lesson.md: line 22: case study \"Case study: a real company\" needs a line starting "
                            "with \"Source:\""),
             qPrintable(found));

    // A source in the next section does not count, and a source line needs an https:// link.
    MemorySource late = unsourced;
    late.files["01-a/lesson.md"] += "\nSource: [later](https://example.org/later) (Example Blog, 2021).\n";
    QVERIFY(joined(validate(late)).contains("case study \"Case study: a real company\" needs a line"));
    MemorySource no_link = good_course();
    std::string plain = study;
    plain.replace(plain.find("[How we did it](https://example.org/how)"), 40, "How we did it, example.org");
    no_link.files["01-a/lesson.md"] += plain;
    found = joined(validate(no_link));
    QVERIFY2(found.contains("a \"Source:\" line needs an https:// link"), qPrintable(found));
    QVERIFY(found.contains("case study \"Case study: a real company\" needs a line"));

    // "Case study 2: ..." is a case study too; "Case studies" (an overview heading) is not.
    MemorySource numbered = unsourced;
    auto& md = numbered.files["01-a/lesson.md"];
    md.replace(md.find("### Case study: a real company"), 30, "### Case study 2: a real company");
    QVERIFY(joined(validate(numbered)).contains("case study \"Case study 2: a real company\" needs a line"));
    md.replace(md.find("### Case study 2: a real company"), 32, "### Case studies");
    issues = validate(numbered);
    QVERIFY2(issues.empty(), qPrintable(joined(issues)));
  }

  void challengesAndPredictionsAreHeldToTheirRules() {
    MemorySource s = good_course();
    // A prediction whose two options both hold, one naming a metric the scenario does not report.
    s.files["01-a/tryit.json"] =
        R"({"schemaVersion": 1, "tryits": [
          {"id": "t1", "scenario": "raft-5", "title": "T", "steps": [{"text": "look"},
            {"at_s": 3, "text": "then", "predict": {"question": "How many lead?", "quantity": {"leaders_now": true},
              "options": [{"text": "One", "equals": 1}, {"text": "At most two", "at_most": 2}], "explanation": "x"}}]},
          {"id": "t2", "scenario": "raft-5", "title": "T", "steps": [
            {"at_s": 3, "text": "then", "predict": {"question": "?", "quantity": {"metric": "leaders_electd"},
              "options": [{"text": "0", "equals": 0}, {"text": "more", "at_least": 1}], "explanation": "x"}}]},
          {"id": "t3", "scenario": "raft-5", "title": "T", "steps": [{"text": "look"}]}]})";
    // A challenge whose solution does not meet its goal and whose non-solution does, one never linked,
    // and a link to a challenge that does not exist.
    s.files["01-a/challenges.json"] = R"({"schemaVersion": 1, "challenges": [
        {"id": "c1", "kind": "break", "scenario": "raft-5", "keep_timeline": false, "title": "T",
         "goal": "Have one leader.", "conditions": [{"quantity": {"leaders_now": true}, "equals": 1}],
         "allowed": ["crash"], "max_actions": 1, "time_limit_s": 5, "explanation": "x",
         "solution": [{"at_s": 0, "action": "crash", "node": "n1"}, {"at_s": 0.1, "action": "crash", "node": "n2"}],
         "non_solution": []},
        {"id": "c2", "kind": "fix", "scenario": "raft-5", "title": "T", "goal": "g",
         "conditions": [{"quantity": {"leaders_now": true}, "equals": 9}], "allowed": ["heal"], "time_limit_s": 2,
         "explanation": "x", "solution": [], "non_solution": []}]})";
    s.files["01-a/lesson.md"] += "\n[Challenge](challenge:c1) [Gone](challenge:c9)\n";
    const QString text = joined(validate(s));
    QVERIFY2(text.contains("/tryits/0/steps/1/predict/options: 2 options hold"), qPrintable(text));
    QVERIFY2(text.contains(
                 "/tryits/1/steps/0/predict/quantity: the scenario \"raft-5\" reports no metric \"leaders_electd\""),
             qPrintable(text));
    QVERIFY2(text.contains("/challenges/0/solution: breaks the challenge's rules: all 1 actions are used"),
             qPrintable(text));
    QVERIFY2(text.contains("/challenges/0/non_solution: meets the goal"), qPrintable(text));
    QVERIFY2(text.contains("/challenges/1/solution: does not meet the goal"), qPrintable(text));
    QVERIFY2(text.contains("challenge \"c2\" is never linked from lesson.md"), qPrintable(text));
    QVERIFY2(text.contains("challenge link \"c9\" has no entry in challenges.json"), qPrintable(text));
    // A prediction needs the moment it asks about.
    auto& t = s.files["01-a/tryit.json"];
    const std::string timed = "{\"at_s\": 3, \"text\": \"then\"";
    t.replace(t.find(timed), timed.size(), "{\"text\": \"then\"");
    QVERIFY2(joined(validate(s)).contains("/tryits/0/steps/1/predict: a prediction step needs at_s"),
             qPrintable(joined(validate(s))));
  }

  void aChallengeIdNamesOneChallengeInTheWholeCourse() {
    MemorySource s = good_course();
    // A second lesson, a copy of the first; both have a challenge "c1".
    s.files["course.json"] =
        R"({"schemaVersion": 1, "title": "C", "lessons": [{"id": "01-a", "title": "A"}, {"id": "02-b", "title": "B"}]})";
    const std::string challenge = R"({"schemaVersion": 1, "challenges": [
        {"id": "c1", "kind": "break", "scenario": "raft-5", "title": "T", "goal": "g",
         "conditions": [{"quantity": {"leaders_now": true}, "equals": 0}], "allowed": ["crash"], "time_limit_s": 3,
         "explanation": "x", "solution": [{"at_s": 1, "action": "crash", "node": "n1"}], "non_solution": []}]})";
    for (const std::string lesson : {"01-a", "02-b"}) {
      for (const std::string file : {"quiz.json", "tryit.json", "outline.json", "lesson.md"}) {
        s.files[lesson + "/" + file] = s.files["01-a/" + file];
      }
      s.files[lesson + "/lesson.md"] += "\n[Challenge](challenge:c1)\n";
      s.files[lesson + "/challenges.json"] = challenge;
    }
    s.files["outline-headings.tsv"] += "2\tWhat is it?\n2\tWhy?\n";
    const QString text = joined(validate(s));
    QVERIFY2(text.contains("02-b/challenges.json: challenge \"c1\" is also in lesson 01-a"), qPrintable(text));
  }

  void missingScenariosAreMarked() {
    const auto issues = validate(good_course(), false);
    QCOMPARE(issues.size(), std::size_t{3});
    for (const auto& i : issues) QCOMPARE(i.missing_scenario, std::string("s"));
  }

  void highlightNamesMustExist() {
    MemorySource s = good_course();
    auto& t = s.files["01-a/tryit.json"];
    t.replace(t.find("\"n1\""), 4, "\"n9\"");
    QVERIFY(joined(validate(s)).contains("/tryits/0/steps/0/highlight: scenario \"s\" has no node \"n9\""));
  }

  void quizPolicy() {
    MemorySource s = good_course();
    auto& q = s.files["01-a/quiz.json"];
    q.replace(q.find("\"outline\": true"), 15, "\"outline\": false");
    QVERIFY(joined(validate(s)).contains("mark exactly 3 with \"outline\": true"));
  }

  void theFinalTestEndsACourseOfSeveralLessons() {
    // A second lesson whose quiz is the final test: 10 questions, 7 to pass, no outline questions.
    MemorySource s = good_course();
    s.files["course.json"] =
        R"({"schemaVersion": 1, "title": "C", "lessons": [{"id": "01-a", "title": "A"}, {"id": "02-b", "title": "B"}]})";
    for (const char* f : {"/tryit.json", "/outline.json", "/lesson.md"})
      s.files[std::string("02-b") + f] = s.files[std::string("01-a") + f];
    s.files["02-b/outline.json"] = R"({"schemaVersion": 1, "sections": []})";
    std::string qs;
    for (int i = 0; i < 6; ++i) qs += (i ? "," : "") + question("q" + std::to_string(i), false);
    const std::string final_quiz =
        R"({"schemaVersion": 1, "draw": 10, "pass": 7, "final": true, "questions": [)" + qs + "]}";
    s.files["02-b/quiz.json"] = final_quiz;
    auto issues = validate(s);
    QVERIFY2(issues.empty(), qPrintable(joined(issues)));
    QVERIFY(load_course(s).lessons[1].quiz.final_test);
    QVERIFY(!load_course(s).lessons[0].quiz.final_test);

    MemorySource wrong_numbers = s;
    wrong_numbers.files["02-b/quiz.json"] =
        R"({"schemaVersion": 1, "draw": 3, "pass": 2, "final": true, "questions": [)" + qs + "]}";
    QVERIFY(joined(validate(wrong_numbers)).contains("the final test asks 10 questions and passes with 7"));

    MemorySource outline_asked = s;
    std::string with_outline;
    for (int i = 0; i < 6; ++i) with_outline += (i ? "," : "") + question("q" + std::to_string(i), i == 0);
    outline_asked.files["02-b/quiz.json"] =
        R"({"schemaVersion": 1, "draw": 10, "pass": 7, "final": true, "questions": [)" + with_outline + "]}";
    QVERIFY(joined(validate(outline_asked)).contains("the final test's bank has no outline questions"));

    MemorySource first_is_final = s;
    auto& first = first_is_final.files["01-a/quiz.json"];
    first.replace(first.find("\"draw\""), 0, "\"final\": true, ");
    QVERIFY(joined(validate(first_is_final)).contains("only the last lesson of a course of several lessons"));
  }

  void theCorePathLeavesOutHandsOnSectionsAndCode() {
    const std::string md =
        "# Title words\n"                                            // 1: 2 words
        "\n"                                                         // 2
        "## Hands-only is no Hands-on heading\n"                     // 3: 5 words
        "\n"                                                         // 4
        "A [linked text](https://example.org/a/long/path) - end.\n"  // 5: 4 words (the target is none)
        "\n"                                                         // 6
        "```bash\n"                                                  // 7
        "## Hands-on: inside a code block\n"                         // 8: code, and no heading
        "```\n"                                                      // 9
        "\n"                                                         // 10
        "## Hands-on: setting it up\n"                               // 11: section 1 (## to the next ##)
        "\n"                                                         // 12
        "Skipped prose.\n"                                           // 13
        "### Step 1\n"                                               // 14: still section 1
        "More skipped prose.\n"                                      // 15
        "## Afterwards | --- | →\n"                                  // 16: 1 word ("|", "---", "→" are none)
        "\n"                                                         // 17
        "### hands-on\n"                                             // 18: section 2 (### to the next ### or ##)
        "Skipped.\n"                                                 // 19
        "### Back on the path\n"                                     // 20: 4 words
        "Last `inline code` words.";                                 // 21: 4 words, no final newline
    QVERIFY(is_hands_on_heading("Hands-on: PgBouncer"));
    QVERIFY(is_hands_on_heading("hands-on"));
    QVERIFY(is_hands_on_heading("Hands-on failover"));
    QVERIFY(!is_hands_on_heading("Hands-only is no Hands-on heading"));
    QVERIFY(!is_hands_on_heading("Doing it hands-on"));

    const auto sections = hands_on_sections(md);
    QCOMPARE(sections.size(), std::size_t{2});
    QCOMPARE(sections[0].title, std::string("Hands-on: setting it up"));
    QCOMPARE(sections[0].level, 2);
    QCOMPARE(sections[0].first_line, 11);
    QCOMPARE(sections[0].end_line, 16);
    QCOMPARE(sections[1].title, std::string("hands-on"));
    QCOMPARE(sections[1].level, 3);
    QCOMPARE(sections[1].first_line, 18);
    QCOMPARE(sections[1].end_line, 20);

    QCOMPARE(core_path_words(md), 2 + 5 + 4 + 1 + 4 + 4);
    // With the sections' lines in place, the words in them count.
    QCOMPARE(core_path_words("# Hands-on: nothing after it\nFour more words here.\n"), 0);
    QCOMPARE(core_path_words("# Hands-off: something after it\nFour more words here.\n"), 8);

    const std::string replaced =
        replace_hands_on(md, [](const HandsOnSection& s) { return "(" + s.title + " hidden)\n"; });
    QVERIFY(replaced.find("Skipped") == std::string::npos);
    QVERIFY(replaced.find("Step 1") == std::string::npos);
    QVERIFY(replaced.find("(Hands-on: setting it up hidden)\n## Afterwards") != std::string::npos);
    QVERIFY(replaced.find("\n(hands-on hidden)\n### Back on the path\n") != std::string::npos);
    QVERIFY(replaced.find("## Hands-on: inside a code block") != std::string::npos);  // code stays code
    QVERIFY(replaced.ends_with("Last `inline code` words."));
    const std::string removed = replace_hands_on(md, [](const HandsOnSection&) { return std::string(); });
    QCOMPARE(removed.find("Hands-on:"), md.find("Hands-on: inside a code block"));  // the only one left
    QCOMPARE(removed.rfind("Hands-on:"), removed.find("Hands-on:"));
    QCOMPARE(replace_hands_on("# A\n\nText.\n", [](const HandsOnSection&) { return std::string("x"); }),
             std::string("# A\n\nText.\n"));
  }

  void theValidatorLimitsTheCorePath() {
    const auto with_words = [](int n) {
      std::string text;
      for (int i = 0; i < n; ++i) text += (i % 12 == 11) ? "word\n" : "word ";
      return text + "\n";
    };
    // good_course()'s lesson has 19 words on its core path: "A", "In short", the three bullets, "The
    // thing", "Text [Try it and [more [x" (".", a link's target and code are none), "Reasons" and
    // "See [docs and [up".
    const MemorySource good = good_course();
    constexpr int kBase = 19;
    QCOMPARE(core_path_words(good.files.at("01-a/lesson.md")), kBase);
    MemorySource below = good;
    below.files["01-a/lesson.md"] += "\n" + with_words(kCorePathWordLimit - 1 - kBase);
    auto issues = validate(below);
    QVERIFY2(issues.empty(), qPrintable(joined(issues)));
    const auto counts = core_path_counts(below);
    QCOMPARE(counts.size(), std::size_t{1});
    QCOMPARE(counts[0].lesson, std::string("01-a"));
    QCOMPARE(counts[0].words, 2799);
    QCOMPARE(core_path_summary(counts[0].lesson, counts[0].words),
             std::string("lesson 01-a: core path 2,799 words (limit 2,800)"));

    MemorySource at_limit = good;
    at_limit.files["01-a/lesson.md"] += "\n" + with_words(kCorePathWordLimit - kBase);
    QString text = joined(validate(at_limit));
    QVERIFY2(text.contains("01-a/lesson.md: the core path (the text without Hands-on sections and code blocks) has "
                           "2,800 words; keep it under 2,800"),
             qPrintable(text));

    // The same words in a Hands-on section or a code block are not on the core path.
    MemorySource hands_on = good;
    hands_on.files["01-a/lesson.md"] += "\n## Hands-on: the details\n\n" + with_words(5000);
    issues = validate(hands_on);
    QVERIFY2(issues.empty(), qPrintable(joined(issues)));
    QCOMPARE(core_path_counts(hands_on)[0].words, kBase);
    MemorySource code = good;
    code.files["01-a/lesson.md"] += "\n```sql\n" + with_words(5000) + "```\n";
    issues = validate(code);
    QVERIFY2(issues.empty(), qPrintable(joined(issues)));
    // A course that does not load has no counts.
    MemorySource broken = good;
    broken.files.erase("course.json");
    QVERIFY(core_path_counts(broken).empty());
  }

  void configurationBlocksAreHandsOn() {
    MemorySource s = good_course();
    s.files["01-a/lesson.md"] += "\n## Setting up\n\n```ini\nport = 5432\n```\n\n~~~ Bash\nsystemctl start x\n~~~\n";
    const QString text = joined(validate(s));
    QVERIFY2(text.contains("01-a/lesson.md: line 24: a ```ini block (configuration or shell commands) belongs in a "
                           "\"Hands-on\" section"),
             qPrintable(text));
    QVERIFY2(text.contains("line 28: a ```bash block"), qPrintable(text));
    MemorySource moved = good_course();
    moved.files["01-a/lesson.md"] +=
        "\n## Hands-on: setting up\n\n```ini\nport = 5432\n```\n\n### Start it\n\n```bash\nsystemctl start x\n```\n";
    auto issues = validate(moved);
    QVERIFY2(issues.empty(), qPrintable(joined(issues)));
    // A "Try it" or challenge link is on the core path: a learner who skips Hands-on meets it.
    auto& md = moved.files["01-a/lesson.md"];
    const std::string link = "[x](tryit:t3)";
    md.erase(md.find(link), link.size());
    md += "\n" + link + "\n\n## After\n\n" + link + "\n";
    const QString found = joined(validate(moved));
    QVERIFY2(found.contains("01-a/lesson.md: line 34: the link to \"tryit:t3\" is in a Hands-on section, which a "
                            "beginner may skip"),
             qPrintable(found));
    QVERIFY2(!found.contains("line 38:"), qPrintable(found));
  }

  void aLessonOpensWithInShort() {
    const auto with_in_short = [](const std::string& section) {
      MemorySource s = good_course();
      auto& md = s.files["01-a/lesson.md"];
      md.replace(md.find("## In short"), md.find("## The thing") - md.find("## In short"), section);
      return joined(validate(s));
    };
    QCOMPARE(with_in_short("## In short\n\n- 1\n- 2\n- 3\n- 4\n- 5\n\n"), QString());
    QVERIFY(with_in_short("## In short\n\n- 1\n- 2\n\n")
                .contains("01-a/lesson.md: line 3: \"In short\" has 2 bullet points; it needs 3 to 5"));
    QVERIFY(with_in_short("## In short\n\n- 1\n- 2\n- 3\n- 4\n- 5\n- 6\n\n").contains("has 6 bullet points"));
    QVERIFY(with_in_short("## In short\n\n- 1\n- 2\n- 3\n\nAnd a paragraph.\n\n")
                .contains("01-a/lesson.md: line 9: \"In short\" holds only its bullet points"));
    QVERIFY(with_in_short("").contains(
        "01-a/lesson.md: line 3: a lesson opens with an \"## In short\" section of 3 to 5 bullet points"));
  }

  void theCoursesLessonsKeepToTheBeginnersPath() {
    // Every lesson of the shipped course: under the limit, and its walk-throughs are Hands-on.
    const DirectorySource source(test::kLessonsDir);
    const auto counts = core_path_counts(source);
    QCOMPARE(counts.size(), std::size_t{6});
    for (const auto& c : counts) QVERIFY2(c.words < kCorePathWordLimit, core_path_summary(c.lesson, c.words).c_str());
    const Course course = load_course(source);
    for (const char* walkthrough :
         {"PostgreSQL streaming replication", "Patroni", "MySQL Group Replication", "pgBackRest", "PgBouncer"}) {
      bool found = false;
      for (const Lesson& l : course.lessons) {
        for (const auto& h : markdown_headings(l.markdown)) {
          if (h.text.find(walkthrough) == std::string::npos) continue;
          const auto sections = hands_on_sections(l.markdown);
          found = found || std::any_of(sections.begin(), sections.end(), [&](const HandsOnSection& s) {
                    return h.line >= s.first_line && h.line < s.end_line;
                  });
        }
      }
      QVERIFY2(found, walkthrough);
    }
  }

  void missingFilesAreReported() {
    MemorySource s = good_course();
    s.files.erase("01-a/quiz.json");
    QVERIFY(joined(validate(s)).contains("01-a/quiz.json: cannot be read"));
  }
};

QTEST_APPLESS_MAIN(TestCourse)
#include "test_course.moc"
