#pragma once
// The interface language. English is built in; every other language is a compiled translation
// (resources/translations/clusterscope_<code>.ts, compiled into :/i18n) loaded at run time.
// The choice is kept in the settings; without one, the system's language is used if there is a
// translation for it.
#include <QList>
#include <QString>

namespace cs::ui {

struct Language {
  QString code;         // "en", "de"
  QString native_name;  // as its speakers write it: "English", "Deutsch"
};

QList<Language> available_languages();
// The saved choice, or the system's language when a translation for it exists, else "en".
QString preferred_language();
void save_language(const QString& code);
// Installs the translation for `code` into the application, replacing any earlier one (Qt's own
// dialog buttons too, where the system has Qt's translations). Returns false for an unknown code.
bool install_language(const QString& code);
QString current_language();

}  // namespace cs::ui
