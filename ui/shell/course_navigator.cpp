#include "shell/course_navigator.h"

#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "progress/results_privacy.h"

namespace cs::ui {

namespace {

// Each lesson's words with its results and without them; showResults() picks one of the two.
enum Role { kText = Qt::UserRole + 1, kState, kPrivateText, kPrivateState, kTitle };

}  // namespace

CourseNavigator::CourseNavigator(QWidget* parent) : QWidget(parent) {
  setObjectName("courseNavigator");
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  auto* caption = new QLabel(tr("Lessons"), this);
  caption->setContentsMargins(8, 6, 8, 0);
  QFont f = caption->font();
  f.setBold(true);
  caption->setFont(f);
  list_ = new QListWidget(this);
  list_->setObjectName("lessonList");
  list_->setAccessibleName(tr("Lessons"));
  list_->setWordWrap(true);
  list_->setSpacing(2);
  caption->setBuddy(list_);
  bar_ = new QProgressBar(this);
  bar_->setObjectName("courseProgress");
  bar_->setAccessibleName(tr("Course progress"));
  bar_->setRange(0, 100);
  layout->addWidget(caption);
  layout->addWidget(list_, 1);
  layout->addWidget(bar_);
  hidden_note_ = new QLabel(ResultsPrivacy::hiddenText(), this);
  hidden_note_->setObjectName("resultsHiddenNote");
  hidden_note_->setContentsMargins(8, 2, 8, 4);
  hidden_note_->setToolTip(tr("View > Hide my results shows them again"));
  hidden_note_->hide();
  layout->addWidget(hidden_note_);
  review_ = new QPushButton(this);
  review_->setObjectName("reviewDue");
  review_->hide();
  layout->addWidget(review_);
  connect(review_, &QPushButton::clicked, this, &CourseNavigator::reviewRequested);
  setMinimumWidth(210);
  connect(list_, &QListWidget::currentRowChanged, this, [this](int row) {
    if (row >= 0) emit lessonChosen(row);
  });
  connect(ResultsPrivacy::instance(), &ResultsPrivacy::changed, this, &CourseNavigator::showResults);
}

void CourseNavigator::setCourse(const course::Course& course) {
  const QSignalBlocker block(list_);
  list_->clear();
  for (std::size_t i = 0; i < course.lessons.size(); ++i) {
    auto* item = new QListWidgetItem(list_);
    item->setData(Qt::UserRole, QString::fromStdString(course.lessons[i].id));
  }
  setProgress(course, {}, false);
}

void CourseNavigator::setProgress(const course::Course& course, const course::Progress& progress, bool teacher_mode) {
  const auto states = course::lesson_states(course, progress, teacher_mode);
  for (int i = 0; i < list_->count() && i < static_cast<int>(states.size()); ++i) {
    const auto& lesson = course.lessons[static_cast<std::size_t>(i)];
    const QString title = tr("%1. %2").arg(i + 1).arg(QString::fromStdString(lesson.title));
    QString text;
    QString state;
    QString private_text = title;  // while results are hidden: no "passed", scores or challenges
    QString private_state = tr("open");
    switch (states[static_cast<std::size_t>(i)]) {
      case course::LessonState::Locked:
        text = title + tr(" (locked)");
        state = tr("locked: pass the previous lesson's quiz to open it");
        private_text = text;
        private_state = state;
        break;
      case course::LessonState::Open:
        text = title;
        state = tr("open");
        break;
      case course::LessonState::Passed: {
        const auto& lp = progress.lessons.at(lesson.id);
        text = QStringLiteral("\u2713 ") + title + tr(" (best %1/%2)").arg(lp.best_correct).arg(lp.best_total);
        state = tr("passed, best score %1 of %2").arg(lp.best_correct).arg(lp.best_total);
        break;
      }
    }
    const bool locked = states[static_cast<std::size_t>(i)] == course::LessonState::Locked;
    if (!locked && i < challenge_counts_.size() && challenge_counts_[i] > 0) {
      const auto it = progress.lessons.find(lesson.id);
      const int met = it == progress.lessons.end() ? 0 : static_cast<int>(it->second.challenges.size());
      const QString challenges = tr("challenges %1/%2").arg(met).arg(challenge_counts_[i]);
      text += QStringLiteral(" · ") + challenges;
      state += QStringLiteral("; ") + challenges;
    }
    QListWidgetItem* item = list_->item(i);
    item->setData(kText, text);
    item->setData(kState, state);
    item->setData(kPrivateText, private_text);
    item->setData(kPrivateState, private_state);
    item->setData(kTitle, title);
    // Locked lessons are dimmed, halfway from the text colour to the background, which keeps about
    // 4.5:1 in light and dark schemes (re-applied when the scheme changes); "(locked)" says it too.
    // The others use the list's own text colour, which follows the palette by itself.
    const QColor ink = list_->palette().color(QPalette::Text);
    const QColor base = list_->palette().color(QPalette::Base);
    const auto mix = [](int a, int b) { return (a * 55 + b * 45) / 100; };
    const QColor dimmed(mix(ink.red(), base.red()), mix(ink.green(), base.green()), mix(ink.blue(), base.blue()));
    item->setForeground(states[static_cast<std::size_t>(i)] == course::LessonState::Locked ? QBrush(dimmed) : QBrush());
  }
  const double fraction = course::course_fraction(course, progress);
  bar_->setValue(static_cast<int>(std::lround(fraction * 100)));
  int passed = 0;
  for (auto s : states) passed += s == course::LessonState::Passed ? 1 : 0;
  bar_->setFormat(tr("%1 of %2 lessons passed").arg(passed).arg(states.size()));
  showResults();
}

void CourseNavigator::showResults() {
  const bool hidden = results_hidden();
  for (int i = 0; i < list_->count(); ++i) {
    QListWidgetItem* item = list_->item(i);
    if (!item->data(kTitle).isValid()) continue;  // no progress shown yet
    const QString state = item->data(hidden ? kPrivateState : kState).toString();
    item->setText(item->data(hidden ? kPrivateText : kText).toString());
    item->setToolTip(state);
    item->setData(Qt::AccessibleTextRole, item->data(kTitle).toString() + QStringLiteral(", ") + state);
  }
  bar_->setVisible(!hidden);
  hidden_note_->setVisible(hidden);
  review_->setVisible(review_queued_ > 0 && !hidden);
}

void CourseNavigator::setReview(int due, int queued) {
  review_->setText(tr("Review: %1 due").arg(due));
  review_->setEnabled(due > 0);
  review_->setToolTip(due > 0 ? tr("Answer again the questions you missed that are due today")
                              : tr("Nothing is due today; missed questions come back after 1, 3, 7 and 21 days"));
  review_->setAccessibleName(tr("Questions due for review: %1").arg(due));
  review_queued_ = queued;
  review_->setVisible(queued > 0 && !results_hidden());
}

void CourseNavigator::setCurrent(int index) {
  const QSignalBlocker block(list_);
  list_->setCurrentRow(index);
}

QString CourseNavigator::itemText(int index) const {
  return list_->item(index) ? list_->item(index)->text() : QString();
}

void CourseNavigator::setVisibleLessons(const QVector<int>& lessons) {
  for (int i = 0; i < list_->count(); ++i) list_->item(i)->setHidden(!lessons.isEmpty() && !lessons.contains(i));
}

int CourseNavigator::nextListedLesson(int index) const {
  for (int i = std::max(index + 1, 0); i < list_->count(); ++i) {
    if (!list_->item(i)->isHidden()) return i;
  }
  return -1;
}

int CourseNavigator::progressPercent() const { return bar_->value(); }

}  // namespace cs::ui
