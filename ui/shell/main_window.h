#pragma once
// The main window: course navigator, lesson text, and the stage with its time controls. It wires
// the pieces together; each piece does its own job.
#include <QMainWindow>

#include "course/course.h"
#include "shell/app_options.h"

class QQuickWidget;
class QLabel;

namespace cs::ui {

class CourseNavigator;
class LessonView;
class StageController;
class TimeControls;

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(const AppOptions& options, QWidget* parent = nullptr);
  ~MainWindow() override;

  StageController* controller() const { return controller_; }
  QQuickWidget* stageWidget() const { return stage_; }
  const course::Course& course() const { return course_; }
  int currentLesson() const { return current_lesson_; }
  bool courseLoaded() const { return course_loaded_; }

  void showLesson(int index);
  // Renders the whole window, with a freshly rendered stage, into an image.
  QImage renderImage();

 private:
  void buildMenus();
  void loadCourse(const QString& lessons_dir);
  void openTryIt(const QString& id);
  void showStatus(const QString& message);

  StageController* controller_;
  CourseNavigator* navigator_;
  LessonView* lesson_view_;
  QQuickWidget* stage_;
  TimeControls* time_controls_;
  QLabel* stage_caption_;
  course::Course course_;
  bool course_loaded_ = false;
  int current_lesson_ = -1;
};

}  // namespace cs::ui
