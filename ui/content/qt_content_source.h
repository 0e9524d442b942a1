#pragma once
// Course files read through Qt: from the resources compiled into the binary (":/lessons"), or from
// a folder given with --lessons-dir.
#include <QString>

#include "course/course.h"

namespace cs::ui {

class QtContentSource final : public course::ContentSource {
 public:
  // root: ":/lessons" or a folder path.
  explicit QtContentSource(QString root) : root_(std::move(root)) {}
  std::optional<std::string> read(const std::string& relative_path) const override;
  bool exists(const std::string& relative_path) const override;
  const QString& root() const { return root_; }

  static QString builtinRoot() { return QStringLiteral(":/lessons"); }

 private:
  QString root_;
};

}  // namespace cs::ui
