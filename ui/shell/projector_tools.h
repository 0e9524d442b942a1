#pragma once
// The teacher's tools for a class in front of a projector (issue 25, "On the projector"):
// View > Hide my results (progress/results_privacy.h), offered once when projector mode is switched
// on from the menu, and File > Print quiz sheet (PDF)... (quiz/quiz_sheet.h). The window makes one
// with its File and View menus; it adds its entries to them and keeps their state.
#include <QMessageBox>
#include <QObject>
#include <QPointer>

#include "quiz/quiz_sheet.h"

class QAction;
class QMenu;

namespace cs::ui {

class MainWindow;

class ProjectorTools : public QObject {
  Q_OBJECT

 public:
  // Call after the View menu has its classroom entries (ClassroomModes::buildMenu).
  ProjectorTools(QMenu* file, QMenu* view, MainWindow* window);

  QAction* hideResultsAction() const { return hide_results_; }
  QAction* quizSheetAction() const { return quiz_sheet_; }
  // Asks, without blocking, whether to hide the results (done when projector mode is switched on).
  void offerToHideResults();
  QMessageBox* offer() const { return offer_.data(); }
  void openQuizSheetDialog();
  QuizSheetDialog* quizSheetDialog() const { return sheet_dialog_.data(); }

  static constexpr const char* kOfferKey = "projector/offerHideResults";  // false: never ask

 private:
  void showStatus(const QString& message);

  MainWindow* window_;
  QAction* hide_results_;
  QAction* quiz_sheet_;
  bool offered_ = false;  // asked once a session at most
  QPointer<QMessageBox> offer_;
  QPointer<QuizSheetDialog> sheet_dialog_;
};

}  // namespace cs::ui
