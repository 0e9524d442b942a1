#pragma once
// The lesson text, rendered from Markdown by Qt. "Try it" links (tryit:ID) and challenge links
// (challenge:ID) are reported, not
// followed; https links open in the system browser. The lesson's Hands-on sections (configuration
// walk-throughs, course/core_path.h) can be left out, each replaced by a one-line note.
//
// Figures (![alt](figures/NAME.svg), drawn from simulation runs: export/lesson_figures.h) are
// recoloured to the palette in use and rendered at the pixels they are shown at, again whenever
// the palette, the text's size (zoom, projector mode), the column's width or the screen changes,
// so they follow the light, dark and projector schemes and stay sharp. Each figure's alt text is
// also shown as its caption, so that it reaches screen readers (which read the text, not images),
// and each figure is a link that shows it larger in a window of its own.
//
// The course's glossary terms (shell/glossary_dialog.h) show their definition: hovering over one
// shows it, and the first use of each term in the lesson is also a link (dotted underline) that Tab
// reaches, which shows the definition when it has the keyboard focus and when it is activated.
#include <QHash>
#include <QStringList>
#include <QTextBrowser>
#include <memory>
#include <vector>

#include "course/course.h"

namespace cs::ui {

class GlossaryTerms;

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

  // The caption shown under a figure for its alt text.
  static QString figureCaption(const QString& alt);
  // The lesson's figures (their paths as the Markdown names them), and the size one is shown at.
  QStringList figureNames() const { return figures_.keys(); }
  QSizeF figureSize(const QString& name) const;
  // Draws the figures again for the palette, type size and width in use now.
  void refreshFigures();
  // Opens a window with the figure as large as the window allows (a click on it, or Enter on its
  // link).
  void showFigure(const QString& name);

  // The glossary whose terms the text defines (null: none). Applies to the text shown now too.
  void setGlossary(std::shared_ptr<const GlossaryTerms> glossary);
  // The glossary term at a point of the viewport (its index, or -1; `area`, if given, receives
  // where the term stands in the viewport), and the text hovering there shows (empty where there
  // is no term).
  int termAt(const QPoint& viewport_pos, QRect* area = nullptr) const;
  QString termTipAt(const QPoint& viewport_pos) const;
  // Shows a term's definition beside a rectangle of the viewport, as hovering does.
  void showTermTip(int term, const QRect& viewport_rect);

 signals:
  void tryItActivated(const QString& tryItId);
  void challengeActivated(const QString& challengeId);
  // A lab:ID link: the live lab's experiment ID, on real engines.
  void labActivated(const QString& experimentId);

 protected:
  QVariant loadResource(int type, const QUrl& name) override;
  void changeEvent(QEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  bool viewportEvent(QEvent* event) override;
  bool focusNextPrevChild(bool next) override;

 private:
  void mapHandsOnBlocks();
  QImage figureImage(const QString& name) const;
  QString renderedFor() const;
  void linkFigures();
  void fitTables();
  // Makes the first use of each glossary term in the text a "term:INDEX" link.
  void linkTerms();

  QStringList hands_on_headings_;
  std::vector<int> block_sections_;  // by block number: handsOnSection()
  bool hands_on_hidden_ = false;
  QHash<QString, QByteArray> figures_;  // the lesson's SVG figures by the path its Markdown uses
  QString rendered_for_;                // what the figures were last drawn for (renderedFor())
  std::shared_ptr<const GlossaryTerms> glossary_;
};

}  // namespace cs::ui
