#include "i18n/detail_text.h"

#include <QCoreApplication>

namespace cs::ui {

namespace {

// The message ids the models write, marked for lupdate. A model that writes a new one adds it here
// (test_translation names any that are missing), then update_translations and a translation.
const char* const kShapes[] = {
    QT_TRANSLATE_NOOP("ProtocolDetail", "%1 conflicts"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "%1 hints"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "%1 writes wait for acks"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "%1: %2 columns, %3 rows, %4 KB"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "Accept(%1) sent"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "DCS: leader key %1, TTL %2 s"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "DCS: no leader key"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "MySQL site; parts answered: %1"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "Oracle site; parts answered: %1"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "PostgreSQL site; parts answered: %1"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "Prepare(%1), %2 promises"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "SQL Server site; parts answered: %1"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "app server + cache: %1 keys cached, %2% hits"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "application server: %1 requests"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "applied %1, %2 behind"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "backup (object storage, off site): copy of %1 s"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "backup (object storage, off site): empty"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "backup (tape, same site): copy of %1 s"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "backup (tape, same site): empty"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "candidate for epoch %1"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "candidate, %1 of %2 votes"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "cart %1: {%2}"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "chosen value %1"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "client: stores no data, %1 answers"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "database: %1 keys"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "database: %1 reads, %2 queries running"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "database: %1/%2 connections, %3 running on %4 cores"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "directory: %1 keys"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "follows %1"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "follows %1, token %2"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "key %1 = %2"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "key %1: %2 items"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "key %1: %2 siblings"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "leader of term %1"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "lease expired: read-only"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "middleware: splits, translates, merges; %1 translations"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "moving a chunk"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "new node, joined: knows %1 members"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "new node, not a member yet"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "new server: waiting for a copy"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "no leader key: racing for it"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "no leader known"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "no primary known"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "off-site storage: never sent a copy"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "peer: %1 members, new node unknown"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "peer: knows the new node (%1 members)"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "pooler (PgBouncer): %1/%2 server connections busy, %3 clients waiting"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "powered off the old primary; waiting for confirmation"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "presentation (browser): %1 answers"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "primary"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "primary, holds the leader key"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "primary, token %1"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "primary, token %1, draining"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "production database (disk)"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "promised %1"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "promised %1, accepted %2"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "replica of s%1: %2 rows"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "replicates from %1"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "restoring from the off-site copy: %1%"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "restoring from the on-site copy: %1%"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "router"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "server: %1 keys, %2 requests"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "shard s%1: %2 rows"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "shared storage, highest token %1"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "spare"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "suspects %1"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "suspects the leader"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "suspects the primary"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "witness, sees %1, token %2"),
};

}  // namespace

QString detail_text(const sim::Detail& detail, const QStringList& node_names) {
  QStringList parts;
  for (const sim::DetailPart& part : detail.parts) {
    QString text = QCoreApplication::translate("ProtocolDetail", part.id);
    for (const sim::DetailArg& a : part.args) {
      switch (a.kind) {
        case sim::DetailArg::Kind::Integer: text = text.arg(a.integer); break;
        case sim::DetailArg::Kind::Decimal: text = text.arg(a.decimal, 0, 'f', a.decimals); break;
        case sim::DetailArg::Kind::Node: {
          const auto id = static_cast<qsizetype>(a.integer);
          text = text.arg(id < node_names.size() ? node_names[id] : QStringLiteral("n%1").arg(id + 1));
          break;
        }
        case sim::DetailArg::Kind::Text: text = text.arg(QString::fromStdString(a.text)); break;
      }
    }
    parts << text;
  }
  const QString body = parts.join(QStringLiteral(", "));
  if (detail.label.empty()) return body;
  const QString label = QString::fromStdString(detail.label);
  return body.isEmpty() ? label : label + QStringLiteral(": ") + body;
}

const QStringList& known_detail_shapes() {
  static const QStringList shapes = [] {
    QStringList out;
    for (const char* s : kShapes) out << QString::fromUtf8(s);
    return out;
  }();
  return shapes;
}

}  // namespace cs::ui
