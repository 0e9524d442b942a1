#include "stage/stage_snapshot.h"

#include <QCoreApplication>
#include <QPointF>
#include <QtMath>
#include <algorithm>
#include <cmath>
#include <vector>

#include "i18n/core_terms.h"
#include "i18n/detail_text.h"
#include "theme/palette.h"

namespace cs::ui {

namespace {
// The translation context of the words on node cards.
struct StageText {
  Q_DECLARE_TR_FUNCTIONS(StageText)
};
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

// The room a node card needs on a stage of typical size, as a share of its width and height.
constexpr double kCardSlotWidth = 0.17;
constexpr double kCardSlotHeight = 0.19;

QVector<QPointF> circle_layout(int count, double radius, double start_rad) {
  QVector<QPointF> points;
  for (int i = 0; i < count; ++i) {
    const double angle = start_rad + 2 * M_PI * i / std::max(count, 1);
    points.append(count == 1 ? QPointF(0.5, 0.5)
                             : QPointF(0.5 + radius * std::cos(angle), 0.5 + radius * std::sin(angle)));
  }
  return points;
}

QVector<QPointF> region_layout(const std::vector<std::uint32_t>& region_of_node, std::size_t region_count,
                               double card_scale) {
  const int regions = static_cast<int>(std::max<std::size_t>(region_count, 1));
  // Regions sit side by side (up to four in a row, so that two data centres face each other on a
  // wide stage), and a region's nodes fill a grid inside its cell, so cards never overlap.
  const int region_cols = regions <= 4 ? regions : static_cast<int>(std::ceil(std::sqrt(regions)));
  const int region_rows = (regions + region_cols - 1) / region_cols;
  const double cell_w = 1.0 / region_cols;
  const double cell_h = 1.0 / region_rows;
  std::vector<int> members(static_cast<std::size_t>(regions), 0);
  for (auto r : region_of_node) ++members[std::min<std::size_t>(r, static_cast<std::size_t>(regions - 1))];
  std::vector<int> placed(static_cast<std::size_t>(regions), 0);
  QVector<QPointF> out;
  for (auto r : region_of_node) {
    const auto region = std::min<std::size_t>(r, static_cast<std::size_t>(regions - 1));
    const int count = members[region];
    const int k = placed[region]++;
    const double slot_w = kCardSlotWidth * card_scale;
    const double slot_h = kCardSlotHeight * card_scale;
    const int max_cols = std::max(1, static_cast<int>(0.95 * cell_w / slot_w));
    int cols = std::clamp(static_cast<int>(std::ceil(std::sqrt(count))), 1, max_cols);
    // A tall column that would not fit its cell's height spreads into more columns if there is room.
    while (cols < max_cols && ((count + cols - 1) / cols) * slot_h > 0.8 * cell_h) ++cols;
    const int rows = (count + cols - 1) / cols;
    const double dx = std::min(slot_w * 1.1, 0.95 * cell_w / cols);
    const double dy = std::min(slot_h * 1.2, 0.8 * cell_h / rows);
    const QPointF centre((static_cast<int>(region) % region_cols + 0.5) * cell_w,
                         (static_cast<int>(region) / region_cols + 0.5) * cell_h + 0.03);
    out.append(centre + QPointF((k % cols - (cols - 1) / 2.0) * dx, (k / cols - (rows - 1) / 2.0) * dy));
  }
  return out;
}

StageSnapshot take_snapshot(const run::Frame& frame, const SnapshotHints& hints) {
  const StagePalette& palette = stage_palette();
  StageSnapshot s;
  s.time_us = frame.time_us;
  const int n = static_cast<int>(frame.nodes.size());
  QVector<QPointF> layout;
  if (hints.layout == "regions" && !hints.region_names.empty()) {
    std::vector<std::uint32_t> region_of;
    for (const run::NodeFrame& node : frame.nodes) region_of.push_back(node.region);
    layout = region_layout(region_of, hints.region_names.size(), palette.type_scale);
    // Each region's area is the box around its nodes, with room for the cards and a label.
    for (std::size_t r = 0; r < hints.region_names.size(); ++r) {
      double x0 = 1, y0 = 1, x1 = 0, y1 = 0;
      for (int i = 0; i < n; ++i) {
        if (region_of[static_cast<std::size_t>(i)] != r) continue;
        x0 = std::min(x0, layout[i].x());
        y0 = std::min(y0, layout[i].y());
        x1 = std::max(x1, layout[i].x());
        y1 = std::max(y1, layout[i].y());
      }
      if (x0 > x1) continue;
      // Room around the outer cards (which grow with the type scale) and for the label on top.
      const double half_w = 0.1 * palette.type_scale, half_h = 0.11 * palette.type_scale;
      QVector<int> members;
      for (int i = 0; i < n; ++i) {
        if (region_of[static_cast<std::size_t>(i)] == r) members.append(i);
      }
      s.regions.append({QString::fromStdString(hints.region_names[r]), x0 - half_w, y0 - half_h - 0.03,
                        x1 - x0 + 2 * half_w, y1 - y0 + 2 * half_h + 0.03, members});
    }
  } else {
    layout = circle_layout(n);
  }
  QStringList node_names;
  for (const run::NodeFrame& node : frame.nodes) node_names << QString::fromStdString(node.name);
  const double crowd_scale =
      n <= kNodesAtFullSize ? 1.0 : std::max(kMinCrowdScale, std::sqrt(static_cast<double>(kNodesAtFullSize) / n));
  for (int i = 0; i < n; ++i) {
    const run::NodeFrame& node = frame.nodes[static_cast<std::size_t>(i)];
    NodeItem item;
    item.name = node_names[i];
    item.role =
        QString::fromUtf8(sim::to_string(node.role).data(), static_cast<qsizetype>(sim::to_string(node.role).size()));
    item.status = QString::fromUtf8(sim::to_string(node.status).data(),
                                    static_cast<qsizetype>(sim::to_string(node.status).size()));
    item.label = node.status == sim::NodeStatus::Up ? role_label(node.role) : status_label(node.status);
    item.term = node.term;
    item.logLength = node.log_length;
    item.commitIndex = node.commit_index;
    item.detail = detail_text(node.detail, node_names);
    QStringList parts;
    if (hints.advanced) {
      if (node.term > 0) parts << StageText::tr("term %1").arg(node.term);
      if (node.log_length > 0 || node.commit_index > 0) {
        parts << StageText::tr("log %1").arg(node.log_length) << StageText::tr("commit %1").arg(node.commit_index);
      }
    }
    if (node.data_version > 0) parts << StageText::tr("v%1").arg(node.data_version);
    if (hints.advanced && node.lag_entries > 0) parts << StageText::tr("lag %1").arg(node.lag_entries);
    if (!item.detail.isEmpty()) parts << item.detail;
    item.summary = parts.join(QStringLiteral(" \u00b7 "));
    item.x = layout[i].x();
    item.y = layout[i].y();
    item.color = palette.role(node.role, node.status);
    item.scale = palette.type_scale * crowd_scale;
    item.textColor = palette.card_text;
    item.ringColor = palette.text;
    item.focusColor = palette.focus;
    s.nodes.append(item);
  }
  // A full mesh of more than a few dozen links is unreadable (and slow to draw): big clusters
  // show their nodes and messages only.
  const int link_nodes = n <= kMaxNodesWithLinks ? n : 0;
  const auto add_link = [&](int a, int b) {
    // A node outside the cluster has no links to draw: nothing travels to or from it.
    if (frame.nodes[static_cast<std::size_t>(a)].status == sim::NodeStatus::Removed ||
        frame.nodes[static_cast<std::size_t>(b)].status == sim::NodeStatus::Removed) {
      return;
    }
    LinkItem link{a, b, layout[a].x(), layout[a].y(), layout[b].x(), layout[b].y(), false, {}, 2};
    link.cut = frame.cuts.cut(static_cast<sim::EndpointId>(a), static_cast<sim::EndpointId>(b));
    link.color = link.cut ? palette.cut_link : palette.link;
    link.width = link.cut ? palette.line_width + 1 : palette.line_width;
    s.links.append(link);
  };
  if (!frame.view.edges.empty()) {
    // A replication topology: only the links it uses.
    for (const auto& [from, to] : frame.view.edges) {
      if (static_cast<int>(from) < n && static_cast<int>(to) < n)
        add_link(static_cast<int>(from), static_cast<int>(to));
    }
  } else {
    for (int a = 0; a < link_nodes; ++a) {
      for (int b = a + 1; b < link_nodes; ++b) add_link(a, b);
    }
  }
  // Tokens travel between node positions; client traffic is drawn from the centre of the stage.
  const auto position = [&](sim::EndpointId e) {
    return frame.is_node(e) ? layout[static_cast<int>(e)] : QPointF(0.5, 0.5);
  };
  // A kind's name as a QString once per snapshot, not once per token (a thousand tokens are a
  // thousand conversions and allocations every frame otherwise).
  std::vector<QString> kind_names;
  s.tokens.reserve(static_cast<qsizetype>(frame.tokens.size()));
  for (const run::TokenFrame& m : frame.tokens) {
    const QPointF from = position(m.from);
    const QPointF to = position(m.to);
    const run::MessageKind& kind = frame.kind(m.kind);
    if (m.kind >= kind_names.size()) kind_names.resize(m.kind + 1);
    if (kind_names[m.kind].isNull()) kind_names[m.kind] = QString::fromStdString(kind.name);
    TokenItem token;
    token.id = m.id;
    token.kind = kind_names[m.kind];
    token.messageClass = message_class_name(kind.message_class);
    token.x = from.x() + (to.x() - from.x()) * m.progress;
    token.y = from.y() + (to.y() - from.y()) * m.progress;
    token.color = palette.message(kind.message_class);
    s.tokens.append(token);
  }
  for (const run::ArrivalFrame& a : frame.arrivals) {
    const QPointF from = position(a.from);
    const QPointF to = position(a.to);
    const run::MessageKind& kind = frame.kind(a.kind);
    // From just outside the receiver's card into it, as it fades.
    const double f = 0.8 + 0.2 * a.age;
    s.arrivals.append({message_class_name(kind.message_class), from.x() + (to.x() - from.x()) * f,
                       from.y() + (to.y() - from.y()) * f, a.age, palette.message(kind.message_class)});
  }
  for (const run::DropFrame& d : frame.drops) {
    const QPointF from = position(d.from);
    const QPointF to = position(d.to);
    const double f = d.never_left ? 0.2 : 0.85;
    s.drops.append({from.x() + (to.x() - from.x()) * f, from.y() + (to.y() - from.y()) * f, d.age});
  }
  return s;
}

}  // namespace cs::ui
