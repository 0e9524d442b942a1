#pragma once
// Client-server: the first `client_nodes` nodes are clients (an application's back end, say), the
// rest are database servers. Clients send every read and write to a server and wait for the
// answer; only servers store data. The client's driver picks the server by key (key mod servers),
// so each server owns a part of the keys, and the client needs to know nothing else.
//
// Each node counts what it received by the role of the sender, so a run shows that messages only
// ever go between a client and a server, never between two clients, and that every request is
// served by a server.
#include <cstdint>
#include <map>
#include <memory>

#include "architecture/request_loop.h"
#include "sim/protocol.h"

namespace cs::architecture {

struct ClientServerConfig {
  std::size_t node_count = 0;
  std::size_t client_nodes = 1;  // nodes 0..client_nodes-1; at least one server follows
  std::int64_t rows = 0;         // keys 1..rows are stored before the run, each on its server
  RequestLoopConfig loop;

  bool is_client(sim::EndpointId node) const { return node < client_nodes; }
  std::size_t servers() const { return node_count - client_nodes; }
  sim::EndpointId server_for(std::int64_t key) const;
};

class ClientServerNode final : public sim::Protocol {
 public:
  static constexpr std::uint16_t kRequest = sim::kind::kFirstProtocolKind;  // key, value; index 1 = write
  static constexpr std::uint16_t kResponse = sim::kind::kFirstProtocolKind + 1;
  static constexpr std::uint16_t kRequestTimer = 0;
  static constexpr std::size_t kMaxKeys = 1'000'000;  // a server's store

  ClientServerNode(std::shared_ptr<const ClientServerConfig> config, sim::EndpointId self);

  std::unique_ptr<sim::Protocol> clone() const override { return std::make_unique<ClientServerNode>(*this); }
  void start(sim::NodeContext& ctx) override;
  void on_message(sim::NodeContext& ctx, const sim::Message& message) override;
  void on_timer(sim::NodeContext& ctx, std::uint16_t timer_kind) override;
  void on_crash() override;
  void on_restart(sim::NodeContext& ctx) override;
  sim::NodeView view() const override;
  sim::Inspection inspect() const override;
  sim::MessageClass classify(std::uint16_t message_kind) const override;
  std::string_view message_name(std::uint16_t message_kind) const override;
  void add_metrics(sim::Metrics& metrics) const override;

  bool is_client() const { return config_->is_client(self_); }
  const std::map<std::int64_t, std::int64_t>& store() const { return store_; }

 private:
  void serve(sim::NodeContext& ctx, const sim::Message& request);
  void serve_workload(sim::NodeContext& ctx, const sim::Message& request);

  std::shared_ptr<const ClientServerConfig> config_;
  sim::EndpointId self_;
  RequestLoop loop_;  // clients only
  // Durable on a server (its disk); a client never writes here.
  std::map<std::int64_t, std::int64_t> store_;
  // Counters: describe the run, kept across crashes.
  std::int64_t requests_served_ = 0;
  std::int64_t from_clients_ = 0;  // messages received from client nodes
  std::int64_t from_servers_ = 0;
};

}  // namespace cs::architecture
