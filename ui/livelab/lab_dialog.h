#pragma once
// Simulation > Live lab: the lessons' experiments on real engines started on this computer
// (lab/ runs them), with the real figures beside the simulation's for the same settings and the
// engine's own log lines. Without the engines the dialog says what to install and runs nothing.
// An experiment runs on a worker thread (it takes seconds); the window stays usable, and closing
// the dialog or the window waits until the lab has stopped every process it started.
#include <QDialog>
#include <QPointer>
#include <QThread>
#include <atomic>
#include <functional>
#include <memory>

#include "lab/experiments.h"

class QLabel;
class QListWidget;
class QMainWindow;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace cs::ui {

class LabDialog : public QDialog {
  Q_OBJECT

 public:
  explicit LabDialog(QWidget* parent = nullptr);
  ~LabDialog() override;  // stops a running experiment at its next step and waits for its engines to stop

  // Shows a result (also the one a run delivers): the figures and the log lines.
  void showResult(const lab::ExperimentResult& result);
  bool running() const { return worker_ != nullptr; }
  // Asks a running experiment to stop at its next step (its engines are stopped as it unwinds).
  void cancel();
  // Chooses the experiment `id` in the list (a lesson's lab:ID link); false if there is none.
  bool selectExperiment(const QString& id);
  // The label a figure is shown with: its metric's name in this experiment, translated (empty
  // when unknown), or else the lab's own words for it.
  static QString measureName(const std::string& experiment, const std::string& metric);
  static QString measureName(const std::string& experiment, const lab::Figure& figure);
  // A short name for the list (empty when unknown), and the full description.
  static QString experimentName(const lab::Experiment& experiment);
  static QString experimentTitle(const lab::Experiment& experiment);

 public slots:
  void runSelected();

 signals:
  void finished(bool ok);  // a run ended (ok: it produced a result)
  // "Open the simulation": the learner wants the built-in scenario the experiment mirrors.
  void scenarioAsked(const QString& scenario);

 protected:
  void showEvent(QShowEvent* event) override;

 private:
  void updateState();
  const lab::Experiment* selected() const;
  void addProgress(const QString& line);
  void runEnded(const std::shared_ptr<lab::ExperimentResult>& result, const QString& error);

  QLabel* intro_;
  QLabel* engines_;  // what is missing, when something is
  QListWidget* list_;
  QLabel* about_;  // the chosen experiment: what it does, what it mirrors, what it needs
  QPushButton* run_;
  QPushButton* cancel_;
  QPushButton* simulate_;
  QLabel* progress_;
  QTableWidget* figures_;
  QPlainTextEdit* log_;
  QThread* worker_ = nullptr;
  bool shown_before_ = false;                     // sized once for each type size; then as the learner leaves it
  std::shared_ptr<std::atomic<bool>> cancelled_;  // shared with the worker, which may outlive a cancel
};

// Adds Simulation > Live lab... to the window's Simulation menu (found by its object name), and
// stops whatever engines a crashed run of the program left running. `open_scenario` loads a
// built-in scenario onto the window's stage (the dialog's "Open the simulation").
void install_lab(QMainWindow* window, std::function<void(const QString&)> open_scenario);
// Opens the window's Live lab (as its menu item does) with the experiment `id` chosen.
void show_lab(QMainWindow* window, const QString& id);

}  // namespace cs::ui
