#include "progress/course_session.h"

#include <QDateTime>

namespace cs::ui {

CourseSession::CourseSession(course::Course course, const QString& progress_path, bool teacher_mode, QObject* parent)
    : QObject(parent), course_(std::move(course)), store_(progress_path), teacher_mode_(teacher_mode), clock_([] {
        return QDate::currentDate();
      }) {}

namespace {

course::Day to_day(const QDate& date) {
  return course::Day{std::chrono::year{date.year()} / static_cast<unsigned>(date.month()) /
                     static_cast<unsigned>(date.day())};
}

}  // namespace

void CourseSession::setClock(Clock clock) {
  clock_ = std::move(clock);
  emit progressChanged();  // what is due depends on the day
}

int CourseSession::reviewDue() const {
  return static_cast<int>(course::askable_due(course_, store_.progress(), to_day(today())).size());
}

course::ReviewSession CourseSession::drawReview(std::uint64_t seed) const {
  return course::draw_review(course_, store_.progress(), to_day(today()), seed);
}

bool CourseSession::recordReview(const course::ReviewSession& review, const course::AttemptResult& result,
                                 QString* error) {
  if (teacher_mode_) return true;
  course::record_review_session(store_.progress(), review, result, to_day(today()));
  emit progressChanged();
  return save(error);
}

QString CourseSession::load() {
  store_.load();
  emit progressChanged();
  return store_.notice();
}

void CourseSession::setTeacherMode(bool on) {
  if (on == teacher_mode_) return;
  teacher_mode_ = on;
  emit progressChanged();
}

std::vector<course::LessonState> CourseSession::states() const {
  return course::lesson_states(course_, store_.progress(), teacher_mode_);
}

bool CourseSession::mayOpen(int lesson) const {
  return lesson >= 0 && course::may_open(course_, store_.progress(), teacher_mode_, static_cast<std::size_t>(lesson));
}

bool CourseSession::courseComplete() const { return course::course_complete(course_, store_.progress()); }

std::vector<std::string> CourseSession::lastQuestions(int lesson) const {
  const auto& lessons = store_.progress().lessons;
  const auto it = lessons.find(course_.lessons.at(static_cast<std::size_t>(lesson)).id);
  if (it == lessons.end() || it->second.attempts.empty()) return {};
  return it->second.attempts.back().question_ids;
}

bool CourseSession::recordAttempt(int lesson, const course::Quiz& quiz, const course::QuizAttempt& attempt,
                                  const course::AttemptResult& result, QString* error) {
  course::AttemptRecord record;
  record.time = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
  for (std::size_t i = 0; i < attempt.asked.size(); ++i) {
    const auto& asked = attempt.asked[i];
    const auto& q = quiz.questions.at(asked.question);
    record.question_ids.push_back(q.id);
    const int chosen = result.questions.at(i).chosen;
    record.answers.push_back(chosen >= 0 ? q.options.at(asked.options.at(static_cast<std::size_t>(chosen))).text : "");
  }
  record.correct = result.correct;
  record.total = result.total;
  record.passed = result.passed;
  course::record_attempt(store_.progress(), course_.lessons.at(static_cast<std::size_t>(lesson)).id, std::move(record));
  emit progressChanged();
  return save(error);
}

bool CourseSession::recordChallenge(const QString& lesson_id, const QString& challenge_id, qint64 met_at_us,
                                    int actions_used, QString* error) {
  if (teacher_mode_) return true;
  course::ChallengeRecord record;
  record.time = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
  record.met_at_us = met_at_us;
  record.actions_used = actions_used;
  course::record_challenge(store_.progress(), lesson_id.toStdString(), challenge_id.toStdString(), std::move(record));
  emit progressChanged();
  return save(error);
}

bool CourseSession::recordPrediction(const QString& lesson_id, const QString& key, bool held, QString* error) {
  if (teacher_mode_) return true;
  auto& lesson = store_.progress().lessons[lesson_id.toStdString()];
  if (lesson.predictions.size() >= course::kMaxPredictionsPerLesson &&
      !lesson.predictions.contains(key.toStdString())) {
    return true;
  }
  lesson.predictions[key.toStdString()] = held;
  emit progressChanged();
  return save(error);
}

int CourseSession::challengesMet(const std::string& lesson_id) const {
  const auto it = progress().lessons.find(lesson_id);
  return it == progress().lessons.end() ? 0 : static_cast<int>(it->second.challenges.size());
}

CourseSession::Outcome CourseSession::submit(int lesson, const course::Quiz& quiz, const course::QuizAttempt& attempt,
                                             const course::AttemptResult& result) {
  Outcome out;
  const bool was_complete = courseComplete();
  const bool next_was_open = mayOpen(lesson + 1);
  // Every missed question comes back in the review (a demonstration in teacher mode does not).
  if (!teacher_mode_) {
    course::queue_missed_attempt(store_.progress(), course_, static_cast<std::size_t>(lesson), quiz, attempt, result,
                                 to_day(today()));
  }
  out.saved = recordAttempt(lesson, quiz, attempt, result, &out.error);
  out.passed = result.passed;
  out.completed_course = !was_complete && courseComplete();
  if (!next_was_open && lesson + 1 < static_cast<int>(course_.lessons.size()) && mayOpen(lesson + 1)) {
    out.opened_lesson = lesson + 1;
  }
  return out;
}

void CourseSession::setLastPlace(int lesson, int scroll, const QString& scenario) {
  auto& last = store_.progress().last;
  last.lesson = lesson >= 0 ? course_.lessons.at(static_cast<std::size_t>(lesson)).id : std::string();
  last.scroll = std::max(0, scroll);
  last.scenario = scenario.toStdString();
}

bool CourseSession::save(QString* error) {
  if (!saving_enabled_) return true;
  const bool saved = store_.save(error);
  // Another window's results merged in on the way: show them.
  if (store_.mergedOnLastSave()) emit progressChanged();
  return saved;
}

QString CourseSession::summaryMarkdown() const {
  QString text = tr("**You have completed the course.** Your best results:") + QStringLiteral("\n\n");
  for (std::size_t i = 0; i < course_.lessons.size(); ++i) {
    const auto& lesson = course_.lessons[i];
    const auto it = store_.progress().lessons.find(lesson.id);
    const QString score = it == store_.progress().lessons.end() || it->second.best_total == 0
                              ? tr("not taken")
                              : tr("%1 of %2").arg(it->second.best_correct).arg(it->second.best_total);
    text += QStringLiteral("%1. %2: %3\n").arg(i + 1).arg(QString::fromStdString(lesson.title), score);
  }
  return text;
}

}  // namespace cs::ui
