// CRDT merges, property-tested: for 1,000 random cases per type, replicas take random updates
// while states travel between them in random order, late and repeated. Merge must be commutative,
// associative and idempotent, and once every state has been delivered all replicas must be equal
// and show what the type promises (every increment counted, add-wins removal, the highest stamp).
#include <QtTest>

#include <functional>
#include <set>
#include <vector>

#include "consistency/g_counter.h"
#include "consistency/lww_register.h"
#include "consistency/or_set.h"
#include "consistency/pn_counter.h"
#include "sim/random.h"

using namespace cs::consistency;
using cs::sim::EndpointId;
using cs::sim::Random;

namespace {

constexpr int kCases = 1000;

template <class T>
T merged(T a, const T& b) {
  a.merge(b);
  return a;
}

// One random run of a type: `update(replica, rng)` changes a replica's state and records what the
// final value must reflect; states are shipped between replicas as copies that arrive in random
// order, some twice.
template <class T>
struct Run {
  std::vector<T> replicas;
  std::vector<std::pair<std::size_t, T>> in_flight;  // (destination, state as sent)

  Run(Random& rng, const std::function<void(std::vector<T>&, std::size_t, Random&)>& update) {
    replicas.resize(2 + rng.below(4));
    const std::size_t steps = 5 + rng.below(40);
    for (std::size_t step = 0; step < steps; ++step) {
      const std::size_t r = rng.below(replicas.size());
      const double roll = rng.unit();
      if (roll < 0.5) {
        update(replicas, r, rng);
      } else if (roll < 0.8) {
        const std::size_t to = rng.below(replicas.size());
        in_flight.emplace_back(to, replicas[r]);
      } else if (!in_flight.empty()) {
        deliver_one(rng);
      }
    }
  }

  void deliver_one(Random& rng) {
    const std::size_t i = rng.below(in_flight.size());
    replicas[in_flight[i].first].merge(in_flight[i].second);
    if (!rng.chance(0.25)) in_flight.erase(in_flight.begin() + static_cast<std::ptrdiff_t>(i));  // else: again later
  }

  // Every message arrives (in random order), then every replica merges every other's state, in
  // random order: after that, all have seen every update.
  void quiesce(Random& rng) {
    while (!in_flight.empty()) {
      const std::size_t i = rng.below(in_flight.size());
      replicas[in_flight[i].first].merge(in_flight[i].second);
      in_flight.erase(in_flight.begin() + static_cast<std::ptrdiff_t>(i));
    }
    for (int pass = 0; pass < 2; ++pass) {
      for (std::size_t to = 0; to < replicas.size(); ++to) {
        std::vector<std::size_t> order;
        for (std::size_t from = 0; from < replicas.size(); ++from) order.push_back(from);
        for (std::size_t k = order.size(); k > 1; --k) std::swap(order[k - 1], order[rng.below(k)]);
        for (std::size_t from : order) replicas[to].merge(replicas[from]);
      }
    }
  }

  // Any state that occurred: a replica's now, or one still travelling.
  const T& pick(Random& rng) const {
    const std::size_t i = rng.below(replicas.size() + in_flight.size());
    return i < replicas.size() ? replicas[i] : in_flight[i - replicas.size()].second;
  }
};

template <class T>
void check_merge_laws(const Run<T>& run, Random& rng, int c) {
  for (int trial = 0; trial < 4; ++trial) {
    const T& a = run.pick(rng);
    const T& b = run.pick(rng);
    const T& x = run.pick(rng);
    QVERIFY2(merged(a, b) == merged(b, a), qPrintable(QString("commutativity, case %1").arg(c)));
    QVERIFY2(merged(merged(a, b), x) == merged(a, merged(b, x)), qPrintable(QString("associativity, case %1").arg(c)));
    QVERIFY2(merged(a, a) == a, qPrintable(QString("idempotence, case %1").arg(c)));
    QVERIFY2(merged(merged(a, b), b) == merged(a, b), qPrintable(QString("re-delivery, case %1").arg(c)));
  }
}

template <class T>
void check_converged(const Run<T>& run, int c) {
  for (const T& r : run.replicas)
    QVERIFY2(r == run.replicas.front(), qPrintable(QString("convergence, case %1").arg(c)));
}

}  // namespace

class TestCrdtProperties : public QObject {
  Q_OBJECT

 private slots:
  void gCounter() {
    for (int c = 0; c < kCases; ++c) {
      Random rng(1000 + static_cast<std::uint64_t>(c));
      std::uint64_t increments = 0;
      Run<GCounter> run(rng, [&](std::vector<GCounter>& replicas, std::size_t r, Random& g) {
        const std::uint64_t by = 1 + g.below(3);
        replicas[r].increment(static_cast<EndpointId>(r), by);
        increments += by;
      });
      check_merge_laws(run, rng, c);
      run.quiesce(rng);
      check_converged(run, c);
      QCOMPARE(run.replicas.front().value(), increments);
    }
  }

  void pnCounter() {
    for (int c = 0; c < kCases; ++c) {
      Random rng(2000 + static_cast<std::uint64_t>(c));
      std::int64_t expected = 0;
      Run<PNCounter> run(rng, [&](std::vector<PNCounter>& replicas, std::size_t r, Random& g) {
        if (g.chance(0.5)) {
          replicas[r].increment(static_cast<EndpointId>(r));
          ++expected;
        } else {
          replicas[r].decrement(static_cast<EndpointId>(r));
          --expected;
        }
      });
      check_merge_laws(run, rng, c);
      run.quiesce(rng);
      check_converged(run, c);
      QCOMPARE(run.replicas.front().value(), expected);
    }
  }

  void orSet() {
    int concurrent_add_wins = 0;
    for (int c = 0; c < kCases; ++c) {
      Random rng(3000 + static_cast<std::uint64_t>(c));
      std::vector<std::pair<std::int64_t, std::int64_t>> adds;  // (element, tag)
      std::set<std::int64_t> observed_by_removes;               // tags some remove saw
      std::int64_t next_tag = 1;
      Run<ORSet> run(rng, [&](std::vector<ORSet>& replicas, std::size_t r, Random& g) {
        const auto element = static_cast<std::int64_t>(g.below(4));
        if (g.chance(0.6)) {
          replicas[r].add(element, next_tag);
          adds.emplace_back(element, next_tag++);
        } else {
          // A remove retires exactly the tags of the element this replica has seen.
          for (const auto& [e, tag] : adds) {
            if (e == element && replicas[r].knows_tag(tag)) observed_by_removes.insert(tag);
          }
          replicas[r].remove(element);
        }
      });
      check_merge_laws(run, rng, c);
      run.quiesce(rng);
      check_converged(run, c);
      // Add wins: an element stays if one of its adds was never seen by a remove.
      std::set<std::int64_t> expected;
      for (const auto& [e, tag] : adds) {
        if (!observed_by_removes.count(tag)) expected.insert(e);
      }
      const auto elements = run.replicas.front().elements();
      QCOMPARE(std::set<std::int64_t>(elements.begin(), elements.end()), expected);
      for (const auto& add : adds) {
        const std::int64_t element = add.first;
        if (!observed_by_removes.count(add.second) && std::count_if(adds.begin(), adds.end(), [&](const auto& a) {
                                                        return a.first == element &&
                                                               observed_by_removes.count(a.second);
                                                      }) > 0) {
          ++concurrent_add_wins;
        }
      }
    }
    QVERIFY(concurrent_add_wins > 0);  // the add-wins rule was actually exercised
  }

  void lwwRegister() {
    for (int c = 0; c < kCases; ++c) {
      Random rng(4000 + static_cast<std::uint64_t>(c));
      std::optional<LwwStamp> highest;
      std::int64_t next_value = 1;
      Run<LwwRegister> run(rng, [&](std::vector<LwwRegister>& replicas, std::size_t r, Random& g) {
        // Few distinct times, so equal timestamps (broken by node id) happen often.
        const LwwStamp write{static_cast<cs::sim::TimeUs>(g.below(5)), static_cast<EndpointId>(r), next_value++};
        replicas[r].assign(write);
        if (!highest || *highest < write) highest = write;
      });
      check_merge_laws(run, rng, c);
      run.quiesce(rng);
      check_converged(run, c);
      QCOMPARE(run.replicas.front().has_value(), highest.has_value());
      if (highest) QCOMPARE(run.replicas.front().value(), highest->value);
    }
  }
};

QTEST_GUILESS_MAIN(TestCrdtProperties)
#include "test_crdt_properties.moc"
