#include "shell/main_window.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWidget>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

#include "content/qt_content_source.h"
#include "scenario/builtin.h"
#include "shell/course_navigator.h"
#include "shell/lesson_view.h"
#include "shell/time_controls.h"
#include "stage/stage_controller.h"

namespace cs::ui {

namespace {
const char* const kDefaultScenario = "cluster-heartbeat";
}

MainWindow::MainWindow(const AppOptions& options, QWidget* parent)
    : QMainWindow(parent), controller_(new StageController(this)) {
  setWindowTitle(tr("ClusterScope"));
  setObjectName("mainWindow");

  navigator_ = new CourseNavigator(this);
  lesson_view_ = new LessonView(this);

  auto* stage_panel = new QWidget(this);
  auto* stage_layout = new QVBoxLayout(stage_panel);
  stage_layout->setContentsMargins(0, 0, 0, 0);
  stage_layout->setSpacing(0);
  stage_caption_ = new QLabel(stage_panel);
  stage_caption_->setObjectName("stageCaption");
  stage_caption_->setWordWrap(true);
  stage_caption_->setContentsMargins(10, 6, 10, 6);
  stage_ = new QQuickWidget(stage_panel);
  stage_->setObjectName("stage");
  stage_->setAccessibleName(tr("Cluster stage"));
  stage_->setResizeMode(QQuickWidget::SizeRootObjectToView);
  stage_->setMinimumSize(480, 360);
  stage_->engine()->addImportPath(QStringLiteral("qrc:/qt/qml"));
  stage_->setSource(QUrl(QStringLiteral("qrc:/qt/qml/ClusterScope/qml/Stage.qml")));
  if (stage_->rootObject()) {
    stage_->rootObject()->setProperty("controller", QVariant::fromValue(controller_));
  } else {
    for (const auto& e : stage_->errors()) qWarning("%s", qPrintable(e.toString()));
  }
  time_controls_ = new TimeControls(controller_, stage_panel);
  stage_layout->addWidget(stage_caption_);
  stage_layout->addWidget(stage_, 1);
  stage_layout->addWidget(time_controls_);

  auto* splitter = new QSplitter(Qt::Horizontal, this);
  splitter->setObjectName("mainSplitter");
  splitter->addWidget(navigator_);
  splitter->addWidget(lesson_view_);
  splitter->addWidget(stage_panel);
  splitter->setStretchFactor(0, 0);
  splitter->setStretchFactor(1, 3);
  splitter->setStretchFactor(2, 4);
  splitter->setSizes({230, 620, 750});
  setCentralWidget(splitter);

  buildMenus();
  connect(navigator_, &CourseNavigator::lessonChosen, this, &MainWindow::showLesson);
  connect(lesson_view_, &LessonView::tryItActivated, this, &MainWindow::openTryIt);
  connect(controller_, &StageController::scenarioChanged, this,
          [this] { stage_caption_->setText(QString::fromStdString(controller_->scenario().description)); });

  loadCourse(options.lessons_dir);
  QString error;
  const QString scenario = options.scenario.isEmpty() ? QString::fromLatin1(kDefaultScenario) : options.scenario;
  if (!controller_->loadScenario(scenario, &error)) {
    showStatus(error);
    if (scenario != QLatin1String(kDefaultScenario))
      controller_->loadScenario(QString::fromLatin1(kDefaultScenario), nullptr);
  }
  if (course_loaded_) showLesson(std::clamp(options.lesson, 1, static_cast<int>(course_.lessons.size())) - 1);
  resize(options.size);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
  quit->setShortcut(QKeySequence::Quit);

  QMenu* simulation = menuBar()->addMenu(tr("&Simulation"));
  QAction* play = simulation->addAction(tr("&Play / Pause"), controller_, &StageController::togglePlaying);
  play->setShortcut(Qt::Key_Space);
  play->setShortcutContext(Qt::ApplicationShortcut);
  QAction* step = simulation->addAction(tr("&Step to next event"), controller_, &StageController::stepEvent);
  step->setShortcut(Qt::Key_N);
  QAction* reset = simulation->addAction(tr("&Reset"), controller_, &StageController::reset);
  reset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&About ClusterScope"), this, [this] {
    QMessageBox::about(this, tr("About ClusterScope"),
                       tr("<h3>ClusterScope %1</h3><p>Watch and break a running distributed database.</p>"
                          "<p>Licensed under the GNU General Public License, version 3 or later.</p>")
                           .arg(QApplication::applicationVersion()));
  });
}

void MainWindow::loadCourse(const QString& lessons_dir) {
  const QtContentSource source(lessons_dir.isEmpty() ? QtContentSource::builtinRoot() : lessons_dir);
  try {
    course_ = course::load_course(source);
    course_loaded_ = true;
    navigator_->setCourse(course_);
  } catch (const course::CourseError& e) {
    course_loaded_ = false;
    lesson_view_->showError(tr("The course could not be loaded"),
                            tr("From %1: %2").arg(source.root(), QString::fromStdString(e.what())));
    showStatus(tr("Course not loaded: %1").arg(QString::fromStdString(e.what())));
  }
}

void MainWindow::showLesson(int index) {
  if (!course_loaded_ || index < 0 || index >= static_cast<int>(course_.lessons.size())) return;
  current_lesson_ = index;
  lesson_view_->showLesson(course_.lessons[static_cast<std::size_t>(index)]);
  const QSignalBlocker block(navigator_);
  navigator_->setCurrentRow(index);
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
    if (!controller_->loadScenario(scenario, &error)) {
      showStatus(error);
      return;
    }
    if (!tryit.steps.empty()) stage_caption_->setText(QString::fromStdString(tryit.steps.front().text));
    controller_->setPlaying(true);
    return;
  }
  showStatus(tr("No Try it entry \"%1\" in this lesson.").arg(id));
}

void MainWindow::showStatus(const QString& message) { statusBar()->showMessage(message, 15000); }

QImage MainWindow::renderImage() {
  // QWidget::grab() shows the last frame QML rendered; render the stage first so it is current.
  stage_->grabFramebuffer();
  return grab().toImage();
}

}  // namespace cs::ui
