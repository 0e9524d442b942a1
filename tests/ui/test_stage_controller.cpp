// The controller between the core and QML: signals, models and time control, without a window.
#include <QSignalSpy>
#include <QtTest>

#include "stage/stage_controller.h"

using cs::ui::StageController;

class TestStageController : public QObject {
  Q_OBJECT

 private slots:
  void loadsABuiltinScenario() {
    StageController c;
    QSignalSpy scenario(&c, &StageController::scenarioChanged);
    QSignalSpy time(&c, &StageController::timeChanged);
    QString error;
    QVERIFY2(c.loadScenario("cluster-heartbeat", &error), qPrintable(error));
    QCOMPARE(scenario.count(), 1);
    QVERIFY(time.count() >= 1);
    QCOMPARE(c.scenarioId(), QString("cluster-heartbeat"));
    QCOMPARE(c.nodes()->rowCount(), 5);
    QCOMPARE(c.links()->rowCount(), 10);
    QCOMPARE(c.nodes()->data(c.nodes()->index(0), cs::ui::NodeListModel::RoleRole).toString(), QString("leader"));
    QCOMPARE(c.nodes()->data(c.nodes()->index(1), cs::ui::NodeListModel::NameRole).toString(), QString("n2"));
  }

  void badScenarioKeepsTheCurrentRunAndSaysWhy() {
    StageController c;
    QVERIFY(c.loadScenario("cluster-heartbeat", nullptr));
    QSignalSpy scenario(&c, &StageController::scenarioChanged);
    QString error;
    QVERIFY(!c.loadScenario("/nonexistent/scenario.json", &error));
    QVERIFY(error.contains("/nonexistent/scenario.json"));
    QCOMPARE(scenario.count(), 0);
    QCOMPARE(c.scenarioId(), QString("cluster-heartbeat"));
  }

  void advancingMovesTimeAtTheChosenSpeed() {
    StageController c;
    QVERIFY(c.loadScenario("cluster-heartbeat", nullptr));
    QSignalSpy speed(&c, &StageController::speedChanged);
    c.setSpeed(0.5);
    QCOMPARE(speed.count(), 1);
    c.setSpeed(0.5);
    QCOMPARE(speed.count(), 1);  // no signal when nothing changed
    QSignalSpy time(&c, &StageController::timeChanged);
    c.advanceWallMs(100);  // 100 ms of animation at 0.5x = 50 ms simulated
    QCOMPARE(c.timeUs(), qint64{50'000});
    QCOMPARE(time.count(), 1);
    c.setSpeed(1000);  // clamped
    QCOMPARE(c.speed(), StageController::kMaxSpeed);
    c.setSpeed(0);
    QCOMPARE(c.speed(), StageController::kMinSpeed);
  }

  void tokensFollowMessagesInFlight() {
    StageController c;
    QVERIFY(c.loadScenario("cluster-heartbeat", nullptr));
    c.seekUs(20'000);  // heartbeats sent at 0 with about 40 ms latency are half way
    QCOMPARE(c.tokens()->rowCount(), 4);
    QCOMPARE(c.inFlight(), 4);
    for (const auto& t : c.tokens()->items()) {
      QCOMPARE(t.messageClass, QString("heartbeat"));
      // Between the leader at the top (0.5, 0.14) and its followers.
      QVERIFY(t.y > 0.14 && t.y < 0.86);
    }
    c.seekUs(70'000);
    int acks = 0;
    for (const auto& t : c.tokens()->items()) acks += t.messageClass == QLatin1String("ack") ? 1 : 0;
    QVERIFY(acks >= 2);  // the followers' answers are on their way back
  }

  void playPauseStepAndReset() {
    StageController c;
    QVERIFY(c.loadScenario("cluster-heartbeat", nullptr));
    QSignalSpy playing(&c, &StageController::playingChanged);
    c.setPlaying(true);
    QVERIFY(c.playing());
    c.togglePlaying();
    QVERIFY(!c.playing());
    QCOMPARE(playing.count(), 2);
    const qint64 before = c.timeUs();
    c.stepEvent();
    c.stepEvent();
    QVERIFY(c.timeUs() >= before);
    QVERIFY(c.simulation()->world().events_processed() >= 2);
    c.seekUs(3'000'000);
    QCOMPARE(c.timeUs(), qint64{3'000'000});
    c.reset();
    QCOMPARE(c.timeUs(), qint64{0});
  }

  void highlightMarksNodes() {
    StageController c;
    QVERIFY(c.loadScenario("cluster-heartbeat", nullptr));
    QSignalSpy changed(c.nodes(), &QAbstractItemModel::dataChanged);
    c.setHighlighted({"n3"});
    QCOMPARE(changed.count(), 1);
    QVERIFY(c.nodes()->data(c.nodes()->index(2), cs::ui::NodeListModel::HighlightedRole).toBool());
    QVERIFY(!c.nodes()->data(c.nodes()->index(0), cs::ui::NodeListModel::HighlightedRole).toBool());
  }
};

QTEST_MAIN(TestStageController)
#include "test_stage_controller.moc"
