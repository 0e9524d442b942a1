#include "export/figure_canvas.h"

#include <QBuffer>
#include <QFontMetricsF>
#include <QHash>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QRegularExpression>
#include <QSvgGenerator>
#include <QSvgRenderer>
#include <QXmlStreamReader>
#include <algorithm>
#include <cmath>

namespace cs::ui {

namespace {

constexpr int kTones = static_cast<int>(Tone::Count);

const char* const kToneNames[kTones] = {
    "none",      "background", "panel",     "text",     "muted",       "cut",     "region-fill", "region-border",
    "card-text", "white",      "leader",    "follower", "candidate",   "suspect", "crashed",     "paused",
    "removed",   "idle",       "heartbeat", "election", "replication", "ack",     "client",      "other",
    "node0",     "node1",      "node2",     "node3",    "node4",       "node5",   "node6",       "heat0",
    "heat1",     "heat2",      "heat3",     "heat4",    "heat5",       "heat6",   "heat7",       "heat8",
    "heat9",     "heat10",     "write",     "read"};

QColor tone_colour(Tone tone, const StagePalette& p) {
  switch (tone) {
    case Tone::None: return Qt::transparent;
    case Tone::Background: return p.background;
    case Tone::Panel: return p.background;
    case Tone::Text: return p.text;
    case Tone::Muted: return p.link;
    case Tone::Cut: return p.cut_link;
    case Tone::RegionFill: return p.region_fill;
    case Tone::RegionBorder: return p.region_border;
    case Tone::CardText: return p.card_text;
    case Tone::White: return QColor(0xFF, 0xFF, 0xFF);
    case Tone::Leader: return p.role(sim::Role::Leader, sim::NodeStatus::Up);
    case Tone::Follower: return p.role(sim::Role::Follower, sim::NodeStatus::Up);
    case Tone::Candidate: return p.role(sim::Role::Candidate, sim::NodeStatus::Up);
    case Tone::Suspect: return p.role(sim::Role::Suspect, sim::NodeStatus::Up);
    case Tone::Crashed: return p.role(sim::Role::None, sim::NodeStatus::Crashed);
    case Tone::Paused: return p.role(sim::Role::None, sim::NodeStatus::Paused);
    case Tone::Removed: return p.role(sim::Role::None, sim::NodeStatus::Removed);
    case Tone::Idle: return p.role(sim::Role::None, sim::NodeStatus::Up);
    case Tone::Heartbeat: return p.message(sim::MessageClass::Heartbeat);
    case Tone::Election: return p.message(sim::MessageClass::Election);
    case Tone::Replication: return p.message(sim::MessageClass::Replication);
    case Tone::Ack: return p.message(sim::MessageClass::Ack);
    case Tone::Client: return p.message(sim::MessageClass::Client);
    case Tone::Other: return p.message(sim::MessageClass::Other);
    case Tone::Write: return p.dark ? QColor(0x56, 0xB4, 0xE9) : QColor(0x00, 0x72, 0xB2);
    case Tone::Read:
      return p.dark ? QColor(0xFF, 0x9A, 0x4D) : p.projector ? QColor(0xA3, 0x3E, 0x00) : QColor(0xD5, 0x5E, 0x00);
    case Tone::Count: break;
    default: break;
  }
  const int t = static_cast<int>(tone);
  if (t >= static_cast<int>(Tone::Node0) && t <= static_cast<int>(Tone::Node6))
    return p.node_colour(static_cast<std::uint32_t>(t - static_cast<int>(Tone::Node0)));
  if (t >= static_cast<int>(Tone::Heat0) && t <= static_cast<int>(Tone::Heat10))
    return p.heat((t - static_cast<int>(Tone::Heat0)) / 10.0);
  return p.text;
}

int ink_index(Ink ink) { return static_cast<int>(ink.tone) * 2 + (ink.edge ? 1 : 0); }

// A placeholder per ink: the light palette's colour, nudged until no other ink has it, so the SVG
// looks right as it is and each colour in it names one ink.
struct Placeholders {
  QVector<QString> by_ink;
  QHash<QString, int> ink_of;
  Placeholders() {
    by_ink.resize(kTones * 2);
    const StagePalette light = normal_palette();
    for (int t = 1; t < kTones; ++t) {
      for (int e = 0; e < 2; ++e) {
        QColor c = ink_colour(Ink(static_cast<Tone>(t), e == 1), light);
        for (int step = 0;; ++step) {
          const QString name = c.name(QColor::HexRgb).toLower();
          if (!ink_of.contains(name) && name != QLatin1String("#000000") && name != QLatin1String("#ffffff")) {
            by_ink[t * 2 + e] = name;
            ink_of.insert(name, t * 2 + e);
            break;
          }
          // Alternate the blue channel up and down by growing steps: invisible to the eye.
          const int delta = (step / 2 + 1) * (step % 2 == 0 ? 1 : -1);
          c.setBlue(std::clamp(c.blue() + delta, 0, 255));
        }
      }
    }
  }
};

const Placeholders& placeholders() {
  static const Placeholders p;
  return p;
}

double round1(double v) { return std::round(v * 10.0) / 10.0; }

}  // namespace

Tone node_tone(std::uint32_t node) {
  return static_cast<Tone>(static_cast<int>(Tone::Node0) + static_cast<int>(node % 7));
}

Tone heat_tone(double share) {
  const int step = static_cast<int>(std::lround(std::clamp(share, 0.0, 1.0) * 10));
  return static_cast<Tone>(static_cast<int>(Tone::Heat0) + step);
}

Tone role_tone(const QString& role, const QString& status) {
  if (status == QLatin1String("removed")) return Tone::Removed;
  if (status == QLatin1String("crashed")) return Tone::Crashed;
  if (status == QLatin1String("paused")) return Tone::Paused;
  if (role == QLatin1String("leader") || role == QLatin1String("primary")) return Tone::Leader;
  if (role == QLatin1String("follower") || role == QLatin1String("replica")) return Tone::Follower;
  if (role == QLatin1String("candidate")) return Tone::Candidate;
  if (role == QLatin1String("suspect")) return Tone::Suspect;
  return Tone::Idle;
}

QColor ink_colour(Ink ink, const StagePalette& palette) {
  const QColor c = tone_colour(ink.tone, palette);
  if (!ink.edge) return c;
  // A card's edge is its fill, darker (as the stage's cards have it); text and lines stay as they are.
  switch (ink.tone) {
    case Tone::Text:
    case Tone::Muted:
    case Tone::Cut:
    case Tone::CardText: return c;
    default: return c.darker(160);
  }
}

QString ink_name(Ink ink) {
  const QString name = QString::fromLatin1(kToneNames[static_cast<int>(ink.tone)]);
  return ink.edge ? name + QStringLiteral("/edge") : name;
}

QString ink_placeholder(Ink ink) {
  if (ink.tone == Tone::None) return QStringLiteral("none");
  return placeholders().by_ink[ink_index(ink)];
}

QByteArray recolour_svg(const QByteArray& svg, const StagePalette& palette) {
  static const QRegularExpression hex(QStringLiteral("#[0-9a-fA-F]{6}\\b"));
  const Placeholders& table = placeholders();
  QString text = QString::fromUtf8(svg);
  QString out;
  out.reserve(text.size());
  qsizetype last = 0;
  for (auto it = hex.globalMatch(text); it.hasNext();) {
    const QRegularExpressionMatch m = it.next();
    out += QStringView(text).mid(last, m.capturedStart() - last);
    const auto found = table.ink_of.constFind(m.captured().toLower());
    if (found == table.ink_of.constEnd()) {
      out += m.captured();
    } else {
      const Ink ink(static_cast<Tone>(found.value() / 2), found.value() % 2 == 1);
      out += ink_colour(ink, palette).name(QColor::HexRgb);
    }
    last = m.capturedEnd();
  }
  out += QStringView(text).mid(last);
  return out.toUtf8();
}

QSizeF svg_size(const QByteArray& svg) {
  QSvgRenderer renderer(svg);
  if (!renderer.isValid()) return {};
  return renderer.viewBoxF().size();
}

QImage render_figure(const QByteArray& svg, const QSizeF& logical, double device_pixel_ratio) {
  const double dpr = device_pixel_ratio > 0 ? device_pixel_ratio : 1.0;
  const QSize pixels(std::max(1, static_cast<int>(std::ceil(logical.width() * dpr))),
                     std::max(1, static_cast<int>(std::ceil(logical.height() * dpr))));
  QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
  image.fill(Qt::transparent);
  QSvgRenderer renderer(svg);
  if (renderer.isValid()) {
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    renderer.render(&p, QRectF(QPointF(0, 0), QSizeF(pixels)));
  }
  image.setDevicePixelRatio(dpr);
  return image;
}

// ---- the model ----

QByteArray FigureModel::toJson() const {
  QByteArray out = "{\n  \"figure\": " + QJsonDocument(QJsonArray{name}).toJson(QJsonDocument::Compact).mid(1);
  out.chop(1);
  out += ",\n  \"size\": [" + QByteArray::number(size.width()) + ", " + QByteArray::number(size.height()) + "],\n";
  out += "  \"items\": [\n";
  for (int i = 0; i < items.size(); ++i) {
    const FigureItem& item = items[i];
    QJsonArray geo;
    for (double v : item.geo) geo.append(v);
    QJsonObject o{{QStringLiteral("k"), item.kind},
                  {QStringLiteral("g"), geo},
                  {QStringLiteral("i"), QJsonArray::fromStringList(item.inks)}};
    if (!item.text.isNull()) o.insert(QStringLiteral("t"), item.text);
    out += "    " + QJsonDocument(o).toJson(QJsonDocument::Compact) + (i + 1 < items.size() ? ",\n" : "\n");
  }
  out += "  ]\n}\n";
  return out;
}

FigureModel FigureModel::fromJson(const QByteArray& json, QString* error) {
  FigureModel model;
  QJsonParseError parse{};
  const QJsonDocument doc = QJsonDocument::fromJson(json, &parse);
  if (parse.error != QJsonParseError::NoError || !doc.isObject()) {
    if (error) *error = QStringLiteral("not a figure model: %1").arg(parse.errorString());
    return model;
  }
  const QJsonObject root = doc.object();
  model.name = root.value(QStringLiteral("figure")).toString();
  const QJsonArray size = root.value(QStringLiteral("size")).toArray();
  model.size = QSizeF(size.at(0).toDouble(), size.at(1).toDouble());
  for (const QJsonValue& v : root.value(QStringLiteral("items")).toArray()) {
    const QJsonObject o = v.toObject();
    FigureItem item;
    item.kind = o.value(QStringLiteral("k")).toString();
    for (const QJsonValue& g : o.value(QStringLiteral("g")).toArray()) item.geo.append(g.toDouble());
    for (const QJsonValue& i : o.value(QStringLiteral("i")).toArray()) item.inks.append(i.toString());
    if (o.contains(QStringLiteral("t"))) item.text = o.value(QStringLiteral("t")).toString();
    model.items.append(item);
  }
  return model;
}

QString compare_models(const FigureModel& expected, const FigureModel& actual, double tolerance) {
  if (expected.size != actual.size) {
    return QStringLiteral("size %1x%2, now %3x%4")
        .arg(expected.size.width())
        .arg(expected.size.height())
        .arg(actual.size.width())
        .arg(actual.size.height());
  }
  const auto describe = [](const FigureItem& item) {
    QStringList geo;
    for (double v : item.geo) geo << QString::number(v);
    return QStringLiteral("%1 [%2] %3%4")
        .arg(item.kind, geo.join(QLatin1Char(',')), item.inks.join(QLatin1Char(' ')),
             item.text.isNull() ? QString() : QStringLiteral(" \"%1\"").arg(item.text));
  };
  const int n = static_cast<int>(std::min(expected.items.size(), actual.items.size()));
  for (int i = 0; i < n; ++i) {
    const FigureItem& a = expected.items[i];
    const FigureItem& b = actual.items[i];
    bool same = a.kind == b.kind && a.inks == b.inks && a.text == b.text && a.geo.size() == b.geo.size();
    for (int k = 0; same && k < a.geo.size(); ++k) same = std::abs(a.geo[k] - b.geo[k]) <= tolerance;
    if (!same) return QStringLiteral("item %1: was %2, now %3").arg(i).arg(describe(a), describe(b));
  }
  if (expected.items.size() != actual.items.size()) {
    return QStringLiteral("%1 items, now %2 (first extra: %3)")
        .arg(expected.items.size())
        .arg(actual.items.size())
        .arg(describe(expected.items.size() > actual.items.size() ? expected.items[n] : actual.items[n]));
  }
  return {};
}

// ---- the canvas ----

FigureCanvas::FigureCanvas(QPainter& painter, const StagePalette& palette, Colours colours, FigureModel* model)
    : painter_(painter), palette_(palette), colours_(colours), model_(model) {
  painter_.setRenderHint(QPainter::Antialiasing);
}

QColor FigureCanvas::colour(Ink ink) const {
  if (ink.tone == Tone::None) return Qt::transparent;
  if (colours_ == Colours::Placeholders) return QColor(ink_placeholder(ink));
  return ink_colour(ink, palette_);
}

QPen FigureCanvas::pen(Ink ink, double width, Qt::PenStyle style) const {
  if (ink.tone == Tone::None) return Qt::NoPen;
  QPen p(colour(ink), width, style);
  p.setJoinStyle(Qt::RoundJoin);
  return p;
}

void FigureCanvas::record(const QString& kind, QVector<double> geo, QStringList inks, const QString& text) {
  if (!model_) return;
  for (double& v : geo) v = round1(v);
  model_->items.append({kind, geo, inks, text});
}

void FigureCanvas::rect(const QRectF& r0, Ink fill, Ink stroke, double width, double radius, Qt::PenStyle style) {
  const QRectF r = r0.translated(origin_);
  painter_.setPen(pen(stroke, width, style));
  painter_.setBrush(fill.tone == Tone::None ? QBrush(Qt::NoBrush) : QBrush(colour(fill)));
  if (radius > 0) {
    painter_.drawRoundedRect(r, radius, radius);
  } else {
    painter_.drawRect(r);
  }
  record(QStringLiteral("rect"), {r.x(), r.y(), r.width(), r.height(), radius, stroke.tone == Tone::None ? 0 : width},
         {ink_name(fill), ink_name(stroke)});
}

void FigureCanvas::line(QPointF a, QPointF b, Ink stroke, double width, Qt::PenStyle style) {
  a += origin_;
  b += origin_;
  QPen p = pen(stroke, width, style);
  p.setCapStyle(Qt::FlatCap);
  painter_.setPen(p);
  painter_.drawLine(a, b);
  record(QStringLiteral("line"), {a.x(), a.y(), b.x(), b.y(), width}, {ink_name(stroke)});
}

void FigureCanvas::polyline(const QPolygonF& points, Ink stroke, double width) {
  const QPolygonF moved = points.translated(origin_);
  painter_.setPen(pen(stroke, width));
  painter_.setBrush(Qt::NoBrush);
  painter_.drawPolyline(moved);
  QVector<double> geo;
  for (const QPointF& q : moved) geo << q.x() << q.y();
  record(QStringLiteral("polyline"), geo, {ink_name(stroke)});
}

void FigureCanvas::polygon(const QPolygonF& points, Ink fill, Ink stroke, double width) {
  const QPolygonF moved = points.translated(origin_);
  painter_.setPen(pen(stroke, width));
  painter_.setBrush(fill.tone == Tone::None ? QBrush(Qt::NoBrush) : QBrush(colour(fill)));
  painter_.drawPolygon(moved);
  QVector<double> geo;
  for (const QPointF& q : moved) geo << q.x() << q.y();
  record(QStringLiteral("polygon"), geo, {ink_name(fill), ink_name(stroke)});
}

void FigureCanvas::ellipse(QPointF centre, double rx, double ry, Ink fill, Ink stroke, double width,
                           Qt::PenStyle style) {
  centre += origin_;
  painter_.setPen(pen(stroke, width, style));
  painter_.setBrush(fill.tone == Tone::None ? QBrush(Qt::NoBrush) : QBrush(colour(fill)));
  painter_.drawEllipse(centre, rx, ry);
  record(QStringLiteral("ellipse"), {centre.x(), centre.y(), rx, ry}, {ink_name(fill), ink_name(stroke)});
}

void FigureCanvas::arrow(QPointF from, QPointF to, Ink stroke, double width, double head) {
  const QPointF d = to - from;
  const double length = std::hypot(d.x(), d.y());
  if (length < 1e-6) return;
  const QPointF unit = d / length;
  const QPointF normal(-unit.y(), unit.x());
  // The shaft stops where the head starts, so a thick line does not poke through its tip.
  line(from, to - unit * head * 0.8, stroke, width);
  polygon(QPolygonF({to, to - unit * head + normal * head * 0.5, to - unit * head - normal * head * 0.5}), stroke,
          Tone::None, 0);
}

void FigureCanvas::text(const QRectF& box0, int flags, const QString& text, Ink ink, double pixel_size, bool bold,
                        double min_pixel_size) {
  const QRectF box = box0.translated(origin_);
  QFont font(QStringLiteral("Sans Serif"));
  font.setStyleHint(QFont::SansSerif);
  font.setBold(bold);
  const auto set_size = [&](double px) { font.setPixelSize(std::max(1, static_cast<int>(std::lround(px)))); };
  set_size(pixel_size);
  QString shown = text;
  if (!(flags & (Qt::TextWordWrap | Qt::TextDontClip))) {
    for (double px = pixel_size;
         min_pixel_size > 0 && px > min_pixel_size && QFontMetricsF(font).horizontalAdvance(text) > box.width();) {
      px = std::max(min_pixel_size, px - 1);
      set_size(px);
    }
    shown = QFontMetricsF(font).elidedText(text, Qt::ElideRight, box.width());
  }
  painter_.setFont(font);
  painter_.setPen(colour(ink));
  painter_.drawText(box, flags, shown);
  record(QStringLiteral("text"), {box.x(), box.y(), box.width(), box.height(), pixel_size, bold ? 1.0 : 0.0},
         {ink_name(ink)}, text);
}

QByteArray figure_svg(const Figure& figure, FigureModel* model) {
  QBuffer buffer;
  buffer.open(QIODevice::WriteOnly);
  QSvgGenerator svg;
  svg.setOutputDevice(&buffer);
  svg.setSize(figure.size);
  svg.setViewBox(QRect(QPoint(0, 0), figure.size));
  svg.setTitle(figure.title);
  svg.setDescription(QStringLiteral("Drawn by ClusterScope from a simulation run (clusterscope-figures)."));
  if (model) {
    model->name = figure.name;
    model->size = QSizeF(figure.size);
    model->items.clear();
  }
  QPainter p;
  if (!p.begin(&svg)) return {};
  FigureCanvas canvas(p, normal_palette(), FigureCanvas::Colours::Placeholders, model);
  figure.paint(canvas);
  p.end();
  return buffer.data();
}

FigureModel figure_model(const Figure& figure) {
  FigureModel model;
  figure_svg(figure, &model);
  return model;
}

}  // namespace cs::ui
