#pragma once
// The view shown when the course is completed: the certificate page (the score of every lesson,
// the challenges met, the final test) and a button that saves it as a PDF. While results are hidden
// (progress/results_privacy.h) it says so instead, and saves nothing.
#include <QDialog>

#include "progress/completion_summary.h"

class QLabel;
class QPushButton;
class QTextBrowser;

namespace cs::ui {

class CompletionView : public QDialog {
  Q_OBJECT

 public:
  explicit CompletionView(CompletionSummary summary, QWidget* parent = nullptr);

  const CompletionSummary& summary() const { return summary_; }
  // Writes the PDF to `path` and says so in the view; false with the reason in `error` otherwise.
  bool exportTo(const QString& path, QString* error);
  // Where "Export as PDF…" proposes to save: ClusterScope-certificate.pdf in the Documents folder.
  static QString defaultExportPath();

 private:
  void exportPdf();
  void fitToScreen();
  void showResults();

  CompletionSummary summary_;
  QTextBrowser* text_ = nullptr;
  QLabel* status_ = nullptr;
  QPushButton* export_ = nullptr;
};

}  // namespace cs::ui
