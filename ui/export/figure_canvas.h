#pragma once
// Drawing a figure that follows the colour schemes. A figure is painted through a FigureCanvas:
// every colour is a tone (text, line, a role's fill, a node's colour, ...), never a literal colour,
// so the same drawing serves three ends:
// - the stage export paints the tones in the palette in use (File > Export stage);
// - the lessons' figures are written as SVG with a placeholder colour per tone, and the lesson
//   view recolours the placeholders to the light, dark or projector palette when it loads one
//   (recolour_svg), then renders it at the pixels it is shown at (render_figure), so it stays
//   sharp at any zoom and on any screen;
// - the canvas also records what it drew as a FigureModel: each shape's kind, rounded geometry and
//   tones, and each text with its box, which is what the figure shows, independent of the fonts
//   of the machine that draws it. A test compares the model of a figure drawn again from the
//   simulation with the one checked in beside the SVG.
#include <QByteArray>
#include <QColor>
#include <QPen>
#include <QPointF>
#include <QPolygonF>
#include <QRectF>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QVector>
#include <cstdint>
#include <functional>

#include "theme/palette.h"

class QPainter;
class QImage;

namespace cs::ui {

enum class Tone : std::uint8_t {
  None,  // nothing drawn (no fill, no line)
  Background,
  Panel,  // the stage's backdrop: a picture of the stage inside a figure
  Text,
  Muted,  // lines that carry meaning, secondary text
  Cut,    // a cut link, a partition
  RegionFill,
  RegionBorder,
  CardText,  // text on a node card or a light fill: dark in every scheme
  White,     // text on a dark fill: white in every scheme
  Leader,
  Follower,
  Candidate,
  Suspect,
  Crashed,
  Paused,
  Removed,
  Idle,  // a node with no role
  Heartbeat,
  Election,
  Replication,
  Ack,
  Client,
  Other,
  Node0,  // a distinct colour per node (Okabe-Ito): Node0 + i % 7
  Node1,
  Node2,
  Node3,
  Node4,
  Node5,
  Node6,
  Heat0,  // load shares 0, 0.1, ..., 1: Heat0 + round(share * 10)
  Heat1,
  Heat2,
  Heat3,
  Heat4,
  Heat5,
  Heat6,
  Heat7,
  Heat8,
  Heat9,
  Heat10,
  Write,  // a write quorum
  Read,   // a read quorum
  Count
};

// A tone, or its edge: the darker line drawn around a fill of that tone.
struct Ink {
  Tone tone = Tone::None;
  bool edge = false;
  constexpr Ink(Tone t = Tone::None, bool e = false) : tone(t), edge(e) {}  // NOLINT: a Tone is an Ink
  bool operator==(const Ink&) const = default;
};
constexpr Ink edge_of(Tone tone) { return {tone, true}; }

Tone node_tone(std::uint32_t node);
Tone heat_tone(double share);
// A node card's fill for its role and status (as the snapshot spells them).
Tone role_tone(const QString& role, const QString& status);

// The tone's colour in a palette.
QColor ink_colour(Ink ink, const StagePalette& palette);
// Its name in a figure model ("leader", "leader/edge").
QString ink_name(Ink ink);
// The placeholder colour a lesson figure's SVG carries for it ("#e69f01"): unique per ink.
QString ink_placeholder(Ink ink);

// A lesson figure's SVG with every placeholder colour replaced by the palette's colour.
QByteArray recolour_svg(const QByteArray& svg, const StagePalette& palette);
// The SVG's own size (its view box), in logical pixels; empty if it is not an SVG.
QSizeF svg_size(const QByteArray& svg);
// Renders the SVG at `logical` size for a screen of `device_pixel_ratio` (transparent background).
QImage render_figure(const QByteArray& svg, const QSizeF& logical, double device_pixel_ratio);

// What a figure shows, as drawn: one item per shape or text.
struct FigureItem {
  QString kind;         // rect, line, polyline, polygon, ellipse, text
  QVector<double> geo;  // the geometry, in figure pixels, rounded to 0.1
  QStringList inks;     // fill and line, or the text's colour
  QString text;         // for text: the whole text (as drawn it may be elided)
};

struct FigureModel {
  QString name;
  QSizeF size;
  QVector<FigureItem> items;

  QByteArray toJson() const;  // one item a line, so a change reads well in a diff
  static FigureModel fromJson(const QByteArray& json, QString* error);
};

// The first difference between two models (geometry may differ by `tolerance` pixels), or an
// empty string when they show the same.
QString compare_models(const FigureModel& expected, const FigureModel& actual, double tolerance = 0.6);

class FigureCanvas {
 public:
  enum class Colours { Palette, Placeholders };
  FigureCanvas(QPainter& painter, const StagePalette& palette, Colours colours, FigureModel* model = nullptr);

  const StagePalette& palette() const { return palette_; }
  QColor colour(Ink ink) const;
  QPainter& painter() { return painter_; }
  // Moves what is drawn next by `offset` (a panel inside a figure).
  void setOrigin(QPointF origin) { origin_ = origin; }
  QPointF origin() const { return origin_; }

  void rect(const QRectF& r, Ink fill, Ink stroke, double width = 1, double radius = 0,
            Qt::PenStyle style = Qt::SolidLine);
  void line(QPointF a, QPointF b, Ink stroke, double width, Qt::PenStyle style = Qt::SolidLine);
  void polyline(const QPolygonF& points, Ink stroke, double width);
  void polygon(const QPolygonF& points, Ink fill, Ink stroke, double width);
  void ellipse(QPointF centre, double rx, double ry, Ink fill, Ink stroke, double width,
               Qt::PenStyle style = Qt::SolidLine);
  // A line with an arrow head at `to`.
  void arrow(QPointF from, QPointF to, Ink stroke, double width, double head = 8);
  // Text in a box: one line, elided to the box's width, unless `flags` has Qt::TextWordWrap (wrapped)
  // or Qt::TextDontClip (as long as it is). With `min_pixel_size`, a line too long for the box is
  // first set smaller, down to that size (as the stage's cards fit a long name).
  void text(const QRectF& box, int flags, const QString& text, Ink ink, double pixel_size, bool bold = false,
            double min_pixel_size = 0);

 private:
  void record(const QString& kind, QVector<double> geo, QStringList inks, const QString& text = {});
  QPen pen(Ink ink, double width, Qt::PenStyle style = Qt::SolidLine) const;

  QPainter& painter_;
  StagePalette palette_;
  Colours colours_;
  FigureModel* model_;
  QPointF origin_;
};

// A figure: its size and how to paint it.
struct Figure {
  QString name;
  QString title;
  QSize size;
  std::function<void(FigureCanvas&)> paint;
};

// The figure as an SVG with placeholder colours, and (if asked) its model.
QByteArray figure_svg(const Figure& figure, FigureModel* model = nullptr);
// Only its model (no SVG written).
FigureModel figure_model(const Figure& figure);

}  // namespace cs::ui
