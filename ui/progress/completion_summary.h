#pragma once
// What the learner keeps when the course is done: the best quiz score and the challenges met of
// every lesson, the final test's score and the day the course was completed, as a one-page
// certificate (HTML for the completion view, PDF to save).
#include <QDate>
#include <QString>
#include <QVector>

#include "course/course.h"
#include "course/progress.h"

namespace cs::ui {

struct CompletionSummary {
  struct Lesson {
    int number = 0;  // 1-based, in course order
    QString title;
    int best_correct = 0;
    int best_total = 0;  // 0: the quiz was never taken
    bool passed = false;
    int challenges_met = 0;  // at most challenge_count
    int challenge_count = 0;
  };
  QString course_title;
  QVector<Lesson> lessons;
  // The final test is the last lesson's quiz: its best score.
  int final_correct = 0;
  int final_total = 0;
  // The local date of the first passed attempt of the last lesson; invalid while it is not passed.
  QDate completed_on;
  QString learner_name;  // optional; shown when not empty

  bool complete() const { return completed_on.isValid(); }
  int challengesMet() const;
  int challengeCount() const;
};

// `challenge_counts` holds the number of challenges of each lesson, in course order (missing
// entries count as none), as the course navigator gets them.
CompletionSummary completionSummary(const course::Course& course, const course::Progress& progress,
                                    const QVector<int>& challenge_counts);

// A one-page, certificate-like page. It sets no text or background colour and no font size in
// pixels: it follows the font and palette of whatever shows it.
QString completionHtml(const CompletionSummary& summary);

// Writes the page as a one-page A4 PDF, atomically (nothing is left at `path` when it fails).
// On failure returns false and, if `error` is given, says why, naming the path.
bool exportCompletionPdf(const CompletionSummary& summary, const QString& path, QString* error);

}  // namespace cs::ui
