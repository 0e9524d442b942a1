#include "run/branch_comparison.h"

#include <nlohmann/json.hpp>

#include "catalogue/catalogue.h"
#include "i18n/core_terms.h"
#include "run/compare.h"
#include "run/run.h"
#include "run/run_controller.h"
#include "scenario/run_setup.h"

namespace cs::ui {

namespace {

QString seconds(qint64 us) { return QStringLiteral("%1 s").arg(static_cast<double>(us) / 1e6, 0, 'f', 3); }

QString record_text(const scenario::Scenario& s, const std::optional<sim::TraceEvent>& e) {
  if (!e) return BranchComparison::tr("nothing yet");
  const auto name = [&](sim::EndpointId id) {
    return id < s.node_names.size() ? QString::fromStdString(s.node_names[id]) : QStringLiteral("#%1").arg(id);
  };
  QString text = trace_type_label(e->type);
  if (e->node != sim::kNoEndpoint) text += QStringLiteral(" ") + name(e->node);
  if (e->peer != sim::kNoEndpoint) text += QStringLiteral(" \u2192 ") + name(e->peer);
  return BranchComparison::tr("%1 at %2").arg(text, seconds(e->time_us));
}

// A parameter's value as a learner reads it: 3, true, sync.
QString param_text(const model::ParamValue& v) {
  if (const auto* d = std::get_if<double>(&v)) return QString::fromStdString(nlohmann::json(*d).dump());
  if (const auto* b = std::get_if<bool>(&v)) return *b ? QStringLiteral("true") : QStringLiteral("false");
  return QString::fromStdString(std::get<std::string>(v));
}

}  // namespace

BranchComparison::BranchComparison(RunController* a, RunController* b, QObject* parent)
    : QObject(parent), a_(a), b_(b) {
  connect(a, &RunController::timeChanged, this, &BranchComparison::follow);
  connect(a, &RunController::learnerActed, this, &BranchComparison::restartSearch);
  connect(b_, &RunController::learnerActed, this, &BranchComparison::restartSearch);
  // B's trace serves the search for where they part, which keeps up as both run; its own panels
  // do not exist. A quarter of A's trace, and a checkpoint every 5 s instead of every second in
  // the last ten minutes (a rewind there replays at most 5 s), keep two hour-long branches of
  // raft-5 at 280 MiB in the window (337 MiB with B keeping as much as A).
  b_->setTraceBudgetBytes(std::size_t{8} << 20);
  b_->setCheckpointIntervalUs(5'000'000);
  a_->setComparisonSource([this] { return saved(); });
}

BranchComparison::~BranchComparison() {
  if (a_) a_->setComparisonSource({});  // nothing may call into this object once it is gone
}

bool BranchComparison::start(const QString& change, QString* error) {
  scenario::Comparison c;
  c.change = change.toStdString();
  c.fork_us = a_->timeUs();
  for (const auto& action : a_->savedRun().actions) {
    if (action.at_us <= c.fork_us) c.actions.push_back(action);
  }
  return open(c, error);
}

bool BranchComparison::reopen(const scenario::Comparison& saved, QString* error) { return open(saved, error); }

bool BranchComparison::open(const scenario::Comparison& comparison, QString* error) {
  if (!a_->hasRun()) return false;
  std::string why;
  const auto change = run::parse_change(comparison.change, &why);
  if (!change) {
    if (error) *error = QString::fromStdString(why);
    return false;
  }
  scenario::Scenario base = a_->savedRun();
  base.comparison.reset();
  std::uint64_t seed = a_->seed();
  scenario::Scenario branch;
  try {
    branch = run::apply_change(base, *change, seed);
  } catch (const scenario::ScenarioError& e) {
    if (error) *error = QString::fromStdString(e.what());
    return false;
  }
  branch.actions = comparison.actions;
  b_->loadScenario(branch, seed);
  b_->setPlaying(false);
  saved_ = comparison;
  saved_.actions.clear();
  active_ = true;
  agreed_until_ = 0;
  divergence_.reset();
  follow();
  emit changed();
  return true;
}

void BranchComparison::stop() {
  if (!active_) return;
  active_ = false;
  divergence_.reset();
  emit changed();
}

QString BranchComparison::changeText() const {
  std::string why;
  const auto change = run::parse_change(saved_.change, &why);
  if (!change) return QString::fromStdString(saved_.change);
  switch (change->kind) {
    case run::Change::Kind::Seed: return tr("seed %1").arg(change->seed);
    case run::Change::Kind::Actions: return tr("your own actions from %1").arg(seconds(saved_.fork_us));
    case run::Change::Kind::Param: break;
  }
  return QStringLiteral("%1 = %2").arg(QString::fromStdString(change->param),
                                       QString::fromStdString(change->value_text()));
}

std::optional<qint64> BranchComparison::divergenceUs() const {
  if (!divergence_) return std::nullopt;
  return divergence_->a_us;
}

QString BranchComparison::divergenceText() const { return divergence_ ? divergence_->text : QString(); }

QVector<BranchComparison::Row> BranchComparison::metricRows() {
  QVector<Row> rows;
  if (!active_ || !a_->hasRun() || !b_->hasRun()) return rows;
  const auto fa = a_->figures();  // each run's own, computed once per moment
  const auto fb = b_->figures();
  for (const auto& d : run::metric_diffs(fa->metrics, fb->metrics)) {
    rows.push_back({QString::fromStdString(d.name), d.a, d.b, d.differs()});
  }
  return rows;
}

std::optional<scenario::Comparison> BranchComparison::saved() const {
  if (!active_ || !b_->hasRun()) return std::nullopt;
  scenario::Comparison c = saved_;
  c.actions = b_->savedRun().actions;
  return c;
}

QVector<BranchComparison::Param> BranchComparison::parameters(const RunController& run) {
  QVector<Param> out;
  if (!run.hasRun()) return out;
  const auto& s = run.scenario();
  const model::ModelInfo* info = catalogue::find_model(s.model);
  if (!info) return out;
  for (const auto& spec : info->params) {
    Param p;
    p.name = QString::fromStdString(spec.name);
    const auto it = s.params.find(spec.name);
    p.current = param_text(it != s.params.end() ? it->second : spec.default_value);
    p.help = QString::fromStdString(spec.help);
    for (const auto& c : spec.choices) p.choices << QString::fromStdString(c);
    p.flag = std::holds_alternative<bool>(spec.default_value);
    out.push_back(p);
  }
  return out;
}

void BranchComparison::follow() {
  if (!active_ || !b_->hasRun()) return;
  if (b_->timeUs() != a_->timeUs()) b_->seekUs(a_->timeUs());
  search();
}

void BranchComparison::search() {
  if (!active_ || divergence_ || !a_->hasRun() || !b_->hasRun()) return;
  const auto& ta = a_->coreRun()->simulation().trace();
  const auto& tb = b_->coreRun()->simulation().trace();
  std::optional<run::Divergence> d;
  if (agreed_until_ < std::max(ta.first_index(), tb.first_index())) {
    // A long jump: records not yet compared have already left the kept trace. Run both again from
    // the start, aside, comparing as they go, up to now.
    d = replay_search();
  } else {
    d = run::first_divergence(ta, tb, agreed_until_, &agreed_until_);
  }
  if (!d) return;
  divergence_ = Found{d->a_us, tr("They part at %1 (trace record %2): A: %3; B: %4.")
                                   .arg(seconds(d->a_us))
                                   .arg(d->index)
                                   .arg(record_text(a_->scenario(), d->a), record_text(b_->scenario(), d->b))};
  emit changed();
}

std::optional<run::Divergence> BranchComparison::replay_search() {
  scenario::Scenario sa = a_->savedRun();
  scenario::Scenario sb = b_->savedRun();
  sa.comparison.reset();
  sim::SimulationLimits limits;
  limits.trace_budget_bytes = std::size_t{4} << 20;
  const auto ra = scenario::start_run(sa, a_->seed(), limits);
  const auto rb = scenario::start_run(sb, b_->seed(), limits);
  const sim::TimeUs now = a_->timeUs();
  std::uint64_t agreed = 0;
  // Steps short enough that no step's records outgrow the small trace.
  for (sim::TimeUs t = 0;; t = std::min(now, t + 200'000)) {
    ra->run_until(t);
    rb->run_until(t);
    if (const auto d = run::first_divergence(ra->trace(), rb->trace(), agreed, &agreed)) return d;
    if (t == now) break;
  }
  agreed_until_ = agreed;
  return std::nullopt;
}

void BranchComparison::restartSearch() {
  if (!active_) return;
  agreed_until_ = 0;
  divergence_.reset();
  search();
  emit changed();
}

}  // namespace cs::ui
