#include "livelab/lab_dialog.h"

#include <QAction>
#include <QApplication>
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
#include <map>
#include <stdexcept>

#include "lab/engines.h"
#include "lab/lab_folder.h"
#include "theme/palette.h"

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

QString LabDialog::measureName(const std::string& experiment, const std::string& metric) {
  // The same metric means a different moment in different experiments: named per experiment.
  static const std::map<std::pair<std::string, std::string>, const char*> kNames = {
      {{"etcd-leader-election", "detection_time_us+failover_time_us"}, QT_TR_NOOP("No leader after the crash")},
      {{"etcd-leader-election", "elections_started"}, QT_TR_NOOP("Elections it took")},
      {{"etcd-partition", "minority_writes_ok"}, QT_TR_NOOP("Puts the minority committed")},
      {{"etcd-partition", "majority_writes_ok"}, QT_TR_NOOP("Puts the majority committed")},
      {{"etcd-partition", "partition_to_majority_leader_us"}, QT_TR_NOOP("Cut to the majority's new leader")},
      {{"etcd-partition", "heal_to_rejoined_us"}, QT_TR_NOOP("Heal to the minority rejoined")},
      {{"etcd-partition", "leaders_elected"}, QT_TR_NOOP("Leaders elected")},
      {{"pg-streaming-replication", "max_replication_lag_us"}, QT_TR_NOOP("Replay lag during a write burst")},
      {{"pg-streaming-replication", "stale_read_share[mode=async]"},
       QT_TR_NOOP("Stale reads on the standby, asynchronous")},
      {{"pg-streaming-replication", "stale_read_share[mode=sync,synchronous_commit=remote_apply]"},
       QT_TR_NOOP("Stale reads on the standby, remote_apply")},
      {{"pg-streaming-replication", "p50_write_latency_us[mode=async]"},
       QT_TR_NOOP("Write latency, no synchronous standby")},
      {{"pg-streaming-replication", "p50_write_latency_us[mode=sync,synchronous_commit=on]"},
       QT_TR_NOOP("Write latency, synchronous_commit on")},
      {{"pg-streaming-replication", "p50_write_latency_us[mode=sync,synchronous_commit=remote_apply]"},
       QT_TR_NOOP("Write latency, remote_apply")},
      {{"pg-failover", "lost_acknowledged_writes[replica_acks=0]"},
       QT_TR_NOOP("Acknowledged writes lost, asynchronous")},
      {{"pg-failover", "lost_acknowledged_writes[replica_acks=1]"},
       QT_TR_NOOP("Acknowledged writes lost, synchronous")},
      {{"pg-failover", "crash_to_first_write_us[replica_acks=0]"}, QT_TR_NOOP("Crash to first write, asynchronous")},
      {{"pg-failover", "crash_to_first_write_us[replica_acks=1]"}, QT_TR_NOOP("Crash to first write, synchronous")},
      {{"patroni-failover", "detection_time_us+failover_time_us"}, QT_TR_NOOP("Primary killed to a replica promoted")},
      {{"patroni-failover", "lost_acknowledged_writes"}, QT_TR_NOOP("Acknowledged writes lost")},
      {{"patroni-failover", "demotion_time_us"}, QT_TR_NOOP("Cut from etcd to the old primary's demotion")},
      {{"patroni-failover", "takeover_time_us"}, QT_TR_NOOP("Cut from etcd to the next primary")},
      {{"patroni-failover", "two_primaries_us"}, QT_TR_NOOP("Two primaries taking writes at once")},
      {{"patroni-failover", "max_primaries_at_once"}, QT_TR_NOOP("Primaries at once, at most")},
      {{"patroni-failover", "leaders_elected"}, QT_TR_NOOP("Primaries in turn")},
      {{"patroni-failover", "demotions"}, QT_TR_NOOP("Primaries that demoted themselves")},
  };
  const auto it = kNames.find({experiment, metric});
  return it == kNames.end() ? QString() : tr(it->second);
}

QString LabDialog::measureName(const std::string& experiment, const lab::Figure& figure) {
  const QString name = measureName(experiment, figure.metric);
  // A figure the table above does not know yet keeps the lab's own English words.
  return name.isEmpty() ? QString::fromStdString(figure.meaning) : name;
}

QString LabDialog::experimentName(const lab::Experiment& experiment) {
  static const std::map<std::string, const char*> kNames = {
      {"etcd-leader-election", QT_TR_NOOP("etcd: the leader killed, a new one elected")},
      {"etcd-partition", QT_TR_NOOP("etcd: a partitioned minority cannot commit")},
      {"pg-streaming-replication", QT_TR_NOOP("PostgreSQL: streaming replication, lag and stale reads")},
      {"pg-failover", QT_TR_NOOP("PostgreSQL: failover, lost writes and pg_rewind")},
      {"patroni-failover", QT_TR_NOOP("Patroni: automatic failover and fencing")},
  };
  const auto it = kNames.find(experiment.id);
  return it == kNames.end() ? QString() : tr(it->second);
}

QString LabDialog::experimentTitle(const lab::Experiment& experiment) {
  static const std::map<std::string, const char*> kTitles = {
      {"etcd-leader-election", QT_TR_NOOP("Raft in etcd: kill the leader of five members and time the new election")},
      {"etcd-partition",
       QT_TR_NOOP("Raft in etcd: cut the leader and one other member off from the other three; the minority cannot "
                  "commit, the majority elects a leader and can; heal and time the rejoin")},
      {"pg-streaming-replication",
       QT_TR_NOOP("PostgreSQL streaming replication: a standby's lag, a stale read from it, and what synchronous "
                  "commit costs")},
      {"pg-failover", QT_TR_NOOP("PostgreSQL failover: acknowledged writes lost by an asynchronous standby, none by a "
                                 "synchronous one, and the old primary rewound with pg_rewind")},
      {"patroni-failover",
       QT_TR_NOOP("Patroni with etcd: the primary killed and a replica promoted when its leader key expires; then the "
                  "new primary cut off from etcd demotes itself before another takes the key")},
  };
  const auto it = kTitles.find(experiment.id);
  return it == kTitles.end() ? QString::fromStdString(experiment.title) : tr(it->second);
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
    const QString name = experimentName(e);
    auto* item = new QListWidgetItem(tr("Lesson %1 · %2")
                                         .arg(QString::fromStdString(e.lesson).left(2).toInt())
                                         .arg(name.isEmpty() ? QString::fromStdString(e.id) : name),
                                     list_);
    item->setData(Qt::UserRole, QString::fromStdString(e.id));
  }
  // One short line per experiment, all of them in view; the chosen one is described below.
  list_->setCurrentRow(0);
  connect(list_, &QListWidget::currentRowChanged, this, [this] { updateState(); });
  column->addWidget(list_);
  about_ = new QLabel(this);
  about_->setObjectName("labAbout");
  about_->setWordWrap(true);
  column->addWidget(about_);
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
  // Rows as tall as a line of text (the style's default is taller; set with the type on show).
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
  // Wrapped: an engine's line is read whole, without scrolling sideways.
  log_->setLineWrapMode(QPlainTextEdit::WidgetWidth);
  column->addWidget(log_, 2);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
  column->addWidget(buttons);
  updateState();
}

void LabDialog::showEvent(QShowEvent* event) {
  // Projector mode: the class reads the figures and the engines' lines from the back of the room,
  // so the dialog takes the projected type size (as the lesson text does).
  QFont type = QApplication::font();
  if (stage_palette().projector) type.setPointSizeF(type.pointSizeF() * stage_palette().type_scale);
  if (type == font() && shown_before_) {  // as the learner left it
    QDialog::showEvent(event);
    return;
  }
  shown_before_ = true;
  setFont(type);
  figures_->verticalHeader()->setDefaultSectionSize(QFontMetrics(type).lineSpacing() + 8);
  // Every experiment in view, at this type size.
  list_->doItemsLayout();
  list_->setFixedHeight(list_->sizeHintForRow(0) * list_->count() + 2 * list_->frameWidth() + 2);
  // About 110 characters by 48 lines of that type, within the window and the screen (a laptop's
  // included).
  const QFontMetrics metrics(type);
  QSize size(metrics.averageCharWidth() * 110, metrics.lineSpacing() * 48);
  if (parentWidget()) size = size.boundedTo(parentWidget()->window()->size());
  if (const QScreen* screen = parentWidget() ? parentWidget()->screen() : QGuiApplication::primaryScreen())
    size = size.boundedTo(screen->availableGeometry().size() * 0.9);
  resize(size);
  QDialog::showEvent(event);
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

bool LabDialog::selectExperiment(const QString& id) {
  for (int row = 0; row < list_->count(); ++row) {
    if (list_->item(row)->data(Qt::UserRole).toString() == id) {
      if (!worker_) list_->setCurrentRow(row);  // a run keeps its own experiment chosen
      return true;
    }
  }
  return false;
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
  about_->setText(experiment ? tr("%1. It mirrors the simulation \"%2\" (Open the simulation shows it) and "
                                  "needs: %3.")
                                   .arg(experimentTitle(*experiment), QString::fromStdString(experiment->scenario),
                                        QString::fromStdString([&] {
                                          std::string engines;
                                          for (const std::string& e : experiment->engines)
                                            engines += (engines.empty() ? "" : ", ") + e;
                                          return engines;
                                        }()))
                             : QString());
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
      // Held to the end of the run (see lab::RunLock).
      const auto lock = folder.try_lock_run();
      if (!lock)
        throw std::runtime_error(
            tr("another lab run is in progress (in another window or terminal); wait for it to end").toStdString());
      folder.stop_leftovers();
      lab::RunOptions options;
      options.stop_asked = [cancelled] { return cancelled->load(); };
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
    auto* name = new QTableWidgetItem(measureName(result.experiment, f));
    name->setToolTip(QString::fromStdString(f.meaning));  // the lab's own words for what it measured
    figures_->setItem(row, 0, name);
    figures_->setItem(row, 1, new QTableWidgetItem(number(f.real, f.unit)));
    figures_->setItem(
        row, 2,
        new QTableWidgetItem(f.simulated_min == f.simulated_max  // every seed gave the same: no range to show
                                 ? number(f.simulated, f.unit)
                                 : tr("%1 (%2 to %3)")
                                       .arg(number(f.simulated, f.unit), number(f.simulated_min, f.unit),
                                            number(f.simulated_max, f.unit))));
  }
  // A long name wraps onto a second line rather than being cut short.
  figures_->setTextElideMode(Qt::ElideNone);
  figures_->resizeRowsToContents();
  QStringList lines;
  lines << tr("What the engines logged:");
  for (const std::string& l : result.log_lines) lines << QStringLiteral("  ") + QString::fromStdString(l);
  lines << QString() << tr("The settings (the simulation ran with the same):");
  for (const std::string& p : result.parameters) lines << QStringLiteral("  ") + QString::fromStdString(p);
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

void show_lab(QMainWindow* window, const QString& id) {
  if (auto* action = window->findChild<QAction*>("labAction")) action->trigger();
  if (auto* dialog = window->findChild<LabDialog*>()) dialog->selectExperiment(id);
}

}  // namespace cs::ui
