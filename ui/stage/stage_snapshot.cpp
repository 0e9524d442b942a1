#include "stage/stage_snapshot.h"

#include <QPointF>
#include <QtMath>

#include "theme/palette.h"

namespace cs::ui {

namespace {
QString message_class_name(sim::MessageClass cls) {
  switch (cls) {
    case sim::MessageClass::Heartbeat: return QStringLiteral("heartbeat");
    case sim::MessageClass::Election: return QStringLiteral("election");
    case sim::MessageClass::Replication: return QStringLiteral("replication");
    case sim::MessageClass::Ack: return QStringLiteral("ack");
    case sim::MessageClass::Client: return QStringLiteral("client");
    case sim::MessageClass::Other: break;
  }
  return QStringLiteral("other");
}
}  // namespace

QVector<QPointF> circle_layout(int count, double radius) {
  QVector<QPointF> points;
  for (int i = 0; i < count; ++i) {
    const double angle = -M_PI / 2 + 2 * M_PI * i / std::max(count, 1);
    points.append(count == 1 ? QPointF(0.5, 0.5)
                             : QPointF(0.5 + radius * std::cos(angle), 0.5 + radius * std::sin(angle)));
  }
  return points;
}

StageSnapshot take_snapshot(const sim::World& world) {
  const StagePalette& palette = stage_palette();
  StageSnapshot s;
  s.time_us = world.now_us();
  const int n = static_cast<int>(world.node_count());
  const QVector<QPointF> layout = circle_layout(n);
  for (int i = 0; i < n; ++i) {
    const auto id = static_cast<sim::EndpointId>(i);
    const sim::NodeState& state = world.node(id);
    const sim::NodeView view = world.node_view(id);
    NodeItem item;
    item.name = QString::fromStdString(state.name);
    item.role =
        QString::fromUtf8(sim::to_string(view.role).data(), static_cast<qsizetype>(sim::to_string(view.role).size()));
    item.status = QString::fromUtf8(sim::to_string(state.status).data(),
                                    static_cast<qsizetype>(sim::to_string(state.status).size()));
    item.term = view.term;
    item.logLength = view.log_length;
    item.commitIndex = view.commit_index;
    item.detail = QString::fromStdString(view.detail);
    QStringList parts;
    if (view.term > 0) parts << QStringLiteral("term %1").arg(view.term);
    if (view.log_length > 0 || view.commit_index > 0) {
      parts << QStringLiteral("log %1").arg(view.log_length) << QStringLiteral("commit %1").arg(view.commit_index);
    }
    if (view.data_version > 0) parts << QStringLiteral("v%1").arg(view.data_version);
    if (view.lag_entries > 0) parts << QStringLiteral("lag %1").arg(view.lag_entries);
    if (!item.detail.isEmpty()) parts << item.detail;
    item.summary = parts.join(QStringLiteral(" \u00b7 "));
    item.x = layout[i].x();
    item.y = layout[i].y();
    item.color = palette.role(view.role, state.status);
    s.nodes.append(item);
  }
  const sim::Network& net = world.network();
  // A full mesh of more than a few dozen links is unreadable (and slow to draw): big clusters
  // show their nodes and messages only.
  const int link_nodes = n <= kMaxNodesWithLinks ? n : 0;
  for (int a = 0; a < link_nodes; ++a) {
    for (int b = a + 1; b < link_nodes; ++b) {
      LinkItem link{a, b, layout[a].x(), layout[a].y(), layout[b].x(), layout[b].y(), false};
      const auto ea = static_cast<sim::EndpointId>(a);
      const auto eb = static_cast<sim::EndpointId>(b);
      link.cut = net.blocked(ea, eb) != sim::DropReason::None || net.blocked(eb, ea) != sim::DropReason::None;
      s.links.append(link);
    }
  }
  // Tokens travel between node positions; client traffic is drawn from the centre of the stage.
  const auto position = [&](sim::EndpointId e) {
    return world.is_node(e) ? layout[static_cast<int>(e)] : QPointF(0.5, 0.5);
  };
  for (const auto& m : world.in_flight()) {
    const double span = static_cast<double>(std::max<sim::TimeUs>(m.arrive_us - m.send_us, 1));
    const double progress = std::clamp(static_cast<double>(world.now_us() - m.send_us) / span, 0.0, 1.0);
    const QPointF from = position(m.from);
    const QPointF to = position(m.to);
    const sim::MessageClass cls = world.classify(m.kind);
    TokenItem token;
    token.id = m.id;
    const std::string_view name = world.message_name(m.kind);
    token.kind = QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
    token.messageClass = message_class_name(cls);
    token.x = from.x() + (to.x() - from.x()) * progress;
    token.y = from.y() + (to.y() - from.y()) * progress;
    token.color = palette.message(cls);
    s.tokens.append(token);
  }
  return s;
}

}  // namespace cs::ui
