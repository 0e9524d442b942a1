#include "lab/relay.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cassert>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <deque>
#include <memory>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace cs::lab {

namespace {

using Clock = std::chrono::steady_clock;

// A request head longer than this names no sender: it is passed on as sender "".
constexpr std::size_t kMaxHeadBytes = 16 * 1024;
// What an unnamed connection keeps of its last bytes, so that a header line split between two reads
// is still found.
constexpr std::size_t kScanTailBytes = 256;
constexpr std::size_t kReadBytes = 64 * 1024;

sockaddr_in loopback(int port) {
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return a;
}

// A cut must look like a broken link to both ends (a reset, not an orderly end of stream), so that
// etcd's peers drop the connection at once instead of waiting for more bytes.
void close_with_reset(int fd) {
  if (fd < 0) return;
  const linger abort_on_close{1, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &abort_on_close, sizeof abort_on_close);
  ::close(fd);
}

// Bytes read from one side, waiting until `due` (a slowed link) to be written to the other.
struct Chunk {
  Clock::time_point due;
  std::string bytes;
  std::size_t sent = 0;
};

struct Direction {
  std::deque<Chunk> chunks;
  std::size_t held_bytes = 0;  // not yet written
  bool eof = false;            // the reading side ended its stream...
  bool shut = false;           // ...and that was passed on (shutdown of the writing side)
  bool due(Clock::time_point now) const { return !chunks.empty() && chunks.front().due <= now; }
};

struct Connection {
  int client = -1;  // accepted from the sender
  int server = -1;  // to the destination
  bool connected = false;
  bool identified = false;
  std::string sender_id;  // the fixed sender or X-Server-From's value ("" when none)
  std::string head;       // HTTP identification: bytes read before the head was complete
  std::string scan_tail;  // an unnamed connection's last bytes (see read_side)
  Direction up;           // client to server
  Direction down;         // server to client
  bool closed = false;
  int client_slot = -1;  // in this round's poll list
  int server_slot = -1;
};

// The value of header `name` in an HTTP request head (case-insensitive name), trimmed; nullopt
// also when its line is not complete yet.
std::optional<std::string> header_value(const std::string& head, std::string_view name) {
  std::string lower = head;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  std::string key = "\r\n" + std::string(name) + ":";
  std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return std::tolower(c); });
  const auto at = lower.find(key);
  if (at == std::string::npos) return std::nullopt;
  const auto start = at + key.size();
  const auto end = head.find("\r\n", start);
  if (end == std::string::npos) return std::nullopt;
  std::string value = head.substr(start, end - start);
  const auto first = value.find_first_not_of(" \t");
  const auto last = value.find_last_not_of(" \t");
  if (first == std::string::npos) return std::string();
  value = value.substr(first, last - first + 1);
  std::transform(value.begin(), value.end(), value.begin(), [](unsigned char c) { return std::tolower(c); });
  return value;
}

}  // namespace

Relay::Relay(RelayOptions options) : options_(std::move(options)) {
  assert(options_.target_port > 0 && options_.target_port < 65536);
  assert(options_.max_buffered_bytes > 0 && options_.max_connections > 0);
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  if (listen_fd_ < 0) throw std::runtime_error("relay: no socket");
  sockaddr_in a = loopback(0);  // loopback only, port chosen by the kernel
  socklen_t len = sizeof a;
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::listen(listen_fd_, 128) != 0 ||
      ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&a), &len) != 0 ||
      ::pipe2(wake_pipe_, O_CLOEXEC | O_NONBLOCK) != 0) {
    ::close(listen_fd_);
    throw std::runtime_error("relay for " + options_.destination + ": cannot listen on 127.0.0.1");
  }
  port_ = ntohs(a.sin_port);
  thread_ = std::thread([this] {
    // An exception must not end the program (std::terminate would leave every engine running):
    // the relay stops relaying instead, its connections closed as run() unwinds, and says so.
    try {
      run();
    } catch (const std::exception& e) {
      failed_.store(true);
      std::fprintf(stderr, "lab: the relay in front of %s stopped: %s\n", options_.destination.c_str(), e.what());
    }
  });
}

Relay::~Relay() {
  stopping_ = true;
  wake();
  thread_.join();
  ::close(listen_fd_);
  ::close(wake_pipe_[0]);
  ::close(wake_pipe_[1]);
}

void Relay::wake() {
  const char byte = 1;
  // A full pipe already holds a wake-up: nothing is lost when this write fails.
  [[maybe_unused]] const ssize_t n = ::write(wake_pipe_[1], &byte, 1);
}

void Relay::set_sender_names(std::map<std::string, std::string> id_to_name) {
  {
    const std::lock_guard lock(mutex_);
    names_.clear();
    for (auto& [id, name] : id_to_name) {
      std::string key = id;
      std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return std::tolower(c); });
      names_[key] = std::move(name);
    }
    ++generation_;
  }
  wake();
}

void Relay::cut(const std::string& sender) {
  if (sender.empty()) return;  // "" is traffic nobody named (a probe): it is never cut
  {
    const std::lock_guard lock(mutex_);
    faults_[sender].cut = true;
    ++generation_;
  }
  wake();
}

void Relay::slow(const std::string& sender, int delay_ms) {
  assert(delay_ms >= 0);
  if (sender.empty()) return;  // nor slowed
  {
    const std::lock_guard lock(mutex_);
    faults_[sender].delay_ms = delay_ms;
    ++generation_;
  }
  wake();
}

void Relay::heal(const std::string& sender) {
  {
    const std::lock_guard lock(mutex_);
    faults_.erase(sender);
    ++generation_;
  }
  wake();
}

void Relay::heal_all() {
  {
    const std::lock_guard lock(mutex_);
    faults_.clear();
    ++generation_;
  }
  wake();
}

void Relay::run() {
  std::vector<std::unique_ptr<Connection>> connections;
  std::map<std::string, Fault> faults;
  std::map<std::string, std::string> names;
  std::uint64_t seen_generation = ~std::uint64_t{0};
  std::vector<pollfd> polls;
  std::string buffer(kReadBytes, '\0');

  const auto fault_of = [&](const Connection& c) -> Fault {
    if (!c.identified || c.sender_id.empty()) return {};
    const auto name = names.find(c.sender_id);
    const auto f = faults.find(name == names.end() ? c.sender_id : name->second);
    return f == faults.end() ? Fault{} : f->second;
  };
  const auto close_connection = [&](Connection& c, bool reset) {
    if (c.closed) return;
    if (reset) {
      close_with_reset(c.client);
      close_with_reset(c.server);
    } else {
      ::close(c.client);
      if (c.server >= 0) ::close(c.server);
    }
    c.closed = true;
  };
  // A cut sender's connection goes the moment its sender is known, before any of its bytes pass.
  const auto enforce_cut = [&](Connection& c) {
    if (!c.closed && fault_of(c).cut) {
      close_connection(c, true);
      ++connections_reset_;
    }
  };
  // The faults as set now. Read after a connection is accepted or bytes are read (and after every
  // wake-up), so that a fault set before a connection or a byte arrives applies to it.
  const auto refresh_faults = [&]() {
    {
      const std::lock_guard lock(mutex_);
      if (generation_ == seen_generation) return;
      faults = faults_;
      names = names_;
      seen_generation = generation_;
    }
    for (auto& c : connections) enforce_cut(*c);
  };

  const auto hold = [&](Connection& c, Direction& d, std::string bytes, Clock::time_point now) {
    d.held_bytes += bytes.size();
    d.chunks.push_back({now + std::chrono::milliseconds(fault_of(c).delay_ms), std::move(bytes), 0});
  };
  const auto identify = [&](Connection& c, Clock::time_point now) {
    c.identified = true;
    c.sender_id = header_value(c.head, "X-Server-From").value_or("");
    enforce_cut(c);
    if (!c.closed && !c.head.empty()) hold(c, c.up, std::move(c.head), now);
    c.head.clear();
  };
  // Reads what `from` has into `d`. False when the side broke (the connection is then reset).
  const auto read_side = [&](Connection& c, int from, Direction& d, bool is_up, Clock::time_point now) {
    const ssize_t n = ::recv(from, buffer.data(), buffer.size(), 0);
    if (n < 0) return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR;
    refresh_faults();
    if (c.closed) return true;  // cut just now: its bytes go nowhere
    if (n == 0) {
      d.eof = true;
      if (is_up && !c.identified) identify(c, now);
      return true;
    }
    if (is_up && !c.identified) {
      c.head.append(buffer.data(), static_cast<std::size_t>(n));
      if (c.head.find("\r\n\r\n") != std::string::npos || c.head.size() >= kMaxHeadBytes) identify(c, now);
    } else if (is_up && c.sender_id.empty() && !options_.sender) {
      // Go keeps HTTP connections alive and reuses them: etcd's prober opens one without the
      // header (GET /raft/probing) and the same transport's pipeline then sends raft messages on
      // it (POST /raft, with the header). So an unnamed connection is named by any later request.
      std::string window = c.scan_tail + std::string(buffer.data(), static_cast<std::size_t>(n));
      if (const auto id = header_value(window, "X-Server-From"); id && !id->empty()) {
        c.sender_id = *id;
        c.scan_tail.clear();
        enforce_cut(c);
        if (c.closed) return true;  // before the request that named it passes
      } else {
        c.scan_tail = window.substr(window.size() - std::min(window.size(), kScanTailBytes));
      }
      hold(c, d, std::string(buffer.data(), static_cast<std::size_t>(n)), now);
    } else {
      hold(c, d, std::string(buffer.data(), static_cast<std::size_t>(n)), now);
    }
    return true;
  };
  // Writes what is due of `d` to `to`. False when the side broke.
  const auto write_side = [&](int to, Direction& d, Clock::time_point now) {
    while (d.due(now)) {
      Chunk& chunk = d.chunks.front();
      const ssize_t n = ::send(to, chunk.bytes.data() + chunk.sent, chunk.bytes.size() - chunk.sent, MSG_NOSIGNAL);
      if (n < 0) return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR;
      chunk.sent += static_cast<std::size_t>(n);
      d.held_bytes -= static_cast<std::size_t>(n);
      bytes_forwarded_ += static_cast<std::uint64_t>(n);
      if (chunk.sent < chunk.bytes.size()) return true;  // the socket is full: wait for POLLOUT
      d.chunks.pop_front();
    }
    return true;
  };
  // An ended stream is passed on once everything before it is written.
  const auto pass_eof = [](int to, Direction& d) {
    if (d.eof && !d.shut && d.chunks.empty()) {
      ::shutdown(to, SHUT_WR);
      d.shut = true;
    }
  };
  const auto accept_new = [&]() {
    while (connections.size() < options_.max_connections) {
      const int client = ::accept4(listen_fd_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (client < 0) return;
      ++connections_accepted_;
      refresh_faults();
      auto c = std::make_unique<Connection>();
      c->client = client;
      if (options_.sender) {
        c->identified = true;
        c->sender_id = *options_.sender;
        enforce_cut(*c);
        if (c->closed) continue;
      }
      c->server = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
      const sockaddr_in target = loopback(options_.target_port);
      if (c->server < 0 || (::connect(c->server, reinterpret_cast<const sockaddr*>(&target), sizeof target) != 0 &&
                            errno != EINPROGRESS)) {
        close_connection(*c, true);  // the destination is down: the sender sees a refused link
        continue;
      }
      connections.push_back(std::move(c));
    }
  };

  while (!stopping_) {
    refresh_faults();
    std::erase_if(connections, [](const auto& c) { return c->closed; });
    connections_open_ = connections.size();

    auto now = Clock::now();
    int timeout_ms = -1;
    polls.clear();
    polls.push_back({wake_pipe_[0], POLLIN, 0});
    const bool accepting = connections.size() < options_.max_connections;
    polls.push_back({accepting ? listen_fd_ : -1, POLLIN, 0});
    for (auto& c : connections) {
      short client_events = 0;
      short server_events = 0;
      const bool reading_head = !c->identified;
      if (!c->up.eof && c->up.held_bytes < options_.max_buffered_bytes) client_events |= POLLIN;
      if (c->down.due(now)) client_events |= POLLOUT;
      if (!c->connected) {
        server_events |= POLLOUT;  // the connect finishing
      } else {
        if (!c->down.eof && c->down.held_bytes < options_.max_buffered_bytes) server_events |= POLLIN;
        if (!reading_head && c->up.due(now)) server_events |= POLLOUT;
      }
      for (const Direction* d : {&c->up, &c->down}) {
        if (d->chunks.empty() || d->due(now)) continue;
        const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(d->chunks.front().due - now).count();
        timeout_ms = timeout_ms < 0 ? static_cast<int>(wait) + 1 : std::min(timeout_ms, static_cast<int>(wait) + 1);
      }
      // A side with nothing to wait for is left out (-1), so that a hang-up it reports does not
      // wake the loop over and over while the other side drains.
      c->client_slot = static_cast<int>(polls.size());
      polls.push_back({client_events ? c->client : -1, client_events, 0});
      c->server_slot = static_cast<int>(polls.size());
      polls.push_back({server_events ? c->server : -1, server_events, 0});
    }
    if (::poll(polls.data(), polls.size(), timeout_ms) < 0 && errno != EINTR) break;
    now = Clock::now();
    if (polls[0].revents & POLLIN) {
      char drain[64];
      while (::read(wake_pipe_[0], drain, sizeof drain) > 0) {
      }
    }
    refresh_faults();
    if (polls[1].revents & POLLIN) accept_new();

    for (auto& owned : connections) {
      Connection& c = *owned;
      if (c.closed || c.client_slot < 0) continue;  // accepted this round: polled next round
      const short client_events = polls[static_cast<std::size_t>(c.client_slot)].revents;
      const short server_events = polls[static_cast<std::size_t>(c.server_slot)].revents;
      bool ok = true;
      if (!c.connected && server_events) {
        int error = 0;
        socklen_t len = sizeof error;
        ok = ::getsockopt(c.server, SOL_SOCKET, SO_ERROR, &error, &len) == 0 && error == 0;
        c.connected = ok;
      } else if (c.connected && (server_events & (POLLIN | POLLHUP | POLLERR))) {
        ok = read_side(c, c.server, c.down, false, now);
      }
      if (ok && !c.closed && (client_events & (POLLIN | POLLHUP | POLLERR)))
        ok = read_side(c, c.client, c.up, true, now);
      if (c.closed) continue;  // cut as it named its sender
      if (ok && c.connected && c.identified) ok = write_side(c.server, c.up, now);
      if (ok) ok = write_side(c.client, c.down, now);
      if (!ok) {
        close_connection(c, true);  // one side broke: the other sees it broken too
        continue;
      }
      if (c.connected && c.identified) pass_eof(c.server, c.up);
      pass_eof(c.client, c.down);
      if (c.up.shut && c.down.shut) close_connection(c, false);
      c.client_slot = c.server_slot = -1;
    }
  }
  for (auto& c : connections) close_connection(*c, false);
  connections_open_ = 0;
}

}  // namespace cs::lab
