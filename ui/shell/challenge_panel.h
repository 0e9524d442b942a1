#pragma once
// The goal panel above the stage while a challenge is played: the goal in one sentence, its status
// (not yet / met at t = ... / time is up), the quantities that matter for it, live, and the
// actions used out of those allowed; Start again, Leave, and in teacher mode Show a solution.
// When the goal is met it shows the challenge's explanation beside the run's own numbers.
// While results are hidden (progress/results_privacy.h) it keeps the goal and the live values but
// says "Results are hidden" for the outcome, and offers no solution.
#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;
class QScrollArea;

namespace cs::ui {

class ChallengeSession;

class ChallengePanel : public QWidget {
  Q_OBJECT

 public:
  explicit ChallengePanel(ChallengeSession* session, QWidget* parent = nullptr);

  void setTeacherMode(bool on);
  QString text() const;  // everything the panel says, for tests
  QString statusText() const;
  void setTextPixelSize(int px);

 signals:
  void restartRequested();
  void leaveRequested();

 protected:
  void resizeEvent(QResizeEvent* event) override;

 private:
  void refresh();
  void reserveHeight();
  void showSolutionButton();

  ChallengeSession* session_;
  QScrollArea* scroll_;
  QWidget* body_;
  QLabel* heading_;
  QLabel* goal_;
  QLabel* status_;
  QLabel* watch_;
  QPushButton* restart_;
  QPushButton* leave_;
  QPushButton* solution_;
  QTimer throttle_;  // the watched values change every frame; the words need not
  bool teacher_mode_ = false;
};

}  // namespace cs::ui
