// The window's geometry gate: at laptop, minimum and desk sizes, in normal and projector modes,
// every built-in scenario at each of its narrated moments fits. No card overlaps another, the
// legend or the clock; no link passes under a card it does not join; the stage does not overlap
// the controls around it; text wraps instead of being cut. Every panel added later must keep this
// passing. Run once more by ctest at a scale factor of 1.5 (a 1920x1080 laptop at 150%).
#include <QAction>
#include <QLabel>
#include <QQuickItem>
#include <QQuickWidget>
#include <QScrollArea>
#include <QScrollBar>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtQml/QQmlExtensionPlugin>
#include <QtTest>

#include "window_test_support.h"

#include "course/challenge.h"
#include "livelab/lab_dialog.h"
#include "progress/completion_view.h"
#include "progress/course_session.h"
#include "quiz/quiz_widget.h"
#include "quiz/review_dialog.h"
#include "run/branch_comparison.h"
#include "run/challenge_session.h"
#include "scenario/builtin.h"
#include "shell/challenge_panel.h"
#include "shell/classroom_modes.h"
#include "shell/compare_view.h"
#include "shell/lesson_pane.h"
#include "shell/lesson_view.h"
#include "shell/main_window.h"
#include "shell/narration_panel.h"
#include "shell/quiz_flow.h"
#include "shell/time_controls.h"
#include "stage/backdrop_layer.h"
#include "stage/shard_layers.h"
#include "stage/stage_controller.h"
#include "stage/stage_view.h"

Q_IMPORT_QML_PLUGIN(ClusterScopePlugin)

namespace {

QRect in_window(const QWidget* w, const QWidget* window) { return {w->mapTo(window, QPoint(0, 0)), w->size()}; }

QRectF item_rect(QQuickItem* item, QQuickItem* root) {
  return item->mapRectToItem(root, QRectF(0, 0, item->width(), item->height()));
}

// Lets the stage's QML lay itself out (its Flow legend lays out on polish) and report its size.
void settle(cs::ui::MainWindow& w) {
  QCoreApplication::processEvents();
  if (auto* root = w.stageWidget()->rootObject()) {
    if (auto* legend = root->findChild<QQuickItem*>("stageLegend")) legend->ensurePolished();
  }
  QCoreApplication::processEvents();
}

// A word-wrapped label shows all of its text: the height it needs at its width is what it has.
bool label_fits(const QLabel* label) {
  if (!label->isVisible() || label->text().isEmpty()) return true;
  return label->wordWrap() && label->heightForWidth(label->width()) <= label->height() + 1;
}

void check_moment(cs::ui::MainWindow& w, const QString& where, QStringList& problems) {
  const auto fail = [&](const QString& what) { problems << where + ": " + what; };
  QQuickWidget* stage = w.stageWidget();
  auto* scene = w.controller()->scene();
  const auto& g = scene->geometry();
  if (g.width_px != stage->width() || g.height_px != stage->height()) {
    fail(QStringLiteral("the stage's geometry is for %1x%2, the stage is %3x%4")
             .arg(g.width_px)
             .arg(g.height_px)
             .arg(stage->width())
             .arg(stage->height()));
    return;
  }
  // The pieces around the stage sit beside it, not over it, and inside the window.
  QList<QPair<QString, const QWidget*>> parts = {{"stage", stage},
                                                 {"description", w.clusterDescription()},
                                                 {"time controls", w.findChild<cs::ui::TimeControls*>()}};
  // The narration, or in its place a challenge's goal panel.
  if (w.narration()->isVisible()) parts.append({"narration", w.narration()});
  if (const QWidget* challenge = w.challengePanel(); challenge->isVisible()) {
    parts.append({"challenge panel", challenge});
    for (const auto* label : challenge->findChildren<QLabel*>()) {
      if (!label_fits(label)) fail("the challenge panel's text is cut off: " + label->text().left(40));
    }
    // Words taller than their box scroll, and the box says so.
    const auto* box = challenge->findChild<QScrollArea*>("challengeScroll");
    if (box->widget()->height() > box->viewport()->height() + 1 && !box->verticalScrollBar()->isVisible()) {
      fail("the challenge panel is cut off without a scroll bar");
    }
  }
  // The panels under the stage, unless folded away under the splitter's handle.
  if (auto* panels = w.findChild<QTabWidget*>("panels"); panels && panels->isVisible() && panels->height() > 0) {
    parts.append({"panels", panels});
  }
  for (int i = 0; i < parts.size(); ++i) {
    const QRect a = in_window(parts[i].second, &w);
    if (!w.rect().contains(a)) fail(parts[i].first + " reaches outside the window");
    for (int j = i + 1; j < parts.size(); ++j) {
      if (a.intersects(in_window(parts[j].second, &w))) fail(parts[i].first + " overlaps " + parts[j].first);
    }
  }
  if (stage->height() < 200) fail(QStringLiteral("the stage is only %1 px tall").arg(stage->height()));
  // Text wraps: nothing cut off on the right or at the bottom.
  if (w.lessonPane()->widget()->width() > w.lessonPane()->viewport()->width())
    fail("the lesson column is wider than its pane");
  // The narration wraps; a step too long for the room it has scrolls (its box says so).
  if (w.narration()->isVisible()) {
    const auto* narration = w.narration()->findChild<QLabel*>("narrationText");
    const auto* scroll = w.narration()->findChild<QScrollArea*>("narrationScroll");
    if (!narration->wordWrap() || narration->width() > scroll->viewport()->width())
      fail("the narration does not wrap to its box");
    if (narration->heightForWidth(narration->width()) > scroll->viewport()->height() + 1 &&
        !scroll->verticalScrollBar()->isVisible()) {
      fail("the narration is cut off without a scroll bar");
    }
  }
  if (!label_fits(w.clusterDescription())) fail("the cluster description is cut off");

  if (scene->viewKind() != QLatin1String("cluster")) return;
  QQuickItem* root = stage->rootObject();
  QList<QPair<QString, QRectF>> labels;
  for (const char* name : {"stageLegend", "stageClock"}) {
    QQuickItem* item = root->findChild<QQuickItem*>(name);
    if (!item) {
      fail(QString("no %1 on the stage").arg(name));
      continue;
    }
    const QRectF r = item_rect(item, root);
    if (!QRectF(0, 0, stage->width(), stage->height()).contains(r)) fail(QString("%1 is clipped").arg(name));
    labels.append({name, r});
  }
  const auto& nodes = scene->snapshot().nodes;
  const QRectF area = g.cluster_area().adjusted(-0.5, -0.5, 0.5, 0.5);
  for (int i = 0; i < nodes.size(); ++i) {
    const QRectF a = g.card_rect(nodes[i]);
    if (!area.contains(a)) fail(nodes[i].name + "'s card leaves the cluster area");
    for (const auto& [name, r] : labels) {
      if (a.intersects(r)) fail(nodes[i].name + "'s card overlaps the " + name);
    }
    for (int j = i + 1; j < nodes.size(); ++j) {
      if (a.intersects(g.card_rect(nodes[j]))) {
        fail(QStringLiteral("%1 and %2 overlap (stage %3x%4, strip %5, fit %6)")
                 .arg(nodes[i].name, nodes[j].name)
                 .arg(g.width_px)
                 .arg(g.height_px)
                 .arg(g.bottom_px)
                 .arg(g.fit));
      }
    }
  }
  for (const auto& l : scene->links()->items()) {
    for (int k = 0; k < nodes.size(); ++k) {
      if (k != l.from && k != l.to &&
          cs::ui::segment_crosses(g.to_pixels(l.x1, l.y1), g.to_pixels(l.x2, l.y2), g.card_rect(nodes[k]))) {
        fail(QString("the link %1-%2 passes under %3").arg(nodes[l.from].name, nodes[l.to].name, nodes[k].name));
      }
    }
  }
}

}  // namespace

class TestWindowGeometry : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { test::isolate_settings(); }

  void everyScenarioFitsAtEveryNarratedMoment_data() {
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("projector");
    for (const QSize size : {QSize(1280, 720), QSize(1024, 640), QSize(1600, 1000)}) {
      for (const bool projector : {false, true}) {
        const QString name =
            QStringLiteral("%1x%2%3").arg(size.width()).arg(size.height()).arg(projector ? " projector" : "");
        QTest::newRow(qPrintable(name)) << size << projector;
      }
    }
  }

  void everyScenarioFitsAtEveryNarratedMoment() {
    QFETCH(QSize, size);
    QFETCH(bool, projector);
    QTemporaryDir dir;
    cs::ui::MainWindow w(test::window_options(dir, size));
    w.classroom()->setProjectorMode(projector);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QCOMPARE(w.size(), size);
    QStringList problems;
    int moments = 0;
    for (const auto& b : cs::scenario::builtin_scenarios()) {
      const QString id = QString::fromUtf8(b.id.data(), static_cast<qsizetype>(b.id.size()));
      QVERIFY(w.controller()->run()->loadScenario(id, nullptr));
      std::vector<qint64> times = {0};
      for (const auto& n : w.controller()->run()->scenario().narration) {
        if (n.at_us) times.push_back(*n.at_us);
      }
      for (const qint64 t : times) {
        w.controller()->run()->seekUs(t);
        settle(w);
        check_moment(w, QStringLiteral("%1 at %2 s").arg(id).arg(static_cast<double>(t) / 1e6), problems);
        ++moments;
      }
    }
    QVERIFY(moments > 100);
    if (problems.size() > 20) problems = problems.mid(0, 20) << QStringLiteral("...");
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
  }

  void aComparisonFitsAtEveryNarratedMoment_data() { everyScenarioFitsAtEveryNarratedMoment_data(); }

  // Two branches on the stage (issue 23): each comparison Try it, at each of its moments, with
  // the stage that shows (both, or the one chosen on a narrow stage) laid out as a stage must be.
  void aComparisonFitsAtEveryNarratedMoment() {
    QFETCH(QSize, size);
    QFETCH(bool, projector);
    QTemporaryDir dir;
    cs::ui::AppOptions o = test::window_options(dir, size);
    o.teacher = true;
    cs::ui::MainWindow w(o);
    w.classroom()->setProjectorMode(projector);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QStringList problems;
    int compared = 0;
    for (std::size_t lesson = 0; lesson < w.course().lessons.size(); ++lesson) {
      for (const auto& t : w.course().lessons[lesson].tryits) {
        if (t.compare.empty()) continue;
        w.showLesson(static_cast<int>(lesson));
        emit w.lessonPane()->view()->tryItActivated(QString::fromStdString(t.id));
        QVERIFY2(w.compareView()->comparison()->active(), t.id.c_str());
        ++compared;
        for (const auto& step : t.steps) {
          if (!step.at_us) continue;
          w.controller()->run()->seekUs(*step.at_us);
          settle(w);
          const QString where =
              QStringLiteral("%1 (compared) at %2 s").arg(QString::fromStdString(t.id)).arg(*step.at_us / 1e6);
          check_moment(w, where, problems);
          QWidget* b = w.compareView()->stageB();
          if (b->isVisible()) {
            const auto& g = w.compareView()->branch()->scene()->geometry();
            if (g.width_px != b->width() || g.height_px != b->height()) problems << where + ": B's geometry is stale";
            if (!w.rect().contains(QRect(b->mapTo(&w, QPoint(0, 0)), b->size())))
              problems << where + ": B leaves the window";
            if (b->height() < 200) problems << where + QStringLiteral(": B is only %1 px tall").arg(b->height());
          }
        }
      }
    }
    QVERIFY(compared >= 4);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
  }

  void everyChallengeFitsAndTheStageKeepsItsSize_data() { everyScenarioFitsAtEveryNarratedMoment_data(); }

  void everyChallengeFitsAndTheStageKeepsItsSize() {
    QFETCH(QSize, size);
    QFETCH(bool, projector);
    QTemporaryDir dir;
    cs::ui::AppOptions o = test::window_options(dir, size);
    o.teacher = true;
    cs::ui::MainWindow w(o);
    w.classroom()->setProjectorMode(projector);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QStringList problems;
    int challenges = 0;
    for (int lesson = 0; lesson < static_cast<int>(w.course().lessons.size()); ++lesson) {
      w.showLesson(lesson);
      const auto& l = w.course().lessons[static_cast<std::size_t>(lesson)];
      for (const auto& c : cs::course::load_challenges(l.challenges_text, l.challenges_path)) {
        w.openChallenge(QString::fromStdString(c.id));
        QVERIFY(w.challengeSession()->active());
        settle(w);
        const QString where = QStringLiteral("%1").arg(QString::fromStdString(c.id));
        check_moment(w, where + " at the start", problems);
        // The recorded solution, played to the goal: the explanation appears, the stage stays.
        w.challengeSession()->showSolution();
        w.controller()->run()->setPlaying(false);
        settle(w);
        const int stage_height = w.stageWidget()->height();
        const int panel_height = w.challengePanel()->height();
        for (int step = 0; step < 4000 && w.challengeSession()->status() == cs::ui::ChallengeSession::Status::Playing;
             ++step) {
          w.controller()->run()->seekUs(w.controller()->run()->timeUs() + 50'000);
        }
        settle(w);
        if (w.challengeSession()->status() != cs::ui::ChallengeSession::Status::Met) {
          problems << where + ": the recorded solution did not meet the goal in the window";
        }
        check_moment(w, where + " met", problems);
        if (w.stageWidget()->height() != stage_height) {
          problems << QStringLiteral(
                          "%1: the stage went from %2 to %3 px tall when the goal was met (goal panel %4 -> %5)")
                          .arg(where)
                          .arg(stage_height)
                          .arg(w.stageWidget()->height())
                          .arg(panel_height)
                          .arg(w.challengePanel()->height());
        }
        ++challenges;
      }
    }
    QVERIFY(challenges >= 12);
    if (problems.size() > 20) problems = problems.mid(0, 20) << QStringLiteral("...");
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
  }

  void theFinalTestReviewAndCompletionFit_data() { everyScenarioFitsAtEveryNarratedMoment_data(); }

  // The panels of the course's end: the 10-question final test in the lesson column, a review
  // session and the completion view, each within the window with its text wrapped, not cut.
  void theFinalTestReviewAndCompletionFit() {
    QFETCH(QSize, size);
    QFETCH(bool, projector);
    QTemporaryDir dir;
    cs::ui::AppOptions o = test::window_options(dir, size);
    o.teacher = true;
    cs::ui::MainWindow w(o);
    w.classroom()->setProjectorMode(projector);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QStringList problems;
    const auto check_labels = [&](const QWidget* parent, const QString& where) {
      for (const auto* label : parent->findChildren<QLabel*>()) {
        if (label->isVisible() && label->wordWrap() && !label_fits(label))
          problems << where + ": text cut off: " + label->text().left(40);
      }
    };
    const auto check_dialog = [&](QWidget* dialog, const QString& where) {
      QVERIFY(dialog);
      QCoreApplication::processEvents();
      if (dialog->width() > size.width() || dialog->height() > size.height())
        problems << QStringLiteral("%1 is %2x%3").arg(where).arg(dialog->width()).arg(dialog->height());
      if (auto* scroll = dialog->findChild<QScrollArea*>();
          scroll && scroll->widget() && scroll->widget()->width() > scroll->viewport()->width())
        problems << where + " is wider than its scroll area";
      check_labels(dialog, where);
      dialog->close();
    };
    w.showLesson(static_cast<int>(w.course().lessons.size()) - 1);
    auto* quiz = w.lessonPane()->quiz();
    QCOMPARE(quiz->attempt().asked.size(), std::size_t{10});
    w.lessonPane()->scrollToQuiz();
    settle(w);
    if (w.lessonPane()->widget()->width() > w.lessonPane()->viewport()->width())
      problems << "the final test is wider than the lesson pane";
    check_labels(quiz, "the final test");
    w.quizFlow()->showCompletion();
    check_dialog(w.quizFlow()->completionView(), "the completion view");
    auto& review = w.session()->store().progress().review;
    for (const auto& q : w.course().lessons[3].quiz.questions)
      review.push_back({w.course().lessons[3].id, q.id, "2026-01-01", 1, 0});
    w.session()->setClock([] { return QDate(2026, 12, 4); });
    w.quizFlow()->openReview();
    check_dialog(w.quizFlow()->reviewDialog(), "the review session");
    // Simulation > Live lab, with a result in it (as a run leaves it).
    w.findChild<QAction*>("labAction")->trigger();
    auto* lab = w.findChild<cs::ui::LabDialog*>();
    cs::lab::ExperimentResult result;
    result.experiment = "etcd-leader-election";
    result.parameters = {
        "members: 5 etcd processes on 127.0.0.1", "--heartbeat-interval 100",
        "--election-timeout 1000 (simulated election_timeout_min_ms 1000, election_timeout_max_ms 2000)"};
    result.figures = {{"detection_time_us+failover_time_us", "", 1181.4, 1254.7, 1031.6, 1603.4, "ms"},
                      {"elections_started", "", 1, 1, 1, 1, ""}};
    result.log_lines.assign(12, "m5: raft2026/12/04 19:49:11 INFO: df6f6897e214748f became leader at term 3");
    lab->showResult(result);
    check_dialog(lab, "the live lab");
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
  }

  void theWindowCannotBeMadeSmallerThanTheMinimum() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(test::window_options(dir, QSize(800, 600)));
    QVERIFY(w.minimumWidth() >= 1024 && w.minimumHeight() >= 640);
    QVERIFY(w.width() >= 1024 && w.height() >= 640);
  }

  void theStageKeepsItsSizeWhenPanelsChange() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(test::window_options(dir, QSize(1280, 720)));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    settle(w);
    const QSize before = w.stageWidget()->size();
    // A status message, every tab of the panels, and a longer description.
    w.statusBar()->showMessage("A status message that appears for a while");
    auto* panels = w.findChild<QTabWidget*>("panels");
    for (int i = 0; i < panels->count(); ++i) {
      panels->setCurrentIndex(i);
      settle(w);
      QCOMPARE(w.stageWidget()->size(), before);
    }
    panels->setCurrentIndex(0);
    w.controller()->run()->seekUs(3'000'000);
    settle(w);
    QCOMPARE(w.stageWidget()->size(), before);
  }

  void theBackdropIsRepaintedOnlyWhenItChanges() {
    // Links and regions are one image, drawn again only when they change: messages moving (every
    // frame) cost no repaint of it; a partition does.
    QTemporaryDir dir;
    cs::ui::MainWindow w(test::window_options(dir, QSize(1280, 720)));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.controller()->run()->loadScenario("cluster-heartbeat", nullptr));
    settle(w);
    w.stageWidget()->grabFramebuffer();
    auto* backdrop = w.stageWidget()->rootObject()->findChild<cs::ui::BackdropLayer*>();
    QVERIFY(backdrop);
    // The ring and heat-map layer is hidden in the cluster view: it is not painted at all (it once
    // painted the whole stage every frame, unseen).
    auto* shards = w.stageWidget()->rootObject()->findChild<cs::ui::ShardLayer*>();
    QVERIFY(shards);
    const int before = backdrop->paintCount();
    const int shards_before = shards->paintCount();
    for (qint64 t = 100'000; t <= 1'000'000; t += 100'000) {
      w.controller()->run()->seekUs(t);
      w.stageWidget()->grabFramebuffer();
    }
    QCOMPARE(backdrop->paintCount(), before);
    QCOMPARE(shards->paintCount(), shards_before);
    w.controller()->actions()->isolate(0);
    w.stageWidget()->grabFramebuffer();
    QVERIFY(backdrop->paintCount() > before);
  }

  void hoveringANodeShowsEverythingOnItsCard() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(test::window_options(dir, QSize(1280, 720)));
    QVERIFY(w.controller()->run()->loadScenario("raft-5", nullptr));
    w.controller()->run()->seekUs(4'000'000);
    auto* view = static_cast<cs::ui::StageView*>(w.stageWidget());
    const auto& n = w.controller()->scene()->snapshot().nodes.front();
    const QString tip = view->nodeToolTip(0);
    QVERIFY(tip.contains(n.name));
    QVERIFY(tip.contains(n.label));
    QVERIFY2(tip.contains(n.summary.toHtmlEscaped()), qPrintable(tip));  // the line the card may cut short
    QVERIFY(view->nodeToolTip(99).isEmpty());
  }

  void clickingANodeUnderAMessageSelectsIt() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(test::window_options(dir, QSize(1280, 720)));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.controller()->run()->loadScenario("cluster-heartbeat", nullptr));
    auto* c = w.controller();
    for (qint64 t = 0; t < 3'000'000; t += 5'000) {
      c->run()->seekUs(t);
      settle(w);
      const auto& g = c->scene()->geometry();
      for (const auto& token : c->scene()->tokens()->items()) {
        const QPointF p = g.to_pixels(token.x, token.y);
        const int node = c->selection()->nodeAt(p.x(), p.y());
        if (node < 0 || node == c->selection()->focusedNode()) continue;
        const auto actions = c->run()->savedRun().actions.size();
        QTest::mouseClick(w.stageWidget(), Qt::LeftButton, {}, p.toPoint());
        QCOMPARE(c->selection()->focusedNode(), node);
        QCOMPARE(c->run()->savedRun().actions.size(), actions);
        return;
      }
    }
    QFAIL("no moment with a message drawn over a card");
  }
};

QTEST_MAIN(TestWindowGeometry)
#include "test_window_geometry.moc"
