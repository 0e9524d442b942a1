#pragma once
// Live metrics of the run (the same names `clusterscope-cli run --json` prints), a few times a
// second.
#include <QTimer>
#include <QWidget>

class QTableWidget;

namespace cs::ui {

class StageController;

class MetricsPanel : public QWidget {
  Q_OBJECT

 public:
  explicit MetricsPanel(StageController* controller, QWidget* parent = nullptr);
  void refresh();
  QString value(const QString& name) const;  // "" if absent

 private:
  StageController* controller_;
  QTableWidget* table_;
  QTimer refresh_;
};

}  // namespace cs::ui
