#include "lab/listen_watch.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <sstream>
#include <system_error>

namespace cs::lab {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMaxFindings = 64;
constexpr const char* kListenState = "0A";  // TCP_LISTEN in /proc/net/tcp

// "0100007F:1F90" (IPv4, little-endian words) or 32 hex digits (IPv6) and a port, as text;
// empty for a loopback address.
std::string non_loopback_address(const std::string& local, bool v6) {
  const auto colon = local.find(':');
  if (colon == std::string::npos) return {};
  const std::string address = local.substr(0, colon);
  const unsigned port = static_cast<unsigned>(std::stoul(local.substr(colon + 1), nullptr, 16));
  if (!v6) {
    const unsigned long raw = std::stoul(address, nullptr, 16);
    if ((raw & 0xFF) == 127) return {};  // 127.0.0.0/8: the first byte is the lowest
    std::ostringstream out;
    out << (raw & 0xFF) << '.' << ((raw >> 8) & 0xFF) << '.' << ((raw >> 16) & 0xFF) << '.' << ((raw >> 24) & 0xFF)
        << ':' << port;
    return out.str();
  }
  if (address == "00000000000000000000000001000000") return {};  // ::1
  if (address.compare(0, 24, "0000000000000000FFFF0000") == 0 && address.compare(30, 2, "7F") == 0)
    return {};  // ::ffff:127.x.y.z
  return "[" + address + "]:" + std::to_string(port);
}

// Socket inode -> address, for listening sockets not on loopback.
std::map<std::string, std::string> open_listeners() {
  std::map<std::string, std::string> listeners;
  for (const auto& [file, v6] : {std::pair{"/proc/net/tcp", false}, std::pair{"/proc/net/tcp6", true}}) {
    std::ifstream in(file);
    std::string line;
    std::getline(in, line);  // the heading
    while (std::getline(in, line)) {
      std::istringstream fields(line);
      std::string slot, local, remote, state, queues, timer, retransmits, uid, timeout, inode;
      if (!(fields >> slot >> local >> remote >> state >> queues >> timer >> retransmits >> uid >> timeout >> inode))
        continue;
      if (state != kListenState) continue;
      if (std::string address = non_loopback_address(local, v6); !address.empty()) listeners[inode] = address;
    }
  }
  return listeners;
}

bool works_under(const fs::path& cwd, const std::vector<fs::path>& folders) {
  const std::string here = cwd.string();
  return std::any_of(folders.begin(), folders.end(), [&here](const fs::path& folder) {
    const std::string root = folder.string();
    // The folder itself or below it: /var/tmp/clusterscope-lab is not a prefix of
    // /var/tmp/clusterscope-lab-1000, another user's.
    return !root.empty() && here.compare(0, root.size(), root) == 0 &&
           (here.size() == root.size() || here[root.size()] == '/');
  });
}

}  // namespace

std::vector<std::string> listeners_beyond_loopback(const std::vector<fs::path>& folders) {
  std::vector<std::string> found;
  const auto listeners = open_listeners();
  if (listeners.empty()) return found;
  std::error_code ec;
  std::error_code proc_ec;
  for (auto entry = fs::directory_iterator("/proc", proc_ec); !proc_ec && entry != fs::directory_iterator();
       entry.increment(proc_ec)) {
    const auto& process = *entry;
    const std::string pid = process.path().filename().string();
    if (pid.find_first_not_of("0123456789") != std::string::npos) continue;
    const fs::path cwd = fs::read_symlink(process.path() / "cwd", ec);
    if (ec || !works_under(cwd, folders)) continue;
    // Processes come and go while this looks (the lab's psql runs by the hundred): every step takes
    // an error code, never throws.
    std::error_code fd_ec;
    for (auto fd = fs::directory_iterator(process.path() / "fd", fd_ec); !fd_ec && fd != fs::directory_iterator();
         fd.increment(fd_ec)) {
      const std::string target = fs::read_symlink(fd->path(), ec).string();  // "socket:[12345]"
      if (ec || target.compare(0, 8, "socket:[") != 0) continue;
      const auto it = listeners.find(target.substr(8, target.size() - 9));
      if (it == listeners.end()) continue;
      std::string name;
      std::ifstream(process.path() / "comm") >> name;
      found.push_back("pid " + pid + " (" + name + ") listens on " + it->second);
    }
  }
  return found;
}

ListenWatch::ListenWatch(std::vector<fs::path> folders, int interval_ms) : folders_(std::move(folders)) {
  thread_ = std::thread([this, interval_ms] {
    while (!stopping_.load()) {
      try {
        look();
      } catch (const std::exception&) {
        // A look that failed (a process gone mid-read, memory) is skipped; the next one comes soon.
      }
      // Short steps, so that stop() does not wait out a whole interval.
      for (int waited_ms = 0; waited_ms < interval_ms && !stopping_.load(); waited_ms += 10)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  });
}

ListenWatch::~ListenWatch() { stop(); }

void ListenWatch::look() {
  const std::vector<std::string> now = listeners_beyond_loopback(folders_);
  const std::lock_guard lock(mutex_);
  for (const std::string& f : now) {
    if (found_.size() < kMaxFindings && std::find(found_.begin(), found_.end(), f) == found_.end()) found_.push_back(f);
  }
}

std::vector<std::string> ListenWatch::stop() {
  if (thread_.joinable()) {
    stopping_.store(true);
    thread_.join();
    try {
      look();  // one last look, after the run
    } catch (const std::exception&) {
    }
  }
  const std::lock_guard lock(mutex_);
  return found_;
}

}  // namespace cs::lab
