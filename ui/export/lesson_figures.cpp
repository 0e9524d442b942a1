#include "export/lesson_figures.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QXmlStreamReader>
#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <stdexcept>

#include "export/image_export.h"
#include "stage/shard_geometry.h"
#include "stage/stage_snapshot.h"
#include "theme/palette.h"

namespace cs::ui {

namespace {

// Figures are drawn for the lesson column: a little narrower than it is at the lesson's type
// size, so that their type is about as large as the text's.
constexpr double kWidth = 380;
constexpr double kGap = 8;
constexpr double kCaptionPx = 13;
constexpr double kCaptionH = 20;
constexpr double kNotePx = 12;
constexpr double kNoteH = 16;

QString qs(const std::string& s) { return QString::fromStdString(s); }

QString seconds(double s, int decimals = 2) { return QString::number(s, 'f', decimals) + QStringLiteral(" s"); }

void caption(FigureCanvas& c, const QRectF& box, const QString& text) {
  c.text(box, Qt::AlignLeft | Qt::AlignVCenter, text, Tone::Text, kCaptionPx, true);
}

Tone state_tone(sim::Role role, sim::NodeStatus status) {
  return role_tone(qs(std::string(sim::to_string(role))), qs(std::string(sim::to_string(status))));
}

StageSnapshot snapshot_of(const course::StagePanel& panel) {
  SnapshotHints hints;
  hints.layout = panel.layout;
  hints.region_names = panel.region_names;
  return take_snapshot(panel.frame, hints);
}

QString node_name(const run::Frame& frame, sim::EndpointId node) {
  return node < frame.nodes.size() ? qs(frame.nodes[node].name) : QStringLiteral("?");
}

// ---- stages: the stage's own drawing of each panel's moment ----

Figure stages_figure(const course::FigureData& d) {
  const int columns = std::max(1, d.spec.columns);
  const double panel_w = (kWidth - kGap * (columns + 1)) / columns;
  // Flatter panels when several are stacked, so that the figure stays about a screen tall.
  const double aspect = columns > 1 ? 0.8 : d.stages.size() >= 3 ? 0.34 : 0.6;
  const double stage_h = std::round(panel_w * aspect);
  std::size_t notes = 0;
  for (const auto& p : d.stages) notes = std::max(notes, p.notes.size());
  const double panel_h = kCaptionH + stage_h + static_cast<double>(notes) * kNoteH + kGap;
  const int rows = (static_cast<int>(d.stages.size()) + columns - 1) / columns;
  const QSize size(static_cast<int>(kWidth), static_cast<int>(std::ceil(kGap + rows * panel_h)));
  return {qs(d.spec.name), qs(d.spec.title), size, [d, columns, panel_w, panel_h, stage_h](FigureCanvas& c) {
            for (std::size_t i = 0; i < d.stages.size(); ++i) {
              const auto& panel = d.stages[i];
              const double x = kGap + static_cast<double>(static_cast<int>(i) % columns) * (panel_w + kGap);
              const double y = kGap + static_cast<double>(static_cast<int>(i) / columns) * panel_h;
              caption(c, QRectF(x, y, panel_w, kCaptionH), qs(panel.caption));
              StageDrawing drawing;
              drawing.clock = false;
              // A still picture: the cards and links, without the messages piled on them.
              drawing.tokens = false;
              drawing.summaries = false;
              paint_stage(c, snapshot_of(panel), QRectF(x, y + kCaptionH, panel_w, stage_h), drawing);
              double ny = y + kCaptionH + stage_h + 2;
              for (const std::string& note : panel.notes) {
                c.text(QRectF(x + 4, ny, panel_w - 8, kNoteH), Qt::AlignLeft | Qt::AlignVCenter, qs(note), Tone::Text,
                       kNotePx);
                ny += kNoteH;
              }
            }
          }};
}

// ---- ring: the hash ring of each panel, as the stage's ring view draws it ----

Figure ring_figure(const course::FigureData& d) {
  constexpr double kPanelH = 216;
  const QSize size(static_cast<int>(kWidth), static_cast<int>(kGap + d.stages.size() * kPanelH));
  return {qs(d.spec.name), qs(d.spec.title), size, [d](FigureCanvas& c) {
            for (std::size_t i = 0; i < d.stages.size(); ++i) {
              const auto& panel = d.stages[i];
              const model::ModelViewData& view = panel.frame.view;
              const double y = kGap + static_cast<double>(i) * kPanelH;
              caption(c, QRectF(kGap, y, kWidth - 2 * kGap, kCaptionH), qs(panel.caption));
              const QRectF area(kGap, y + kCaptionH, kWidth - 2 * kGap, kPanelH - kCaptionH - kGap);
              c.rect(area, Tone::Panel, Tone::None, 0, 8);
              const RingGeometry ring = RingGeometry::in_area(QRectF(area.left() + 6, area.top() + 4, 180, 180));
              c.ellipse(ring.centre, ring.radius, ring.radius, Tone::None, Tone::Muted, 3);
              for (const auto& v : view.ring) {
                c.line(ring.at(v.position, -RingGeometry::kTickPx), ring.at(v.position, RingGeometry::kTickPx),
                       node_tone(v.node), 3);
              }
              std::map<sim::EndpointId, int> keys;
              for (const auto& k : view.keys) {
                ++keys[k.node];
                const QPointF at = ring.at(k.position, -RingGeometry::kKeyInsetPx);
                if (k.moving) {
                  c.ellipse(at, RingGeometry::kMovingKeyPx, RingGeometry::kMovingKeyPx, Tone::None, Tone::Text, 2);
                } else {
                  c.ellipse(at, RingGeometry::kKeyDotPx, RingGeometry::kKeyDotPx, node_tone(k.node), Tone::None, 0);
                }
              }
              // The owners: colour, name, virtual nodes and keys, as the stage's legend lists them.
              std::map<sim::EndpointId, int> vnodes;
              for (const auto& v : view.ring) ++vnodes[v.node];
              double ly = area.top() + 24;
              const double lx = area.left() + 194;
              c.text(QRectF(lx, area.top() + 4, area.right() - lx - 4, 18), Qt::AlignLeft | Qt::AlignVCenter,
                     QStringLiteral("owner: ticks, keys"), Tone::Muted, 11);
              for (std::size_t n = 0; n < panel.frame.nodes.size(); ++n) {
                const auto node = static_cast<sim::EndpointId>(n);
                if (!vnodes.count(node)) continue;
                c.rect(QRectF(lx, ly + 3, 12, 12), node_tone(node), Tone::None, 0);
                c.text(QRectF(lx + 18, ly, area.right() - lx - 22, 18), Qt::AlignLeft | Qt::AlignVCenter,
                       QStringLiteral("%1: %2 ticks, %3 keys")
                           .arg(node_name(panel.frame, node))
                           .arg(vnodes[node])
                           .arg(keys[node]),
                       Tone::Text, 12);
                ly += 20;
              }
              for (const auto& m : view.migrations) {
                c.text(QRectF(lx, ly, area.right() - lx - 4, 18), Qt::AlignLeft | Qt::AlignVCenter,
                       QStringLiteral("%1: %2 \u2192 %3, %4%")
                           .arg(qs(m.shard), node_name(panel.frame, m.from), node_name(panel.frame, m.to))
                           .arg(static_cast<int>(m.progress * 100)),
                       Tone::Text, 11);
                ly += 18;
              }
            }
          }};
}

// ---- heatmap: load per shard, as the stage's heat map draws it ----

Figure heatmap_figure(const course::FigureData& d) {
  constexpr double kPanelH = 200;
  const QSize size(static_cast<int>(kWidth), static_cast<int>(kGap + d.stages.size() * kPanelH + kNoteH));
  // One scale of shades for every panel, so that the panels compare.
  double max_load = 1e-9;
  for (const auto& panel : d.stages) {
    for (const auto& s : panel.frame.view.shards) max_load = std::max(max_load, s.load);
  }
  return {qs(d.spec.name), qs(d.spec.title), size, [d, max_load](FigureCanvas& c) {
            for (std::size_t i = 0; i < d.stages.size(); ++i) {
              const auto& panel = d.stages[i];
              const auto& shards = panel.frame.view.shards;
              const double y = kGap + static_cast<double>(i) * kPanelH;
              caption(c, QRectF(kGap, y, kWidth - 2 * kGap, kCaptionH), qs(panel.caption));
              const QRectF area(kGap, y + kCaptionH, kWidth - 2 * kGap, kPanelH - kCaptionH - kGap);
              c.rect(area, Tone::Panel, Tone::None, 0, 8);
              const QVector<QRectF> cells = heatmap_cells(static_cast<int>(shards.size()), area, 12);
              for (int k = 0; k < cells.size(); ++k) {
                const auto& s = shards[static_cast<std::size_t>(k)];
                const double share = s.load / max_load;
                c.rect(cells[k], heat_tone(share), s.hot ? Ink(Tone::Cut) : edge_of(Tone::Muted), s.hot ? 5 : 2, 8);
                const Ink ink = share > 0.55 ? Ink(Tone::White) : Ink(Tone::CardText);
                c.text(cells[k].adjusted(8, 4, -8, 0).adjusted(0, 0, 0, -(cells[k].height() - 22)),
                       Qt::AlignLeft | Qt::AlignTop, qs(s.name) + (s.hot ? QStringLiteral("  HOT") : QString()), ink,
                       14, true);
                c.text(QRectF(cells[k].left() + 8, cells[k].bottom() - 34, cells[k].width() - 16, 15),
                       Qt::AlignLeft | Qt::AlignVCenter,
                       QStringLiteral("on %1 \u00b7 %2 keys").arg(node_name(panel.frame, s.node)).arg(s.keys), ink, 12);
                c.text(QRectF(cells[k].left() + 8, cells[k].bottom() - 19, cells[k].width() - 16, 15),
                       Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("%1 ops/s").arg(s.load, 0, 'f', 1), ink, 12);
              }
            }
            c.text(QRectF(kGap, kGap + static_cast<double>(d.stages.size()) * kPanelH - 4, kWidth - 2 * kGap, kNoteH),
                   Qt::AlignLeft | Qt::AlignVCenter,
                   QStringLiteral("Darker is busier (one scale for both); orange frame: hot."), Tone::Text, 11);
          }};
}

// ---- lag: each replica's lag over time ----

double nice_ceiling(double v) {
  const double steps[] = {50, 100, 200, 250, 400, 500, 1000, 2000, 5000, 10000};
  for (double s : steps) {
    if (v <= s) return s;
  }
  return std::ceil(v / 10000) * 10000;
}

Figure lag_figure(const course::FigureData& d) {
  constexpr double kPanelH = 200;
  const QSize size(static_cast<int>(kWidth), static_cast<int>(kGap + d.lags.size() * kPanelH));
  // One scale for both panels, tall enough for the lag and for the time a write waits.
  double top = 0;
  for (const auto& p : d.lags) top = std::max({top, p.max_lag_ms, p.p50_write_ms});
  top = nice_ceiling(std::max(top * 1.1, 1.0));
  const double until = static_cast<double>(d.spec.until_us) / 1e6;
  return {qs(d.spec.name), qs(d.spec.title), size, [d, top, until](FigureCanvas& c) {
            for (std::size_t i = 0; i < d.lags.size(); ++i) {
              const auto& panel = d.lags[i];
              const double y = kGap + static_cast<double>(i) * kPanelH;
              caption(c, QRectF(kGap, y, kWidth - 2 * kGap - 104, kCaptionH), qs(panel.caption));
              c.text(QRectF(kWidth - kGap - 100, y, 100, kCaptionH), Qt::AlignRight | Qt::AlignVCenter,
                     QStringLiteral("stale reads: %1").arg(panel.stale_reads), Tone::Text, 12, true);
              const QRectF plot(kGap + 54, y + kCaptionH + 8, kWidth - 2 * kGap - 68, kPanelH - kCaptionH - 8 - 64);
              c.rect(plot, Tone::Panel, Tone::None, 0);
              const auto to_px = [&](double t, double ms) {
                return QPointF(plot.left() + plot.width() * t / until, plot.bottom() - plot.height() * ms / top);
              };
              for (int k = 0; k <= 2; ++k) {
                const double ms = top * k / 2;
                const QPointF p = to_px(0, ms);
                if (k > 0) c.line(p, to_px(until, ms), Tone::Muted, 0.5, Qt::DotLine);
                c.text(QRectF(kGap - 4, p.y() - 8, 54, 16), Qt::AlignRight | Qt::AlignVCenter,
                       QStringLiteral("%1 ms").arg(ms, 0, 'f', 0), Tone::Text, 11);
              }
              c.line(plot.bottomLeft(), plot.bottomRight(), Tone::Muted, 1);
              c.line(plot.bottomLeft(), plot.topLeft(), Tone::Muted, 1);
              for (int s = 0; s <= static_cast<int>(until); s += 2) {
                const QPointF p = to_px(s, 0);
                c.line(p, p + QPointF(0, 4), Tone::Muted, 1);
                c.text(QRectF(p.x() - 20, p.y() + 4, 40, 14), Qt::AlignCenter, QStringLiteral("%1 s").arg(s),
                       Tone::Text, 11);
              }
              // How long a client waits for "done": the run's median write latency, across the plot.
              c.line(to_px(0, panel.p50_write_ms), to_px(until, panel.p50_write_ms), Tone::Text, 1.5, Qt::DashLine);
              double lx = plot.left();
              const double row = plot.bottom() + 22;
              for (std::size_t l = 0; l < panel.lines.size(); ++l) {
                const auto& line = panel.lines[l];
                const Tone tone = node_tone(static_cast<std::uint32_t>(l + 1));
                QPolygonF points;
                for (const auto& [t, ms] : line.points) points << to_px(std::min(t, until), std::min(ms, top));
                if (points.size() >= 2) c.polyline(points, tone, 2);
                c.rect(QRectF(lx, row + 6, 14, 4), tone, Tone::None, 0);
                c.text(QRectF(lx + 18, row, 84, 16), Qt::AlignLeft | Qt::AlignVCenter,
                       QStringLiteral("%1 behind").arg(qs(line.node)), Tone::Text, 12);
                lx += 100;
              }
              c.line(QPointF(plot.left(), row + 26), QPointF(plot.left() + 14, row + 26), Tone::Text, 1.5,
                     Qt::DashLine);
              c.text(QRectF(plot.left() + 18, row + 18, plot.width() - 18, 16), Qt::AlignLeft | Qt::AlignVCenter,
                     QStringLiteral("write acknowledged after %1 ms (median)").arg(panel.p50_write_ms, 0, 'f', 0),
                     Tone::Text, 12);
            }
          }};
}

// ---- quorum: the replicas a write and the next read reached ----

void node_chip(FigureCanvas& c, QPointF centre, const QString& name) {
  const QRectF chip(centre - QPointF(20, 11), QSizeF(40, 22));
  c.rect(chip, Tone::Follower, edge_of(Tone::Follower), 1.5, 6);
  c.text(chip, Qt::AlignCenter, name, Tone::CardText, 12, true);
}

Figure quorum_figure(const course::FigureData& d) {
  constexpr double kPanelH = 236;
  const QSize size(static_cast<int>(kWidth), static_cast<int>(kGap + d.quorums.size() * kPanelH));
  return {qs(d.spec.name), qs(d.spec.title), size, [d](FigureCanvas& c) {
            for (std::size_t i = 0; i < d.quorums.size(); ++i) {
              const auto& q = d.quorums[i];
              const double y = kGap + static_cast<double>(i) * kPanelH;
              const bool strict = q.r + q.w > q.n;
              caption(c, QRectF(kGap, y, kWidth - 2 * kGap, kCaptionH),
                      QStringLiteral("%1: N = %2, W = %3, R = %4 (R + W %5 N)")
                          .arg(qs(q.caption))
                          .arg(q.n)
                          .arg(q.w)
                          .arg(q.r)
                          .arg(strict ? QStringLiteral(">") : QStringLiteral("\u2264")));
              const QRectF area(kGap, y + kCaptionH, kWidth - 2 * kGap, kPanelH - kCaptionH - kGap);
              c.rect(area, Tone::Panel, Tone::None, 0, 8);
              if (!q.found) {
                c.text(area, Qt::AlignCenter, QStringLiteral("The run has no such write and read."), Tone::Text, 12);
                continue;
              }
              std::vector<std::string> both, write_only, read_only, neither;
              for (const std::string& r : q.replicas) {
                const bool w = std::find(q.write_set.begin(), q.write_set.end(), r) != q.write_set.end();
                const bool rd = std::find(q.read_set.begin(), q.read_set.end(), r) != q.read_set.end();
                (w && rd ? both : w ? write_only : rd ? read_only : neither).push_back(r);
              }
              // Two circles: the write's quorum and the read's; they overlap only if the sets do.
              const double radius = 60;
              const double cx = area.left() + 150;
              const double cy = area.top() + 88;
              // Overlapping, the lens between the circles is wide enough for a node.
              const double half = both.empty() ? radius + 14 : radius - 28;
              const QPointF wc(cx - half, cy);
              const QPointF rc(cx + half, cy);
              c.ellipse(wc, radius, radius, Tone::None, Tone::Write, 3);
              c.ellipse(rc, radius, radius, Tone::None, Tone::Read, 3, Qt::DashLine);
              // The names above the circles, apart where the circles overlap.
              const double apart = both.empty() ? 0 : 20;
              c.text(QRectF(wc.x() - apart - 60, cy - radius - 20, 120, 16), Qt::AlignCenter,
                     QStringLiteral("write (W = %1)").arg(q.w), Tone::Write, 12, true);
              c.text(QRectF(rc.x() + apart - 60, cy - radius - 20, 120, 16), Qt::AlignCenter,
                     QStringLiteral("read (R = %1)").arg(q.r), Tone::Read, 12, true);
              const auto stack = [&](const std::vector<std::string>& names, QPointF centre) {
                const double first = centre.y() - (static_cast<double>(names.size()) - 1) * 13;
                for (std::size_t k = 0; k < names.size(); ++k)
                  node_chip(c, QPointF(centre.x(), first + static_cast<double>(k) * 26), qs(names[k]));
              };
              const double lens_x = cx;
              stack(write_only, QPointF(both.empty() ? wc.x() : wc.x() - 28, cy));
              stack(read_only, QPointF(both.empty() ? rc.x() : rc.x() + 28, cy));
              stack(both, QPointF(lens_x, cy));
              // The replicas neither reached: on the right, "not asked in time".
              const double nx = area.left() + 322;
              if (!neither.empty()) {
                c.text(QRectF(nx - 50, area.top() + 10, 100, 16), Qt::AlignCenter, QStringLiteral("in neither"),
                       Tone::Muted, 11);
                stack(neither, QPointF(nx, area.top() + 44 + (static_cast<double>(neither.size()) - 1) * 13));
              }
              const QString write_names =
                  qs(std::accumulate(std::next(q.write_set.begin()), q.write_set.end(), q.write_set.front(),
                                     [](const std::string& a, const std::string& b) { return a + ", " + b; }));
              const QString read_names =
                  qs(std::accumulate(std::next(q.read_set.begin()), q.read_set.end(), q.read_set.front(),
                                     [](const std::string& a, const std::string& b) { return a + ", " + b; }));
              const QString outcome =
                  q.stale ? QStringLiteral(
                                "Write acknowledged at %1 by %2; the next read of the key (%3) was "
                                "answered by %4, which did not have it yet: it returned an older value.")
                                .arg(seconds(q.write_s), write_names, seconds(q.read_s), read_names)
                          : QStringLiteral(
                                "Write acknowledged at %1 by %2; the next read of the key (%3) was "
                                "answered by %4. They share %5, so the read returned the new value.")
                                .arg(seconds(q.write_s), write_names, seconds(q.read_s), read_names,
                                     qs(both.empty() ? std::string("no replica") : both.front()));
              c.text(QRectF(area.left() + 8, area.bottom() - 50, area.width() - 16, 46),
                     Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, outcome, Tone::Text, 12);
            }
          }};
}

// ---- timeline: each node's role over time, the cuts, and when several led ----

struct Lanes {
  QRectF area;     // where the lanes are; the cuts' labels go in the 20 px above them
  double label_w;  // the names' column
  double until;
};

double lane_x(const Lanes& lanes, double s) {
  const double x0 = lanes.area.left() + lanes.label_w;
  return x0 + (lanes.area.right() - x0) * std::clamp(s / lanes.until, 0.0, 1.0);
}

QString role_word(const course::RolePeriod& p) {
  return p.status == sim::NodeStatus::Up ? qs(std::string(sim::to_string(p.role)))
                                         : qs(std::string(sim::to_string(p.status)));
}

void paint_lanes(FigureCanvas& c, const course::Timeline& t, const Lanes& lanes, double lane_h) {
  const QRectF& area = lanes.area;
  const auto to_x = [&](double s) { return lane_x(lanes, s); };
  const double lanes_bottom = area.top() + lane_h * static_cast<double>(t.nodes.size());
  // The network cut: a dashed frame around the lanes while it lasts, named above them.
  for (const auto& [from, to] : t.cuts) {
    c.rect(QRectF(to_x(from), area.top() - 40, to_x(to) - to_x(from), lanes_bottom - area.top() + 43), Tone::None,
           Tone::Cut, 2, 0, Qt::DashLine);
    c.text(QRectF(to_x(from) + 4, area.top() - 39, to_x(to) - to_x(from) - 8, 16), Qt::AlignLeft | Qt::AlignVCenter,
           QStringLiteral("link cut, %1\u2013%2 s").arg(from, 0, 'f', 1).arg(to, 0, 'f', 1), Tone::Cut, 11, true);
  }
  for (std::size_t n = 0; n < t.nodes.size(); ++n) {
    const double y = area.top() + lane_h * static_cast<double>(n);
    QString label = qs(t.nodes[n]);
    if (n < t.region_of.size() && !t.region_of[n].empty()) label += QStringLiteral(" (%1)").arg(qs(t.region_of[n]));
    c.text(QRectF(area.left(), y, lanes.label_w - 6, lane_h), Qt::AlignRight | Qt::AlignVCenter, label, Tone::Text, 11,
           true);
    for (const course::RolePeriod& p : t.periods[n]) {
      const QRectF bar(to_x(p.from_s), y + 3, std::max(0.5, to_x(p.to_s) - to_x(p.from_s)), lane_h - 6);
      const Tone tone = state_tone(p.role, p.status);
      c.rect(bar, tone, Tone::None, 0);
      // Its name where the bar is wide enough to hold it.
      if (bar.width() >= 50) {
        const bool room = bar.width() >= 96 && p.term > 0;
        c.text(bar.adjusted(3, 0, -3, 0), Qt::AlignLeft | Qt::AlignVCenter,
               room ? QStringLiteral("%1, term %2").arg(role_word(p)).arg(p.term) : role_word(p), Tone::CardText, 11);
      }
    }
  }
  // The time axis.
  const double x0 = to_x(0);
  c.line(QPointF(x0, lanes_bottom + 3), QPointF(to_x(lanes.until), lanes_bottom + 3), Tone::Muted, 1);
  const int step = lanes.until > 12 ? 4 : 2;
  for (int s = 0; s <= static_cast<int>(lanes.until); s += step) {
    c.line(QPointF(to_x(s), lanes_bottom + 3), QPointF(to_x(s), lanes_bottom + 7), Tone::Muted, 1);
    c.text(QRectF(to_x(s) - 16, lanes_bottom + 8, 32, 14), Qt::AlignCenter, QStringLiteral("%1 s").arg(s), Tone::Text,
           10);
  }
}

// The key to the colours of the roles and states the lanes show, in a row from `at`.
void paint_role_key(FigureCanvas& c, const course::Timeline& t, QPointF at) {
  std::vector<std::pair<Tone, QString>> seen;
  for (const auto& periods : t.periods) {
    for (const course::RolePeriod& p : periods) {
      const Tone tone = state_tone(p.role, p.status);
      const QString word = role_word(p);
      if (std::none_of(seen.begin(), seen.end(), [&](const auto& s) { return s.first == tone; }))
        seen.emplace_back(tone, word);
    }
  }
  double x = at.x();
  for (const auto& [tone, word] : seen) {
    c.rect(QRectF(x, at.y() + 3, 14, 10), tone, edge_of(tone), 1);
    c.text(QRectF(x + 18, at.y(), 68, 16), Qt::AlignLeft | Qt::AlignVCenter, word, Tone::Text, 12);
    x += 88;
  }
}

Figure timeline_figure(const course::FigureData& d) {
  const course::Timeline& t = d.timeline;
  constexpr double kLaneH = 26;
  constexpr double kHeaderH = 44;  // the cut's name and the band of several primaries
  const double lanes_h = kLaneH * static_cast<double>(t.nodes.size());
  const QSize size(static_cast<int>(kWidth), static_cast<int>(kGap + kCaptionH + kHeaderH + lanes_h + 26 + 24));
  return {
      qs(d.spec.name), qs(d.spec.title), size, [d, lanes_h](FigureCanvas& c) {
        const course::Timeline& t = d.timeline;
        caption(c, QRectF(kGap, kGap, kWidth - 2 * kGap, kCaptionH),
                QStringLiteral("%1: roles from 0 to %2 s").arg(qs(d.spec.panels.at(0).caption)).arg(t.until_s));
        const Lanes lanes{QRectF(kGap, kGap + kCaptionH + kHeaderH, kWidth - 2 * kGap - 14, lanes_h), 112, t.until_s};
        // Above the lanes: when two or more nodes held the primary (or leader) role at once.
        for (const auto& [from, to] : t.several_leaders) {
          const double a = lane_x(lanes, from);
          const double b = lane_x(lanes, to);
          c.rect(QRectF(a, lanes.area.top() - 20, b - a, 15), Tone::Leader, edge_of(Tone::Leader), 1, 3);
          // The times are in the axis below and in the figure's caption; a band of a few seconds has
          // room for the words only.
          c.text(QRectF(a + 4, lanes.area.top() - 20, b - a - 8, 15), Qt::AlignLeft | Qt::AlignVCenter,
                 QStringLiteral("two primaries"), Tone::CardText, 10, true);
        }
        paint_lanes(c, t, lanes, kLaneH);
        paint_role_key(c, t, QPointF(kGap, lanes.area.bottom() + 28));
      }};
}

// ---- raft-states: the three states, the changes one run made, and its terms ----

int changes(const course::RaftStates& r, sim::Role from, sim::Role to) {
  for (const auto& c : r.changes) {
    if (c.from == from && c.to == to) return c.count;
  }
  return 0;
}

Figure raft_figure(const course::FigureData& d) {
  const course::Timeline& t = d.timeline;
  constexpr double kDiagramH = 196;
  constexpr double kLaneH = 20;
  const double lanes_h = kLaneH * static_cast<double>(t.nodes.size());
  const QSize size(static_cast<int>(kWidth), static_cast<int>(kGap + kDiagramH + kCaptionH + 12 + lanes_h + 26 + 24));
  return {
      qs(d.spec.name), qs(d.spec.title), size, [d, lanes_h](FigureCanvas& c) {
        const course::RaftStates& r = d.raft;
        const course::Timeline& t = d.timeline;
        caption(c, QRectF(kGap, kGap, kWidth - 2 * kGap, kCaptionH),
                QStringLiteral("%1, 0 to %2 s: changes of state").arg(qs(d.spec.panels.at(0).caption)).arg(t.until_s));
        const QRectF area(kGap, kGap + kCaptionH, kWidth - 2 * kGap, kDiagramH - kCaptionH);
        c.rect(area, Tone::Panel, Tone::None, 0, 8);
        const QSizeF box(94, 40);
        const QRectF follower(QPointF(area.left() + 10, area.top() + 70), box);
        const QRectF candidate(QPointF(area.center().x() - box.width() / 2, area.top() + 70), box);
        const QRectF leader(QPointF(area.right() - 10 - box.width(), area.top() + 70), box);
        const auto state = [&](const QRectF& b, Tone tone, const QString& name) {
          c.rect(b, tone, edge_of(tone), 2, 10);
          c.text(b, Qt::AlignCenter, name, Tone::CardText, 14, true);
        };
        state(follower, Tone::Follower, QStringLiteral("Follower"));
        state(candidate, Tone::Candidate, QStringLiteral("Candidate"));
        state(leader, Tone::Leader, QStringLiteral("\u2605 Leader"));
        const auto label = [&](QPointF centre, const QString& text) {
          c.text(QRectF(centre.x() - 90, centre.y() - 8, 180, 16), Qt::AlignCenter, text, Tone::Text, 11);
        };
        using sim::Role;
        // Follower -> Candidate (above), Candidate -> Follower (below).
        c.arrow(QPointF(follower.right(), follower.top() + 12), QPointF(candidate.left(), candidate.top() + 12),
                Tone::Text, 1.5);
        label(QPointF((follower.right() + candidate.left()) / 2, follower.top() - 14),
              QStringLiteral("times out \u00d7%1").arg(changes(r, Role::Follower, Role::Candidate)));
        c.arrow(QPointF(candidate.left(), candidate.bottom() - 12), QPointF(follower.right(), follower.bottom() - 12),
                Tone::Muted, 1.5);
        label(QPointF((follower.right() + candidate.left()) / 2, follower.bottom() + 14),
              QStringLiteral("sees a leader \u00d7%1").arg(changes(r, Role::Candidate, Role::Follower)));
        // Candidate -> Leader (above), Leader -> Follower (the long way back, below).
        c.arrow(QPointF(candidate.right(), candidate.top() + 12), QPointF(leader.left(), leader.top() + 12), Tone::Text,
                1.5);
        label(QPointF((candidate.right() + leader.left()) / 2, candidate.top() - 14),
              QStringLiteral("wins votes \u00d7%1").arg(changes(r, Role::Candidate, Role::Leader)));
        const double low = area.bottom() - 22;
        c.polyline(QPolygonF({QPointF(leader.center().x(), leader.bottom()), QPointF(leader.center().x(), low),
                              QPointF(follower.center().x(), low)}),
                   Tone::Muted, 1.5);
        c.arrow(QPointF(follower.center().x(), low), QPointF(follower.center().x(), follower.bottom()), Tone::Muted,
                1.5);
        label(QPointF(area.center().x(), low - 10),
              QStringLiteral("sees a higher term \u00d7%1").arg(changes(r, Role::Leader, Role::Follower)));
        // Candidate -> Candidate: a split vote, a new term.
        const QPointF top(candidate.center().x(), candidate.top());
        c.polyline(QPolygonF({top + QPointF(-20, 0), top + QPointF(-20, -22), top + QPointF(20, -22)}), Tone::Muted,
                   1.5);
        c.arrow(top + QPointF(20, -22), top + QPointF(20, 0), Tone::Muted, 1.5);
        label(QPointF(candidate.center().x(), candidate.top() - 32),
              QStringLiteral("split vote, new term \u00d7%1").arg(changes(r, Role::Candidate, Role::Candidate)));
        // Which node led each term, and the leaders lost to a crash.
        QStringList terms;
        for (const auto& [term, name] : r.term_leaders) terms << QStringLiteral("term %1: %2").arg(term).arg(qs(name));
        c.text(QRectF(kGap, area.bottom() + 4, kWidth - 2 * kGap, kCaptionH), Qt::AlignLeft | Qt::AlignVCenter,
               QStringLiteral("Leaders: %1 \u00b7 leaders crashed: %2")
                   .arg(terms.join(QStringLiteral(" \u00b7 ")))
                   .arg(r.crashes),
               Tone::Text, 12, true);
        const Lanes lanes{QRectF(kGap, area.bottom() + kCaptionH + 12, kWidth - 2 * kGap - 14, lanes_h), 40, t.until_s};
        paint_lanes(c, t, lanes, kLaneH);
        paint_role_key(c, t, QPointF(kGap, lanes.area.bottom() + 28));
      }};
}

}  // namespace

Figure lesson_figure(const course::FigureData& data) {
  const std::string& kind = data.spec.kind;
  if (kind == "stages") return stages_figure(data);
  if (kind == "ring") return ring_figure(data);
  if (kind == "heatmap") return heatmap_figure(data);
  if (kind == "lag") return lag_figure(data);
  if (kind == "quorum") return quorum_figure(data);
  if (kind == "timeline") return timeline_figure(data);
  if (kind == "raft-states") return raft_figure(data);
  throw std::runtime_error("no drawing for figure kind \"" + kind + "\"");
}

LightPaletteScope::LightPaletteScope()
    : projector_(stage_palette().projector),
      dark_(stage_palette().dark),
      font_scale_(stage_palette().type_scale / (stage_palette().projector ? projector_palette().type_scale : 1.0)) {
  use_projector_palette(false);
  use_dark_palette(false);
  use_font_scale(1.0);
}

LightPaletteScope::~LightPaletteScope() {
  use_projector_palette(projector_);
  use_dark_palette(dark_);
  use_font_scale(font_scale_);
}

QString figure_path(const course::FigureSpec& spec) {
  return qs(spec.lesson) + QStringLiteral("/figures/") + qs(spec.name);
}

QStringList write_lesson_figures(const QString& lessons_dir, bool* ok) {
  const LightPaletteScope light;
  QStringList out;
  *ok = true;
  for (const course::FigureSpec& spec : course::lesson_figures()) {
    const QString base = QDir(lessons_dir).filePath(figure_path(spec));
    QDir().mkpath(QFileInfo(base).absolutePath());
    FigureModel model;
    QByteArray svg;
    try {
      svg = figure_svg(lesson_figure(course::figure_data(spec)), &model);
    } catch (const std::exception& e) {
      out << QStringLiteral("error: %1: %2").arg(figure_path(spec), QString::fromUtf8(e.what()));
      *ok = false;
      continue;
    }
    for (const auto& [suffix, bytes] :
         {std::pair{QStringLiteral(".svg"), svg}, {QStringLiteral(".model.json"), model.toJson()}}) {
      QSaveFile file(base + suffix);
      if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        out << QStringLiteral("error: cannot write %1: %2").arg(base + suffix, file.errorString());
        *ok = false;
      } else {
        out << figure_path(spec) + suffix;
      }
    }
  }
  return out;
}

QStringList svg_texts(const QByteArray& svg) {
  QStringList texts;
  QXmlStreamReader xml(svg);
  while (!xml.atEnd()) {
    if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("text")) {
      texts << xml.readElementText(QXmlStreamReader::IncludeChildElements);
    }
  }
  return texts;
}

QStringList check_lesson_figures(const QString& lessons_dir) {
  const LightPaletteScope light;
  QStringList problems;
  for (const course::FigureSpec& spec : course::lesson_figures()) {
    const QString base = QDir(lessons_dir).filePath(figure_path(spec));
    QFile model_file(base + QStringLiteral(".model.json"));
    QFile svg_file(base + QStringLiteral(".svg"));
    if (!model_file.open(QIODevice::ReadOnly) || !svg_file.open(QIODevice::ReadOnly)) {
      problems << QStringLiteral("%1: missing (.svg and .model.json); draw the figures again").arg(figure_path(spec));
      continue;
    }
    QString error;
    const FigureModel checked_in = FigureModel::fromJson(model_file.readAll(), &error);
    if (!error.isEmpty()) {
      problems << QStringLiteral("%1.model.json: %2").arg(figure_path(spec), error);
      continue;
    }
    FigureModel now;
    try {
      now = figure_model(lesson_figure(course::figure_data(spec)));
    } catch (const std::exception& e) {
      problems << QStringLiteral("%1: %2").arg(figure_path(spec), QString::fromUtf8(e.what()));
      continue;
    }
    const QString difference = compare_models(checked_in, now);
    if (!difference.isEmpty()) {
      problems << QStringLiteral("%1 no longer matches the simulation: %2").arg(figure_path(spec), difference);
      continue;
    }
    // The SVG shows the model's texts: each whole, cut short with an ellipsis where its box was too
    // narrow on the machine that drew it, or wrapped over several lines.
    const QStringList shown = svg_texts(svg_file.readAll());
    static const QRegularExpression space(QStringLiteral("\\s+"));
    const QString all_shown = shown.join(QString()).remove(space);
    for (const FigureItem& item : checked_in.items) {
      if (item.kind != QLatin1String("text")) continue;
      const bool found = std::any_of(shown.begin(), shown.end(), [&](const QString& s) {
        return s == item.text || (s.endsWith(QChar(0x2026)) && item.text.startsWith(s.chopped(1)));
      });
      if (!found && !all_shown.contains(QString(item.text).remove(space))) {
        problems << QStringLiteral("%1.svg does not show \"%2\" (its model does)").arg(figure_path(spec), item.text);
        break;
      }
    }
  }
  return problems;
}

}  // namespace cs::ui
