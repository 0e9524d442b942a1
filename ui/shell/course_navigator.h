#pragma once
// The lessons on the left of the window, each marked locked, open or passed (with its best
// score), above an overall progress bar and the spaced review's "Review: N due" button. While
// results are hidden (progress/results_privacy.h) it shows the lessons without scores, challenges
// met or "passed", and "Results are hidden" instead of the progress bar and the review button.
#include <QVector>
#include <QWidget>

#include "course/course.h"
#include "course/progress.h"
#include "course/unlocking.h"

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace cs::ui {

class CourseNavigator : public QWidget {
  Q_OBJECT

 public:
  explicit CourseNavigator(QWidget* parent = nullptr);
  void setCourse(const course::Course& course);
  void setProgress(const course::Course& course, const course::Progress& progress, bool teacher_mode);
  void setCurrent(int index);
  // How many challenges each lesson has (in course order); the list shows how many are met.
  void setChallengeCounts(QVector<int> counts) { challenge_counts_ = std::move(counts); }
  QListWidget* list() const { return list_; }
  QString itemText(int index) const;
  int progressPercent() const;
  // Lists only these lessons (course indices), as an open class does (shell/class_session.h); an
  // empty list shows every lesson again.
  void setVisibleLessons(const QVector<int>& lessons);
  // The first lesson after `index` that the list shows (-1 if none): Next lesson goes there, so
  // that it never leaves an open class.
  int nextListedLesson(int index) const;
  // `due` questions are due for review today, of `queued` in the queue: the button says how many,
  // is greyed out with none due, and hidden while nothing is queued.
  void setReview(int due, int queued);
  QPushButton* reviewButton() const { return review_; }

 signals:
  void lessonChosen(int index);
  void reviewRequested();

 private:
  void showResults();  // shows or hides the results by the privacy switch

  QListWidget* list_;
  QVector<int> challenge_counts_;
  QProgressBar* bar_;
  QLabel* hidden_note_;
  QPushButton* review_;
  int review_queued_ = 0;
};

}  // namespace cs::ui
