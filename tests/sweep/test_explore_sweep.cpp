// The small sweep of the test command (Release build only: the sanitizers would make it slow):
// every built-in scenario under the fault kinds it declares. A safe scenario keeps every invariant
// it claims on every seed; one that breaks an invariant on purpose breaks it on at least one seed
// and nothing else. scripts/explore-sweep.sh runs the same with 10,000 seeds.
#include <QtTest>

#include "explore/explore.h"
#include "scenario/builtin.h"
#include "scenario/scenario.h"

using namespace cs;

namespace {

constexpr std::uint64_t kSafeSeeds = 20;
constexpr std::uint64_t kBreaksSeeds = 100;

}  // namespace

class TestExploreSweep : public QObject {
  Q_OBJECT

 private slots:
  void everyScenarioUnderItsDeclaredFaults_data() {
    QTest::addColumn<QString>("id");
    for (const auto& b : scenario::builtin_scenarios()) {
      const QString id = QString::fromUtf8(b.id.data(), static_cast<qsizetype>(b.id.size()));
      QTest::newRow(id.toUtf8().constData()) << id;
    }
  }

  void everyScenarioUnderItsDeclaredFaults() {
    QFETCH(QString, id);
    const auto* b = scenario::find_builtin(id.toStdString());
    QVERIFY(b);
    const auto s = scenario::load_scenario(b->json, id.toStdString());
    QVERIFY(s.demonstrates.declared);
    explore::ExploreOptions options;
    options.seeds = s.demonstrates.safe ? kSafeSeeds : kBreaksSeeds;
    const auto result = explore::explore(s, options);
    for (const auto& f : result.failures) {
      qWarning("seed %llu: [%s] %s; %s", static_cast<unsigned long long>(f.seed),
               f.violations.front().invariant.c_str(), f.violations.front().text.c_str(),
               explore::replay_command(s.id, f.seed, explore::default_faults(s)).c_str());
    }
    QCOMPARE(result.seeds_failed, std::uint64_t{0});
    if (!s.demonstrates.safe) QVERIFY2(result.seeds_demonstrating >= 1, "the negative control never broke");
  }
};

QTEST_GUILESS_MAIN(TestExploreSweep)
#include "test_explore_sweep.moc"
