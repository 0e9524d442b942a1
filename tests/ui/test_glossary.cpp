// The glossary in the window: Help > Glossary lists the terms with a search field that works from
// the keyboard; terms in the lesson text and in the narration show their definition on hover, and
// the first use of each term in a lesson is a link that Tab reaches; the glossary comes with the
// compiled-in lessons and with a --lessons-dir folder.
#include <QAction>
#include <QFile>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QToolTip>
#include <QtQml/QQmlExtensionPlugin>
#include <QtTest>

#include "window_test_support.h"

#include "content/qt_content_source.h"
#include "lessons_dir.h"
#include "run/run_controller.h"
#include "shell/glossary_dialog.h"
#include "shell/lesson_pane.h"
#include "shell/lesson_view.h"
#include "shell/main_window.h"
#include "shell/narration_panel.h"
#include "stage/stage_controller.h"

Q_IMPORT_QML_PLUGIN(ClusterScopePlugin)

using cs::ui::GlossaryTerms;

namespace {

const cs::course::Course& course() {
  static const cs::course::Course c = cs::course::load_course(cs::course::DirectorySource(test::kLessonsDir));
  return c;
}

std::shared_ptr<const GlossaryTerms> terms() {
  static const auto t = std::make_shared<const GlossaryTerms>(
      *cs::course::read_glossary(cs::course::DirectorySource(test::kLessonsDir)), course());
  return t;
}

QString definition(const QString& name) {
  const int index = terms()->indexOf(name);
  return index < 0 ? QString() : QString::fromStdString(terms()->term(index).definition);
}

bool in_plain_text(const cs::ui::LessonView& view, int position) {
  QTextCursor c(view.document());
  c.setPosition(position + 1);
  const QTextCharFormat f = c.charFormat();
  return !f.isAnchor() || f.anchorHref().startsWith("term:");
}

// Where the body text of the lesson view (no heading, no code, no link) first uses a term.
int first_use_of_term(const cs::ui::LessonView& view, const QString& name) {
  const int index = terms()->indexOf(name);
  for (QTextBlock b = view.document()->begin(); b.isValid(); b = b.next()) {
    if (b.blockFormat().headingLevel() > 0 || b.blockFormat().nonBreakableLines()) continue;
    for (const GlossaryTerms::Found& f : terms()->find(b.text())) {
      if (f.term == index && in_plain_text(view, b.position() + f.begin)) return b.position() + f.begin;
    }
  }
  return -1;
}

// Where the body text first uses a plain word.
int first_use_of_word(const cs::ui::LessonView& view, const QString& word) {
  const QRegularExpression pattern(QStringLiteral("\\b%1\\b").arg(word));
  for (QTextBlock b = view.document()->begin(); b.isValid(); b = b.next()) {
    if (b.blockFormat().headingLevel() > 0 || b.blockFormat().nonBreakableLines()) continue;
    const auto m = pattern.match(b.text());
    if (m.hasMatch() && in_plain_text(view, b.position() + static_cast<int>(m.capturedStart())))
      return b.position() + static_cast<int>(m.capturedStart());
  }
  return -1;
}

// Scrolls the view to `position` and returns the middle of the character there, in the viewport.
QPoint point_at(cs::ui::LessonView& view, int position) {
  QTextCursor c(view.document());
  c.setPosition(position);
  view.setTextCursor(c);
  view.ensureCursorVisible();
  const QRect before = view.cursorRect(c);
  c.setPosition(position + 1);
  const QRect after = view.cursorRect(c);
  return QPoint((before.left() + after.left()) / 2, before.center().y());
}

}  // namespace

class TestGlossaryWindow : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { test::isolate_settings(); }

  void dialogFiltersBySearch() {
    cs::ui::GlossaryDialog dialog(terms());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* search = dialog.findChild<QLineEdit*>("glossarySearch");
    auto* list = dialog.findChild<QListWidget*>("glossaryList");
    QVERIFY(search && list);
    QCOMPARE(dialog.shownTerms().size(), terms()->size());
    QVERIFY(dialog.shownTerms().size() >= 60);
    QVERIFY(search->hasFocus());

    // Typing filters: names that start with the text first, then other forms, then definitions.
    QTest::keyClicks(search, "quor");
    const QStringList shown = dialog.shownTerms();
    QVERIFY2(shown.size() >= 4 && shown.size() < 20, qPrintable(shown.join(", ")));
    QCOMPARE(shown.first(), QString("quorum"));
    for (const QString& name : shown) {
      const auto& t = terms()->term(terms()->indexOf(name));
      QString all = QString::fromStdString(t.term + " " + t.definition);
      for (const auto& f : t.forms) all += " " + QString::fromStdString(f);
      QVERIFY2(all.contains("quor", Qt::CaseInsensitive), qPrintable(name));
    }
    QCOMPARE(dialog.currentTerm(), terms()->indexOf("quorum"));
    QVERIFY(dialog.entryText().contains(definition("quorum")));
    QVERIFY(dialog.entryText().contains("Introduced in lesson 4: CAP, Consistency Models and Quorums"));

    // Down chooses the next term without leaving the search field; Enter shows its definition.
    QTest::keyClick(search, Qt::Key_Down);
    QVERIFY(search->hasFocus());
    QCOMPARE(list->currentRow(), 1);
    QTest::keyClick(search, Qt::Key_Return);
    QVERIFY(dialog.isVisible());  // Enter does not close the dialog
    QCOMPARE(dialog.currentTerm(), terms()->indexOf(shown[1]));
    QVERIFY(dialog.entryText().contains(definition(shown[1])));
    QVERIFY(dialog.findChild<QWidget*>("glossaryEntry")->hasFocus());

    // A term with a scenario offers to open it.
    dialog.showTerm("split brain");
    QPushButton* open = dialog.scenarioButton();
    QVERIFY(open->isVisible());
    QVERIFY2(open->text().contains("A split brain with no fencing"), qPrintable(open->text()));
    QSignalSpy requested(&dialog, &cs::ui::GlossaryDialog::scenarioRequested);
    open->click();
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.front().front().toString(), QString("split-brain-unfenced"));

    // Nothing matches: the list is empty and the entry says so.
    dialog.setFilter("zzqx");
    QVERIFY(dialog.shownTerms().isEmpty());
    QVERIFY(dialog.entryText().contains("No term matches"));
    QVERIFY(!open->isVisible());
    dialog.setFilter({});
    QCOMPARE(dialog.shownTerms().size(), terms()->size());
  }

  void lessonTextDefinesTermsOnHover() {
    cs::ui::LessonView view;
    view.resize(900, 700);
    view.setGlossary(terms());
    view.showLesson(course().lessons[3]);  // 04-consistency
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    const int quorum = first_use_of_term(view, "quorum");
    QVERIFY(quorum >= 0);
    const QPoint at = point_at(view, quorum + 2);
    QRect area;
    QCOMPARE(view.termAt(at, &area), terms()->indexOf("quorum"));
    QVERIFY(area.contains(at));  // the tooltip goes when the pointer leaves the word
    const QString tip = view.termTipAt(at);
    QVERIFY2(tip.contains(definition("quorum").toHtmlEscaped()), qPrintable(tip));
    QVERIFY(tip.contains("Introduced in lesson 4"));
    // A real tooltip event shows the same text.
    QHelpEvent help(QEvent::ToolTip, at, view.viewport()->mapToGlobal(at));
    QCoreApplication::sendEvent(view.viewport(), &help);
    QTRY_COMPARE(QToolTip::text(), tip);
    QToolTip::hideText();
    // A word that is no term shows nothing.
    const int plain = first_use_of_word(view, "question");
    QVERIFY(plain >= 0);
    QVERIFY(view.termTipAt(point_at(view, plain + 2)).isEmpty());
  }

  void firstUseOfATermIsAKeyboardLink() {
    cs::ui::LessonView view;
    view.resize(900, 700);
    view.showLesson(course().lessons[4]);  // 05-failover, then the glossary
    view.setGlossary(terms());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QStringList linked;
    for (QTextBlock b = view.document()->begin(); b.isValid(); b = b.next()) {
      for (auto it = b.begin(); !it.atEnd(); ++it) {
        const QString href = it.fragment().charFormat().anchorHref();
        if (href.startsWith("term:") && !linked.contains(href)) linked << href;
      }
    }
    QVERIFY2(linked.size() > 20, qPrintable(linked.join(", ")));
    view.setGlossary(terms());  // set again: still one link per term
    int links = 0;
    for (QTextBlock b = view.document()->begin(); b.isValid(); b = b.next()) {
      for (auto it = b.begin(); !it.atEnd(); ++it) {
        if (it.fragment().charFormat().anchorHref() == linked.front()) ++links;
      }
    }
    QCOMPARE(links, 1);
    // Tab reaches the links in order; on a term's link its definition shows.
    view.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&view));
    view.setFocus();
    QString shown;
    for (int i = 0; i < 40 && shown.isEmpty(); ++i) {
      QTest::keyClick(&view, Qt::Key_Tab);
      QTextCursor first(view.document());
      first.setPosition(view.textCursor().selectionStart() + 1);
      if (first.charFormat().anchorHref().startsWith("term:")) shown = first.charFormat().anchorHref();
    }
    QVERIFY(!shown.isEmpty());
    QTRY_COMPARE(QToolTip::text(), terms()->tooltip(shown.mid(5).toInt()));
    QToolTip::hideText();
  }

  void theWindowGetsTheGlossary() {
    QTemporaryDir dir;
    // The compiled-in lessons carry the glossary.
    QVERIFY(QFile::exists(":/lessons/glossary.json"));
    cs::ui::MainWindow w(test::window_options(dir));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const cs::ui::QtContentSource builtin(cs::ui::QtContentSource::builtinRoot());
    // The window installs it (main_window.cpp), or else the test does, as the window would.
    auto* help = w.findChild<cs::ui::GlossaryHelp*>();
    if (!help)
      help = cs::ui::install_glossary(&w, builtin, w.course(), w.lessonPane()->view(), w.narration(),
                                      w.controller()->run());
    QVERIFY(help->terms());
    QCOMPARE(help->terms()->size(), terms()->size());
    // Help > Glossary, beside Keyboard and mouse.
    auto* action = w.findChild<QAction*>("glossaryAction");
    auto* keys = w.findChild<QAction*>("keyboardHelpAction");
    QVERIFY(action && keys);
    QMenu* menu = nullptr;
    for (QObject* o : keys->associatedObjects()) {
      if (auto* m = qobject_cast<QMenu*>(o)) menu = m;
    }
    QVERIFY(menu);
    const auto actions = menu->actions();
    QCOMPARE(actions.indexOf(action), actions.indexOf(keys) + 1);
    action->trigger();
    cs::ui::GlossaryDialog* dialog = help->dialog();
    QVERIFY(dialog && dialog->isVisible());
    // Opening a term's scenario loads it onto the stage.
    dialog->showTerm("fencing token");
    dialog->scenarioButton()->click();
    QCOMPARE(w.controller()->run()->scenario().id, std::string("split-brain-fenced"));
    dialog->close();

    // The narration defines the terms of its text on hover.
    cs::ui::NarrationPanel* narration = w.narration();
    cs::course::TryItStep step;
    step.text = "The leader sends heartbeats.";
    narration->setSteps("Terms", {step});
    QApplication::processEvents();
    QLabel* label = narration->textLabel();
    const QFontMetrics fm(label->font());
    const QPoint over_heartbeats(label->contentsRect().left() + fm.horizontalAdvance("The leader sends hea"),
                                 label->contentsRect().top() + fm.height() / 2);
    QVERIFY2(narration->termTipAt(over_heartbeats).contains(definition("heartbeat").toHtmlEscaped()),
             qPrintable(narration->termTipAt(over_heartbeats)));
    const QPoint over_the(label->contentsRect().left() + fm.horizontalAdvance("T"),
                          label->contentsRect().top() + fm.height() / 2);
    QVERIFY(narration->termTipAt(over_the).isEmpty());
    QRect area;
    QCOMPARE(narration->termAt(over_heartbeats, &area), terms()->indexOf("heartbeat"));
    QVERIFY(area.contains(over_heartbeats) && !area.contains(over_the));
    QHelpEvent hover(QEvent::ToolTip, over_heartbeats, label->mapToGlobal(over_heartbeats));
    QCoreApplication::sendEvent(label, &hover);
    QTRY_VERIFY(QToolTip::text().contains(definition("heartbeat").toHtmlEscaped()));
    QToolTip::hideText();
  }

  void aLessonsFolderBringsItsOwnGlossary() {
    QMainWindow window;
    window.menuBar()->addMenu("&Help");
    // A copy of the lessons (--lessons-dir) reads its glossary.json.
    const cs::ui::QtContentSource folder(QString::fromUtf8(test::kLessonsDir));
    auto* help = cs::ui::install_glossary(&window, folder, course(), nullptr, nullptr, nullptr);
    QVERIFY(help->terms());
    QCOMPARE(help->terms()->size(), terms()->size());
    // A folder without one keeps the menu entry, which says why.
    QTemporaryDir empty;
    QMainWindow other;
    other.menuBar()->addMenu("&Help");
    auto* none =
        cs::ui::install_glossary(&other, cs::ui::QtContentSource(empty.path()), course(), nullptr, nullptr, nullptr);
    QVERIFY(!none->terms());
    QVERIFY(none->problem().contains("no glossary"));
    QVERIFY(other.findChild<QAction*>("glossaryAction"));
    // One that is broken says what is wrong, with the file and the JSON path.
    QFile broken(empty.filePath("glossary.json"));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write(R"({"schemaVersion": 1, "terms": [{"term": 7}]})");
    broken.close();
    QMainWindow third;
    auto* bad =
        cs::ui::install_glossary(&third, cs::ui::QtContentSource(empty.path()), course(), nullptr, nullptr, nullptr);
    QVERIFY(!bad->terms());
    QVERIFY2(bad->problem().contains("glossary.json: /terms/0/term: expected a string"), qPrintable(bad->problem()));
  }
};

QTEST_MAIN(TestGlossaryWindow)
#include "test_glossary.moc"
