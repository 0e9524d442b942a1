#include "livelab/lab_dialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

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
  list_->setMaximumHeight(list_->sizeHintForRow(0) * 3 + 8);
  column->addWidget(list_);
  run_ = new QPushButton(tr("&Run on real engines"), this);
  run_->setObjectName("labRun");
  connect(run_, &QPushButton::clicked, this, &LabDialog::runSelected);
  column->addWidget(run_, 0, Qt::AlignLeft);
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
  // Room for three figures without scrolling (an experiment reports two or three).
  figures_->setFixedHeight(figures_->horizontalHeader()->sizeHint().height() +
                           3 * figures_->verticalHeader()->defaultSectionSize() + 2 * figures_->frameWidth() + 2);
  column->addWidget(figures_);
  log_ = new QPlainTextEdit(this);
  log_->setObjectName("labLog");
  log_->setAccessibleName(tr("What the engines logged"));
  log_->setReadOnly(true);
  log_->setPlaceholderText(tr("What the engines log about the experiment appears here."));
  log_->setLineWrapMode(QPlainTextEdit::NoWrap);
  column->addWidget(log_, 1);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
  column->addWidget(buttons);
  resize(720, 520);
  updateState();
}

LabDialog::~LabDialog() {
  if (worker_) worker_->wait();  // the lab stops its engines before the thread ends
}

void LabDialog::updateState() {
  const lab::EngineCheck check = lab::check_engines(all_engines());
  engines_->setVisible(!check.ready());
  if (!check.ready()) {
    QString install;
    for (const std::string& p : check.missing_packages()) install += QStringLiteral(" ") + QString::fromStdString(p);
    engines_->setText(tr("This computer does not have the engines the lab needs. On Debian 12, install them with "
                         "<b>sudo apt-get install%1</b> (or run scripts/lab-deps.sh from ClusterScope's source "
                         "folder), then open the lab again. Everything else works without them.")
                          .arg(install.toHtmlEscaped()));
  }
  run_->setEnabled(check.ready() && !worker_ && list_->currentItem());
  list_->setEnabled(check.ready());
}

void LabDialog::addProgress(const QString& line) { progress_->setText(line); }

void LabDialog::runSelected() {
  if (worker_ || !list_->currentItem()) return;
  const lab::Experiment* experiment =
      lab::find_experiment(list_->currentItem()->data(Qt::UserRole).toString().toStdString());
  if (!experiment) return;
  if (!lab::check_engines(experiment->engines).ready()) {  // the engines went away since the dialog opened
    updateState();
    return;
  }
  figures_->setRowCount(0);
  log_->clear();
  addProgress(
      tr("Running on real engines: starting them, killing the leader, then simulating the same cluster "
         "(a few seconds)..."));
  QPointer<LabDialog> self(this);
  const lab::Experiment chosen = *experiment;
  worker_ = QThread::create([self, chosen] {
    std::shared_ptr<lab::ExperimentResult> result;
    QString error;
    try {
      lab::LabFolder folder(lab::lab_root());
      folder.stop_leftovers();
      lab::RunOptions options;
      options.progress = [self](const std::string& line) {
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
  if (result) {
    showResult(*result);
    addProgress(result->left_running ? tr("Done, but some engine processes are still running: Simulation > Live lab "
                                          "stops them at its next run, or run clusterscope-cli lab clean.")
                                     : tr("Done. Every engine process the lab started has stopped. The run's data "
                                          "and logs are in %1.")
                                           .arg(QString::fromStdString(result->run_folder)));
  } else {
    addProgress(tr("The experiment could not run: %1").arg(error));
  }
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

void install_lab(QMainWindow* window) {
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
  QObject::connect(action, &QAction::triggered, window, [window] {
    auto* dialog = window->findChild<LabDialog*>();
    if (!dialog) dialog = new LabDialog(window);
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
  });
}

}  // namespace cs::ui
