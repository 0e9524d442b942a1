// The sequence diagram's text stays readable where the panel is small (about 550x170 px in a
// 1280x720 window), large, and in projector mode: no label on top of another or outside the
// panel, the caption below every arrow, and the clients drawn as a lane of their own.
#include <QDir>
#include <QHelpEvent>
#include <QImage>
#include <QPainter>
#include <QToolTip>
#include <QtQml/QQmlExtensionPlugin>
#include <QtTest>

#include "window_test_support.h"

#include "panels/sequence_diagram.h"
#include "stage/stage_controller.h"
#include "theme/palette.h"

Q_IMPORT_QML_PLUGIN(ClusterScopePlugin)

using cs::ui::SequenceDiagram;

namespace {

// raft-5 has three clients. At 2.1 s n1 and the leader n2 are cut off from the rest, n1 crashes,
// n4 is isolated and n5's clock is skewed, all at once: four labels that want the same place, and
// an election (role changes) follows in the majority while the old leader's messages are dropped.
void busy_raft(cs::ui::StageController& c) {
  QString error;
  QVERIFY2(c.run()->loadScenario("raft-5", &error), qPrintable(error));
  c.run()->seekUs(2'100'000);
  QVERIFY(c.actions()->partition({0, 1}));
  c.actions()->crashOrRestart(0);
  c.actions()->isolate(3);
  c.actions()->skewClock(4);
  c.run()->seekUs(2'500'000);
}

// split-brain-unfenced: four clients write through the node nearest to them; the link between
// the data centres is cut at 3 s (its timeline), and here n2 crashes just after. The clients on
// each side go on writing and getting replies.
void split_brain(cs::ui::StageController& c) {
  QString error;
  QVERIFY2(c.run()->loadScenario("split-brain-unfenced", &error), qPrintable(error));
  c.run()->seekUs(3'050'000);
  c.actions()->crashOrRestart(1);
  c.run()->seekUs(3'200'000);
}

// Later in the same run: the West has promoted n3 while n1 still leads in the East, so both
// sides answer their clients; n2 crashes just before.
void split_brain_later(cs::ui::StageController& c) {
  QString error;
  QVERIFY2(c.run()->loadScenario("split-brain-unfenced", &error), qPrintable(error));
  c.run()->seekUs(7'000'000);
  c.actions()->crashOrRestart(1);
  c.run()->seekUs(7'200'000);
}

void load(cs::ui::StageController& c, const QString& moment) {
  if (moment == "raft") {
    busy_raft(c);
  } else {
    split_brain(c);
  }
}

SequenceDiagram::Layout paint_at(SequenceDiagram& diagram, QSize size, const QString& png_name = {}) {
  QImage image(size, QImage::Format_ARGB32);
  QPainter p(&image);
  diagram.paint(p, size);
  p.end();
  // Set CS_SEQUENCE_PNG_DIR to look at what the test checked.
  const QString dir = qEnvironmentVariable("CS_SEQUENCE_PNG_DIR");
  if (!dir.isEmpty() && !png_name.isEmpty()) image.save(QDir(dir).filePath(png_name));
  return diagram.lastLayout();
}

bool crosses(const QLineF& line, const QRectF& box) {
  if (box.contains(line.p1()) || box.contains(line.p2())) return true;
  const QLineF edges[] = {{box.topLeft(), box.topRight()},
                          {box.topRight(), box.bottomRight()},
                          {box.bottomRight(), box.bottomLeft()},
                          {box.bottomLeft(), box.topLeft()}};
  for (const QLineF& edge : edges) {
    if (line.intersects(edge, nullptr) == QLineF::BoundedIntersection) return true;
  }
  return false;
}

QString describe(const SequenceDiagram::Label& label) {
  const QRectF& r = label.rect;
  return QString("\"%1\" at %2,%3 %4x%5").arg(label.text).arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height());
}

// Everything the readability rules hold for at any size.
void check_readable(const SequenceDiagram::Layout& layout, QSize size) {
  const QRectF widget(QPointF(0, 0), QSizeF(size));
  QVector<SequenceDiagram::Label> texts = layout.labels;
  texts.push_back(layout.caption);
  QVERIFY(!layout.caption.text.isEmpty());
  for (qsizetype i = 0; i < texts.size(); ++i) {
    QVERIFY2(widget.contains(texts[i].rect), qPrintable(describe(texts[i]) + " is outside the panel"));
    QVERIFY2(texts[i].rect.height() > 0, qPrintable(describe(texts[i])));
    for (qsizetype j = i + 1; j < texts.size(); ++j) {
      QVERIFY2(!texts[i].rect.intersects(texts[j].rect),
               qPrintable(describe(texts[i]) + " overlaps " + describe(texts[j])));
    }
  }
  for (const auto& mark : layout.marks) QVERIFY(widget.contains(mark.rect));
  // Arrow heads and drop crosses reach a few pixels past the line's end.
  const QRectF caption_area = layout.caption.rect.adjusted(-5, -5, 5, 5);
  for (const auto& arrow : layout.arrows) {
    QVERIFY2(!crosses(arrow.line, caption_area), "an arrow runs under the caption");
    QVERIFY(layout.plot.contains(arrow.line.p1()) && layout.plot.contains(arrow.line.p2()));
  }
}

}  // namespace

class TestSequenceLabels : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { test::isolate_settings(); }
  void cleanup() { cs::ui::use_projector_palette(false); }

  void labelsStayApartAndInside_data() {
    QTest::addColumn<QString>("moment");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("projector");
    for (const QString moment : {"raft", "split-brain"}) {
      const auto row = [&](const char* name) -> QTestData& {
        return QTest::newRow(qPrintable(moment + " " + name)) << moment;
      };
      row("laptop panel 550x170") << QSize(550, 170) << false;
      row("desk panel 1200x300") << QSize(1200, 300) << false;
      row("projector 550x170") << QSize(550, 170) << true;
      row("projector 1200x300") << QSize(1200, 300) << true;
      row("narrow 260x160") << QSize(260, 160) << false;
    }
  }

  void labelsStayApartAndInside() {
    QFETCH(QString, moment);
    QFETCH(QSize, size);
    QFETCH(bool, projector);
    cs::ui::use_projector_palette(projector);
    cs::ui::StageController c;
    SequenceDiagram diagram(c.run());
    load(c, moment);
    const auto layout = paint_at(diagram, size,
                                 QString("sequence-%1-%2x%3%4.png")
                                     .arg(moment)
                                     .arg(size.width())
                                     .arg(size.height())
                                     .arg(projector ? "-projector" : ""));
    const auto drawn = diagram.lastDrawn();
    QCOMPARE(drawn.lanes, moment == "raft" ? 5 : 4);
    QVERIFY(drawn.arrows > 10);
    QVERIFY(drawn.drops > 0);
    QVERIFY(drawn.labels >= (moment == "raft" ? 4 : 2));  // the faults at least
    check_readable(layout, size);
    // Event labels stay in the plot, clear of the lane headers; every event is either a label
    // with its words or a mark with a tooltip, never lost.
    qsizetype event_labels = 0;
    for (const auto& label : layout.labels) {
      const bool header = label.rect.bottom() <= layout.plot.top();
      QVERIFY2(header || layout.plot.contains(label.rect), qPrintable(describe(label)));
      if (!header) ++event_labels;
    }
    QCOMPARE(event_labels + layout.marks.size(), qsizetype(drawn.labels));
  }

  void eventLabelsKeepTheirWordsWhereThereIsRoom() {
    cs::ui::StageController c;
    SequenceDiagram diagram(c.run());
    busy_raft(c);
    const auto layout = paint_at(diagram, {1200, 300});
    QVERIFY(layout.marks.isEmpty());
    QStringList words;
    for (const auto& label : layout.labels) words << label.text;
    for (const char* fault : {"crash", "partition", "isolate", "clock skew"}) {
      QVERIFY2(words.contains(fault), qPrintable(words.join(", ")));
    }
  }

  void projectorModeEnlargesTheText() {
    cs::ui::StageController c;
    SequenceDiagram diagram(c.run());
    busy_raft(c);
    const double normal = paint_at(diagram, {550, 170}).caption.rect.height();
    cs::ui::use_projector_palette(true);
    const double projected = paint_at(diagram, {550, 170}).caption.rect.height();
    QVERIFY2(projected >= normal * 1.2, qPrintable(QString("%1 vs %2").arg(projected).arg(normal)));
  }

  void lanesShowNameAndRoleTogether() {
    cs::ui::StageController c;
    SequenceDiagram diagram(c.run());
    QVERIFY(c.run()->loadScenario("raft-5", nullptr));
    c.run()->seekUs(1'500'000);
    const auto layout = paint_at(diagram, {1200, 300}, "sequence-quiet-1200x300.png");
    QStringList headers;
    for (const auto& label : layout.labels) {
      if (label.rect.bottom() <= layout.plot.top()) headers << label.text;
    }
    QVERIFY2(headers.contains(QString::fromUtf8("n2 · leader")), qPrintable(headers.join(" | ")));
    QVERIFY2(headers.contains(QString::fromUtf8("n1 · follower")), qPrintable(headers.join(" | ")));
  }

  void narrowLanesShortenTheirNamesWithATooltip() {
    cs::ui::StageController c;
    SequenceDiagram diagram(c.run());
    QVERIFY(c.run()->loadScenario("raft-5", nullptr));
    c.run()->seekUs(1'500'000);
    diagram.resize(200, 160);
    diagram.grab();  // paints it at its own size, as the screen would
    const auto& layout = diagram.lastLayout();
    const SequenceDiagram::Label* shortened = nullptr;
    for (const auto& label : layout.labels) {
      if (label.text != label.full_text && label.full_text.startsWith("n2")) shortened = &label;
    }
    QVERIFY(shortened);
    QCOMPARE(shortened->full_text, QString::fromUtf8("n2 · leader"));
    const QPoint at = shortened->rect.center().toPoint();
    QHelpEvent help(QEvent::ToolTip, at, diagram.mapToGlobal(at));
    QApplication::sendEvent(&diagram, &help);
    QCOMPARE(QToolTip::text(), shortened->full_text);
    check_readable(layout, diagram.size());
  }

  void clientsHaveALaneTheirMessagesStartAndEndOn() {
    cs::ui::StageController c;
    SequenceDiagram diagram(c.run());
    split_brain_later(c);
    for (const QSize size : {QSize(550, 170), QSize(1200, 300)}) {
      const auto layout = paint_at(diagram, size, QString("sequence-clients-%1.png").arg(size.width()));
      QCOMPARE(diagram.lastDrawn().client_lanes, 1);
      const auto lane = std::find_if(layout.lanes.begin(), layout.lanes.end(), [](const auto& l) { return l.clients; });
      QVERIFY(lane != layout.lanes.end());
      QCOMPARE(lane->name, QString("clients"));
      // A lane of its own, not squeezed against the edge or onto a node's lane.
      for (const auto& other : layout.lanes) {
        if (!other.clients) QVERIFY(std::abs(other.x - lane->x) >= 30);
      }
      QVERIFY(lane->x >= 30);
      // The clients' messages in the window, counted from the trace itself.
      const auto figures = c.run()->figures();
      const qint64 from = figures->time_us - diagram.windowUs();
      const auto& world = c.run()->frame();
      int client_messages = 0;
      for (const auto& e : figures->events) {
        if (e.time_us >= from && e.type == cs::sim::TraceType::Send &&
            (!world.is_node(e.node) || !world.is_node(e.peer))) {
          ++client_messages;
        }
      }
      QVERIFY(client_messages > 0);
      int requests = 0, replies = 0, drawn_client_arrows = 0;
      for (const auto& arrow : layout.arrows) {
        if (arrow.from_client || arrow.to_client) ++drawn_client_arrows;
        if (arrow.from_client) {
          QCOMPARE(arrow.line.p1().x(), lane->x);
          ++requests;
        }
        if (arrow.to_client && arrow.arrived) {
          QCOMPARE(arrow.line.p2().x(), lane->x);
          ++replies;
        }
      }
      QCOMPARE(drawn_client_arrows, client_messages);
      QVERIFY(requests > 0);
      QVERIFY(replies > 0);
    }
  }

  void noClientLaneWithoutClients() {
    cs::ui::StageController c;
    SequenceDiagram diagram(c.run());
    QVERIFY(c.run()->loadScenario("cluster-heartbeat", nullptr));
    c.run()->seekUs(600'000);
    const auto layout = paint_at(diagram, {550, 170});
    QCOMPARE(diagram.lastDrawn().client_lanes, 0);
    QCOMPARE(layout.lanes.size(), 5);
  }
};

QTEST_MAIN(TestSequenceLabels)
#include "test_sequence_labels.moc"
