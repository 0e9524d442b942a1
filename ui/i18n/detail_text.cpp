#include "i18n/detail_text.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

#include "i18n/language.h"

namespace cs::ui {

namespace {

// The shapes, marked for lupdate. A model that writes a new kind of detail adds its shape here
// (test_translation names any that are missing), then update_translations and a translation.
const char* const kShapes[] = {
    QT_TRANSLATE_NOOP("ProtocolDetail", "%1 columns, %2 rows, %3 KB"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "%1 writes wait for acks"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "Accept(%1) sent"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "DCS: leader key %1, TTL %2 s"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "DCS: no leader key"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "MySQL site; parts answered: %1"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "Oracle site; parts answered: %1"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "PostgreSQL site; parts answered: %1"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "Prepare(%1), %2 promises"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "app server + cache: %1 keys cached, %2% hits"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "application server: %1 requests"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "applied %1, %2 behind"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "backup (object storage, off site): copy of %1 s"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "backup (object storage, off site): empty"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "backup (tape, same site): copy of %1 s"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "backup (tape, same site): empty"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "candidate for epoch %1"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "candidate, %1 of %2 votes"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "cart %1: %2"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "chosen value %1"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "client: stores no data, %1 answers"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "database: %1 keys"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "database: %1 reads, %2 queries running"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "database: %1/%2 connections, %3 running on %4 cores"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "directory: %1 keys"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "follows %1"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "follows %1, token %2"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "key %1 = %2"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "key %1 = %2, %3 conflicts"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "key %1 = %2, %3 hints"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "key %1: %2 items"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "key %1: %2 items, %3 conflicts"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "key %1: %2 siblings, %3 conflicts"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "leader of term %1"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "middleware: splits, translates, merges; %1 translations"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "new node, joined: knows %1 members"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "new node, not a member yet"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "new server: waiting for a copy"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "no leader key: racing for it"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "no leader known"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "no primary known"),
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
    QT_TRANSLATE_NOOP("ProtocolDetail", "shard s%1: %2 rows, moving a chunk"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "shared storage, highest token %1"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "spare"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "suspects %1"),
    QT_TRANSLATE_NOOP("ProtocolDetail", "witness, sees %1, token %2"),
};

constexpr qsizetype kMaxCached = 4096;  // details repeat from frame to frame; bound the cache

QString translate_whole(const QString& detail) {
  QStringList values;
  const QString shape = detail_shape(detail, &values);
  const QByteArray key = shape.toUtf8();
  const QString translated = QCoreApplication::translate("ProtocolDetail", key.constData());
  if (translated == shape) return {};  // no translation for this shape
  QString out = translated;
  for (const QString& v : values) out = out.arg(v);
  return out;
}

}  // namespace

QString detail_shape(const QString& detail, QStringList* values) {
  static const QRegularExpression token(QStringLiteral("\\bn\\d+\\b|\\{[^}]*\\}|-?\\d+(?:\\.\\d+)?"));
  QString shape;
  qsizetype last = 0;
  int n = 0;
  for (auto it = token.globalMatch(detail); it.hasNext();) {
    const auto m = it.next();
    shape += detail.mid(last, m.capturedStart() - last);
    shape += QLatin1Char('%') + QString::number(++n);
    if (values) values->append(m.captured());
    last = m.capturedEnd();
  }
  shape += detail.mid(last);
  return shape;
}

QString translated_detail(const QString& detail) {
  if (detail.isEmpty() || current_language() == QLatin1String("en")) return detail;
  static QHash<QString, QString> cache;
  static QString cached_language;
  if (cached_language != current_language() || cache.size() >= kMaxCached) {
    cache.clear();
    cached_language = current_language();
  }
  if (const auto it = cache.constFind(detail); it != cache.constEnd()) return *it;
  QString out = translate_whole(detail);
  if (out.isEmpty()) {
    // "label: detail", where the label names the node in the scenario's own words.
    const qsizetype colon = detail.indexOf(QLatin1String(": "));
    const QString rest = colon > 0 ? translate_whole(detail.mid(colon + 2)) : QString();
    out = rest.isEmpty() ? detail : detail.left(colon + 2) + rest;
  }
  cache.insert(detail, out);
  return out;
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
