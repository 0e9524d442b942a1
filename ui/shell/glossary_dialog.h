#pragma once
// The course's glossary in the window (course/glossary.h has the data and its rules):
// - GlossaryTerms finds the terms in a piece of text and says what each means, for the lesson
//   text's and the narration's hover definitions;
// - Help > Glossary (GlossaryDialog) lists every term with a search field: type to filter, Up and
//   Down to choose, Enter to read the definition. Each entry shows its definition, the lesson
//   that introduces it and, where one shows it, a button that opens its scenario on the stage;
// - install_glossary() reads the glossary from the course's folder, adds the menu entry and gives
//   the lesson view and the narration their definitions: the window makes that one call.
#include <QCoreApplication>
#include <QDialog>
#include <QPointer>
#include <QString>
#include <QVector>
#include <memory>
#include <optional>

#include "course/course.h"
#include "course/glossary.h"

class QLabel;
class QLineEdit;
class QListWidget;
class QMainWindow;
class QMenu;
class QPushButton;
class QTextBrowser;

namespace cs::ui {

class LessonView;
class NarrationPanel;
class RunController;

// The glossary with the course's lessons beside it (for "Introduced in lesson N: title").
class GlossaryTerms {
  Q_DECLARE_TR_FUNCTIONS(GlossaryTerms)

 public:
  GlossaryTerms(course::Glossary glossary, const course::Course& course);

  int size() const { return static_cast<int>(glossary_.terms.size()); }
  const course::GlossaryTerm& term(int index) const { return glossary_.terms[static_cast<std::size_t>(index)]; }
  // The term by its name (any case), or -1.
  int indexOf(const QString& name) const;

  // The terms a text uses, as ranges of its characters (UTF-16 positions, as QString counts them).
  struct Found {
    int begin = 0;
    int end = 0;  // one past the last character
    int term = 0;
  };
  QVector<Found> find(const QString& text) const;
  // The term a text uses at character `position` (term -1 where there is none), and its index.
  Found at(const QString& text, int position) const;
  int termAt(const QString& text, int position) const { return at(text, position).term; }

  // "Introduced in lesson 4: CAP, Consistency Models and Quorums"; empty if the lesson is unknown.
  QString lessonLine(int index) const;
  // The hover text for a term: its name, its definition and lessonLine(), as rich text.
  QString tooltip(int index) const;
  // The title of the term's scenario (its id if it cannot be read); empty if it has none.
  QString scenarioTitle(int index) const;

 private:
  course::Glossary glossary_;
  course::TermMatcher matcher_;
  QVector<QPair<int, QString>> lessons_;  // per term: the lesson's number (from 1) and title, or 0
};

class GlossaryDialog : public QDialog {
  Q_OBJECT

 public:
  explicit GlossaryDialog(std::shared_ptr<const GlossaryTerms> terms, QWidget* parent = nullptr);

  // The search text, as if typed into the search field.
  void setFilter(const QString& text);
  // The terms the list shows, in order.
  QStringList shownTerms() const;
  // Chooses a term in the list (clearing a search that hides it) and shows its definition.
  void showTerm(const QString& name);
  // The chosen term's entry as the definition pane shows it (plain text), and the term (-1: none).
  QString entryText() const;
  int currentTerm() const { return current_; }
  QPushButton* scenarioButton() const { return open_scenario_; }

 signals:
  // "Open the scenario" was pressed on a term's entry.
  void scenarioRequested(const QString& scenarioId);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void refill();
  void showCurrent();

  std::shared_ptr<const GlossaryTerms> terms_;
  QLineEdit* search_;
  QListWidget* list_;
  QTextBrowser* entry_;
  QPushButton* open_scenario_;
  int current_ = -1;
};

// What install_glossary() set up: the terms, the menu entry and the dialog it opens.
class GlossaryHelp : public QObject {
  Q_OBJECT

 public:
  GlossaryHelp(std::shared_ptr<const GlossaryTerms> terms, QString problem, QWidget* window);

  // Null when the course has no glossary or it could not be read (problem() says why).
  std::shared_ptr<const GlossaryTerms> terms() const { return terms_; }
  const QString& problem() const { return problem_; }
  // Opens (or raises) the dialog, on `term` if given.
  GlossaryDialog* showDialog(const QString& term = {});
  GlossaryDialog* dialog() const { return dialog_; }

 signals:
  void scenarioRequested(const QString& scenarioId);

 private:
  std::shared_ptr<const GlossaryTerms> terms_;
  QString problem_;
  QWidget* window_;
  QPointer<GlossaryDialog> dialog_;
};

// Reads the glossary of the course in `source` (glossary.json beside course.json: the compiled-in
// lessons or a --lessons-dir folder), adds "Glossary" to the window's Help menu (the menu that holds
// the "Keyboard and mouse" action; the last menu of the menu bar if there is none), gives `lesson`
// and `narration` (either may be null) their hover definitions, and loads a term's scenario into
// `run` when the dialog asks for it. A course without a glossary, or with one that cannot be read,
// keeps the menu entry, which then says why.
GlossaryHelp* install_glossary(QMainWindow* window, const course::ContentSource& source, const course::Course& course,
                               LessonView* lesson, NarrationPanel* narration, RunController* run);

}  // namespace cs::ui
