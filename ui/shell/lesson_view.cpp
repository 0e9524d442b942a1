#include "shell/lesson_view.h"

#include <QDesktopServices>
#include <QScrollBar>

namespace cs::ui {

LessonView::LessonView(QWidget* parent) : QTextBrowser(parent) {
  setObjectName("lessonView");
  setAccessibleName(tr("Lesson text"));
  setOpenLinks(false);
  setOpenExternalLinks(false);
  document()->setDocumentMargin(18);
  // Links take the palette's link colour (set when the text is laid out), so that they stay
  // readable in a dark scheme too.
  QFont f = font();
  f.setPointSizeF(f.pointSizeF() * 1.1);
  setFont(f);
  connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
    if (url.scheme() == QLatin1String("tryit")) {
      emit tryItActivated(url.path());
    } else if (url.scheme() == QLatin1String("challenge")) {
      emit challengeActivated(url.path());
    } else if (url.scheme() == QLatin1String("https")) {
      QDesktopServices::openUrl(url);
    } else if (url.hasFragment()) {
      scrollToAnchor(url.fragment());
    }
  });
}

void LessonView::showLesson(const course::Lesson& lesson) {
  setMarkdown(QString::fromStdString(lesson.markdown));
  verticalScrollBar()->setValue(0);
}

void LessonView::showError(const QString& title, const QString& message) {
  setMarkdown(QStringLiteral("# %1\n\n%2\n").arg(title, message.toHtmlEscaped()));
}

}  // namespace cs::ui
