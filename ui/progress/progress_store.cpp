#include "progress/progress_store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSaveFile>

#include "course/progress_merge.h"
#include "progress/profiles.h"

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

// Takes the lock if it can within wait_ms. QLockFile takes over at once a lock whose process has
// died, but a lock file that names no process (cut short by a crash while it was being made) only
// after the stale time, which would freeze the next save for seconds: such a file is taken over at
// once too. removeStaleLockFile() refuses while a living process holds the file (it keeps an OS
// lock on it from the moment it creates it), so a lock being made right now is not broken.
bool take_lock(QLockFile& lock, int wait_ms) {
  if (lock.tryLock(0)) return true;
  if (lock.error() != QLockFile::LockFailedError) return false;
  if (!lock.getLockInfo(nullptr, nullptr, nullptr)) lock.removeStaleLockFile();
  return lock.tryLock(wait_ms);
}

}  // namespace

ProgressStore::ProgressStore(QString path) : path_(std::move(path)) {}

QString ProgressStore::defaultPath() { return Profiles().lastProgressPath(); }

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
  merged_on_last_save_ = false;
  disk_bytes_.reset();
  progress_ = {};
  const auto main = read_all(path_);
  if (!main) {
    if (!QFileInfo::exists(path_) && !QFileInfo::exists(backupPath())) return LoadOutcome::Fresh;
  }
  course::ProgressParse parsed;
  if (main) parsed = course::parse_progress(main->toStdString());
  if (main && parsed.status == course::ProgressParse::Status::Ok) {
    progress_ = std::move(parsed.progress);
    disk_bytes_ = *main;
    return LoadOutcome::Loaded;
  }
  if (main && parsed.status == course::ProgressParse::Status::NewerVersion) {
    read_only_ = true;
    notice_ = newerVersionNotice();
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

QString ProgressStore::newerVersionNotice() {
  return tr(
      "Your progress file was written by a newer version of ClusterScope. It will not be changed; "
      "progress made now is kept only until you close the program.");
}

bool ProgressStore::save(QString* error) { return write(Write::Merge, error); }

bool ProgressStore::write(Write mode, QString* error) {
  merged_on_last_save_ = false;
  if (read_only_) {
    if (error) *error = tr("The progress file belongs to a newer version of ClusterScope and is not overwritten.");
    return false;
  }
  QDir().mkpath(QFileInfo(path_).absolutePath());
  // Read, merge and write as one step against other processes saving the same file. Not getting
  // the lock (another process hangs holding it, or no lock file can be made) does not stop the
  // save: see the header.
  QLockFile lock(lockPath());
  lock.setStaleLockTime(kStaleLockMs);
  take_lock(lock, kLockWaitMs);
  const auto on_disk = read_all(path_);
  bool disk_is_good = false;  // the file on disk parses: it may become the backup
  if (on_disk && on_disk == disk_bytes_) {
    disk_is_good = true;  // what this store read or wrote itself: nothing new in it
  } else if (on_disk) {
    // Another process has written the file since this store last touched it.
    auto parsed = course::parse_progress(on_disk->toStdString());
    switch (parsed.status) {
      case course::ProgressParse::Status::Ok:
        disk_is_good = true;
        if (mode == Write::Merge) {
          course::merge_progress(progress_, parsed.progress);
          merged_on_last_save_ = true;
        }
        break;
      case course::ProgressParse::Status::NewerVersion:
        // A newer ClusterScope has taken the file over: never overwrite it, as after load().
        read_only_ = true;
        notice_ = newerVersionNotice();
        if (error) *error = tr("The progress file belongs to a newer version of ClusterScope and is not overwritten.");
        return false;
      case course::ProgressParse::Status::Corrupt:
        break;  // overwritten with this store's progress, but not kept as the backup
    }
  }
  if (disk_is_good && !write_atomically(backupPath(), *on_disk, error)) return false;
  const QByteArray bytes = QByteArray::fromStdString(course::progress_to_json(progress_));
  if (!write_atomically(path_, bytes, error)) return false;
  disk_bytes_ = bytes;
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
  return write(Write::Replace, error);  // a deliberate replacement: the file's content is not merged back
}

bool ProgressStore::reset(QString* error) {
  progress_ = {};
  return write(Write::Replace, error);  // as import: the old content stays only as the backup
}

}  // namespace cs::ui
