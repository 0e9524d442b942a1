#pragma once
// The lesson text, rendered from Markdown by Qt. "Try it" links (tryit:ID) and challenge links
// (challenge:ID) are reported, not
// followed; https links open in the system browser. The lesson's Hands-on sections (configuration
// walk-throughs, course/core_path.h) can be left out, each replaced by a one-line note.
#include <QStringList>
#include <QTextBrowser>
#include <vector>

#include "course/course.h"

namespace cs::ui {

class LessonView : public QTextBrowser {
  Q_OBJECT

 public:
  explicit LessonView(QWidget* parent = nullptr);
  // With hide_hands_on, every Hands-on section is replaced by hiddenNote(its heading).
  void showLesson(const course::Lesson& lesson, bool hide_hands_on = false);
  void showError(const QString& title, const QString& message);

  // The one line that stands where a hidden Hands-on section was.
  static QString hiddenNote(const QString& heading);
  // The headings of the lesson's Hands-on sections, shown or hidden, in order.
  const QStringList& handsOnHeadings() const { return hands_on_headings_; }
  // Which Hands-on section a block of the document belongs to (its heading and text, or the note
  // standing for it): an index into handsOnHeadings(), or -1 for the rest of the lesson.
  int handsOnSection(int block_number) const;
  bool handsOnHidden() const { return hands_on_hidden_; }

 signals:
  void tryItActivated(const QString& tryItId);
  void challengeActivated(const QString& challengeId);

 private:
  void mapHandsOnBlocks();

  QStringList hands_on_headings_;
  std::vector<int> block_sections_;  // by block number: handsOnSection()
  bool hands_on_hidden_ = false;
};

}  // namespace cs::ui
