#include "shell/run_files.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QSaveFile>

#include "export/image_export.h"
#include "panels/sequence_diagram.h"
#include "scenario/scenario.h"
#include "stage/stage_controller.h"
#include "stage/stage_view.h"

namespace cs::ui {

RunFiles::RunFiles(StageController* stage, StageView* view, SequenceDiagram* sequence, QWidget* dialog_parent)
    : QObject(dialog_parent), stage_(stage), view_(view), sequence_(sequence), parent_(dialog_parent) {}

bool RunFiles::exportStageTo(const QString& path, QString* error) {
  const StageSnapshot snapshot = stage_->scene()->snapshot();
  if (path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive)) {
    // The PNG is exactly what the stage shows right now, rendered afresh.
    if (!view_->grabFramebuffer().save(path, "PNG")) {
      if (error) *error = tr("Cannot write %1.").arg(path);
      return false;
    }
    return true;
  }
  return export_painting(
      path, view_->size(), stage_->run()->scenarioTitle(),
      [&](QPainter& p, const QSize& size) { paint_stage(p, snapshot, size); }, error);
}

bool RunFiles::exportSequenceTo(const QString& path, QString* error) {
  const QSize size = sequence_->size().expandedTo(QSize(800, 400));
  return export_painting(
      path, size, tr("Message sequence"), [&](QPainter& p, const QSize& s) { sequence_->paint(p, s); }, error);
}

bool RunFiles::saveRunTo(const QString& path, QString* error) {
  QSaveFile out(path);
  const QByteArray bytes = QByteArray::fromStdString(scenario::save_scenario(stage_->run()->savedRun()));
  if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
    if (error) *error = tr("Cannot write %1: %2").arg(path, out.errorString());
    return false;
  }
  return true;
}

void RunFiles::exportStage() {
  const QString path =
      QFileDialog::getSaveFileName(parent_, tr("Export the stage"), stage_->run()->scenarioId() + ".svg",
                                   tr("SVG image (*.svg);;PNG image (*.png)"));
  if (path.isEmpty()) return;
  QString error;
  if (!exportStageTo(path, &error)) QMessageBox::warning(parent_, tr("Export the stage"), error);
}

void RunFiles::exportSequence() {
  const QString path = QFileDialog::getSaveFileName(parent_, tr("Export the sequence diagram"),
                                                    stage_->run()->scenarioId() + "-sequence.svg",
                                                    tr("SVG image (*.svg);;PNG image (*.png)"));
  if (path.isEmpty()) return;
  QString error;
  if (!exportSequenceTo(path, &error)) QMessageBox::warning(parent_, tr("Export the sequence diagram"), error);
}

void RunFiles::saveRun() {
  const QString path = QFileDialog::getSaveFileName(parent_, tr("Save the run as a scenario"),
                                                    stage_->run()->scenarioId() + "-run.clusterscope",
                                                    tr("ClusterScope scenario (*.clusterscope *.json)"));
  if (path.isEmpty()) return;
  QString error;
  if (saveRunTo(path, &error)) {
    emit status(tr("Saved the run to %1; open it with clusterscope --scenario %1").arg(path));
  } else {
    QMessageBox::warning(parent_, tr("Save the run"), error);
  }
}

void RunFiles::openScenario() {
  const QString path = QFileDialog::getOpenFileName(parent_, tr("Open a scenario"), {},
                                                    tr("ClusterScope scenario (*.clusterscope *.json)"));
  if (path.isEmpty()) return;
  QString error;
  if (!stage_->run()->loadScenario(path, &error)) QMessageBox::warning(parent_, tr("Open a scenario"), error);
}

}  // namespace cs::ui
