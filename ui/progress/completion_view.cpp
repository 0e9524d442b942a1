#include "progress/completion_view.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <memory>

#include "progress/results_privacy.h"

namespace cs::ui {

namespace {

// The most the view takes: it fits a 1280x720 screen with room for the window frame and a panel.
constexpr int kMaxWidth = 1100;
constexpr int kMaxHeight = 640;

}  // namespace

CompletionView::CompletionView(CompletionSummary summary, QWidget* parent)
    : QDialog(parent), summary_(std::move(summary)) {
  setObjectName("completionView");
  // A window of its own that still takes the main window's font (larger in a classroom).
  setAttribute(Qt::WA_WindowPropagation);
  if (parent) setFont(parent->font());
  setWindowTitle(tr("Course completed"));
  setAccessibleName(tr("Course completed"));

  auto* layout = new QVBoxLayout(this);
  text_ = new QTextBrowser(this);
  text_->setObjectName("completionText");
  text_->setAccessibleName(tr("Course completion summary"));
  text_->setOpenLinks(false);
  text_->setTabChangesFocus(true);
  text_->setHtml(completionHtml(summary_));
  layout->addWidget(text_, 1);

  status_ = new QLabel(this);
  status_->setObjectName("completionStatus");
  status_->setWordWrap(true);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  status_->hide();
  layout->addWidget(status_);

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  export_ = buttons->addButton(tr("&Export as PDF…"), QDialogButtonBox::ActionRole);
  export_->setObjectName("completionExportPdf");
  export_->setAccessibleName(tr("Export as PDF"));
  export_->setToolTip(tr("Save this summary as a one-page PDF certificate"));
  export_->setAutoDefault(false);
  QPushButton* close = buttons->button(QDialogButtonBox::Close);
  close->setObjectName("completionClose");
  close->setAccessibleName(tr("Close"));
  close->setDefault(true);
  connect(export_, &QPushButton::clicked, this, &CompletionView::exportPdf);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(buttons);

  // Keyboard: the summary (it scrolls with the arrow keys), then Export, then Close.
  setTabOrder(text_, export_);
  setTabOrder(export_, close);
  close->setFocus();
  fitToScreen();  // sized for the certificate, whether or not it is hidden now
  connect(ResultsPrivacy::instance(), &ResultsPrivacy::changed, this, &CompletionView::showResults);
  showResults();
}

void CompletionView::showResults() {
  const bool hidden = results_hidden();
  if (hidden) {
    text_->setHtml(QStringLiteral("<p align=\"center\">%1</p>")
                       .arg(tr("Results are hidden. The certificate shows again when View > Hide my results is "
                               "turned off.")
                                .toHtmlEscaped()));
  } else {
    text_->setHtml(completionHtml(summary_));
  }
  export_->setEnabled(!hidden);
}

void CompletionView::fitToScreen() {
  // As wide as about 90 characters of the current font (larger in projector mode), as tall as the
  // page needs at that width, within the limit and the screen.
  ensurePolished();
  const QFontMetrics metrics(font());
  const int frame = 2 * text_->frameWidth() + 2 * layout()->contentsMargins().left() + 24;
  int width = metrics.averageCharWidth() * 90 + frame;
  QSize limit(kMaxWidth, kMaxHeight);
  if (const QScreen* s = parentWidget() ? parentWidget()->screen() : screen()) {
    limit = limit.boundedTo(s->availableGeometry().size() - QSize(40, 60));
  }
  width = std::min(width, limit.width());
  const std::unique_ptr<QTextDocument> probe(text_->document()->clone());
  probe->setDefaultFont(text_->font());
  probe->setTextWidth(width - frame);
  const int chrome = layout()->sizeHint().height() - text_->sizeHint().height();
  const int height = static_cast<int>(std::ceil(probe->size().height())) + chrome + 2 * text_->frameWidth() + 8;
  resize(QSize(width, height).boundedTo(limit));
}

QString CompletionView::defaultExportPath() {
  QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
  // A Documents folder that does not exist yet would send the file dialog to the working folder.
  if (folder.isEmpty() || !QDir(folder).exists()) folder = QDir::homePath();
  return QDir(folder).filePath(QStringLiteral("ClusterScope-certificate.pdf"));
}

bool CompletionView::exportTo(const QString& path, QString* error) {
  if (results_hidden()) {
    if (error) *error = ResultsPrivacy::hiddenText();
    return false;
  }
  QString why;
  const bool ok = exportCompletionPdf(summary_, path, &why);
  status_->setText(ok ? tr("Saved to %1").arg(QDir::toNativeSeparators(path)) : why);
  status_->setAccessibleName(status_->text());
  status_->show();
  if (!ok && error) *error = why;
  return ok;
}

void CompletionView::exportPdf() {
  QString path = QFileDialog::getSaveFileName(this, tr("Export as PDF"), defaultExportPath(), tr("PDF files (*.pdf)"));
  if (path.isEmpty()) return;
  if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".pdf");
  QString error;
  if (!exportTo(path, &error)) QMessageBox::warning(this, tr("Export as PDF"), error);
}

}  // namespace cs::ui
