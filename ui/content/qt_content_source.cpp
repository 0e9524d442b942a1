#include "content/qt_content_source.h"

#include <QFile>
#include <QFileInfo>

namespace cs::ui {

std::optional<std::string> QtContentSource::read(const std::string& relative_path) const {
  QFile file(root_ + '/' + QString::fromStdString(relative_path));
  if (!file.open(QIODevice::ReadOnly)) return std::nullopt;
  return file.readAll().toStdString();
}

bool QtContentSource::exists(const std::string& relative_path) const {
  return QFileInfo(root_ + '/' + QString::fromStdString(relative_path)).isFile();
}

}  // namespace cs::ui
