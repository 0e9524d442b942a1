#include "progress/progress_files.h"

#include <QFileDialog>
#include <QMessageBox>

#include "progress/course_session.h"
#include "shell/notice_bar.h"

namespace cs::ui {

ProgressFiles::ProgressFiles(CourseSession* session, NoticeBar* notice, QWidget* dialog_parent)
    : QObject(dialog_parent), session_(session), notice_(notice), parent_(dialog_parent) {}

void ProgressFiles::exportProgress() {
  if (!session_) return;
  const QString file = QFileDialog::getSaveFileName(
      parent_, tr("Export progress"), QStringLiteral("clusterscope-progress.json"), tr("Progress files (*.json)"));
  if (file.isEmpty()) return;
  QString error;
  if (session_->store().exportTo(file, &error)) {
    emit status(tr("Progress exported to %1").arg(file));
  } else {
    QMessageBox::warning(parent_, tr("Export progress"), error);
  }
}

void ProgressFiles::importProgress() {
  if (!session_) return;
  const QString file = QFileDialog::getOpenFileName(parent_, tr("Import progress"), {}, tr("Progress files (*.json)"));
  if (file.isEmpty()) return;
  if (QMessageBox::question(parent_, tr("Import progress"),
                            tr("Replace your current progress with the progress in %1?").arg(file)) !=
      QMessageBox::Yes) {
    return;
  }
  QString error;
  if (!session_->store().importFrom(file, &error)) {
    QMessageBox::warning(parent_, tr("Import progress"), error);
    return;
  }
  emit session_->progressChanged();
  emit replaced(false);
  emit status(tr("Progress imported from %1").arg(file));
}

void ProgressFiles::resetProgress() {
  if (!session_) return;
  if (QMessageBox::question(parent_, tr("Reset progress"),
                            tr("Forget every quiz result and lock all lessons but the first? "
                               "The previous progress stays in the backup file until the next save.")) !=
      QMessageBox::Yes) {
    return;
  }
  QString error;
  if (!session_->store().reset(&error)) notice_->showNotice(error);
  emit session_->progressChanged();
  emit replaced(true);
}

}  // namespace cs::ui
