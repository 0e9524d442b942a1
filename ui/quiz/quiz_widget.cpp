#include "quiz/quiz_widget.h"

#include <QButtonGroup>
#include <QEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace cs::ui {

namespace {
QLabel* wrapped_label(const QString& text, QWidget* parent) {
  auto* label = new QLabel(text, parent);
  label->setWordWrap(true);
  label->setTextFormat(Qt::PlainText);
  return label;
}
}  // namespace

QuizWidget::QuizWidget(QWidget* parent) : QWidget(parent) {
  setObjectName("quiz");
  layout_ = new QVBoxLayout(this);
  layout_->setContentsMargins(18, 8, 18, 24);
  heading_ = new QLabel(this);
  QFont big = heading_->font();
  big.setPointSizeF(big.pointSizeF() * 1.5);
  big.setBold(true);
  heading_->setFont(big);
  intro_ = wrapped_label({}, this);
  questions_ = new QWidget(this);
  questions_layout_ = new QVBoxLayout(questions_);
  questions_layout_->setContentsMargins(0, 0, 0, 0);
  submit_ = new QPushButton(tr("Submit answers"), this);
  submit_->setObjectName("quizSubmit");
  submit_->setAccessibleName(tr("Submit quiz answers"));
  retry_ = new QPushButton(tr("Try again with new questions"), this);
  retry_->setObjectName("quizRetry");
  result_ = new QLabel(this);
  result_->setObjectName("quizResult");
  QFont bold = result_->font();
  bold.setBold(true);
  bold.setPointSizeF(bold.pointSizeF() * 1.2);
  result_->setFont(bold);
  result_->setAccessibleName(tr("Quiz result"));
  summary_ = wrapped_label({}, this);
  summary_->setTextFormat(Qt::MarkdownText);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(submit_);
  buttons->addWidget(retry_);
  buttons->addStretch(1);
  layout_->addWidget(heading_);
  layout_->addWidget(intro_);
  layout_->addWidget(questions_);
  layout_->addLayout(buttons);
  layout_->addWidget(result_);
  layout_->addWidget(summary_);
  connect(submit_, &QPushButton::clicked, this, &QuizWidget::submit);
  connect(retry_, &QPushButton::clicked, this, &QuizWidget::retryRequested);
}

void QuizWidget::clear() {
  for (QButtonGroup* g : groups_) g->deleteLater();
  groups_.clear();
  feedback_.clear();
  while (QLayoutItem* item = questions_layout_->takeAt(0)) {
    delete item->widget();
    delete item;
  }
  result_->clear();
  summary_->clear();
}

void QuizWidget::start(const course::Quiz& quiz, const std::vector<std::string>& previous, std::uint64_t seed) {
  clear();
  quiz_ = quiz;
  attempt_ = course::draw_attempt(quiz_, previous, seed);
  heading_->setText(tr("Test your knowledge"));
  intro_->setText(tr("Answer the %1 questions below. You need %2 of %1 correct to pass and open the next lesson.")
                      .arg(attempt_.asked.size())
                      .arg(attempt_.pass));
  questions_->show();
  for (std::size_t i = 0; i < attempt_.asked.size(); ++i) {
    const auto& asked = attempt_.asked[i];
    const course::QuizQuestion& q = quiz_.questions[asked.question];
    auto* box = new QGroupBox(tr("Question %1").arg(i + 1), questions_);
    box->setAccessibleName(tr("Question %1: %2").arg(i + 1).arg(QString::fromStdString(q.text)));
    auto* box_layout = new QVBoxLayout(box);
    box_layout->addWidget(wrapped_label(QString::fromStdString(q.text), box));
    auto* group = new QButtonGroup(this);
    std::vector<QLabel*> notes;
    for (std::size_t k = 0; k < asked.options.size(); ++k) {
      const auto& option = q.options[asked.options[k]];
      // The option text is a wrapping label beside a bare radio button: a radio button's own text
      // never wraps, and long options would widen the whole lesson column.
      const QString text = QString::fromStdString(option.text);
      auto* row = new QHBoxLayout;
      auto* radio = new QRadioButton(box);
      radio->setObjectName(QStringLiteral("q%1o%2").arg(i).arg(k));
      radio->setAccessibleName(text);
      auto* label = wrapped_label(text, box);
      label->setBuddy(radio);
      label->installEventFilter(this);
      label->setProperty("radio", QVariant::fromValue(static_cast<QObject*>(radio)));
      row->addWidget(radio, 0, Qt::AlignTop);
      row->addWidget(label, 1);
      group->addButton(radio, static_cast<int>(k));
      box_layout->addLayout(row);
      auto* note = wrapped_label({}, box);
      note->setContentsMargins(24, 0, 0, 4);
      note->hide();
      box_layout->addWidget(note);
      notes.push_back(note);
    }
    connect(group, &QButtonGroup::idClicked, this, &QuizWidget::updateSubmit);
    groups_.push_back(group);
    feedback_.push_back(notes);
    questions_layout_->addWidget(box);
  }
  submit_->show();
  retry_->hide();
  updateSubmit();
}

bool QuizWidget::eventFilter(QObject* watched, QEvent* event) {
  // Clicking an option's text chooses it, as clicking a radio button's own text would.
  if (event->type() == QEvent::MouseButtonRelease) {
    if (auto* radio = qobject_cast<QRadioButton*>(watched->property("radio").value<QObject*>())) {
      if (radio->isEnabled()) {
        radio->click();
        return true;
      }
    }
  }
  return QWidget::eventFilter(watched, event);
}

void QuizWidget::showMessage(const QString& title, const QString& text) {
  clear();
  heading_->setText(title);
  intro_->setText(text);
  questions_->hide();
  submit_->hide();
  retry_->hide();
}

void QuizWidget::setSummary(const QString& text) { summary_->setText(text); }

void QuizWidget::choose(int question, int option) {
  if (question < 0 || question >= static_cast<int>(groups_.size())) return;
  if (QAbstractButton* b = groups_[static_cast<std::size_t>(question)]->button(option)) b->setChecked(true);
  updateSubmit();
}

bool QuizWidget::submitEnabled() const { return !submit_->isHidden() && submit_->isEnabled(); }

void QuizWidget::updateSubmit() {
  bool all = !groups_.empty();
  for (QButtonGroup* g : groups_) all = all && g->checkedId() >= 0;
  submit_->setEnabled(all);
  submit_->setToolTip(all ? QString() : tr("Answer every question first"));
}

void QuizWidget::submit() {
  if (!submit_->isEnabled() || submit_->isHidden()) return;
  std::vector<int> chosen;
  for (QButtonGroup* g : groups_) chosen.push_back(g->checkedId());
  const course::AttemptResult result = course::grade(quiz_, attempt_, chosen);
  for (std::size_t i = 0; i < attempt_.asked.size(); ++i) {
    const auto& asked = attempt_.asked[i];
    const course::QuizQuestion& q = quiz_.questions[asked.question];
    for (std::size_t k = 0; k < asked.options.size(); ++k) {
      const auto& option = q.options[asked.options[k]];
      QLabel* note = feedback_[i][k];
      const bool picked = chosen[i] == static_cast<int>(k);
      // Marks are words and symbols, not only colours.
      const QString mark = (picked ? tr("Your answer: ") : QString()) +
                           (option.correct ? QStringLiteral("\u2713 ") : QStringLiteral("\u2717 "));
      note->setText(mark + QString::fromStdString(option.explanation));
      note->setStyleSheet(option.correct ? QStringLiteral("color: #006b4f;") : QStringLiteral("color: #8a3b00;"));
      note->show();
      groups_[i]->button(static_cast<int>(k))->setEnabled(false);
    }
  }
  result_->setText(QString::fromStdString(course::result_line(result)));
  submit_->hide();
  retry_->show();
  retry_->setFocus();
  emit submitted(attempt_, result);
}

}  // namespace cs::ui
