// The shard-key advisor ranks the lesson's candidate keys the way the lesson does, and says why.
#include <QtTest>

#include "sharding/advisor.h"

using namespace cs::sharding;

namespace {

std::vector<QuerySpec> foursquare_queries() {
  return {{"a user's history", "user_id", false, 50},
          {"badge check", "user_id", false, 20},
          {"check-ins at a venue", "venue_id", false, 15},
          {"country report", "country", false, 10},
          {"last hour's check-ins", "created_at", true, 5}};
}

const KeyAdvice& find(const std::vector<KeyAdvice>& all, const std::string& column, bool hashed) {
  for (const auto& a : all) {
    if (a.column == column && a.hashed == hashed) return a;
  }
  qFatal("no advice for %s", column.c_str());
}

bool one_sentence(const std::string& s) {
  // Ends with a full stop and has no other sentence break.
  return !s.empty() && s.back() == '.' && s.find(". ", 0) == std::string::npos;
}

}  // namespace

class TestShardingAdvisor : public QObject {
  Q_OBJECT

 private slots:
  void ranksTheLessonsCandidates() {
    const Table t = make_checkins(20'000, 5'000, 3);
    const std::vector<KeyCandidate> candidates = {
        {"created_at", false}, {"country", true}, {"status", true}, {"user_id", true}, {"city", true}};
    const auto advice = advise_shard_keys(t, candidates, foursquare_queries(), 4);
    QCOMPARE(advice.size(), candidates.size());
    QCOMPARE(advice.front().column, std::string("user_id"));
    QCOMPARE(advice.front().verdict, std::string("good"));
    for (const auto& poor : {"created_at", "country", "status", "city"}) {
      const auto& a = find(advice, poor, std::string(poor) != "created_at");
      QVERIFY2(a.verdict == "poor", qPrintable(QString::fromStdString(a.summary)));
    }
    for (std::size_t i = 1; i < advice.size(); ++i) QVERIFY(advice[i - 1].overall >= advice[i].overall);
  }

  void eachScoreHasItsReason() {
    const Table t = make_checkins(20'000, 5'000, 3);
    const auto advice = advise_shard_keys(t,
                                          {{"created_at", false},
                                           {"country", true},
                                           {"status", true},
                                           {"user_id", true},
                                           {"city", true},
                                           {"created_at", true}},
                                          foursquare_queries(), 4);
    const auto& created = find(advice, "created_at", false);
    QVERIFY(created.monotonicity.value < 0.05);  // every insert is the newest
    QVERIFY(created.monotonicity.explanation.find("last range") != std::string::npos);
    QVERIFY(created.cardinality.value > 0.99);
    // Hashed, the same column no longer piles onto one shard, but range queries scatter.
    const auto& created_hashed = find(advice, "created_at", true);
    QCOMPARE(created_hashed.monotonicity.value, 1.0);
    QVERIFY(created_hashed.targeting.explanation.find("range filter on a hashed key") != std::string::npos);
    QVERIFY(created_hashed.overall > created.overall);

    const auto& country = find(advice, "country", true);
    QVERIFY(country.cardinality.value < 0.6);  // about 20 values
    QVERIFY(country.cardinality.explanation.find("only 20 distinct values") != std::string::npos);
    QVERIFY(std::abs(country.targeting.value - 0.10) < 1e-9);

    const auto& status = find(advice, "status", true);
    QVERIFY(status.skew.value < 0.5);  // one value holds most rows
    QVERIFY(status.skew.explanation.find("hotspot") != std::string::npos);
    QCOMPARE(status.targeting.value, 0.0);

    const auto& user = find(advice, "user_id", true);
    QVERIFY(std::abs(user.targeting.value - 0.70) < 1e-9);
    QVERIFY(user.targeting.explanation.find("a user's history, badge check") != std::string::npos);
    QVERIFY(user.skew.value > 0.9);
    QCOMPARE(user.immutability.value, 1.0);
    QCOMPARE(find(advice, "city", true).immutability.value, 0.0);

    for (const auto& a : advice) {
      for (const KeyScore* s : {&a.cardinality, &a.skew, &a.monotonicity, &a.targeting, &a.immutability}) {
        QVERIFY(s->value >= 0.0 && s->value <= 1.0);
        QVERIFY2(one_sentence(s->explanation), s->explanation.c_str());
      }
      QVERIFY(one_sentence(a.summary));
    }
  }

  void moreShardsMakeLowCardinalityWorse() {
    const Table t = make_checkins(10'000, 2'000, 5);
    const auto few = advise_shard_keys(t, {{"country", true}}, foursquare_queries(), 2);
    const auto many = advise_shard_keys(t, {{"country", true}}, foursquare_queries(), 32);
    QVERIFY(many.front().cardinality.value < few.front().cardinality.value);
    QVERIFY(many.front().skew.value < few.front().skew.value);  // 30% of rows on one of 32 shards
  }

  void unknownColumnsAreSkipped() {
    const Table t = make_checkins(100, 10, 1);
    QVERIFY(advise_shard_keys(t, {{"shoe_size", true}}, foursquare_queries(), 4).empty());
  }
};

QTEST_APPLESS_MAIN(TestShardingAdvisor)
#include "test_sharding_advisor.moc"
