// Class bundles (issue 25, "Class bundles"): a teacher's class file round-trips, and a bad one is
// refused with the file and the JSON path. Nothing in a class file is ever a path: a string that
// looks like one is just text, an unknown id, or a note.
#include <QtTest>

#include <filesystem>
#include <fstream>

#include "course/class_bundle.h"
#include "lessons_dir.h"

using namespace cs::course;

namespace {

const Course& course() {
  static const Course c = load_course(DirectorySource(test::kLessonsDir));
  return c;
}

ClassBundle sample() {
  ClassBundle b;
  b.title = "Tuesday: replication and failover";
  b.note = "Watch the lag.\nThen we talk.";
  b.lessons = {"02-replication", "05-failover"};
  ClassStep a;
  a.lesson = "02-replication";
  a.tryit = "async-stale-read";
  a.seed = 7;
  a.at_us = 1'250'000;
  a.note = "Look at the replica's lag before the read. \u00dcberraschung!";
  ClassStep s;
  s.lesson = "05-failover";
  s.scenario = "auto-failover-async-loss";
  s.seed = 42;
  s.at_us = 3'000'001;
  b.steps = {a, s};
  return b;
}

// The error of loading `text`, or "" if it loads.
std::string error_of(const std::string& text) {
  try {
    load_class_bundle(text, "tuesday.clusterscope-class", course());
  } catch (const ClassBundleError& e) {
    return e.what();
  }
  return {};
}

void add(const char* name, const std::string& text, const std::string& expected) {
  QTest::newRow(name) << QString::fromStdString(text) << QString::fromStdString(expected);
}

std::string with_step(const std::string& step) {
  return R"({"schemaVersion": 1, "title": "T", "lessons": ["02-replication"], "steps": [)" + step + "]}";
}

}  // namespace

class TestClassBundle : public QObject {
  Q_OBJECT

 private slots:
  void roundTrips() {
    const ClassBundle b = sample();
    const std::string text = save_class_bundle(b);
    const ClassBundle back = load_class_bundle(text, "x.clusterscope-class", course());
    QVERIFY(back == b);
    QCOMPARE(save_class_bundle(back), text);
    QVERIFY(text.find("\"schemaVersion\": 1") != std::string::npos);
  }

  void aClassWithoutStepsLoads() {
    const ClassBundle b =
        load_class_bundle(R"({"schemaVersion": 1, "title": "Reading only", "lessons": ["01-basics"]})", "f", course());
    QCOMPARE(b.lessons.size(), std::size_t{1});
    QVERIFY(b.steps.empty());
  }

  void badFilesAreRefusedWithFileAndPath_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    add("syntax", "{\"schemaVersion\": 1,,", "tuesday.clusterscope-class: line 1");
    add("version", R"({"schemaVersion": 2, "title": "T", "lessons": ["01-basics"]})",
        "tuesday.clusterscope-class: /schemaVersion: unsupported schema version 2");
    add("unknown key", R"({"schemaVersion": 1, "title": "T", "lessons": ["01-basics"], "script": "rm"})",
        "tuesday.clusterscope-class: /script: unknown key");
    add("unknown lesson", R"({"schemaVersion": 1, "title": "T", "lessons": ["01-basics", "07-magic"]})",
        "tuesday.clusterscope-class: /lessons/1: no lesson \"07-magic\" in the course");
    add("lesson twice", R"({"schemaVersion": 1, "title": "T", "lessons": ["01-basics", "01-basics"]})",
        "/lessons/1: lesson \"01-basics\" is listed twice");
    add("out of order", R"({"schemaVersion": 1, "title": "T", "lessons": ["03-sharding", "01-basics"]})",
        "/lessons/1: the lessons are listed in course order");
    add("no lessons", R"({"schemaVersion": 1, "title": "T", "lessons": []})",
        "/lessons: a class needs at least one lesson");
    add("empty title", R"({"schemaVersion": 1, "title": " ", "lessons": ["01-basics"]})", "/title: must not be empty");
    add("unknown scenario", with_step(R"({"lesson": "02-replication", "scenario": "no-such-run"})"),
        "/steps/0/scenario: no built-in scenario \"no-such-run\"");
    add("unknown tryit", with_step(R"({"lesson": "02-replication", "tryit": "cluster-tour"})"),
        "/steps/0/tryit: no Try it \"cluster-tour\" in lesson 02-replication");
    add("step lesson not in class", with_step(R"({"lesson": "01-basics", "scenario": "cluster-heartbeat"})"),
        "/steps/0/lesson: lesson \"01-basics\" is not one of the class's lessons");
    add("both tryit and scenario",
        with_step(R"({"lesson": "02-replication", "tryit": "async-stale-read", "scenario": "semi-sync"})"),
        "/steps/0: a step names either a tryit or a scenario");
    add("unknown step key", with_step(R"({"lesson": "02-replication", "scenario": "semi-sync", "command": "ls"})"),
        "/steps/0/command: unknown key");
    add("negative time", with_step(R"({"lesson": "02-replication", "scenario": "semi-sync", "at_s": -1})"),
        "/steps/0/at_s: between 0 and 86400 seconds");
    add("negative seed", with_step(R"({"lesson": "02-replication", "scenario": "semi-sync", "seed": -3})"),
        "/steps/0/seed: a seed from 0 to 2^53-1");
    add("seed as text", with_step(R"({"lesson": "02-replication", "scenario": "semi-sync", "seed": "7"})"),
        "/steps/0/seed:");
    add("too long title",
        "{\"schemaVersion\": 1, \"title\": \"" + std::string(201, 'x') + "\", \"lessons\": [\"01-basics\"]}",
        "/title: longer than 200 characters");
    add("too long note",
        with_step("{\"lesson\": \"02-replication\", \"scenario\": \"semi-sync\", \"note\": \"" +
                  std::string(2001, 'n') + "\"}"),
        "/steps/0/note: longer than 2000 characters");
    add("control character", R"({"schemaVersion": 1, "title": "a\u0007b", "lessons": ["01-basics"]})",
        "/title: holds a control character");
    std::string many;
    for (int i = 0; i < 101; ++i)
      many += std::string(i ? "," : "") + R"({"lesson": "02-replication", "scenario": "semi-sync"})";
    add("too many steps", with_step(many), "/steps: more than 100 steps");
    // A path where an id goes is an unknown id: nothing is ever opened.
    add("path as scenario", with_step(R"({"lesson": "02-replication", "scenario": "/etc/passwd"})"),
        "/steps/0/scenario: no built-in scenario \"/etc/passwd\"");
    add("path as lesson", R"({"schemaVersion": 1, "title": "T", "lessons": ["../../home/x/lesson"]})",
        "/lessons/0: no lesson \"../../home/x/lesson\" in the course");
    add("not an object", "[1, 2]", "tuesday.clusterscope-class: /: expected an object");
  }
  void badFilesAreRefusedWithFileAndPath() {
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const QString error = QString::fromStdString(error_of(text.toStdString()));
    QVERIFY2(!error.isEmpty(), "the file loaded");
    QVERIFY2(error.startsWith("tuesday.clusterscope-class: "), qPrintable(error));
    QVERIFY2(error.contains(expected), qPrintable(error + "\n  expected: " + expected));
  }

  // A note that reads like a path, a scenario file or a command stays text: the bundle keeps it,
  // and loading it opens no file (the named file is created here to be sure it would be found).
  void pathLikeTextIsOnlyText() {
    const std::filesystem::path secret = std::filesystem::temp_directory_path() / "cs-class-secret.json";
    std::ofstream(secret) << "{\"schemaVersion\": 1}";
    ClassBundle b = sample();
    b.title = secret.string();
    b.note = "file://" + secret.string();
    b.steps[0].note = "$(cat " + secret.string() + ") ; rm -rf ~";
    const ClassBundle back = load_class_bundle(save_class_bundle(b), "x", course());
    QCOMPARE(back.title, secret.string());
    QCOMPARE(back.steps[0].note, b.steps[0].note);
    QVERIFY(back == b);
    std::filesystem::remove(secret);
  }

  void tooLargeFilesAreRefusedBeforeReading() {
    const std::string big(kClassFileMax + 1, ' ');
    const std::string error = error_of(big);
    QVERIFY2(error.find("tuesday.clusterscope-class: larger than") == 0, error.c_str());
  }
};

QTEST_APPLESS_MAIN(TestClassBundle)
#include "test_class_bundle.moc"
