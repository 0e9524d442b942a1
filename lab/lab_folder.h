#pragma once
// The lab's private folder (under the user's data folder): one folder per run, and a register of
// every process the lab started, so that a later start or `lab clean` can stop what a crashed run
// left behind, and nothing else.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "lab/lab_process.h"
#include "lab/run_as.h"

namespace cs::lab {

// CLUSTERSCOPE_LAB_DIR, or $XDG_DATA_HOME/clusterscope/lab, or ~/.local/share/clusterscope/lab.
std::filesystem::path lab_root();

// Where the servers keep their data (see server_folder): /var/tmp/clusterscope-lab for root,
// /var/tmp/clusterscope-lab-UID for anyone else.
std::filesystem::path shared_server_root();

// A run's folders may not together exceed this; a run refuses to start above it.
constexpr std::uintmax_t kLabDiskCapBytes = std::uintmax_t{2} << 30;

// One run at a time per lab folder: a run holds this lock (flock on <root>/run.lock) from its
// first clean-up to its last, so that a second program (the window opened beside a CLI run, a
// second CLI) neither stops the first run's engines as "leftovers" nor runs beside it. The kernel
// releases it when its holder dies, so a crashed run never leaves it held; the engines do not
// inherit it (close-on-exec).
// Thrown by LabFolder::throw_if_stop_asked.
struct StopAsked : std::runtime_error {
  StopAsked() : std::runtime_error("stopped on request; every engine process it started is stopped") {}
};

class RunLock {
 public:
  explicit RunLock(int fd) : fd_(fd) {}
  RunLock(RunLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  RunLock& operator=(RunLock&&) = delete;
  RunLock(const RunLock&) = delete;
  ~RunLock();

 private:
  int fd_;
};

class LabFolder {
 public:
  explicit LabFolder(std::filesystem::path root);
  const std::filesystem::path& root() const { return root_; }

  // A fresh folder for one run of an experiment: runs/<experiment>-<n>.
  std::filesystem::path new_run_folder(const std::string& experiment);
  // A folder for the servers of the run in `run_folder`, owned by `as` when given (the lab runs as
  // root; the lab's own folder is private to root). It lies under shared_server_root(), at a short
  // path (a socket's path has at most 107 characters), and is listed in the lab folder so that
  // clean() removes it and disk_use_bytes() counts it.
  std::filesystem::path server_folder(const std::filesystem::path& run_folder, const std::optional<RunAs>& as);
  std::uintmax_t disk_use_bytes() const;

  // The run lock, if no other program holds it.
  std::optional<RunLock> try_lock_run() const;

  // While a run waits for an engine, it asks here whether the learner wants it to stop; throws
  // StopAsked if so (the clusters stop their processes as it unwinds).
  void set_stop_asked(std::function<bool()> asked) { stop_asked_ = std::move(asked); }
  void throw_if_stop_asked() const;

  // The register: appended to as processes start, read by clean-up.
  void remember(const ProcessRecord& record);
  std::vector<ProcessRecord> remembered() const;

  struct CleanReport {
    int stopped = 0;  // processes of the lab's that were still running
    int ignored = 0;  // register entries whose process is gone or is another program now
    bool removed = false;
  };
  // Stops every process in the register that is still the lab's (SIGKILL, then waits), empties the
  // register, and removes the run folders. Throws std::runtime_error while another program's run
  // holds the run lock (its engines are not leftovers).
  CleanReport clean();
  // The same for the processes only (a run that crashed left them): the folders stay, to be read.
  CleanReport stop_leftovers();
  // stop_leftovers() for the lab at `root` if it has a register, without making any folder (at a
  // program's start, for a user who may never have used the lab); nothing while another program's
  // run holds the run lock.
  static CleanReport stop_leftovers_at(const std::filesystem::path& root);

 private:
  std::filesystem::path root_;
  std::function<bool()> stop_asked_;
};

}  // namespace cs::lab
