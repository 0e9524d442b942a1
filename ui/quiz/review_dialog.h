#pragma once
// A review session: the questions from the spaced review queue that are due today, asked in a
// dialog of their own (the lesson stays where it was). Submitting reschedules each one and saves.
// The queue is a result too: while results are hidden the dialog says so instead of asking.
#include <QDialog>

#include "course/review_session.h"

class QLabel;
class QStackedWidget;

namespace cs::ui {

class CourseSession;
class QuizWidget;

class ReviewDialog : public QDialog {
  Q_OBJECT

 public:
  ReviewDialog(CourseSession* session, std::uint64_t seed, QWidget* parent = nullptr);
  QuizWidget* quiz() const { return quiz_; }
  const course::ReviewSession& review() const { return review_; }

 private:
  void answered(const course::AttemptResult& result);
  void showResults();

  CourseSession* session_;
  course::ReviewSession review_;
  QStackedWidget* pages_;  // the questions, or "Results are hidden"
  QuizWidget* quiz_;
  QLabel* error_;
};

}  // namespace cs::ui
