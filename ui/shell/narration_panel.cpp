#include "shell/narration_panel.h"

#include <QHBoxLayout>
#include <QHelpEvent>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTextLayout>
#include <QToolTip>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "run/run_controller.h"
#include "shell/glossary_dialog.h"
#include "stage/stage_controller.h"

namespace cs::ui {

NarrationPanel::NarrationPanel(StageController* controller, QWidget* parent)
    : QWidget(parent), controller_(controller) {
  setObjectName("narration");
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(10, 6, 10, 6);
  auto* column = new QVBoxLayout;
  heading_ = new QLabel(this);
  QFont bold = heading_->font();
  bold.setBold(true);
  heading_->setFont(bold);
  heading_->setWordWrap(true);  // a long Try it title wraps instead of widening the stage's column
  heading_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Minimum);
  // The step's text, in a box that scrolls if a long step would not leave the stage enough room
  // (a small window in projector mode).
  scroll_ = new QScrollArea(this);
  scroll_->setObjectName("narrationScroll");
  scroll_->setFrameShape(QFrame::NoFrame);
  scroll_->setWidgetResizable(true);
  scroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  scroll_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
  text_ = new QLabel(scroll_);
  text_->setObjectName("narrationText");
  text_->setWordWrap(true);
  text_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
  text_->setAccessibleName(tr("Narration"));
  text_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Minimum);
  text_->installEventFilter(this);  // hover definitions of glossary terms
  // The text and, under it, a prediction's options scroll together.
  auto* body = new QWidget(scroll_);
  auto* body_layout = new QVBoxLayout(body);
  body_layout->setContentsMargins(0, 0, 0, 0);
  body_layout->setSpacing(4);
  body_layout->addWidget(text_);
  options_ = new QWidget(body);
  options_->setObjectName("predictionOptions");
  new QVBoxLayout(options_);
  options_->layout()->setContentsMargins(0, 0, 0, 0);
  options_->hide();
  body_layout->addWidget(options_);
  body_layout->addStretch(1);
  body->setAutoFillBackground(false);
  scroll_->setWidget(body);
  scroll_->viewport()->setAutoFillBackground(false);
  text_->setAutoFillBackground(false);
  setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
  column->addWidget(heading_);
  column->addWidget(scroll_);
  previous_ = new QPushButton(tr("Previous"), this);
  previous_->setObjectName("narrationPrevious");
  previous_->setToolTip(tr("Previous step (Page Up)"));
  next_ = new QPushButton(tr("Next"), this);
  next_->setObjectName("narrationNext");
  next_->setToolTip(tr("Next step: plays to it and pauses (Page Down)"));
  layout->addLayout(column, 1);
  layout->addWidget(previous_, 0, Qt::AlignVCenter);
  layout->addWidget(next_, 0, Qt::AlignVCenter);
  connect(previous_, &QPushButton::clicked, this, &NarrationPanel::previous);
  connect(next_, &QPushButton::clicked, this, &NarrationPanel::next);
  connect(controller_->run(), &RunController::timeChanged, this, &NarrationPanel::follow_run);
  setDescription({});
}

void NarrationPanel::setSteps(const QString& title, std::vector<course::TryItStep> steps) {
  title_ = title;
  close_prediction();
  steps_ = std::move(steps);
  current_ = -1;
  answered_.clear();
  // The steps' moments stay quick to come back to, however long the run goes on.
  QList<qint64> moments;
  for (const auto& step : steps_) {
    if (step.at_us) moments << *step.at_us;
  }
  controller_->run()->keepMoments(moments);
  if (steps_.empty()) {
    setDescription({});
    return;
  }
  if (!open_prediction(0)) show_step(0);
  reserve_height();
}

void NarrationPanel::setDescription(const QString& text) {
  close_prediction();
  steps_.clear();
  answered_.clear();
  current_ = -1;
  heading_->setText(controller_->run()->scenarioTitle());
  text_->setText(text);
  reserve_height();
  previous_->hide();
  next_->hide();
}

QString NarrationPanel::text() const { return text_->text(); }

void NarrationPanel::setTextPixelSize(int px) {
  QFont f = text_->font();
  f.setPixelSize(px);
  text_->setFont(f);
  f.setBold(true);
  heading_->setFont(f);
  for (QPushButton* b : {previous_, next_}) {
    QFont bf = b->font();
    bf.setPixelSize(px);
    b->setFont(bf);
  }
  reserve_height();
}

void NarrationPanel::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  reserve_height();
}

void NarrationPanel::reserve_height() {
  // Measured at the box's width less a scroll bar, whether or not one shows: the bar appearing
  // must not change the answer (it would resize the box again, and again). A label like the
  // shown one, never shown, measures each text exactly as it would be laid out.
  const int bar = scroll_->verticalScrollBar()->sizeHint().width();
  const int width = std::max(80, scroll_->width() - bar);
  QLabel measure;
  measure.setWordWrap(true);
  measure.setFont(text_->font());
  int tallest = text_->fontMetrics().lineSpacing() * 2;  // two lines are always there
  const auto fit = [&](const QString& text) {
    measure.setText(text);
    if (!text.isEmpty()) tallest = std::max(tallest, measure.heightForWidth(width));
  };
  fit(text_->text());
  for (const auto& step : steps_) fit(QString::fromStdString(step.text));
  // A prediction: its question over a button per option, and afterwards the verdict, the
  // explanation and the step's text together.
  const int button = QPushButton().sizeHint().height() + 4;
  for (std::size_t i = 0; i < steps_.size(); ++i) {
    if (steps_[i].predict_json.empty()) continue;
    const auto p = load(i);
    if (!p) continue;
    measure.setText(QString::fromStdString(p->question));
    tallest = std::max(tallest, measure.heightForWidth(width) + 4 + button * static_cast<int>(p->options.size()));
    fit(verdict_text(*p, 0, QStringLiteral("0000000000"), false) + QStringLiteral("\n\n") +
        QString::fromStdString(steps_[i].text));
  }
  // At most a fifth of the window: beyond that the text scrolls and the stage keeps its room.
  const int cap = std::max(text_->fontMetrics().lineSpacing() * 3, (window() ? window()->height() : 800) / 5);
  const int height = std::min(tallest, cap) + 2;
  if (scroll_->height() != height || scroll_->minimumHeight() != height) scroll_->setFixedHeight(height);
  // The text is as tall as it needs at that width (measured the same way), so the box scrolls
  // only when it really is too long for it.
  measure.setText(text_->text());
  const int needed = text_->text().isEmpty() ? 0 : std::max(0, measure.heightForWidth(width));
  if (text_->minimumHeight() != needed) text_->setFixedHeight(needed);
}

void NarrationPanel::setGlossary(std::shared_ptr<const GlossaryTerms> glossary) { glossary_ = std::move(glossary); }

int NarrationPanel::termAt(const QPoint& text_pos, QRect* area) const {
  if (!glossary_) return -1;
  const QString text = text_->text();
  if (text.isEmpty()) return -1;
  // The label draws plain text as QPainter::drawText does with word wrap: lay it out the same way
  // (lines at whole pixels, the font's leading between them) to find the character under the point.
  QString shown = text;
  shown.replace(QLatin1Char('\n'), QChar::LineSeparator);
  QTextLayout layout(shown, text_->font());
  QTextOption option(text_->alignment());
  option.setWrapMode(QTextOption::WordWrap);
  layout.setTextOption(option);
  const QRect room = text_->contentsRect();
  const QPointF at = QPointF(text_pos) - QPointF(room.topLeft());
  const qreal leading = QFontMetricsF(text_->font()).leading();
  int position = -1;
  int hit_line = -1;
  qreal y = -leading;
  layout.beginLayout();
  for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
    line.setLineWidth(room.width());
    y = std::ceil(y + leading);
    line.setPosition(QPointF(0, y));
    if (position < 0 && at.y() >= y && at.y() < y + line.height() && at.x() >= line.x() &&
        at.x() <= line.x() + line.naturalTextWidth()) {
      position = line.xToCursor(at.x(), QTextLine::CursorOnCharacter);
      hit_line = line.lineNumber();
    }
    y += line.height();
  }
  layout.endLayout();
  if (position < 0) return -1;
  const GlossaryTerms::Found found = glossary_->at(text, position);
  if (found.term >= 0 && area) {
    const QTextLine line = layout.lineAt(hit_line);
    const int line_end = line.textStart() + line.textLength();
    const qreal left = line.cursorToX(std::max(found.begin, line.textStart()));
    const qreal right = found.end <= line_end ? line.cursorToX(found.end) : line.x() + line.naturalTextWidth();
    *area = QRectF(room.left() + left, room.top() + line.y(), right - left, line.height()).toAlignedRect();
  }
  return found.term;
}

QString NarrationPanel::termTipAt(const QPoint& text_pos) const {
  const int term = termAt(text_pos);
  return term < 0 ? QString() : glossary_->tooltip(term);
}

bool NarrationPanel::eventFilter(QObject* watched, QEvent* event) {
  if (watched == text_ && event->type() == QEvent::ToolTip && glossary_) {
    const auto* help = static_cast<QHelpEvent*>(event);
    QRect area;
    const int term = termAt(help->pos(), &area);
    if (term < 0) return false;  // the label's own (or its parents') tooltip, if any
    // It goes as soon as the pointer leaves the term.
    QToolTip::showText(help->globalPos(), glossary_->tooltip(term), text_, area);
    return true;
  }
  return QWidget::eventFilter(watched, event);
}

std::optional<course::Prediction> NarrationPanel::load(std::size_t index) const {
  try {
    return course::load_prediction(steps_[index], controller_->run()->scenario(), "tryit.json");
  } catch (const course::CourseError&) {
    return std::nullopt;  // the validator names the problem; the step still reads as text
  }
}

QString NarrationPanel::verdict_text(const course::Prediction& p, int chosen, const QString& value, bool held) const {
  QString right;
  for (const auto& option : p.options) {
    if (evaluate::holds(option.claim, controller_->run()->evaluate(p.quantity)))
      right = QString::fromStdString(option.text);
  }
  const QString you = QString::fromStdString(p.options[static_cast<std::size_t>(chosen)].text);
  const QString verdict = held ? tr("Your prediction held.") : tr("Not this time.");
  return tr("You predicted \u201c%1\u201d. In the run the value is %2, so the answer is \u201c%3\u201d. %4 %5")
      .arg(you, value, right.isEmpty() ? tr("none of the options") : right, verdict,
           QString::fromStdString(p.explanation));
}

bool NarrationPanel::unanswered_prediction(int index) const {
  return index >= 0 && index < stepCount() && !steps_[static_cast<std::size_t>(index)].predict_json.empty() &&
         !answered_.contains(index);
}

bool NarrationPanel::open_prediction(int index) {
  if (!unanswered_prediction(index)) return false;
  auto p = load(static_cast<std::size_t>(index));
  if (!p) return false;
  RunController* run = controller_->run();
  run->setPlaying(false);
  // The answer comes from the scenario's own run: the learner's earlier changes are set aside,
  // and nothing can change it until the question is answered.
  if (!run->savedRun().actions.empty() || run->timeUs() >= p->at_us) {
    run->seekUs(std::max<qint64>(0, std::min<qint64>(moment(index - 1), p->at_us - 1)));
  }
  if (!run->savedRun().actions.empty()) {
    run->reset();
    run->explain(tr("The prediction is about the scenario's own run: your changes to it were set aside."));
  }
  run->setSeedLocked(true);
  run->setActionGate(
      [](const sim::Action*) { return tr("Answer the prediction first: the run cannot be changed until then."); });
  prediction_ = std::move(p);
  open_prediction_ = index;
  current_ = index;
  heading_->setText(tr("%1 \u2014 step %2 of %3: predict first").arg(title_).arg(index + 1).arg(steps_.size()));
  text_->setText(QString::fromStdString(prediction_->question));
  // One button per option.
  QLayout* layout = options_->layout();
  while (QLayoutItem* item = layout->takeAt(0)) {
    delete item->widget();
    delete item;
  }
  for (std::size_t i = 0; i < prediction_->options.size(); ++i) {
    auto* b = new QPushButton(QString::fromStdString(prediction_->options[i].text), options_);
    b->setObjectName(QStringLiteral("predictionOption%1").arg(i));
    b->setStyleSheet(QStringLiteral("text-align: left; padding: 2px 8px;"));
    connect(b, &QPushButton::clicked, this, [this, i] { choosePrediction(static_cast<int>(i)); });
    layout->addWidget(b);
  }
  options_->show();
  reserve_height();
  previous_->setEnabled(index > 0);
  next_->setEnabled(false);
  next_->setToolTip(tr("Choose an answer first"));
  return true;
}

void NarrationPanel::close_prediction() {
  if (open_prediction_ < 0) return;
  open_prediction_ = -1;
  options_->hide();
  controller_->run()->setSeedLocked(false);
  controller_->run()->setActionGate({});
  next_->setToolTip(tr("Next step: plays to it and pauses (Page Down)"));
}

QStringList NarrationPanel::predictionOptions() const {
  QStringList out;
  if (open_prediction_ >= 0 && prediction_) {
    for (const auto& o : prediction_->options) out << QString::fromStdString(o.text);
  }
  return out;
}

void NarrationPanel::choosePrediction(int option) {
  if (open_prediction_ < 0 || !prediction_ || option < 0 || option >= static_cast<int>(prediction_->options.size()))
    return;
  const int index = open_prediction_;
  const course::Prediction p = *prediction_;
  close_prediction();
  answered_.insert(index);
  // Plays to the moment the question is about, then judges the choice by the run's own value.
  RunController* run = controller_->run();
  run->seekUs(p.at_us);
  const evaluate::Value value = run->evaluate(p.quantity);
  const bool held = evaluate::holds(p.options[static_cast<std::size_t>(option)].claim, value);
  show_step(index);
  text_->setText(verdict_text(p, option, QString::fromStdString(evaluate::value_text(value)), held) +
                 QStringLiteral("\n\n") + text_->text());
  reserve_height();
  emit predictionAnswered(index, held);
}

void NarrationPanel::show_step(int index) {
  close_prediction();
  current_ = index;
  const course::TryItStep& step = steps_[static_cast<std::size_t>(index)];
  heading_->setText(tr("%1 \u2014 step %2 of %3").arg(title_).arg(index + 1).arg(steps_.size()));
  text_->setText(QString::fromStdString(step.text));
  reserve_height();
  QStringList highlight;
  for (const auto& h : step.highlight) highlight << QString::fromStdString(h);
  controller_->scene()->setHighlighted(highlight);
  previous_->show();
  next_->show();
  previous_->setEnabled(index > 0);
  next_->setEnabled(index + 1 < static_cast<int>(steps_.size()));
}

qint64 NarrationPanel::moment(int index) const {
  for (int i = index; i >= 0; --i) {
    if (steps_[static_cast<std::size_t>(i)].at_us) return *steps_[static_cast<std::size_t>(i)].at_us;
  }
  return 0;
}

void NarrationPanel::follow_run() {
  if (steps_.empty() || current_ < 0) return;
  const qint64 now = controller_->run()->timeUs();
  int target = current_;
  // Forward: the last timed step the run has reached (steps without a time are passed over).
  for (int i = current_ + 1; i < stepCount(); ++i) {
    const auto& at = steps_[static_cast<std::size_t>(i)].at_us;
    if (!at) continue;
    if (*at > now) break;
    target = i;
  }
  // Backward: the run went back before this step's moment.
  while (target > 0 && moment(target) > now) --target;
  if (open_prediction_ >= 0) {
    // The question's moment stays unseen until it is answered: the run is held before it.
    const qint64 before =
        prediction_ ? std::max<qint64>(0, std::min<qint64>(moment(open_prediction_ - 1), prediction_->at_us - 1)) : now;
    if (prediction_ && now >= prediction_->at_us && now != before) {
      controller_->run()->setPlaying(false);
      controller_->run()->seekUs(before);
    }
    return;
  }
  // A prediction is asked before its moment is shown: the first unanswered one on the way stops
  // the run (and takes it back before the moment).
  for (int i = current_ + 1; i <= target; ++i) {
    if (unanswered_prediction(i) && open_prediction(i)) return;
  }
  if (target != current_) show_step(target);
}

void NarrationPanel::next() {
  if (current_ + 1 >= static_cast<int>(steps_.size()) || open_prediction_ >= 0) return;
  if (open_prediction(current_ + 1)) return;
  show_step(current_ + 1);
  // A step with a time moves the run to that moment, forwards or back, and pauses there, so the
  // learner sees the moment the text is about.
  const course::TryItStep& step = steps_[static_cast<std::size_t>(current_)];
  if (step.at_us) {
    controller_->run()->setPlaying(false);
    controller_->run()->seekUs(*step.at_us);
  }
}

void NarrationPanel::previous() {
  if (current_ <= 0) return;
  show_step(current_ - 1);
  // Going back returns to the latest time named by this or an earlier step.
  controller_->run()->setPlaying(false);
  controller_->run()->seekUs(moment(current_));
}

}  // namespace cs::ui
