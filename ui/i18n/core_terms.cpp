#include "i18n/core_terms.h"

#include <QCoreApplication>

namespace cs::ui {

namespace {
// The translation context of these words (lupdate reads CoreTerms::tr calls).
struct CoreTerms {
  Q_DECLARE_TR_FUNCTIONS(CoreTerms)
};
QString core_word(std::string_view word) { return QString::fromUtf8(word.data(), static_cast<qsizetype>(word.size())); }
}  // namespace

QString role_label(sim::Role role) {
  switch (role) {
    case sim::Role::None: return CoreTerms::tr("node");
    case sim::Role::Follower: return CoreTerms::tr("follower");
    case sim::Role::Candidate: return CoreTerms::tr("candidate");
    case sim::Role::Leader: return CoreTerms::tr("leader");
    case sim::Role::Primary: return CoreTerms::tr("primary");
    case sim::Role::Replica: return CoreTerms::tr("replica");
    case sim::Role::Suspect: return CoreTerms::tr("suspect");
  }
  return core_word(sim::to_string(role));
}

QString status_label(sim::NodeStatus status) {
  switch (status) {
    case sim::NodeStatus::Up: return CoreTerms::tr("up");
    case sim::NodeStatus::Crashed: return CoreTerms::tr("crashed");
    case sim::NodeStatus::Paused: return CoreTerms::tr("paused");
    case sim::NodeStatus::Removed: return CoreTerms::tr("not in cluster");
  }
  return core_word(sim::to_string(status));
}

QString message_class_label(sim::MessageClass cls) {
  switch (cls) {
    case sim::MessageClass::Heartbeat: return CoreTerms::tr("heartbeat");
    case sim::MessageClass::Election: return CoreTerms::tr("election message");
    case sim::MessageClass::Replication: return CoreTerms::tr("replication");
    case sim::MessageClass::Ack: return CoreTerms::tr("acknowledgement");
    case sim::MessageClass::Client: return CoreTerms::tr("client request or reply");
    case sim::MessageClass::Other: break;
  }
  return CoreTerms::tr("other message");
}

QString action_label(sim::ActionType type) {
  switch (type) {
    case sim::ActionType::Crash: return CoreTerms::tr("crash");
    case sim::ActionType::Restart: return CoreTerms::tr("restart");
    case sim::ActionType::Pause: return CoreTerms::tr("pause");
    case sim::ActionType::Resume: return CoreTerms::tr("resume");
    case sim::ActionType::Isolate: return CoreTerms::tr("isolate");
    case sim::ActionType::Partition: return CoreTerms::tr("partition");
    case sim::ActionType::OneWayCut: return CoreTerms::tr("one-way cut");
    case sim::ActionType::Heal: return CoreTerms::tr("heal");
    case sim::ActionType::SlowDown: return CoreTerms::tr("slow down");
    case sim::ActionType::SetClockSkew: return CoreTerms::tr("clock skew");
    case sim::ActionType::SetClockDrift: return CoreTerms::tr("clock drift");
    case sim::ActionType::DropMessage: return CoreTerms::tr("drop message");
    case sim::ActionType::ClientRequest: return CoreTerms::tr("client request");
    case sim::ActionType::AddNode: return CoreTerms::tr("add node");
    case sim::ActionType::RemoveNode: return CoreTerms::tr("remove node");
    default: break;
  }
  return core_word(sim::to_string(type));
}

QString trace_type_label(sim::TraceType type) {
  switch (type) {
    case sim::TraceType::Send: return CoreTerms::tr("send");
    case sim::TraceType::Deliver: return CoreTerms::tr("deliver");
    case sim::TraceType::Drop: return CoreTerms::tr("drop");
    case sim::TraceType::Timer: return CoreTerms::tr("timer");
    case sim::TraceType::RoleChange: return CoreTerms::tr("role change");
    case sim::TraceType::ClientInvoke: return CoreTerms::tr("client request");
    case sim::TraceType::ClientComplete: return CoreTerms::tr("client reply");
    case sim::TraceType::Fault: return CoreTerms::tr("fault");
  }
  return core_word(sim::to_string(type));
}

QString drop_reason_label(sim::DropReason reason) {
  switch (reason) {
    case sim::DropReason::None: return {};
    case sim::DropReason::Loss: return CoreTerms::tr("lost on the link");
    case sim::DropReason::Partition: return CoreTerms::tr("partition");
    case sim::DropReason::OneWay: return CoreTerms::tr("one-way cut");
    case sim::DropReason::Isolated: return CoreTerms::tr("isolated");
    case sim::DropReason::NodeDown: return CoreTerms::tr("receiver down");
    case sim::DropReason::Overflow: return CoreTerms::tr("inbox full");
    case sim::DropReason::UserDrop: return CoreTerms::tr("dropped by you");
  }
  return core_word(sim::to_string(reason));
}

QString op_type_label(sim::OpType type) {
  return type == sim::OpType::Read ? CoreTerms::tr("read") : CoreTerms::tr("write");
}

QString op_status_label(sim::OpStatus status) {
  switch (status) {
    case sim::OpStatus::Pending: return CoreTerms::tr("pending");
    case sim::OpStatus::Ok: return CoreTerms::tr("ok");
    case sim::OpStatus::Fail: return CoreTerms::tr("failed");
    case sim::OpStatus::Info: return CoreTerms::tr("unknown outcome");
  }
  return core_word(sim::to_string(status));
}

}  // namespace cs::ui
