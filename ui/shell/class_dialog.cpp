#include "shell/class_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>

#include "run/run_controller.h"
#include "scenario/builtin.h"
#include "shell/main_window.h"
#include "stage/stage_controller.h"

namespace cs::ui {

ClassDialog::ClassDialog(MainWindow* window) : QDialog(window), window_(window) {
  setObjectName("classDialog");
  setWindowTitle(tr("Save class"));
  setAttribute(Qt::WA_DeleteOnClose);
  auto* layout = new QVBoxLayout(this);
  auto* form = new QFormLayout;
  title_ = new QLineEdit(this);
  title_->setObjectName("classTitleEdit");
  title_->setMaxLength(static_cast<int>(course::kClassTitleMax));
  title_->setPlaceholderText(tr("e.g. Tuesday: replication and failover"));
  note_ = new QPlainTextEdit(this);
  note_->setObjectName("classNoteEdit");
  note_->setPlaceholderText(tr("What the class is about (optional)"));
  note_->setMaximumHeight(80);
  form->addRow(tr("&Title:"), title_);
  form->addRow(tr("&Note:"), note_);
  layout->addLayout(form);

  auto* lessons_label = new QLabel(tr("&Lessons the class shows:"), this);
  lessons_ = new QListWidget(this);
  lessons_->setObjectName("classLessons");
  lessons_label->setBuddy(lessons_);
  const course::Course& course = window_->course();
  for (std::size_t i = 0; i < course.lessons.size(); ++i) {
    auto* item =
        new QListWidgetItem(tr("%1. %2").arg(i + 1).arg(QString::fromStdString(course.lessons[i].title)), lessons_);
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(static_cast<int>(i) == window_->currentLesson() ? Qt::Checked : Qt::Unchecked);
  }
  layout->addWidget(lessons_label);
  layout->addWidget(lessons_);

  auto* steps_label = new QLabel(tr("St&eps (each opens a run at a moment, with your note):"), this);
  steps_list_ = new QListWidget(this);
  steps_list_->setObjectName("classStepList");
  steps_label->setBuddy(steps_list_);
  layout->addWidget(steps_label);
  layout->addWidget(steps_list_);
  auto* add_form = new QFormLayout;
  show_as_ = new QComboBox(this);
  show_as_->setObjectName("classShowAs");
  step_note_ = new QLineEdit(this);
  step_note_->setObjectName("classStepNote");
  step_note_->setMaxLength(static_cast<int>(course::kClassNoteMax));
  step_note_->setPlaceholderText(tr("What to look at (optional)"));
  add_form->addRow(tr("Show &as:"), show_as_);
  add_form->addRow(tr("Step n&ote:"), step_note_);
  layout->addLayout(add_form);
  auto* buttons_row = new QHBoxLayout;
  auto* add = new QPushButton(tr("A&dd the stage's run now as a step"), this);
  add->setObjectName("addClassStep");
  remove_ = new QPushButton(tr("&Remove step"), this);
  remove_->setObjectName("removeClassStep");
  buttons_row->addWidget(add);
  buttons_row->addWidget(remove_);
  buttons_row->addStretch();
  layout->addLayout(buttons_row);
  auto* box = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this);
  layout->addWidget(box);

  connect(add, &QPushButton::clicked, this, [this] {
    QString error;
    if (!addCurrentStep(step_note_->text(), &error)) {
      QMessageBox::information(this, windowTitle(), error);
      return;
    }
    step_note_->clear();
  });
  connect(remove_, &QPushButton::clicked, this, [this] {
    const int row = steps_list_->currentRow();
    if (row < 0 || row >= static_cast<int>(steps_.size())) return;
    steps_.erase(steps_.begin() + row);
    refreshSteps();
  });
  connect(box, &QDialogButtonBox::accepted, this, &ClassDialog::save);
  connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(window_->controller()->run(), &RunController::scenarioChanged, this, &ClassDialog::refreshShowAs);
  refreshShowAs();
  refreshSteps();
  resize(560, 640);
}

void ClassDialog::refreshShowAs() {
  show_as_->clear();
  const int lesson = window_->currentLesson();
  const std::string scenario = window_->controller()->run()->scenarioId().toStdString();
  if (lesson >= 0) {
    for (const course::TryIt& t : window_->course().lessons[static_cast<std::size_t>(lesson)].tryits) {
      if (t.scenario == scenario)
        show_as_->addItem(tr("Try it: %1").arg(QString::fromStdString(t.title)), QString::fromStdString(t.id));
    }
  }
  show_as_->addItem(tr("The simulation on its own"), QString());
}

course::ClassBundle ClassDialog::bundle() const {
  course::ClassBundle b;
  b.title = title_->text().trimmed().toStdString();
  b.note = note_->toPlainText().trimmed().toStdString();
  for (int i = 0; i < lessons_->count(); ++i) {
    if (lessons_->item(i)->checkState() == Qt::Checked)
      b.lessons.push_back(window_->course().lessons[static_cast<std::size_t>(i)].id);
  }
  b.steps = steps_;
  return b;
}

bool ClassDialog::addCurrentStep(const QString& note, QString* error) {
  const int lesson = window_->currentLesson();
  RunController* run = window_->controller()->run();
  const std::string scenario = run->scenarioId().toStdString();
  QString why;
  if (lesson < 0) {
    why = tr("Open a lesson first: a step belongs to a lesson.");
  } else if (!scenario::find_builtin(scenario)) {
    why = tr("Only the built-in simulations can be part of a class: a class file holds no runs of its own.");
  } else if (steps_.size() >= course::kClassStepsMax) {
    why = tr("A class has at most %1 steps.").arg(course::kClassStepsMax);
  }
  if (!why.isEmpty()) {
    if (error) *error = why;
    return false;
  }
  course::ClassStep step;
  step.lesson = window_->course().lessons[static_cast<std::size_t>(lesson)].id;
  step.tryit = show_as_->currentData().toString().toStdString();
  if (step.tryit.empty()) step.scenario = scenario;
  step.seed = std::min<quint64>(run->seed(), course::kClassSeedMax);
  step.at_us = std::clamp<qint64>(run->timeUs(), 0, course::kClassTimeMaxUs);
  step.note = note.trimmed().left(static_cast<int>(course::kClassNoteMax)).toStdString();
  steps_.push_back(std::move(step));
  // The step's lesson is one of the class's.
  lessons_->item(lesson)->setCheckState(Qt::Checked);
  refreshSteps();
  return true;
}

void ClassDialog::refreshSteps() {
  steps_list_->clear();
  for (std::size_t i = 0; i < steps_.size(); ++i) {
    const course::ClassStep& s = steps_[i];
    const QString what = QString::fromStdString(s.tryit.empty() ? s.scenario : s.tryit);
    QString text = tr("%1. %2 (lesson %3, seed %4, from %5 s)")
                       .arg(i + 1)
                       .arg(what)
                       .arg(course::lesson_index(window_->course(), s.lesson) + 1)
                       .arg(s.seed)
                       .arg(static_cast<double>(s.at_us) / 1e6, 0, 'g', 6);
    if (!s.note.empty()) text += QStringLiteral(": ") + QString::fromStdString(s.note);
    steps_list_->addItem(text);
  }
  remove_->setEnabled(!steps_.empty());
}

bool ClassDialog::saveTo(const QString& path, QString* error) {
  const course::ClassBundle b = bundle();
  const std::string text = course::save_class_bundle(b);
  QString why;
  try {
    // What is written must open: the student's window reads it with this same loader.
    course::load_class_bundle(text, QDir::toNativeSeparators(path).toStdString(), window_->course());
  } catch (const course::ClassBundleError& e) {
    why = QString::fromStdString(e.what());
  }
  if (why.isEmpty()) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.data(), static_cast<qint64>(text.size())) < 0 ||
        !file.commit()) {
      why = tr("%1: cannot be written: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    }
  }
  if (!why.isEmpty()) {
    if (error) *error = why;
    return false;
  }
  return true;
}

void ClassDialog::save() {
  if (title_->text().trimmed().isEmpty()) {
    QMessageBox::information(this, windowTitle(), tr("Give the class a title first."));
    title_->setFocus();
    return;
  }
  QString path = QFileDialog::getSaveFileName(this, tr("Save class"), title_->text().trimmed() + ".clusterscope-class",
                                              tr("ClusterScope class (*.clusterscope-class)"));
  if (path.isEmpty()) return;
  if (!path.endsWith(QLatin1String(course::kClassFileSuffix))) path += QLatin1String(course::kClassFileSuffix);
  QString error;
  if (!saveTo(path, &error)) {
    QMessageBox::warning(this, windowTitle(), tr("The class was not saved: %1").arg(error));
    return;
  }
  accept();
}

}  // namespace cs::ui
