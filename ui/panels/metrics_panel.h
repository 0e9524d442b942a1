#pragma once
// Live metrics of the run (the same names `clusterscope-cli run --json` prints), a few times a
// second.
#include <QTimer>
#include <QWidget>

class QTableWidget;

namespace cs::ui {

class RunController;

class MetricsPanel : public QWidget {
  Q_OBJECT

 public:
  explicit MetricsPanel(RunController* run, QWidget* parent = nullptr);
  void refresh();
  QString value(const QString& name) const;  // "" if absent

 private:
  RunController* run_;
  QTableWidget* table_;
  QTimer refresh_;
};

}  // namespace cs::ui
