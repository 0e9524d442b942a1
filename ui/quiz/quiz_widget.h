#pragma once
// The quiz at the end of a lesson: the drawn questions with their options as radio buttons and a
// Submit button that says why it is greyed out. After submitting, the verdict, Next lesson and
// Retry come first, above the per-option feedback with the explanations, so the outcome is seen
// without scrolling through every explanation. Everything is reachable with Tab, arrow keys and Space.
// While results are hidden (progress/results_privacy.h) a submitted attempt is recorded as always,
// but the verdict says "Results are hidden" and the answer marks, Next lesson, the summary and the
// course summary button stay off the screen until the switch is turned off.
#include <QWidget>
#include <vector>

#include "course/quiz_mix.h"
#include "course/quiz_session.h"

class QButtonGroup;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace cs::ui {

class QuizWidget : public QWidget {
  Q_OBJECT

 public:
  // A lesson's quiz (opens the next lesson), the course's cumulative final test, or a review of
  // questions missed before (not graded: it reschedules them).
  enum class Mode { LessonQuiz, FinalTest, Review };

  explicit QuizWidget(QWidget* parent = nullptr);

  // Shows a fresh attempt at lesson `lesson_number`'s quiz (1-based): questions from its bank and
  // one computed by a template (course/quiz_mix.h). `previous` are the question ids of the last
  // attempt (empty: first).
  void start(const course::Quiz& bank, int lesson_number, const std::vector<std::string>& previous, std::uint64_t seed);
  // Shows an attempt drawn elsewhere (the final test, a review session).
  void startDrawn(course::MixedAttempt drawn, Mode mode);
  Mode mode() const { return mode_; }
  // Once the course is complete the quiz offers the course summary (completionRequested).
  void setCompletionAvailable(bool available);
  // Whether answered questions about a run offer "Show this moment on the stage" (on by default;
  // a dialog without a stage turns it off).
  void setMomentsEnabled(bool enabled) { moments_enabled_ = enabled; }
  // Replaces the quiz with a message (a locked lesson, a completed course).
  void showMessage(const QString& title, const QString& text);
  void setSummary(const QString& text);  // shown under the result, e.g. the course summary
  // Whether a lesson follows this one: a pass then offers a Next lesson button.
  void setHasNextLesson(bool has_next);
  bool hasNextLesson() const { return has_next_lesson_; }

  const course::QuizAttempt& attempt() const { return attempt_; }
  // The questions the attempt indexes: the bank's, then this attempt's computed ones.
  const course::Quiz& quiz() const { return quiz_; }
  // Test and keyboard helpers: choose display option `option` for asked question `question`.
  void choose(int question, int option);
  bool submitEnabled() const;
  // Why Submit is greyed out ("Answer all 3 questions to submit (1 answered)"); empty when it is not.
  QString submitBlockedReason() const;
  // Puts the keyboard focus on the first thing to do: the first option, or Next lesson / Retry.
  void focusFirstControl();

 public slots:
  void submit();

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;
  void changeEvent(QEvent* event) override;

 signals:
  void submitted(const cs::course::QuizAttempt& attempt, const cs::course::AttemptResult& result);
  void retryRequested();
  void nextLessonRequested();
  void completionRequested();
  void momentRequested(const cs::course::StageMoment& moment);

 private:
  void fitHeadingFonts();
  void clear();
  void updateSubmit();
  void updateIntro();
  void showResults();  // the graded outcome, or "Results are hidden"

  course::Quiz quiz_;
  course::QuizAttempt attempt_;
  Mode mode_ = Mode::LessonQuiz;
  bool has_next_lesson_ = false;
  bool completion_available_ = false;
  bool moments_enabled_ = true;
  // The graded attempt's verdict ("2 of 3 correct — passed"), empty before Submit.
  QString verdict_;
  bool passed_ = false;
  // The attempt's questions about a run: question id and moment. Filled before the buttons are
  // made, which keep pointers into it until the next attempt.
  std::vector<std::pair<std::string, course::StageMoment>> moments_;
  std::vector<QPushButton*> moment_buttons_;  // per asked question, null where there is none
  QVBoxLayout* layout_;
  QLabel* heading_ = nullptr;
  QLabel* intro_;
  QWidget* questions_;
  QVBoxLayout* questions_layout_;
  std::vector<QButtonGroup*> groups_;
  std::vector<std::vector<QLabel*>> feedback_;
  QPushButton* submit_;
  QLabel* submit_reason_;
  QPushButton* retry_;
  QPushButton* next_lesson_;
  QPushButton* completion_;
  QLabel* result_ = nullptr;
  QLabel* summary_;
};

}  // namespace cs::ui
