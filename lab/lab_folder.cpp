#include "lab/lab_folder.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>

namespace cs::lab {

namespace fs = std::filesystem;

fs::path lab_root() {
  if (const char* dir = std::getenv("CLUSTERSCOPE_LAB_DIR"); dir && *dir) return fs::path(dir);
  if (const char* data = std::getenv("XDG_DATA_HOME"); data && *data) return fs::path(data) / "clusterscope" / "lab";
  const char* home = std::getenv("HOME");
  return fs::path(home && *home ? home : "/tmp") / ".local" / "share" / "clusterscope" / "lab";
}

fs::path shared_server_root() {
  const uid_t uid = ::geteuid();
  return uid == 0 ? fs::path("/var/tmp/clusterscope-lab")
                  : fs::path("/var/tmp/clusterscope-lab-" + std::to_string(uid));
}

LabFolder::LabFolder(fs::path root) : root_(std::move(root)) {
  std::error_code ec;
  fs::create_directories(root_ / "runs", ec);
  if (ec) throw std::runtime_error("cannot make the lab folder " + root_.string() + ": " + ec.message());
  // Private: the engines' data and passwords are in here.
  fs::permissions(root_, fs::perms::owner_all, fs::perm_options::replace, ec);
}

fs::path LabFolder::new_run_folder(const std::string& experiment) {
  for (int n = 1; n < 100'000; ++n) {
    const fs::path folder = root_ / "runs" / (experiment + "-" + std::to_string(n));
    std::error_code ec;
    if (fs::create_directory(folder, ec)) return folder;
  }
  throw std::runtime_error("no free run folder in " + (root_ / "runs").string());
}

namespace {

std::vector<fs::path> listed_server_folders(const fs::path& root) {
  std::vector<fs::path> folders;
  std::ifstream in(root / "server-folders.txt");
  for (std::string line; std::getline(in, line);) {
    // Only ever one of the lab's own: a damaged list must not make clean() remove anything else.
    if (fs::path(line).parent_path() == shared_server_root()) folders.emplace_back(line);
  }
  return folders;
}

std::uintmax_t bytes_under(const fs::path& folder) {
  std::uintmax_t total = 0;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(folder, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec)) total += it->file_size(ec);
  }
  return total;
}

}  // namespace

fs::path LabFolder::server_folder(const fs::path& run_folder, const std::optional<RunAs>& as) {
  // Always a short path: a server's socket path must stay within 107 characters, which a run
  // folder deep in a long home folder would not leave room for.
  const fs::path shared = shared_server_root();
  std::error_code ec;
  fs::create_directories(shared, ec);
  if (ec) throw std::runtime_error("cannot make " + shared.string() + ": " + ec.message());
  // /var/tmp is everyone's: the folder must be a real folder of this user's, not one another user
  // made (or a link) to catch the servers' data.
  struct stat info {};
  if (::lstat(shared.c_str(), &info) != 0 || !S_ISDIR(info.st_mode) || info.st_uid != ::geteuid())
    throw std::runtime_error(shared.string() + " belongs to another user: remove it, then run the lab again");
  // Root's is passed through by the server user to reach its own folder, not listed; a user's own
  // is private.
  fs::permissions(shared,
                  as ? fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec : fs::perms::owner_all,
                  fs::perm_options::replace, ec);
  std::string name = (shared / (run_folder.filename().string() + "-XXXXXX")).string();
  if (::mkdtemp(name.data()) == nullptr) throw std::runtime_error("cannot make a folder in " + shared.string());
  {
    std::ofstream out(root_ / "server-folders.txt", std::ios::app);
    out << name << '\n';
    if (!out) throw std::runtime_error("cannot write the lab's folder list in " + root_.string());
  }
  give_to(name, as);
  return name;
}

std::uintmax_t LabFolder::disk_use_bytes() const {
  std::uintmax_t total = bytes_under(root_);
  for (const fs::path& folder : listed_server_folders(root_)) total += bytes_under(folder);
  return total;
}

void LabFolder::remember(const ProcessRecord& record) {
  std::ofstream out(root_ / "processes.txt", std::ios::app);
  out << record.pid << ' ' << record.start_ticks << ' ' << record.data_dir << '\n';
  if (!out) throw std::runtime_error("cannot write the lab's process register in " + root_.string());
}

std::vector<ProcessRecord> LabFolder::remembered() const {
  std::vector<ProcessRecord> records;
  std::ifstream in(root_ / "processes.txt");
  for (std::string line; std::getline(in, line);) {
    std::istringstream fields(line);
    ProcessRecord r;
    fields >> r.pid >> r.start_ticks;
    std::getline(fields >> std::ws, r.data_dir);
    if (r.pid > 0 && r.start_ticks > 0) records.push_back(r);
  }
  return records;
}

RunLock::~RunLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

void LabFolder::throw_if_stop_asked() const {
  if (stop_asked_ && stop_asked_()) throw StopAsked();
}

std::optional<RunLock> LabFolder::try_lock_run() const {
  const int fd = ::open((root_ / "run.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) throw std::runtime_error("cannot open the lab's run lock in " + root_.string());
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    return std::nullopt;
  }
  return RunLock(fd);
}

LabFolder::CleanReport LabFolder::clean() {
  const auto lock = try_lock_run();
  if (!lock)
    throw std::runtime_error("a lab run is in progress in " + root_.string() +
                             " (in another window or terminal): stop it or wait for it to end, then clean");
  CleanReport report = stop_leftovers();
  std::error_code ec;
  fs::remove_all(root_ / "runs", ec);
  fs::create_directories(root_ / "runs", ec);
  report.removed = !ec;
  for (const fs::path& folder : listed_server_folders(root_)) fs::remove_all(folder, ec);
  fs::remove(root_ / "server-folders.txt", ec);
  return report;
}

LabFolder::CleanReport LabFolder::stop_leftovers_at(const fs::path& root) {
  std::error_code ec;
  if (!fs::exists(root / "processes.txt", ec)) return {};
  LabFolder lab(root);
  const auto lock = lab.try_lock_run();
  if (!lock) return {};  // a live run's engines: it stops them itself
  return lab.stop_leftovers();
}

LabFolder::CleanReport LabFolder::stop_leftovers() {
  CleanReport report;
  for (const ProcessRecord& r : remembered()) {
    if (is_same_process(r) && signal_process(r, SIGKILL)) {
      // A paused process dies of SIGKILL too; wait until it has.
      wait_gone(r, 5'000);
      ++report.stopped;
    } else {
      ++report.ignored;
    }
  }
  std::error_code ec;
  fs::remove(root_ / "processes.txt", ec);
  return report;
}

}  // namespace cs::lab
