#include "shell/lesson_pane.h"

#include <QAbstractTextDocumentLayout>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QGridLayout>
#include <QKeyEvent>
#include <QKeySequence>
#include <QLayout>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
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
  bar_layout_ = new QGridLayout(outline_bar_);
  bar_layout_->setContentsMargins(6, 4, 6, 4);
  bar_layout_->setColumnStretch(0, 1);
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
  // The Hands-on sections (configuration walk-throughs) are for readers who will run the systems;
  // a beginner can leave them out of the text.
  hide_advanced_ = new QCheckBox(tr("Hide hands-on"), outline_bar_);
  hide_advanced_->setObjectName("hideAdvanced");
  hide_advanced_->setToolTip(
      tr("Leave the optional Hands-on sections (configuration walk-throughs) out of the lesson text"));
  hide_advanced_->setChecked(QSettings().value(QLatin1String(kHideAdvancedKey), false).toBool());
  hide_advanced_->installEventFilter(this);
  bar_layout_->addWidget(outline_, 0, 0);
  bar_layout_->addWidget(jump_to_quiz_, 0, 1);
  bar_layout_->addWidget(hide_advanced_, 0, 2);
  auto* quiz_shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_J), this);
  quiz_shortcut->setContext(Qt::WidgetWithChildrenShortcut);
  outline_bar_->hide();

  connect(quiz_shortcut, &QShortcut::activated, this, &LessonPane::scrollToQuiz);
  connect(jump_to_quiz_, &QPushButton::clicked, this, &LessonPane::scrollToQuiz);
  connect(hide_advanced_, &QCheckBox::toggled, this, &LessonPane::showAdvanced);
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
  // Space toggles the check box while it has the focus; elsewhere in the window it plays and
  // pauses the run (a window shortcut, which would otherwise take the key first).
  if (watched == hide_advanced_ && event->type() == QEvent::ShortcutOverride) {
    const auto* key = static_cast<QKeyEvent*>(event);
    if (key->key() == Qt::Key_Space && key->modifiers() == Qt::NoModifier) {
      event->accept();
      return true;
    }
  }
  // Something in the column changed size (the quiz grew its explanations, a summary appeared).
  if (watched == widget() && event->type() == QEvent::LayoutRequest) fitColumn();
  return QScrollArea::eventFilter(watched, event);
}

void LessonPane::placeOutlineBar() {
  // One row when the outline (at its narrowest), the button and the check box fit side by side;
  // in a narrow pane, or with longer words (German), the check box takes a second row.
  const int width = this->width() - verticalScrollBar()->sizeHint().width();
  const QMargins margins = bar_layout_->contentsMargins();
  const int spacing = std::max(0, bar_layout_->horizontalSpacing());
  const int one_row = margins.left() + outline_->minimumSizeHint().width() + spacing +
                      jump_to_quiz_->sizeHint().width() + spacing + hide_advanced_->sizeHint().width() +
                      margins.right();
  const bool wrap = width < one_row;
  int row = 0, column = 0, row_span = 0, column_span = 0;
  bar_layout_->getItemPosition(bar_layout_->indexOf(hide_advanced_), &row, &column, &row_span, &column_span);
  if (wrap != (row == 1)) {
    bar_layout_->removeWidget(hide_advanced_);
    if (wrap) {
      bar_layout_->addWidget(hide_advanced_, 1, 0, 1, 2, Qt::AlignLeft);
    } else {
      bar_layout_->addWidget(hide_advanced_, 0, 2);
    }
  }
  const int height = outline_bar_->isHidden() ? 0 : bar_layout_->totalSizeHint().height();
  setViewportMargins(0, height, 0, 0);
  // The vertical scroll bar runs the full height, past the viewport's top margin: stop beside it.
  outline_bar_->setGeometry(0, 0, width, height);
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

void LessonPane::renderLesson() {
  view_->showLesson(*lesson_, hide_advanced_->isChecked());
  wrapCodeLines();
  buildOutline();
}

void LessonPane::showLesson(const course::Lesson& lesson) {
  lesson_ = lesson;
  renderLesson();
  outline_bar_->show();
  placeOutlineBar();
  quiz_->show();
  fitColumn();
  verticalScrollBar()->setValue(0);
  trackSection(0);
}

void LessonPane::showText(const QString& markdown) {
  lesson_.reset();
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

bool LessonPane::advancedHidden() const { return hide_advanced_->isChecked(); }

void LessonPane::setAdvancedHidden(bool hidden) { hide_advanced_->setChecked(hidden); }

void LessonPane::showAdvanced(bool hidden) {
  QSettings().setValue(QLatin1String(kHideAdvancedKey), hidden);
  if (!lesson_) return;
  // Where the reader is: in the quiz, or at a block of the text (and how far into it). A block
  // of a Hands-on section maps to its note when the section is hidden, and back to its heading.
  struct Place {
    int section = -1;    // the Hands-on section the block belongs to, or -1
    QString text;        // else the block's text ...
    int occurrence = 0;  // ... and how many blocks outside Hands-on sections had that text before it
    int offset = 0;      // pixels from the block's top to the top of the pane
  };
  settleLayout();
  QAbstractTextDocumentLayout* layout = view_->document()->documentLayout();
  const int scroll = verticalScrollBar()->value();
  const bool in_quiz = !quiz_->isHidden() && scroll > 0 && scroll >= quiz_->y();
  const int quiz_offset = scroll - quiz_->y();
  const int y = scroll - view_->y();
  // The top block: the first whose bottom is below the top of the pane.
  Place place;
  int top_block = 0;
  for (QTextBlock block = view_->document()->begin(); block.isValid(); block = block.next()) {
    const QRectF rect = layout->blockBoundingRect(block);
    top_block = block.blockNumber();
    if (rect.bottom() <= y && block.next().isValid()) continue;
    place.section = view_->handsOnSection(top_block);
    place.text = block.text();
    place.offset = place.section < 0 ? std::max(0, y - static_cast<int>(rect.top())) : 0;
    break;
  }
  for (QTextBlock block = view_->document()->begin(); block.isValid() && block.blockNumber() < top_block;
       block = block.next()) {
    if (view_->handsOnSection(block.blockNumber()) < 0 && block.text() == place.text) ++place.occurrence;
  }

  renderLesson();
  settleLayout();
  int target = 0;
  if (in_quiz) {
    target = quiz_->y() + quiz_offset;
  } else if (scroll > 0) {
    int seen = 0;
    for (QTextBlock block = view_->document()->begin(); block.isValid(); block = block.next()) {
      const int section = view_->handsOnSection(block.blockNumber());
      const bool match = place.section >= 0 ? section == place.section
                                            : section < 0 && block.text() == place.text && seen++ == place.occurrence;
      if (!match) continue;
      target = view_->y() + static_cast<int>(layout->blockBoundingRect(block).top()) + place.offset;
      break;
    }
  }
  verticalScrollBar()->setValue(target);
  trackSection(verticalScrollBar()->value());
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
