// A lesson's quiz printed as a sheet (issue 25, section 2): drawn from the lesson's bank and its
// question templates with a seed (the same seed gives the same sheet, another seed another), as an
// A4 PDF whose answers start on a page of their own. The PDF's text is read back with pdftotext
// when poppler-utils is installed; the pages are rendered as the PDF lays them out and kept as
// /tmp/quiz-sheet-page1.png and /tmp/quiz-sheet-answers.png, with the PDF as /tmp/quiz-sheet.pdf,
// for a person to look at.
#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextDocument>
#include <QtQml/QQmlExtensionPlugin>
#include <QtTest>

#include "lessons_dir.h"
#include "window_test_support.h"

#include "course/course.h"
#include "course/final_test.h"
#include "course/question_templates.h"
#include "quiz/quiz_sheet.h"
#include "shell/main_window.h"
#include "shell/projector_tools.h"

Q_IMPORT_QML_PLUGIN(ClusterScopePlugin)

namespace {

const cs::course::Course& real_course() {
  static const cs::course::Course c = cs::course::load_course(cs::course::DirectorySource(test::kLessonsDir));
  return c;
}

constexpr int kSharding = 2;  // lesson 3, 0-based

QByteArray read_all(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Page objects of a PDF ("/Type /Page", not the "/Type /Pages" tree).
int page_objects(const QByteArray& pdf) {
  static const QRegularExpression re(QStringLiteral("/Type\\s*/Page(?![A-Za-z])"));
  int n = 0;
  for (auto it = re.globalMatch(QString::fromLatin1(pdf)); it.hasNext(); it.next()) ++n;
  return n;
}

// Spaces and line breaks as one space, and ligatures ("ﬁ", as pdftotext gives them) as letters.
QString simplified(const QString& text) { return text.normalized(QString::NormalizationForm_KC).simplified(); }

// One page's text (1-based) through pdftotext, or a null string without poppler-utils.
QString pdf_page_text(const QString& path, int page) {
  const QString tool = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
  if (tool.isEmpty()) return {};
  QProcess p;
  p.start(tool, {"-f", QString::number(page), "-l", QString::number(page), path, "-"});
  if (!p.waitForFinished(30000) || p.exitCode() != 0) return QStringLiteral("(pdftotext failed)");
  return simplified(QString::fromUtf8(p.readAllStandardOutput()));
}

QStringList texts(const cs::ui::QuizSheet& sheet) {
  QStringList out;
  for (const auto& q : sheet.questions) out << q.text;
  return out;
}

// The image has ink: some pixels are dark.
bool has_ink(const QImage& image) {
  int dark = 0;
  for (int y = 0; y < image.height(); y += 3) {
    for (int x = 0; x < image.width(); x += 3) dark += qGray(image.pixel(x, y)) < 100 ? 1 : 0;
  }
  return dark > 200;
}

// The window's File > Print quiz sheet and View > Hide my results (main_window.cpp makes them).
cs::ui::ProjectorTools* tools(cs::ui::MainWindow& w) { return w.findChild<cs::ui::ProjectorTools*>(); }

}  // namespace

class TestQuizSheet : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { test::isolate_settings(); }

  void aSeedDrawsTheSameSheetAndAnotherSeedAnother() {
    const auto a = cs::ui::drawQuizSheet(real_course(), kSharding, 11);
    const auto again = cs::ui::drawQuizSheet(real_course(), kSharding, 11);
    const auto b = cs::ui::drawQuizSheet(real_course(), kSharding, 12);
    QCOMPARE(a.lesson_number, 3);
    QCOMPARE(a.questions.size(), cs::ui::kQuizSheetQuestions);
    QCOMPARE(texts(a), texts(again));
    for (int i = 0; i < a.questions.size(); ++i) QCOMPARE(a.questions[i].options, again.questions[i].options);
    // Different questions, not only the same ones in another order.
    const QStringList ta = texts(a);
    const QStringList tb = texts(b);
    QVERIFY2(QSet<QString>(ta.begin(), ta.end()) != QSet<QString>(tb.begin(), tb.end()), qPrintable(ta.join('\n')));
    for (const auto& sheet : {a, b}) {
      int computed = 0;
      for (const auto& q : sheet.questions) {
        computed += q.computed ? 1 : 0;
        QVERIFY(q.correct >= 0 && q.correct < q.options.size());
        QVERIFY(!q.explanation.isEmpty());
      }
      // A third from the lesson's templates, the rest from its bank.
      QCOMPARE(computed, 2);
    }
    // As many as the teacher asks, up to the bank and one per template.
    const int most = cs::ui::maxQuizSheetQuestions(real_course(), kSharding);
    QCOMPARE(most, static_cast<int>(real_course().lessons[kSharding].quiz.questions.size() +
                                    cs::course::templates_for_lesson(3).size()));
    QCOMPARE(cs::ui::drawQuizSheet(real_course(), kSharding, 5, 3).questions.size(), 3);
    QCOMPARE(cs::ui::drawQuizSheet(real_course(), kSharding, 5, 99).questions.size(), most);
  }

  void theFinalTestSheetIsTheFinalTest() {
    const int last = static_cast<int>(real_course().lessons.size()) - 1;
    const auto sheet = cs::ui::drawQuizSheet(real_course(), last, 7);
    QVERIFY(sheet.final_test);
    QCOMPARE(sheet.questions.size(), cs::course::kFinalQuestions);
    QCOMPARE(sheet.pass, cs::course::kFinalPass);
    // CS_QUIZ_SHEET_OUTPUT=DIR keeps its pages there, to look at by eye.
    if (const QString keep = qEnvironmentVariable("CS_QUIZ_SHEET_OUTPUT"); !keep.isEmpty()) {
      const QVector<QImage> pages = cs::ui::renderQuizSheet(sheet, 80);
      for (int i = 0; i < pages.size(); ++i)
        pages[i].save(QDir(keep).filePath(QStringLiteral("final-%1.png").arg(i + 1)));
    }
    const auto drawn = cs::course::draw_final_test(real_course(), {}, 7);
    for (int i = 0; i < sheet.questions.size(); ++i) {
      const auto& q = drawn.quiz.questions[drawn.attempt.asked[static_cast<std::size_t>(i)].question];
      QCOMPARE(sheet.questions[i].text, QString::fromStdString(q.text));
    }
  }

  void theQuestionsComeBeforeThePageBreakAndTheAnswersAfter() {
    const auto sheet = cs::ui::drawQuizSheet(real_course(), kSharding, 11);
    const auto doc = cs::ui::quizSheetDocument(sheet);
    QString before;
    QString after;
    bool broken = false;
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
      if (b.blockFormat().pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore) broken = true;
      (broken ? after : before) += b.text() + QLatin1Char('\n');
    }
    QVERIFY(broken);
    QVERIFY(after.startsWith("Answers"));
    for (const auto& q : sheet.questions) {
      QVERIFY2(before.contains(q.text), qPrintable(q.text));
      for (const QString& option : q.options) QVERIFY2(before.contains(option), qPrintable(option));
      QVERIFY2(!before.contains(q.explanation), qPrintable(q.explanation));  // no answer on the sheet
      QVERIFY2(after.contains(q.explanation), qPrintable(q.explanation));
      QVERIFY2(after.contains(q.options[q.correct]), qPrintable(q.options[q.correct]));
    }
    QVERIFY(before.contains("Name:"));
  }

  void thePdfHasTheQuestionsAndASeparateAnswerPage() {
    QTemporaryDir dir;
    QStringList first_pages;
    for (const std::uint64_t seed : {11u, 12u}) {
      const auto sheet = cs::ui::drawQuizSheet(real_course(), kSharding, seed);
      const QString path = dir.filePath(QStringLiteral("sheet-%1.pdf").arg(seed));
      QString error;
      QVERIFY2(cs::ui::writeQuizSheet(real_course(), kSharding, seed, path, &error), qPrintable(error));
      const QByteArray pdf = read_all(path);
      QVERIFY(pdf.startsWith("%PDF-"));
      QVERIFY(pdf.contains("/MediaBox [0 0 595"));  // A4
      const int pages = page_objects(pdf);
      const int answers = cs::ui::quizSheetAnswerPage(sheet);
      QVERIFY2(pages >= 2, qPrintable(QString::number(pages)));
      QVERIFY(answers >= 1 && answers < pages);
      // The pages as the PDF lays them out.
      const QVector<QImage> images = cs::ui::renderQuizSheet(sheet, 110);
      QCOMPARE(images.size(), pages);
      for (const QImage& image : images) QVERIFY(has_ink(image));
      if (seed == 11u) {
        QVERIFY(images.first().save("/tmp/quiz-sheet-page1.png"));
        QVERIFY(images[answers].save("/tmp/quiz-sheet-answers.png"));
        QFile::remove("/tmp/quiz-sheet.pdf");
        QVERIFY(QFile::copy(path, "/tmp/quiz-sheet.pdf"));
      }
      // The text in the PDF itself, where pdftotext is at hand.
      QString questions_text;
      for (int page = 1; page <= answers; ++page) questions_text += pdf_page_text(path, page) + QLatin1Char(' ');
      const QString answers_text = pdf_page_text(path, answers + 1);
      if (answers_text.isNull()) continue;
      first_pages << questions_text;
      for (const auto& q : sheet.questions) {
        QVERIFY2(questions_text.contains(simplified(q.text)), qPrintable(q.text + "\n---\n" + questions_text));
        QVERIFY2(!questions_text.contains(simplified(q.explanation)), qPrintable(q.explanation));
      }
      QVERIFY2(answers_text.startsWith("Answers"), qPrintable(answers_text));
      QVERIFY2(answers_text.contains(simplified(sheet.questions.first().explanation).left(40)),
               qPrintable(answers_text));
    }
    if (first_pages.isEmpty()) QSKIP("pdftotext (poppler-utils) is not installed: the PDF's text was not read back");
    QVERIFY(first_pages[0] != first_pages[1]);
  }

  void anUnwritablePathIsAnErrorNamingIt() {
    QTemporaryDir dir;
    for (const QString& path : {dir.filePath("no-such-folder/sheet.pdf"), dir.path()}) {
      QString error;
      QVERIFY(!cs::ui::writeQuizSheet(real_course(), kSharding, 1, path, &error));
      QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
    }
    QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());  // no temporary file left behind
  }

  void theDialogSavesTheChosenSheet() {
    QTemporaryDir dir;
    cs::ui::QuizSheetDialog dialog(real_course(), 1);
    QCOMPARE(dialog.lesson(), 1);
    QCOMPARE(dialog.questions(), cs::ui::kQuizSheetQuestions);
    QVERIFY(dialog.path().endsWith(QStringLiteral("ClusterScope-quiz-lesson2-seed%1.pdf").arg(dialog.seed())));
    // The final test asks its own number of questions.
    dialog.setLesson(static_cast<int>(real_course().lessons.size()) - 1);
    QCOMPARE(dialog.questions(), cs::course::kFinalQuestions);
    QVERIFY(!dialog.findChild<QSpinBox*>("quizSheetQuestions")->isEnabled());
    dialog.setLesson(kSharding);
    dialog.setSeed(42);
    dialog.setPath(dir.filePath("class-b"));
    QSignalSpy saved(&dialog, &cs::ui::QuizSheetDialog::saved);
    QVERIFY(dialog.save());
    QCOMPARE(saved.count(), 1);
    QCOMPARE(saved.first().first().toString(), dir.filePath("class-b.pdf"));  // ".pdf" added
    QVERIFY(read_all(dir.filePath("class-b.pdf")).startsWith("%PDF-"));
    dialog.setPath(dir.filePath("no-such-folder/x.pdf"));
    QVERIFY(!dialog.save());
    QVERIFY(dialog.findChild<QLabel*>("quizSheetError")->text().contains("no-such-folder"));
    if (const QString keep = qEnvironmentVariable("CS_QUIZ_SHEET_OUTPUT"); !keep.isEmpty()) {
      dialog.show();
      QVERIFY(QTest::qWaitForWindowExposed(&dialog));
      dialog.grab().save(QDir(keep).filePath("dialog.png"));
    }
  }

  void theFileMenuOpensTheDialogOnTheCurrentLesson() {
    QTemporaryDir dir;
    cs::ui::AppOptions o = test::window_options(dir);
    o.teacher = true;
    o.lesson = 4;
    cs::ui::MainWindow w(o);
    QVERIFY2(tools(w), "the window makes no ProjectorTools (main_window.cpp)");
    QAction* print = w.findChild<QAction*>("quizSheetAction");
    QVERIFY(print);
    print->trigger();
    auto* dialog = w.findChild<cs::ui::QuizSheetDialog*>();
    QVERIFY(dialog);
    QCOMPARE(dialog->lesson(), 3);
    QCOMPARE(dialog->findChild<QComboBox*>("quizSheetLesson")->count(), static_cast<int>(real_course().lessons.size()));
    dialog->close();
  }
};

QTEST_MAIN(TestQuizSheet)
#include "test_quiz_sheet.moc"
