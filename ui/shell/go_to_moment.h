#pragma once
// "Go to time or event": the learner types a time ("12.5", "12.5 s", "1:05") or an event number
// ("#1234", "event 1234", 1-based as people count) and the run goes there. The parsing is separate
// from the dialog so that tests and the timeline's keyboard use the same rules.
#include <QCoreApplication>
#include <QString>

class QWidget;

namespace cs::ui {

class RunController;

struct GoToTarget {
  enum class Kind { Invalid, Time, Event };
  Kind kind = Kind::Invalid;
  qint64 time_us = 0;  // for Time
  quint64 event = 0;   // for Event: 0-based trace index
};

GoToTarget parseGoTo(const QString& text);

class GoToMoment {
  Q_DECLARE_TR_FUNCTIONS(GoToMoment)

 public:
  // Goes to the target; false with a sentence for the learner when it cannot.
  static bool apply(RunController* run, const GoToTarget& target, QString* why);
  // Asks for a time or event number and goes there; problems are shown in a message box.
  static void ask(RunController* run, QWidget* parent);
};

}  // namespace cs::ui
