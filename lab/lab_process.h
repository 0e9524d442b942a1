#pragma once
// One process the lab started: a program run in its own session with its output in a log file.
// It is known by its process id and its start time (the kernel's, in clock ticks since boot), so
// that a later clean-up never signals a process that merely reuses the id.
#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "lab/run_as.h"

namespace cs::lab {

struct ProcessRecord {
  pid_t pid = 0;
  std::uint64_t start_ticks = 0;
  std::string data_dir;  // the folder it works in; its command line names it
};

// The start time of a running process (field 22 of /proc/PID/stat); 0 when there is none.
std::uint64_t process_start_ticks(pid_t pid);

// Whether `record` is still the very process the lab started: same id, same start time, and a
// command line that names its data folder.
bool is_same_process(const ProcessRecord& record);

// Starts `argv` (argv[0] a full path) in a new session, standard output and error appended to
// `log_path`, working in `data_dir`, as the user `as` when given (root only: see run_as.h).
// Throws std::runtime_error when it cannot start.
ProcessRecord spawn_process(const std::vector<std::string>& argv, const std::string& data_dir,
                            const std::string& log_path, const std::optional<RunAs>& as = std::nullopt);

// Runs `argv` to its end the same way (a short tool: initdb, pg_basebackup, psql) and returns its
// exit status, or -1 when it did not end within `timeout_ms` (it is killed then).
int run_to_end(const std::vector<std::string>& argv, const std::string& data_dir, const std::string& log_path,
               int timeout_ms, const std::optional<RunAs>& as = std::nullopt);

// SIGKILL (crash), SIGSTOP (pause) or SIGCONT (resume), only if the process is still the same.
bool signal_process(const ProcessRecord& record, int signal);

// Reaps a child of this process if it has exited, or waits for it to, up to `timeout_ms`.
// Returns whether it is gone.
bool wait_gone(const ProcessRecord& record, int timeout_ms);

}  // namespace cs::lab
