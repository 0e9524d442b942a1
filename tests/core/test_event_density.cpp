// The timeline minimap's figures: events per stretch of the run from the series samples, and the
// time of event number N, also after a rewind, when the trace no longer holds it.
#include <QtTest>

#include <numeric>

#include "run/event_density.h"
#include "run/run.h"
#include "test_support.h"

using cs::run::Run;
using cs::sim::TimeUs;

class TestEventDensity : public QObject {
  Q_OBJECT

 private slots:
  void densityCountsEveryEventInItsStretch() {
    const auto s = test::builtin("raft-5");
    Run run(s, s.seed);
    run.advance_to(10'000'000);
    const auto& samples = run.series().samples();
    QVERIFY(samples.size() >= 100);
    const std::uint64_t sampled = samples[samples.size() - 1].trace_index;
    // Over a horizon past the last sample, the buckets hold every sampled event.
    const auto density = cs::run::event_density(samples, 20'000'000, 40);
    QCOMPARE(density.size(), std::size_t{40});
    QCOMPARE(std::accumulate(density.begin(), density.end(), std::uint64_t{0}), sampled);
    // The second half has not run: nothing there.
    for (std::size_t i = 21; i < 40; ++i) QCOMPARE(density[i], 0u);
    // Each bucket matches a count straight from the trace (events after the first sample's).
    const auto& trace = run.simulation().trace();
    QCOMPARE(trace.first_index(), std::uint64_t{0});
    const auto fine = cs::run::event_density(samples, 10'000'000, 10);
    for (std::size_t b = 1; b < 10; ++b) {
      std::uint64_t count = 0;
      for (std::uint64_t i = 0; i < sampled; ++i) {
        const TimeUs t = trace.at_index(i).time_us;
        // A sample at time T counts the events up to and including T, in the bucket holding T.
        const TimeUs bucket_start = static_cast<TimeUs>(b) * 1'000'000;
        const TimeUs interval_end = (t + 99'999) / 100'000 * 100'000;
        if (interval_end >= bucket_start && interval_end < bucket_start + 1'000'000) ++count;
      }
      QCOMPARE(std::uint64_t{fine[b]}, count);
    }
    QVERIFY(cs::run::event_density(samples, 0, 10) == std::vector<std::uint32_t>(10, 0));
    QCOMPARE(cs::run::event_density(samples, 10'000'000, 1'000'000).size(), cs::run::kMaxDensityBuckets);
  }

  void anEventsTimeIsFoundEvenAfterARewind() {
    const auto s = test::builtin("raft-5");
    Run run(s, s.seed);
    run.advance_to(8'000'000);
    const auto& trace = run.simulation().trace();
    const std::uint64_t n = trace.total() - 1;
    const TimeUs exact = trace.at_index(n).time_us;
    const std::uint64_t early = trace.total() / 10;
    const TimeUs early_time = trace.at_index(early).time_us;
    QCOMPARE(cs::run::time_of_event(trace, run.series().samples(), n).value(), exact);
    // Back at 2 s the trace ends there, but the samples still place event n within its 100 ms.
    run.seek(2'000'000);
    const auto& replayed = run.simulation().trace();
    QVERIFY(replayed.total() <= n);
    const TimeUs placed = cs::run::time_of_event(replayed, run.series().samples(), n).value();
    QVERIFY2(placed >= exact && placed - exact < 100'000, qPrintable(QString("%1 vs %2").arg(placed).arg(exact)));
    QCOMPARE(cs::run::time_of_event(replayed, run.series().samples(), early).value(), early_time);
    QVERIFY(!cs::run::time_of_event(replayed, run.series().samples(), n * 100));
  }
};

QTEST_APPLESS_MAIN(TestEventDensity)
#include "test_event_density.moc"
