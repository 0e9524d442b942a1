#include "shell/projector_tools.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>

#include "progress/results_privacy.h"
#include "quiz/quiz_sheet.h"
#include "shell/main_window.h"

namespace cs::ui {

ProjectorTools::ProjectorTools(QMenu* file, QMenu* view, MainWindow* window) : QObject(window), window_(window) {
  setObjectName("projectorTools");
  ResultsPrivacy* privacy = ResultsPrivacy::instance();

  // View > Hide my results, after the projector and presentation modes.
  hide_results_ = new QAction(tr("&Hide my results"), view);
  hide_results_->setObjectName("hideResultsAction");
  hide_results_->setCheckable(true);
  hide_results_->setChecked(privacy->hidden());
  hide_results_->setToolTip(tr("Keep scores, the review queue, challenge results and solutions off the screen"));
  QAction* before = nullptr;
  const QList<QAction*> view_actions = view->actions();
  for (qsizetype i = 0; i + 1 < view_actions.size(); ++i) {
    if (view_actions[i]->objectName() == QLatin1String("presentationAction")) before = view_actions[i + 1];
  }
  view->insertAction(before, hide_results_);
  connect(hide_results_, &QAction::toggled, privacy, &ResultsPrivacy::setHidden);
  connect(privacy, &ResultsPrivacy::changed, this, [this](bool hidden) {
    const QSignalBlocker block(hide_results_);
    hide_results_->setChecked(hidden);
    showStatus(hidden ? tr("Results are hidden until you turn off View > Hide my results.")
                      : tr("Results are shown again."));
  });
  if (auto* projector = window->findChild<QAction*>(QStringLiteral("projectorAction"))) {
    connect(projector, &QAction::toggled, this, [this](bool on) {
      if (on) offerToHideResults();
    });
  }

  // File > Print quiz sheet (PDF)..., in a group of its own above Quit.
  quiz_sheet_ = new QAction(tr("&Print quiz sheet (PDF)..."), file);
  quiz_sheet_->setObjectName("quizSheetAction");
  connect(quiz_sheet_, &QAction::triggered, this, &ProjectorTools::openQuizSheetDialog);
  QAction* last_separator = nullptr;
  for (QAction* a : file->actions()) {
    if (a->isSeparator()) last_separator = a;
  }
  file->insertAction(last_separator, quiz_sheet_);
  file->insertSeparator(quiz_sheet_);
}

void ProjectorTools::offerToHideResults() {
  if (offered_ || offer_ || ResultsPrivacy::instance()->hidden()) return;
  if (!QSettings().value(QLatin1String(kOfferKey), true).toBool()) return;
  offered_ = true;
  auto* box =
      new QMessageBox(QMessageBox::Question, tr("Hide my results"),
                      tr("Projector mode is on. Hide your results while you project?"), QMessageBox::NoButton, window_);
  box->setObjectName("hideResultsOffer");
  box->setInformativeText(
      tr("Scores, the review queue, challenge results and solutions stay off the screen until you turn off "
         "View > Hide my results. Your answers are still recorded."));
  QPushButton* hide = box->addButton(tr("Hide my results"), QMessageBox::AcceptRole);
  hide->setObjectName("hideResultsYes");
  box->addButton(tr("Keep showing them"), QMessageBox::RejectRole)->setObjectName("hideResultsNo");
  box->setDefaultButton(hide);
  box->setCheckBox(new QCheckBox(tr("Do not ask again"), box));
  box->setAttribute(Qt::WA_DeleteOnClose);
  connect(box, &QMessageBox::buttonClicked, this, [box, hide](QAbstractButton* clicked) {
    if (box->checkBox()->isChecked()) QSettings().setValue(QLatin1String(kOfferKey), false);
    if (clicked == hide) ResultsPrivacy::instance()->setHidden(true);
  });
  offer_ = box;
  box->open();  // window-modal, without blocking the projector switch
}

void ProjectorTools::openQuizSheetDialog() {
  if (window_->course().lessons.empty()) {
    showStatus(tr("No course is loaded, so there is no quiz to print."));
    return;
  }
  if (sheet_dialog_) sheet_dialog_->close();
  auto* dialog = new QuizSheetDialog(window_->course(), window_->currentLesson(), window_);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &QuizSheetDialog::saved, this, [this](const QString& path) {
    showStatus(tr("Quiz sheet saved to %1").arg(QDir::toNativeSeparators(path)));
  });
  sheet_dialog_ = dialog;
  dialog->open();
}

void ProjectorTools::showStatus(const QString& message) { window_->statusBar()->showMessage(message, 15000); }

}  // namespace cs::ui
