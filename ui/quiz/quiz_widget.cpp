#include "quiz/quiz_widget.h"

#include <QButtonGroup>
#include <QEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLayout>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>
#include <algorithm>
#include "course/quiz_mix.h"
#include "progress/results_privacy.h"

namespace cs::ui {

namespace {

QLabel* wrapped_label(const QString& text, QWidget* parent) {
  auto* label = new QLabel(text, parent);
  label->setWordWrap(true);
  label->setTextFormat(Qt::PlainText);
  return label;
}

// Lays its widgets out left to right and starts a new line when the next one does not fit, so a
// row of buttons never makes the lesson column wider than the pane. A wrapping label takes what
// is left of its line (and wraps inside it) when that is wide enough for a few words.
class FlowLayout : public QLayout {
 public:
  FlowLayout() { setContentsMargins(0, 0, 0, 0); }
  ~FlowLayout() override {
    while (QLayoutItem* item = FlowLayout::takeAt(0)) delete item;
  }
  FlowLayout(const FlowLayout&) = delete;
  FlowLayout& operator=(const FlowLayout&) = delete;

  void addItem(QLayoutItem* item) override { items_.push_back(item); }
  int count() const override { return static_cast<int>(items_.size()); }
  QLayoutItem* itemAt(int index) const override {
    return index >= 0 && index < count() ? items_[static_cast<std::size_t>(index)] : nullptr;
  }
  QLayoutItem* takeAt(int index) override {
    if (index < 0 || index >= count()) return nullptr;
    QLayoutItem* item = items_[static_cast<std::size_t>(index)];
    items_.erase(items_.begin() + index);
    return item;
  }
  Qt::Orientations expandingDirections() const override { return {}; }
  bool hasHeightForWidth() const override { return true; }
  int heightForWidth(int width) const override { return arrange(QRect(0, 0, width, 0), false); }
  QSize sizeHint() const override {
    // Everything on one line.
    int width = 0;
    int height = 0;
    for (QLayoutItem* item : items_) {
      if (item->isEmpty()) continue;
      if (width > 0) width += gap();
      width += item->sizeHint().width();
      height = std::max(height, item->sizeHint().height());
    }
    return QSize(width, height).grownBy(contentsMargins());
  }
  QSize minimumSize() const override {
    // One item a line: as narrow as the widest item.
    QSize size;
    for (QLayoutItem* item : items_) {
      if (!item->isEmpty()) size = size.expandedTo(item->minimumSize());
    }
    return size.grownBy(contentsMargins());
  }
  void setGeometry(const QRect& rect) override {
    QLayout::setGeometry(rect);
    arrange(rect, true);
  }

 private:
  int gap() const { return spacing() >= 0 ? spacing() : 6; }

  // Places the items in `rect` (when `apply`) and returns the height they need.
  int arrange(const QRect& rect, bool apply) const {
    const QRect area = rect.marginsRemoved(contentsMargins());
    const int right = area.x() + std::max(area.width(), 1);
    struct Placed {
      QLayoutItem* item;
      QRect geometry;
    };
    std::vector<Placed> line;
    int x = area.x();
    int y = area.y();
    int line_height = 0;
    auto finish_line = [&] {
      // Items of one line are centred on it: a button beside a two-line note.
      if (apply) {
        for (const Placed& p : line) {
          p.item->setGeometry(p.geometry.translated(0, (line_height - p.geometry.height()) / 2));
        }
      }
      line.clear();
      y += line_height + gap();
      x = area.x();
      line_height = 0;
    };
    for (QLayoutItem* item : items_) {
      if (item->isEmpty()) continue;
      const QSize hint = item->sizeHint();
      int wanted = hint.width();
      if (item->hasHeightForWidth()) {
        // A wrapping label may go narrower than its one-line width, down to a few words.
        const QWidget* widget = item->widget();
        const int few_words = widget ? widget->fontMetrics().averageCharWidth() * 18 : 120;
        wanted = std::min(hint.width(), std::max(few_words, item->minimumSize().width()));
      }
      if (!line.empty() && x + wanted > right) finish_line();
      const int width = item->hasHeightForWidth() ? std::max(1, std::min(hint.width(), right - x))
                                                  : std::min(hint.width(), right - x);
      const int height = item->hasHeightForWidth() ? item->heightForWidth(width) : hint.height();
      line.push_back({item, QRect(x, y, width, height)});
      line_height = std::max(line_height, height);
      x += width + gap();
    }
    if (!line.empty()) finish_line();
    const int used = y - gap() - area.y();
    return std::max(used, 0) + contentsMargins().top() + contentsMargins().bottom();
  }

  std::vector<QLayoutItem*> items_;
};

}  // namespace

// The heading and the verdict are larger than the questions, relative to the quiz's own font, so
// that they grow with it (text zoom, projector mode).
void QuizWidget::fitHeadingFonts() {
  QFont big = font();
  big.setPointSizeF(big.pointSizeF() * 1.5);
  big.setBold(true);
  heading_->setFont(big);
  QFont bold = font();
  bold.setBold(true);
  bold.setPointSizeF(bold.pointSizeF() * 1.2);
  result_->setFont(bold);
}

void QuizWidget::changeEvent(QEvent* event) {
  QWidget::changeEvent(event);
  if (event->type() == QEvent::FontChange && heading_ && result_) fitHeadingFonts();
}

QuizWidget::QuizWidget(QWidget* parent) : QWidget(parent) {
  setObjectName("quiz");
  layout_ = new QVBoxLayout(this);
  layout_->setContentsMargins(18, 8, 18, 24);
  heading_ = wrapped_label({}, this);
  heading_->setObjectName("quizHeading");
  intro_ = wrapped_label({}, this);
  intro_->setObjectName("quizIntro");
  questions_ = new QWidget(this);
  questions_layout_ = new QVBoxLayout(questions_);
  questions_layout_->setContentsMargins(0, 0, 0, 0);
  submit_ = new QPushButton(tr("Submit answers"), this);
  submit_->setObjectName("quizSubmit");
  submit_->setAccessibleName(tr("Submit quiz answers"));
  submit_reason_ = wrapped_label({}, this);
  submit_reason_->setObjectName("quizSubmitReason");
  retry_ = new QPushButton(tr("Try again with new questions"), this);
  retry_->setObjectName("quizRetry");
  next_lesson_ = new QPushButton(tr("Next lesson"), this);
  next_lesson_->setObjectName("quizNextLesson");
  next_lesson_->setAccessibleName(tr("Go to the next lesson"));
  next_lesson_->hide();
  completion_ = new QPushButton(tr("Course summary and certificate"), this);
  completion_->setObjectName("quizCompletion");
  completion_->setToolTip(tr("Your score in every lesson, with a PDF to keep"));
  completion_->hide();
  result_ = wrapped_label({}, this);
  result_->setObjectName("quizResult");
  fitHeadingFonts();
  result_->setAccessibleName(tr("Quiz result"));
  result_->hide();
  summary_ = wrapped_label({}, this);
  summary_->setTextFormat(Qt::MarkdownText);
  summary_->hide();
  // The outcome of an attempt comes first: verdict, what is open now, and what to do next.
  auto* outcome_buttons = new FlowLayout;
  outcome_buttons->addWidget(next_lesson_);
  outcome_buttons->addWidget(retry_);
  outcome_buttons->addWidget(completion_);
  auto* submit_row = new FlowLayout;
  submit_row->addWidget(submit_);
  submit_row->addWidget(submit_reason_);
  layout_->addWidget(heading_);
  layout_->addWidget(result_);
  layout_->addWidget(summary_);
  layout_->addLayout(outcome_buttons);
  layout_->addWidget(intro_);
  layout_->addWidget(questions_);
  layout_->addLayout(submit_row);
  layout_->addStretch(1);  // in a taller box (the review dialog) the quiz stays at the top
  connect(submit_, &QPushButton::clicked, this, &QuizWidget::submit);
  connect(retry_, &QPushButton::clicked, this, &QuizWidget::retryRequested);
  connect(next_lesson_, &QPushButton::clicked, this, &QuizWidget::nextLessonRequested);
  connect(completion_, &QPushButton::clicked, this, &QuizWidget::completionRequested);
  connect(ResultsPrivacy::instance(), &ResultsPrivacy::changed, this, &QuizWidget::showResults);
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
  result_->hide();
  verdict_.clear();
  passed_ = false;
  summary_->clear();
  summary_->hide();
  next_lesson_->hide();
  submit_reason_->hide();
}

void QuizWidget::start(const course::Quiz& bank, int lesson_number, const std::vector<std::string>& previous,
                       std::uint64_t seed) {
  startDrawn(course::draw_mixed_attempt(bank, lesson_number, previous, seed), Mode::LessonQuiz);
}

void QuizWidget::startDrawn(course::MixedAttempt drawn, Mode mode) {
  clear();
  mode_ = mode;
  quiz_ = std::move(drawn.quiz);
  attempt_ = std::move(drawn.attempt);
  moments_.clear();
  for (course::DrawnQuestion& d : drawn.drawn) {
    if (d.moment) moments_.emplace_back(d.question.id, std::move(*d.moment));
  }
  moment_buttons_.clear();
  switch (mode) {
    case Mode::LessonQuiz: heading_->setText(tr("Test your knowledge")); break;
    case Mode::FinalTest: heading_->setText(tr("Final test")); break;
    case Mode::Review: heading_->setText(tr("Review")); break;
  }
  updateIntro();
  intro_->show();
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
    // A question about a moment of a run offers that moment on the stage, once answered.
    QPushButton* moment_button = nullptr;
    for (const auto& [id, moment] : moments_) {
      if (id != q.id || !moments_enabled_) continue;
      moment_button = new QPushButton(tr("Show this moment on the stage"), box);
      moment_button->setObjectName(QStringLiteral("q%1moment").arg(i));
      moment_button->setToolTip(tr("Loads the run this question is about and stops it at %1 s")
                                    .arg(static_cast<double>(moment.at_us) / 1e6, 0, 'f', 1));
      moment_button->hide();
      box_layout->addWidget(moment_button, 0, Qt::AlignLeft);
      const course::StageMoment* m = &moment;
      connect(moment_button, &QPushButton::clicked, this, [this, m] { emit momentRequested(*m); });
    }
    moment_buttons_.push_back(moment_button);
    connect(group, &QButtonGroup::idClicked, this, &QuizWidget::updateSubmit);
    groups_.push_back(group);
    feedback_.push_back(notes);
    questions_layout_->addWidget(box);
    // Shown now, not when the event loop next runs (as a layout shows new children of a visible
    // widget): the pane measures the quiz right after a retry or a jump to it.
    box->show();
  }
  submit_->show();
  retry_->hide();
  completion_->setVisible(completion_available_);
  updateSubmit();
}

void QuizWidget::setCompletionAvailable(bool available) {
  completion_available_ = available;
  completion_->setVisible(available && !results_hidden());
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
  intro_->show();
  questions_->hide();
  submit_->hide();
  retry_->hide();
}

void QuizWidget::setSummary(const QString& text) {
  summary_->setText(text);
  summary_->setVisible(!text.isEmpty() && !results_hidden());
}

void QuizWidget::showResults() {
  const bool hidden = results_hidden();
  summary_->setVisible(!summary_->text().isEmpty() && !hidden);
  completion_->setVisible(completion_available_ && !hidden);
  if (verdict_.isEmpty()) return;  // not graded yet
  result_->setText(hidden ? ResultsPrivacy::hiddenText() : verdict_);
  for (const std::vector<QLabel*>& notes : feedback_) {
    for (QLabel* note : notes) note->setVisible(!hidden);
  }
  next_lesson_->setVisible(passed_ && has_next_lesson_ && !hidden);
}

void QuizWidget::setHasNextLesson(bool has_next) {
  has_next_lesson_ = has_next;
  if (!has_next) next_lesson_->hide();
  updateIntro();
}

void QuizWidget::updateIntro() {
  const int total = static_cast<int>(attempt_.asked.size());
  QString text;
  switch (mode_) {
    case Mode::LessonQuiz:
      // The last lesson's quiz opens nothing: passing it completes the course.
      text = has_next_lesson_
                 ? tr("Answer the %1 questions below. You need %2 of %1 correct to pass and open the next lesson.")
                 : tr("Answer the %1 questions below. You need %2 of %1 correct to pass and complete the course.");
      text = text.arg(total).arg(attempt_.pass);
      break;
    case Mode::FinalTest:
      text = tr("The final test covers the whole course. Answer all %1 questions, then submit: you need %2 of %1 "
                "(%3%) to pass and complete the course. Answers and explanations are shown after you submit.")
                 .arg(total)
                 .arg(attempt_.pass)
                 .arg(total > 0 ? (100 * attempt_.pass + total - 1) / total : 0);
      break;
    case Mode::Review:
      text =
          tr("You missed these questions before. A right answer brings a question back after a longer "
             "interval; a miss brings it back tomorrow.");
      break;
  }
  intro_->setText(text);
}

void QuizWidget::choose(int question, int option) {
  if (question < 0 || question >= static_cast<int>(groups_.size())) return;
  if (QAbstractButton* b = groups_[static_cast<std::size_t>(question)]->button(option)) b->setChecked(true);
  updateSubmit();
}

bool QuizWidget::submitEnabled() const { return !submit_->isHidden() && submit_->isEnabled(); }

QString QuizWidget::submitBlockedReason() const {
  return submit_reason_->isHidden() ? QString() : submit_reason_->text();
}

void QuizWidget::focusFirstControl() {
  if (!next_lesson_->isHidden()) {
    next_lesson_->setFocus(Qt::OtherFocusReason);
  } else if (!completion_->isHidden() && submit_->isHidden()) {
    completion_->setFocus(Qt::OtherFocusReason);
  } else if (!retry_->isHidden()) {
    retry_->setFocus(Qt::OtherFocusReason);
  } else if (!groups_.empty() && !groups_.front()->buttons().isEmpty()) {
    QAbstractButton* first = groups_.front()->checkedButton();
    if (!first) first = groups_.front()->buttons().front();
    first->setFocus(Qt::OtherFocusReason);
  }
}

void QuizWidget::updateSubmit() {
  const int total = static_cast<int>(groups_.size());
  const int answered = static_cast<int>(
      std::count_if(groups_.begin(), groups_.end(), [](QButtonGroup* g) { return g->checkedId() >= 0; }));
  const bool all = total > 0 && answered == total;
  submit_->setEnabled(all);
  // A greyed-out button says why, beside it and in its tooltip.
  const QString reason =
      all ? QString() : tr("Answer all %1 questions to submit (%2 answered)").arg(total).arg(answered);
  submit_->setToolTip(reason);
  submit_reason_->setText(reason);
  submit_reason_->setVisible(!all && !submit_->isHidden());
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
    if (QPushButton* b = moment_buttons_[i]) b->show();
  }
  // The core's result_line in words a translator can reach.
  const QString verdict = mode_ == Mode::Review ? tr("%1 of %2 right")
                          : result.passed       ? tr("%1 of %2 correct — passed")
                                                : tr("%1 of %2 correct — not passed yet");
  verdict_ = verdict.arg(result.correct).arg(result.total);
  passed_ = result.passed;
  result_->show();
  intro_->hide();  // "Answer the questions below" is done with
  submit_->hide();
  submit_reason_->hide();
  retry_->setVisible(mode_ != Mode::Review);
  showResults();  // the verdict, marks and Next lesson, unless results are hidden
  focusFirstControl();
  emit submitted(attempt_, result);
}

}  // namespace cs::ui
