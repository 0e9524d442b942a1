#pragma once
// Keeps the learner's progress on disk without ever losing it.
// - Saving is atomic (QSaveFile: write a temporary file, then rename over the old one), the folder
//   is synced where the OS allows, and the previous good file is kept as "<file>.bak".
// - Loading tries the file, then the backup, then starts empty, and says so whenever anything
//   was recovered or reset. An unreadable file is renamed aside, never deleted.
// - A file written by a newer ClusterScope is never overwritten: progress is then kept in memory.
//   That holds also when another program writes such a file while this one is running: the save
//   that finds it becomes read-only, with the same notice as load().
// - Two windows (two processes) may share one file. The store remembers the exact bytes it last
//   read from or wrote to the file; a save re-reads the file and, if another process has written
//   it since (the bytes differ) and it parses, merges that progress into its own
//   (course::merge_progress: results only grow) before writing, so neither window loses the
//   other's results. Read, merge and write happen under a lock file, "<file>.lock" (QLockFile). A
//   lock left by a process that died, or cut short while being made, is taken over at once; one
//   older than kStaleLockMs is broken if its process no longer holds it open. A save waits at
//   most kLockWaitMs for the lock, then goes ahead without it (a process hangs holding it, or no
//   lock file can be made): the write itself stays atomic; only the merge could then miss a save
//   made at the same moment.
// - A file that another process left unparsable is overwritten as before, but it does not
//   replace the backup.
// - importFrom() and reset() are deliberate replacements: they do not merge the file's old
//   content back in (it stays as the backup). A window that still holds the old progress in
//   memory brings it back when it saves, since merging only adds; reset with one window open.
#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <optional>

#include "course/progress.h"

namespace cs::ui {

class ProgressStore {
  Q_DECLARE_TR_FUNCTIONS(ProgressStore)

 public:
  enum class LoadOutcome { Fresh, Loaded, RecoveredFromBackup, Reset, NewerVersion };

  explicit ProgressStore(QString path);

  // The last profile's progress file (progress/profiles.h); while there is no profile, the single
  // file of older versions, <application data>/progress.json.
  static QString defaultPath();

  LoadOutcome load();
  // A sentence for the learner when load() recovered, reset or found a newer file; else empty.
  const QString& notice() const { return notice_; }
  bool readOnly() const { return read_only_; }
  const QString& path() const { return path_; }
  QString backupPath() const { return path_ + QStringLiteral(".bak"); }

  const course::Progress& progress() const { return progress_; }
  course::Progress& progress() { return progress_; }

  // Writes the current progress, merged with another process's results if the file has changed
  // since this store last read or wrote it. False (with a reason) when read-only (also when the
  // file turns out to be from a newer version) or the disk refuses.
  bool save(QString* error = nullptr);
  // Whether the last save merged another process's results into progress() (the window should
  // show them), even if the write after the merge failed.
  bool mergedOnLastSave() const { return merged_on_last_save_; }

  bool exportTo(const QString& file, QString* error) const;
  // Replaces the current progress with the file's, then saves without merging. The file is
  // checked first.
  bool importFrom(const QString& file, QString* error);
  // Empties the progress and saves without merging (the old file stays as the backup).
  bool reset(QString* error);

  QString lockPath() const { return path_ + QStringLiteral(".lock"); }
  static constexpr int kStaleLockMs = 10'000;  // a save takes milliseconds; 10 s is a hung one
  static constexpr int kLockWaitMs = 12'000;   // longer than the stale time, so that one can be broken

 private:
  enum class Write { Merge, Replace };
  bool write(Write mode, QString* error);
  QString keepAside(const QString& file) const;
  static QString newerVersionNotice();

  QString path_;
  course::Progress progress_;
  QString notice_;
  bool read_only_ = false;
  bool merged_on_last_save_ = false;
  // The exact bytes last read from (and parsed) or written to the file; nullopt when there was no
  // file. A save finding other bytes knows another process has written in between.
  std::optional<QByteArray> disk_bytes_;
};

}  // namespace cs::ui
