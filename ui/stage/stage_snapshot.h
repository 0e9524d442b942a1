#pragma once
// A snapshot is what the stage shows at one instant: the run's frame (core/run/frame.h) with the
// UI's part added by a pure function: where each node sits, where each message token is along its
// link, the words in the interface's language and the colours of the palette. The models hand it
// to QML, which only draws it. Positions are normalised to [0, 1].
#include <QColor>
#include <QPointF>
#include <QString>
#include <QVector>
#include <QtMath>

#include <string>
#include <utility>
#include <vector>

#include "run/frame.h"

namespace cs::ui {

struct NodeItem {
  QString name;
  QString role;
  QString status;
  qint64 term = 0;
  qint64 logLength = 0;
  qint64 commitIndex = 0;
  QString detail;
  QString summary;  // one compact line for the card: term, log and commit positions, data version
  QString label;    // the role (or, when down, the status) in the interface's language
  double x = 0.5;
  double y = 0.5;
  QColor color;
  double scale = 1;   // card size and type: larger in projector mode
  QColor textColor;   // card text
  QColor ringColor;   // the selection ring, drawn on the stage background
  QColor focusColor;  // the keyboard-focus ring
};

struct TokenItem {
  quint64 id = 0;
  QString kind;
  QString messageClass;
  double x = 0;
  double y = 0;
  QColor color;
};

struct LinkItem {
  int from = 0;
  int to = 0;
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  bool cut = false;  // a partition, isolation or one-way cut blocks at least one direction
  QColor color;
  double width = 2;
};

// A message lost recently, marked where it was lost: near the sender when it never left, near the
// receiver when it was dropped on arrival. `age` runs from 0 (just now) to 1 (about to vanish).
struct DropItem {
  double x = 0;
  double y = 0;
  double age = 0;
};

// A message that has just arrived, drawn fading as it enters its receiver: short hops at slow
// speeds would otherwise cross the wire between two frames and never be seen.
struct ArrivalItem {
  QString messageClass;
  double x = 0;
  double y = 0;
  double age = 0;  // 0 (just arrived) to 1 (about to vanish)
  QColor color;
};

// A region (data centre) drawn as a labelled area around its nodes.
struct RegionItem {
  QString name;
  double x = 0, y = 0, width = 0, height = 0;  // the area, normalised
  QVector<int> members;                        // its nodes, to draw the area around their cards
};

struct StageSnapshot {
  sim::TimeUs time_us = 0;
  QVector<NodeItem> nodes;
  QVector<TokenItem> tokens;
  QVector<LinkItem> links;
  QVector<DropItem> drops;
  QVector<ArrivalItem> arrivals;
  QVector<RegionItem> regions;
};

inline constexpr int kMaxNodesWithLinks = 12;
// Beyond this many nodes, cards shrink (down to kMinCrowdScale) so that a circle of them still fits.
inline constexpr int kNodesAtFullSize = 10;
inline constexpr double kMinCrowdScale = 0.6;

// Node positions on a circle, the first node at the top, clockwise. Centre (0.5, 0.5).
QVector<QPointF> circle_layout(int count, double radius = 0.36, double start_rad = -M_PI / 2);

// Nodes grouped by region: regions around a circle, each region's nodes around a small circle.
// `card_scale` is the cards' size (the palette's type scale): bigger cards get more room.
QVector<QPointF> region_layout(const std::vector<std::uint32_t>& region_of_node, std::size_t region_count,
                               double card_scale = 1.0);

struct SnapshotHints {
  std::string layout = "circle";  // or "regions"
  std::vector<std::string> region_names;
  // Teacher mode can hide protocol internals (term, log and commit positions, lag) from the cards.
  bool advanced = true;
};

StageSnapshot take_snapshot(const run::Frame& frame, const SnapshotHints& hints = {});

}  // namespace cs::ui
