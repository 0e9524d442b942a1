#pragma once
// "Compare a change": what B differs by. One parameter of the model (its choices offered, its
// current value shown), another seed, or only the learner's own actions from now on. The dialog
// stays open with the reason when the change is refused (a value out of range), so nothing typed
// is lost.
#include <QDialog>
#include <functional>

#include "run/branch_comparison.h"

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;

namespace cs::ui {

class CompareDialog : public QDialog {
  Q_OBJECT

 public:
  CompareDialog(QVector<BranchComparison::Param> params, quint64 seed, const QString& now, QWidget* parent = nullptr);

  // Called with the change on "Compare": true closes the dialog; false shows `error` in it.
  using Starter = std::function<bool(const QString& change, QString* error)>;
  void setStarter(Starter starter) { starter_ = std::move(starter); }
  // The change as the choices stand ("mode=\"sync\"", "seed=8", "actions").
  QString change() const;
  // For tests and keyboard users alike: pick a kind (0 parameter, 1 seed, 2 actions) and values.
  void choose(int kind);
  void setParameter(const QString& name, const QString& value);
  void setSeed(quint64 seed);
  QString errorText() const;

 public slots:
  void accept() override;

 private:
  void parameterChosen(int index);

  QVector<BranchComparison::Param> params_;
  QButtonGroup* kinds_;
  QComboBox* param_;
  QStackedWidget* value_stack_;
  QComboBox* value_choice_;
  QLineEdit* value_text_;
  QLabel* current_;
  QSpinBox* seed_;
  QLabel* error_;
  Starter starter_;
};

}  // namespace cs::ui
