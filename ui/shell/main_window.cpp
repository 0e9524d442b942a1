#include "shell/main_window.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QQuickWidget>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

#include "content/qt_content_source.h"
#include "livelab/lab_dialog.h"
#include "panels/charts_panel.h"
#include "panels/event_log.h"
#include "panels/history_panel.h"
#include "panels/metrics_panel.h"
#include "panels/node_inspector.h"
#include "panels/sequence_diagram.h"
#include "progress/course_session.h"
#include "progress/profile_actions.h"
#include "progress/progress_files.h"
#include "quiz/quiz_widget.h"
#include "run/challenge_session.h"
#include "scenario/builtin.h"
#include "shell/challenge_panel.h"
#include "shell/class_session.h"
#include "shell/classroom_modes.h"
#include "shell/compare_view.h"
#include "shell/course_navigator.h"
#include "shell/glossary_dialog.h"
#include "shell/go_to_moment.h"
#include "shell/keyboard_help.h"
#include "shell/lesson_activities.h"
#include "shell/lesson_pane.h"
#include "shell/lesson_view.h"
#include "shell/narration_panel.h"
#include "shell/node_menu.h"
#include "shell/notice_bar.h"
#include "shell/projector_tools.h"
#include "shell/quiz_flow.h"
#include "shell/run_files.h"
#include "shell/time_controls.h"
#include "shell/timeline_widget.h"
#include "shell/welcome_tour.h"
#include "stage/stage_controller.h"
#include "stage/stage_view.h"

namespace cs::ui {

namespace {
const char* const kDefaultScenario = "cluster-heartbeat";
}  // namespace

MainWindow::MainWindow(const AppOptions& options, QWidget* parent)
    : QMainWindow(parent), controller_(new StageController(this)), screenshot_mode_(!options.screenshot.isEmpty()) {
  controller_->scene()->nodes()->setAnimated(!screenshot_mode_);
  setWindowTitle(tr("ClusterScope"));
  setObjectName("mainWindow");
  const Appearance appearance = options.appearance == QLatin1String("light")    ? Appearance::Light
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
  splitter->addWidget(stage_split);
  splitter->setStretchFactor(0, 0);
  splitter->setStretchFactor(1, 3);
  splitter->setStretchFactor(2, 4);
  auto* central = new QWidget(this);
  auto* central_layout = new QVBoxLayout(central);
  central_layout->setContentsMargins(0, 0, 0, 0);
  central_layout->setSpacing(0);
  central_layout->addWidget(notice_);
  central_layout->addWidget(splitter, 1);
  setCentralWidget(central);
  // Panel sizes are remembered between sessions; without any, they suit the window's size.
  QSettings settings;
  const QSize start = options.size.expandedTo(QSize(kMinimumWidthPx, kMinimumHeightPx));
  // On a narrow window the lesson list gives its room to the lesson (View > Lessons list brings it
  // back); the panels under the stage take a quarter of the height, less on a short window.
  const bool narrow = start.width() < kNarrowWidthPx;
  const QVariant navigator_shown = settings.value(QStringLiteral("layout/navigatorShown"));
  navigator_->setVisible(navigator_shown.isValid() ? navigator_shown.toBool() : !narrow);
  splitter->setSizes({narrow ? 0 : 220, start.width() * 2 / 5, start.width() * 3 / 5});
  // A short window (1024x640) gives the stage all its height; the panels wait under the handle at
  // the bottom until dragged up.
  const bool short_window = start.height() < kShortHeightPx;
  stage_split->setSizes({start.height() * 3 / 4, short_window ? 0 : start.height() / 4});
  stage_split->setCollapsible(0, false);
  splitter->setCollapsible(2, false);
  splitter->restoreState(settings.value(QStringLiteral("layout/mainSplitter")).toByteArray());
  stage_split->restoreState(settings.value(QStringLiteral("layout/stageSplitter")).toByteArray());

  ClassroomModes::Parts parts;
  parts.window = this;
  parts.stage = controller_;
  parts.lesson = lesson_pane_;
  parts.navigator = navigator_;
  parts.narration = narration_;
  parts.challenge = challenge_panel_;
  parts.node_menu = node_menu_;
  parts.panels = panels_;
  parts.advanced_panels = {sequence_, event_log_, history_};
  classroom_ = new ClassroomModes(parts, appearance, !screenshot_mode_, this);
  connect(classroom_, &ClassroomModes::paletteChanged, this, &MainWindow::relayoutForPalette);
  connect(classroom_, &ClassroomModes::languageChosen, this, &MainWindow::languageChosen);
  connect(classroom_, &ClassroomModes::status, this, &MainWindow::showStatus);
  run_files_ = new RunFiles(controller_, static_cast<StageView*>(stage_), sequence_, this);
  progress_files_ = new ProgressFiles(nullptr, notice_, this);
  connect(progress_files_, &ProgressFiles::status, this, &MainWindow::showStatus);
  connect(progress_files_, &ProgressFiles::replaced, this,
          [this](bool reset) { showLesson(reset ? 0 : current_lesson_, reset); });
  connect(run_files_, &RunFiles::status, this, &MainWindow::showStatus);

  buildMenus();
  connect(navigator_, &CourseNavigator::lessonChosen, this, [this](int index) { showLesson(index); });
  connect(lesson_pane_->view(), &LessonView::tryItActivated, this, &MainWindow::openTryIt);
  connect(lesson_pane_->view(), &LessonView::challengeActivated, this, &MainWindow::openChallenge);
  connect(lesson_pane_->view(), &LessonView::labActivated, this, [this](const QString& id) { show_lab(this, id); });
  quiz_flow_ = new QuizFlow(lesson_pane_->quiz(), navigator_, notice_, this);
  connect(quiz_flow_, &QuizFlow::status, this, &MainWindow::showStatus);
  connect(quiz_flow_, &QuizFlow::stageMomentRequested, this, [this](const course::StageMoment& m) {
    controller_->run()->loadScenario(m.scenario, m.seed);
    controller_->run()->setPlaying(false);
    controller_->run()->seekUs(m.at_us);
  });
  connect(lesson_pane_->quiz(), &QuizWidget::nextLessonRequested, this, [this] {
    if (const int next = navigator_->nextListedLesson(current_lesson_); next >= 0) showLesson(next);
  });
  place_timer_.setSingleShot(true);
  place_timer_.setInterval(1000);
  connect(&place_timer_, &QTimer::timeout, this, &MainWindow::rememberPlace);
  connect(lesson_pane_, &LessonPane::scrolled, this, [this] { place_timer_.start(); });
  connect(controller_->run(), &RunController::scenarioChanged, this, [this] {
    showScenarioNarration();
    place_timer_.start();
  });
  connect(controller_->run(), &RunController::actionTaken, this, &MainWindow::showStatus);
  connect(controller_->selection(), &StageSelection::lookInsideRequested, this, &MainWindow::showInspector);
  connect(controller_->selection(), &StageSelection::contextMenuRequested, this,
          [this] { node_menu_->popup(QCursor::pos()); });
  // A message's own menu: the one place besides Shift+click where it can be dropped.
  connect(controller_->selection(), &StageSelection::messageMenuRequested, this, [this](quint64 id) {
    QMenu menu(this);
    menu.addAction(tr("Drop this message"), this, [this, id] { controller_->actions()->dropMessage(id); });
    menu.addAction(tr("What is this message?"), this, [this, id] { controller_->actions()->describeMessage(id); });
    menu.exec(QCursor::pos());
  });

  // Appearance and projector mode first, so that the first frame is already drawn in its palette.
  classroom_->setProjectorMode(options.projector ||
                               (!screenshot_mode_ && QSettings().value(QStringLiteral("view/projector")).toBool()));
  classroom_->setAdvancedHidden(!screenshot_mode_ && QSettings().value(ClassroomModes::kHideAdvancedKey).toBool());
  // Hiding the advanced details for a class hides the lessons' Hands-on sections as well.
  if (auto* a = findChild<QAction*>("hideAdvancedAction"))
    connect(a, &QAction::toggled, lesson_pane_, &LessonPane::setAdvancedHidden);
  loadCourse(options);
  restorePlace(options);
  if (!options.class_file.isEmpty()) findChild<ClassSession*>()->open(options.class_file);
  // Below this the lesson and the stage no longer both fit side by side (see the geometry tests).
  setMinimumSize(kMinimumWidthPx, kMinimumHeightPx);
  resize(options.size.expandedTo(minimumSize()));
  foldPanelsIfShort();
  // The status bar is there from the start: appearing with the first message, it would shrink
  // the stage.
  statusBar()->setSizeGripEnabled(false);
  if (!screenshot_mode_ && !QSettings().value(QLatin1String(kWelcomeSeenKey), false).toBool()) {
    QTimer::singleShot(0, this, [this] { showWelcome(); });
  }
}

void MainWindow::showWelcome() {
  if (welcome_) return;
  const auto in_window = [this](QWidget* w) {
    return w && w->isVisible() ? QRect(w->mapTo(this, QPoint(0, 0)), w->size()) : QRect();
  };
  std::vector<WelcomeTour::Step> steps;
  steps.push_back({tr("Start with the lesson"),
                   tr("Read the lesson from the top. Its blue \u201cTry it\u201d links load an experiment onto the "
                      "stage, with steps to follow above it. The quiz at the end opens the next lesson."),
                   [this, in_window] { return in_window(lesson_pane_); }});
  steps.push_back({tr("The stage: a cluster you can break"),
                   tr("Each box is a node, one database server. The dots travelling between them are messages; the "
                      "legend below says what their shapes and colours mean."),
                   [this, in_window] { return in_window(stage_); }});
  steps.push_back({tr("Play, pause, go back"),
                   tr("Play (or Space) runs the simulation; Step handles one event at a time. Drag along the timeline "
                      "to go back: every run can be replayed exactly."),
                   [this, in_window] { return in_window(time_controls_); }});
  steps.push_back({tr("Crash a node"),
                   tr("Click a node to choose it, then press C (or right-click it) to crash it. Watch what the "
                      "others do, then press C again to bring it back. Ctrl+Z undoes any action."),
                   [this] {
                     const auto& nodes = controller_->scene()->snapshot().nodes;
                     if (nodes.isEmpty() || !stage_->isVisible()) return QRect();
                     const QRectF card = controller_->scene()->geometry().card_rect(nodes.front());
                     return QRect(stage_->mapTo(this, card.topLeft().toPoint()), card.size().toSize());
                   }});
  welcome_ = new WelcomeTour(std::move(steps), this);
  connect(welcome_, &WelcomeTour::finished, this, [this] {
    if (!screenshot_mode_) QSettings().setValue(QLatin1String(kWelcomeSeenKey), true);
  });
  welcome_->show();
  welcome_->raise();
  welcome_->setFocus();
}

MainWindow::~MainWindow() = default;

QWidget* MainWindow::buildStagePanel() {
  auto* panel = new QWidget(this);
  auto* layout = new QVBoxLayout(panel);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  narration_ = new NarrationPanel(controller_, panel);
  challenge_ = new ChallengeSession(controller_->run(), this);
  challenge_panel_ = new ChallengePanel(challenge_, panel);
  connect(challenge_, &ChallengeSession::met, this, &MainWindow::challengeMet);
  connect(narration_, &NarrationPanel::predictionAnswered, this, [this](int step, bool held) {
    if (!session_ || current_lesson_ < 0 || current_tryit_.isEmpty()) return;
    QString error;
    const QString lesson = QString::fromStdString(course_.lessons[static_cast<std::size_t>(current_lesson_)].id);
    if (!session_->recordPrediction(lesson, QStringLiteral("%1/%2").arg(current_tryit_).arg(step + 1), held, &error)) {
      notice_->showNotice(tr("Your progress could not be saved: %1").arg(error));
    }
  });
  connect(challenge_, &ChallengeSession::changed, this, [this] { narration_->setVisible(!challenge_->active()); });
  connect(challenge_panel_, &ChallengePanel::restartRequested, this, [this] {
    const course::Challenge again = challenge_->challenge();
    challenge_->start(challenge_->lessonId(), again);
  });
  connect(challenge_panel_, &ChallengePanel::leaveRequested, this, [this] {
    challenge_->stop();
    showScenarioNarration();
  });
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
  // Two lines reserved: a sentence that wraps as the run changes must not shrink the stage.
  description_->setMinimumHeight(description_->fontMetrics().lineSpacing() * 2 + 4);
  description_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Minimum);
  description_->setAccessibleName(tr("Cluster description"));
  connect(controller_->scene(), &StageScene::descriptionChanged, this,
          [this] { description_->setText(controller_->scene()->description()); });
  layout->addWidget(narration_);
  layout->addWidget(challenge_panel_);
  compare_ = new CompareView(controller_, static_cast<StageView*>(stage_), panel);
  connect(compare_, &CompareView::status, this, &MainWindow::showStatus);
  compare_->setTimeline(time_controls_->findChild<TimelineWidget*>());
  layout->addWidget(compare_, 1);
  layout->addWidget(description_);
  layout->addWidget(time_controls_);
  node_menu_ = new NodeMenu(controller_, panel, this);
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
  connect(history_, &HistoryPanel::showOnStage, controller_->scene(), &StageScene::setHighlighted);
  tabs->addTab(sequence_, tr("Sequence diagram"));
  tabs->addTab(event_log_, tr("Event log"));
  tabs->addTab(metrics_, tr("Metrics"));
  tabs->addTab(charts_, tr("Charts"));
  tabs->addTab(history_, tr("History"));
  inspector_ = new NodeInspector(controller_->run(), controller_->selection(), tabs);
  tabs->addTab(inspector_, tr("Inside the node"));
  compare_->addPanelTo(tabs);
  connect(tabs, &QTabWidget::currentChanged, this, [this](int) {
    event_log_->model()->refresh();
    metrics_->refresh();
  });
  return tabs;
}

void MainWindow::buildMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->addAction(tr("&Open scenario..."), QKeySequence::Open, run_files_, &RunFiles::openScenario);
  file->addAction(tr("&Save run as scenario..."), QKeySequence::Save, run_files_, &RunFiles::saveRun);
  file->addAction(tr("Export &stage (SVG or PNG)..."), run_files_, &RunFiles::exportStage);
  file->addAction(tr("Export se&quence diagram (SVG or PNG)..."), run_files_, &RunFiles::exportSequence);
  file->addSeparator();
  file->addAction(tr("Export &comparison (SVG or PNG)..."), compare_, &CompareView::exportComparison);
  file->addSeparator();
  file->addAction(tr("&Export progress..."), progress_files_, &ProgressFiles::exportProgress);
  file->addAction(tr("&Import progress..."), progress_files_, &ProgressFiles::importProgress);
  file->addAction(tr("&Reset progress..."), progress_files_, &ProgressFiles::resetProgress);
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence::Quit);

  QMenu* edit = menuBar()->addMenu(tr("&Edit"));
  QAction* undo = edit->addAction(tr("&Undo last action on the run"), controller_->run(), &RunController::undo);
  undo->setObjectName("undoAction");
  undo->setShortcut(QKeySequence::Undo);

  QMenu* view = menuBar()->addMenu(tr("&View"));
  QAction* teacher = view->addAction(tr("&Teacher mode for this session (open every lesson)"));
  teacher->setObjectName("teacherModeAction");
  teacher->setCheckable(true);
  connect(teacher, &QAction::toggled, this, &MainWindow::setTeacherMode);
  ProfileActions::install(file, view, this);  // Switch profile; teacher mode kept on in this profile
  view->addSeparator();
  QAction* quiz = view->addAction(tr("&Jump to the quiz"), lesson_pane_, &LessonPane::scrollToQuiz);
  quiz->setObjectName("jumpToQuizAction");
  quiz->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J));
  QAction* lessons = view->addAction(tr("&Lessons list"));
  lessons->setObjectName("lessonsListAction");
  lessons->setCheckable(true);
  lessons->setChecked(!navigator_->isHidden());
  lessons->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
  connect(lessons, &QAction::toggled, this, [this](bool on) {
    navigator_->setVisible(on);
    if (!screenshot_mode_) QSettings().setValue(QStringLiteral("layout/navigatorShown"), on);
  });
  view->addSeparator();
  classroom_->buildMenu(view);
  new ProjectorTools(file, view, this);  // File > Print quiz sheet, View > Hide my results
  new ClassSession(file, this);          // File > Open class, Save class, Close class

  menuBar()->addMenu(node_menu_);
  QMenu* simulation = menuBar()->addMenu(tr("&Simulation"));
  simulation->setObjectName("simulationMenu");
  QAction* play = simulation->addAction(tr("&Play / Pause"), controller_->run(), &RunController::togglePlaying);
  play->setShortcut(Qt::Key_Space);
  QAction* step = simulation->addAction(tr("&Step to next event"), controller_->run(), &RunController::stepEvent);
  step->setShortcut(Qt::Key_N);
  QAction* go_to =
      simulation->addAction(tr("&Go to time or event..."), this, [this] { GoToMoment::ask(controller_->run(), this); });
  go_to->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
  simulation->addAction(tr("&Compare a change..."), compare_, &CompareView::chooseChange)
      ->setObjectName("compareAction");
  QAction* reset = simulation->addAction(tr("&Reset"), controller_->run(), &RunController::reset);
  reset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
  install_lab(this, [this](const QString& scenario) {
    QString error;
    if (!controller_->run()->loadScenario(scenario, &error)) notice_->showNotice(error);
  });

  // Presentation mode hides the menu bar; its keys must keep working, so the window holds them too.
  addActions(view->actions());
  addActions(simulation->actions());
  addActions(edit->actions());

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&Welcome tour"), this, &MainWindow::showWelcome);
  QAction* keys = help->addAction(tr("&Keyboard and mouse"), this, [this] { show_keyboard_help(this); });
  keys->setObjectName("keyboardHelpAction");
  keys->setShortcut(QKeySequence::HelpContents);
  addAction(keys);
  help->addAction(tr("&About ClusterScope"), this, [this] {
    QMessageBox::about(
        this, tr("About ClusterScope"),
        tr("<h3>ClusterScope %1</h3><p>Watch and break a running distributed database.</p>"
           "<p>Licensed under the GNU General Public License, version 3 or later "
           "(GPL-3.0-or-later).</p>")
                .arg(QApplication::applicationVersion()) +
            tr("<p>Stage renderer: %1</p>")
                .arg(QApplication::instance()->property("sceneGraphBackend").toString().toHtmlEscaped()));
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
  install_glossary(this, source, course_, lesson_pane_->view(), narration_, controller_->run());
  const bool teacher = options.teacher;  // --teacher, or the profile keeps it on (WindowHost)
  const QString path = options.progress_file.isEmpty() ? ProgressStore::defaultPath() : options.progress_file;
  session_ = new CourseSession(course_, path, teacher, this);
  session_->setSavingEnabled(!screenshot_mode_);
  progress_files_->setSession(session_);
  challenge_panel_->setTeacherMode(teacher);
  connect(session_, &CourseSession::progressChanged, this,
          [this] { navigator_->setProgress(course_, session_->progress(), session_->teacherMode()); });
  // Each lesson's challenges and predictions; a broken piece from --lessons-dir says why.
  LessonActivities activities = read_lesson_activities(course_);
  challenges_ = std::move(activities.challenges);
  for (const QString& problem : activities.problems) notice_->showNotice(problem);
  QVector<int> counts;
  for (const auto& lesson_challenges : challenges_) counts << static_cast<int>(lesson_challenges.size());
  navigator_->setChallengeCounts(counts);
  quiz_flow_->setSession(session_, counts);
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
  // The scenario of the last session (or the one asked for) stays on the stage; a lesson asked for
  // without a scenario starts on its own first experiment.
  const bool lesson_scenario = options.lesson_asked && options.scenario.isEmpty();
  showLesson(std::clamp(lesson, 0, static_cast<int>(course_.lessons.size()) - 1), lesson_scenario);
  if (scroll > 0) {
    // The text is laid out once the window has its size; scroll after that.
    QTimer::singleShot(0, this, [this, scroll] { lesson_pane_->setScrollPosition(scroll); });
  }
}

void MainWindow::showLesson(int index, bool load_scenario) {
  if (!session_ || index < 0 || index >= static_cast<int>(course_.lessons.size())) return;
  const bool other_lesson = index != current_lesson_;
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
  quiz_flow_->start(current_lesson_);
  if (other_lesson) challenge_->stop();
  if (load_scenario && other_lesson) {
    // Another lesson starts on its own first experiment, without the last one's steps.
    for (const auto& tryit : lesson.tryits) {
      if (!scenario::find_builtin(tryit.scenario)) continue;
      controller_->run()->loadScenario(QString::fromStdString(tryit.scenario), nullptr);
      break;
    }
  }
  place_timer_.start();
}

void MainWindow::openTryIt(const QString& id) {
  if (current_lesson_ < 0) return;
  challenge_->stop();
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
    current_tryit_ = id;
    narration_->setSteps(QString::fromStdString(tryit.title), tryit.steps);
    if (!tryit.compare.empty() && !compare_->start(QString::fromStdString(tryit.compare), &error))
      notice_->showNotice(error);
    return;
  }
  showStatus(tr("No Try it entry \"%1\" in this lesson.").arg(id));
}

void MainWindow::openChallenge(const QString& id) {
  if (current_lesson_ < 0) return;
  const auto& lesson = course_.lessons[static_cast<std::size_t>(current_lesson_)];
  for (const course::Challenge& c : challenges_[static_cast<std::size_t>(current_lesson_)]) {
    if (QString::fromStdString(c.id) != id) continue;
    if (!challenge_->start(QString::fromStdString(lesson.id), c)) {
      showStatus(tr("The simulation \"%1\" is not built yet.").arg(QString::fromStdString(c.scenario)));
    }
    return;
  }
  showStatus(tr("No challenge \"%1\" in this lesson.").arg(id));
}

void MainWindow::challengeMet(const QString& lesson_id, const QString& challenge_id, qint64 met_at_us,
                              int actions_used) {
  if (!session_) return;
  QString error;
  if (!session_->recordChallenge(lesson_id, challenge_id, met_at_us, actions_used, &error)) {
    notice_->showNotice(tr("Your progress could not be saved: %1").arg(error));
  }
}

void MainWindow::showScenarioNarration() {
  // A scenario's own narration is its steps; a Try it that loads it replaces them with its own.
  current_tryit_.clear();
  const scenario::Scenario& s = controller_->run()->scenario();
  if (s.narration.empty()) {
    narration_->setDescription(QString::fromStdString(s.description));
    return;
  }
  std::vector<course::TryItStep> steps;
  for (const scenario::NarrationStep& n : s.narration) {
    course::TryItStep step;
    step.at_us = n.at_us;
    step.text = n.text;
    step.highlight = n.highlight;
    steps.push_back(std::move(step));
  }
  narration_->setSteps(QString::fromStdString(s.title), steps);
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

void MainWindow::showInspector() {
  // The panels may be folded away under the stage (a short window): open them a little first.
  auto* split = findChild<QSplitter*>(QStringLiteral("stageSplitter"));
  if (split && split->sizes().size() == 2 && split->sizes()[1] == 0) {
    const int total = split->sizes()[0];
    split->setSizes({total - total / 3, total / 3});
  }
  panels_->setCurrentWidget(inspector_);
  inspector_->refresh();
}

void MainWindow::foldPanelsIfShort() {
  // Projector type needs the height: on a window shorter than a projector's, the panels under the
  // stage fold away (the splitter's handle brings them back).
  auto* split = findChild<QSplitter*>(QStringLiteral("stageSplitter"));
  if (!split || !classroom_->projectorMode() || height() >= kProjectorFoldHeightPx) return;
  const QList<int> sizes = split->sizes();
  if (sizes.size() == 2 && sizes[1] > 0) split->setSizes({sizes[0] + sizes[1], 0});
}

void MainWindow::relayoutForPalette() {
  foldPanelsIfShort();
  sequence_->update();
  history_->update();
  if (session_) navigator_->setProgress(course_, session_->progress(), session_->teacherMode());
  if (current_lesson_ >= 0) {
    // Lesson links take their colour from the palette when the text is laid out.
    const int scroll = lesson_pane_->scrollPosition();
    showLesson(current_lesson_, false);
    lesson_pane_->setScrollPosition(scroll);
  }
}

WindowState MainWindow::captureState() const {
  WindowState state;
  if (controller_->run()->hasRun()) {
    state.run = controller_->run()->savedRun();
    state.has_run = true;
    state.seed = controller_->run()->seed();
    state.time_us = controller_->run()->timeUs();
  }
  state.speed = controller_->run()->speed();
  state.lesson = current_lesson_;
  state.scroll = lesson_pane_->scrollPosition();
  state.text_zoom = classroom_->textZoom();
  state.presentation = classroom_->presentationMode();
  state.geometry = saveGeometry();
  if (const auto* open_class = findChild<ClassSession*>(); open_class && open_class->isOpen()) {
    state.class_file = open_class->path();
    state.class_step = open_class->currentStep();
  }
  return state;
}

void MainWindow::restoreState(const WindowState& state) {
  // The class itself was opened by the options (WindowHost::rebuild); its step before the run.
  if (auto* open_class = findChild<ClassSession*>(); open_class && open_class->isOpen() && state.class_step > 0)
    open_class->startStep(state.class_step);
  if (state.has_run && controller_->run()->loadScenario(state.run, state.seed))
    controller_->run()->seekUs(state.time_us);
  if (state.speed > 0) controller_->run()->setSpeed(state.speed);
  if (state.lesson >= 0) {
    showLesson(state.lesson, false);
    lesson_pane_->setScrollPosition(state.scroll);
  }
  classroom_->zoomText(0);
  if (state.text_zoom != 0) classroom_->zoomText(state.text_zoom);
  if (!state.geometry.isEmpty()) restoreGeometry(state.geometry);
  if (state.presentation) classroom_->setPresentationMode(true);
}

void MainWindow::setTeacherMode(bool on) {
  // For this session only: whoever uses the machine next starts with the lessons locked.
  if (session_) session_->setTeacherMode(on);
  challenge_panel_->setTeacherMode(on);
  showLesson(current_lesson_, false);
}

QImage MainWindow::renderImage() {
  // QWidget::grab() shows the last frame QML rendered; render the stage first so it is current.
  stage_->grabFramebuffer();
  return grab().toImage();
}

}  // namespace cs::ui
