#include "lab/lab_process.h"

#include <fcntl.h>
#include <grp.h>
#include <linux/close_range.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace cs::lab {

std::uint64_t process_start_ticks(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string stat;
  if (!in || !std::getline(in, stat)) return 0;
  // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
  const auto close = stat.rfind(')');
  if (close == std::string::npos) return 0;
  std::istringstream fields(stat.substr(close + 2));
  std::string field;
  for (int i = 3; i <= 22 && fields >> field; ++i) {
    if (i == 22) return std::stoull(field);
  }
  return 0;
}

bool is_same_process(const ProcessRecord& record) {
  if (record.pid <= 0 || record.start_ticks == 0) return false;
  if (process_start_ticks(record.pid) != record.start_ticks) return false;
  std::ifstream in("/proc/" + std::to_string(record.pid) + "/cmdline", std::ios::binary);
  const std::string cmdline((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return record.data_dir.empty() || cmdline.find(record.data_dir) != std::string::npos;
}

ProcessRecord spawn_process(const std::vector<std::string>& argv, const std::string& data_dir,
                            const std::string& log_path, const std::optional<RunAs>& as) {
  if (argv.empty()) throw std::runtime_error("nothing to start");
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  // Not through a link: as root, the lab writes logs in folders the server user owns.
  const int log = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (log < 0) throw std::runtime_error("cannot write " + log_path);
  if (as && ::fchown(log, as->uid, as->gid) != 0) {
    ::close(log);
    throw std::runtime_error("cannot give " + log_path + " to " + as->user);
  }
  // A pipe that closes when the child's exec succeeds (close-on-exec) and carries an error number
  // when it fails: spawn_process returns only once the program runs, so that whoever checks the
  // process next sees the program's command line, not the lab's copy before exec.
  int exec_pipe[2];
  if (::pipe2(exec_pipe, O_CLOEXEC) != 0) {
    ::close(log);
    throw std::runtime_error("cannot start " + argv[0] + ": no pipe");
  }
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(log);
    ::close(exec_pipe[0]);
    ::close(exec_pipe[1]);
    throw std::runtime_error("cannot start " + argv[0]);
  }
  if (pid == 0) {
    const auto fail = [&](int code) {
      const int error = errno;
      [[maybe_unused]] const ssize_t n = ::write(exec_pipe[1], &error, sizeof error);
      ::_exit(code);
    };
    // The child: its own session (a signal to the lab's terminal does not reach it), output to
    // the log, nothing on standard input.
    ::setsid();
    const int null = ::open("/dev/null", O_RDONLY);
    if (null >= 0) ::dup2(null, STDIN_FILENO);
    ::dup2(log, STDOUT_FILENO);
    ::dup2(log, STDERR_FILENO);
    // Nothing else of the lab's (the register, the run lock, another thread's files opened without
    // close-on-exec) reaches the engine: all close when it starts (the exec pipe with them).
    ::close_range(3, ~0U, CLOSE_RANGE_CLOEXEC);
    // Drop root for good before anything else runs: groups first, then the group, then the user.
    if (as && (::setgroups(0, nullptr) != 0 || ::setgid(as->gid) != 0 || ::setuid(as->uid) != 0)) fail(126);
    if (::chdir(data_dir.c_str()) != 0) fail(127);
    ::execv(args[0], args.data());
    fail(127);
  }
  ::close(log);
  ::close(exec_pipe[1]);
  int child_error = 0;
  ssize_t got = 0;
  do {
    got = ::read(exec_pipe[0], &child_error, sizeof child_error);
  } while (got < 0 && errno == EINTR);
  ::close(exec_pipe[0]);
  if (got > 0) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    throw std::runtime_error("cannot start " + argv[0] + ": " + std::strerror(child_error));
  }
  ProcessRecord record{pid, process_start_ticks(pid), data_dir};
  // A program that ended at once may be gone already; its start time is then unknown (0), and it
  // is treated as gone.
  return record;
}

int run_to_end(const std::vector<std::string>& argv, const std::string& data_dir, const std::string& log_path,
               int timeout_ms, const std::optional<RunAs>& as) {
  const ProcessRecord record = spawn_process(argv, data_dir, log_path, as);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (true) {
    int status = 0;
    if (::waitpid(record.pid, &status, WNOHANG) == record.pid) return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (std::chrono::steady_clock::now() >= deadline) {
      // The whole group: a tool's own children (initdb's bootstrap server, pg_rewind's
      // single-user recovery) go too. The child leads its own session, so its group is its pid.
      ::kill(-record.pid, SIGKILL);
      ::waitpid(record.pid, &status, 0);
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

bool signal_process(const ProcessRecord& record, int signal) {
  if (process_start_ticks(record.pid) != record.start_ticks || record.start_ticks == 0) return false;
  return ::kill(record.pid, signal) == 0;
}

bool wait_gone(const ProcessRecord& record, int timeout_ms) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (true) {
    int status = 0;
    const pid_t reaped = ::waitpid(record.pid, &status, WNOHANG);
    if (reaped == record.pid) return true;
    // Not our child (started by an earlier run): gone when the id no longer has its start time.
    if (reaped < 0 && errno == ECHILD && process_start_ticks(record.pid) != record.start_ticks) return true;
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

}  // namespace cs::lab
