#pragma once
// The run as files: save it as a scenario that reopens exactly (seed and actions included), open a
// scenario file, and export the stage or the sequence diagram as SVG or PNG. The *To functions
// take a path (tests and scripts use them); the others ask for one first.
#include <QObject>
#include <QString>

class QWidget;

namespace cs::ui {

class StageController;
class StageView;
class SequenceDiagram;

class RunFiles : public QObject {
  Q_OBJECT

 public:
  RunFiles(StageController* stage, StageView* view, SequenceDiagram* sequence, QWidget* dialog_parent);

  bool exportStageTo(const QString& path, QString* error);
  bool exportSequenceTo(const QString& path, QString* error);
  bool saveRunTo(const QString& path, QString* error);

 public slots:
  void exportStage();
  void exportSequence();
  void saveRun();
  void openScenario();

 signals:
  void status(const QString& message);

 private:
  StageController* stage_;
  StageView* view_;
  SequenceDiagram* sequence_;
  QWidget* parent_;
};

}  // namespace cs::ui
