// A beginner's path through a lesson: "Hide hands-on" above the lesson text leaves the
// Hands-on sections (configuration walk-throughs) out, shows a one-line note in the place of each,
// drops them from the section list, keeps the reader at the same words, and is remembered. The
// check box sits beside "Jump to quiz" and fits the pane's top row, or takes a row of its own in
// a narrow pane.
#include <QAbstractTextDocumentLayout>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QtQml/QQmlExtensionPlugin>
#include <QtTest>

#include "window_test_support.h"

#include "course/core_path.h"
#include "quiz/quiz_widget.h"
#include "shell/classroom_modes.h"
#include "shell/lesson_pane.h"
#include "shell/lesson_view.h"
#include "shell/main_window.h"
#include "stage/stage_controller.h"

Q_IMPORT_QML_PLUGIN(ClusterScopePlugin)

namespace {

cs::ui::AppOptions teacher_options(const QTemporaryDir& dir, QSize size = {1280, 720}) {
  cs::ui::AppOptions o = test::window_options(dir, size);
  o.teacher = true;  // every lesson opens
  return o;
}

void show_window(cs::ui::MainWindow& w) {
  w.show();
  QVERIFY(QTest::qWaitForWindowExposed(&w));
  QApplication::processEvents();
}

QCheckBox* hide_control(cs::ui::LessonPane* pane) { return pane->findChild<QCheckBox*>("hideAdvanced"); }

// The lesson's Hands-on headings, from its Markdown.
QStringList hands_on_headings(const cs::course::Lesson& lesson) {
  QStringList out;
  for (const auto& s : cs::course::hands_on_sections(lesson.markdown)) out << QString::fromStdString(s.title);
  return out;
}

// Blocks of the document as (heading level, text).
QList<QPair<int, QString>> blocks(const cs::ui::LessonPane* pane) {
  QList<QPair<int, QString>> out;
  for (QTextBlock b = pane->view()->document()->begin(); b.isValid(); b = b.next())
    out.append({b.blockFormat().headingLevel(), b.text()});
  return out;
}

bool has_heading(const cs::ui::LessonPane* pane, const QString& text) {
  for (const auto& [level, block] : blocks(pane)) {
    if (level > 0 && block == text) return true;
  }
  return false;
}

int count_blocks(const cs::ui::LessonPane* pane, const QString& text) {
  int n = 0;
  for (const auto& [level, block] : blocks(pane)) n += block == text ? 1 : 0;
  return n;
}

// The text of the blocks inside the Hands-on sections, other than headings (the note names those),
// when long enough to be distinctive.
QStringList hands_on_text(const cs::ui::LessonPane* pane) {
  QStringList out;
  int number = 0;
  for (QTextBlock b = pane->view()->document()->begin(); b.isValid(); b = b.next(), ++number) {
    if (pane->view()->handsOnSection(number) >= 0 && b.blockFormat().headingLevel() == 0 && b.text().size() > 30)
      out << b.text();
  }
  return out;
}

// The targets of the "Try it" and challenge links in the text, in order.
QStringList experiment_links(const cs::ui::LessonPane* pane) {
  QStringList out;
  for (QTextBlock b = pane->view()->document()->begin(); b.isValid(); b = b.next()) {
    for (auto it = b.begin(); !it.atEnd(); ++it) {
      const QString href = it.fragment().charFormat().anchorHref();
      if ((href.startsWith("tryit:") || href.startsWith("challenge:")) && (out.isEmpty() || out.last() != href))
        out << href;
    }
  }
  return out;
}

// Where block `text` (the first one, or the note of a hidden section) starts, as a scroll position.
int block_top(const cs::ui::LessonPane* pane, const QString& text) {
  for (QTextBlock b = pane->view()->document()->begin(); b.isValid(); b = b.next()) {
    if (b.text() != text) continue;
    return pane->view()->mapTo(pane->widget(), QPoint(0, 0)).y() +
           static_cast<int>(pane->view()->document()->documentLayout()->blockBoundingRect(b).top());
  }
  return -1;
}

// The scroll position that puts `top` at the top of the pane, as far as the pane scrolls.
int reachable(const cs::ui::LessonPane* pane, int top) { return std::min(top, pane->verticalScrollBar()->maximum()); }

QRect in_bar(const QWidget* w, const QWidget* bar) { return {w->mapTo(bar, QPoint(0, 0)), w->size()}; }

}  // namespace

class TestHideAdvanced : public QObject {
  Q_OBJECT

 private slots:
  void init() { test::isolate_settings(); }

  void viewHideAdvancedDetailsHidesThemToo() {
    // The View menu's "Hide advanced details" (panels and node-menu items for a class) also
    // leaves the Hands-on sections out, and shows them again.
    QTemporaryDir dir;
    cs::ui::MainWindow w(teacher_options(dir));
    show_window(w);
    auto* action = w.findChild<QAction*>("hideAdvancedAction");
    QVERIFY(action);
    QVERIFY(!w.lessonPane()->advancedHidden());
    action->trigger();
    QVERIFY(w.lessonPane()->advancedHidden());
    QVERIFY(hide_control(w.lessonPane())->isChecked());
    action->trigger();
    QVERIFY(!w.lessonPane()->advancedHidden());
  }

  void handsOnSectionsHideAndComeBack() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(teacher_options(dir));
    show_window(w);
    auto* pane = w.lessonPane();
    auto* hide = hide_control(pane);
    QVERIFY(hide && hide->isVisible() && !hide->isChecked() && !pane->advancedHidden());
    QCOMPARE(hide->text(), QString("Hide hands-on"));
    int lessons_with_hands_on = 0;
    for (int lesson = 0; lesson < static_cast<int>(w.course().lessons.size()); ++lesson) {
      w.showLesson(lesson);
      QApplication::processEvents();
      const auto& l = w.course().lessons[static_cast<std::size_t>(lesson)];
      const QStringList headings = hands_on_headings(l);
      lessons_with_hands_on += headings.isEmpty() ? 0 : 1;
      const QString where = QString::fromStdString(l.id);
      const QStringList all_sections = pane->outlineHeadings();
      const QStringList hidden_text = hands_on_text(pane);
      const QStringList experiments = experiment_links(pane);
      QVERIFY(experiments.size() >= 2);
      for (const QString& h : headings) {
        QVERIFY2(has_heading(pane, h), qPrintable(where + ": " + h));
        QCOMPARE(count_blocks(pane, cs::ui::LessonView::hiddenNote(h)), 0);
      }
      if (!headings.isEmpty()) QVERIFY2(!hidden_text.isEmpty(), qPrintable(where));

      // Hidden: no Hands-on heading or text, a note in the place of each, and the outline without them.
      hide->click();
      QVERIFY(pane->advancedHidden());
      const QString plain = pane->view()->toPlainText();
      for (const QString& h : headings) {
        QVERIFY2(!has_heading(pane, h), qPrintable(where + ": " + h));
        QCOMPARE(count_blocks(pane, cs::ui::LessonView::hiddenNote(h)), 1);
        QVERIFY2(!pane->outlineHeadings().contains(h), qPrintable(where + ": " + h));
      }
      for (const QString& text : hidden_text) QVERIFY2(!plain.contains(text), qPrintable(where + ": " + text));
      QStringList expected = all_sections;
      for (const QString& h : headings) expected.removeAll(h);
      QCOMPARE(pane->outlineHeadings(), expected);
      auto* outline = pane->findChild<QComboBox*>("lessonOutline");
      QCOMPARE(outline->count(), expected.size() + 1);  // and "Quiz"
      // What is left is the lesson's core path: every Try it and challenge is still there.
      QCOMPARE(experiment_links(pane), experiments);

      // Shown again: everything is back.
      hide->click();
      QVERIFY(!pane->advancedHidden());
      for (const QString& h : headings) {
        QVERIFY2(has_heading(pane, h), qPrintable(where + ": " + h));
        QCOMPARE(count_blocks(pane, cs::ui::LessonView::hiddenNote(h)), 0);
      }
      QCOMPARE(pane->outlineHeadings(), all_sections);
      QCOMPARE(hands_on_text(pane), hidden_text);
    }
    QVERIFY(lessons_with_hands_on >= 5);
    // The note names the section and says why it is not shown.
    QCOMPARE(cs::ui::LessonView::hiddenNote("Hands-on: PostgreSQL streaming replication"),
             QString("Hands-on: PostgreSQL streaming replication — hidden (advanced details)"));
  }

  void theChoiceIsRememberedByTheNextWindowAndPane() {
    {
      QTemporaryDir dir;
      cs::ui::MainWindow w(teacher_options(dir));
      show_window(w);
      w.showLesson(1);
      hide_control(w.lessonPane())->click();
      QVERIFY(QSettings().value("lesson/hideAdvanced").toBool());
    }
    QTemporaryDir dir;
    cs::ui::MainWindow again(teacher_options(dir));
    show_window(again);
    again.showLesson(1);
    auto* pane = again.lessonPane();
    QVERIFY(pane->advancedHidden() && hide_control(pane)->isChecked());
    QCOMPARE(count_blocks(pane, cs::ui::LessonView::hiddenNote("Hands-on: PostgreSQL streaming replication")), 1);
    QVERIFY(!has_heading(pane, "Hands-on: PostgreSQL streaming replication"));

    // A pane on its own reads the same setting; turning it off is remembered too.
    cs::ui::LessonPane bare;
    QVERIFY(bare.advancedHidden());
    bare.showLesson(again.course().lessons[1]);
    QVERIFY(!has_heading(&bare, "Hands-on: PostgreSQL streaming replication"));
    bare.setAdvancedHidden(false);
    QVERIFY(!QSettings().value("lesson/hideAdvanced").toBool());
    QVERIFY(has_heading(&bare, "Hands-on: PostgreSQL streaming replication"));
    QVERIFY(!cs::ui::LessonPane().advancedHidden());
  }

  void theReaderStaysAtTheSameWords() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(teacher_options(dir));
    show_window(w);
    w.showLesson(1);  // Replication: a Hands-on section before the challenges
    auto* pane = w.lessonPane();
    auto* hide = hide_control(pane);
    const QString hands_on = "Hands-on: PostgreSQL streaming replication";
    const QString note = cs::ui::LessonView::hiddenNote(hands_on);

    // Reading a section of the core path: the same heading stays at the top.
    const int topologies = static_cast<int>(pane->outlineHeadings().indexOf("Replication topologies"));
    QVERIFY(topologies > 0);
    pane->scrollToHeading(topologies);
    QCOMPARE(pane->scrollPosition(), reachable(pane, block_top(pane, "Replication topologies")));
    hide->click();
    QCOMPARE(pane->scrollPosition(), reachable(pane, block_top(pane, "Replication topologies")));
    hide->click();
    QCOMPARE(pane->scrollPosition(), reachable(pane, block_top(pane, "Replication topologies")));

    // A few lines into a section: still the same line.
    pane->setScrollPosition(block_top(pane, "Replication topologies") + 40);
    const int offset = pane->scrollPosition() - block_top(pane, "Replication topologies");
    hide->click();
    QCOMPARE(pane->scrollPosition() - block_top(pane, "Replication topologies"), offset);
    hide->click();

    // Reading the Hands-on section: its note comes to the top, and its heading when shown again.
    pane->scrollToHeading(static_cast<int>(pane->outlineHeadings().indexOf(hands_on)));
    QVERIFY(pane->scrollPosition() > 0);
    pane->setScrollPosition(pane->scrollPosition() + 200);  // inside the section
    hide->click();
    QCOMPARE(pane->scrollPosition(), reachable(pane, block_top(pane, note)));
    auto* outline = pane->findChild<QComboBox*>("lessonOutline");
    QVERIFY(outline->currentText() != hands_on);
    hide->click();
    QCOMPARE(pane->scrollPosition(), reachable(pane, block_top(pane, hands_on)));
    QCOMPARE(outline->currentText(), hands_on);

    // From the quiz, the reader stays at the quiz.
    pane->scrollToQuiz();
    const int into_quiz = pane->scrollPosition() - pane->quiz()->y();
    hide->click();
    QCOMPARE(pane->scrollPosition() - pane->quiz()->y(), into_quiz);
    hide->click();

    // From the top, the reader stays at the top.
    pane->setScrollPosition(0);
    hide->click();
    QCOMPARE(pane->scrollPosition(), 0);
  }

  void theControlIsReachedByKeyboard() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(teacher_options(dir));
    show_window(w);
    QApplication::setActiveWindow(&w);
    QVERIFY(QTest::qWaitForWindowActive(&w));
    auto* pane = w.lessonPane();
    auto* hide = hide_control(pane);
    QVERIFY(hide->focusPolicy() & Qt::TabFocus);
    auto* jump = pane->findChild<QPushButton*>("jumpToQuiz");
    jump->setFocus();
    QTest::keyClick(jump, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(hide));
    // Space toggles it (in the rest of the window, Space plays and pauses the run).
    const bool playing = w.controller()->run()->playing();
    QTest::keyClick(hide, Qt::Key_Space);
    QVERIFY(pane->advancedHidden());
    QCOMPARE(w.controller()->run()->playing(), playing);
    QVERIFY(QSettings().value("lesson/hideAdvanced").toBool());
    QTest::keyClick(hide, Qt::Key_Space);
    QVERIFY(!pane->advancedHidden());
    QVERIFY(!hide->toolTip().isEmpty());
  }

  void theTopRowFits_data() {
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("projector");
    for (const QSize size : {QSize(1280, 720), QSize(1024, 640), QSize(1600, 1000)}) {
      for (const bool projector : {false, true}) {
        QTest::newRow(qPrintable(
            QStringLiteral("%1x%2%3").arg(size.width()).arg(size.height()).arg(projector ? " projector" : "")))
            << size << projector;
      }
    }
  }

  void theTopRowFits() {
    QFETCH(QSize, size);
    QFETCH(bool, projector);
    QTemporaryDir dir;
    cs::ui::MainWindow w(teacher_options(dir, size));
    w.classroom()->setProjectorMode(projector);
    show_window(w);
    auto* pane = w.lessonPane();
    auto* bar = pane->findChild<QWidget*>("lessonOutlineBar");
    auto* outline = pane->findChild<QComboBox*>("lessonOutline");
    auto* jump = pane->findChild<QPushButton*>("jumpToQuiz");
    auto* hide = hide_control(pane);
    const auto fits = [&](const QString& where) {
      QApplication::processEvents();
      const QRect r = bar->rect();
      QVERIFY2(bar->isVisible() && hide->isVisible(), qPrintable(where));
      QVERIFY2(pane->viewport()->mapTo(pane, QPoint(0, 0)).y() >= bar->height(), qPrintable(where));
      for (const QWidget* part :
           {static_cast<QWidget*>(outline), static_cast<QWidget*>(jump), static_cast<QWidget*>(hide)}) {
        QVERIFY2(r.contains(in_bar(part, bar)), qPrintable(where + ": " + part->objectName() + " leaves the bar"));
      }
      QVERIFY2(!in_bar(outline, bar).intersects(in_bar(jump, bar)), qPrintable(where));
      QVERIFY2(!in_bar(hide, bar).intersects(in_bar(jump, bar)), qPrintable(where));
      QVERIFY2(!in_bar(hide, bar).intersects(in_bar(outline, bar)), qPrintable(where));
      // The whole label shows, and the outline keeps at least its narrowest width.
      QVERIFY2(hide->width() >= hide->sizeHint().width(), qPrintable(where));
      QVERIFY2(jump->width() >= jump->sizeHint().width(), qPrintable(where));
      QVERIFY2(outline->width() >= outline->minimumSizeHint().width(), qPrintable(where));
    };
    fits("as opened");
    // At laptop size the check box is in the top row, beside "Jump to quiz".
    const auto same_row = [&] {
      return hide->y() < jump->y() + jump->height() && jump->y() < hide->y() + hide->height();
    };
    if (size.width() >= 1280) QVERIFY(same_row() && hide->x() > jump->x());
    // In a narrow pane it takes a row of its own, still in full.
    auto* splitter = w.findChild<QSplitter*>("mainSplitter");
    QList<int> sizes = splitter->sizes();
    const int total = sizes[0] + sizes[1] + sizes[2];
    splitter->setSizes({0, 330, total - 330});
    fits("narrow pane");
    QVERIFY(hide->y() >= jump->y() + jump->height());
    // And back beside the button when there is room again.
    splitter->setSizes({0, 700, total - 700});
    fits("wide pane");
    if (pane->width() >= 500) QVERIFY(same_row());
  }
};

QTEST_MAIN(TestHideAdvanced)
#include "test_hide_advanced.moc"
