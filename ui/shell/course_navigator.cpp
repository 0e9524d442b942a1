#include "shell/course_navigator.h"

namespace cs::ui {

CourseNavigator::CourseNavigator(QWidget* parent) : QListWidget(parent) {
  setObjectName("courseNavigator");
  setAccessibleName(tr("Lessons"));
  setMinimumWidth(200);
  setWordWrap(true);
  setSpacing(2);
  connect(this, &QListWidget::currentRowChanged, this, [this](int row) {
    if (row >= 0) emit lessonChosen(row);
  });
}

void CourseNavigator::setCourse(const course::Course& course) {
  const QSignalBlocker block(this);
  clear();
  for (std::size_t i = 0; i < course.lessons.size(); ++i) {
    auto* item =
        new QListWidgetItem(tr("%1. %2").arg(i + 1).arg(QString::fromStdString(course.lessons[i].title)), this);
    item->setToolTip(QString::fromStdString(course.lessons[i].id));
  }
}

}  // namespace cs::ui
