#pragma once
// The quiz at the end of a lesson: the drawn questions with their options as radio buttons, a
// Submit button, then per-option feedback with the explanations, the result line and Retry.
// Everything is reachable with Tab, arrow keys and Space.
#include <QWidget>
#include <vector>

#include "course/quiz_session.h"

class QButtonGroup;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace cs::ui {

class QuizWidget : public QWidget {
  Q_OBJECT

 public:
  explicit QuizWidget(QWidget* parent = nullptr);

  // Shows a fresh attempt. `previous` are the question ids of the last attempt (empty: first).
  void start(const course::Quiz& quiz, const std::vector<std::string>& previous, std::uint64_t seed);
  // Replaces the quiz with a message (a locked lesson, a completed course).
  void showMessage(const QString& title, const QString& text);
  void setSummary(const QString& text);  // shown under the result, e.g. the course summary

  const course::QuizAttempt& attempt() const { return attempt_; }
  // Test and keyboard helpers: choose display option `option` for asked question `question`.
  void choose(int question, int option);
  bool submitEnabled() const;

 public slots:
  void submit();

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 signals:
  void submitted(const cs::course::QuizAttempt& attempt, const cs::course::AttemptResult& result);
  void retryRequested();

 private:
  void clear();
  void updateSubmit();

  course::Quiz quiz_;
  course::QuizAttempt attempt_;
  QVBoxLayout* layout_;
  QLabel* heading_;
  QLabel* intro_;
  QWidget* questions_;
  QVBoxLayout* questions_layout_;
  std::vector<QButtonGroup*> groups_;
  std::vector<std::vector<QLabel*>> feedback_;
  QPushButton* submit_;
  QPushButton* retry_;
  QLabel* result_;
  QLabel* summary_;
};

}  // namespace cs::ui
