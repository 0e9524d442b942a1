#include "shell/notice_bar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace cs::ui {

NoticeBar::NoticeBar(QWidget* parent) : QFrame(parent) {
  setObjectName("noticeBar");
  setStyleSheet(
      QStringLiteral("#noticeBar { background: #fff4d6; border-bottom: 2px solid #b07d00; }"
                     "#noticeBar QLabel { color: #2b2100; }"));
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(12, 6, 8, 6);
  label_ = new QLabel(this);
  label_->setWordWrap(true);
  label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  label_->setAccessibleName(tr("Notice"));
  auto* close = new QPushButton(tr("Dismiss"), this);
  close->setAccessibleName(tr("Dismiss notice"));
  layout->addWidget(label_, 1);
  layout->addWidget(close);
  connect(close, &QPushButton::clicked, this, &QWidget::hide);
  hide();
}

void NoticeBar::showNotice(const QString& text) {
  label_->setText(label_->text().isEmpty() || isHidden() ? text : label_->text() + '\n' + text);
  show();
}

QString NoticeBar::text() const { return isVisible() ? label_->text() : QString(); }

}  // namespace cs::ui
