// The desktop program's command line, parsed without starting anything.
#include <QtTest>

#include "shell/app_options.h"

using cs::ui::ParsedOptions;
using Outcome = cs::ui::ParsedOptions::Outcome;

namespace {
ParsedOptions parse(QStringList args) {
  args.prepend("clusterscope");
  return cs::ui::parse_app_options(args);
}
}  // namespace

class TestAppOptions : public QObject {
  Q_OBJECT

 private slots:
  void defaults() {
    const ParsedOptions p = parse({});
    QCOMPARE(p.outcome, Outcome::Run);
    QCOMPARE(p.options.lesson, 0);
    QCOMPARE(p.options.size, QSize(1600, 1000));
    QCOMPARE(p.options.screenshot_at_s, 1.075);
    QVERIFY(!p.options.teacher && !p.options.projector && !p.options.bench_stage);
  }

  void everyOptionIsRead() {
    const ParsedOptions p = parse({"--lesson",
                                   "3",
                                   "--scenario",
                                   "raft-5",
                                   "--lessons-dir",
                                   "/l",
                                   "--screenshot",
                                   "x.png",
                                   "--at",
                                   "2.5",
                                   "--size",
                                   "1280x720",
                                   "--progress-file",
                                   "/p.json",
                                   "--teacher",
                                   "--projector",
                                   "--language",
                                   "de",
                                   "--appearance",
                                   "dark",
                                   "--bench-stage",
                                   "--nodes",
                                   "30",
                                   "--messages",
                                   "300",
                                   "--bench-size",
                                   "960x480",
                                   "--branches",
                                   "2"});
    QCOMPARE(p.outcome, Outcome::Run);
    QCOMPARE(p.options.lesson, 3);
    QVERIFY(p.options.lesson_asked);
    QVERIFY(!parse({}).options.lesson_asked);
    QCOMPARE(p.options.scenario, QString("raft-5"));
    QCOMPARE(p.options.lessons_dir, QString("/l"));
    QCOMPARE(p.options.screenshot, QString("x.png"));
    QCOMPARE(p.options.screenshot_at_s, 2.5);
    QCOMPARE(p.options.size, QSize(1280, 720));
    QCOMPARE(p.options.progress_file, QString("/p.json"));
    QVERIFY(p.options.teacher && p.options.projector && p.options.bench_stage);
    QCOMPARE(p.options.language, QString("de"));
    QCOMPARE(p.options.appearance, QString("dark"));
    QCOMPARE(p.options.bench_nodes, 30);
    QCOMPARE(p.options.bench_messages, 300);
    QCOMPARE(p.options.bench_size, QSize(960, 480));
    QCOMPARE(p.options.bench_branches, 2);
    QCOMPARE(parse({}).options.bench_size, QSize(1200, 800));
    QCOMPARE(parse({}).options.bench_branches, 1);
  }

  void aFileOnItsOwnIsAScenario() {
    QCOMPARE(parse({"run.clusterscope"}).options.scenario, QString("run.clusterscope"));
    QCOMPARE(parse({"a.clusterscope", "--scenario", "raft-5"}).outcome, Outcome::Error);
  }

  void mistakesAreErrorsThatSayWhat_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("error");
    QTest::newRow("unknown") << QStringList{"--frobnicate"} << "Unknown option 'frobnicate'";
    QTest::newRow("two files") << QStringList{"a", "b"} << "unexpected argument b";
    QTest::newRow("lesson") << QStringList{"--lesson", "zero"} << "--lesson expects a lesson number";
    QTest::newRow("size") << QStringList{"--size", "huge"} << "--size expects WIDTHxHEIGHT";
    QTest::newRow("small") << QStringList{"--size", "100x100"} << "--size must be between";
    QTest::newRow("bench size") << QStringList{"--bench-size", "12"} << "--bench-size expects WIDTHxHEIGHT";
    QTest::newRow("at") << QStringList{"--at", "-1"} << "--at expects a time in seconds";
    QTest::newRow("appearance") << QStringList{"--appearance", "pink"} << "--appearance expects system, light or dark";
    QTest::newRow("nodes") << QStringList{"--nodes", "0"} << "--nodes expects a number from 1 to 500";
    QTest::newRow("branches") << QStringList{"--branches", "3"} << "--branches expects a number from 1 to 2";
    QTest::newRow("png") << QStringList{"--screenshot", "x.jpg"} << "--screenshot writes a PNG";
  }

  void mistakesAreErrorsThatSayWhat() {
    QFETCH(QStringList, args);
    QFETCH(QString, error);
    const ParsedOptions p = parse(args);
    QCOMPARE(p.outcome, Outcome::Error);
    QVERIFY2(p.error.startsWith(error), qPrintable(p.error));
  }

  void helpAndVersion() {
    const ParsedOptions help = parse({"--help"});
    QCOMPARE(help.outcome, Outcome::Help);
    for (const auto& spec : cs::ui::app_option_specs()) QVERIFY(help.help.contains("--" + spec.names.last()));
    QCOMPARE(parse({"--version"}).outcome, Outcome::Version);
  }
};

QTEST_GUILESS_MAIN(TestAppOptions)
#include "test_app_options.moc"
