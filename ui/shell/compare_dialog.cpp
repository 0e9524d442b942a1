#include "shell/compare_dialog.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <limits>

namespace cs::ui {

CompareDialog::CompareDialog(QVector<BranchComparison::Param> params, quint64 seed, const QString& now, QWidget* parent)
    : QDialog(parent), params_(std::move(params)) {
  setObjectName("compareDialog");
  setWindowTitle(tr("Compare a change"));
  auto* layout = new QVBoxLayout(this);
  auto* intro = new QLabel(
      tr("Fork the run at %1 into a second branch, B, with one change. A stays as it is; both play on one clock, "
         "side by side, and the timeline marks where they part. A changed parameter or seed applies to B from the "
         "start, with your actions so far.")
          .arg(now),
      this);
  intro->setWordWrap(true);
  layout->addWidget(intro);

  kinds_ = new QButtonGroup(this);
  auto* by_param = new QRadioButton(tr("Change a &parameter of the model"), this);
  auto* by_seed = new QRadioButton(tr("Use another &seed (other random timings)"), this);
  auto* by_actions = new QRadioButton(tr("Keep everything; only my &own actions differ from now on"), this);
  kinds_->addButton(by_param, 0);
  kinds_->addButton(by_seed, 1);
  kinds_->addButton(by_actions, 2);

  auto* form = new QFormLayout;
  param_ = new QComboBox(this);
  param_->setObjectName("compareParameter");
  for (const auto& p : params_) param_->addItem(p.name);
  value_stack_ = new QStackedWidget(this);
  value_choice_ = new QComboBox(value_stack_);
  value_choice_->setObjectName("compareValueChoice");
  value_text_ = new QLineEdit(value_stack_);
  value_text_->setObjectName("compareValueText");
  value_stack_->addWidget(value_choice_);
  value_stack_->addWidget(value_text_);
  current_ = new QLabel(this);
  current_->setWordWrap(true);
  form->addRow(tr("Parameter:"), param_);
  form->addRow(tr("New value:"), value_stack_);
  form->addRow(QString(), current_);
  seed_ = new QSpinBox(this);
  seed_->setObjectName("compareSeed");
  seed_->setRange(0, std::numeric_limits<int>::max());
  seed_->setValue(static_cast<int>(std::min<quint64>(seed + 1, std::numeric_limits<int>::max())));

  layout->addWidget(by_param);
  layout->addLayout(form);
  layout->addWidget(by_seed);
  auto* seed_row = new QFormLayout;
  seed_row->addRow(tr("Seed for B:"), seed_);
  layout->addLayout(seed_row);
  layout->addWidget(by_actions);
  error_ = new QLabel(this);
  error_->setObjectName("compareError");
  error_->setWordWrap(true);
  error_->setStyleSheet(QStringLiteral("color: #b00020"));
  error_->hide();
  layout->addWidget(error_);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  buttons->button(QDialogButtonBox::Ok)->setText(tr("&Compare"));
  layout->addWidget(buttons);
  connect(buttons, &QDialogButtonBox::accepted, this, &CompareDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &CompareDialog::reject);

  const auto enable = [this] {
    const int kind = kinds_->checkedId();
    param_->setEnabled(kind == 0);
    value_stack_->setEnabled(kind == 0);
    seed_->setEnabled(kind == 1);
  };
  connect(kinds_, &QButtonGroup::idToggled, this, enable);
  connect(param_, qOverload<int>(&QComboBox::currentIndexChanged), this, &CompareDialog::parameterChosen);
  choose(params_.isEmpty() ? 1 : 0);
  by_param->setEnabled(!params_.isEmpty());
  enable();
  if (!params_.isEmpty()) parameterChosen(0);
}

void CompareDialog::parameterChosen(int index) {
  if (index < 0 || index >= params_.size()) return;
  const auto& p = params_[index];
  value_choice_->clear();
  QStringList options = p.choices;
  if (p.flag) options = {QStringLiteral("true"), QStringLiteral("false")};
  const QString& now = p.current;
  if (!options.isEmpty()) {
    value_choice_->addItems(options);
    // Offer a value other than today's: a comparison with no change shows nothing.
    for (int i = 0; i < options.size(); ++i) {
      if (options[i] != now) {
        value_choice_->setCurrentIndex(i);
        break;
      }
    }
    value_stack_->setCurrentWidget(value_choice_);
  } else {
    value_text_->setText(now);
    value_stack_->setCurrentWidget(value_text_);
  }
  current_->setText(tr("Now %1. %2").arg(now, p.help));
}

void CompareDialog::choose(int kind) {
  if (auto* b = kinds_->button(kind)) b->setChecked(true);
}

void CompareDialog::setParameter(const QString& name, const QString& value) {
  choose(0);
  param_->setCurrentIndex(param_->findText(name));
  if (value_stack_->currentWidget() == value_choice_) {
    value_choice_->setCurrentIndex(value_choice_->findText(value));
  } else {
    value_text_->setText(value);
  }
}

void CompareDialog::setSeed(quint64 seed) {
  choose(1);
  seed_->setValue(static_cast<int>(std::min<quint64>(seed, std::numeric_limits<int>::max())));
}

QString CompareDialog::errorText() const { return error_->isHidden() ? QString() : error_->text(); }

QString CompareDialog::change() const {
  switch (kinds_->checkedId()) {
    case 1: return QStringLiteral("seed=%1").arg(seed_->value());
    case 2: return QStringLiteral("actions");
    default: break;
  }
  const int index = param_->currentIndex();
  if (index < 0 || index >= params_.size()) return {};
  const auto& p = params_[index];
  if (value_stack_->currentWidget() == value_choice_) {
    const QString v = value_choice_->currentText();
    return p.flag ? QStringLiteral("%1=%2").arg(p.name, v) : QStringLiteral("%1=\"%2\"").arg(p.name, v);
  }
  return QStringLiteral("%1=%2").arg(p.name, value_text_->text().trimmed());
}

void CompareDialog::accept() {
  QString error;
  if (starter_ && !starter_(change(), &error)) {
    error_->setText(error.isEmpty() ? tr("This change cannot be compared.") : error);
    error_->show();
    return;
  }
  QDialog::accept();
}

}  // namespace cs::ui
