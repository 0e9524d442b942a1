#pragma once
// A snapshot is what the stage shows at one instant, computed from the World by a pure function:
// where each node sits, where each message token is along its link, which links are cut. The
// models hand it to QML, which only draws it. Positions are normalised to [0, 1].
#include <QColor>
#include <QPointF>
#include <QString>
#include <QVector>

#include "sim/world.h"

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
  double x = 0.5;
  double y = 0.5;
  QColor color;
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
};

struct StageSnapshot {
  sim::TimeUs time_us = 0;
  QVector<NodeItem> nodes;
  QVector<TokenItem> tokens;
  QVector<LinkItem> links;
};

inline constexpr int kMaxNodesWithLinks = 16;

// Node positions on a circle, the first node at the top, clockwise. Centre (0.5, 0.5).
QVector<QPointF> circle_layout(int count, double radius = 0.36);

StageSnapshot take_snapshot(const sim::World& world);

}  // namespace cs::ui
