#include "shell/class_session.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QStatusBar>
#include <QVBoxLayout>

#include "progress/course_session.h"
#include "run/run_controller.h"
#include "scenario/builtin.h"
#include "scenario/scenario.h"
#include "shell/class_dialog.h"
#include "shell/compare_view.h"
#include "shell/course_navigator.h"
#include "shell/main_window.h"
#include "shell/narration_panel.h"
#include "shell/notice_bar.h"
#include "stage/stage_controller.h"

namespace cs::ui {

namespace {

const course::TryIt* find_tryit(const course::Lesson& lesson, const std::string& id) {
  for (const course::TryIt& t : lesson.tryits) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

// The teacher's words as the narration shows them: always as text, never as markup (so that no
// tag in a note can show an image or a file).
std::string note_text(const QString& note) {
  QString escaped = note.toHtmlEscaped();
  escaped.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
  return QStringLiteral("<p><b>%1</b> %2</p>").arg(ClassSession::tr("Your teacher's note:"), escaped).toStdString();
}

}  // namespace

ClassSession::ClassSession(QMenu* file, MainWindow* window) : QObject(window), window_(window) {
  setObjectName("classSession");
  open_action_ = new QAction(tr("Open c&lass..."), file);
  open_action_->setObjectName("openClassAction");
  save_action_ = new QAction(tr("Sa&ve class..."), file);
  save_action_->setObjectName("saveClassAction");
  save_action_->setToolTip(tr("Put together a class: lessons, runs at chosen moments and your notes, in one file"));
  close_action_ = new QAction(tr("Close cla&ss"), file);
  close_action_->setObjectName("closeClassAction");
  close_action_->setEnabled(false);
  connect(open_action_, &QAction::triggered, this, &ClassSession::chooseFile);
  connect(save_action_, &QAction::triggered, this, &ClassSession::openSaveDialog);
  connect(close_action_, &QAction::triggered, this, &ClassSession::close);
  // After the scenario entries, before the first separator.
  QAction* before = nullptr;
  for (QAction* a : file->actions()) {
    if (a->isSeparator()) {
      before = a;
      break;
    }
  }
  file->insertSeparator(before);
  file->insertActions(before, {open_action_, save_action_, close_action_});
}

QVector<int> ClassSession::lessonIndices() const {
  QVector<int> out;
  for (const std::string& id : bundle_.lessons) out << course::lesson_index(window_->course(), id);
  return out;
}

bool ClassSession::open(const QString& path, QString* error) {
  const QString name = QDir::toNativeSeparators(path);
  QString why;
  course::ClassBundle bundle;
  QFile file(path);
  if (!window_->courseLoaded()) {
    why = tr("%1: the course is not loaded, so a class cannot be opened").arg(name);
  } else if (!file.open(QIODevice::ReadOnly)) {
    why = tr("%1: cannot be read: %2").arg(name, file.errorString());
  } else {
    const QByteArray text = file.read(static_cast<qint64>(course::kClassFileMax) + 1);
    try {
      bundle = course::load_class_bundle(text.toStdString(), name.toStdString(), window_->course());
    } catch (const course::ClassBundleError& e) {
      why = QString::fromStdString(e.what());
    }
  }
  if (!why.isEmpty()) {
    window_->noticeBar()->showNotice(tr("This class could not be opened: %1").arg(why));
    if (error) *error = why;
    return false;
  }
  if (!open_) {
    // The student's own place, kept in the file while the class is open.
    CourseSession* session = window_->session();
    place_before_ = session->progress().last;
    written_ = session->progress();
    written_.last = place_before_;
    session->setSavingEnabled(false);
    // The class's lessons open to read, whatever the student has passed.
    teacher_before_ = session->teacherMode();
    session->setTeacherMode(true);
    connect(session, &CourseSession::progressChanged, this, &ClassSession::saveStudentWork, Qt::UniqueConnection);
  }
  open_ = true;
  bundle_ = std::move(bundle);
  path_ = path;
  apply();
  emit opened();
  return true;
}

void ClassSession::apply() {
  buildPanel();
  window_->navigator()->setVisibleLessons(lessonIndices());
  title_->setText(QString::fromStdString(bundle_.title));
  note_->setText(QString::fromStdString(bundle_.note));
  note_->setVisible(!bundle_.note.empty());
  steps_->clear();
  const course::Course& course = window_->course();
  for (std::size_t i = 0; i < bundle_.steps.size(); ++i) {
    const course::ClassStep& step = bundle_.steps[i];
    const int lesson = course::lesson_index(course, step.lesson);
    QString what = QString::fromStdString(step.scenario);
    if (const scenario::BuiltinScenario* builtin = scenario::find_builtin(step.scenario)) {
      try {
        what = QString::fromStdString(scenario::load_scenario(builtin->json, step.scenario).title);
      } catch (const std::exception&) {
        // The id names it well enough.
      }
    }
    if (const course::TryIt* t = find_tryit(course.lessons[static_cast<std::size_t>(lesson)], step.tryit))
      what = QString::fromStdString(t->title);
    auto* item = new QListWidgetItem(tr("%1. %2 (lesson %3, seed %4, from %5 s)")
                                         .arg(i + 1)
                                         .arg(what)
                                         .arg(lesson + 1)
                                         .arg(step.seed)
                                         .arg(static_cast<double>(step.at_us) / 1e6, 0, 'g', 6),
                                     steps_);
    if (!step.note.empty()) item->setToolTip(QString::fromStdString(step.note));
  }
  dock_->show();
  // The Class panel lists the class's lessons and steps; on a window too narrow for the panel, the
  // lesson list and the lesson, the lesson list gives its room to the lesson until the class closes.
  if (window_->width() < kHideLessonListBelowPx && !window_->navigator()->isHidden()) {
    window_->navigator()->hide();
    hid_navigator_ = true;
  }
  close_action_->setEnabled(true);
  current_step_ = -1;
  if (!bundle_.steps.empty()) {
    startStep(0);
  } else {
    window_->showLesson(lessonIndices().front());
  }
  showStatus(tr("Class \"%1\" is open: File > Close class returns to the whole course.")
                 .arg(QString::fromStdString(bundle_.title)));
}

void ClassSession::buildPanel() {
  if (dock_) return;
  dock_ = new QDockWidget(tr("Class"), window_);
  dock_->setObjectName("classPanel");
  dock_->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
  auto* body = new QWidget(dock_);
  auto* layout = new QVBoxLayout(body);
  title_ = new QLabel(body);
  title_->setObjectName("classTitle");
  title_->setTextFormat(Qt::PlainText);
  title_->setWordWrap(true);
  QFont f = title_->font();
  f.setBold(true);
  title_->setFont(f);
  note_ = new QLabel(body);
  note_->setObjectName("classNote");
  note_->setTextFormat(Qt::PlainText);
  note_->setWordWrap(true);
  steps_ = new QListWidget(body);
  steps_->setObjectName("classSteps");
  steps_->setAccessibleName(tr("The class's steps"));
  steps_->setWordWrap(true);
  auto* close_button = new QPushButton(tr("Close class"), body);
  close_button->setObjectName("closeClassButton");
  layout->addWidget(title_);
  layout->addWidget(note_);
  layout->addWidget(steps_, 1);
  layout->addWidget(close_button);
  dock_->setWidget(body);
  dock_->setMinimumWidth(220);
  window_->addDockWidget(Qt::LeftDockWidgetArea, dock_);
  connect(steps_, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) { startStep(steps_->row(item)); });
  connect(steps_, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) { startStep(steps_->row(item)); });
  connect(close_button, &QPushButton::clicked, this, &ClassSession::close);
}

void ClassSession::startStep(int index) {
  if (!open_ || index < 0 || index >= static_cast<int>(bundle_.steps.size())) return;
  const course::ClassStep& step = bundle_.steps[static_cast<std::size_t>(index)];
  const course::Course& course = window_->course();
  const int lesson_index = course::lesson_index(course, step.lesson);
  const course::Lesson& lesson = course.lessons[static_cast<std::size_t>(lesson_index)];
  const course::TryIt* tryit = step.tryit.empty() ? nullptr : find_tryit(lesson, step.tryit);
  const std::string scenario = tryit ? tryit->scenario : step.scenario;
  if (!scenario::find_builtin(scenario)) return;  // the loader checked this
  current_step_ = index;
  {
    const QSignalBlocker block(steps_);
    steps_->setCurrentRow(index);
  }
  window_->showLesson(lesson_index, false);
  RunController* run = window_->controller()->run();
  QString error;
  if (!run->loadScenario(QString::fromStdString(scenario), &error)) {
    window_->noticeBar()->showNotice(error);
    return;
  }
  run->setSeed(step.seed);
  run->setPlaying(false);
  // The narration: the teacher's note at the step's moment, then the Try it's (or the scenario's)
  // own steps from that moment on.
  std::vector<course::TryItStep> own;
  QString title;
  if (tryit) {
    own = tryit->steps;
    title = QString::fromStdString(tryit->title);
  } else {
    for (const scenario::NarrationStep& n : run->scenario().narration) {
      course::TryItStep s;
      s.at_us = n.at_us;
      s.text = n.text;
      s.highlight = n.highlight;
      own.push_back(std::move(s));
    }
    title = run->scenarioTitle();
  }
  std::vector<course::TryItStep> steps;
  if (!step.note.empty()) {
    course::TryItStep note;
    note.at_us = step.at_us;
    note.text = note_text(QString::fromStdString(step.note));
    steps.push_back(std::move(note));
  }
  sim::TimeUs moment = 0;
  for (course::TryItStep& s : own) {
    if (s.at_us) moment = *s.at_us;
    if (moment > step.at_us || (steps.empty() && moment >= step.at_us)) steps.push_back(std::move(s));
  }
  window_->narration()->setSteps(tr("Class: %1").arg(title), steps);
  if (tryit && !tryit->compare.empty() &&
      !window_->compareView()->start(QString::fromStdString(tryit->compare), &error))
    window_->noticeBar()->showNotice(error);
  run->seekUs(step.at_us);
}

void ClassSession::close() {
  if (!open_) return;
  open_ = false;
  bundle_ = {};
  path_.clear();
  current_step_ = -1;
  if (dock_) dock_->hide();
  if (hid_navigator_) window_->navigator()->show();
  hid_navigator_ = false;
  close_action_->setEnabled(false);
  window_->navigator()->setVisibleLessons({});
  CourseSession* session = window_->session();
  disconnect(session, &CourseSession::progressChanged, this, &ClassSession::saveStudentWork);
  session->store().progress().last = place_before_;
  session->setSavingEnabled(true);
  // Teacher mode as the View menu has it (the student may have switched it during the class).
  const auto* teacher = window_->findChild<QAction*>(QStringLiteral("teacherModeAction"));
  session->setTeacherMode(teacher ? teacher->isChecked() : teacher_before_);
  // Back where the student left off before the class.
  const int lesson = course::lesson_index(window_->course(), place_before_.lesson);
  window_->showLesson(lesson >= 0 ? lesson : 0, false);
  if (scenario::find_builtin(place_before_.scenario))
    window_->controller()->run()->loadScenario(QString::fromStdString(place_before_.scenario), nullptr);
  showStatus(tr("The class is closed: the whole course is shown again."));
  emit closed();
}

void ClassSession::saveStudentWork() {
  if (!open_ || saving_) return;
  CourseSession* session = window_->session();
  course::Progress now = session->progress();
  now.last = place_before_;
  if (now == written_) return;  // only the place changed: the class keeps it out of the file
  saving_ = true;
  course::LastPlace& last = session->store().progress().last;
  const course::LastPlace in_class = last;
  last = place_before_;
  session->setSavingEnabled(true);
  QString error;
  if (!session->save(&error) && !session->store().readOnly())
    window_->noticeBar()->showNotice(tr("Your progress could not be saved: %1").arg(error));
  session->setSavingEnabled(false);
  written_ = session->progress();
  last = in_class;
  saving_ = false;
}

void ClassSession::chooseFile() {
  const QString path = QFileDialog::getOpenFileName(window_, tr("Open class"), QString(),
                                                    tr("ClusterScope class (*.clusterscope-class)"));
  if (!path.isEmpty()) open(path);
}

void ClassSession::openSaveDialog() {
  if (!window_->courseLoaded()) return;
  if (!dialog_) dialog_ = new ClassDialog(window_);
  dialog_->show();
  dialog_->raise();
}

ClassDialog* ClassSession::saveDialog() const { return dialog_.data(); }

void ClassSession::showStatus(const QString& message) { window_->statusBar()->showMessage(message, 15000); }

}  // namespace cs::ui
