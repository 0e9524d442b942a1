#include "stage/cluster_description.h"

#include <QCoreApplication>
#include <QStringList>
#include <map>

namespace cs::ui {

namespace {

// The translation context of the description (lupdate reads ClusterDescription::tr calls).
struct ClusterDescription {
  Q_DECLARE_TR_FUNCTIONS(ClusterDescription)
};

// "1 node" / "5 nodes": a singular and a plural form, each marked for translation where it is
// written (QT_TRANSLATE_NOOP), since German and English plurals have the same two forms.
QString count(int n, const char* one, const char* many) { return ClusterDescription::tr(n == 1 ? one : many).arg(n); }

// "n1", "n1 and n2", "n1, n2 and n3"
QString list(const QStringList& names) {
  if (names.size() <= 1) return names.join(QString());
  return QStringList(names.mid(0, names.size() - 1)).join(QStringLiteral(", ")) + ClusterDescription::tr(" and ") +
         names.last();
}

}  // namespace

QString describe_cluster(const run::Frame& frame, const StageSnapshot& s) {
  QStringList parts;
  QStringList outside;  // spares and removed nodes: not counted as members
  for (const NodeItem& n : s.nodes) {
    if (n.status == QLatin1String("removed")) outside << n.name;
  }
  parts << count(static_cast<int>(s.nodes.size() - outside.size()), QT_TRANSLATE_NOOP("ClusterDescription", "%1 node"),
                 QT_TRANSLATE_NOOP("ClusterDescription", "%1 nodes"));
  if (!outside.isEmpty()) parts << ClusterDescription::tr("%1 outside the cluster").arg(list(outside));
  QStringList leaders, down, paused, suspects;
  for (const NodeItem& n : s.nodes) {
    if (n.status == QLatin1String("crashed")) down << n.name;
    if (n.status == QLatin1String("paused")) paused << n.name;
    if (n.status != QLatin1String("up")) continue;
    if (n.role == QLatin1String("leader") || n.role == QLatin1String("primary")) {
      leaders << (n.term > 0 ? ClusterDescription::tr("%1 is %2 in term %3").arg(n.name, n.label).arg(n.term)
                             : ClusterDescription::tr("%1 is %2").arg(n.name, n.label));
    }
    if (n.role == QLatin1String("suspect")) suspects << n.name;
  }
  // "No leader" is news only where there are leaders: in a run where one has served so far.
  if (leaders.isEmpty() && frame.has_led) {
    parts << ClusterDescription::tr("no leader");
  } else {
    parts << leaders;
  }
  if (!down.isEmpty()) parts << ClusterDescription::tr("%1 crashed").arg(list(down));
  if (!paused.isEmpty()) parts << ClusterDescription::tr("%1 paused").arg(list(paused));
  if (!suspects.isEmpty()) parts << ClusterDescription::tr("%1 suspect the leader").arg(list(suspects));
  // Partitions: group nodes by their partition group; isolated nodes are their own group.
  const sim::Cuts& cuts = frame.cuts;
  std::map<int, QStringList> groups;
  QStringList isolated;
  for (int i = 0; i < s.nodes.size(); ++i) {
    const auto id = static_cast<sim::EndpointId>(i);
    if (s.nodes[i].status == QLatin1String("removed")) continue;
    if (cuts.isolated[id] != 0) {
      isolated << s.nodes[i].name;
    } else {
      groups[cuts.group[id]] << s.nodes[i].name;
    }
  }
  if (groups.size() > 1) {
    QStringList sides;
    for (const auto& [group, names] : groups) sides << list(names);
    parts << ClusterDescription::tr("a partition separates %1 from %2")
                 .arg(sides.first(), QStringList(sides.mid(1)).join(ClusterDescription::tr(" and from ")));
  }
  if (!isolated.isEmpty()) parts << ClusterDescription::tr("%1 cut off from every other node").arg(list(isolated));
  if (!cuts.one_way.empty()) {
    parts << count(static_cast<int>(cuts.one_way.size()), QT_TRANSLATE_NOOP("ClusterDescription", "%1 one-way cut"),
                   QT_TRANSLATE_NOOP("ClusterDescription", "%1 one-way cuts"));
  }
  parts << count(static_cast<int>(frame.tokens.size()), QT_TRANSLATE_NOOP("ClusterDescription", "%1 message in flight"),
                 QT_TRANSLATE_NOOP("ClusterDescription", "%1 messages in flight"));
  return parts.join(QStringLiteral("; ")) + '.';
}

}  // namespace cs::ui
