#pragma once
// The main window: course navigator, lesson text with its quiz, and the stage with its time
// controls and panels. It lays the pieces out and wires them together; each piece does its own
// job: the stage's parts (StageController), the course flow (CourseSession), the classroom's
// modes and the View menu (ClassroomModes), the run as files (RunFiles), the Node menu (NodeMenu).
#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include "course/challenge.h"
#include "course/course.h"
#include "course/quiz_session.h"
#include "scenario/scenario.h"
#include "shell/app_options.h"
#include "shell/welcome_tour.h"
#include "theme/appearance.h"

class QQuickWidget;
class QLabel;
class QMenu;
class QTabWidget;

namespace cs::ui {

class CourseNavigator;
class CourseSession;
class QuizFlow;
class LessonPane;
class NarrationPanel;
class SequenceDiagram;
class EventLog;
class MetricsPanel;
class ChartsPanel;
class HistoryPanel;
class NodeInspector;
class ChallengeSession;
class ChallengePanel;
class ClassroomModes;
class NodeMenu;
class NoticeBar;
class RunFiles;
class StageController;
class TimeControls;
class CompareView;
class ProgressFiles;

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
  QString class_file;   // the open class (however it was opened), empty if none
  int class_step = -1;  // and its step
};

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(const AppOptions& options, QWidget* parent = nullptr);
  ~MainWindow() override;

  WindowState captureState() const;
  void restoreState(const WindowState& state);

  StageController* controller() const { return controller_; }
  QQuickWidget* stageWidget() const { return stage_; }
  ClassroomModes* classroom() const { return classroom_; }
  RunFiles* runFiles() const { return run_files_; }
  CompareView* compareView() const { return compare_; }
  CourseSession* session() const { return session_; }
  LessonPane* lessonPane() const { return lesson_pane_; }
  CourseNavigator* navigator() const { return navigator_; }
  QuizFlow* quizFlow() const { return quiz_flow_; }
  NoticeBar* noticeBar() const { return notice_; }
  NarrationPanel* narration() const { return narration_; }
  SequenceDiagram* sequenceDiagram() const { return sequence_; }
  EventLog* eventLog() const { return event_log_; }
  MetricsPanel* metricsPanel() const { return metrics_; }
  ChartsPanel* chartsPanel() const { return charts_; }
  HistoryPanel* historyPanel() const { return history_; }
  NodeInspector* nodeInspector() const { return inspector_; }
  QTabWidget* panels() const { return panels_; }
  // Opens the "Inside the node" tab on the stage's focused node (unfolding the panels if needed).
  void showInspector();
  // Starts a challenge of the current lesson (a challenge:ID link).
  void openChallenge(const QString& id);
  ChallengeSession* challengeSession() const { return challenge_; }
  ChallengePanel* challengePanel() const { return challenge_panel_; }
  QLabel* clusterDescription() const { return description_; }
  const course::Course& course() const { return course_; }
  int currentLesson() const { return current_lesson_; }
  bool courseLoaded() const { return session_ != nullptr; }

  // Shows a lesson; opening another lesson loads its first experiment onto the stage unless
  // `load_scenario` is false (restoring the last session, a language change).
  void showLesson(int index, bool load_scenario = true);
  // The first-run tour (also Help > Welcome tour).
  void showWelcome();
  WelcomeTour* welcomeTour() const { return welcome_; }

  static constexpr int kMinimumWidthPx = 1024;
  static constexpr int kMinimumHeightPx = 640;
  static constexpr int kNarrowWidthPx = 1200;         // narrower: the lesson list starts hidden
  static constexpr int kShortHeightPx = 700;          // shorter: the panels under the stage start folded
  static constexpr int kProjectorFoldHeightPx = 900;  // the same in projector mode
  static constexpr const char* kWelcomeSeenKey = "welcome/seen";
  // Renders the whole window, with a freshly rendered stage, into an image.
  QImage renderImage();

 signals:
  // The learner chose another interface language (already saved and installed); the owner of the
  // window rebuilds it, since every text is set when a widget is built.
  void languageChosen(const QString& code);

 protected:
  void closeEvent(QCloseEvent* event) override;

 private:
  QWidget* buildStagePanel();
  QWidget* buildPanels();
  void buildMenus();
  void loadCourse(const AppOptions& options);
  void restorePlace(const AppOptions& options);
  void openTryIt(const QString& id);
  void showStatus(const QString& message);
  void showScenarioNarration();
  void rememberPlace();
  void setTeacherMode(bool on);
  void relayoutForPalette();
  void foldPanelsIfShort();

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
  NodeInspector* inspector_ = nullptr;
  ChallengeSession* challenge_ = nullptr;
  ChallengePanel* challenge_panel_ = nullptr;
  QString current_tryit_;  // the Try it whose steps the narration shows ("" for a scenario's own)
  std::vector<std::vector<course::Challenge>> challenges_;  // per lesson, in course order
  void challengeMet(const QString& lesson_id, const QString& challenge_id, qint64 met_at_us, int actions_used);
  QTabWidget* panels_ = nullptr;
  NodeMenu* node_menu_ = nullptr;
  ClassroomModes* classroom_ = nullptr;
  RunFiles* run_files_ = nullptr;
  ProgressFiles* progress_files_ = nullptr;
  CompareView* compare_ = nullptr;
  CourseSession* session_ = nullptr;
  QuizFlow* quiz_flow_ = nullptr;
  course::Course course_;
  int current_lesson_ = -1;
  QTimer place_timer_;  // saves the last place a moment after scrolling stops
  bool screenshot_mode_ = false;
  QLabel* description_ = nullptr;
  QPointer<WelcomeTour> welcome_;
};

}  // namespace cs::ui
