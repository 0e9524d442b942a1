// Runs and their frames: chart series are sampled in simulated time, so they come out the same at
// any frame rate and however the learner moves through time; a frame shares the run's storage, so
// building one late in a long run copies no more than early on; the chart's percentiles are the
// metrics' percentiles.
#include <QtTest>

#include "run/run.h"
#include "test_support.h"

using cs::run::Run;
using cs::run::Sample;
using cs::sim::TimeUs;

namespace {

bool same_sample(const Sample& a, const Sample& b) {
  if (a.time_us != b.time_us || a.ok != b.ok || a.failed != b.failed || a.latency.size() != b.latency.size() ||
      a.lag.size() != b.lag.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.latency.size(); ++i) {
    if (a.latency[i].level != b.latency[i].level || a.latency[i].p50_us != b.latency[i].p50_us ||
        a.latency[i].p99_us != b.latency[i].p99_us || a.latency[i].writes != b.latency[i].writes) {
      return false;
    }
  }
  for (std::size_t i = 0; i < a.lag.size(); ++i) {
    if (a.lag[i].node != b.lag[i].node || a.lag[i].lag_us != b.lag[i].lag_us) return false;
  }
  return true;
}

QString compare_series(const Run& a, const Run& b) {
  const auto& x = a.series().samples();
  const auto& y = b.series().samples();
  if (x.size() != y.size()) return QString("%1 samples vs %2").arg(x.size()).arg(y.size());
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (!same_sample(x[i], y[i])) return QString("sample %1 (t=%2 us) differs").arg(i).arg(x[i].time_us);
  }
  return {};
}

// Advances the run as a screen would, `step_us` of simulated time per painted frame.
void play(Run& run, TimeUs until_us, TimeUs step_us) {
  while (run.now_us() < until_us) run.advance_to(std::min(until_us, run.now_us() + step_us));
}

cs::sim::Action crash(cs::sim::EndpointId node) {
  cs::sim::Action a;
  a.type = cs::sim::ActionType::Crash;
  a.node = node;
  return a;
}

}  // namespace

class TestRunFrames : public QObject {
  Q_OBJECT

 private slots:
  void sameSeriesAtAnyFrameRate_data() {
    QTest::addColumn<QString>("id");
    for (const char* id : {"async-lag-stale-read", "cassandra-levels", "split-brain-unfenced", "raft-5"})
      QTest::newRow(id) << QString(id);
  }

  void sameSeriesAtAnyFrameRate() {
    QFETCH(QString, id);
    const auto s = test::builtin(id.toStdString());
    const TimeUs until = std::min<TimeUs>(s.duration_us, 12'000'000);
    Run fast(s, s.seed), slow(s, s.seed), stepped(s, s.seed);
    play(fast, until, 1'667);    // 60 fps at 0.1x
    play(slow, until, 733'000);  // a slow machine at 100x
    while (stepped.now_us() < until && stepped.step()) {
    }
    stepped.advance_to(std::max(stepped.now_us(), until));
    QVERIFY(fast.series().samples().size() > 100);
    QCOMPARE(compare_series(fast, slow), QString());
    QCOMPARE(compare_series(fast, stepped), QString());
    const auto plain = test::run(s, until);
    QCOMPARE(fast.simulation().trace_hash(), plain->trace_hash());  // sampling changes nothing in the run
    for (const Sample& sample : fast.series().samples()) {
      QCOMPARE(sample.time_us % cs::run::SeriesRecorder::kSampleIntervalUs, TimeUs{0});
    }
  }

  void rewindingKeepsTheSeriesAndActingForgetsTheFuture() {
    const auto s = test::builtin("raft-5");
    Run straight(s, s.seed);
    straight.advance_to(3'000'000);
    QVERIFY(straight.act(crash(1)));
    straight.advance_to(12'000'000);

    Run wandering(s, s.seed);
    wandering.advance_to(8'000'000);
    wandering.seek(3'000'000);
    const cs::run::Frame back = wandering.frame(true);
    QCOMPARE(back.figures->charts.samples.back().time_us, TimeUs{3'000'000});  // the frame shows the past only
    QVERIFY(wandering.act(crash(1)));                                          // a new future from 3 s
    wandering.seek(12'000'000);  // beyond the newest sample: runs forward, sampling
    QCOMPARE(compare_series(wandering, straight), QString());
    QCOMPARE(wandering.simulation().trace_hash(), straight.simulation().trace_hash());
    wandering.seek(1'000'000);
    wandering.seek(12'000'000);
    QCOMPARE(compare_series(wandering, straight), QString());
  }

  void aFrameLateInALongRunCopiesNoMoreThanEarly() {
    const auto s = test::builtin("raft-5");
    Run run(s, s.seed);
    run.advance_to(600'000'000);  // ten simulated minutes
    const cs::run::Frame f = run.frame(true);
    QVERIFY(f.figures->history.size() > 2'000);  // several chunks
    QVERIFY(f.figures->charts.samples.size() == 6'001);
    // The frame holds the run's chunks, not copies: at most the last, partial chunk is its own.
    QVERIFY(f.figures->history.unshared_chunks() <= 1);
    QVERIFY(f.figures->charts.samples.unshared_chunks() <= 1);
    QVERIFY(f.figures->events.size() <= cs::run::Figures::kMaxEvents);
  }

  void theChartsPercentilesAreTheMetrics() {
    const auto s = test::builtin("semi-sync");
    Run run(s, s.seed);
    run.advance_to(10'000'000);
    const cs::run::Frame f = run.frame(true);
    const auto latency = f.figures->charts.latest_latency();
    QCOMPARE(latency.size(), std::size_t{1});
    QCOMPARE(static_cast<double>(latency[0].p99_us), f.figures->metrics.at("p99_write_latency_us"));
    QCOMPARE(static_cast<double>(latency[0].p50_us), f.figures->metrics.at("p50_write_latency_us"));
    // Availability: every completion is counted once, in the second it happened.
    std::int64_t completed = 0;
    for (const auto& bin : f.figures->charts.availability_per_second()) completed += bin.ok + bin.failed;
    QCOMPARE(static_cast<double>(completed), f.figures->metrics.at("ops_ok") + f.figures->metrics.at("ops_failed") +
                                                 f.figures->metrics.at("ops_unknown"));
  }

  void aFrameSaysWhatIs() {
    const auto s = test::builtin("raft-partition-minority-leader");
    Run run(s, s.seed);
    run.advance_to(4'000'000);
    const cs::run::Frame f = run.frame(false);
    QCOMPARE(f.nodes.size(), s.node_names.size());
    QCOMPARE(f.nodes[0].name, std::string("n1"));
    QVERIFY(f.figures == nullptr);
    // The scenario partitions at 2.5 s: some pair of nodes is cut, and messages are on the wire.
    bool any_cut = false;
    for (cs::sim::EndpointId a = 0; a < f.nodes.size(); ++a) {
      for (cs::sim::EndpointId b = 0; b < f.nodes.size(); ++b) any_cut = any_cut || f.cuts.cut(a, b);
    }
    QVERIFY(any_cut);
    QVERIFY(!f.tokens.empty());
    for (const auto& t : f.tokens) QVERIFY(t.progress >= 0 && t.progress <= 1);
    QCOMPARE(f.kind(cs::sim::kind::kClientWrite).name, std::string("write"));
    QVERIFY(f.has_led);
    QCOMPARE(f.trace_hash, run.simulation().trace_hash());
  }
};

QTEST_GUILESS_MAIN(TestRunFrames)
#include "test_run_frames.moc"
