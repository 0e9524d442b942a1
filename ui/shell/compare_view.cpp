#include "shell/compare_view.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QScopeGuard>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include "export/image_export.h"
#include "panels/compare_panel.h"
#include "run/branch_comparison.h"
#include "shell/compare_dialog.h"
#include "shell/node_menu.h"
#include "shell/timeline_widget.h"
#include "stage/stage_controller.h"
#include "stage/stage_view.h"
#include "theme/palette.h"

namespace cs::ui {

namespace {

QLabel* caption(QWidget* parent, const char* name) {
  auto* label = new QLabel(parent);
  label->setObjectName(QLatin1String(name));
  label->setContentsMargins(8, 2, 8, 2);
  QFont f = label->font();
  f.setBold(true);
  label->setFont(f);
  label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
  return label;
}

QToolButton* button(QWidget* parent, const QString& text, const QString& tip, const char* name) {
  auto* b = new QToolButton(parent);
  b->setObjectName(QLatin1String(name));
  b->setText(text);
  b->setToolTip(tip);
  b->setAccessibleName(tip);
  b->setFocusPolicy(Qt::StrongFocus);
  return b;
}

}  // namespace

CompareView::CompareView(StageController* a, StageView* stage_a, QWidget* parent)
    : QWidget(parent), a_(a), stage_a_(stage_a), b_(new StageController(this)) {
  setObjectName("compareView");
  comparison_ = new BranchComparison(a_->run(), b_->run(), this);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  header_ = new QWidget(this);
  header_->setObjectName("compareHeader");
  auto* row = new QHBoxLayout(header_);
  row->setContentsMargins(6, 2, 6, 2);
  title_ = new QLabel(header_);
  title_->setObjectName("compareTitle");
  title_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
  title_->setWordWrap(true);
  show_a_ = button(header_, tr("A"), tr("Show branch A, the run as it is"), "compareShowA");
  show_b_ = button(header_, tr("B"), tr("Show branch B, the run with the change"), "compareShowB");
  show_a_->setCheckable(true);
  show_b_->setCheckable(true);
  auto* save = button(header_, tr("Export..."), tr("Export the comparison as SVG or PNG"), "compareExport");
  auto* close = button(header_, tr("Close comparison"), tr("Close the comparison and keep branch A"), "compareClose");
  row->addWidget(title_, 1);
  row->addWidget(show_a_);
  row->addWidget(show_b_);
  row->addWidget(save);
  row->addWidget(close);
  connect(show_a_, &QToolButton::clicked, this, [this] { showBranch(0); });
  connect(show_b_, &QToolButton::clicked, this, [this] { showBranch(1); });
  connect(save, &QToolButton::clicked, this, &CompareView::exportComparison);
  connect(close, &QToolButton::clicked, this, &CompareView::stop);

  auto* stages = stages_ = new QHBoxLayout;
  stages->setContentsMargins(0, 0, 0, 0);
  stages->setSpacing(4);
  column_a_ = new QWidget(this);
  column_a_->setObjectName("compareColumnA");
  auto* col_a = new QVBoxLayout(column_a_);
  col_a->setContentsMargins(0, 0, 0, 0);
  col_a->setSpacing(0);
  caption_a_ = caption(column_a_, "compareCaptionA");
  col_a->addWidget(caption_a_);
  stage_a_->setParent(column_a_);
  col_a->addWidget(stage_a_, 1);
  column_b_ = new QWidget(this);
  column_b_->setObjectName("compareColumnB");
  auto* col_b = new QVBoxLayout(column_b_);
  col_b->setContentsMargins(0, 0, 0, 0);
  col_b->setSpacing(0);
  caption_b_ = caption(column_b_, "compareCaptionB");
  col_b->addWidget(caption_b_);
  stages->addWidget(column_a_, 1);
  stages->addWidget(column_b_, 1);
  layout->addWidget(header_);
  layout->addLayout(stages, 1);

  // B looks like A: the same palette, projector mode included.
  connect(a_->theme(), &StageTheme::paletteChanged, this, [this] {
    if (b_->theme()->projector() != a_->theme()->projector()) b_->theme()->setProjector(a_->theme()->projector());
    b_->theme()->paletteUpdated();
  });
  connect(comparison_, &BranchComparison::changed, this, &CompareView::onComparisonChanged);
  connect(a_->run(), &RunController::scenarioChanged, this, &CompareView::onScenarioChanged);
  relayout();
}

CompareView::~CompareView() = default;

void CompareView::setTimeline(TimelineWidget* timeline) {
  timeline_ = timeline;
  onComparisonChanged();
}

void CompareView::addPanelTo(QTabWidget* tabs) {
  panel_ = new ComparePanel(comparison_, tabs);
  const int index = tabs->addTab(panel_, tr("Compare"));
  tabs->setTabVisible(index, false);
  connect(this, &CompareView::activeChanged, tabs, [tabs, this](bool active) {
    tabs->setTabVisible(tabs->indexOf(panel_), active);
    if (active) tabs->setCurrentWidget(panel_);
  });
}

void CompareView::ensureStageB() {
  if (stage_b_) return;
  // Made on first use: a second QML scene costs memory and start-up time nobody needs until then.
  b_->theme()->setProjector(a_->theme()->projector());
  stage_b_ = new StageView(b_, stage_a_->engine(), column_b_);
  stage_b_->setObjectName("stageB");
  stage_b_->setAccessibleName(tr("Cluster stage, branch B"));
  column_b_->layout()->addWidget(stage_b_);
  menu_b_ = new NodeMenu(b_, column_b_, this);
  connect(b_->selection(), &StageSelection::contextMenuRequested, this, [this] { menu_b_->popup(QCursor::pos()); });
}

bool CompareView::start(const QString& change, QString* error) {
  ensureStageB();
  if (!comparison_->start(change, error)) return false;
  emit status(tr("Comparing: B is the run with %1. Both follow the same clock.").arg(comparison_->changeText()));
  return true;
}

void CompareView::stop() { comparison_->stop(); }

void CompareView::onScenarioChanged() {
  // A new run on stage A ends a comparison, unless it is a saved run that kept its branch B.
  const auto& pending = a_->run()->pendingComparison();
  if (!pending) {
    comparison_->stop();
    return;
  }
  ensureStageB();
  QString error;
  if (!comparison_->reopen(*pending, &error))
    emit status(tr("The saved second branch could not be opened: %1").arg(error));
}

void CompareView::onComparisonChanged() {
  const bool active = comparison_->active();
  if (timeline_) {
    timeline_->setComparisonMarks(active ? std::optional<qint64>(comparison_->forkUs()) : std::nullopt,
                                  comparison_->divergenceUs());
  }
  if (active) {
    caption_a_->setText(tr("A: the run as it is"));
    caption_b_->setText(tr("B: %1").arg(comparison_->changeText()));
    const auto where = comparison_->divergenceUs();
    title_->setToolTip(where ? comparison_->divergenceText() + QLatin1Char(' ') +
                                   tr("The purple bar on the timeline marks it.")
                             : tr("Every trace record so far is the same in both."));
    refreshTitle();
  }
  if (active != was_active_) {
    was_active_ = active;
    if (!active) shown_ = 0;
    relayout();
    emit activeChanged(active);
  }
}

bool CompareView::sideBySide() const { return width() >= kSideBySideMinWidthPx; }

void CompareView::showBranch(int which) {
  shown_ = which == 1 ? 1 : 0;
  relayout();
  (shown_ == 1 && stage_b_ ? static_cast<QWidget*>(stage_b_) : stage_a_)->setFocus();
}

void CompareView::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  // Laid out while the window was hidden (a saved comparison reopened at start), the columns take
  // their places only now, once the window is on screen.
  QTimer::singleShot(0, this, &CompareView::relayout);
}

void CompareView::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  relayout();
}

void CompareView::refreshTitle() {
  if (!comparison_->active()) return;
  const auto where = comparison_->divergenceUs();
  const QString parted =
      where ? tr("they part at %1 s").arg(static_cast<double>(*where) / 1e6, 0, 'f', 3) : tr("no difference yet");
  // Side by side each stage has its caption; one at a time, the row above says which one shows.
  const QString shown = sideBySide() ? tr("A and B") : (shown_ == 1 ? caption_b_ : caption_a_)->text();
  title_->setText(QStringLiteral("%1 \u2014 %2").arg(shown, parted));
}

void CompareView::makeRoom() {
  // The header row takes a line from the stage: where the panels under it leave too little room for
  // the stage's minimum, they give up what is missing (as dragging the splitter's handle would).
  QWidget* panel = parentWidget();
  auto* split = panel ? qobject_cast<QSplitter*>(panel->parentWidget()) : nullptr;
  // Only once laid out on screen: before that the panel's height means nothing yet.
  if (!split || split->count() < 2 || split->widget(0) != panel || making_room_ || !isVisible()) return;
  making_room_ = true;  // moving the splitter resizes this view, which lays it out again
  const auto done = qScopeGuard([this] { making_room_ = false; });
  const int missing = panel->minimumSizeHint().height() - panel->height();
  QList<int> sizes = split->sizes();
  if (missing <= 0 || sizes.value(1) <= 0) return;
  const int take = std::min(missing, sizes[1]);
  sizes[0] += take;
  sizes[1] -= take;
  split->setSizes(sizes);
}

void CompareView::relayout() {
  const bool active = comparison_->active();
  const bool both = active && sideBySide();
  header_->setVisible(active);
  caption_a_->setVisible(both);
  caption_b_->setVisible(both);
  refreshTitle();
  show_a_->setVisible(active && !both);
  show_b_->setVisible(active && !both);
  show_a_->setChecked(shown_ == 0);
  show_b_->setChecked(shown_ == 1);
  // A column that does not show leaves the layout altogether. Hidden and shown again while the
  // window itself was hidden (a saved comparison reopened at start), a column that stayed in the
  // layout was not given its place back.
  const auto place = [this](QWidget* column, bool shown) {
    const bool placed = stages_->indexOf(column) >= 0;
    if (shown && !placed) stages_->insertWidget(column == column_a_ ? 0 : stages_->count(), column, 1);
    if (!shown && placed) stages_->removeWidget(column);
    column->setVisible(shown);
  };
  place(column_a_, !active || both || shown_ == 0);
  place(column_b_, active && (both || shown_ == 1));
  if (isVisible()) layout()->activate();
  if (active) makeRoom();
}

bool CompareView::exportTo(const QString& path, QString* error) {
  if (!comparison_->active()) {
    if (error) *error = tr("No comparison is open.");
    return false;
  }
  const QSize size(1600, 1000);
  const StageSnapshot snap_a = a_->scene()->snapshot();
  const StageSnapshot snap_b = b_->scene()->snapshot();
  const QString caption_a = caption_a_->text();
  const QString caption_b = caption_b_->text();
  const QString where = comparison_->divergenceText().isEmpty()
                            ? tr("No difference yet: every trace record so far is the same in both.")
                            : comparison_->divergenceText();
  QStringList differing;
  for (const auto& r : ComparePanel::rowsOf(*comparison_)) {
    if (!r.differs || differing.size() >= 10) break;  // what differs comes first
    differing << QStringLiteral("%1: A %2, B %3").arg(r.name, r.a, r.b);
  }
  const QString title = tr("%1 at %2: A and B").arg(a_->run()->scenarioTitle(), a_->run()->timeText());
  return export_painting(
      path, size, title,
      [&](QPainter& p, const QSize& s) {
        const StagePalette& palette = stage_palette();
        p.fillRect(QRect(QPoint(0, 0), s), palette.background);
        FigureCanvas canvas(p, palette, FigureCanvas::Colours::Palette);
        const double w = s.width();
        const double stage_h = s.height() * 0.68;
        canvas.text(QRectF(16, 8, w - 32, 34), Qt::AlignLeft | Qt::AlignVCenter, title, Tone::Text, 22, true);
        canvas.text(QRectF(16, 44, w / 2 - 24, 28), Qt::AlignLeft | Qt::AlignVCenter, caption_a, Tone::Text, 17, true);
        canvas.text(QRectF(w / 2 + 8, 44, w / 2 - 24, 28), Qt::AlignLeft | Qt::AlignVCenter, caption_b, Tone::Text, 17,
                    true);
        paint_stage(canvas, snap_a, QRectF(16, 76, w / 2 - 24, stage_h));
        paint_stage(canvas, snap_b, QRectF(w / 2 + 8, 76, w / 2 - 24, stage_h));
        double y = 76 + stage_h + 12;
        canvas.text(QRectF(16, y, w - 32, 30), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, where, Tone::Text,
                    16);
        y += 36;
        for (const QString& line : differing) {
          canvas.text(QRectF(24, y, w - 48, 22), Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("\u2260 ") + line,
                      Tone::Text, 15);
          y += 24;
        }
      },
      error);
}

void CompareView::chooseChange() {
  if (!a_->run()->hasRun()) return;
  CompareDialog dialog(BranchComparison::parameters(*a_->run()), a_->run()->seed(), a_->run()->timeText(), this);
  dialog.setStarter([this](const QString& change, QString* error) { return start(change, error); });
  dialog.exec();
}

void CompareView::exportComparison() {
  const QString path = QFileDialog::getSaveFileName(this, tr("Export the comparison"),
                                                    a_->run()->scenarioId() + QStringLiteral("-compare.svg"),
                                                    tr("SVG image (*.svg);;PNG image (*.png)"));
  if (path.isEmpty()) return;
  QString error;
  if (exportTo(path, &error)) {
    emit status(tr("Exported the comparison to %1").arg(path));
  } else {
    QMessageBox::warning(this, tr("Export the comparison"), error);
  }
}

}  // namespace cs::ui
