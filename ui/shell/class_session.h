#pragma once
// An open class (issue 25, "Class bundles"): a teacher's `.clusterscope-class` file
// (course/class_bundle.h) as the student sees it. The lesson list shows only the class's lessons;
// a "Class" panel beside it lists the class's steps, and choosing one opens its lesson, loads its
// Try it or scenario with its seed at its moment and puts the teacher's note first in the
// narration. Close class returns to the full course where the student left it.
//
// While a class is open its lessons are open to read, as in teacher mode (the course session's
// teacher mode is on for the class, the View menu's switch is left alone): so, as in teacher mode,
// challenges met and predictions are not recorded as the student's work.
// The class changes nothing in the student's progress file: while it is open, the window's last
// place is not written (the file keeps the place from before the class); a quiz attempt is still
// the student's own work and is saved at once, with the old place. A file that does not load is refused with its name
// and JSON path, and whatever was open stays as it was. The teacher's text is only ever shown as plain text.
//
// The window makes one with its File menu (File > Open class..., Save class..., Close class).
#include <QObject>
#include <QPointer>
#include <QVector>

#include "course/class_bundle.h"
#include "course/progress.h"

class QAction;
class QDockWidget;
class QLabel;
class QListWidget;
class QMenu;

namespace cs::ui {

class ClassDialog;
class MainWindow;

class ClassSession : public QObject {
  Q_OBJECT

 public:
  // Narrower windows hide the lesson list while a class is open (the Class panel takes its place).
  static constexpr int kHideLessonListBelowPx = 1500;

  ClassSession(QMenu* file, MainWindow* window);

  // Opens a class file and shows its first step; false (with the reason, naming the file and the
  // JSON path, in `error` and on the notice bar) if it cannot be opened, and then nothing changes.
  bool open(const QString& path, QString* error = nullptr);
  // Returns to the full course, at the student's own place from before the class.
  void close();
  bool isOpen() const { return open_; }
  const course::ClassBundle& bundle() const { return bundle_; }
  QString path() const { return path_; }
  // The course indices of the class's lessons, in order.
  QVector<int> lessonIndices() const;
  // Opens step `index` (0-based): its lesson, its run at its seed and moment, its note.
  void startStep(int index);
  int currentStep() const { return current_step_; }

  QDockWidget* panel() const { return dock_; }
  QListWidget* stepList() const { return steps_; }
  QAction* openAction() const { return open_action_; }
  QAction* saveAction() const { return save_action_; }
  QAction* closeAction() const { return close_action_; }
  // File > Open class...: asks for a file.
  void chooseFile();
  // File > Save class...: the teacher's dialog (non-modal, for tests to drive).
  void openSaveDialog();
  ClassDialog* saveDialog() const;

  static constexpr const char* kFileFilter = "ClusterScope class (*.clusterscope-class)";

 signals:
  void opened();
  void closed();

 private:
  void apply();
  void buildPanel();
  // Saves the student's own work done during the class, keeping the place from before it.
  void saveStudentWork();
  void showStatus(const QString& message);

  MainWindow* window_;
  bool open_ = false;
  course::ClassBundle bundle_;
  QString path_;
  int current_step_ = -1;
  course::LastPlace place_before_;  // the student's place when the class opened
  course::Progress written_;        // the progress as the file holds it (without the place)
  bool saving_ = false;
  bool teacher_before_ = false;  // the course session's teacher mode when the class opened
  QDockWidget* dock_ = nullptr;
  QLabel* title_ = nullptr;
  QLabel* note_ = nullptr;
  QListWidget* steps_ = nullptr;
  QAction* open_action_;
  QAction* save_action_;
  QAction* close_action_;
  QPointer<ClassDialog> dialog_;
  bool hid_navigator_ = false;  // the class hid the lesson list, and shows it again on close
};

}  // namespace cs::ui
