// Finding and finishing the quiz in a long lesson: the outline above the text jumps to every
// section and to the quiz, Submit says why it is greyed out, the verdict comes before the
// explanations, Next lesson follows a pass, and the lesson column always fits the pane.
#include <QAbstractTextDocumentLayout>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLayout>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QtQml/QQmlExtensionPlugin>
#include <QtTest>

#include "quiz_test_support.h"
#include "window_test_support.h"

#include "quiz/quiz_widget.h"
#include "shell/lesson_pane.h"
#include "shell/lesson_view.h"
#include "shell/main_window.h"

Q_IMPORT_QML_PLUGIN(ClusterScopePlugin)

using test::answer;

namespace {

cs::ui::AppOptions teacher_options(const QTemporaryDir& dir, QSize size) {
  cs::ui::AppOptions o = test::window_options(dir, size);
  o.teacher = true;  // every lesson opens
  return o;
}

void show_window(cs::ui::MainWindow& w) {
  w.show();
  QVERIFY(QTest::qWaitForWindowExposed(&w));
  QApplication::processEvents();
}

// The "## " headings of a lesson's Markdown, outside code blocks: what the outline must list.
QStringList second_level_headings(const std::string& markdown) {
  QStringList headings;
  bool in_code = false;
  for (const QString& line : QString::fromStdString(markdown).split('\n')) {
    if (line.startsWith("```") || line.startsWith("~~~")) in_code = !in_code;
    if (!in_code && line.startsWith("## ")) headings << line.mid(3).trimmed();
  }
  return headings;
}

// Where `widget`'s top edge is inside the pane's viewport (0: at the top edge of the visible area).
int top_in_viewport(cs::ui::LessonPane* pane, QWidget* widget) {
  return widget->mapTo(pane->viewport(), QPoint(0, 0)).y();
}

// The quiz starts at the top of the pane, or, when it is shorter than the pane, all of it is shown
// at the end of the scroll range.
bool quiz_on_top(cs::ui::LessonPane* pane) {
  const int top = top_in_viewport(pane, pane->quiz());
  const int quiz_bottom = top + pane->quiz()->height();
  return top == 0 || (top > 0 && pane->scrollPosition() == pane->verticalScrollBar()->maximum() &&
                      quiz_bottom <= pane->viewport()->height());
}

// The quiz is laid out after the text, not over its end, and the column holds all of it.
bool quiz_below_text(cs::ui::LessonPane* pane) {
  const QRect text = pane->view()->geometry();
  const QRect quiz = pane->quiz()->geometry();
  return quiz.top() >= text.top() + text.height() && pane->widget()->height() >= quiz.top() + quiz.height() &&
         text.height() >= pane->view()->document()->size().height();
}

bool visible_in_viewport(cs::ui::LessonPane* pane, QWidget* widget) {
  const int top = top_in_viewport(pane, widget);
  return widget->isVisible() && top >= 0 && top + std::min(widget->height(), 20) <= pane->viewport()->height();
}

}  // namespace

class TestQuizOutline : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { test::isolate_settings(); }

  void jumpToQuizBringsTheQuizIntoView() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(test::window_options(dir, QSize(1280, 720)));
    show_window(w);
    auto* pane = w.lessonPane();
    auto* quiz = pane->quiz();
    QVERIFY(!visible_in_viewport(pane, quiz));  // far below the start of the lesson
    QCOMPARE(pane->scrollPosition(), 0);

    // The button above the text.
    auto* jump = pane->findChild<QPushButton*>("jumpToQuiz");
    QVERIFY(jump && jump->isVisible());
    QVERIFY(jump->toolTip().contains(QKeySequence(Qt::CTRL | Qt::Key_J).toString(QKeySequence::NativeText)));
    jump->click();
    QVERIFY(pane->scrollPosition() > 1000);
    QVERIFY2(visible_in_viewport(pane, quiz), qPrintable(QString::number(top_in_viewport(pane, quiz))));
    QVERIFY(quiz_on_top(pane));
    QVERIFY(visible_in_viewport(pane, quiz->findChild<QLabel*>("quizHeading")));
    // The keyboard follows: the first option has the focus.
    QCOMPARE(QApplication::focusWidget(), quiz->findChild<QRadioButton*>("q0o0"));

    // The outline's last entry, and Ctrl+J from inside the lesson text.
    pane->setScrollPosition(0);
    auto* outline = pane->findChild<QComboBox*>("lessonOutline");
    QCOMPARE(outline->itemText(outline->count() - 1), QString("Quiz"));
    emit outline->activated(outline->count() - 1);
    QVERIFY(quiz_on_top(pane));

    pane->setScrollPosition(0);
    QApplication::setActiveWindow(&w);
    QVERIFY(QTest::qWaitForWindowActive(&w));
    pane->view()->setFocus();
    QTest::keyClick(pane->view(), Qt::Key_J, Qt::ControlModifier);
    QVERIFY(quiz_on_top(pane));
    QVERIFY(outline->currentText() == "Quiz");
  }

  void outlineListsTheLessonsSectionsAndJumpsToThem() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(teacher_options(dir, QSize(1280, 720)));
    show_window(w);
    auto* pane = w.lessonPane();
    auto* outline = pane->findChild<QComboBox*>("lessonOutline");
    QVERIFY(outline);
    for (int lesson = 0; lesson < static_cast<int>(w.course().lessons.size()); ++lesson) {
      w.showLesson(lesson);
      QApplication::processEvents();
      const QStringList expected = second_level_headings(w.course().lessons[static_cast<std::size_t>(lesson)].markdown);
      QVERIFY(expected.size() >= 5);
      QCOMPARE(pane->outlineHeadings(), expected);
      QCOMPARE(outline->count(), expected.size() + 1);  // and "Quiz"
      for (int i = 0; i < expected.size(); ++i) QCOMPARE(outline->itemData(i, Qt::ToolTipRole).toString(), expected[i]);

      // Choosing a section puts its heading at the top of the pane (or scrolls as far as it goes).
      const int pick = static_cast<int>(expected.size()) / 2;
      emit outline->activated(pick);
      QTextBlock heading;
      for (QTextBlock b = pane->view()->document()->begin(); b.isValid(); b = b.next()) {
        if (b.blockFormat().headingLevel() == 2 && b.text() == expected[pick]) heading = b;
      }
      QVERIFY(heading.isValid());
      const int heading_top =
          pane->view()->mapTo(pane->widget(), QPoint(0, 0)).y() +
          static_cast<int>(pane->view()->document()->documentLayout()->blockBoundingRect(heading).top());
      QVERIFY(heading_top > 0);
      QCOMPARE(pane->scrollPosition(), std::min(heading_top, pane->verticalScrollBar()->maximum()));
      QCOMPARE(outline->currentIndex(), pick);
    }
    // A locked lesson or an error has no outline.
    pane->showText("# Locked\n\n## Not an outline\n");
    QVERIFY(!pane->findChild<QWidget*>("lessonOutlineBar")->isVisible());
    QVERIFY(pane->outlineHeadings().isEmpty());
  }

  void outlineFollowsTheReader() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(test::window_options(dir, QSize(1280, 720)));
    show_window(w);
    auto* pane = w.lessonPane();
    auto* outline = pane->findChild<QComboBox*>("lessonOutline");
    QCOMPARE(outline->currentIndex(), -1);  // above the first section: "Jump to a section"
    pane->scrollToHeading(2);
    QCOMPARE(outline->currentIndex(), 2);
    pane->setScrollPosition(pane->scrollPosition() + 5);  // reading on inside that section
    QCOMPARE(outline->currentIndex(), 2);
    QVERIFY(outline->toolTip().contains(pane->outlineHeadings()[2]));
  }

  void submitSaysWhyItIsGreyedOut() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(test::window_options(dir, QSize(1280, 720)));
    show_window(w);
    auto* pane = w.lessonPane();
    auto* quiz = pane->quiz();
    pane->scrollToQuiz();
    auto* submit = quiz->findChild<QPushButton*>("quizSubmit");
    auto* reason = quiz->findChild<QLabel*>("quizSubmitReason");
    QVERIFY(submit && reason);
    const int total = static_cast<int>(quiz->attempt().asked.size());
    QCOMPARE(total, 3);
    for (int answered = 0; answered < total; ++answered) {
      const QString expected = QString("Answer all 3 questions to submit (%1 answered)").arg(answered);
      QVERIFY(!submit->isEnabled());
      QVERIFY(reason->isVisible());
      QCOMPARE(reason->text(), expected);
      QCOMPARE(submit->toolTip(), expected);
      QCOMPARE(quiz->submitBlockedReason(), expected);
      // Beside the button: on the same line, or right under it in a narrow pane.
      const QRect b = submit->geometry();
      const QRect r = reason->geometry();
      QVERIFY2((r.left() >= b.right() && r.top() < b.bottom() && r.bottom() > b.top()) ||
                   (r.top() >= b.bottom() && r.top() - b.bottom() < 20),
               qPrintable(QString("button %1,%2 reason %3,%4").arg(b.x()).arg(b.y()).arg(r.x()).arg(r.y())));
      if (answered == 1) {
        // Kept for people to look at: the end of the quiz with Submit greyed out and why.
        pane->ensureWidgetVisible(submit);
        QVERIFY(pane->grab().save(QCoreApplication::applicationDirPath() + "/quiz_submit_reason.png"));
      }
      quiz->findChild<QRadioButton*>(QString("q%1o0").arg(answered))->click();
    }
    QVERIFY(submit->isEnabled());
    QVERIFY(!reason->isVisible());
    QVERIFY(submit->toolTip().isEmpty());
    QVERIFY(quiz->submitBlockedReason().isEmpty());
  }

  void verdictComesBeforeTheExplanations() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(test::window_options(dir, QSize(1280, 720)));
    show_window(w);
    auto* pane = w.lessonPane();
    auto* quiz = pane->quiz();
    answer(w, 2);
    // Submit from its place at the end of the quiz, as a reader does.
    pane->ensureWidgetVisible(quiz->findChild<QPushButton*>("quizSubmit"));
    quiz->findChild<QPushButton*>("quizSubmit")->click();
    QApplication::processEvents();
    auto* result = quiz->findChild<QLabel*>("quizResult");
    QCOMPARE(result->text(), QString::fromUtf8("2 of 3 correct \u2014 passed"));
    const int result_bottom = result->mapTo(quiz, QPoint(0, result->height())).y();
    int explanations = 0;
    for (auto* box : quiz->findChildren<QGroupBox*>()) {
      QVERIFY(box->mapTo(quiz, QPoint(0, 0)).y() > result_bottom);
      for (auto* note : box->findChildren<QLabel*>()) {
        const bool explained =
            note->text().contains(QString::fromUtf8("\u2713 ")) || note->text().contains(QString::fromUtf8("\u2717 "));
        if (!note->isVisible() || !explained) continue;
        ++explanations;
        QVERIFY(note->mapTo(quiz, QPoint(0, 0)).y() > result_bottom);
      }
    }
    QCOMPARE(explanations, 12);
    QVERIFY(quiz_below_text(pane));  // every option explained, all below the verdict
    auto* retry = quiz->findChild<QPushButton*>("quizRetry");
    QVERIFY(retry->mapTo(quiz, QPoint(0, 0)).y() <
            quiz->findChildren<QGroupBox*>().front()->mapTo(quiz, QPoint(0, 0)).y());
    // The pane brought the verdict into view, though Submit was at the end of the quiz.
    QVERIFY2(visible_in_viewport(pane, result), qPrintable(QString::number(top_in_viewport(pane, result))));
    QVERIFY(visible_in_viewport(pane, retry));
    QVERIFY(quiz_on_top(pane));

    // Again with questions drawn while the window is up (their boxes are new widgets), after
    // scrolling back into the text.
    retry->click();
    pane->setScrollPosition(0);
    answer(w, 1);
    quiz->findChild<QPushButton*>("quizSubmit")->click();
    QCOMPARE(result->text(), QString::fromUtf8("1 of 3 correct \u2014 not passed yet"));
    QVERIFY(quiz_on_top(pane));
    QVERIFY(visible_in_viewport(pane, result));
    QVERIFY(quiz_below_text(pane));
  }

  void nextLessonFollowsAPassOnly() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(test::window_options(dir, QSize(1280, 720)));
    show_window(w);
    auto* quiz = w.lessonPane()->quiz();
    quiz->setHasNextLesson(true);
    QVERIFY(quiz->findChild<QLabel*>("quizIntro")->text().endsWith("open the next lesson."));
    auto* next = quiz->findChild<QPushButton*>("quizNextLesson");
    QVERIFY(next);
    QSignalSpy requested(quiz, &cs::ui::QuizWidget::nextLessonRequested);
    QVERIFY(!next->isVisible());  // not before submitting
    answer(w, 1);
    quiz->submit();
    QVERIFY(!next->isVisible());  // not after failing
    quiz->findChild<QPushButton*>("quizRetry")->click();
    QVERIFY(!next->isVisible());
    answer(w, 2);
    quiz->submit();
    QVERIFY(next->isVisible());
    QCOMPARE(QApplication::focusWidget() == next || !w.isActiveWindow(), true);
    QVERIFY(next->mapTo(quiz, QPoint(0, 0)).y() <
            quiz->findChildren<QGroupBox*>().front()->mapTo(quiz, QPoint(0, 0)).y());
    QApplication::processEvents();  // the window's own reply to the result (what is open now) settles
    QVERIFY(quiz_on_top(w.lessonPane()));
    // Kept for people to look at: the verdict and Next lesson above the explanations.
    QVERIFY(w.lessonPane()->grab().save(QCoreApplication::applicationDirPath() + "/quiz_passed.png"));
    next->click();
    QCOMPARE(requested.count(), 1);
  }

  void noNextLessonAfterTheLastOne() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(teacher_options(dir, QSize(1280, 720)));
    show_window(w);
    w.showLesson(static_cast<int>(w.course().lessons.size()) - 1);
    auto* quiz = w.lessonPane()->quiz();
    QVERIFY(!quiz->hasNextLesson());  // the window knows it is the last lesson
    // The last quiz opens no lesson: it says what passing it does.
    QVERIFY(quiz->findChild<QLabel*>("quizIntro")->text().contains("to pass and complete the course."));
    answer(w, static_cast<int>(quiz->attempt().asked.size()));
    quiz->submit();
    QVERIFY(quiz->findChild<QLabel*>("quizResult")->text().endsWith("passed"));
    QVERIFY(!quiz->findChild<QPushButton*>("quizNextLesson")->isVisible());
    QVERIFY(quiz->findChild<QPushButton*>("quizRetry")->isVisible());
  }

  void narrowPaneWrapsTheQuizButtons() {
    // A pane narrower than the quiz's buttons side by side: they take a line each, nothing is cut.
    QTemporaryDir dir;
    cs::ui::MainWindow w(test::window_options(dir, QSize(1280, 720)));
    cs::ui::LessonPane pane;
    pane.resize(260, 600);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    const auto& lesson = w.course().lessons[0];
    pane.showLesson(lesson);
    auto* quiz = pane.quiz();
    quiz->setHasNextLesson(true);
    quiz->start(lesson.quiz, 1, {}, 7);
    pane.scrollToQuiz();
    QApplication::processEvents();
    const int right_edge = pane.viewport()->width();
    auto right_of = [&](QWidget* widget) { return widget->mapTo(pane.viewport(), QPoint(widget->width(), 0)).x(); };
    QVERIFY(pane.widget()->width() <= right_edge);
    auto* submit = quiz->findChild<QPushButton*>("quizSubmit");
    auto* reason = quiz->findChild<QLabel*>("quizSubmitReason");
    QVERIFY(reason->isVisible());
    QVERIFY(right_of(submit) <= right_edge && right_of(reason) <= right_edge);
    // Pass: choose the correct option for every question (the bank's and the computed one).
    const auto& attempt = quiz->attempt();
    for (std::size_t i = 0; i < attempt.asked.size(); ++i) {
      for (std::size_t k = 0; k < attempt.asked[i].options.size(); ++k) {
        if (quiz->quiz().questions[attempt.asked[i].question].options[attempt.asked[i].options[k]].correct) {
          quiz->choose(static_cast<int>(i), static_cast<int>(k));
        }
      }
    }
    quiz->submit();
    QApplication::processEvents();
    auto* next = quiz->findChild<QPushButton*>("quizNextLesson");
    auto* retry = quiz->findChild<QPushButton*>("quizRetry");
    QVERIFY(next->isVisible() && retry->isVisible());
    QVERIFY(right_of(next) <= right_edge && right_of(retry) <= right_edge);
    QVERIFY(!next->geometry().intersects(retry->geometry()));
    QVERIFY(quiz->minimumSizeHint().width() <= right_edge);
    QVERIFY(quiz_below_text(&pane));
    QVERIFY(pane.grab().save(QCoreApplication::applicationDirPath() + "/quiz_narrow.png"));
  }

  void lessonColumnFitsThePane_data() {
    QTest::addColumn<QSize>("size");
    QTest::newRow("1024x640") << QSize(1024, 640);
    QTest::newRow("1280x720") << QSize(1280, 720);
  }

  void lessonColumnFitsThePane() {
    QFETCH(QSize, size);
    QTemporaryDir dir;
    cs::ui::MainWindow w(teacher_options(dir, size));
    show_window(w);
    auto* pane = w.lessonPane();
    QWidget* column = pane->widget();
    for (int lesson = 0; lesson < static_cast<int>(w.course().lessons.size()); ++lesson) {
      w.showLesson(lesson);
      QApplication::processEvents();
      const int viewport = pane->viewport()->width();
      const QString where = QString("lesson %1: viewport %2").arg(lesson + 1).arg(viewport);
      QVERIFY2(viewport > 100, qPrintable(where));
      QVERIFY2(column->width() <= viewport, qPrintable(where + QString(", column %1").arg(column->width())));
      QVERIFY2(pane->view()->width() <= viewport, qPrintable(where));
      QVERIFY2(pane->quiz()->width() <= viewport, qPrintable(where));
      // Nothing in the quiz needs more room than it has (else it would be cut off, not wrapped).
      QVERIFY2(pane->quiz()->minimumSizeHint().width() <= viewport,
               qPrintable(where + QString(", quiz needs %1").arg(pane->quiz()->minimumSizeHint().width())));
      // The text wraps at the pane's width: no line, code included, runs past the right edge (Qt
      // rounds a table's or a line's width up by a pixel, inside the 18 px page margin).
      const QTextDocument* text = pane->view()->document();
      QVERIFY2(text->textWidth() <= viewport, qPrintable(where + QString(", text %1").arg(text->textWidth())));
      QVERIFY2(text->idealWidth() <= text->textWidth() + 1,
               qPrintable(where + QString(", widest line %1").arg(text->idealWidth())));
      // The outline bar is one line that fits too.
      auto* bar = pane->findChild<QWidget*>("lessonOutlineBar");
      QVERIFY2(bar->minimumSizeHint().width() <= pane->width(), qPrintable(where));
      auto* jump = pane->findChild<QPushButton*>("jumpToQuiz");
      QVERIFY2(
          jump->mapTo(pane, QPoint(jump->width(), 0)).x() <= pane->verticalScrollBar()->mapTo(pane, QPoint(0, 0)).x(),
          qPrintable(where));
      QVERIFY2(quiz_below_text(pane), qPrintable(where));
    }
    // Kept for people to look at: the pane with the quiz after submitting, at this size.
    w.showLesson(0);
    answer(w, 2);
    w.lessonPane()->quiz()->submit();
    QApplication::processEvents();
    QVERIFY(quiz_below_text(pane));
    QVERIFY(quiz_on_top(pane));
    QVERIFY(pane->quiz()->findChild<QPushButton*>("quizRetry")->isVisible());
    QVERIFY(column->width() <= pane->viewport()->width());
    QVERIFY2(pane->quiz()->minimumSizeHint().width() <= pane->viewport()->width(),
             qPrintable(QString("after submitting, the quiz needs %1").arg(pane->quiz()->minimumSizeHint().width())));
    const QString name = QString("/quiz_outline_%1x%2.png").arg(size.width()).arg(size.height());
    QVERIFY(w.grab().save(QCoreApplication::applicationDirPath() + name));
  }
};

QTEST_MAIN(TestQuizOutline)
#include "test_quiz_outline.moc"
