#include "shell/lesson_pane.h"

#include <QAbstractTextDocumentLayout>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLayout>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QTextBlock>
#include <QTextCursor>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "quiz/quiz_widget.h"
#include "shell/lesson_view.h"

namespace cs::ui {

namespace {
constexpr int kQuizEntry = -1;    // the outline entry's data for "Quiz"; sections have their index
constexpr int kSectionSlack = 4;  // a heading this close below the top still counts as reached
}  // namespace

LessonPane::LessonPane(QWidget* parent) : QScrollArea(parent) {
  setObjectName("lessonPane");
  // This pane sizes the column itself (fitColumn): QScrollArea's own resizing asks for
  // height-for-width answers that the column's children have not all updated yet, and then lays
  // the quiz out over the end of the text.
  setWidgetResizable(false);
  setFrameShape(QFrame::NoFrame);
  // The column always fits the pane's width; text wraps instead of scrolling sideways.
  setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  // Lessons are long; a scroll bar that never comes and goes keeps the column's width, and the
  // outline beside it, steady.
  setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
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
  column->installEventFilter(this);
  // The text does not scroll by itself: it is as tall as its content, and this pane scrolls.
  view_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  view_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  view_->setFrameShape(QFrame::NoFrame);
  // A word longer than the pane is wide (a path, a long identifier) breaks rather than runs off
  // the right edge.
  view_->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);

  // The outline sits in the viewport's top margin, so it stays in place while the lesson scrolls.
  outline_bar_ = new QWidget(this);
  outline_bar_->setObjectName("lessonOutlineBar");
  outline_bar_->setAutoFillBackground(true);
  outline_bar_->setBackgroundRole(QPalette::Window);
  auto* bar_layout = new QHBoxLayout(outline_bar_);
  bar_layout->setContentsMargins(6, 4, 6, 4);
  outline_ = new QComboBox(outline_bar_);
  outline_->setObjectName("lessonOutline");
  outline_->setAccessibleName(tr("Lesson sections"));
  outline_->setPlaceholderText(tr("Jump to a section"));
  // Headings are long: the box shrinks with the pane (each entry's tooltip has the full heading).
  outline_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  outline_->setMinimumContentsLength(6);
  outline_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
  const QString shortcut = QKeySequence(Qt::CTRL | Qt::Key_J).toString(QKeySequence::NativeText);
  jump_to_quiz_ = new QPushButton(tr("Jump to quiz"), outline_bar_);
  jump_to_quiz_->setObjectName("jumpToQuiz");
  jump_to_quiz_->setToolTip(tr("Jump to the quiz at the end of this lesson (%1)").arg(shortcut));
  bar_layout->addWidget(outline_, 1);
  bar_layout->addWidget(jump_to_quiz_);
  auto* quiz_shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_J), this);
  quiz_shortcut->setContext(Qt::WidgetWithChildrenShortcut);
  outline_bar_->hide();

  connect(quiz_shortcut, &QShortcut::activated, this, &LessonPane::scrollToQuiz);
  connect(jump_to_quiz_, &QPushButton::clicked, this, &LessonPane::scrollToQuiz);
  connect(outline_, &QComboBox::activated, this, [this](int index) {
    const int section = outline_->itemData(index).toInt();
    if (section == kQuizEntry) {
      scrollToQuiz();
    } else {
      scrollToHeading(section);
    }
  });
  connect(view_->document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, this,
          [this] { fitColumn(); });
  connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &LessonPane::scrolled);
  connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &LessonPane::trackSection);
  // The verdict is at the top of the quiz, and Submit at its end: bring the verdict into view.
  connect(quiz_, &QuizWidget::submitted, this, &LessonPane::showQuizTop);
}

void LessonPane::fitColumn() {
  // The text is exactly as tall as its content at the pane's width, and the column is resized
  // here, at once, so the quiz is never laid out over text whose height just changed. Qt lays
  // documents out lazily: ask for the size explicitly.
  QWidget* column = widget();
  QLayout* layout = column->layout();
  const int width = viewport()->width();
  column->resize(width, column->height());
  layout->activate();
  view_->setFixedHeight(static_cast<int>(std::ceil(view_->document()->size().height())) + 4);
  layout->activate();
  // The quiz's wrapped labels are taller the narrower the column: ask for the height at this width.
  const int needed = std::max(layout->totalMinimumSize().height(),
                              layout->hasHeightForWidth() ? layout->totalHeightForWidth(width) : 0);
  column->resize(width, std::max(viewport()->height(), needed));
  trackSection(verticalScrollBar()->value());
}

void LessonPane::wrapCodeLines() {
  // Markdown code blocks keep their lines unbroken, which cuts them off on the right in a narrow
  // pane with no sideways scrolling: let them wrap like the prose around them.
  QTextCursor cursor(view_->document());
  for (QTextBlock block = view_->document()->begin(); block.isValid(); block = block.next()) {
    if (!block.blockFormat().nonBreakableLines()) continue;
    QTextBlockFormat format = block.blockFormat();
    format.setNonBreakableLines(false);
    cursor.setPosition(block.position());
    cursor.setBlockFormat(format);
  }
}

bool LessonPane::eventFilter(QObject* watched, QEvent* event) {
  // Something in the column changed size (the quiz grew its explanations, a summary appeared).
  if (watched == widget() && event->type() == QEvent::LayoutRequest) fitColumn();
  return QScrollArea::eventFilter(watched, event);
}

void LessonPane::placeOutlineBar() {
  const int height = outline_bar_->isHidden() ? 0 : outline_bar_->sizeHint().height();
  setViewportMargins(0, height, 0, 0);
  // The vertical scroll bar runs the full height, past the viewport's top margin: stop beside it.
  outline_bar_->setGeometry(0, 0, width() - verticalScrollBar()->sizeHint().width(), height);
}

void LessonPane::resizeEvent(QResizeEvent* event) {
  QScrollArea::resizeEvent(event);
  placeOutlineBar();
  fitColumn();
}

void LessonPane::buildOutline() {
  // The headings come from the laid-out document, not the Markdown source: a "## " line inside a
  // code block is no heading.
  heading_blocks_.clear();
  outline_->clear();
  for (QTextBlock block = view_->document()->begin(); block.isValid(); block = block.next()) {
    if (block.blockFormat().headingLevel() != 2) continue;
    const QString heading = block.text().trimmed();
    outline_->addItem(heading, static_cast<int>(heading_blocks_.size()));
    outline_->setItemData(outline_->count() - 1, heading, Qt::ToolTipRole);
    heading_blocks_.push_back(block.blockNumber());
  }
  outline_->addItem(tr("Quiz"), kQuizEntry);
  outline_->setItemData(outline_->count() - 1, tr("The quiz at the end of this lesson"), Qt::ToolTipRole);
  outline_->setCurrentIndex(-1);
}

void LessonPane::showLesson(const course::Lesson& lesson) {
  view_->showLesson(lesson);
  wrapCodeLines();
  buildOutline();
  outline_bar_->show();
  placeOutlineBar();
  quiz_->show();
  fitColumn();
  verticalScrollBar()->setValue(0);
  trackSection(0);
}

void LessonPane::showText(const QString& markdown) {
  view_->setMarkdown(markdown);
  wrapCodeLines();
  heading_blocks_.clear();
  outline_->clear();
  outline_bar_->hide();
  placeOutlineBar();
  quiz_->hide();
  fitColumn();
  verticalScrollBar()->setValue(0);
}

int LessonPane::scrollPosition() const { return verticalScrollBar()->value(); }

void LessonPane::setScrollPosition(int position) { verticalScrollBar()->setValue(position); }

QStringList LessonPane::outlineHeadings() const {
  QStringList headings;
  for (int i = 0; i < static_cast<int>(heading_blocks_.size()); ++i) headings << outline_->itemText(i);
  return headings;
}

int LessonPane::headingPosition(int block_number) const {
  const QTextBlock block = view_->document()->findBlockByNumber(block_number);
  const QRectF rect = view_->document()->documentLayout()->blockBoundingRect(block);
  return view_->y() + static_cast<int>(rect.top());
}

void LessonPane::scrollToHeading(int index) {
  if (index < 0 || index >= static_cast<int>(heading_blocks_.size())) return;
  settleLayout();
  verticalScrollBar()->setValue(headingPosition(heading_blocks_[static_cast<std::size_t>(index)]));
  // Near the end the pane may not scroll that far; the outline still names the chosen section.
  const QSignalBlocker block(outline_);
  outline_->setCurrentIndex(index);
}

void LessonPane::settleLayout() {
  // Lay out what changed just now (questions, explanations) before measuring where things are.
  QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
  fitColumn();
}

void LessonPane::showQuizTop() {
  if (quiz_->isHidden()) return;
  settleLayout();
  verticalScrollBar()->setValue(quiz_->y());
}

void LessonPane::scrollToQuiz() {
  if (quiz_->isHidden()) return;
  showQuizTop();
  quiz_->focusFirstControl();
  const QSignalBlocker block(outline_);
  outline_->setCurrentIndex(outline_->count() - 1);
}

void LessonPane::trackSection(int position) {
  // The outline names the section at the top of the pane, so it also says where the reader is.
  if (outline_bar_->isHidden()) return;
  int current = -1;
  for (int i = 0; i < static_cast<int>(heading_blocks_.size()); ++i) {
    if (headingPosition(heading_blocks_[static_cast<std::size_t>(i)]) <= position + kSectionSlack) current = i;
  }
  // (The quiz counts once it is laid out below the text.)
  if (!quiz_->isHidden() && quiz_->y() >= view_->geometry().bottom() && quiz_->y() <= position + kSectionSlack) {
    current = outline_->count() - 1;
  }
  const QSignalBlocker block(outline_);
  outline_->setCurrentIndex(current);
  outline_->setToolTip(current < 0 ? tr("Jump to a section of this lesson")
                                   : tr("%1\nJump to another section of this lesson").arg(outline_->itemText(current)));
}

int LessonPane::readingPosition() const {
  const int y = verticalScrollBar()->value() - view_->y();
  return view_->cursorForPosition(QPoint(view_->width() / 2, std::max(0, y))).position();
}

void LessonPane::scrollToReadingPosition(int position) {
  QTextCursor cursor(view_->document());
  cursor.setPosition(std::clamp(position, 0, view_->document()->characterCount() - 1));
  verticalScrollBar()->setValue(view_->y() + view_->cursorRect(cursor).top());
}

}  // namespace cs::ui
