// The controller between the core and QML: signals, models and time control, without a window.
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "stage/stage_controller.h"

using cs::ui::StageController;

class TestStageController : public QObject {
  Q_OBJECT

 private slots:
  void loadsABuiltinScenario() {
    StageController c;
    QSignalSpy scenario(c.run(), &cs::ui::RunController::scenarioChanged);
    QSignalSpy time(c.run(), &cs::ui::RunController::timeChanged);
    QString error;
    QVERIFY2(c.run()->loadScenario("cluster-heartbeat", &error), qPrintable(error));
    QCOMPARE(scenario.count(), 1);
    QVERIFY(time.count() >= 1);
    QCOMPARE(c.run()->scenarioId(), QString("cluster-heartbeat"));
    QCOMPARE(c.scene()->nodes()->rowCount(), 5);
    QCOMPARE(c.scene()->links()->rowCount(), 10);
    QCOMPARE(c.scene()->nodes()->data(c.scene()->nodes()->index(0), cs::ui::NodeListModel::RoleRole).toString(),
             QString("leader"));
    QCOMPARE(c.scene()->nodes()->data(c.scene()->nodes()->index(1), cs::ui::NodeListModel::NameRole).toString(),
             QString("n2"));
  }

  void badScenarioKeepsTheCurrentRunAndSaysWhy() {
    StageController c;
    QVERIFY(c.run()->loadScenario("cluster-heartbeat", nullptr));
    QSignalSpy scenario(c.run(), &cs::ui::RunController::scenarioChanged);
    QString error;
    QVERIFY(!c.run()->loadScenario("/nonexistent/scenario.json", &error));
    QVERIFY(error.contains("/nonexistent/scenario.json"));
    QCOMPARE(scenario.count(), 0);
    QCOMPARE(c.run()->scenarioId(), QString("cluster-heartbeat"));
  }

  void aFileWithARefusedParameterIsRefusedByTheWindowToo() {
    QTemporaryDir dir;
    QFile f(dir.filePath("raft-5-edited.json"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"version": 1, "id": "edited", "title": "Edited",
               "model": {"type": "raft", "params": {"heartbeat_interval_ms": 0}},
               "nodes": [{"name": "n1"}, {"name": "n2"}, {"name": "n3"}]})");
    f.close();
    StageController c;
    QVERIFY(c.run()->loadScenario("cluster-heartbeat", nullptr));
    QString error;
    QVERIFY(!c.run()->loadScenario(f.fileName(), &error));
    QVERIFY2(error.contains("raft-5-edited.json: /model/params/heartbeat_interval_ms: 0 is outside 1 to 60000"),
             qPrintable(error));
    QCOMPARE(c.run()->scenarioId(), QString("cluster-heartbeat"));  // the run goes on
  }

  void oldHistoryIsKeptOnlyAtItsMoments() {
    StageController c;
    QVERIFY(c.run()->loadScenario("raft-5", nullptr));
    c.run()->keepMoments({2'000'000});
    c.run()->seekUs(700'000'000);  // more than ten simulated minutes
    QCOMPARE(c.run()->frame().rewind_horizon_us, qint64{100'000'000});
    const auto& quick = c.run()->frame().quick_moments;
    QVERIFY(std::find(quick.begin(), quick.end(), 2'000'000) != quick.end());
    QSignalSpy said(c.run(), &cs::ui::RunController::actionTaken);
    c.run()->seekUs(2'100'000);  // close to the kept moment: goes there, and says so
    QCOMPARE(c.run()->timeUs(), qint64{2'000'000});
    QCOMPARE(said.count(), 1);
    c.run()->seekUs(95'000'000);  // nearer the window's start than to any kept moment
    QCOMPARE(c.run()->timeUs(), qint64{100'000'000});
    c.run()->seekUs(300'000'000);  // inside the window: exactly there
    QCOMPARE(c.run()->timeUs(), qint64{300'000'000});
  }

  void advancingMovesTimeAtTheChosenSpeed() {
    StageController c;
    QVERIFY(c.run()->loadScenario("cluster-heartbeat", nullptr));
    QSignalSpy speed(c.run(), &cs::ui::RunController::speedChanged);
    c.run()->setSpeed(0.5);
    QCOMPARE(speed.count(), 1);
    c.run()->setSpeed(0.5);
    QCOMPARE(speed.count(), 1);  // no signal when nothing changed
    QSignalSpy time(c.run(), &cs::ui::RunController::timeChanged);
    c.run()->advanceWallMs(100);  // 100 ms of animation at 0.5x = 50 ms simulated
    QCOMPARE(c.run()->timeUs(), qint64{50'000});
    QCOMPARE(time.count(), 1);
    c.run()->setSpeed(1000);  // clamped
    QCOMPARE(c.run()->speed(), cs::ui::RunController::kMaxSpeed);
    c.run()->setSpeed(0);
    QCOMPARE(c.run()->speed(), cs::ui::RunController::kMinSpeed);
  }

  void theStageClockCanBeReadWhilePlayingAndIsExactWhenStopped() {
    StageController c;
    QVERIFY(c.run()->loadScenario("cluster-heartbeat", nullptr));
    QCOMPARE(c.run()->clockText(), c.run()->timeText());
    c.run()->setSpeed(1.0);
    QSignalSpy clock(c.run(), &cs::ui::RunController::clockTextChanged);
    QSignalSpy time(c.run(), &cs::ui::RunController::timeChanged);
    QElapsedTimer wall;
    wall.start();
    for (int frame = 0; frame < 60; ++frame) c.run()->advanceWallMs(16);  // as the frame timer does
    const qint64 elapsed_ms = wall.elapsed();
    QCOMPARE(time.count(), 60);  // the run moved every frame ...
    // ... the clock at most ten times a second of wall time.
    QVERIFY2(clock.count() <= 1 + elapsed_ms / 100,
             qPrintable(QStringLiteral("%1 changes in %2 ms").arg(clock.count()).arg(elapsed_ms)));
    c.run()->stepEvent();  // a step (as a seek or a pause) shows the exact time at once
    QCOMPARE(c.run()->clockText(), c.run()->timeText());
    c.run()->setPlaying(true);
    c.run()->advanceWallMs(16);
    c.run()->setPlaying(false);
    QCOMPARE(c.run()->clockText(), c.run()->timeText());
  }

  void tokensFollowMessagesInFlight() {
    StageController c;
    QVERIFY(c.run()->loadScenario("cluster-heartbeat", nullptr));
    c.run()->seekUs(20'000);  // heartbeats sent at 0 with about 40 ms latency are half way
    QCOMPARE(c.scene()->tokens()->rowCount(), 4);
    QCOMPARE(c.run()->inFlight(), 4);
    for (const auto& t : c.scene()->tokens()->items()) {
      QCOMPARE(t.messageClass, QString("heartbeat"));
      // Between the leader at the top (0.5, 0.14) and its followers.
      QVERIFY(t.y > 0.14 && t.y < 0.86);
    }
    c.run()->seekUs(70'000);
    int acks = 0;
    for (const auto& t : c.scene()->tokens()->items()) acks += t.messageClass == QLatin1String("ack") ? 1 : 0;
    QVERIFY(acks >= 2);  // the followers' answers are on their way back
  }

  void playPauseStepAndReset() {
    StageController c;
    QVERIFY(c.run()->loadScenario("cluster-heartbeat", nullptr));
    QSignalSpy playing(c.run(), &cs::ui::RunController::playingChanged);
    c.run()->setPlaying(true);
    QVERIFY(c.run()->playing());
    c.run()->togglePlaying();
    QVERIFY(!c.run()->playing());
    QCOMPARE(playing.count(), 2);
    const qint64 before = c.run()->timeUs();
    c.run()->stepEvent();
    c.run()->stepEvent();
    QVERIFY(c.run()->timeUs() >= before);
    QVERIFY(c.run()->frame().events_processed >= 2);
    c.run()->seekUs(3'000'000);
    QCOMPARE(c.run()->timeUs(), qint64{3'000'000});
    c.run()->reset();
    QCOMPARE(c.run()->timeUs(), qint64{0});
  }

  void actionsAreRecordedAndReplayedAfterSeek();
  void nodesAreRemovedAndAddedAndReplayed();
  void discardingTheFutureDropsLaterActions();
  void clicksFocusSelectAndDrop();
  void clickOnANodeUnderAMessageSelectsTheNode();
  void partitionAndHealCutAndRestoreLinks();
  void requestsSeedAndSavedRun();

  void regionsDropsAndLayout();

  void highlightMarksNodes() {
    StageController c;
    QVERIFY(c.run()->loadScenario("cluster-heartbeat", nullptr));
    QSignalSpy changed(c.scene()->nodes(), &QAbstractItemModel::dataChanged);
    c.scene()->setHighlighted({"n3"});
    QCOMPARE(changed.count(), 1);
    QVERIFY(c.scene()->nodes()->data(c.scene()->nodes()->index(2), cs::ui::NodeListModel::HighlightedRole).toBool());
    QVERIFY(!c.scene()->nodes()->data(c.scene()->nodes()->index(0), cs::ui::NodeListModel::HighlightedRole).toBool());
  }
};

void TestStageController::actionsAreRecordedAndReplayedAfterSeek() {
  StageController c;
  QVERIFY(c.run()->loadScenario("cluster-heartbeat", nullptr));
  QSignalSpy taken(c.run(), &cs::ui::RunController::actionTaken);
  c.run()->seekUs(1'000'000);
  c.actions()->crashOrRestart(1);
  QCOMPARE(taken.count(), 1);
  QVERIFY(taken.first().first().toString().contains("Crashed n2"));
  QCOMPARE(c.scene()->nodes()->items()[1].status, QString("crashed"));
  c.run()->seekUs(3'000'000);
  QCOMPARE(c.scene()->nodes()->items()[1].status, QString("crashed"));
  c.run()->seekUs(500'000);  // before the crash: n2 is up again
  QCOMPARE(c.scene()->nodes()->items()[1].status, QString("up"));
  QVERIFY(c.run()->hasFuture());
  c.run()->seekUs(2'000'000);  // replay applies the recorded crash again
  QCOMPARE(c.scene()->nodes()->items()[1].status, QString("crashed"));
  const auto markers = c.run()->markers();
  QCOMPARE(markers.size(), 1);
  QVERIFY(markers[0].learner);
  QCOMPARE(markers[0].time_us, qint64{1'000'000});
  QCOMPARE(markers[0].label, QString("crash n2"));
}

void TestStageController::nodesAreRemovedAndAddedAndReplayed() {
  StageController c;
  QVERIFY(c.run()->loadScenario("raft-5", nullptr));
  c.run()->seekUs(2'000'000);
  const int links_before = c.scene()->links()->items().size();
  QSignalSpy said(c.run(), &cs::ui::RunController::actionTaken);
  c.actions()->addOrRemove(4);  // n5 leaves the cluster
  QCOMPARE(c.scene()->nodes()->items()[4].status, QString("removed"));
  QVERIFY(said.last().first().toString().startsWith("Removed n5"));
  QCOMPARE(c.scene()->links()->items().size(), links_before - 4);  // its four links are gone
  QVERIFY2(c.scene()->description().startsWith("4 nodes; n5 outside the cluster;"),
           qPrintable(c.scene()->description()));
  c.actions()->crashOrRestart(4);  // a removed node cannot crash or restart: it is not there
  QCOMPARE(c.scene()->nodes()->items()[4].status, QString("removed"));
  QVERIFY(said.last().first().toString().contains("not in the cluster"));
  c.run()->seekUs(4'000'000);
  c.actions()->addOrRemove(4);  // and joins again, empty: Raft's leader brings its log up to date
  QCOMPARE(c.scene()->nodes()->items()[4].status, QString("up"));
  QCOMPARE(c.scene()->nodes()->items()[4].logLength, qint64{0});
  c.run()->seekUs(8'000'000);
  // Caught up with the others (give or take the entries on the wire right now).
  QVERIFY(c.scene()->nodes()->items()[4].logLength > 0);
  QVERIFY(qAbs(c.scene()->nodes()->items()[4].logLength - c.scene()->nodes()->items()[0].logLength) <= 2);
  // Both membership changes are in the run: rewinding and replaying gives them back.
  c.run()->seekUs(3'000'000);
  QCOMPARE(c.scene()->nodes()->items()[4].status, QString("removed"));
  c.run()->seekUs(1'000'000);
  QCOMPARE(c.scene()->nodes()->items()[4].status, QString("up"));
  QStringList learner;
  for (const auto& m : c.run()->markers()) {
    if (m.learner) learner << m.label;
  }
  QCOMPARE(learner, (QStringList{"remove node n5", "add node n5"}));
}

void TestStageController::discardingTheFutureDropsLaterActions() {
  StageController c;
  QVERIFY(c.run()->loadScenario("cluster-heartbeat", nullptr));
  c.run()->seekUs(1'000'000);
  c.actions()->pauseOrResume(2);
  c.run()->seekUs(500'000);
  QVERIFY(c.run()->hasFuture());
  c.run()->discardFuture();
  QVERIFY(!c.run()->hasFuture());
  c.run()->seekUs(2'000'000);
  QCOMPARE(c.scene()->nodes()->items()[2].status, QString("up"));
}

void TestStageController::clicksFocusSelectAndDrop() {
  StageController c;
  QVERIFY(c.run()->loadScenario("cluster-heartbeat", nullptr));
  c.scene()->setStageSize(800, 600, 30);
  const auto& g = c.scene()->geometry();
  const auto at = [&](double x, double y) { return g.to_pixels(x, y); };
  QSignalSpy selection(c.selection(), &cs::ui::StageSelection::selectionChanged);
  const auto& n3 = c.scene()->nodes()->items()[2];
  c.selection()->clickAt(at(n3.x, n3.y).x(), at(n3.x, n3.y).y(), false, false);
  QCOMPARE(c.selection()->focusedNode(), 2);
  QVERIFY(c.scene()->nodes()->data(c.scene()->nodes()->index(2), cs::ui::NodeListModel::FocusedRole).toBool());
  QVERIFY(selection.count() >= 1);
  c.selection()->clickAt(at(n3.x, n3.y).x(), at(n3.x, n3.y).y(), true, false);
  QCOMPARE(c.selection()->selectedNodes(), QList<int>{2});
  QVERIFY(c.scene()->nodes()->data(c.scene()->nodes()->index(2), cs::ui::NodeListModel::SelectedRole).toBool());
  QSignalSpy menu(c.selection(), &cs::ui::StageSelection::contextMenuRequested);
  const auto& n1 = c.scene()->nodes()->items()[0];
  c.selection()->clickAt(at(n1.x, n1.y).x(), at(n1.x, n1.y).y() + 1, false, true);
  QCOMPARE(menu.count(), 1);
  QCOMPARE(menu.first().first().toInt(), 0);
  QCOMPARE(c.selection()->nodeAt(at(0.5, 0.5).x(), at(0.5, 0.5).y()), -1);
  // A plain click on a token off the cards only tells what it is; Shift+click drops it.
  c.run()->seekUs(20'000);
  cs::ui::TokenItem token;
  bool found = false;
  for (const auto& t : c.scene()->tokens()->items()) {
    const QPointF p = at(t.x, t.y);
    if (c.selection()->nodeAt(p.x(), p.y()) < 0) {
      token = t;
      found = true;
      break;
    }
  }
  QVERIFY(found);
  const QPointF tp = at(token.x, token.y);
  const int before = c.run()->inFlight();
  QSignalSpy inspected(c.selection(), &cs::ui::StageSelection::messageInspected);
  c.selection()->clickAt(tp.x(), tp.y(), false, false);
  QCOMPARE(inspected.count(), 1);
  QCOMPARE(c.run()->inFlight(), before);
  c.selection()->clickAt(tp.x(), tp.y(), false, false, true);
  QCOMPARE(c.run()->inFlight(), before - 1);
  QCOMPARE(c.run()->savedRun().actions.back().type, cs::sim::ActionType::DropMessage);
}

void TestStageController::clickOnANodeUnderAMessageSelectsTheNode() {
  // A message drawn over a card (arriving or leaving) must not take the click: the node wins, and
  // nothing is dropped or recorded.
  StageController c;
  QVERIFY(c.run()->loadScenario("cluster-heartbeat", nullptr));
  c.scene()->setStageSize(800, 600, 30);
  const auto& g = c.scene()->geometry();
  bool tried = false;
  for (qint64 t = 0; t < 3'000'000 && !tried; t += 5'000) {
    c.run()->seekUs(t);
    for (const auto& token : c.scene()->tokens()->items()) {
      const QPointF p = g.to_pixels(token.x, token.y);
      const int node = c.selection()->nodeAt(p.x(), p.y());
      if (node < 0) continue;
      const auto actions_before = c.run()->savedRun().actions.size();
      const int in_flight = c.run()->inFlight();
      QVERIFY(c.selection()->tokenAt(p.x(), p.y()) != 0);
      c.selection()->clickAt(p.x(), p.y(), false, false);
      QCOMPARE(c.selection()->focusedNode(), node);
      QCOMPARE(c.run()->inFlight(), in_flight);
      QCOMPARE(c.run()->savedRun().actions.size(), actions_before);
      tried = true;
      break;
    }
  }
  QVERIFY2(tried, "no moment with a message over a card");
}

void TestStageController::partitionAndHealCutAndRestoreLinks() {
  StageController c;
  QVERIFY(c.run()->loadScenario("cluster-heartbeat", nullptr));
  c.selection()->toggleSelected(0);
  c.selection()->toggleSelected(1);
  c.partitionSelection();
  int cut = 0;
  for (const auto& l : c.scene()->links()->items()) cut += l.cut ? 1 : 0;
  QCOMPARE(cut, 6);  // 2 x 3 links cross between {n1, n2} and {n3, n4, n5}
  QVERIFY(c.selection()->selectedNodes().isEmpty());
  c.run()->seekUs(2'000'000);
  // Cut off from their leader, n3, n4 and n5 begin to suspect it.
  QCOMPARE(c.scene()->nodes()->items()[3].role, QString("suspect"));
  QCOMPARE(c.scene()->nodes()->items()[1].role, QString("follower"));
  c.actions()->heal();
  for (const auto& l : c.scene()->links()->items()) QVERIFY(!l.cut);
  c.selection()->toggleSelected(0);
  c.selection()->toggleSelected(1);
  c.selection()->toggleSelected(2);
  c.selection()->toggleSelected(3);
  c.selection()->toggleSelected(4);
  QSignalSpy taken(c.run(), &cs::ui::RunController::actionTaken);
  c.partitionSelection();
  QVERIFY(taken.first().first().toString().contains("both sides"));
}

void TestStageController::requestsSeedAndSavedRun() {
  StageController c;
  QVERIFY(c.run()->loadScenario("cluster-heartbeat", nullptr));
  c.actions()->setConsistencyLevel(2);
  c.actions()->sendWrite(0);
  c.run()->seekUs(500'000);
  const auto figures = c.run()->figures();  // the frame's figures: immutable, kept while held
  const auto& ops = figures->history;
  QCOMPARE(ops.size(), std::size_t{1});
  QCOMPARE(ops[0].status, cs::sim::OpStatus::Ok);  // the leader accepted it
  QCOMPARE(ops[0].level, std::uint8_t{2});
  c.actions()->sendRead(3);
  c.run()->seekUs(1'000'000);
  QCOMPARE(ops.size(), std::size_t{1});  // the earlier frame's history does not change
  QCOMPARE(c.run()->figures()->history.size(), std::size_t{2});
  QCOMPARE(c.run()->figures()->history[1].status, cs::sim::OpStatus::Fail);  // followers refuse
  const auto saved = c.run()->savedRun();
  QCOMPARE(saved.actions.size(), std::size_t{2});
  QSignalSpy scenario(c.run(), &cs::ui::RunController::scenarioChanged);
  c.run()->setSeed(77);
  QCOMPARE(scenario.count(), 1);
  QCOMPARE(c.run()->seed(), quint64{77});
  QCOMPARE(c.run()->timeUs(), qint64{0});
  QVERIFY(c.run()->savedRun().actions.empty());
}

void TestStageController::regionsDropsAndLayout() {
  QTemporaryDir dir;
  QFile f(dir.filePath("two-dcs.json"));
  QVERIFY(f.open(QIODevice::WriteOnly));
  f.write(R"({"version": 1, "id": "two-dcs", "title": "Two data centres", "model": {"type": "heartbeat"},
    "regions": [{"name": "us-east", "latitude": 38.9, "longitude": -77.0}, {"name": "us-west", "latitude": 45.6, "longitude": -121.2}],
    "nodes": [{"name": "n1", "region": "us-east"}, {"name": "n2", "region": "us-east"}, {"name": "n3", "region": "us-east"},
              {"name": "n4", "region": "us-west"}, {"name": "n5", "region": "us-west"}],
    "network": {"latency_ms": 5, "jitter_ms": 1},
    "timeline": [{"at_s": 0.5, "action": "partition", "groups": [["n1", "n2", "n3"], ["n4", "n5"]]}],
    "view": {"layout": "regions"}})");
  f.close();
  StageController c;
  QString error;
  QVERIFY2(c.run()->loadScenario(dir.filePath("two-dcs.json"), &error), qPrintable(error));
  c.scene()->setStageSize(900, 560, 30);
  const auto regions = c.scene()->regions();
  QCOMPARE(regions.size(), 2);
  // Every node's card lies inside its own region's area (both in the stage's pixels).
  for (int i = 0; i < 5; ++i) {
    const QVariantMap r = regions[i < 3 ? 0 : 1].toMap();
    const QRectF area(r["x"].toDouble(), r["y"].toDouble(), r["width"].toDouble(), r["height"].toDouble());
    const QRectF card = c.scene()->geometry().card_rect(c.scene()->nodes()->items()[i]);
    QVERIFY2(area.contains(card), qPrintable(c.scene()->nodes()->items()[i].name));
  }
  QCOMPARE(regions[1].toMap()["name"].toString(), QString("us-west"));
  // Cards in one region do not overlap: each pair is a card's width or height apart.
  for (int i = 0; i < 5; ++i) {
    for (int j = i + 1; j < 5; ++j) {
      const auto& a = c.scene()->nodes()->items()[i];
      const auto& b = c.scene()->nodes()->items()[j];
      QVERIFY2(qAbs(a.x - b.x) >= 0.16 || qAbs(a.y - b.y) >= 0.17, qPrintable(a.name + " " + b.name));
    }
  }
  // Nor do the regions.
  const QVariantMap east = regions[0].toMap(), west = regions[1].toMap();
  QVERIFY(east["x"].toDouble() + east["width"].toDouble() <= west["x"].toDouble());
  c.run()->seekUs(400'000);
  QVERIFY(c.scene()->snapshot().drops.isEmpty());
  c.run()->seekUs(700'000);
  QVERIFY(!c.scene()->snapshot().drops.isEmpty());  // heartbeats to the other coast are lost, and marked
  for (const auto& d : c.scene()->snapshot().drops) QVERIFY(d.age >= 0 && d.age <= 1);
}

QTEST_MAIN(TestStageController)
#include "test_stage_controller.moc"
