#pragma once
// The main window: course navigator, lesson text with its quiz, and the stage with its time
// controls. It wires the pieces together; each piece does its own job.
#include <QMainWindow>
#include <QTimer>

#include "course/course.h"
#include "scenario/scenario.h"
#include "shell/app_options.h"
#include "theme/appearance.h"

class QQuickWidget;
class QLabel;
class QMenu;

namespace cs::ui {

class CourseNavigator;
class CourseSession;
class LessonPane;
class NarrationPanel;
class SequenceDiagram;
class EventLog;
class MetricsPanel;
class ChartsPanel;
class HistoryPanel;
class NoticeBar;
class StageController;
class TimeControls;

// What survives rebuilding the window (as a change of language does): the run exactly as it was,
// where the learner is in the course, and how the window is shown.
struct WindowState {
  scenario::Scenario run;
  bool has_run = false;
  quint64 seed = 1;
  qint64 time_us = 0;
  double speed = 0;
  int lesson = -1;
  int scroll = 0;
  int text_zoom = 0;
  bool presentation = false;
  QByteArray geometry;
};

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(const AppOptions& options, QWidget* parent = nullptr);

  // Classroom: projector palette and type, presentation mode (text and stage only), text zoom,
  // and blanking the screen; presenter keys step the narration.
  void setProjectorMode(bool on);
  bool projectorMode() const;
  void setPresentationMode(bool on);
  bool presentationMode() const { return presentation_; }
  void zoomText(int steps);  // 0 resets
  int textZoom() const { return text_zoom_; }
  void setBlanked(bool on);
  bool blanked() const;
  QLabel* clusterDescription() const { return description_; }
  // Light, dark or the system's scheme (View > Appearance); saved in the settings.
  void setAppearance(Appearance appearance);
  // Teacher mode: hides protocol internals (card details, the sequence diagram, event log and
  // history, clock and message tampering) to keep a class on the big picture. Saved.
  void setAdvancedHidden(bool hidden);
  bool advancedHidden() const;
  WindowState captureState() const;
  void restoreState(const WindowState& state);
  ~MainWindow() override;

  StageController* controller() const { return controller_; }
  QQuickWidget* stageWidget() const { return stage_; }
  CourseSession* session() const { return session_; }
  LessonPane* lessonPane() const { return lesson_pane_; }
  CourseNavigator* navigator() const { return navigator_; }
  NoticeBar* noticeBar() const { return notice_; }
  NarrationPanel* narration() const { return narration_; }
  SequenceDiagram* sequenceDiagram() const { return sequence_; }
  EventLog* eventLog() const { return event_log_; }
  MetricsPanel* metricsPanel() const { return metrics_; }
  ChartsPanel* chartsPanel() const { return charts_; }
  HistoryPanel* historyPanel() const { return history_; }
  // File operations without dialogs (the menu commands ask for the path, then call these).
  bool exportStageTo(const QString& path, QString* error);
  bool exportSequenceTo(const QString& path, QString* error);
  bool saveRunTo(const QString& path, QString* error);
  const course::Course& course() const { return course_; }
  int currentLesson() const { return current_lesson_; }
  bool courseLoaded() const { return session_ != nullptr; }

  void showLesson(int index);

 signals:
  // The learner chose another interface language (already saved and installed); the owner of the
  // window rebuilds it, since every text is set when a widget is built.
  void languageChosen(const QString& code);

 public:
  // Renders the whole window, with a freshly rendered stage, into an image.
  QImage renderImage();

 protected:
  void closeEvent(QCloseEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  static constexpr const char* kHideAdvancedKey = "view/hideAdvanced";  // a setting

  QWidget* buildStagePanel();
  void buildMenus();
  void buildNodeActions(QWidget* stage_panel);
  void loadCourse(const AppOptions& options);
  void restorePlace(const AppOptions& options);
  void startQuiz();
  void openTryIt(const QString& id);
  void showStatus(const QString& message);
  void rememberPlace();
  void exportProgress();
  void importProgress();
  void resetProgress();
  void setTeacherMode(bool on);
  void buildClassroomActions(QMenu* view);
  void buildAppearanceMenu(QMenu* view);
  void buildLanguageMenu(QMenu* view);
  QWidget* buildPanels();
  void exportStage();
  void exportSequence();
  void saveRun();
  void openScenarioFile();

  StageController* controller_;
  CourseNavigator* navigator_;
  LessonPane* lesson_pane_;
  NoticeBar* notice_;
  QQuickWidget* stage_ = nullptr;
  TimeControls* time_controls_ = nullptr;
  NarrationPanel* narration_ = nullptr;
  SequenceDiagram* sequence_ = nullptr;
  EventLog* event_log_ = nullptr;
  MetricsPanel* metrics_ = nullptr;
  ChartsPanel* charts_ = nullptr;
  HistoryPanel* history_ = nullptr;
  QMenu* node_menu_ = nullptr;
  CourseSession* session_ = nullptr;
  course::Course course_;
  int current_lesson_ = -1;
  QTimer place_timer_;  // saves the last place a moment after scrolling stops
  bool screenshot_mode_ = false;
  bool presentation_ = false;
  int text_zoom_ = 0;
  QLabel* description_ = nullptr;
  QWidget* blank_ = nullptr;
  QWidget* panels_ = nullptr;
  QList<QAction*> arrow_actions_;
  QList<QAction*> advanced_actions_;            // hidden with the advanced details
  Appearance appearance_ = Appearance::System;  // node focus keys; the presenter's Left/Right replace them
};

}  // namespace cs::ui
