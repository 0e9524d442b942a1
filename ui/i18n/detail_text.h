#pragma once
// The one-line details the simulation's models put on node cards come from the core as message ids
// with arguments (sim::Detail): "follows %1, token %2" with the node and the number. The window
// translates each id (context "ProtocolDetail") and fills in the arguments; nodes show the
// scenario's names, and a label from the scenario ("blue (current DB)") stays as written.
#include <QString>
#include <QStringList>

#include "sim/detail.h"

namespace cs::ui {

QString detail_text(const sim::Detail& detail, const QStringList& node_names);
// Every message id the built-in models write (kept complete by a test that runs every scenario).
const QStringList& known_detail_shapes();

}  // namespace cs::ui
