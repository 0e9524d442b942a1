#include "shell/main_window.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWidget>
#include <QRandomGenerator>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

#include "content/qt_content_source.h"
#include "export/image_export.h"
#include "panels/charts_panel.h"
#include "panels/event_log.h"
#include "panels/history_panel.h"
#include "panels/metrics_panel.h"
#include "panels/sequence_diagram.h"
#include "progress/course_session.h"
#include "quiz/quiz_widget.h"
#include "scenario/builtin.h"
#include "scenario/scenario.h"
#include "shell/course_navigator.h"
#include "shell/lesson_pane.h"
#include "shell/lesson_view.h"
#include "shell/narration_panel.h"

#include <QSaveFile>
#include <cmath>

#include <QTabWidget>
#include "i18n/language.h"
#include "shell/notice_bar.h"
#include "shell/time_controls.h"
#include "stage/stage_controller.h"
#include "stage/stage_view.h"
#include "theme/palette.h"

namespace cs::ui {

namespace {
const char* const kDefaultScenario = "cluster-heartbeat";
const char* const kTeacherModeKey = "teacherMode";
}  // namespace

MainWindow::MainWindow(const AppOptions& options, QWidget* parent)
    : QMainWindow(parent), controller_(new StageController(this)), screenshot_mode_(!options.screenshot.isEmpty()) {
  controller_->scene()->nodes()->setAnimated(!screenshot_mode_);
  setWindowTitle(tr("ClusterScope"));
  setObjectName("mainWindow");
  appearance_ = options.appearance == QLatin1String("light")    ? Appearance::Light
                : options.appearance == QLatin1String("dark")   ? Appearance::Dark
                : options.appearance == QLatin1String("system") ? Appearance::System
                : screenshot_mode_                              ? Appearance::System
                                                                : saved_appearance();

  navigator_ = new CourseNavigator(this);
  lesson_pane_ = new LessonPane(this);
  notice_ = new NoticeBar(this);

  auto* splitter = new QSplitter(Qt::Horizontal, this);
  splitter->setObjectName("mainSplitter");
  splitter->addWidget(navigator_);
  splitter->addWidget(lesson_pane_);
  auto* stage_split = new QSplitter(Qt::Vertical, this);
  stage_split->setObjectName("stageSplitter");
  stage_split->addWidget(buildStagePanel());
  stage_split->addWidget(buildPanels());
  stage_split->setStretchFactor(0, 3);
  stage_split->setStretchFactor(1, 1);
  stage_split->setSizes({700, 260});
  splitter->addWidget(stage_split);
  splitter->setStretchFactor(0, 0);
  splitter->setStretchFactor(1, 3);
  splitter->setStretchFactor(2, 4);
  splitter->setSizes({240, 620, 740});
  auto* central = new QWidget(this);
  auto* central_layout = new QVBoxLayout(central);
  central_layout->setContentsMargins(0, 0, 0, 0);
  central_layout->setSpacing(0);
  central_layout->addWidget(notice_);
  central_layout->addWidget(splitter, 1);
  setCentralWidget(central);
  // Panel sizes are remembered between sessions.
  QSettings settings;
  splitter->restoreState(settings.value(QStringLiteral("layout/mainSplitter")).toByteArray());
  stage_split->restoreState(settings.value(QStringLiteral("layout/stageSplitter")).toByteArray());

  buildMenus();
  connect(navigator_, &CourseNavigator::lessonChosen, this, &MainWindow::showLesson);
  connect(lesson_pane_->view(), &LessonView::tryItActivated, this, &MainWindow::openTryIt);
  connect(lesson_pane_->quiz(), &QuizWidget::retryRequested, this, &MainWindow::startQuiz);
  connect(lesson_pane_->quiz(), &QuizWidget::submitted, this,
          [this](const course::QuizAttempt& attempt, const course::AttemptResult& result) {
            if (!session_ || current_lesson_ < 0) return;
            const bool was_complete = session_->courseComplete();
            QString error;
            const auto& quiz = course_.lessons[static_cast<std::size_t>(current_lesson_)].quiz;
            if (!session_->recordAttempt(current_lesson_, quiz, attempt, result, &error)) {
              notice_->showNotice(tr("Your quiz result could not be saved: %1").arg(error));
            }
            if (session_->courseComplete()) {
              lesson_pane_->quiz()->setSummary(session_->summaryMarkdown());
              if (!was_complete) showStatus(tr("Congratulations: you have completed the course."));
            } else if (result.passed && current_lesson_ + 1 < static_cast<int>(course_.lessons.size())) {
              lesson_pane_->quiz()->setSummary(
                  tr("Lesson %1 is open now. Choose it in the list on the left.").arg(current_lesson_ + 2));
            }
          });
  place_timer_.setSingleShot(true);
  place_timer_.setInterval(1000);
  connect(&place_timer_, &QTimer::timeout, this, &MainWindow::rememberPlace);
  connect(lesson_pane_, &LessonPane::scrolled, this, [this] { place_timer_.start(); });
  connect(controller_->run(), &RunController::scenarioChanged, this, [this] {
    narration_->setDescription(QString::fromStdString(controller_->run()->scenario().description));
    place_timer_.start();
  });
  connect(controller_->run(), &RunController::actionTaken, this, &MainWindow::showStatus);
  connect(controller_->selection(), &StageSelection::contextMenuRequested, this,
          [this] { node_menu_->popup(QCursor::pos()); });

  // Presenter Left/Right: active in presentation mode only (they move between nodes otherwise).
  auto* presenter_next = new QAction(this);
  presenter_next->setObjectName("presenterNext");
  presenter_next->setShortcut(Qt::Key_Right);
  presenter_next->setEnabled(false);
  connect(presenter_next, &QAction::triggered, narration_, &NarrationPanel::next);
  auto* presenter_previous = new QAction(this);
  presenter_previous->setObjectName("presenterPrevious");
  presenter_previous->setShortcut(Qt::Key_Left);
  presenter_previous->setEnabled(false);
  connect(presenter_previous, &QAction::triggered, narration_, &NarrationPanel::previous);
  addActions({presenter_next, presenter_previous});

  // Appearance and projector mode first, so that the first frame is already drawn in its palette.
  setProjectorMode(options.projector ||
                   (!screenshot_mode_ && QSettings().value(QStringLiteral("view/projector")).toBool()));
  setAdvancedHidden(!screenshot_mode_ && QSettings().value(kHideAdvancedKey).toBool());
  loadCourse(options);
  restorePlace(options);
  resize(options.size);
}

MainWindow::~MainWindow() = default;

QWidget* MainWindow::buildStagePanel() {
  auto* panel = new QWidget(this);
  auto* layout = new QVBoxLayout(panel);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  narration_ = new NarrationPanel(controller_, panel);
  stage_ = new StageView(controller_, panel);
  stage_->setAccessibleDescription(tr(
      "Arrow keys choose a node; C crashes or restarts it, A adds it to or removes it from the cluster, P pauses, "
      "I isolates, S slows it down, K skews its clock, "
      "Enter selects it for a partition, G partitions the selection, H heals, D drops a message, W writes, E reads."));
  time_controls_ = new TimeControls(controller_, panel);
  description_ = new QLabel(panel);
  description_->setObjectName("clusterDescription");
  description_->setWordWrap(true);
  description_->setContentsMargins(10, 2, 10, 2);
  description_->setAccessibleName(tr("Cluster description"));
  connect(controller_->scene(), &StageScene::descriptionChanged, this,
          [this] { description_->setText(controller_->scene()->description()); });
  layout->addWidget(narration_);
  layout->addWidget(stage_, 1);
  layout->addWidget(description_);
  layout->addWidget(time_controls_);
  buildNodeActions(panel);
  return panel;
}

QWidget* MainWindow::buildPanels() {
  auto* tabs = new QTabWidget(this);
  tabs->setObjectName("panels");
  panels_ = tabs;
  sequence_ = new SequenceDiagram(controller_->run(), tabs);
  event_log_ = new EventLog(controller_->run(), tabs);
  metrics_ = new MetricsPanel(controller_->run(), tabs);
  charts_ = new ChartsPanel(controller_->run(), tabs);
  history_ = new HistoryPanel(controller_->run(), tabs);
  tabs->addTab(sequence_, tr("Sequence diagram"));
  tabs->addTab(event_log_, tr("Event log"));
  tabs->addTab(metrics_, tr("Metrics"));
  tabs->addTab(charts_, tr("Charts"));
  tabs->addTab(history_, tr("History"));
  connect(tabs, &QTabWidget::currentChanged, this, [this](int) {
    event_log_->model()->refresh();
    metrics_->refresh();
  });
  return tabs;
}

bool MainWindow::exportStageTo(const QString& path, QString* error) {
  const StageSnapshot snapshot = controller_->scene()->snapshot();
  if (path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive)) {
    // The PNG is exactly what the stage shows right now, rendered afresh.
    if (!stage_->grabFramebuffer().save(path, "PNG")) {
      if (error) *error = tr("Cannot write %1.").arg(path);
      return false;
    }
    return true;
  }
  return export_painting(
      path, stage_->size(), controller_->run()->scenarioTitle(),
      [&](QPainter& p, const QSize& size) { paint_stage(p, snapshot, size); }, error);
}

bool MainWindow::exportSequenceTo(const QString& path, QString* error) {
  const QSize size = sequence_->size().expandedTo(QSize(800, 400));
  return export_painting(
      path, size, tr("Message sequence"), [&](QPainter& p, const QSize& s) { sequence_->paint(p, s); }, error);
}

bool MainWindow::saveRunTo(const QString& path, QString* error) {
  QSaveFile out(path);
  const QByteArray bytes = QByteArray::fromStdString(scenario::save_scenario(controller_->run()->savedRun()));
  if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
    if (error) *error = tr("Cannot write %1: %2").arg(path, out.errorString());
    return false;
  }
  return true;
}

void MainWindow::exportStage() {
  const QString path =
      QFileDialog::getSaveFileName(this, tr("Export the stage"), controller_->run()->scenarioId() + ".svg",
                                   tr("SVG image (*.svg);;PNG image (*.png)"));
  if (path.isEmpty()) return;
  QString error;
  if (!exportStageTo(path, &error)) QMessageBox::warning(this, tr("Export the stage"), error);
}

void MainWindow::exportSequence() {
  const QString path = QFileDialog::getSaveFileName(this, tr("Export the sequence diagram"),
                                                    controller_->run()->scenarioId() + "-sequence.svg",
                                                    tr("SVG image (*.svg);;PNG image (*.png)"));
  if (path.isEmpty()) return;
  QString error;
  if (!exportSequenceTo(path, &error)) QMessageBox::warning(this, tr("Export the sequence diagram"), error);
}

void MainWindow::saveRun() {
  const QString path = QFileDialog::getSaveFileName(this, tr("Save the run as a scenario"),
                                                    controller_->run()->scenarioId() + "-run.clusterscope",
                                                    tr("ClusterScope scenario (*.clusterscope *.json)"));
  if (path.isEmpty()) return;
  QString error;
  if (saveRunTo(path, &error)) {
    showStatus(tr("Saved the run to %1; open it with clusterscope --scenario %1").arg(path));
  } else {
    QMessageBox::warning(this, tr("Save the run"), error);
  }
}

void MainWindow::openScenarioFile() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Open a scenario"), {},
                                                    tr("ClusterScope scenario (*.clusterscope *.json)"));
  if (path.isEmpty()) return;
  QString error;
  if (!controller_->run()->loadScenario(path, &error)) QMessageBox::warning(this, tr("Open a scenario"), error);
}

void MainWindow::buildNodeActions(QWidget* stage_panel) {
  // One menu of experiments, used three ways: the menu bar, the stage's context menu, and keys
  // that work while the stage has focus (so typing elsewhere is never taken for a command).
  node_menu_ = new QMenu(tr("&Node"), this);
  const auto add = [&](const QString& text, QKeySequence key, auto&& slot) {
    QAction* a = node_menu_->addAction(text);
    a->setShortcut(key);
    a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    stage_panel->addAction(a);
    connect(a, &QAction::triggered, this, slot);
    return a;
  };
  LearnerActions* a = controller_->actions();
  StageSelection* sel = controller_->selection();
  StageController* c = controller_;
  add(tr("&Crash or restart"), Qt::Key_C, [a, sel] { a->crashOrRestart(sel->focusedNode()); });
  add(tr("&Add to or remove from the cluster"), Qt::Key_A, [a, sel] { a->addOrRemove(sel->focusedNode()); });
  add(tr("&Pause or resume"), Qt::Key_P, [a, sel] { a->pauseOrResume(sel->focusedNode()); });
  add(tr("&Isolate"), Qt::Key_I, [a, sel] { a->isolate(sel->focusedNode()); });
  add(LearnerActions::slowDownLabel(), Qt::Key_S, [a, sel] { a->slowDown(sel->focusedNode()); });
  advanced_actions_ << add(LearnerActions::skewClockLabel(), Qt::Key_K, [a, sel] { a->skewClock(sel->focusedNode()); });
  advanced_actions_ << add(tr("&Drop the next message to it"), Qt::Key_D,
                           [a, sel] { a->dropNextMessageTo(sel->focusedNode()); });
  add(tr("Send a &write to it"), Qt::Key_W, [a, sel] { a->sendWrite(sel->focusedNode()); });
  add(tr("Send a r&ead to it"), Qt::Key_E, [a, sel] { a->sendRead(sel->focusedNode()); });
  node_menu_->addSeparator();
  add(tr("Select for a partition"), Qt::Key_Return, [sel] { sel->toggleSelected(sel->focusedNode()); });
  add(tr("Partition the selection from the rest"), Qt::Key_G, [c] { c->partitionSelection(); });
  add(tr("&Heal the network"), Qt::Key_H, [a] { a->heal(); });
  node_menu_->addSeparator();
  arrow_actions_ << add(tr("Next node"), Qt::Key_Right, [sel] { sel->focusNext(1); });
  arrow_actions_ << add(tr("Previous node"), Qt::Key_Left, [sel] { sel->focusNext(-1); });
}

void MainWindow::buildMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->addAction(tr("&Open scenario..."), QKeySequence::Open, this, &MainWindow::openScenarioFile);
  file->addAction(tr("&Save run as scenario..."), QKeySequence::Save, this, &MainWindow::saveRun);
  file->addAction(tr("Export &stage (SVG or PNG)..."), this, &MainWindow::exportStage);
  file->addAction(tr("Export se&quence diagram (SVG or PNG)..."), this, &MainWindow::exportSequence);
  file->addSeparator();
  file->addAction(tr("&Export progress..."), this, &MainWindow::exportProgress);
  file->addAction(tr("&Import progress..."), this, &MainWindow::importProgress);
  file->addAction(tr("&Reset progress..."), this, &MainWindow::resetProgress);
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence::Quit);

  QMenu* view = menuBar()->addMenu(tr("&View"));
  buildClassroomActions(view);
  QAction* teacher = view->addAction(tr("&Teacher mode (open every lesson)"));
  teacher->setObjectName("teacherModeAction");
  teacher->setCheckable(true);
  connect(teacher, &QAction::toggled, this, &MainWindow::setTeacherMode);
  QAction* hide_advanced = view->addAction(tr("&Hide advanced details"));
  hide_advanced->setObjectName("hideAdvancedAction");
  hide_advanced->setCheckable(true);
  connect(hide_advanced, &QAction::toggled, this, &MainWindow::setAdvancedHidden);
  view->addSeparator();
  buildAppearanceMenu(view);
  buildLanguageMenu(view);

  menuBar()->addMenu(node_menu_);
  QMenu* simulation = menuBar()->addMenu(tr("&Simulation"));
  QAction* play = simulation->addAction(tr("&Play / Pause"), controller_->run(), &RunController::togglePlaying);
  play->setShortcut(Qt::Key_Space);
  QAction* step = simulation->addAction(tr("&Step to next event"), controller_->run(), &RunController::stepEvent);
  step->setShortcut(Qt::Key_N);
  QAction* reset = simulation->addAction(tr("&Reset"), controller_->run(), &RunController::reset);
  reset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));

  // Presentation mode hides the menu bar; its keys must keep working, so the window holds them too.
  addActions(view->actions());
  addActions(simulation->actions());

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&About ClusterScope"), this, [this] {
    QMessageBox::about(this, tr("About ClusterScope"),
                       tr("<h3>ClusterScope %1</h3><p>Watch and break a running distributed database.</p>"
                          "<p>Licensed under the GNU General Public License, version 3 or later "
                          "(GPL-3.0-or-later).</p>")
                           .arg(QApplication::applicationVersion()));
  });
}

void MainWindow::loadCourse(const AppOptions& options) {
  const QtContentSource source(options.lessons_dir.isEmpty() ? QtContentSource::builtinRoot() : options.lessons_dir);
  try {
    course_ = course::load_course(source);
  } catch (const course::CourseError& e) {
    lesson_pane_->showText(tr("# The course could not be loaded\n\nFrom %1:\n\n    %2\n")
                               .arg(source.root(), QString::fromStdString(e.what())));
    showStatus(tr("Course not loaded: %1").arg(QString::fromStdString(e.what())));
    return;
  }
  const bool teacher = options.teacher || QSettings().value(kTeacherModeKey, false).toBool();
  const QString path = options.progress_file.isEmpty() ? ProgressStore::defaultPath() : options.progress_file;
  session_ = new CourseSession(course_, path, teacher, this);
  session_->setSavingEnabled(!screenshot_mode_);
  connect(session_, &CourseSession::progressChanged, this,
          [this] { navigator_->setProgress(course_, session_->progress(), session_->teacherMode()); });
  navigator_->setCourse(course_);
  const QString notice = session_->load();
  if (!notice.isEmpty()) notice_->showNotice(notice);
  if (auto* action = findChild<QAction*>("teacherModeAction")) {
    const QSignalBlocker block(action);
    action->setChecked(teacher);
  }
}

void MainWindow::restorePlace(const AppOptions& options) {
  const course::LastPlace last = session_ ? session_->progress().last : course::LastPlace{};
  QString scenario = options.scenario;
  if (scenario.isEmpty() && !last.scenario.empty() && scenario::find_builtin(last.scenario)) {
    scenario = QString::fromStdString(last.scenario);
  }
  if (scenario.isEmpty()) scenario = QString::fromLatin1(kDefaultScenario);
  QString error;
  if (!controller_->run()->loadScenario(scenario, &error)) {
    notice_->showNotice(error);
    controller_->run()->loadScenario(QString::fromLatin1(kDefaultScenario), nullptr);
  }
  if (!session_) return;
  int lesson = options.lesson - 1;
  int scroll = 0;
  if (options.lesson == 0) {
    lesson = 0;
    for (std::size_t i = 0; i < course_.lessons.size(); ++i) {
      if (course_.lessons[i].id == last.lesson && session_->mayOpen(static_cast<int>(i))) {
        lesson = static_cast<int>(i);
        scroll = last.scroll;
      }
    }
  }
  showLesson(std::clamp(lesson, 0, static_cast<int>(course_.lessons.size()) - 1));
  if (scroll > 0) {
    // The text is laid out once the window has its size; scroll after that.
    QTimer::singleShot(0, this, [this, scroll] { lesson_pane_->setScrollPosition(scroll); });
  }
}

void MainWindow::showLesson(int index) {
  if (!session_ || index < 0 || index >= static_cast<int>(course_.lessons.size())) return;
  current_lesson_ = index;
  navigator_->setCurrent(index);
  const auto& lesson = course_.lessons[static_cast<std::size_t>(index)];
  if (!session_->mayOpen(index)) {
    lesson_pane_->showText(tr("# %1\n\nThis lesson is locked. Pass the quiz at the end of lesson %2, *%3*, to open it "
                              "(%4 of %5 questions right).\n\nTeachers can open every lesson with View > Teacher mode.")
                               .arg(QString::fromStdString(lesson.title))
                               .arg(index)
                               .arg(QString::fromStdString(course_.lessons[static_cast<std::size_t>(index - 1)].title))
                               .arg(course_.lessons[static_cast<std::size_t>(index - 1)].quiz.pass)
                               .arg(course_.lessons[static_cast<std::size_t>(index - 1)].quiz.draw));
    return;
  }
  lesson_pane_->showLesson(lesson);
  startQuiz();
  place_timer_.start();
}

void MainWindow::startQuiz() {
  if (!session_ || current_lesson_ < 0) return;
  const auto& lesson = course_.lessons[static_cast<std::size_t>(current_lesson_)];
  lesson_pane_->quiz()->start(lesson.quiz, session_->lastQuestions(current_lesson_),
                              QRandomGenerator::global()->generate64());
  if (session_->courseComplete()) lesson_pane_->quiz()->setSummary(session_->summaryMarkdown());
}

void MainWindow::openTryIt(const QString& id) {
  if (current_lesson_ < 0) return;
  const auto& lesson = course_.lessons[static_cast<std::size_t>(current_lesson_)];
  for (const auto& tryit : lesson.tryits) {
    if (QString::fromStdString(tryit.id) != id) continue;
    const QString scenario = QString::fromStdString(tryit.scenario);
    if (!scenario::find_builtin(tryit.scenario)) {
      showStatus(tr("The simulation \"%1\" is not built yet.").arg(scenario));
      return;
    }
    QString error;
    if (!controller_->run()->loadScenario(scenario, &error)) {
      notice_->showNotice(error);
      return;
    }
    narration_->setSteps(QString::fromStdString(tryit.title), tryit.steps);
    return;
  }
  showStatus(tr("No Try it entry \"%1\" in this lesson.").arg(id));
}

void MainWindow::showStatus(const QString& message) { statusBar()->showMessage(message, 15000); }

void MainWindow::rememberPlace() {
  if (!session_) return;
  session_->setLastPlace(current_lesson_, lesson_pane_->scrollPosition(), controller_->run()->scenarioId());
  QString error;
  if (!session_->save(&error) && !session_->store().readOnly()) notice_->showNotice(error);
}

void MainWindow::closeEvent(QCloseEvent* event) {
  rememberPlace();
  if (!screenshot_mode_) {
    QSettings settings;
    if (auto* s = findChild<QSplitter*>(QStringLiteral("mainSplitter")))
      settings.setValue(QStringLiteral("layout/mainSplitter"), s->saveState());
    if (auto* s = findChild<QSplitter*>(QStringLiteral("stageSplitter")))
      settings.setValue(QStringLiteral("layout/stageSplitter"), s->saveState());
  }
  event->accept();
}

void MainWindow::exportProgress() {
  if (!session_) return;
  const QString file = QFileDialog::getSaveFileName(
      this, tr("Export progress"), QStringLiteral("clusterscope-progress.json"), tr("Progress files (*.json)"));
  if (file.isEmpty()) return;
  QString error;
  if (session_->store().exportTo(file, &error)) {
    showStatus(tr("Progress exported to %1").arg(file));
  } else {
    QMessageBox::warning(this, tr("Export progress"), error);
  }
}

void MainWindow::importProgress() {
  if (!session_) return;
  const QString file = QFileDialog::getOpenFileName(this, tr("Import progress"), {}, tr("Progress files (*.json)"));
  if (file.isEmpty()) return;
  if (QMessageBox::question(this, tr("Import progress"),
                            tr("Replace your current progress with the progress in %1?").arg(file)) !=
      QMessageBox::Yes) {
    return;
  }
  QString error;
  if (!session_->store().importFrom(file, &error)) {
    QMessageBox::warning(this, tr("Import progress"), error);
    return;
  }
  emit session_->progressChanged();
  showLesson(current_lesson_);
  showStatus(tr("Progress imported from %1").arg(file));
}

void MainWindow::resetProgress() {
  if (!session_) return;
  if (QMessageBox::question(this, tr("Reset progress"),
                            tr("Forget every quiz result and lock all lessons but the first? "
                               "The previous progress stays in the backup file until the next save.")) !=
      QMessageBox::Yes) {
    return;
  }
  QString error;
  if (!session_->store().reset(&error)) notice_->showNotice(error);
  emit session_->progressChanged();
  showLesson(0);
}

void MainWindow::setTeacherMode(bool on) {
  QSettings().setValue(kTeacherModeKey, on);
  if (session_) session_->setTeacherMode(on);
  showLesson(current_lesson_);
}

QImage MainWindow::renderImage() {
  // QWidget::grab() shows the last frame QML rendered; render the stage first so it is current.
  stage_->grabFramebuffer();
  return grab().toImage();
}

}  // namespace cs::ui
