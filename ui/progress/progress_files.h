#pragma once
// File > Export, Import and Reset progress: the learner's progress file copied out, replaced from
// a copy (after asking), or reset (after asking; the backup keeps the old one until the next save).
// Errors are shown, never swallowed; the window is told when the progress it shows has changed.
#include <QObject>

class QWidget;

namespace cs::ui {

class CourseSession;
class NoticeBar;

class ProgressFiles : public QObject {
  Q_OBJECT

 public:
  // `session` may be null (no course loaded): every action then does nothing.
  ProgressFiles(CourseSession* session, NoticeBar* notice, QWidget* dialog_parent);
  void setSession(CourseSession* session) { session_ = session; }

 public slots:
  void exportProgress();
  void importProgress();
  void resetProgress();

 signals:
  void status(const QString& message);
  // The progress was replaced (`reset`: by a fresh one, so the course starts again).
  void replaced(bool reset);

 private:
  CourseSession* session_;
  NoticeBar* notice_;
  QWidget* parent_;
};

}  // namespace cs::ui
