#pragma once
// File > Save class... (issue 25, "Class bundles"): the teacher puts a class together: its title
// and note, the lessons it shows (a checkable list, in course order) and its steps, each the run on
// the stage now (a built-in scenario, or one of the lesson's Try its on it) with its seed, its
// moment and a note; then saves it as a `.clusterscope-class` file (course/class_bundle.h). What is
// saved is checked by the same loader a student's window uses, so a saved class always opens.
#include <QDialog>

#include "course/class_bundle.h"

class QComboBox;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace cs::ui {

class MainWindow;

class ClassDialog : public QDialog {
  Q_OBJECT

 public:
  explicit ClassDialog(MainWindow* window);

  // The class as the dialog holds it now.
  course::ClassBundle bundle() const;
  // Adds the stage's run now as a step of the current lesson, with `note`, shown as the Try it
  // chosen in the "Show as" box (or the simulation on its own); false with the reason otherwise.
  bool addCurrentStep(const QString& note, QString* error = nullptr);
  // Checks the class and writes it to `path`; false with the reason otherwise.
  bool saveTo(const QString& path, QString* error = nullptr);

  QLineEdit* titleEdit() const { return title_; }
  QPlainTextEdit* noteEdit() const { return note_; }
  QListWidget* lessonList() const { return lessons_; }
  QListWidget* stepList() const { return steps_list_; }
  QComboBox* showAsBox() const { return show_as_; }
  QLineEdit* stepNoteEdit() const { return step_note_; }

 private:
  void refreshShowAs();
  void refreshSteps();
  void save();

  MainWindow* window_;
  QLineEdit* title_;
  QPlainTextEdit* note_;
  QListWidget* lessons_;
  QComboBox* show_as_;
  QLineEdit* step_note_;
  QListWidget* steps_list_;
  QPushButton* remove_;
  std::vector<course::ClassStep> steps_;
};

}  // namespace cs::ui
