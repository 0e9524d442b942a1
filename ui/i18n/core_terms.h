#pragma once
// The core names its states in English for traces and JSON (role "leader", status "crashed",
// action "partition"). What the window shows of them goes through here, so that a translation
// covers them too. Names the core adds later fall back to the core's own word.
#include <QString>

#include "sim/action.h"
#include "sim/history.h"
#include "sim/message.h"
#include "sim/role.h"
#include "sim/trace.h"

namespace cs::ui {

QString role_label(sim::Role role);
QString status_label(sim::NodeStatus status);
// The kind of traffic a message is, as the legend names it.
QString message_class_label(sim::MessageClass cls);
QString action_label(sim::ActionType type);
QString trace_type_label(sim::TraceType type);
QString drop_reason_label(sim::DropReason reason);
QString op_type_label(sim::OpType type);
QString op_status_label(sim::OpStatus status);

}  // namespace cs::ui
