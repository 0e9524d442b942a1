// The course's glossary (lessons/glossary.json): strict loading, the term matcher shared by the
// validator and the window's hover definitions, and the validator's glossary rules.
#include <QtTest>

#include <algorithm>
#include <map>

#include "course/course_validator.h"
#include "course/glossary.h"
#include "course/glossary_validator.h"
#include "lessons_dir.h"
#include "scenario/builtin.h"

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

std::string question(const std::string& id, bool outline) {
  std::string options;
  for (int i = 0; i < 4; ++i) {
    if (i) options += ",";
    options += R"({"text": "o)" + std::to_string(i) + R"(", "correct": )" + (i == 0 ? "true" : "false") +
               R"(, "explanation": "because"})";
  }
  return R"({"id": ")" + id + R"(", "outline": )" + (outline ? "true" : "false") +
         R"(, "text": "What does a quorum need?", "options": [)" + options + "]}";
}

// A course of one lesson that passes every other rule (as in test_course), about quorums.
MemorySource course_with(const std::string& glossary) {
  MemorySource s;
  s.files["course.json"] = R"({"schemaVersion": 1, "title": "C", "lessons": [{"id": "01-a", "title": "A"}]})";
  s.files["outline-headings.tsv"] = "1\tWhat is it?\n";
  std::string qs;
  for (int i = 0; i < 6; ++i) qs += (i ? "," : "") + question("q" + std::to_string(i), i < 3);
  s.files["01-a/quiz.json"] = R"({"schemaVersion": 1, "draw": 3, "pass": 2, "questions": [)" + qs + "]}";
  s.files["01-a/tryit.json"] =
      R"({"schemaVersion": 1, "tryits": [
          {"id": "t1", "scenario": "s", "title": "T", "steps": [{"text": "Watch the heartbeats."}]},
          {"id": "t2", "scenario": "s", "title": "T", "steps": [{"text": "look"}]},
          {"id": "t3", "scenario": "s", "title": "T", "steps": [{"text": "look"}]}]})";
  s.files["01-a/outline.json"] =
      R"({"schemaVersion": 1, "sections": [{"outline": "What is it?", "section": "The thing"}]})";
  s.files["01-a/lesson.md"] =
      "# A\n\n## In short\n\n- One.\n- Two.\n- Three.\n\n## The thing\n\nA write needs a quorum of replicas. "
      "[Try it](tryit:t1) [more](tryit:t2) [x](tryit:t3).\n";
  if (!glossary.empty()) s.files["glossary.json"] = glossary;
  return s;
}

std::string term_json(const std::string& term, const std::string& lesson, const std::string& extra = {}) {
  return R"({"term": ")" + term + R"(", "definition": "First sentence about it. Second sentence about it.", )" +
         R"("lesson": ")" + lesson + "\"" + extra + "}";
}

std::string glossary_json(const std::vector<std::string>& terms) {
  std::string list;
  for (const auto& t : terms) list += (list.empty() ? "" : ",") + t;
  return R"({"schemaVersion": 1, "terms": [)" + list + "]}";
}

std::vector<ValidationIssue> validate(const MemorySource& s) {
  return validate_course(
      s, [](std::string_view id) { return id == "s" || cs::scenario::find_builtin(id) != nullptr; },
      [](std::string_view) { return std::vector<std::string>{"n1"}; });
}

QString joined(const std::vector<ValidationIssue>& issues) {
  QStringList out;
  for (const auto& i : issues) out << QString::fromStdString(i.to_string());
  return out.join('\n');
}

// The terms a text uses, by name, in order.
QStringList found(const Glossary& g, const std::string& text) {
  QStringList out;
  for (const TermMatch& m : TermMatcher(g).find(text)) {
    out << QString::fromStdString(g.terms[m.term].term) + "=" +
               QString::fromStdString(text.substr(m.begin, m.end - m.begin));
  }
  return out;
}

}  // namespace

class TestGlossary : public QObject {
  Q_OBJECT

 private slots:
  void theCourseGlossaryLoads() {
    const auto g = read_glossary(DirectorySource(test::kLessonsDir));
    QVERIFY(g.has_value());
    QVERIFY2(g->terms.size() >= 60, qPrintable(QString::number(g->terms.size())));
    for (const char* name : {"node",
                             "replica",
                             "shard",
                             "quorum",
                             "term (Raft)",
                             "lease",
                             "fencing token",
                             "linearizable",
                             "leader",
                             "follower",
                             "primary",
                             "replication lag",
                             "partition (network)",
                             "partition (data)",
                             "consistent hashing",
                             "vnode",
                             "CAP theorem",
                             "PACELC",
                             "eventual consistency",
                             "read-your-writes",
                             "monotonic reads",
                             "split brain",
                             "STONITH",
                             "failover",
                             "Raft",
                             "Paxos",
                             "log",
                             "committed entry",
                             "heartbeat",
                             "election timeout",
                             "write-ahead log",
                             "synchronous replication",
                             "asynchronous replication",
                             "semi-synchronous replication",
                             "hinted handoff",
                             "read repair",
                             "anti-entropy",
                             "vector clock",
                             "last write wins",
                             "CRDT",
                             "two-phase commit",
                             "shard key",
                             "hot spot",
                             "rebalancing"}) {
      QVERIFY2(std::any_of(g->terms.begin(), g->terms.end(), [&](const GlossaryTerm& t) { return t.term == name; }),
               name);
    }
    for (const GlossaryTerm& t : g->terms) {
      QCOMPARE(sentence_count(t.definition), 2);
      QVERIFY2(!t.lesson.empty(), t.term.c_str());
    }
  }

  // A product's name is not the term inside it: MySQL's Group Replication is no link to
  // "replication", while the word on its own still is.
  void productNamesAreNotTerms() {
    const auto g = read_glossary(DirectorySource(test::kLessonsDir));
    QVERIFY(g.has_value());
    QCOMPARE(found(*g, "MySQL Group Replication"), QStringList());
    QCOMPARE(found(*g, "Group Replication uses replication"), QStringList({"replication=replication"}));
  }

  void theCourseGlossaryPassesTheValidator() {
    const DirectorySource source(test::kLessonsDir);
    const Course course = load_course(source);
    const auto issues = validate_glossary(
        source, course, [](std::string_view id) { return cs::scenario::find_builtin(id) != nullptr; });
    QVERIFY2(issues.empty(), qPrintable(joined(issues)));
  }

  void sentences() {
    QCOMPARE(sentence_count("One. Two."), 2);
    QCOMPARE(sentence_count("Up 99.99% of the time. R + W > N holds!"), 2);
    QCOMPARE(sentence_count("No full stop at the end"), 1);
    QCOMPARE(sentence_count("One? Two. Three."), 3);
    QCOMPARE(sentence_count(""), 0);
  }

  void badFilesAreRefused_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    const std::string ok = R"(, "lesson": "01-a")";
    QTest::newRow("syntax") << R"({"schemaVersion": 1, "terms": [)"
                            << "glossary.json: line 1";
    QTest::newRow("schema") << R"({"schemaVersion": 2, "terms": []})"
                            << "glossary.json: /schemaVersion: unsupported schema version 2";
    QTest::newRow("no terms") << R"({"schemaVersion": 1, "terms": []})"
                              << "glossary.json: /terms: a glossary needs at least one term";
    QTest::newRow("unknown key") << QString::fromStdString(
                                        glossary_json({term_json("quorum", "01-a", R"(, "sense": 1)")}))
                                 << "glossary.json: /terms/0/sense: unknown key";
    QTest::newRow("missing lesson") << QString::fromStdString(glossary_json(
                                           {R"({"term": "quorum", "definition": "One sentence. Two sentences."})"}))
                                    << "glossary.json: /terms/0/lesson: missing required key";
    QTest::newRow("three sentences")
        << QString::fromStdString(glossary_json(
               {term_json("a", "01-a"), R"({"term": "b", "definition": "One. Two. Three.", "lesson": "01-a"})"}))
        << "glossary.json: /terms/1/definition: a definition has exactly two sentences (found 3)";
    QTest::newRow("empty term") << QString::fromStdString(glossary_json({term_json(" ", "01-a")}))
                                << "glossary.json: /terms/0/term: must not be empty";
    QTest::newRow("duplicate form")
        << QString::fromStdString(
               glossary_json({term_json("quorum", "01-a"), term_json("majority", "01-a", R"(, "forms": ["Quorum"])")}))
        << "glossary.json: /terms/1/forms/0: \"Quorum\" is already used by the term \"quorum\"";
    QTest::newRow("qualified without forms")
        << QString::fromStdString(glossary_json({term_json("partition (network)", "01-a")}))
        << "glossary.json: /terms/0/forms: \"partition (network)\" is qualified";
    QTest::newRow("form without a word edge")
        << QString::fromStdString(glossary_json({term_json("quorum", "01-a", R"(, "forms": ["quorum-"])")}))
        << "glossary.json: /terms/0/forms/0: \"quorum-\" must start and end with a letter or digit";
    QTest::newRow("exception without the term")
        << QString::fromStdString(glossary_json({term_json("log", "01-a", R"(, "except": ["ln N"])")}))
        << "glossary.json: /terms/0/except/0: \"ln N\" contains neither the term nor one of its forms";
    QTest::newRow("forms not a list") << QString::fromStdString(
                                             glossary_json({term_json("quorum", "01-a", R"(, "forms": "quorums")")}))
                                      << "glossary.json: /terms/0/forms: expected an array, found string";
  }

  void badFilesAreRefused() {
    QFETCH(QString, text);
    QFETCH(QString, expected);
    try {
      load_glossary(text.toStdString(), "glossary.json");
      QFAIL("no error");
    } catch (const CourseError& e) {
      QVERIFY2(QString(e.what()).startsWith(expected), e.what());
    }
  }

  void matcherFindsWholeWords() {
    const Glossary g =
        load_glossary(glossary_json({term_json("log", "01-a", R"(, "forms": ["replicated log"], "except": ["log N"])"),
                                     term_json("write-ahead log", "01-a", R"(, "forms": ["WAL"])"),
                                     term_json("CAP theorem", "01-a", R"(, "forms": ["CAP"])"),
                                     term_json("replica", "01-a"), term_json("replica set", "01-a"),
                                     term_json("term (Raft)", "01-a", R"(, "forms": ["higher term"])"),
                                     term_json("read-your-writes", "01-a", R"(, "forms": ["read your own writes"])")}),
                      "glossary.json");
    // Longest first, plurals, any case, white space of any kind inside a pattern.
    QCOMPARE(found(g, "Replica sets keep a replicated\n log; replicas apply the Write-Ahead Log."),
             QStringList({"replica set=Replica sets", "log=replicated\n log", "replica=replicas",
                          "write-ahead log=Write-Ahead Log"}));
    // Parts of longer words (letters, digits, '-', '_', sub- and superscript digits) are no match.
    QCOMPARE(found(g, "replication logged replica-based replica_set backlog log\u2082 N"), QStringList());
    // Punctuation, quotation marks and dashes end a word.
    QCOMPARE(found(g, "(log), \u201clog\u201d \u2014 log."), QStringList({"log=log", "log=log", "log=log"}));
    // An acronym matches in capitals only; the name qualified in parentheses only by its forms.
    QCOMPARE(found(g, "the CAP theorem, not a cap; a WAL, not a wal; a higher term, a term"),
             QStringList({"CAP theorem=CAP theorem", "write-ahead log=WAL", "term (Raft)=higher term"}));
    // Exceptions find nothing: O(log N) is no log.
    QCOMPARE(found(g, "O(log N) rounds, then the log"), QStringList({"log=log"}));
    QCOMPARE(found(g, "Read your own writes, or read-your-writes."),
             QStringList({"read-your-writes=Read your own writes", "read-your-writes=read-your-writes"}));
  }

  void validatorCatchesUnusedTermsAndMissingLessons() {
    // A course without a glossary has nothing to check.
    QVERIFY2(validate(course_with({})).empty(), qPrintable(joined(validate(course_with({})))));
    const std::string good = glossary_json({term_json("quorum", "01-a", R"(, "scenario": "quorum-strict")"),
                                            term_json("heartbeat", "01-a", R"(, "forms": ["heartbeats"])")});
    QVERIFY2(validate(course_with(good)).empty(), qPrintable(joined(validate(course_with(good)))));

    const std::string bad = glossary_json({term_json("quorum", "02-b"), term_json("flux capacitor", "01-a"),
                                           term_json("heartbeat", "01-a", R"(, "scenario": "no-such-scenario")")});
    const auto issues = validate(course_with(bad));
    const QString all = joined(issues);
    QVERIFY2(all.contains("glossary.json: /terms/0/lesson: lesson \"02-b\" is not in course.json"), qPrintable(all));
    QVERIFY2(all.contains("glossary.json: /terms/1: \"flux capacitor\" is used nowhere in the course"),
             qPrintable(all));
    QVERIFY2(all.contains("glossary.json: /terms/2/scenario: scenario \"no-such-scenario\" does not exist"),
             qPrintable(all));
    QCOMPARE(issues.size(), std::size_t{3});
    for (const auto& i : issues) QCOMPARE(i.file, std::string("glossary.json"));

    // A term its lesson does not use: the lesson does not introduce it.
    MemorySource two = course_with(glossary_json({term_json("heartbeat", "01-a"), term_json("quorum", "02-b")}));
    two.files["course.json"] =
        R"({"schemaVersion": 1, "title": "C", "lessons": [{"id": "01-a", "title": "A"}, {"id": "02-b", "title": "B"}]})";
    for (const char* f : {"lesson.md", "quiz.json", "tryit.json", "outline.json"}) {
      two.files[std::string("02-b/") + f] = two.files[std::string("01-a/") + f];
    }
    two.files["02-b/lesson.md"] = "# B\n\nNo such word here.\n";
    const auto replace = [](std::string text, const std::string& from, const std::string& to) {
      for (auto at = text.find(from); at != std::string::npos; at = text.find(from)) text.replace(at, from.size(), to);
      return text;
    };
    two.files["02-b/quiz.json"] = replace(two.files["02-b/quiz.json"], "What does a quorum need?", "Why?");
    const Course course = load_course(two);
    const auto lessons = validate_glossary(two, course, [](std::string_view) { return true; });
    QCOMPARE(lessons.size(), std::size_t{1});
    QCOMPARE(lessons[0].where, std::string("/terms/1/lesson"));
    QVERIFY2(QString::fromStdString(lessons[0].message).contains("not used in lesson 02-b"),
             lessons[0].message.c_str());

    // A malformed glossary is one issue naming the file and the JSON path.
    const auto broken = validate(course_with(R"({"schemaVersion": 1, "terms": [{"term": 3}]})"));
    QCOMPARE(broken.size(), std::size_t{1});
    QCOMPARE(QString::fromStdString(broken[0].to_string()),
             QString("glossary.json: /terms/0/term: expected a string, found number"));
  }

  void termsInNarrationCount() {
    // Scenario narration is part of the course: "hinted handoff" is said there (cap-ap).
    const std::string g = glossary_json({term_json("quorum", "01-a"), term_json("hinted handoff", "01-a")});
    const auto issues = validate(course_with(g));
    QCOMPARE(issues.size(), std::size_t{1});  // used in the course, not in its lesson
    QCOMPARE(issues[0].where, std::string("/terms/1/lesson"));
  }
};

QTEST_APPLESS_MAIN(TestGlossary)
#include "test_glossary.moc"
