#include "shell/go_to_moment.h"

#include <QInputDialog>
#include <QMessageBox>
#include <QRegularExpression>
#include <cmath>

#include "run/run_controller.h"

namespace cs::ui {

GoToTarget parseGoTo(const QString& text) {
  GoToTarget out;
  const QString t = text.trimmed().toLower();
  static const QRegularExpression event(QStringLiteral(R"(^(?:#|event\s*#?|ereignis\s*#?)\s*(\d{1,12})$)"));
  static const QRegularExpression minutes(QStringLiteral(R"(^(\d{1,4}):(\d{1,2}(?:[.,]\d+)?)$)"));
  static const QRegularExpression seconds(QStringLiteral(R"(^(\d{1,7}(?:[.,]\d+)?)\s*s?$)"));
  if (const auto m = event.match(t); m.hasMatch()) {
    const quint64 n = m.captured(1).toULongLong();
    if (n == 0) return out;  // events are counted from 1
    out.kind = GoToTarget::Kind::Event;
    out.event = n - 1;
  } else if (const auto m2 = minutes.match(t); m2.hasMatch()) {
    const double s = m2.captured(1).toDouble() * 60.0 + QString(m2.captured(2)).replace(',', '.').toDouble();
    out.kind = GoToTarget::Kind::Time;
    out.time_us = static_cast<qint64>(std::llround(s * 1e6));
  } else if (const auto m3 = seconds.match(t); m3.hasMatch()) {
    out.kind = GoToTarget::Kind::Time;
    out.time_us = static_cast<qint64>(std::llround(QString(m3.captured(1)).replace(',', '.').toDouble() * 1e6));
  }
  return out;
}

bool GoToMoment::apply(RunController* run, const GoToTarget& target, QString* why) {
  switch (target.kind) {
    case GoToTarget::Kind::Invalid:
      if (why) *why = tr("Type a time in seconds (such as 12.5) or an event number (such as #1200).");
      return false;
    case GoToTarget::Kind::Time: run->seekUs(target.time_us); return true;
    case GoToTarget::Kind::Event: {
      const auto at = run->timeOfEvent(target.event);
      if (!at) {
        if (why) *why = tr("Event %1 has not happened yet in this run: play further first.").arg(target.event + 1);
        return false;
      }
      run->seekUs(*at);
      return true;
    }
  }
  return false;
}

void GoToMoment::ask(RunController* run, QWidget* parent) {
  bool ok = false;
  const QString text = QInputDialog::getText(
      parent, tr("Go to time or event"), tr("A time in seconds (12.5 or 1:05) or an event number (#1200):"),
      QLineEdit::Normal, QString::number(static_cast<double>(run->timeUs()) / 1e6, 'f', 1), &ok);
  if (!ok) return;
  QString why;
  if (!apply(run, parseGoTo(text), &why)) QMessageBox::information(parent, tr("Go to time or event"), why);
}

}  // namespace cs::ui
