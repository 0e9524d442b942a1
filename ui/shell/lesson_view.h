#pragma once
// The lesson text, rendered from Markdown by Qt. "Try it" links (tryit:ID) and challenge links
// (challenge:ID) are reported, not
// followed; https links open in the system browser.
#include <QTextBrowser>

#include "course/course.h"

namespace cs::ui {

class LessonView : public QTextBrowser {
  Q_OBJECT

 public:
  explicit LessonView(QWidget* parent = nullptr);
  void showLesson(const course::Lesson& lesson);
  void showError(const QString& title, const QString& message);

 signals:
  void tryItActivated(const QString& tryItId);
  void challengeActivated(const QString& challengeId);
};

}  // namespace cs::ui
