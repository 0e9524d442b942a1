#include "livelab/lab_dialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QTableWidget>
#include <QVBoxLayout>
#include <stdexcept>

#include "lab/engines.h"
#include "lab/lab_folder.h"

namespace cs::ui {

namespace {

std::vector<std::string> all_engines() {
  std::vector<std::string> engines;
  for (const lab::Experiment& e : lab::experiments()) {
    for (const std::string& engine : e.engines) {
      if (std::find(engines.begin(), engines.end(), engine) == engines.end()) engines.push_back(engine);
    }
  }
  return engines;
}

QString number(double value, const std::string& unit) {
  return QString::number(value, 'f', unit.empty() ? 0 : 1) +
         (unit.empty() ? QString() : QStringLiteral(" ") + QString::fromStdString(unit));
}

}  // namespace

QString LabDialog::measureName(const std::string& metric) {
  if (metric == "detection_time_us+failover_time_us") return tr("No leader after the crash");
  if (metric == "elections_started") return tr("Elections it took");
  return QString::fromStdString(metric);
}

QString LabDialog::experimentTitle(const lab::Experiment& experiment) {
  if (experiment.id == "etcd-leader-election")
    return tr("Raft in etcd: kill the leader of five members and time the new election");
  return QString::fromStdString(experiment.title);
}

LabDialog::LabDialog(QWidget* parent) : QDialog(parent) {
  setObjectName("labDialog");
  // The window's type (projector mode's larger one included) reaches the dialog too.
  setAttribute(Qt::WA_WindowPropagation);
  setWindowTitle(tr("Live lab"));
  auto* column = new QVBoxLayout(this);
  intro_ = new QLabel(tr("Repeat a lesson's experiment on real engines started on this computer (on 127.0.0.1 "
                         "only, in the lab's own folder), and compare what they do with the simulation run with the "
                         "same settings."),
                      this);
  intro_->setWordWrap(true);
  column->addWidget(intro_);
  engines_ = new QLabel(this);
  engines_->setObjectName("labEngines");
  engines_->setWordWrap(true);
  engines_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  column->addWidget(engines_);
  list_ = new QListWidget(this);
  list_->setObjectName("labExperiments");
  list_->setAccessibleName(tr("Experiments"));
  for (const lab::Experiment& e : lab::experiments()) {
    auto* item = new QListWidgetItem(tr("Lesson %1 · %2 (mirrors %3)")
                                         .arg(QString::fromStdString(e.lesson).left(2).toInt())
                                         .arg(experimentTitle(e), QString::fromStdString(e.scenario)),
                                     list_);
    item->setData(Qt::UserRole, QString::fromStdString(e.id));
  }
  // A title wraps rather than scrolls sideways.
  list_->setWordWrap(true);
  list_->setResizeMode(QListView::Adjust);
  list_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  list_->setCurrentRow(0);
  list_->setMaximumHeight(list_->sizeHintForRow(0) * 4 + 8);
  connect(list_, &QListWidget::currentRowChanged, this, [this] { updateState(); });
  column->addWidget(list_);
  auto* actions = new QHBoxLayout;
  run_ = new QPushButton(tr("&Run on real engines"), this);
  run_->setObjectName("labRun");
  connect(run_, &QPushButton::clicked, this, &LabDialog::runSelected);
  actions->addWidget(run_);
  cancel_ = new QPushButton(tr("S&top"), this);
  cancel_->setObjectName("labCancel");
  cancel_->setToolTip(tr("Stop the experiment at its next step; every engine it started is stopped"));
  connect(cancel_, &QPushButton::clicked, this, &LabDialog::cancel);
  actions->addWidget(cancel_);
  simulate_ = new QPushButton(tr("&Open the simulation"), this);
  simulate_->setObjectName("labSimulate");
  simulate_->setToolTip(tr("Load the built-in scenario this experiment mirrors onto the stage"));
  connect(simulate_, &QPushButton::clicked, this, [this] {
    if (const lab::Experiment* e = selected()) emit scenarioAsked(QString::fromStdString(e->scenario));
  });
  actions->addWidget(simulate_);
  actions->addStretch(1);
  column->addLayout(actions);
  progress_ = new QLabel(this);
  progress_->setObjectName("labProgress");
  progress_->setWordWrap(true);
  column->addWidget(progress_);
  figures_ = new QTableWidget(0, 3, this);
  figures_->setObjectName("labFigures");
  figures_->setAccessibleName(tr("Real and simulated figures"));
  figures_->setHorizontalHeaderLabels({tr("Measure"), tr("Real"), tr("Simulated: mean (range)")});
  figures_->verticalHeader()->hide();
  figures_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  figures_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
  figures_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
  figures_->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
  column->addWidget(figures_, 2);
  log_ = new QPlainTextEdit(this);
  log_->setObjectName("labLog");
  log_->setAccessibleName(tr("What the engines logged"));
  log_->setReadOnly(true);
  log_->setPlaceholderText(tr("What the engines log about the experiment appears here."));
  log_->setLineWrapMode(QPlainTextEdit::NoWrap);
  column->addWidget(log_, 2);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
  column->addWidget(buttons);
  // About 80 characters by 36 lines of the dialog's type, within the screen (a laptop's included).
  const QFontMetrics metrics(font());
  QSize size(metrics.averageCharWidth() * 80, metrics.lineSpacing() * 36);
  if (const QScreen* screen = parent ? parent->screen() : QGuiApplication::primaryScreen())
    size = size.boundedTo(screen->availableGeometry().size() * 0.9);
  resize(size);
  updateState();
}

LabDialog::~LabDialog() {
  cancel();
  if (worker_) worker_->wait();  // the lab stops its engines before the thread ends
}

void LabDialog::cancel() {
  if (!cancelled_ || !worker_) return;
  cancelled_->store(true);
  addProgress(tr("Stopping at the next step; every engine the lab started is being stopped..."));
}

const lab::Experiment* LabDialog::selected() const {
  return list_->currentItem() ? lab::find_experiment(list_->currentItem()->data(Qt::UserRole).toString().toStdString())
                              : nullptr;
}

void LabDialog::updateState() {
  // What the chosen experiment needs (before any is chosen: what any of them needs).
  const lab::Experiment* experiment = selected();
  const lab::EngineCheck check = lab::check_engines(experiment ? experiment->engines : all_engines());
  engines_->setVisible(!check.ready());
  if (!check.ready()) {
    QString install;
    for (const std::string& p : check.missing_packages()) install += QStringLiteral(" ") + QString::fromStdString(p);
    engines_->setText(tr("This computer does not have the engines the lab needs. On Debian 12, install them with "
                         "<b>sudo apt-get install%1</b> (or run scripts/lab-deps.sh from ClusterScope's source "
                         "folder), then open the lab again. Everything else works without them.")
                          .arg(install.toHtmlEscaped()));
  }
  run_->setEnabled(check.ready() && !worker_ && experiment);
  cancel_->setEnabled(worker_ != nullptr);
  simulate_->setEnabled(experiment != nullptr);
  // One run at a time: the list stays as it was while one runs.
  list_->setEnabled(!worker_);
}

void LabDialog::addProgress(const QString& line) { progress_->setText(line); }

void LabDialog::runSelected() {
  if (worker_) return;
  const lab::Experiment* experiment = selected();
  if (!experiment) return;
  if (!lab::check_engines(experiment->engines).ready()) {  // the engines went away since the dialog opened
    updateState();
    return;
  }
  figures_->setRowCount(0);
  log_->clear();
  addProgress(
      tr("Running on real engines, then simulating the same cluster with their settings (up to a "
         "minute)..."));
  QPointer<LabDialog> self(this);
  const lab::Experiment chosen = *experiment;
  cancelled_ = std::make_shared<std::atomic<bool>>(false);
  worker_ = QThread::create([self, chosen, cancelled = cancelled_] {
    std::shared_ptr<lab::ExperimentResult> result;
    QString error;
    try {
      lab::LabFolder folder(lab::lab_root());
      folder.stop_leftovers();
      lab::RunOptions options;
      options.progress = [self, cancelled](const std::string& line) {
        // Every step of an experiment reports here first: the place to stop it (its clusters
        // stop their processes as the exception unwinds them).
        if (cancelled->load()) throw std::runtime_error("stopped by the learner");
        const QString text = QString::fromStdString(line);
        QMetaObject::invokeMethod(
            self,
            [self, text] {
              // The lab's own steps, as it words them: beside the engines' lines, not in the status.
              if (self) self->log_->appendPlainText(text);
            },
            Qt::QueuedConnection);
      };
      result = std::make_shared<lab::ExperimentResult>(lab::run_experiment(chosen, folder, options));
    } catch (const std::exception& e) {
      error = QString::fromStdString(e.what());
    }
    QMetaObject::invokeMethod(
        self,
        [self, result, error] {
          if (self) self->runEnded(result, error);
        },
        Qt::QueuedConnection);
  });
  worker_->setParent(this);
  worker_->start();
  updateState();
}

void LabDialog::runEnded(const std::shared_ptr<lab::ExperimentResult>& result, const QString& error) {
  if (worker_) {
    worker_->wait();
    worker_->deleteLater();
    worker_ = nullptr;
  }
  if (result && !result->listening_beyond_loopback.empty()) {
    showResult(*result);
    addProgress(tr("Warning: an engine process listened beyond this computer's loopback address: %1")
                    .arg(QString::fromStdString(result->listening_beyond_loopback.front())));
  } else if (result) {
    showResult(*result);
    addProgress(result->left_running ? tr("Done, but some engine processes are still running: Simulation > Live lab "
                                          "stops them at its next run, or run clusterscope-cli lab clean.")
                                     : tr("Done. Every engine process the lab started has stopped. The run's data "
                                          "and logs are in %1.")
                                           .arg(QString::fromStdString(result->run_folder)));
  } else if (cancelled_ && cancelled_->load()) {
    addProgress(tr("Stopped. Every engine process the lab started has stopped."));
  } else {
    addProgress(tr("The experiment could not run: %1").arg(error));
  }
  cancelled_.reset();
  updateState();
  emit finished(result != nullptr);
}

void LabDialog::showResult(const lab::ExperimentResult& result) {
  figures_->setRowCount(static_cast<int>(result.figures.size()));
  for (int row = 0; row < static_cast<int>(result.figures.size()); ++row) {
    const lab::Figure& f = result.figures[static_cast<std::size_t>(row)];
    figures_->setItem(row, 0, new QTableWidgetItem(measureName(f.metric)));
    figures_->setItem(row, 1, new QTableWidgetItem(number(f.real, f.unit)));
    figures_->setItem(row, 2,
                      new QTableWidgetItem(tr("%1 (%2 to %3)")
                                               .arg(number(f.simulated, f.unit), number(f.simulated_min, f.unit),
                                                    number(f.simulated_max, f.unit))));
  }
  QStringList lines;
  for (const std::string& p : result.parameters) lines << QString::fromStdString(p);
  lines << QString();
  for (const std::string& l : result.log_lines) lines << QString::fromStdString(l);
  log_->setPlainText(lines.join('\n'));
}

void install_lab(QMainWindow* window, std::function<void(const QString&)> open_scenario) {
  // Engines a crashed run of the program left running are stopped now (only the lab's own: the
  // register names each by id, start time and folder).
  try {
    lab::LabFolder::stop_leftovers_at(lab::lab_root());
  } catch (const std::exception&) {
    // An unreadable lab folder is reported when the lab is used; the program starts regardless.
  }
  QMenu* simulation = nullptr;
  for (QAction* a : window->menuBar()->actions()) {
    if (a->menu() && a->menu()->objectName() == QLatin1String("simulationMenu")) simulation = a->menu();
  }
  if (!simulation) return;
  QAction* action = simulation->addAction(LabDialog::tr("&Live lab..."));
  action->setObjectName("labAction");
  action->setStatusTip(LabDialog::tr("Repeat an experiment on real engines started on this computer"));
  QObject::connect(action, &QAction::triggered, window, [window, open_scenario] {
    auto* dialog = window->findChild<LabDialog*>();
    if (!dialog) {
      dialog = new LabDialog(window);
      QObject::connect(dialog, &LabDialog::scenarioAsked, window, [open_scenario](const QString& scenario) {
        if (open_scenario) open_scenario(scenario);
      });
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
  });
}

}  // namespace cs::ui
