#include "progress/progress_store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace cs::ui {

namespace {

std::optional<QByteArray> read_all(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return std::nullopt;
  return f.readAll();
}

bool write_atomically(const QString& path, const QByteArray& bytes, QString* error) {
  QSaveFile out(path);
  if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
    if (error)
      *error = QCoreApplication::translate("ProgressStore", "Cannot write %1: %2").arg(path, out.errorString());
    return false;
  }
#ifdef Q_OS_UNIX
  // The rename is only durable once the folder's entry is on disk too.
  const int dir = ::open(QFile::encodeName(QFileInfo(path).absolutePath()).constData(), O_RDONLY);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
#endif
  return true;
}

}  // namespace

ProgressStore::ProgressStore(QString path) : path_(std::move(path)) {}

QString ProgressStore::defaultPath() {
  return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/progress.json");
}

QString ProgressStore::keepAside(const QString& file) const {
  const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
  QString target = file + QStringLiteral(".unreadable-") + stamp;
  for (int i = 2; QFileInfo::exists(target); ++i) target = file + QStringLiteral(".unreadable-%1-%2").arg(stamp).arg(i);
  QFile::rename(file, target);
  return target;
}

ProgressStore::LoadOutcome ProgressStore::load() {
  notice_.clear();
  read_only_ = false;
  file_is_good_ = false;
  progress_ = {};
  const auto main = read_all(path_);
  if (!main) {
    if (!QFileInfo::exists(path_) && !QFileInfo::exists(backupPath())) return LoadOutcome::Fresh;
  }
  course::ProgressParse parsed;
  if (main) parsed = course::parse_progress(main->toStdString());
  if (main && parsed.status == course::ProgressParse::Status::Ok) {
    progress_ = std::move(parsed.progress);
    file_is_good_ = true;
    return LoadOutcome::Loaded;
  }
  if (main && parsed.status == course::ProgressParse::Status::NewerVersion) {
    read_only_ = true;
    notice_ =
        tr("Your progress file was written by a newer version of ClusterScope. It will not be changed; "
           "progress made now is kept only until you close the program.");
    return LoadOutcome::NewerVersion;
  }
  // The file is damaged or missing: keep it aside, then try the backup.
  QString aside;
  if (QFileInfo::exists(path_)) aside = keepAside(path_);
  const QString why = main ? QString::fromStdString(parsed.error) : tr("it could not be read");
  const auto backup = read_all(backupPath());
  if (backup) {
    auto b = course::parse_progress(backup->toStdString());
    if (b.status == course::ProgressParse::Status::Ok) {
      progress_ = std::move(b.progress);
      notice_ = tr("Your progress file was damaged (%1), so your progress was restored from the backup.").arg(why);
      if (!aside.isEmpty()) notice_ += ' ' + tr("The damaged file was kept as %1.").arg(aside);
      QString error;
      save(&error);  // put a good file back in place
      return LoadOutcome::RecoveredFromBackup;
    }
  }
  notice_ = tr("Your progress file could not be read (%1) and there was no usable backup, so progress starts afresh.")
                .arg(why);
  if (!aside.isEmpty()) notice_ += ' ' + tr("The unreadable file was kept as %1.").arg(aside);
  return LoadOutcome::Reset;
}

bool ProgressStore::save(QString* error) {
  if (read_only_) {
    if (error) *error = tr("The progress file belongs to a newer version of ClusterScope and is not overwritten.");
    return false;
  }
  QDir().mkpath(QFileInfo(path_).absolutePath());
  if (file_is_good_) {
    if (const auto previous = read_all(path_)) {
      if (!write_atomically(backupPath(), *previous, error)) return false;
    }
  }
  const QByteArray bytes = QByteArray::fromStdString(course::progress_to_json(progress_));
  if (!write_atomically(path_, bytes, error)) return false;
  file_is_good_ = true;
  return true;
}

bool ProgressStore::exportTo(const QString& file, QString* error) const {
  return write_atomically(file, QByteArray::fromStdString(course::progress_to_json(progress_)), error);
}

bool ProgressStore::importFrom(const QString& file, QString* error) {
  const auto bytes = read_all(file);
  if (!bytes) {
    if (error) *error = tr("Cannot read %1.").arg(file);
    return false;
  }
  auto parsed = course::parse_progress(bytes->toStdString());
  if (parsed.status == course::ProgressParse::Status::NewerVersion) {
    if (error) *error = tr("%1 was written by a newer version of ClusterScope.").arg(file);
    return false;
  }
  if (parsed.status != course::ProgressParse::Status::Ok) {
    if (error) *error = tr("%1 is not a valid progress file: %2").arg(file, QString::fromStdString(parsed.error));
    return false;
  }
  progress_ = std::move(parsed.progress);
  return save(error);
}

bool ProgressStore::reset(QString* error) {
  progress_ = {};
  return save(error);
}

}  // namespace cs::ui
