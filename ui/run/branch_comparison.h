#pragma once
// "What if?" in the window: the run (A) and a second branch of it (B) with one change, on one time
// cursor. B is A's scenario under the change (run/compare.h) with A's learner actions up to the
// fork; from then on each branch keeps its own actions. B follows A's clock: wherever A goes, B
// goes. This object finds where the two part (the first trace record that differs, searched as
// they run) and lists their metrics side by side; the window draws both (shell/compare_view.h).
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QVector>
#include <optional>

#include "run/compare.h"
#include "scenario/scenario.h"

namespace cs::ui {

class RunController;

class BranchComparison : public QObject {
  Q_OBJECT

 public:
  BranchComparison(RunController* a, RunController* b, QObject* parent = nullptr);
  ~BranchComparison() override;

  // Forks A now into B with `change` ("mode=sync", "seed=7", "actions"): false with the reason
  // (an unknown parameter, a value out of range) when it cannot, and nothing changes.
  bool start(const QString& change, QString* error);
  // Opens the second branch a saved run kept (A has just been loaded from it).
  bool reopen(const scenario::Comparison& saved, QString* error);
  void stop();
  bool active() const { return active_; }

  // The change as the learner reads it ("mode = sync", "seed 7", "your own actions").
  QString changeText() const;
  qint64 forkUs() const { return saved_.fork_us; }
  // Where they part, once found: the time in A, and a sentence on the two records.
  std::optional<qint64> divergenceUs() const;
  QString divergenceText() const;

  struct Row {
    QString name;
    std::optional<double> a;
    std::optional<double> b;
    bool differs = false;
  };
  // Every metric of both branches now, by name.
  QVector<Row> metricRows();
  // B as a saved run keeps it (its change, fork and actions); nullopt when not comparing.
  std::optional<scenario::Comparison> saved() const;

  // The parameters of A's model a comparison can change, with their values now.
  struct Param {
    QString name;
    QString current;  // as a learner reads it: 3, true, sync
    QString help;
    QStringList choices;  // for text parameters that pick one of a few values
    bool flag = false;    // true or false
  };
  static QVector<Param> parameters(const RunController& run);

 signals:
  void changed();  // started, stopped, found where they part, a branch's actions changed

 private:
  bool open(const scenario::Comparison& comparison, QString* error);
  void follow();  // B to A's time, then look further for where they part
  void search();
  void restartSearch();
  // Where they part when the records to compare have left the kept traces (a long jump).
  std::optional<run::Divergence> replay_search();

  QPointer<RunController> a_;  // the window's run may go first when the window closes
  RunController* b_;
  bool active_ = false;
  scenario::Comparison saved_;  // B's change and fork (its actions are read from B when saved)
  std::uint64_t agreed_until_ = 0;
  struct Found {
    qint64 a_us;
    QString text;
  };
  std::optional<Found> divergence_;
};

}  // namespace cs::ui
