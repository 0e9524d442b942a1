// The lab's fault relay on its own, against an echo server started here: bytes pass both ways; a
// cut sender's connections are reset and its new ones too while another sender's pass; a slowed
// link holds bytes for at least the delay each way; heal restores; etcd's X-Server-From header
// names the sender. Nothing sleeps to wait: every wait polls against a deadline.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QtTest>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "lab/relay.h"

namespace {

using Clock = std::chrono::steady_clock;
constexpr auto kDeadline = std::chrono::seconds(5);

sockaddr_in loopback(int port) {
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return a;
}

int left_ms(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return left > 0 ? static_cast<int>(left) : 0;
}

// Waits until `done` holds or the deadline passes; true when it held.
bool eventually(const std::function<bool()>& done) {
  const auto deadline = Clock::now() + kDeadline;
  while (Clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::yield();
  }
  return done();
}

// An echo server on 127.0.0.1 in its own thread: every byte read is written back.
class EchoServer {
 public:
  EchoServer() {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a = loopback(0);
    socklen_t len = sizeof a;
    const bool ok = listen_fd_ >= 0 && ::bind(listen_fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
                    ::listen(listen_fd_, 64) == 0 &&
                    ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&a), &len) == 0;
    Q_ASSERT(ok);
    port_ = ntohs(a.sin_port);
    thread_ = std::thread([this] { run(); });
  }
  ~EchoServer() {
    stopping_ = true;
    thread_.join();
    ::close(listen_fd_);
  }
  int port() const { return port_; }

 private:
  void run() {
    std::vector<int> clients;
    char buffer[16384];
    while (!stopping_) {
      std::vector<pollfd> polls{{listen_fd_, POLLIN, 0}};
      for (const int c : clients) polls.push_back({c, POLLIN, 0});
      if (::poll(polls.data(), polls.size(), 20) <= 0) continue;  // 20 ms: a look at stopping_
      std::vector<int> open;
      if (polls[0].revents & POLLIN) {
        const int c = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
        if (c >= 0) open.push_back(c);
      }
      for (std::size_t i = 1; i < polls.size(); ++i) {
        const int c = polls[i].fd;
        bool keep = true;
        if (polls[i].revents) {
          const ssize_t n = ::recv(c, buffer, sizeof buffer, 0);
          keep = n > 0 && ::send(c, buffer, static_cast<std::size_t>(n), MSG_NOSIGNAL) == n;
        }
        if (keep) {
          open.push_back(c);
        } else {
          ::close(c);
        }
      }
      clients = open;
    }
    for (const int c : clients) ::close(c);
  }

  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

// A client connection to the relay.
class Client {
 public:
  explicit Client(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const sockaddr_in a = loopback(port);
    connected_ = fd_ >= 0 && ::connect(fd_, reinterpret_cast<const sockaddr*>(&a), sizeof a) == 0;
  }
  ~Client() { ::close(fd_); }
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  bool connected() const { return connected_; }
  bool send_all(const std::string& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
      const ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return false;
      sent += static_cast<std::size_t>(n);
    }
    return true;
  }
  // Exactly `count` bytes, or nullopt on end of stream, a reset or the deadline.
  std::optional<std::string> receive(std::size_t count) {
    const auto deadline = Clock::now() + kDeadline;
    std::string got;
    char buffer[16384];
    while (got.size() < count) {
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, left_ms(deadline)) != 1) return std::nullopt;
      const ssize_t n = ::recv(fd_, buffer, std::min(sizeof buffer, count - got.size()), 0);
      if (n <= 0) return std::nullopt;
      got.append(buffer, static_cast<std::size_t>(n));
    }
    return got;
  }
  // Whether the connection breaks (a reset, or an end of stream) before the deadline.
  bool broken() {
    const auto deadline = Clock::now() + kDeadline;
    char byte;
    while (Clock::now() < deadline) {
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, left_ms(deadline)) != 1) return false;
      const ssize_t n = ::recv(fd_, &byte, 1, 0);
      if (n == 0) return true;
      if (n < 0) return errno == ECONNRESET || errno == EPIPE;
    }
    return false;
  }
  bool reset() {
    const auto deadline = Clock::now() + kDeadline;
    char byte;
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, left_ms(deadline)) != 1) return false;
    return ::recv(fd_, &byte, 1, 0) < 0 && errno == ECONNRESET;
  }
  // The bytes come back through relay and echo server unchanged.
  bool echoes(const std::string& bytes) { return send_all(bytes) && receive(bytes.size()) == bytes; }

 private:
  int fd_ = -1;
  bool connected_ = false;
};

std::string pattern(std::size_t size) {
  std::string s(size, '\0');
  for (std::size_t i = 0; i < size; ++i) s[i] = static_cast<char>('a' + i * 7 % 26);
  return s;
}

// A relay in front of `port`: every connection from `sender`, or named by its X-Server-From header.
cs::lab::RelayOptions relay_to(int port, std::optional<std::string> sender) {
  cs::lab::RelayOptions o;
  o.destination = "m1";
  o.target_port = port;
  o.sender = std::move(sender);
  return o;
}

std::string raft_head(const std::string& from) {
  return "GET /raft/stream/msgapp/91bc3c398fb3c146 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Server-From: " + from +
         "\r\nX-Raft-To: 91bc3c398fb3c146\r\n\r\n";
}

}  // namespace

class TestRelay : public QObject {
  Q_OBJECT

 private slots:
  void bytesPassBothWays() {
    EchoServer echo;
    cs::lab::Relay relay(relay_to(echo.port(), "m2"));
    QVERIFY(relay.port() > 0 && relay.port() != echo.port());
    Client client(relay.port());
    QVERIFY(client.connected());
    const std::string big = pattern(300'000);  // more than one socket buffer's worth
    QVERIFY(client.echoes(big));
    QVERIFY(client.echoes("and once more"));
    // Counted once written on: the relay may count the last bytes just after the echo is read.
    QVERIFY(eventually([&] { return relay.bytes_forwarded() == 2 * (big.size() + 13); }));
    QCOMPARE(relay.connections_reset(), std::uint64_t{0});
  }

  void aCutSenderIsResetAndRefusedWhileAnotherPasses() {
    EchoServer echo;
    cs::lab::Relay from_m2(relay_to(echo.port(), "m2"));
    cs::lab::Relay from_m3(relay_to(echo.port(), "m3"));
    Client m2(from_m2.port());
    Client m3(from_m3.port());
    QVERIFY(m2.echoes("hello") && m3.echoes("hello"));
    from_m2.cut("m2");
    from_m3.cut("m2");  // another sender's relay: nothing of m3's is cut
    QVERIFY(m2.reset());
    QVERIFY(m3.echoes("still here"));
    Client again(from_m2.port());  // the kernel accepts; the relay resets it as soon as it is known
    QVERIFY(!again.connected() || again.broken());
    QVERIFY(eventually([&] { return from_m2.connections_reset() == 2; }));
    QCOMPARE(from_m3.connections_reset(), std::uint64_t{0});
  }

  void healRestores() {
    EchoServer echo;
    cs::lab::Relay relay(relay_to(echo.port(), "m2"));
    relay.cut("m2");
    {
      Client cut(relay.port());
      QVERIFY(!cut.connected() || cut.broken());
    }
    relay.heal("m2");
    Client healed(relay.port());
    QVERIFY(healed.connected());
    QVERIFY(healed.echoes("back again"));
    relay.cut("m2");
    QVERIFY(healed.broken());
    relay.heal_all();
    Client after_heal_all(relay.port());
    QVERIFY(after_heal_all.echoes("heal_all too"));
  }

  void slowAddsAtLeastTheDelayEachWay() {
    EchoServer echo;
    cs::lab::Relay relay(relay_to(echo.port(), "m2"));
    Client client(relay.port());
    QVERIFY(client.echoes("warm"));
    constexpr int kDelayMs = 150;
    relay.slow("m2", kDelayMs);
    auto start = Clock::now();
    QVERIFY(client.echoes("slowly"));
    const auto slowed_ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
    QVERIFY2(slowed_ms >= 2 * kDelayMs, qPrintable(QString::number(slowed_ms)));  // there and back
    relay.heal("m2");
    start = Clock::now();
    QVERIFY(client.echoes("quickly"));
    const auto healed_ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
    QVERIFY2(healed_ms < kDelayMs, qPrintable(QString::number(healed_ms)));
  }

  void etcdPeersAreKnownByTheirServerFromHeader() {
    EchoServer echo;
    cs::lab::Relay relay(relay_to(echo.port(), std::nullopt));
    relay.set_sender_names({{"8e9e05c52164694d", "m2"}, {"fd422379fda50e48", "m3"}});
    Client m2(relay.port());
    Client m3(relay.port());
    Client probe(relay.port());  // a request without the header: sender "", never cut
    const std::string probe_head = "GET /version HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    QVERIFY(m2.echoes(raft_head("8e9e05c52164694d")));
    QVERIFY(m3.echoes(raft_head("FD422379FDA50E48")));  // hex in either case
    QVERIFY(probe.echoes(probe_head));
    relay.cut("m2");
    relay.cut("");  // even when asked: unnamed traffic is not the lab's to cut
    QVERIFY(m2.reset());
    QVERIFY(m3.echoes("raft messages"));
    QVERIFY(probe.echoes("more"));
    // A new connection from m2 is reset once its head names it, before any byte reaches m1.
    const std::uint64_t forwarded =
        2 * (raft_head("8e9e05c52164694d").size() + raft_head("fd422379fda50e48").size() + probe_head.size() + 13 + 4);
    QVERIFY(eventually([&] { return relay.bytes_forwarded() == forwarded; }));
    Client again(relay.port());
    QVERIFY(again.connected());
    QVERIFY(again.send_all(raft_head("8e9e05c52164694d")));
    QVERIFY(again.broken());
    QCOMPARE(relay.bytes_forwarded(), forwarded);
    QVERIFY(eventually([&] { return relay.connections_reset() == 2; }));
    // Go keeps connections alive and reuses them: etcd's prober and pipeline share a transport, so
    // a connection opened by a probe may carry m2's raft messages next, its header split or not.
    QVERIFY(probe.send_all("POST /raft HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Server-Fr"));
    QVERIFY(probe.send_all("om: 8e9e05c52164694d\r\nContent-Length: 0\r\n\r\n"));
    QVERIFY(probe.broken());
    QVERIFY(eventually([&] { return relay.connections_reset() == 3; }));
    relay.heal_all();
    Client healed(relay.port());
    QVERIFY(healed.echoes(raft_head("8e9e05c52164694d")));
  }

  void aDestinationThatIsDownLooksLikeABrokenLink() {
    int port = 0;
    {
      EchoServer gone;
      port = gone.port();
    }
    cs::lab::Relay relay(relay_to(port, "m2"));
    Client client(relay.port());
    QVERIFY(!client.connected() || client.broken());
  }
};

QTEST_GUILESS_MAIN(TestRelay)
#include "test_relay.moc"
