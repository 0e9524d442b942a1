#include "progress/results_privacy.h"

#include <QCoreApplication>
#include <QPointer>
#include <QSettings>

namespace cs::ui {

ResultsPrivacy::ResultsPrivacy(QObject* parent)
    : QObject(parent), hidden_(QSettings().value(QLatin1String(kHideResultsKey), false).toBool()) {
  setObjectName("resultsPrivacy");
}

ResultsPrivacy* ResultsPrivacy::instance() {
  // Owned by the application (gone with it); made again should a test make a new application.
  static QPointer<ResultsPrivacy> one;
  if (!one) one = new ResultsPrivacy(QCoreApplication::instance());
  return one;
}

void ResultsPrivacy::setHidden(bool hidden) {
  if (persistent_) QSettings().setValue(QLatin1String(kHideResultsKey), hidden);
  if (hidden == hidden_) return;
  hidden_ = hidden;
  emit changed(hidden_);
}

QString ResultsPrivacy::hiddenText() { return tr("Results are hidden"); }

}  // namespace cs::ui
