#pragma once
// Nothing the lab starts may listen beyond loopback. The engines are configured for 127.0.0.1,
// and this watch checks that they keep to it: while an experiment runs it looks, a few times a
// second, for listening TCP sockets on any other address held by a process working in the lab's
// folders, and names each one it finds.
#include <atomic>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace cs::lab {

// Listening sockets on addresses other than 127.0.0.1 and ::1 held by processes whose working
// folder lies under one of `folders`: "pid 123 (postgres) listens on 0.0.0.0:5432".
std::vector<std::string> listeners_beyond_loopback(const std::vector<std::filesystem::path>& folders);

class ListenWatch {
 public:
  explicit ListenWatch(std::vector<std::filesystem::path> folders, int interval_ms = 200);
  ~ListenWatch();
  ListenWatch(const ListenWatch&) = delete;
  ListenWatch& operator=(const ListenWatch&) = delete;

  // Stops watching (after one last look) and returns everything it found, each once.
  std::vector<std::string> stop();

 private:
  void look();

  std::vector<std::filesystem::path> folders_;
  std::mutex mutex_;
  std::vector<std::string> found_;  // at most kMaxFindings
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace cs::lab
