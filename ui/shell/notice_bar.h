#pragma once
// A banner across the top of the window for things the learner must not miss (progress recovered
// or reset, a save that failed). It stays until closed.
#include <QFrame>

class QLabel;

namespace cs::ui {

class NoticeBar : public QFrame {
  Q_OBJECT

 public:
  explicit NoticeBar(QWidget* parent = nullptr);
  void showNotice(const QString& text);
  QString text() const;

 private:
  QLabel* label_;
};

}  // namespace cs::ui
