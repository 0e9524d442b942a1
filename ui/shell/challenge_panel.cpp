#include "shell/challenge_panel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>
#include <algorithm>

#include "i18n/core_terms.h"
#include "progress/results_privacy.h"
#include "run/challenge_session.h"

namespace cs::ui {

namespace {

constexpr int kRefreshMs = 200;

QLabel* wrapping_label(QWidget* parent, const char* name) {
  auto* label = new QLabel(parent);
  label->setObjectName(name);
  label->setWordWrap(true);
  label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Minimum);
  return label;
}

}  // namespace

ChallengePanel::ChallengePanel(ChallengeSession* session, QWidget* parent) : QWidget(parent), session_(session) {
  setObjectName("challengePanel");
  setAccessibleName(tr("Challenge"));
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(10, 6, 10, 6);
  // The words scroll in a box of at most a quarter of the window, so that the stage keeps its room
  // when projector type makes them large on a small window.
  scroll_ = new QScrollArea(this);
  scroll_->setObjectName("challengeScroll");
  scroll_->setFrameShape(QFrame::NoFrame);
  scroll_->setWidgetResizable(true);
  scroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  scroll_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
  body_ = new QWidget(scroll_);
  auto* column = new QVBoxLayout(body_);
  column->setContentsMargins(0, 0, 0, 0);
  column->setSpacing(2);
  heading_ = wrapping_label(body_, "challengeHeading");
  QFont bold = heading_->font();
  bold.setBold(true);
  heading_->setFont(bold);
  goal_ = wrapping_label(body_, "challengeGoal");
  status_ = wrapping_label(body_, "challengeStatus");
  status_->setAlignment(Qt::AlignLeft | Qt::AlignTop);  // at the top of the room kept for the longest status
  watch_ = wrapping_label(body_, "challengeWatch");
  column->addWidget(heading_);
  column->addWidget(goal_);
  column->addWidget(status_);
  column->addWidget(watch_);
  column->addStretch(1);
  scroll_->setWidget(body_);
  scroll_->viewport()->setAutoFillBackground(false);
  body_->setAutoFillBackground(false);
  auto* buttons = new QVBoxLayout;
  restart_ = new QPushButton(tr("Start again"), this);
  restart_->setObjectName("challengeRestart");
  leave_ = new QPushButton(tr("Leave"), this);
  leave_->setObjectName("challengeLeave");
  leave_->setToolTip(tr("Leave the challenge; the lesson's own experiments stay as they were"));
  solution_ = new QPushButton(tr("Show a solution"), this);
  solution_->setObjectName("challengeSolution");
  solution_->setToolTip(tr("Teacher mode: plays a recorded solution on the stage"));
  solution_->hide();
  buttons->addWidget(restart_);
  buttons->addWidget(leave_);
  buttons->addWidget(solution_);
  buttons->addStretch(1);
  layout->addWidget(scroll_, 1);
  layout->addLayout(buttons);
  connect(restart_, &QPushButton::clicked, this, &ChallengePanel::restartRequested);
  connect(leave_, &QPushButton::clicked, this, &ChallengePanel::leaveRequested);
  connect(solution_, &QPushButton::clicked, session_, &ChallengeSession::showSolution);
  throttle_.setSingleShot(true);
  throttle_.setInterval(kRefreshMs);
  connect(&throttle_, &QTimer::timeout, this, &ChallengePanel::refresh);
  connect(session_, &ChallengeSession::changed, this, &ChallengePanel::refresh);
  connect(session_, &ChallengeSession::watchChanged, this, [this] {
    if (!throttle_.isActive()) throttle_.start();
  });
  connect(ResultsPrivacy::instance(), &ResultsPrivacy::changed, this, [this] {
    showSolutionButton();
    refresh();
  });
  refresh();
}

void ChallengePanel::setTeacherMode(bool on) {
  teacher_mode_ = on;
  showSolutionButton();
}

void ChallengePanel::showSolutionButton() { solution_->setVisible(teacher_mode_ && !results_hidden()); }

void ChallengePanel::setTextPixelSize(int px) {
  for (QLabel* label : {heading_, goal_, status_, watch_}) {
    QFont f = label->font();
    if (px > 0) {
      f.setPixelSize(label == goal_ ? px : px * 5 / 6);
    } else {
      f = QFont();
      f.setBold(label == heading_);
    }
    label->setFont(f);
  }
  reserveHeight();
}

QString ChallengePanel::statusText() const { return status_->text(); }

QString ChallengePanel::text() const {
  return QStringList{heading_->text(), goal_->text(), status_->text(), watch_->text()}.join('\n');
}

void ChallengePanel::refresh() {
  setVisible(session_->active());
  if (!session_->active()) return;
  const course::Challenge& c = session_->challenge();
  heading_->setText((c.kind == "break" ? tr("Challenge: break it \u2014 %1") : tr("Challenge: fix it \u2014 %1"))
                        .arg(QString::fromStdString(c.title)));
  goal_->setText(QString::fromStdString(c.goal));
  const QString used =
      tr("Actions used: %1 of %2 (an undo counts as one).").arg(session_->actionsUsed()).arg(c.max_actions);
  const QString limit = tr("Time limit: %1 s.").arg(static_cast<double>(c.time_limit_us) / 1e6, 0, 'f', 0);
  QString status;
  switch (session_->status()) {
    case ChallengeSession::Status::Met:
      status = session_->showingSolution()
                   ? tr("The recorded solution met the goal at %1 s.")
                         .arg(static_cast<double>(session_->metAtUs()) / 1e6, 0, 'f', 2)
                   : tr("Goal met at %1 s with %n action(s). %2", nullptr, session_->actionsUsed())
                         .arg(static_cast<double>(session_->metAtUs()) / 1e6, 0, 'f', 2)
                         .arg(QString::fromStdString(c.explanation));
      break;
    case ChallengeSession::Status::TimeUp:
      status = tr("Time is up and the goal was not met. Start again to try another way.");
      break;
    default: status = tr("Not met yet. %1 %2").arg(used, limit); break;
  }
  // The outcome (and a solution's) is a result; the goal and the live values are the class's.
  const bool outcome = session_->status() == ChallengeSession::Status::Met ||
                       session_->status() == ChallengeSession::Status::TimeUp || session_->showingSolution();
  if (outcome && results_hidden()) status = ResultsPrivacy::hiddenText();
  status_->setText(status);
  watch_->setText(session_->watchLines().join(QStringLiteral(" \u00b7 ")));
  reserveHeight();
}

void ChallengePanel::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  reserveHeight();
}

void ChallengePanel::reserveHeight() {
  // Room for the longest thing the status will say (the explanation once the goal is met), so that
  // meeting the goal never shrinks the stage.
  if (!session_->active() || status_->width() <= 0) return;
  const QString longest = tr("Goal met at %1 s with %n action(s). %2", nullptr, session_->challenge().max_actions)
                              .arg(QStringLiteral("000.00"), QString::fromStdString(session_->challenge().explanation));
  QLabel probe;
  probe.setFont(status_->font());
  probe.setWordWrap(true);
  probe.setText(longest);
  const int needed = std::max(probe.heightForWidth(status_->width()), status_->heightForWidth(status_->width()));
  if (status_->minimumHeight() != needed) status_->setMinimumHeight(needed);
  // The watched values change as the run goes on; room for ten characters each keeps a line break
  // from moving the stage.
  QStringList widest;
  for (const course::ChallengeWatch& w : session_->challenge().watch) {
    widest << tr("%1: %2").arg(QString::fromStdString(w.label), QStringLiteral("0000000000"));
  }
  probe.setFont(watch_->font());
  probe.setText(widest.join(QStringLiteral(" \u00b7 ")));
  const int watch_needed = std::max(probe.heightForWidth(watch_->width()), watch_->heightForWidth(watch_->width()));
  if (watch_->minimumHeight() != watch_needed) watch_->setMinimumHeight(watch_needed);
  // The box is as tall as its words, up to a quarter of the window.
  int content = 0;
  for (QLabel* label : {heading_, goal_, status_, watch_}) {
    content += std::max(label->minimumHeight(), label->heightForWidth(status_->width())) + 2;
  }
  const int cap = std::max(heading_->fontMetrics().lineSpacing() * 3, (window() ? window()->height() : 800) / 4);
  const int height = std::min(content, cap) + 2;
  if (scroll_->height() != height || scroll_->minimumHeight() != height) scroll_->setFixedHeight(height);
}

}  // namespace cs::ui
