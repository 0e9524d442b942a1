#include "i18n/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace cs::ui {

namespace {
const char* const kLanguageKey = "view/language";

struct Installed {
  QString code = QStringLiteral("en");
  QTranslator* app = nullptr;
  QTranslator* qt = nullptr;
};

Installed& installed() {
  static Installed state;
  return state;
}

void remove_translator(QTranslator*& t) {
  if (!t) return;
  QCoreApplication::removeTranslator(t);
  delete t;
  t = nullptr;
}
}  // namespace

QList<Language> available_languages() {
  return {{QStringLiteral("en"), QStringLiteral("English")}, {QStringLiteral("de"), QStringLiteral("Deutsch")}};
}

QString preferred_language() {
  const QString saved = QSettings().value(kLanguageKey).toString();
  const QString wanted = saved.isEmpty() ? QLocale::system().name().section(QLatin1Char('_'), 0, 0) : saved;
  for (const Language& l : available_languages()) {
    if (l.code == wanted) return wanted;
  }
  return QStringLiteral("en");
}

void save_language(const QString& code) { QSettings().setValue(kLanguageKey, code); }

bool install_language(const QString& code) {
  bool known = false;
  for (const Language& l : available_languages()) known = known || l.code == code;
  if (!known) return false;
  Installed& state = installed();
  remove_translator(state.app);
  remove_translator(state.qt);
  state.code = code;
  if (code == QLatin1String("en")) return true;  // the source strings are English
  state.app = new QTranslator;
  if (!state.app->load(QStringLiteral(":/i18n/clusterscope_%1.qm").arg(code))) {
    remove_translator(state.app);
    state.code = QStringLiteral("en");
    return false;
  }
  QCoreApplication::installTranslator(state.app);
  // Qt's own strings (dialog buttons, context menus of text fields) where the system has them.
  state.qt = new QTranslator;
  if (state.qt->load(QLocale(code), QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
    QCoreApplication::installTranslator(state.qt);
  } else {
    remove_translator(state.qt);
  }
  return true;
}

QString current_language() { return installed().code; }

}  // namespace cs::ui
