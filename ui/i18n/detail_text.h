#pragma once
// The one-line details the simulation's models write on node cards ("follows n2, token 3") come
// from the core in English. The window translates them by shape: node names (n1, n2...), numbers
// and {sets} become placeholders ("follows %1, token %2"), the shape is looked up in the
// translation (context "ProtocolDetail") and the values go back in. A "label: detail" whose label
// is scenario content ("blue (current DB): primary, token 2") keeps its label.
#include <QString>
#include <QStringList>

namespace cs::ui {

// English, or a detail in the interface's language; unchanged where no translation is known.
QString translated_detail(const QString& detail);
// "follows n2, token 3" -> "follows %1, token %2", with {"n2", "3"} in `values`.
QString detail_shape(const QString& detail, QStringList* values);
// Every shape the built-in models write (kept complete by a test that runs every scenario).
const QStringList& known_detail_shapes();

}  // namespace cs::ui
