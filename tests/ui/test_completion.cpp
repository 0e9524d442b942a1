// The course completion view and its PDF: the summary of the real course's progress (best scores,
// challenges met, the day of the first passed final test), a one-page PDF written atomically, a
// clear error for a path that cannot be written, and a dialog that fits a 1280x720 screen.
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

#include "lessons_dir.h"

#include "course/course.h"
#include "course/final_test.h"
#include "course/progress.h"
#include "progress/completion_summary.h"
#include "progress/completion_view.h"
#include "shell/lesson_activities.h"

namespace {

using cs::course::AttemptRecord;

const cs::course::Course& real_course() {
  static const cs::course::Course c = cs::course::load_course(cs::course::DirectorySource(test::kLessonsDir));
  return c;
}

// Each lesson's number of challenges, counted as the main window counts them.
QVector<int> challenge_counts() {
  cs::course::Course copy = real_course();
  const cs::ui::LessonActivities activities = cs::ui::read_lesson_activities(copy);
  QVector<int> counts;
  for (const auto& lesson : activities.challenges) counts << static_cast<int>(lesson.size());
  return counts;
}

AttemptRecord attempt(const char* time, int correct, int total, bool passed) {
  AttemptRecord a;
  a.time = time;
  a.correct = correct;
  a.total = total;
  a.passed = passed;
  return a;
}

// All six lessons passed; lesson i (0-based) scores 2 or 3 of 3 and has met i % 3 challenges. The
// final test failed once (5 of 10), passed on 17 May 2024 (8 of 10), and again later (7 of 10).
cs::course::Progress completed_progress() {
  cs::course::Progress p;
  const auto& lessons = real_course().lessons;
  for (std::size_t i = 0; i + 1 < lessons.size(); ++i) {
    cs::course::record_attempt(p, lessons[i].id, attempt("2024-05-01T09:00:00Z", 2, 3, true));
    if (i % 2 == 0) cs::course::record_attempt(p, lessons[i].id, attempt("2024-05-02T09:00:00Z", 3, 3, true));
    for (std::size_t k = 0; k < i % 3; ++k) {
      cs::course::record_challenge(p, lessons[i].id, "challenge-" + std::to_string(k), {"2024-05-03T09:00:00Z", 1, 1});
    }
  }
  const std::string last = lessons.back().id;
  cs::course::record_attempt(p, last, attempt("2024-05-16T10:00:00Z", 5, cs::course::kFinalQuestions, false));
  cs::course::record_attempt(p, last, attempt("2024-05-17T12:00:00Z", 8, cs::course::kFinalQuestions, true));
  cs::course::record_attempt(p, last, attempt("2024-06-02T12:00:00Z", 7, cs::course::kFinalQuestions, true));
  // Three met in the last lesson, one more than it has now: the count stops at the lesson's.
  for (const char* id : {"a", "b", "c"}) cs::course::record_challenge(p, last, id, {"2024-05-10T09:00:00Z", 1, 1});
  return p;
}

cs::ui::CompletionSummary completed_summary() {
  return cs::ui::completionSummary(real_course(), completed_progress(), challenge_counts());
}

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

// The sizes of the text a PDF draws, in points: the operands of "Tf" in its Flate-compressed
// content streams, times the scale of the first "cm" (QPdfWriter draws in its own pixels).
QList<double> text_points(const QByteArray& pdf) {
  QList<double> out;
  static const QRegularExpression tf(QStringLiteral("([0-9.]+) Tf"));
  static const QRegularExpression cm(QStringLiteral("([0-9.]+) 0 0 -?[0-9.]+ [0-9.]+ [0-9.]+ cm"));
  for (qsizetype at = pdf.indexOf("stream\n"); at >= 0; at = pdf.indexOf("stream\n", at + 1)) {
    if (at >= 3 && pdf.mid(at - 3, 3) == "end") continue;
    const qsizetype dictionary = pdf.lastIndexOf("<<", at);
    if (dictionary < 0 || !pdf.mid(dictionary, at - dictionary).contains("/FlateDecode")) continue;
    const qsizetype begin = at + 7;
    const qsizetype end = pdf.indexOf("endstream", begin);
    if (end < 0) break;
    // qUncompress wants the size first; it is a guess it grows from.
    QByteArray packed(4, '\0');
    packed[2] = 1;  // 65536 bytes
    packed += pdf.mid(begin, end - begin);
    const QString text = QString::fromLatin1(qUncompress(packed));
    const QRegularExpressionMatch scale = cm.match(text);
    if (!scale.hasMatch()) continue;
    for (auto it = tf.globalMatch(text); it.hasNext();) {
      out << it.next().captured(1).toDouble() * scale.captured(1).toDouble();
    }
  }
  return out;
}

// CS_COMPLETION_OUTPUT=DIR keeps the PDF and a picture of the view there, to look at by eye.
void keep_for_review(const QString& pdf, const char* name) {
  const QString dir = qEnvironmentVariable("CS_COMPLETION_OUTPUT");
  if (dir.isEmpty()) return;
  QFile::remove(QDir(dir).filePath(name));
  QFile::copy(pdf, QDir(dir).filePath(name));
}

void keep_for_review(QWidget& widget, const char* name) {
  const QString dir = qEnvironmentVariable("CS_COMPLETION_OUTPUT");
  if (!dir.isEmpty()) widget.grab().save(QDir(dir).filePath(name));
}

}  // namespace

class TestCompletion : public QObject {
  Q_OBJECT

 private slots:
  void theSummaryHasEveryLessonsBestScoreAndChallenges() {
    const QVector<int> counts = challenge_counts();
    QCOMPARE(counts.size(), 6);
    for (int c : counts) QVERIFY2(c >= 2, "every lesson has challenges (the test meets up to two)");
    const cs::ui::CompletionSummary s = completed_summary();
    QCOMPARE(s.course_title, QStringLiteral("Introduction to Distributed Databases"));
    QCOMPARE(s.lessons.size(), 6);
    for (int i = 0; i < 5; ++i) {
      const auto& l = s.lessons[i];
      QCOMPARE(l.number, i + 1);
      QCOMPARE(l.title, QString::fromStdString(real_course().lessons[static_cast<std::size_t>(i)].title));
      QCOMPARE(l.best_correct, i % 2 == 0 ? 3 : 2);
      QCOMPARE(l.best_total, 3);
      QVERIFY(l.passed);
      QCOMPARE(l.challenges_met, i % 3);
      QCOMPARE(l.challenge_count, counts[i]);
    }
    QCOMPARE(s.lessons[5].challenges_met, counts[5]);  // 3 recorded, never more than the lesson has
    QCOMPARE(s.final_correct, 8);
    QCOMPARE(s.final_total, cs::course::kFinalQuestions);
    QCOMPARE(s.lessons[5].best_correct, 8);
    // The first passed attempt, not the failed one before it nor the later pass.
    const QDate expected = QDateTime(QDate(2024, 5, 17), QTime(12, 0), Qt::UTC).toLocalTime().date();
    QCOMPARE(s.completed_on, expected);
    QVERIFY(s.complete());
    QCOMPARE(s.challengesMet(), 0 + 1 + 2 + 0 + 1 + counts[5]);
  }

  void anUnfinishedCourseHasNoCompletionDate() {
    cs::course::Progress p = completed_progress();
    p.lessons.erase(real_course().lessons.back().id);
    const auto s = cs::ui::completionSummary(real_course(), p, {});
    QVERIFY(!s.completed_on.isValid());
    QCOMPARE(s.final_total, 0);
    QCOMPARE(s.lessons[0].challenge_count, 0);  // no counts given: no challenges
    QCOMPARE(s.lessons[0].challenges_met, 0);
  }

  void theHtmlShowsTheCertificate() {
    cs::ui::CompletionSummary s = completed_summary();
    s.learner_name = QStringLiteral("Ada <Lovelace>");
    const QString html = cs::ui::completionHtml(s);
    QVERIFY(html.contains(QStringLiteral("ClusterScope")));
    QVERIFY(html.contains(QStringLiteral("Introduction to Distributed Databases")));
    QVERIFY(html.contains(QStringLiteral("Course completed on ")));
    QVERIFY(html.contains(QStringLiteral("8 of 10 (80%)")));
    QVERIFY(html.contains(QStringLiteral("Ada &lt;Lovelace&gt;")));  // escaped
    QVERIFY(!html.contains(QStringLiteral("px")));                   // the reader's font decides
    for (const auto& l : s.lessons) QVERIFY2(html.contains(l.title.toHtmlEscaped()), qPrintable(l.title));
    s.course_title.clear();
    QVERIFY(cs::ui::completionHtml(s).contains(QStringLiteral("Introduction to Distributed Databases")));
  }

  void thePdfIsOneA4Page() {
    QTemporaryDir dir;
    const QString path = dir.filePath("certificate.pdf");
    QString error;
    QVERIFY2(cs::ui::exportCompletionPdf(completed_summary(), path, &error), qPrintable(error));
    const QByteArray pdf = read_all(path);
    QVERIFY(pdf.startsWith("%PDF-"));
    QVERIFY2(pdf.size() > 10'000, qPrintable(QString::number(pdf.size())));  // text and its fonts
    QCOMPARE(page_objects(pdf), 1);
    keep_for_review(path, "completion.pdf");
    QVERIFY(pdf.contains("/Creator"));
    QVERIFY(pdf.contains("/MediaBox [0 0 595"));                                        // A4: 595 x 842 points
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"certificate.pdf"});  // no temporary left
  }

  void aLongNameStillGivesOnePage() {
    cs::ui::CompletionSummary s = completed_summary();
    s.learner_name = QStringLiteral("Maria Magdalena Alexandra von und zu Hohenzollern-Sigmaringen ").repeated(6);
    for (auto& l : s.lessons) l.title = l.title.repeated(3);
    QTemporaryDir dir;
    QString error;
    QVERIFY2(cs::ui::exportCompletionPdf(s, dir.filePath("long.pdf"), &error), qPrintable(error));
    const QByteArray pdf = read_all(dir.filePath("long.pdf"));
    QCOMPARE(page_objects(pdf), 1);
    // It fits by being set smaller than the usual page (which is at least 11 points), not by
    // running off the sheet; still at least 8 points.
    const QList<double> points = text_points(pdf);
    QVERIFY(!points.isEmpty());
    const double smallest = *std::min_element(points.begin(), points.end());
    QVERIFY2(smallest < 11.0 && smallest >= 8.0, qPrintable(QString::number(smallest)));
    keep_for_review(dir.filePath("long.pdf"), "completion-long.pdf");
  }

  void anUnwritablePathIsAnErrorNamingIt() {
    QTemporaryDir dir;
    for (const QString& path : {dir.filePath("no-such-folder/certificate.pdf"), dir.path()}) {
      QString error;
      QVERIFY(!cs::ui::exportCompletionPdf(completed_summary(), path, &error));
      QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
    }
    QVERIFY(!QFile::exists(dir.filePath("no-such-folder")));
    QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());  // no temporary file left behind
  }

  void theViewFitsA720pScreenAndExports() {
    cs::ui::CompletionView view(completed_summary());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(view.objectName(), QStringLiteral("completionView"));
    QCOMPARE(view.windowTitle(), QStringLiteral("Course completed"));
    QVERIFY2(view.width() <= 1100 && view.height() <= 640,
             qPrintable(QStringLiteral("%1x%2").arg(view.width()).arg(view.height())));
    QVERIFY(view.minimumSizeHint().width() <= 1100 && view.minimumSizeHint().height() <= 640);
    keep_for_review(view, "completion-view.png");

    auto* text = view.findChild<QTextBrowser*>("completionText");
    QVERIFY(text);
    QVERIFY(!text->accessibleName().isEmpty());
    QVERIFY(text->toPlainText().contains(QStringLiteral("8 of 10 (80%)")));
    // The table is never wider than the view; at the largest size the whole page shows at once.
    QCOMPARE(text->horizontalScrollBar()->maximum(), 0);
    view.resize(1100, 640);
    QCoreApplication::processEvents();
    QCOMPARE(text->horizontalScrollBar()->maximum(), 0);
    QCOMPARE(text->verticalScrollBar()->maximum(), 0);

    auto* exportButton = view.findChild<QPushButton*>("completionExportPdf");
    auto* close = view.findChild<QPushButton*>("completionClose");
    QVERIFY(exportButton && close);
    for (QPushButton* b : {exportButton, close}) {
      QVERIFY(b->isEnabled());
      QVERIFY(b->focusPolicy() & Qt::TabFocus);
      QVERIFY(!b->accessibleName().isEmpty());
    }
    QCOMPARE(exportButton->text().remove(QLatin1Char('&')), QStringLiteral("Export as PDF…"));
    QVERIFY(cs::ui::CompletionView::defaultExportPath().endsWith(QStringLiteral("ClusterScope-certificate.pdf")));

    QTemporaryDir dir;
    const QString path = dir.filePath("view.pdf");
    QString error;
    QVERIFY2(view.exportTo(path, &error), qPrintable(error));
    QVERIFY(read_all(path).startsWith("%PDF-"));
    auto* status = view.findChild<QLabel*>("completionStatus");
    QVERIFY(status && status->isVisible());
    QVERIFY(status->text().contains(QDir::toNativeSeparators(path)));
    QVERIFY(!view.exportTo(dir.filePath("missing/view.pdf"), &error));
    QVERIFY(status->text().contains(QStringLiteral("missing")));

    // Tab goes from the summary to Export to Close; Esc closes.
    view.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&view));
    text->setFocus();
    QTest::keyClick(text, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), exportButton);
    QTest::keyClick(exportButton, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), close);
    QTest::keyClick(&view, Qt::Key_Escape);
    QVERIFY(!view.isVisible());
    QCOMPARE(view.result(), int(QDialog::Rejected));
  }

  void aLargerFontMakesALargerViewWithinTheLimit() {
    cs::ui::CompletionView normal(completed_summary());
    QWidget projector;
    QFont big = projector.font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    projector.setFont(big);
    cs::ui::CompletionView large(completed_summary(), &projector);
    QCOMPARE(large.font().pointSizeF(), big.pointSizeF());
    auto* text = large.findChild<QTextBrowser*>("completionText");
    QCOMPARE(text->document()->defaultFont().pointSizeF(), big.pointSizeF());
    QVERIFY2(large.width() > normal.width() || large.width() >= 1000, qPrintable(QString::number(large.width())));
    QVERIFY(large.width() <= 1100 && large.height() <= 640);
    large.show();
    QVERIFY(QTest::qWaitForWindowExposed(&large));
    keep_for_review(large, "completion-view-large.png");
    QCOMPARE(text->horizontalScrollBar()->maximum(), 0);  // the table wraps; only the page scrolls
  }
};

QTEST_MAIN(TestCompletion)
#include "test_completion.moc"
