#include "check/shiviz_log.h"

#include <cassert>
#include <cstdio>
#include <limits>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "sim/action.h"
#include "sim/history.h"
#include "sim/role.h"

namespace cs::check {

namespace {

constexpr std::uint64_t kNone = std::numeric_limits<std::uint64_t>::max();

// What became of one message, learnt in a first pass so that the second knows how long to keep the
// sender's clock: a duplicated message is delivered more than once, each copy after the same send.
struct MessageFate {
  std::uint64_t last_delivery = kNone;  // trace index of its last delivery
  sim::DropReason lost = sim::DropReason::None;
};

// ShiViz finds the host with \S*: a name with white space (or a line break) would not parse.
std::string clean_host(std::string_view name, std::string_view fallback) {
  std::string s(name.empty() ? fallback : name);
  for (char& c : s) {
    if (static_cast<unsigned char>(c) <= ' ' || c == 0x7f) c = '_';
  }
  return s;
}

// Event text is one line: whatever a name holds, it cannot break the two-line record.
std::string one_line(std::string_view text) {
  std::string s(text);
  for (char& c : s) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

std::string seconds(sim::TimeUs t_us) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.6f s", static_cast<double>(t_us) / 1e6);
  return buf;
}

// Faults that act on one node are that node's events; the others (a partition, a heal, a dropped
// message, the learner's console request) belong to the pseudo-host "faults".
bool node_fault(sim::ActionType type) {
  switch (type) {
    case sim::ActionType::Invalid:
    case sim::ActionType::Partition:
    case sim::ActionType::Heal:
    case sim::ActionType::DropMessage:
    case sim::ActionType::ClientRequest: return false;
    default: return true;
  }
}

class ShivizWriter {
 public:
  ShivizWriter(const sim::Trace& trace, const ShivizNames& names, std::ostream& out)
      : trace_(trace), names_(names), out_(out) {
    // Hosts: every endpoint, then "faults"; names unique, as ShiViz tells hosts apart by name.
    std::unordered_set<std::string> taken;
    const std::size_t endpoints = names.endpoints.size();
    for (std::size_t id = 0; id <= endpoints; ++id) {
      std::string name = id == endpoints ? "faults" : clean_host(names.endpoints[id], "endpoint-" + std::to_string(id));
      if (!taken.insert(name).second) name += "-" + std::to_string(id);
      taken.insert(name);
      host_names_.push_back(name);
      host_keys_.push_back(nlohmann::json(name).dump());
    }
    faults_host_ = endpoints;
    clocks_.assign(host_names_.size(), std::vector<std::uint32_t>(host_names_.size(), 0));
  }

  ShivizSummary write();

 private:
  std::optional<std::size_t> host_of(const sim::TraceEvent& e) const;
  std::string text_of(const sim::TraceEvent& e) const;
  const std::string& name(sim::EndpointId id) const {
    static const std::string kUnknown = "?";
    return id < names_.endpoints.size() ? host_names_[id] : kUnknown;
  }
  std::string message(std::uint16_t kind) const {
    return names_.message_name ? std::string(names_.message_name(kind)) : "message-" + std::to_string(kind);
  }

  const sim::Trace& trace_;
  const ShivizNames& names_;
  std::ostream& out_;
  std::vector<std::string> host_names_;
  std::vector<std::string> host_keys_;  // the names as JSON strings
  std::size_t faults_host_ = 0;
  std::vector<std::vector<std::uint32_t>> clocks_;  // per host, its current vector clock
  std::unordered_map<std::uint64_t, MessageFate> fates_;
  // The sender's clock at the send, from the send until the message's last delivery.
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> at_send_;
};

std::optional<std::size_t> ShivizWriter::host_of(const sim::TraceEvent& e) const {
  std::size_t id = 0;
  switch (e.type) {
    case sim::TraceType::Drop: return std::nullopt;  // the network's doing: no host saw it
    case sim::TraceType::ClientInvoke:
    case sim::TraceType::ClientComplete: id = e.peer; break;  // the client
    case sim::TraceType::Fault:
      if (!node_fault(static_cast<sim::ActionType>(e.kind)) || e.node >= names_.node_count) return faults_host_;
      id = e.node;
      break;
    default: id = e.node; break;
  }
  assert(id < names_.endpoints.size() && "a trace record names an endpoint the names do not know");
  if (id >= names_.endpoints.size()) return std::nullopt;
  return id;
}

std::string ShivizWriter::text_of(const sim::TraceEvent& e) const {
  std::string s = seconds(e.time_us) + ": ";
  switch (e.type) {
    case sim::TraceType::Send: {
      s += "send " + message(e.kind) + " #" + std::to_string(e.msg_id) + " to " + name(e.peer);
      const auto it = fates_.find(e.msg_id);
      if (it != fates_.end() && it->second.last_delivery == kNone && it->second.lost != sim::DropReason::None) {
        s += " (lost: " + std::string(sim::to_string(it->second.lost)) + ")";
      }
      break;
    }
    case sim::TraceType::Deliver:
      s += "receive " + message(e.kind) + " #" + std::to_string(e.msg_id) + " from " + name(e.peer);
      break;
    case sim::TraceType::Drop: break;
    case sim::TraceType::Timer: s += "timer " + std::to_string(e.kind); break;
    case sim::TraceType::RoleChange:
      s += "becomes " + std::string(sim::to_string(static_cast<sim::Role>(e.a))) + " in term " + std::to_string(e.b);
      break;
    case sim::TraceType::ClientInvoke: {
      const auto type = static_cast<sim::OpType>(e.kind);
      s += "invoke op " + std::to_string(e.msg_id) + ": " + std::string(sim::to_string(type)) + " key " +
           std::to_string(e.a);
      if (type == sim::OpType::Write) s += " = " + std::to_string(e.b);
      s += " at " + name(e.node);
      break;
    }
    case sim::TraceType::ClientComplete: {
      const auto type = static_cast<sim::OpType>(e.kind);
      const auto status = static_cast<sim::OpStatus>(e.a);
      s += "complete op " + std::to_string(e.msg_id) + ": " + std::string(sim::to_string(type)) + " " +
           std::string(sim::to_string(status));
      if (type == sim::OpType::Read && status == sim::OpStatus::Ok) s += " -> " + std::to_string(e.b);
      break;
    }
    case sim::TraceType::Fault:
      s += "fault " + std::string(sim::to_string(static_cast<sim::ActionType>(e.kind)));
      if (e.node < names_.endpoints.size()) s += " " + name(e.node);
      if (e.peer < names_.endpoints.size()) s += " -> " + name(e.peer);
      break;
  }
  return one_line(s);
}

ShivizSummary ShivizWriter::write() {
  ShivizSummary summary;
  summary.forgotten_records = trace_.first_index();
  // First pass: each message's last delivery and whether it was lost.
  for (std::uint64_t i = trace_.first_index(); i < trace_.total(); ++i) {
    const sim::TraceEvent& e = trace_.at_index(i);
    if (e.type == sim::TraceType::Send) {
      fates_[e.msg_id] = MessageFate{};
    } else if (e.type == sim::TraceType::Deliver || e.type == sim::TraceType::Drop) {
      const auto it = fates_.find(e.msg_id);
      if (it == fates_.end()) continue;  // sent before the oldest record held
      if (e.type == sim::TraceType::Deliver) {
        it->second.last_delivery = i;
      } else {
        it->second.lost = e.reason;
      }
    }
  }

  out_ << kShivizRegex << "\n\n";
  std::vector<bool> seen(host_names_.size(), false);
  std::string line;
  for (std::uint64_t i = trace_.first_index(); i < trace_.total(); ++i) {
    const sim::TraceEvent& e = trace_.at_index(i);
    const auto host = host_of(e);
    if (!host) continue;
    std::vector<std::uint32_t>& clock = clocks_[*host];
    if (e.type == sim::TraceType::Deliver) {
      // The receive happened after the send and after everything the sender knew of then.
      const auto it = at_send_.find(e.msg_id);
      if (it == at_send_.end()) {
        ++summary.receives_without_send;
      } else {
        for (std::size_t h = 0; h < clock.size(); ++h) clock[h] = std::max(clock[h], it->second[h]);
        if (fates_.at(e.msg_id).last_delivery == i) at_send_.erase(it);
      }
    }
    assert(clock[*host] < std::numeric_limits<std::uint32_t>::max());
    ++clock[*host];
    if (e.type == sim::TraceType::Send && fates_.at(e.msg_id).last_delivery != kNone) at_send_[e.msg_id] = clock;

    line = host_names_[*host];
    line += " {";
    bool first = true;
    for (std::size_t h = 0; h < clock.size(); ++h) {
      if (clock[h] == 0) continue;  // ShiViz leaves hosts out that the event knows nothing of
      if (!first) line += ',';
      first = false;
      line += host_keys_[h];
      line += ':';
      line += std::to_string(clock[h]);
    }
    line += "}\n";
    line += text_of(e);
    line += '\n';
    out_ << line;
    ++summary.events;
    seen[*host] = true;
  }
  for (const bool s : seen) summary.hosts += s ? 1 : 0;
  return summary;
}

}  // namespace

ShivizNames shiviz_names(const sim::World& world) {
  ShivizNames names;
  names.node_count = world.node_count();
  const std::size_t endpoints = world.network().endpoint_count();
  for (std::size_t id = 0; id < endpoints; ++id) {
    names.endpoints.push_back(id < names.node_count ? world.node(static_cast<sim::EndpointId>(id)).name
                                                    : "client-" + std::to_string(id));
  }
  names.message_name = [&world](std::uint16_t kind) { return world.message_name(kind); };
  return names;
}

ShivizSummary write_shiviz_log(const sim::Trace& trace, const ShivizNames& names, std::ostream& out) {
  ShivizWriter writer(trace, names, out);
  return writer.write();
}

ShivizSummary write_shiviz_log(const sim::Trace& trace, const sim::World& world, std::ostream& out) {
  return write_shiviz_log(trace, shiviz_names(world), out);
}

}  // namespace cs::check
