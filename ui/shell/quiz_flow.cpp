#include "shell/quiz_flow.h"

#include <QPushButton>
#include <QRandomGenerator>

#include "course/final_test.h"
#include "progress/completion_summary.h"
#include "progress/completion_view.h"
#include "progress/course_session.h"
#include "progress/results_privacy.h"
#include "quiz/quiz_widget.h"
#include "quiz/review_dialog.h"
#include "shell/course_navigator.h"
#include "shell/notice_bar.h"

namespace cs::ui {

QuizFlow::QuizFlow(QuizWidget* quiz, CourseNavigator* navigator, NoticeBar* notice, QWidget* window)
    : QObject(window), quiz_(quiz), navigator_(navigator), notice_(notice), window_(window) {
  connect(quiz_, &QuizWidget::retryRequested, this, [this] { start(lesson_); });
  connect(quiz_, &QuizWidget::submitted, this, &QuizFlow::submitted);
  connect(quiz_, &QuizWidget::completionRequested, this, &QuizFlow::showCompletion);
  connect(quiz_, &QuizWidget::momentRequested, this, &QuizFlow::stageMomentRequested);
  connect(navigator_, &CourseNavigator::reviewRequested, this, &QuizFlow::openReview);
}

ReviewDialog* QuizFlow::reviewDialog() const { return review_.data(); }
CompletionView* QuizFlow::completionView() const { return completion_.data(); }

void QuizFlow::setSession(CourseSession* session, QVector<int> challenge_counts) {
  session_ = session;
  challenge_counts_ = std::move(challenge_counts);
  connect(session_, &CourseSession::progressChanged, this, &QuizFlow::updateReview);
  updateReview();
}

void QuizFlow::updateReview() {
  if (!session_) return;
  navigator_->setReview(session_->reviewDue(), static_cast<int>(session_->progress().review.size()));
}

void QuizFlow::start(int lesson) {
  if (!session_ || lesson < 0 || lesson >= static_cast<int>(session_->course().lessons.size())) return;
  lesson_ = lesson;
  const auto& course = session_->course();
  const auto& quiz = course.lessons[static_cast<std::size_t>(lesson)].quiz;
  const std::uint64_t seed = QRandomGenerator::global()->generate64();
  if (quiz.final_test) {
    quiz_->startDrawn(course::draw_final_test(course, session_->lastQuestions(lesson), seed),
                      QuizWidget::Mode::FinalTest);
  } else {
    quiz_->start(quiz, lesson + 1, session_->lastQuestions(lesson), seed);
  }
  quiz_->setHasNextLesson(navigator_->nextListedLesson(lesson) >= 0);
  quiz_->setCompletionAvailable(session_->courseComplete());
  if (session_->courseComplete()) quiz_->setSummary(session_->summaryMarkdown());
}

void QuizFlow::submitted(const course::QuizAttempt& attempt, const course::AttemptResult& result) {
  if (!session_ || lesson_ < 0 || quiz_->mode() == QuizWidget::Mode::Review) return;
  const auto outcome = session_->submit(lesson_, quiz_->quiz(), attempt, result);
  if (!outcome.saved) notice_->showNotice(tr("Your quiz result could not be saved: %1").arg(outcome.error));
  if (session_->courseComplete()) {
    quiz_->setSummary(session_->summaryMarkdown());
    quiz_->setCompletionAvailable(true);
    if (outcome.completed_course) {
      // The completion view says "Results are hidden" by itself; the status bar says nothing.
      if (!results_hidden()) emit status(tr("Congratulations: you have completed the course."));
      showCompletion();
    }
  } else if (const int next = navigator_->nextListedLesson(lesson_); outcome.passed && next >= 0) {
    quiz_->setSummary(tr("Lesson %1 is open now: Next lesson takes you there.").arg(next + 1));
  }
  quiz_->focusFirstControl();
}

void QuizFlow::showCompletion() {
  if (!session_) return;
  if (completion_) completion_->close();
  completion_ =
      new CompletionView(completionSummary(session_->course(), session_->progress(), challenge_counts_), window_);
  completion_->setAttribute(Qt::WA_DeleteOnClose);
  completion_->open();  // window-modal, without blocking the caller
}

void QuizFlow::openReview() {
  if (!session_) return;
  if (review_) review_->close();
  review_ = new ReviewDialog(session_, QRandomGenerator::global()->generate64(), window_);
  review_->setAttribute(Qt::WA_DeleteOnClose);
  review_->open();
}

}  // namespace cs::ui
