#include "shell/lesson_pane.h"

#include <QAbstractTextDocumentLayout>
#include <QLayout>
#include <QScrollBar>
#include <QVBoxLayout>
#include <cmath>

#include "quiz/quiz_widget.h"
#include "shell/lesson_view.h"

namespace cs::ui {

LessonPane::LessonPane(QWidget* parent) : QScrollArea(parent) {
  setObjectName("lessonPane");
  setWidgetResizable(true);
  setFrameShape(QFrame::NoFrame);
  // The column always fits the pane's width; text wraps instead of scrolling sideways.
  setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  auto* column = new QWidget(this);
  column->setObjectName("lessonColumn");
  auto* layout = new QVBoxLayout(column);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  view_ = new LessonView(column);
  view_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
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
          [this] { fitColumn(); });
  connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &LessonPane::scrolled);
}

void LessonPane::fitColumn() {
  // The text is exactly as tall as its content at the pane's width, and the column is resized
  // now rather than on QScrollArea's later layout request, so the quiz is never laid out over
  // text whose height just changed. Qt lays documents out lazily: ask for the size explicitly.
  QWidget* column = widget();
  column->resize(viewport()->width(), column->height());
  column->layout()->activate();
  view_->setFixedHeight(static_cast<int>(std::ceil(view_->document()->size().height())) + 4);
  column->layout()->activate();
  const int height = std::max(viewport()->height(), column->layout()->minimumSize().height());
  column->resize(viewport()->width(), height);
}

void LessonPane::resizeEvent(QResizeEvent* event) {
  QScrollArea::resizeEvent(event);
  fitColumn();
}

void LessonPane::showLesson(const course::Lesson& lesson) {
  view_->showLesson(lesson);
  quiz_->show();
  fitColumn();
  verticalScrollBar()->setValue(0);
}

void LessonPane::showText(const QString& markdown) {
  view_->setMarkdown(markdown);
  quiz_->hide();
  fitColumn();
  verticalScrollBar()->setValue(0);
}

int LessonPane::scrollPosition() const { return verticalScrollBar()->value(); }

void LessonPane::setScrollPosition(int position) { verticalScrollBar()->setValue(position); }

}  // namespace cs::ui
