#pragma once
// The course's quizzes as the window runs them: a lesson's quiz or, for the last lesson, the
// cumulative final test; recording each attempt (missed questions join the review queue); the
// course summary with its PDF once the course is complete; and review sessions from the
// navigator's "Review: N due" button.
#include <QObject>
#include <QPointer>
#include <QVector>

#include "course/question_templates.h"
#include "course/quiz_session.h"

class QWidget;

namespace cs::ui {

class CompletionView;
class CourseNavigator;
class CourseSession;
class NoticeBar;
class QuizWidget;
class ReviewDialog;

class QuizFlow : public QObject {
  Q_OBJECT

 public:
  QuizFlow(QuizWidget* quiz, CourseNavigator* navigator, NoticeBar* notice, QWidget* window);

  void setSession(CourseSession* session, QVector<int> challenge_counts);
  // A fresh attempt at lesson `lesson`'s quiz (0-based).
  void start(int lesson);
  void openReview();
  void showCompletion();
  // The dialogs while open (tests and keyboard help use them).
  ReviewDialog* reviewDialog() const;
  CompletionView* completionView() const;

 signals:
  void status(const QString& message);
  // The learner asked to see the run a computed question is about.
  void stageMomentRequested(const cs::course::StageMoment& moment);

 private:
  void submitted(const course::QuizAttempt& attempt, const course::AttemptResult& result);
  void updateReview();

  QuizWidget* quiz_;
  CourseNavigator* navigator_;
  NoticeBar* notice_;
  QWidget* window_;
  CourseSession* session_ = nullptr;
  QVector<int> challenge_counts_;
  int lesson_ = -1;
  QPointer<ReviewDialog> review_;
  QPointer<CompletionView> completion_;
};

}  // namespace cs::ui
