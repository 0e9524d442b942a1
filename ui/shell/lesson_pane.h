#pragma once
// The middle pane: the lesson text with its quiz right below it, in one scrolling column, so the
// quiz reads as the end of the lesson.
#include <QScrollArea>

#include "course/course.h"

namespace cs::ui {

class LessonView;
class QuizWidget;

class LessonPane : public QScrollArea {
  Q_OBJECT

 public:
  explicit LessonPane(QWidget* parent = nullptr);

  LessonView* view() const { return view_; }
  QuizWidget* quiz() const { return quiz_; }

  void showLesson(const course::Lesson& lesson);
  void showText(const QString& markdown);  // an error or a locked lesson; hides the quiz
  int scrollPosition() const;
  // Lays the column out again (after the text's font changed).
  void refit() { fitColumn(); }
  void setScrollPosition(int position);

 signals:
  void scrolled(int position);

 protected:
  void resizeEvent(QResizeEvent* event) override;

 private:
  void fitColumn();

  LessonView* view_;
  QuizWidget* quiz_;
};

}  // namespace cs::ui
