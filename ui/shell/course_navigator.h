#pragma once
// The list of lessons on the left of the window.
#include <QListWidget>

#include "course/course.h"

namespace cs::ui {

class CourseNavigator : public QListWidget {
  Q_OBJECT

 public:
  explicit CourseNavigator(QWidget* parent = nullptr);
  void setCourse(const course::Course& course);

 signals:
  void lessonChosen(int index);
};

}  // namespace cs::ui
