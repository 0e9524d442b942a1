#include "lab/loopback.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <stdexcept>

namespace cs::lab {

namespace {

sockaddr_in loopback(int port) {
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return a;
}

}  // namespace

std::vector<int> free_loopback_ports(int count) {
  // All held open together, so that the kernel hands out distinct ones.
  std::vector<int> sockets;
  std::vector<int> ports;
  for (int i = 0; i < count; ++i) {
    const int s = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (s < 0) break;
    sockaddr_in a = loopback(0);
    socklen_t len = sizeof a;
    if (::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
        ::getsockname(s, reinterpret_cast<sockaddr*>(&a), &len) != 0) {
      ::close(s);
      break;
    }
    sockets.push_back(s);
    ports.push_back(ntohs(a.sin_port));
  }
  for (const int s : sockets) ::close(s);
  if (static_cast<int>(ports.size()) != count) throw std::runtime_error("no free ports on 127.0.0.1");
  return ports;
}

std::optional<std::string> http_post(int port, const std::string& path, const std::string& body, int timeout_ms) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  const auto left_ms = [&] {
    return static_cast<int>(std::max<long long>(
        0, std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count()));
  };
  const int s = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  if (s < 0) return std::nullopt;
  std::optional<std::string> result;
  do {
    sockaddr_in a = loopback(port);
    if (::connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 && errno != EINPROGRESS) break;
    pollfd p{s, POLLOUT, 0};
    if (::poll(&p, 1, left_ms()) != 1) break;
    int error = 0;
    socklen_t len = sizeof error;
    if (::getsockopt(s, SOL_SOCKET, SO_ERROR, &error, &len) != 0 || error != 0) break;
    const std::string request = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                                "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
                                "\r\nConnection: close\r\n\r\n" + body;
    std::size_t sent = 0;
    bool failed = false;
    while (sent < request.size() && !failed) {
      const ssize_t n = ::send(s, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
      if (n > 0) {
        sent += static_cast<std::size_t>(n);
      } else if (n < 0 && errno == EAGAIN) {
        pollfd w{s, POLLOUT, 0};
        failed = ::poll(&w, 1, left_ms()) != 1;
      } else {
        failed = true;
      }
    }
    if (failed) break;
    std::string response;
    char buffer[4096];
    while (response.size() < (std::size_t{1} << 20)) {  // a status answer is small: a limit anyway
      pollfd r{s, POLLIN, 0};
      if (::poll(&r, 1, left_ms()) != 1) break;
      const ssize_t n = ::recv(s, buffer, sizeof buffer, 0);
      if (n <= 0) break;
      response.append(buffer, static_cast<std::size_t>(n));
    }
    const auto header_end = response.find("\r\n\r\n");
    if (header_end == std::string::npos || response.compare(0, 12, "HTTP/1.1 200") != 0) break;
    std::string payload = response.substr(header_end + 4);
    // Chunked answers (Go's server chunks when it streams): join the chunks.
    if (response.substr(0, header_end).find("chunked") != std::string::npos) {
      std::string joined;
      std::size_t at = 0;
      while (at < payload.size()) {
        const auto eol = payload.find("\r\n", at);
        if (eol == std::string::npos) break;
        const std::size_t size = std::stoul(payload.substr(at, eol - at), nullptr, 16);
        if (size == 0) break;
        joined += payload.substr(eol + 2, size);
        at = eol + 2 + size + 2;
      }
      payload = joined;
    }
    result = payload;
  } while (false);
  ::close(s);
  return result;
}

}  // namespace cs::lab
