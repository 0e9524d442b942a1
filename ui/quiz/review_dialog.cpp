#include "quiz/review_dialog.h"

#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "progress/course_session.h"
#include "progress/results_privacy.h"
#include "quiz/quiz_widget.h"

namespace cs::ui {

ReviewDialog::ReviewDialog(CourseSession* session, std::uint64_t seed, QWidget* parent)
    : QDialog(parent), session_(session), review_(session->drawReview(seed)) {
  setObjectName("reviewDialog");
  setWindowTitle(tr("Review"));
  auto* layout = new QVBoxLayout(this);
  pages_ = new QStackedWidget(this);
  auto* scroll = new QScrollArea(pages_);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  quiz_ = new QuizWidget(scroll);
  quiz_->setMomentsEnabled(false);  // the dialog has no stage
  scroll->setWidget(quiz_);
  auto* hidden = new QLabel(
      tr("Results are hidden. The review queue shows again when View > Hide my results is turned off."), pages_);
  hidden->setObjectName("reviewHidden");
  hidden->setWordWrap(true);
  hidden->setAlignment(Qt::AlignCenter);
  pages_->addWidget(scroll);
  pages_->addWidget(hidden);
  error_ = new QLabel(this);
  error_->setObjectName("reviewError");
  error_->setWordWrap(true);
  error_->hide();
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  layout->addWidget(pages_, 1);
  layout->addWidget(error_);
  layout->addWidget(buttons);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(quiz_, &QuizWidget::submitted, this,
          [this](const course::QuizAttempt&, const course::AttemptResult& result) { answered(result); });
  if (review_.keys.empty()) {
    quiz_->showMessage(tr("Review"), tr("Nothing is due for review today."));
  } else {
    quiz_->startDrawn(review_.mixed, QuizWidget::Mode::Review);
  }
  // Comfortable on a desk, never larger than the window it belongs to (or the screen).
  QRect room = parent && parent->screen() ? parent->screen()->availableGeometry()
                                          : QGuiApplication::primaryScreen()->availableGeometry();
  if (parent) room = room.intersected(QRect(room.topLeft(), parent->window()->size()));
  resize(std::min(900, room.width() - 40), std::min(700, room.height() - 40));
  connect(ResultsPrivacy::instance(), &ResultsPrivacy::changed, this, &ReviewDialog::showResults);
  showResults();
  quiz_->focusFirstControl();
}

void ReviewDialog::showResults() { pages_->setCurrentIndex(results_hidden() ? 1 : 0); }

void ReviewDialog::answered(const course::AttemptResult& result) {
  QString error;
  if (!session_->recordReview(review_, result, &error)) {
    error_->setText(tr("Your review could not be saved: %1").arg(error));
    error_->show();
  }
}

}  // namespace cs::ui
