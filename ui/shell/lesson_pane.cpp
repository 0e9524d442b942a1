#include "shell/lesson_pane.h"

#include <QAbstractTextDocumentLayout>
#include <QScrollBar>
#include <QVBoxLayout>

#include "quiz/quiz_widget.h"
#include "shell/lesson_view.h"

namespace cs::ui {

LessonPane::LessonPane(QWidget* parent) : QScrollArea(parent) {
  setObjectName("lessonPane");
  setWidgetResizable(true);
  setFrameShape(QFrame::NoFrame);
  auto* column = new QWidget(this);
  column->setObjectName("lessonColumn");
  auto* layout = new QVBoxLayout(column);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  view_ = new LessonView(column);
  quiz_ = new QuizWidget(column);
  layout->addWidget(view_);
  layout->addWidget(quiz_);
  layout->addStretch(1);
  setWidget(column);
  // The text does not scroll by itself: it is as tall as its content, and this pane scrolls.
  view_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  view_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  view_->setFrameShape(QFrame::NoFrame);
  connect(view_->document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, this,
          [this](const QSizeF& size) { view_->setFixedHeight(static_cast<int>(size.height()) + 4); });
  connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &LessonPane::scrolled);
}

void LessonPane::showLesson(const course::Lesson& lesson) {
  view_->showLesson(lesson);
  quiz_->show();
  verticalScrollBar()->setValue(0);
}

void LessonPane::showText(const QString& markdown) {
  view_->setMarkdown(markdown);
  quiz_->hide();
  verticalScrollBar()->setValue(0);
}

int LessonPane::scrollPosition() const { return verticalScrollBar()->value(); }

void LessonPane::setScrollPosition(int position) { verticalScrollBar()->setValue(position); }

}  // namespace cs::ui
