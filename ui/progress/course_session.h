#pragma once
// The learner's side of the course: which lessons are open, recording quiz attempts, the last
// place, and saving all of it through the ProgressStore. The window shows what this decides.
#include <QDate>
#include <QObject>
#include <functional>
#include <memory>

#include "course/course.h"
#include "course/quiz_session.h"
#include "course/review_session.h"
#include "course/unlocking.h"
#include "progress/progress_store.h"

namespace cs::ui {

class CourseSession : public QObject {
  Q_OBJECT

 public:
  CourseSession(course::Course course, const QString& progress_path, bool teacher_mode, QObject* parent = nullptr);

  // Loads the progress file; returns the notice to show (empty if none).
  QString load();

  const course::Course& course() const { return course_; }
  const course::Progress& progress() const { return store_.progress(); }
  ProgressStore& store() { return store_; }
  bool teacherMode() const { return teacher_mode_; }
  void setTeacherMode(bool on);
  // Today's date, from the injected clock (tests make days pass without waiting); the local date
  // by default.
  using Clock = std::function<QDate()>;
  void setClock(Clock clock);
  QDate today() const { return clock_(); }
  // When false, nothing is written (used by --screenshot).
  void setSavingEnabled(bool on) { saving_enabled_ = on; }

  std::vector<course::LessonState> states() const;
  bool mayOpen(int lesson) const;
  bool courseComplete() const;
  // The question ids of the lesson's last attempt (a retry avoids them).
  std::vector<std::string> lastQuestions(int lesson) const;

  // Records an attempt and saves. Returns false (with a reason in `error`) if saving failed; the
  // attempt is kept in memory either way.
  bool recordAttempt(int lesson, const course::Quiz& quiz, const course::QuizAttempt& attempt,
                     const course::AttemptResult& result, QString* error);

  // The quiz flow after an answer: the graded attempt is recorded and saved, and the outcome says
  // what it changed, for the window to show.
  struct Outcome {
    bool saved = true;
    QString error;  // why saving failed (the attempt stays recorded in memory)
    bool passed = false;
    bool completed_course = false;  // this attempt completed the course
    int opened_lesson = -1;         // the lesson this attempt opened, or -1
  };
  // `quiz` holds the questions the attempt indexes (the bank's and the attempt's computed ones).
  Outcome submit(int lesson, const course::Quiz& quiz, const course::QuizAttempt& attempt,
                 const course::AttemptResult& result);
  // A challenge met (kept the first time) and a prediction answered, saved at once. Teacher mode
  // records neither: a demonstration is not the learner's work.
  bool recordChallenge(const QString& lesson_id, const QString& challenge_id, qint64 met_at_us, int actions_used,
                       QString* error);
  bool recordPrediction(const QString& lesson_id, const QString& key, bool held, QString* error);
  // How many of the lesson's challenges are met.
  int challengesMet(const std::string& lesson_id) const;
  void setLastPlace(int lesson, int scroll, const QString& scenario);
  bool save(QString* error);
  // The spaced review: how many queued questions are due today, a session asking them, and its
  // answers recorded (rescheduled) and saved. Teacher mode reviews without recording.
  int reviewDue() const;
  course::ReviewSession drawReview(std::uint64_t seed) const;
  bool recordReview(const course::ReviewSession& review, const course::AttemptResult& result, QString* error);
  // "Lesson 1: 3/3 ..." for the course-complete summary (Markdown).
  QString summaryMarkdown() const;

 signals:
  void progressChanged();

 private:
  course::Course course_;
  ProgressStore store_;
  bool teacher_mode_;
  bool saving_enabled_ = true;
  Clock clock_;
};

}  // namespace cs::ui
