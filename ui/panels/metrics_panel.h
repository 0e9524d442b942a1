#pragma once
// Live metrics of the run, a few times a second. The core names them for `clusterscope-cli run
// --json` (snake_case keys, raw microseconds); the table shows each one under a name a beginner
// can read and with its unit, and keeps the key in the tooltip for those who look it up.
#include <QString>
#include <QTimer>
#include <QWidget>
#include <string>
#include <vector>

class QTableWidget;

namespace cs::ui {

class RunController;

// What the table shows of one metric.
struct MetricText {
  QString name;   // "Acknowledged writes lost"
  QString value;  // "12.5 ms", "1,234", "87.5 %", "yes"
  // False when no name is known for the key and the name was derived from the key itself
  // ("some_new_thing_us" -> "Some new thing", shown as a time).
  bool named = false;
};

class MetricsPanel : public QWidget {
  Q_OBJECT

 public:
  explicit MetricsPanel(RunController* run, QWidget* parent = nullptr);
  void refresh();
  // The metric's number as the core reports it ("" if absent), for callers that compare values.
  QString value(const QString& key) const;
  // What the row of `key` shows ("" if absent).
  QString shownName(const QString& key) const;
  QString shownValue(const QString& key) const;
  QStringList keys() const;  // the raw keys of the rows, in row order

  // The words and the formatted value of one metric. `region_names` are the scenario's regions:
  // round-trip keys ("rtt_ms.<a>-<b>") join two names that may themselves contain '-'.
  static MetricText describe(const std::string& key, double value, const std::vector<std::string>& region_names = {});

 private:
  RunController* run_;
  QTableWidget* table_;
  QTimer refresh_;
};

}  // namespace cs::ui
