#pragma once
// The middle pane: the lesson text with its quiz right below it, in one scrolling column, so the
// quiz reads as the end of the lesson. A one-line outline above the column (it does not scroll
// away) jumps to any of the lesson's sections or to the quiz; beside it, "Hide hands-on"
// leaves the lesson's Hands-on sections out of the text (a remembered setting).
#include <QScrollArea>
#include <QStringList>
#include <optional>

#include "course/course.h"

class QCheckBox;
class QComboBox;
class QGridLayout;
class QPushButton;

namespace cs::ui {

class LessonView;
class QuizWidget;

class LessonPane : public QScrollArea {
  Q_OBJECT

 public:
  explicit LessonPane(QWidget* parent = nullptr);

  LessonView* view() const { return view_; }
  QuizWidget* quiz() const { return quiz_; }

  void showLesson(const course::Lesson& lesson);
  void showText(const QString& markdown);  // an error or a locked lesson; hides the quiz and the outline
  int scrollPosition() const;
  // Lays the column out again (after the text's font changed).
  void refit() { fitColumn(); }
  // Where the reader is, as a position in the text (the character at the top of the pane): unlike
  // a scroll offset it survives a change of font size (zoom, projector mode).
  int readingPosition() const;
  void scrollToReadingPosition(int position);
  void setScrollPosition(int position);

  // The lesson's sections (its "##" headings) in order, as the outline lists them.
  QStringList outlineHeadings() const;
  // Scrolls so that section `index` of outlineHeadings() is at the top.
  void scrollToHeading(int index);

  // Whether the lesson's Hands-on sections are left out of the text (each replaced by a one-line
  // note, and gone from the outline). Changing it keeps the reader at the same words and is
  // remembered in the setting kHideAdvancedKey.
  bool advancedHidden() const;
  void setAdvancedHidden(bool hidden);
  static constexpr const char* kHideAdvancedKey = "lesson/hideAdvanced";  // a setting

 public slots:
  // Scrolls so that the quiz starts at the top and gives it the keyboard focus (Ctrl+J).
  void scrollToQuiz();

 signals:
  void scrolled(int position);

 protected:
  void resizeEvent(QResizeEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void fitColumn();
  void settleLayout();
  void wrapCodeLines();
  void buildOutline();
  void placeOutlineBar();
  void showQuizTop();
  int headingPosition(int block_number) const;
  void trackSection(int position);
  void showAdvanced(bool hidden);
  void renderLesson();

  LessonView* view_;
  QuizWidget* quiz_;
  QWidget* outline_bar_;
  QGridLayout* bar_layout_;
  QComboBox* outline_;
  QPushButton* jump_to_quiz_;
  QCheckBox* hide_advanced_;
  std::vector<int> heading_blocks_;       // the document's block number of each outline heading
  std::optional<course::Lesson> lesson_;  // the lesson shown (none for showText)
};

}  // namespace cs::ui
