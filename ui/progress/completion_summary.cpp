#include "progress/completion_summary.h"

#include <QAbstractTextDocumentLayout>
#include <QColor>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QGuiApplication>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTextDocument>
#include <algorithm>
#include <cmath>

#include "i18n/language.h"

namespace cs::ui {

namespace {

struct CompletionText {
  Q_DECLARE_TR_FUNCTIONS(CompletionText)
};

// Progress times are ISO 8601 in UTC; one without a zone is read as UTC too.
QDateTime attempt_time(const std::string& text) {
  QDateTime time = QDateTime::fromString(QString::fromStdString(text), Qt::ISODateWithMs);
  if (!time.isValid()) time = QDateTime::fromString(QString::fromStdString(text), Qt::ISODate);
  if (time.isValid() && time.timeSpec() == Qt::LocalTime) time.setTimeSpec(Qt::UTC);
  return time;
}

QString score_text(int correct, int total) {
  if (total <= 0) return CompletionText::tr("not taken");
  return CompletionText::tr("%1 of %2").arg(correct).arg(total);
}

QString percent_score_text(int correct, int total) {
  if (total <= 0) return CompletionText::tr("not taken");
  const int percent = static_cast<int>(std::lround(100.0 * correct / total));
  return CompletionText::tr("%1 of %2 (%3%)").arg(correct).arg(total).arg(percent);
}

// Score cells keep "8 of 10" on one line; the lesson's title wraps.
QString cell(const QString& text, const char* align) {
  const bool left = qstrcmp(align, "left") == 0;
  return QStringLiteral("<td align=\"%1\"%2>%3</td>")
      .arg(QLatin1String(align), left ? QString() : QStringLiteral(" nowrap"), text.toHtmlEscaped());
}

// The locale's long date without the day of the week ("May 17, 2024", "17. Mai 2024").
QString long_date(const QDate& date) {
  const QLocale locale(current_language());
  QString format = locale.dateFormat(QLocale::LongFormat);
  static const QRegularExpression weekday(QStringLiteral("d{4}[,.]?\\s*|\\s*[,.]?\\s*d{4}"));
  format.remove(weekday);
  format = format.trimmed();
  if (!format.contains(QLatin1Char('y')) || !format.contains(QLatin1Char('M'))) {
    return locale.toString(date, QLocale::LongFormat);
  }
  return locale.toString(date, format);
}

// The printed page's text size: a document's, whatever the screen's font size is.
constexpr double kPrintPointSize = 12.0;
constexpr double kSmallestPrintPointSize = 8.0;
constexpr qreal kMarginMm = 15.0;   // the sheet's edge to the frame
constexpr qreal kPaddingMm = 12.0;  // the frame to the text
constexpr int kResolutionDpi = 300;

}  // namespace

int CompletionSummary::challengesMet() const {
  int sum = 0;
  for (const Lesson& l : lessons) sum += l.challenges_met;
  return sum;
}

int CompletionSummary::challengeCount() const {
  int sum = 0;
  for (const Lesson& l : lessons) sum += l.challenge_count;
  return sum;
}

CompletionSummary completionSummary(const course::Course& course, const course::Progress& progress,
                                    const QVector<int>& challenge_counts) {
  CompletionSummary out;
  out.course_title = QString::fromStdString(course.title);
  for (std::size_t i = 0; i < course.lessons.size(); ++i) {
    const course::Lesson& lesson = course.lessons[i];
    CompletionSummary::Lesson row;
    row.number = static_cast<int>(i) + 1;
    row.title = QString::fromStdString(lesson.title);
    const qsizetype index = static_cast<qsizetype>(i);
    row.challenge_count = index < challenge_counts.size() ? std::max(0, challenge_counts[index]) : 0;
    const auto it = progress.lessons.find(lesson.id);
    if (it != progress.lessons.end()) {
      const course::LessonProgress& lp = it->second;
      row.best_correct = lp.best_correct;
      row.best_total = lp.best_total;
      row.passed = lp.passed;
      // A challenge removed from the course since it was met does not count beyond the lesson's.
      row.challenges_met = std::min(static_cast<int>(lp.challenges.size()), row.challenge_count);
    }
    out.lessons.push_back(row);
  }
  if (!course.lessons.empty()) {
    const auto it = progress.lessons.find(course.lessons.back().id);
    if (it != progress.lessons.end()) {
      out.final_correct = it->second.best_correct;
      out.final_total = it->second.best_total;
      // The earliest passed attempt (attempts are kept in order; the earliest time decides anyway).
      QDateTime first;
      for (const course::AttemptRecord& attempt : it->second.attempts) {
        if (!attempt.passed) continue;
        const QDateTime time = attempt_time(attempt.time);
        if (time.isValid() && (!first.isValid() || time < first)) first = time;
      }
      if (first.isValid()) out.completed_on = first.toLocalTime().date();
    }
  }
  return out;
}

QString completionHtml(const CompletionSummary& summary) {
  const QString title = summary.course_title.isEmpty() ? CompletionText::tr("Introduction to Distributed Databases")
                                                       : summary.course_title;
  const auto centred = [](const QString& text, const char* style = "") {
    return QStringLiteral("<p align=\"center\" style=\"%1\">%2</p>").arg(QLatin1String(style), text.toHtmlEscaped());
  };
  const QString blank = QStringLiteral("<p>&nbsp;</p>");
  QString html = QStringLiteral("<html><body>");
  html += centred(QStringLiteral("ClusterScope"), "font-size: large; font-weight: bold;");
  html += centred(CompletionText::tr("Certificate of completion"), "font-size: xx-large;");
  html += blank;
  const QString name = summary.learner_name.simplified();
  if (!name.isEmpty()) {
    html += centred(name, "font-size: x-large; font-weight: bold;");
    html += centred(CompletionText::tr("has completed the course"));
  }
  html += centred(title, "font-size: x-large; font-weight: bold;");
  const QString date = summary.completed_on.isValid() ? long_date(summary.completed_on) : CompletionText::tr("not yet");
  html += centred(CompletionText::tr("Course completed on %1").arg(date), "font-size: large;");
  html +=
      centred(CompletionText::tr("Final test: %1").arg(percent_score_text(summary.final_correct, summary.final_total)),
              "font-size: large; font-weight: bold;");
  html += blank;
  html += QStringLiteral(
      "<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"6\" "
      "style=\"border-collapse: collapse; border-style: solid; border-color: gray;\">");
  html += QStringLiteral(
              "<thead><tr><th align=\"left\">%1</th><th nowrap>%2</th><th nowrap>%3</th></tr>"
              "</thead>")
              .arg(CompletionText::tr("Lesson").toHtmlEscaped(), CompletionText::tr("Quiz score").toHtmlEscaped(),
                   CompletionText::tr("Challenges").toHtmlEscaped());
  for (const CompletionSummary::Lesson& l : summary.lessons) {
    html += QStringLiteral("<tr>");
    html += cell(CompletionText::tr("%1. %2").arg(l.number).arg(l.title), "left");
    html += cell(score_text(l.best_correct, l.best_total), "center");
    html += cell(l.challenge_count > 0 ? score_text(l.challenges_met, l.challenge_count) : QStringLiteral("\u2013"),
                 "center");
    html += QStringLiteral("</tr>");
  }
  html += QStringLiteral("</table>");
  if (summary.challengeCount() > 0) {
    html += centred(
        CompletionText::tr("Challenges met: %1 of %2").arg(summary.challengesMet()).arg(summary.challengeCount()));
  }
  html += QStringLiteral("</body></html>");
  return html;
}

bool exportCompletionPdf(const CompletionSummary& summary, const QString& path, QString* error) {
  const QString shown = QDir::toNativeSeparators(path);
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) {
    if (error) *error = CompletionText::tr("Cannot write %1: %2").arg(shown, file.errorString());
    return false;
  }
  {
    QPdfWriter writer(&file);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                     QMarginsF(kMarginMm, kMarginMm, kMarginMm, kMarginMm), QPageLayout::Millimeter));
    writer.setResolution(kResolutionDpi);
    writer.setTitle(CompletionText::tr("ClusterScope: certificate of completion"));
    writer.setCreator(QStringLiteral("ClusterScope"));
    const auto mm = [](qreal v) { return v / 25.4 * kResolutionDpi; };  // to the writer's pixels
    const QRectF page(0, 0, writer.width(), writer.height());           // inside the margins
    const QRectF text_area = page.adjusted(mm(kPaddingMm), mm(kPaddingMm), -mm(kPaddingMm), -mm(kPaddingMm));

    // Laid out at the writer's resolution, as wide as the frame leaves. A long name or title makes
    // the text smaller, never a second page: the page is one painting on one sheet.
    QTextDocument doc;
    doc.documentLayout()->setPaintDevice(&writer);
    doc.setDocumentMargin(0);
    const QString html = completionHtml(summary);
    QFont font = QGuiApplication::font();
    for (double pt = kPrintPointSize; pt >= kSmallestPrintPointSize; pt -= 0.5) {
      font.setPointSizeF(pt);
      doc.setDefaultFont(font);
      doc.setHtml(html);
      doc.setTextWidth(text_area.width());
      if (doc.size().height() <= text_area.height()) break;
    }

    QPainter painter;
    if (painter.begin(&writer)) {
      // A double frame round the sheet, and the text a little above its middle.
      painter.setPen(QPen(QColor(0x44, 0x44, 0x44), mm(0.8)));
      painter.drawRect(page.adjusted(mm(0.4), mm(0.4), -mm(0.4), -mm(0.4)));
      painter.setPen(QPen(QColor(0x44, 0x44, 0x44), mm(0.25)));
      painter.drawRect(page.adjusted(mm(2), mm(2), -mm(2), -mm(2)));
      const qreal height = std::min(doc.size().height(), text_area.height());
      painter.translate(text_area.left(), text_area.top() + (text_area.height() - height) * 0.4);
      doc.drawContents(&painter, QRectF(0, 0, text_area.width(), height));
      painter.end();
    }
  }
  if (file.error() != QFileDevice::NoError || file.pos() == 0) {
    const QString why =
        file.error() != QFileDevice::NoError ? file.errorString() : CompletionText::tr("nothing was drawn");
    file.cancelWriting();
    if (error) *error = CompletionText::tr("Cannot write %1: %2").arg(shown, why);
    return false;
  }
  if (!file.commit()) {
    if (error) *error = CompletionText::tr("Cannot write %1: %2").arg(shown, file.errorString());
    return false;
  }
  return true;
}

}  // namespace cs::ui
