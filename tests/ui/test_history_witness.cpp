// The History view's examples of what went wrong (issue 23, section 2): for a run that is not
// linearizable, the smallest set of operations the core finds, emphasised on the clients' lanes,
// one plain sentence under them, and "Show on the stage" moving the run to the example's moment
// with the nodes involved highlighted. The same for session guarantees, lost acknowledged writes
// and two leaders in one term; a linearizable run shows none. Screenshots go to /tmp for a person to look at.
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtQml/QQmlExtensionPlugin>
#include <QtTest>
#include <set>

#include "window_test_support.h"

#include "check/linearizability.h"
#include "check/witness.h"
#include "panels/history_panel.h"
#include "panels/history_witnesses.h"
#include "run/learner_actions.h"
#include "run/run_controller.h"
#include "shell/main_window.h"
#include "stage/node_list_model.h"
#include "stage/stage_controller.h"

Q_IMPORT_QML_PLUGIN(ClusterScopePlugin)

namespace {

cs::ui::AppOptions laptop(const QTemporaryDir& dir, const char* scenario, bool projector = false) {
  cs::ui::AppOptions o = test::window_options(dir, {1280, 720});
  o.scenario = QString::fromLatin1(scenario);
  o.projector = projector;
  return o;
}

// Opens the History tab (unfolding the panels if a short projector window folded them away).
cs::ui::HistoryPanel* open_history(cs::ui::MainWindow& w) {
  auto* split = w.findChild<QSplitter*>(QStringLiteral("stageSplitter"));
  if (split && split->sizes().value(1) == 0) {
    const int h = split->height();
    split->setSizes({h * 3 / 5, h * 2 / 5});
  }
  cs::ui::HistoryPanel* panel = w.historyPanel();
  w.findChild<QTabWidget*>("panels")->setCurrentWidget(panel);
  QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
  return panel;
}

// A word-wrapped label shows all of its text: the height it needs at its width is what it has.
bool fits(const QLabel* label) {
  QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
  return label->isVisible() && label->wordWrap() && label->height() >= label->heightForWidth(label->width());
}

// The panel's whole content, as far as it scrolls (the window shows a part of it at a time).
QPixmap whole(cs::ui::HistoryPanel* panel) { return panel->findChild<QScrollArea*>("historyScroll")->widget()->grab(); }

QStringList highlighted(cs::ui::MainWindow& w) {
  QStringList out;
  auto* nodes = w.controller()->scene()->nodes();
  for (int r = 0; r < nodes->rowCount(); ++r) {
    const QModelIndex i = nodes->index(r);
    if (nodes->data(i, cs::ui::NodeListModel::HighlightedRole).toBool())
      out << nodes->data(i, cs::ui::NodeListModel::NameRole).toString();
  }
  return out;
}

std::set<std::uint64_t> ids_of(const std::vector<std::uint64_t>& ids) { return {ids.begin(), ids.end()}; }

// The operations of the run now, by id.
const cs::sim::Operation* find_op(const cs::run::Figures& f, std::uint64_t id) {
  for (const auto& op : f.history) {
    if (op.id == id) return &op;
  }
  return nullptr;
}

// Tab from `from` visits `to` later (skipping what takes no focus).
bool tab_reaches(QWidget* from, QWidget* to) {
  for (QWidget* w = from->nextInFocusChain(); w && w != from; w = w->nextInFocusChain()) {
    if (w == to) return (to->focusPolicy() & Qt::TabFocus) && to->isEnabled() && to->isVisible();
  }
  return false;
}

}  // namespace

class TestHistoryWitness : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { test::isolate_settings(); }

  void aStaleReadIsShownWithItsSmallestExample() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(laptop(dir, "async-lag-stale-read"));
    w.show();
    cs::ui::RunController* run = w.controller()->run();
    run->seekUs(8'000'000);
    cs::ui::HistoryPanel* panel = open_history(w);
    auto* list = panel->findChild<QComboBox*>("historyWitnessList");
    auto* sentence = panel->findChild<QLabel*>("historyWitnessSentence");
    auto* show = panel->findChild<QPushButton*>("historyWitnessShow");
    auto* zoom = panel->findChild<QPushButton*>("historyWitnessZoom");
    QVERIFY(list && sentence && show && zoom);
    QVERIFY(!list->isVisible() && !sentence->isVisible() && !show->isVisible());  // not checked yet

    const auto result = panel->checkNow();
    QCOMPARE(result.verdict, cs::check::Verdict::NotLinearizable);
    const auto& witnesses = panel->witnesses();
    QVERIFY(!witnesses.empty());
    QCOMPARE(list->count(), static_cast<int>(witnesses.size()));
    QVERIFY(list->isVisible() && show->isVisible());
    QCOMPARE(panel->currentWitness(), 0);
    const cs::ui::ShownWitness& first = witnesses.front();
    QCOMPARE(first.kind, cs::ui::ShownWitness::Kind::Linearizability);
    QCOMPARE(list->itemText(0), first.title);
    QVERIFY2(first.title.startsWith("Key "), qPrintable(first.title));

    // The operations are the core's witness for the same history, found independently here.
    const auto figures = run->figures();
    const cs::check::OpHistory history = cs::check::from_sim_history(figures->history);
    const auto checked = cs::check::check_linearizability(history, cs::check::Model::Register);
    const auto core = cs::check::find_witnesses(history, checked);
    QVERIFY(!core.empty());
    std::vector<std::uint64_t> core_ids;
    for (const std::size_t i : core.front().ops) core_ids.push_back(history.ops[i].id);
    QCOMPARE(first.op_ids, core_ids);
    QVERIFY(!core.front().budget_exhausted);
    QVERIFY(first.note.isEmpty());
    // ... with no legal order: the sub-history on its own is not linearizable.
    QCOMPARE(
        cs::check::check_linearizability(cs::check::sub_history(history, core.front().ops), cs::check::Model::Register)
            .verdict,
        cs::check::Verdict::NotLinearizable);

    // The sentence is shown under the lanes, whole, in the lanes' names.
    QVERIFY(sentence->isVisible());
    QCOMPARE(sentence->text(), first.sentence);
    QCOMPARE(panel->witnessSentence(), first.sentence);
    QVERIFY(fits(sentence));
    QVERIFY(sentence->mapTo(panel, QPoint(0, 0)).y() > panel->timeline()->mapTo(panel, QPoint(0, 0)).y());
    const cs::sim::Operation* read =
        find_op(*figures, core.front().named.empty() ? 0 : history.ops[core.front().named.front()].id);
    QVERIFY(read);
    const auto node_count = static_cast<qint64>(run->frame().nodes.size());
    const QString client = QString("Client %1 ").arg(static_cast<qint64>(read->client) - node_count + 1);
    QVERIFY2(first.sentence.startsWith(client + "read key " + QString::number(read->key)), qPrintable(first.sentence));
    const QString node = QString::fromStdString(run->frame().nodes[read->node].name);
    QVERIFY2(first.sentence.contains(" from " + node + " at "), qPrintable(first.sentence));
    QVERIFY2(first.sentence.contains(" had completed at "), qPrintable(first.sentence));
    QVERIFY(first.sentence.endsWith(" s."));
    QVERIFY(!first.sentence.contains("lient " + QString::number(read->client) + " "));  // not the endpoint number

    // On the lanes: exactly the example's operations stand out, every other one is faded.
    cs::ui::HistoryTimeline* timeline = panel->timeline();
    QVERIFY(timeline->hasWitness());
    QCOMPARE(timeline->emphasised(), ids_of(first.op_ids));
    std::set<std::uint64_t> emphasised;
    int faded = 0;
    const auto bars = timeline->bars();
    for (const auto& bar : bars) {
      if (bar.emphasised) emphasised.insert(bar.op.id);
      faded += bar.faded ? 1 : 0;
      QVERIFY(bar.emphasised != bar.faded);
    }
    QCOMPARE(emphasised, ids_of(first.op_ids));
    QCOMPARE(faded, static_cast<int>(bars.size() - first.op_ids.size()));
    QVERIFY(whole(panel).save("/tmp/history_witness_panel.png"));
    QVERIFY(w.grab().save("/tmp/history_witness_window.png"));

    // Zoomed, the lanes show the example's time: its bars are wider and inside the plot.
    double narrow = 0;
    for (const auto& bar : bars) narrow += bar.emphasised ? bar.rect.width() : 0;
    zoom->click();
    QVERIFY(timeline->zoomed());
    double wide = 0;
    for (const auto& bar : timeline->bars()) {
      if (!bar.emphasised) continue;
      wide += bar.rect.width();
      QVERIFY(bar.rect.left() >= 60 && bar.rect.right() <= timeline->width());
    }
    QVERIFY2(wide > narrow * 3, qPrintable(QString("%1 vs %2").arg(wide).arg(narrow)));
    QVERIFY(whole(panel).save("/tmp/history_witness_zoomed.png"));

    // Keyboard: the list and both buttons are reached with Tab after the check button, and say
    // what they are.
    auto* check = panel->findChild<QPushButton*>("checkHistoryButton");
    QVERIFY(tab_reaches(check, list));
    QVERIFY(tab_reaches(list, zoom));
    QVERIFY(tab_reaches(zoom, show));
    QVERIFY(!list->accessibleName().isEmpty() && !sentence->accessibleName().isEmpty());
    QCOMPARE(show->text(), QString("Show on the stage"));

    // Show on the stage: the run goes to the moment the last of them had completed, paused, and
    // the stage highlights the nodes the clients sent them to.
    cs::sim::TimeUs moment = 0;
    QStringList nodes;
    for (const std::uint64_t id : first.op_ids) {
      const cs::sim::Operation* op = find_op(*figures, id);
      QVERIFY(op);
      moment = std::max(moment, op->complete_us >= 0 ? op->complete_us : op->invoke_us);
      const QString name = QString::fromStdString(run->frame().nodes[op->node].name);
      if (!nodes.contains(name)) nodes << name;
    }
    QVERIFY(moment < run->timeUs());
    run->setPlaying(true);
    show->click();
    QCOMPARE(run->timeUs(), moment);
    QVERIFY(!run->playing());
    QStringList lit = highlighted(w);
    lit.sort();
    nodes.sort();
    QCOMPARE(lit, nodes);
    QVERIFY(!lit.isEmpty());
    QCoreApplication::processEvents();  // the stage's scene draws the new frame
    QVERIFY(w.grab().save("/tmp/history_witness_on_stage.png"));
    // At that moment the example is still on the lanes, and the list is unchanged.
    QCOMPARE(panel->witnesses().size(), witnesses.size());
    emphasised.clear();
    for (const auto& bar : timeline->bars()) {
      if (bar.emphasised) emphasised.insert(bar.op.id);
    }
    QCOMPARE(emphasised, ids_of(first.op_ids));

    // Another example from the list: its own sentence and operations.
    if (witnesses.size() > 1) {
      list->setCurrentIndex(1);
      QCOMPARE(sentence->text(), witnesses[1].sentence);
      QCOMPARE(timeline->emphasised(), ids_of(witnesses[1].op_ids));
    }

    // A learner's action changes the run: the examples go until the next check.
    w.controller()->actions()->isolate(2);
    QVERIFY(panel->witnesses().empty());
    QVERIFY(!list->isVisible() && !sentence->isVisible() && !timeline->hasWitness());
  }

  void aLinearizableRunShowsNoExample() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(laptop(dir, "raft-5"));
    w.show();
    w.controller()->run()->seekUs(6'000'000);
    cs::ui::HistoryPanel* panel = open_history(w);
    QCOMPARE(panel->checkNow().verdict, cs::check::Verdict::Linearizable);
    QVERIFY(panel->witnesses().empty());
    QCOMPARE(panel->currentWitness(), -1);
    QVERIFY(!panel->findChild<QComboBox*>("historyWitnessList")->isVisible());
    QVERIFY(!panel->findChild<QPushButton*>("historyWitnessShow")->isVisible());
    QVERIFY(panel->witnessSentence().isEmpty());
    QVERIFY(!panel->timeline()->hasWitness());
    for (const auto& bar : panel->timeline()->bars()) QVERIFY(!bar.emphasised && !bar.faded);
  }

  void aSessionGuaranteeBrokenIsShownToo() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(laptop(dir, "ryw-violation"));
    w.show();
    cs::ui::RunController* run = w.controller()->run();
    run->seekUs(run->horizonUs());
    cs::ui::HistoryPanel* panel = open_history(w);
    QCOMPARE(panel->checkNow().verdict, cs::check::Verdict::NotLinearizable);
    int index = -1;
    for (int i = 0; i < static_cast<int>(panel->witnesses().size()); ++i) {
      if (panel->witnesses()[static_cast<std::size_t>(i)].title.startsWith("Read your writes: client ")) {
        index = i;
        break;
      }
    }
    QVERIFY(index >= 0);
    panel->selectWitness(index);
    const cs::ui::ShownWitness& w_ryw = panel->witnesses()[static_cast<std::size_t>(index)];
    QCOMPARE(w_ryw.kind, cs::ui::ShownWitness::Kind::Session);
    QVERIFY2(w_ryw.sentence.contains(", after its own write key "), qPrintable(w_ryw.sentence));
    QCOMPARE(panel->witnessSentence(), w_ryw.sentence);
    QCOMPARE(panel->timeline()->emphasised(), ids_of(w_ryw.op_ids));
    QVERIFY(w_ryw.op_ids.size() >= 2);
    // The read's return is the moment.
    const auto figures = run->figures();
    cs::sim::TimeUs latest_read_done = -1;
    for (const std::uint64_t id : w_ryw.op_ids) {
      const cs::sim::Operation* op = find_op(*figures, id);
      QVERIFY(op);
      if (op->type == cs::sim::OpType::Read) latest_read_done = std::max(latest_read_done, op->complete_us);
    }
    QCOMPARE(w_ryw.moment_us, latest_read_done);
    panel->findChild<QPushButton*>("historyWitnessShow")->click();
    QCOMPARE(run->timeUs(), latest_read_done);
    QVERIFY(!highlighted(w).isEmpty());
    QCOMPARE(highlighted(w), w_ryw.nodes);
    QVERIFY(whole(panel).save("/tmp/history_witness_session.png"));
  }

  // Asynchronous failover: each acknowledged write the new primary never had is an example, as
  // many as the metric counts, shown at the moment its client was told it had succeeded.
  void lostAcknowledgedWritesAreShownOneByOne() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(laptop(dir, "auto-failover-async-loss"));
    w.show();
    cs::ui::RunController* run = w.controller()->run();
    run->seekUs(12'000'000);
    cs::ui::HistoryPanel* panel = open_history(w);
    panel->checkNow();
    const auto figures = run->figures();
    const double metric = figures->metrics.at("lost_acknowledged_writes");
    QCOMPARE(metric, 8.0);
    std::vector<int> lost;
    std::vector<std::uint64_t> lost_ids;
    for (int i = 0; i < static_cast<int>(panel->witnesses().size()); ++i) {
      const cs::ui::ShownWitness& shown = panel->witnesses()[static_cast<std::size_t>(i)];
      if (shown.kind != cs::ui::ShownWitness::Kind::LostWrite) continue;
      lost.push_back(i);
      QCOMPARE(shown.op_ids.size(), std::size_t{1});
      lost_ids.push_back(shown.op_ids.front());
    }
    QCOMPARE(static_cast<double>(lost.size()), metric);
    QCOMPARE(lost_ids, figures->lost_write_ids);
    QCOMPARE(figures->lost_write_acked_by.size(), lost_ids.size());
    auto* list = panel->findChild<QComboBox*>("historyWitnessList");
    QCOMPARE(list->count(), static_cast<int>(panel->witnesses().size()));

    const int index = lost.back();
    panel->selectWitness(index);
    const cs::ui::ShownWitness& shown = panel->witnesses()[static_cast<std::size_t>(index)];
    const cs::sim::Operation* op = find_op(*figures, shown.op_ids.front());
    QVERIFY(op);
    QCOMPARE(op->type, cs::sim::OpType::Write);
    QCOMPARE(op->status, cs::sim::OpStatus::Ok);
    const auto node_count = static_cast<qint64>(run->frame().nodes.size());
    const QString client = QString::number(static_cast<qint64>(op->client) - node_count + 1);
    const QString what = QString("key %1 = %2").arg(op->key).arg(op->value);
    QCOMPARE(list->itemText(index), shown.title);
    QCOMPARE(shown.title, "Lost write: client " + client + ", " + what);
    const QString node = QString::fromStdString(run->frame().nodes[op->node].name);
    QVERIFY2(shown.sentence.startsWith("Client " + client + " wrote " + what + " through " + node + " at "),
             qPrintable(shown.sentence));
    // The node that promised it: the primary, which answered for the node the client sent it to.
    const cs::sim::EndpointId by = figures->lost_write_acked_by.at(lost.size() - 1);
    QVERIFY(by != cs::sim::kNoEndpoint);
    const QString acker = QString::fromStdString(run->frame().nodes[by].name);
    if (by != op->node)
      QVERIFY2(shown.sentence.contains(" and was told by " + acker + " at "), qPrintable(shown.sentence));
    QVERIFY2(shown.sentence.contains(" that it had succeeded, but "), qPrintable(shown.sentence));
    QVERIFY2(shown.sentence.endsWith(" no longer holds it."), qPrintable(shown.sentence));
    QCOMPARE(panel->witnessSentence(), shown.sentence);
    QCOMPARE(panel->timeline()->emphasised(), ids_of(shown.op_ids));
    QCOMPARE(shown.moment_us, op->complete_us);
    QCOMPARE(shown.nodes, QStringList({acker}));
    QVERIFY(whole(panel).save("/tmp/history_witness_lost_write.png"));

    // Show on the stage: back to the acknowledgement, paused, the acknowledging node highlighted.
    QVERIFY(shown.moment_us < run->timeUs());
    run->setPlaying(true);
    panel->findChild<QPushButton*>("historyWitnessShow")->click();
    QCOMPARE(run->timeUs(), op->complete_us);
    QVERIFY(!run->playing());
    QCOMPARE(highlighted(w), QStringList({acker}));
    QCoreApplication::processEvents();
    QVERIFY(w.grab().save("/tmp/history_witness_lost_write_on_stage.png"));
  }

  // A lost write's sentence in each form: through the node that answered, through a node that
  // passed it on to the one that answered, and (an imported history) with no node at all.
  void aLostWriteSaysWhoPromisedIt() {
    cs::sim::History h;
    for (int i = 0; i < 3; ++i) {
      cs::sim::Operation op;
      op.client = 2;  // client 1, after n1 and n2
      op.node = i == 2 ? cs::sim::kNoEndpoint : 1;
      op.type = cs::sim::OpType::Write;
      op.key = 1;
      op.value = 7 + i;
      op.invoke_us = (i + 1) * 1'000'000;
      op.complete_us = op.invoke_us + 250'000;
      op.status = cs::sim::OpStatus::Ok;
      QVERIFY(h.invoke(op));
    }
    const auto shown =
        cs::ui::HistoryWitnesses::lostWrites(h.ops(), {1, 2, 3}, {cs::sim::kNoEndpoint, 0}, {"n1", "n2"});
    QCOMPARE(shown.size(), std::size_t{3});
    QCOMPARE(shown[0].kind, cs::ui::ShownWitness::Kind::LostWrite);
    QCOMPARE(shown[0].title, QString("Lost write: client 1, key 1 = 7"));
    QCOMPARE(shown[0].sentence,
             QString("Client 1 wrote key 1 = 7 through n2 at 1.000 s and was told at 1.250 s that "
                     "it had succeeded, but the authoritative copy of the data no longer holds it."));
    QCOMPARE(shown[0].nodes, QStringList({"n2"}));
    QCOMPARE(shown[0].moment_us, cs::sim::TimeUs{1'250'000});
    QCOMPARE(shown[0].op_ids, std::vector<std::uint64_t>({1}));
    QCOMPARE(shown[1].sentence,
             QString("Client 1 wrote key 1 = 8 through n2 at 2.000 s and was told by n1 at 2.250 s that it had "
                     "succeeded, but the authoritative copy of the data no longer holds it."));
    QCOMPARE(shown[1].nodes, QStringList({"n1"}));
    QCOMPARE(shown[2].sentence, QString("Client 1 wrote key 1 = 9 at 3.000 s and was told at 3.250 s that it had "
                                        "succeeded, but the authoritative copy of the data no longer holds it."));
    QVERIFY(shown[2].nodes.isEmpty());
    QVERIFY(cs::ui::HistoryWitnesses::lostWrites(h.ops(), {}, {}, {"n1", "n2"}).empty());
  }

  void twoLeadersInOneTermNameWhoAndSinceWhen() {
    using cs::sim::Role;
    using cs::sim::TraceEvent;
    using cs::sim::TraceType;
    const auto role = [](cs::sim::TimeUs t, cs::sim::EndpointId node, Role r, std::int64_t term) {
      TraceEvent e;
      e.time_us = t;
      e.type = TraceType::RoleChange;
      e.node = node;
      e.a = static_cast<std::int64_t>(r);
      e.b = term;
      return e;
    };
    const std::vector<TraceEvent> events{role(1'000'000, 0, Role::Leader, 3), role(2'000'000, 1, Role::Leader, 3),
                                         role(3'000'000, 0, Role::Follower, 4), role(3'500'000, 2, Role::Leader, 4)};
    const auto intervals = cs::ui::HistoryWitnesses::leadingIntervals(events);
    QCOMPARE(intervals.size(), std::size_t{3});
    QCOMPARE(intervals[0].end_us, cs::sim::TimeUs{3'000'000});
    const auto shown = cs::ui::HistoryWitnesses::twoLeaders(intervals, {"n1", "n2", "n3"});
    QCOMPARE(shown.size(), std::size_t{1});
    QCOMPARE(shown[0].kind, cs::ui::ShownWitness::Kind::TwoLeaders);
    QCOMPARE(shown[0].title, QString("Two leaders in term 3: n1 and n2"));
    QCOMPARE(shown[0].sentence,
             QString("n1 and n2 both led in term 3: n1 from 1.000 s to 3.000 s, n2 from 2.000 s on; both at once "
                     "from 2.000 s."));
    QCOMPARE(shown[0].moment_us, cs::sim::TimeUs{2'000'000});
    QCOMPARE(shown[0].nodes, QStringList({"n1", "n2"}));
    QVERIFY(shown[0].op_ids.empty());
    // Only where the model promises one leader per term: shards each have their own primary.
    cs::ui::RunController run;
    for (const auto& [id, one] : {std::pair{"raft-5", true}, {"hash-even", false}, {"async-lag-stale-read", false}}) {
      QVERIFY(run.loadScenario(QString::fromUtf8(id), nullptr));
      QCOMPARE(run.promisesOneLeaderPerTerm(), one);
    }
  }

  void aSearchCutShortSaysSo() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(laptop(dir, "async-lag-stale-read"));
    cs::ui::RunController* run = w.controller()->run();
    run->seekUs(8'000'000);
    const auto figures = run->figures();
    const cs::check::OpHistory history = cs::check::from_sim_history(figures->history);
    const auto result = cs::check::check_linearizability(history, cs::check::Model::Register);
    cs::check::WitnessBudget tiny;
    tiny.max_steps = 3;
    const auto shown =
        cs::ui::HistoryWitnesses::linearizability(figures->history, history, result, {"n1", "n2", "n3"}, tiny);
    QVERIFY(!shown.empty());
    QVERIFY2(shown.front().note.startsWith("Checked for ") &&
                 shown.front().note.endsWith(" steps; this may not be the smallest set."),
             qPrintable(shown.front().note));
  }

  // Each shape of example has its own sentence, in the lanes' names (client 1 is the first client
  // after the nodes n1 and n2) and with the arguments the core's sentence makes.
  void everyKindOfExampleHasItsSentence_data() {
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("never written") << static_cast<int>(cs::check::WitnessKind::NeverWritten)
                                   << "Client 1 read key 1 = 99 from n1 at 0.100 s, a value that no operation wrote.";
    QTest::newRow("read before write")
        << static_cast<int>(cs::check::WitnessKind::ReadBeforeWrite)
        << "Client 1 read key 1 = 5 from n1, returning at 0.200 s, before the write key 1 = 5 began at 0.300 s.";
    QTest::newRow("stale read") << static_cast<int>(cs::check::WitnessKind::StaleRead)
                                << "Client 2 read key 1 = 1 from n2 at 0.400 s, after the write key 1 = 2 had "
                                   "completed at 0.300 s, which began after the write key 1 = 1 had completed at "
                                   "0.100 s.";
    QTest::newRow("read goes back") << static_cast<int>(cs::check::WitnessKind::ReadGoesBack)
                                    << "Client 2 read key 1 = 1 from n2 at 0.500 s, after client 1 had read key 1 = "
                                       "2, returning at 0.400 s, and the write key 1 = 2 began after the write key 1 "
                                       "= 1 had completed at 0.100 s.";
    QTest::newRow("value came back") << static_cast<int>(cs::check::WitnessKind::ValueCameBack)
                                     << "Client 1 read key 1 = 5 from n1 at 0.600 s, after client 2 had read key 1 = "
                                        "6, returning at 0.500 s, and client 1 had read key 1 = 5 before that, "
                                        "returning at 0.300 s, but 5 was written only once.";
  }

  void everyKindOfExampleHasItsSentence() {
    QFETCH(int, kind);
    QFETCH(QString, sentence);
    using cs::sim::OpType;
    cs::sim::History h;
    // Clients are endpoints 2 to 5 (after the nodes 0 and 1), each with one operation open at a
    // time; they send to n1, n2, n1 and n2.
    const auto add = [&](cs::sim::EndpointId client, OpType type, std::int64_t value, double from_s, double to_s) {
      cs::sim::Operation op;
      op.client = client;
      op.node = (client - 2) % 2;
      op.type = type;
      op.key = 1;
      op.value = value;
      op.has_value = true;
      op.invoke_us = static_cast<cs::sim::TimeUs>(from_s * 1e6);
      op.complete_us = static_cast<cs::sim::TimeUs>(to_s * 1e6);
      op.status = cs::sim::OpStatus::Ok;
      QVERIFY(h.invoke(op));
    };
    switch (static_cast<cs::check::WitnessKind>(kind)) {
      case cs::check::WitnessKind::NeverWritten: add(2, OpType::Read, 99, 0.1, 0.2); break;
      case cs::check::WitnessKind::ReadBeforeWrite:
        add(2, OpType::Read, 5, 0.1, 0.2);
        add(3, OpType::Write, 5, 0.3, 0.4);
        break;
      case cs::check::WitnessKind::StaleRead:
        add(2, OpType::Write, 1, 0.0, 0.1);
        add(2, OpType::Write, 2, 0.2, 0.3);
        add(3, OpType::Read, 1, 0.4, 0.5);
        break;
      case cs::check::WitnessKind::ReadGoesBack:
        add(2, OpType::Write, 1, 0.0, 0.1);
        add(4, OpType::Write, 2, 0.2, 1.0);
        add(2, OpType::Read, 2, 0.3, 0.4);
        add(3, OpType::Read, 1, 0.5, 0.6);
        break;
      case cs::check::WitnessKind::ValueCameBack:
        add(5, OpType::Write, 5, 0.0, 2.0);
        add(4, OpType::Write, 6, 0.0, 2.0);
        add(2, OpType::Read, 5, 0.2, 0.3);
        add(3, OpType::Read, 6, 0.4, 0.5);
        add(2, OpType::Read, 5, 0.6, 0.7);
        break;
      default: QFAIL("no history for this kind");
    }
    const cs::check::OpHistory history = cs::check::from_sim_history(h.ops());
    const auto result = cs::check::check_linearizability(history, cs::check::Model::Register);
    QCOMPARE(result.verdict, cs::check::Verdict::NotLinearizable);
    const auto core = cs::check::find_witnesses(history, result);
    QCOMPARE(core.size(), std::size_t{1});
    QCOMPARE(static_cast<int>(core[0].kind), kind);
    const auto shown = cs::ui::HistoryWitnesses::linearizability(h.ops(), history, result, {"n1", "n2"}, {});
    QCOMPARE(shown.size(), std::size_t{1});
    QCOMPARE(shown[0].sentence, sentence);
    QVERIFY(shown[0].title.startsWith("Key 1: "));
  }

  // The session guarantees' sentences, each from a history that breaks that one guarantee.
  void everySessionGuaranteeHasItsSentence_data() {
    QTest::addColumn<QString>("guarantee");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("read your writes") << "Read your writes"
                                      << "Client 1 read key 1 = 1 from n1 at 0.400 s, after its own write key 1 = 2 "
                                         "had completed at 0.300 s, which began after the write key 1 = 1 had "
                                         "completed at 0.100 s.";
    QTest::newRow("monotonic reads") << "Monotonic reads"
                                     << "Client 1 read key 1 = 1 from n1 at 0.600 s, after its own earlier read had "
                                        "returned key 1 = 2 at 0.500 s, and the write key 1 = 2 began after the "
                                        "write key 1 = 1 had completed at 0.100 s.";
    QTest::newRow("monotonic writes") << "Monotonic writes"
                                      << "Client 1 read key 1 (no value) from n1 at 0.600 s, after it had read key 2 "
                                         "= 2 at 0.500 s, which client 2 wrote after its write key 1 = 1 had "
                                         "completed at 0.100 s.";
    QTest::newRow("writes follow reads") << "Writes follow reads"
                                         << "Client 1 read key 1 (no value) from n1 at 0.800 s, after it had read key "
                                            "2 = 2 at 0.700 s, which client 3 wrote after reading key 1 = 1 at 0.300 "
                                            "s.";
  }

  void everySessionGuaranteeHasItsSentence() {
    QFETCH(QString, guarantee);
    QFETCH(QString, sentence);
    using cs::sim::OpType;
    cs::sim::History h;
    // Clients 1, 2 and 3 are endpoints 2, 3 and 4, sending to n1, n2 and n1.
    const auto add = [&](cs::sim::EndpointId client, OpType type, std::int64_t key, std::int64_t value, double from_s,
                         double to_s) {
      cs::sim::Operation op;
      op.client = client;
      op.node = (client - 2) % 2;
      op.type = type;
      op.key = key;
      op.value = value;
      op.has_value = value != 0;
      op.invoke_us = static_cast<cs::sim::TimeUs>(from_s * 1e6);
      op.complete_us = static_cast<cs::sim::TimeUs>(to_s * 1e6);
      op.status = cs::sim::OpStatus::Ok;
      QVERIFY(h.invoke(op));
    };
    if (guarantee == "Read your writes") {
      add(3, OpType::Write, 1, 1, 0.0, 0.1);
      add(2, OpType::Write, 1, 2, 0.2, 0.3);
      add(2, OpType::Read, 1, 1, 0.4, 0.5);
    } else if (guarantee == "Monotonic reads") {
      add(3, OpType::Write, 1, 1, 0.0, 0.1);
      add(3, OpType::Write, 1, 2, 0.2, 0.3);
      add(2, OpType::Read, 1, 2, 0.4, 0.5);
      add(2, OpType::Read, 1, 1, 0.6, 0.7);
    } else if (guarantee == "Monotonic writes") {
      add(3, OpType::Write, 1, 1, 0.0, 0.1);
      add(3, OpType::Write, 2, 2, 0.2, 0.3);
      add(2, OpType::Read, 2, 2, 0.4, 0.5);
      add(2, OpType::Read, 1, 0, 0.6, 0.7);
    } else {
      add(3, OpType::Write, 1, 1, 0.0, 0.1);
      add(4, OpType::Read, 1, 1, 0.2, 0.3);
      add(4, OpType::Write, 2, 2, 0.4, 0.5);
      add(2, OpType::Read, 2, 2, 0.6, 0.7);
      add(2, OpType::Read, 1, 0, 0.8, 0.9);
    }
    const auto shown = cs::ui::HistoryWitnesses::sessions(h.ops(), {"n1", "n2"});
    const cs::ui::ShownWitness* found = nullptr;
    for (const auto& w : shown) {
      if (w.title.startsWith(guarantee + ": client 1 at ")) found = &w;
    }
    QVERIFY2(found, qPrintable(guarantee));
    QCOMPARE(found->sentence, sentence);
    QCOMPARE(found->kind, cs::ui::ShownWitness::Kind::Session);
    QCOMPARE(found->moment_us, h.ops().back().complete_us);  // the offending read came back
  }

  // At the laptop size in projector mode the sentence wraps and the buttons stay in the panel.
  void theExampleFitsInProjectorMode() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(laptop(dir, "async-lag-stale-read", true));
    w.show();
    w.controller()->run()->seekUs(8'000'000);
    cs::ui::HistoryPanel* panel = open_history(w);
    panel->checkNow();
    QVERIFY(!panel->witnesses().empty());
    auto* sentence = panel->findChild<QLabel*>("historyWitnessSentence");
    QVERIFY(fits(sentence));
    auto* show = panel->findChild<QPushButton*>("historyWitnessShow");
    const QRect content = show->parentWidget()->parentWidget()->rect();
    QVERIFY(content.contains(QRect(show->mapTo(show->parentWidget()->parentWidget(), QPoint(0, 0)), show->size())));
    QVERIFY(show->width() >= show->sizeHint().width());
    QVERIFY(whole(panel).save("/tmp/history_witness_projector.png"));
    QVERIFY(w.grab().save("/tmp/history_witness_projector_window.png"));
  }
};

QTEST_MAIN(TestHistoryWitness)
#include "test_history_witness.moc"
