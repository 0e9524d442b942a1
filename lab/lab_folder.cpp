#include "lab/lab_folder.h"

#include <signal.h>

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

std::uintmax_t LabFolder::disk_use_bytes() const {
  std::uintmax_t total = 0;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root_, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec)) total += it->file_size(ec);
  }
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

LabFolder::CleanReport LabFolder::clean() {
  CleanReport report = stop_leftovers();
  std::error_code ec;
  fs::remove_all(root_ / "runs", ec);
  fs::create_directories(root_ / "runs", ec);
  report.removed = !ec;
  return report;
}

LabFolder::CleanReport LabFolder::stop_leftovers_at(const fs::path& root) {
  std::error_code ec;
  if (!fs::exists(root / "processes.txt", ec)) return {};
  return LabFolder(root).stop_leftovers();
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
