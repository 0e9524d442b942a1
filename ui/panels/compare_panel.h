#pragma once
// The panel under the stage while two branches are compared: where they part, and every metric of
// A and B side by side, the ones that differ first and marked. It reads the comparison a few times
// a second, not on every frame.
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QTableWidget;

namespace cs::ui {

class BranchComparison;

class ComparePanel : public QWidget {
  Q_OBJECT

 public:
  ComparePanel(BranchComparison* comparison, QWidget* parent = nullptr);
  void refresh();
  QTableWidget* table() const { return table_; }
  // The rows as the table shows them: name, A, B, and whether they differ.
  struct ShownRow {
    QString key;
    QString name;
    QString a;
    QString b;
    bool differs = false;
  };
  QVector<ShownRow> shownRows() const { return shown_; }
  // Every metric of both branches as the table words it, what visibly differs first (the export
  // draws the same rows).
  static QVector<ShownRow> rowsOf(BranchComparison& comparison);

 private:
  BranchComparison* comparison_;
  QLabel* where_;
  QCheckBox* only_differences_;
  QTableWidget* table_;
  QTimer refresh_;
  QVector<ShownRow> shown_;
};

}  // namespace cs::ui
