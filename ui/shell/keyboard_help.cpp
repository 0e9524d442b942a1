#include "shell/keyboard_help.h"

#include <QAction>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <algorithm>

namespace cs::ui {

namespace {

struct KeyboardHelp {
  Q_DECLARE_TR_FUNCTIONS(KeyboardHelp)
};

QString plain(QString text) { return text.remove(QLatin1Char('&')).toHtmlEscaped(); }

void add_menu(QString& html, const QMenu& menu) {
  QString rows;
  for (const QAction* a : menu.actions()) {
    if (a->isSeparator() || a->text().isEmpty() || !a->isVisible()) continue;
    if (a->menu()) {
      add_menu(html, *a->menu());
      continue;
    }
    QStringList keys;
    for (const QKeySequence& k : a->shortcuts()) keys << k.toString(QKeySequence::NativeText).toHtmlEscaped();
    rows += QStringLiteral("<tr><td>%1</td><td><b>%2</b></td></tr>")
                .arg(plain(a->text()), keys.isEmpty() ? QStringLiteral("\u2014") : keys.join(QStringLiteral(", ")));
  }
  if (rows.isEmpty()) return;
  html +=
      QStringLiteral("<h3>%1</h3><table cellspacing=\"0\" cellpadding=\"3\">%2</table>").arg(plain(menu.title()), rows);
}

}  // namespace

QString keyboard_and_mouse_html(const QMainWindow& window) {
  QString html = QStringLiteral("<h2>%1</h2>").arg(KeyboardHelp::tr("Keyboard and mouse"));
  for (const QAction* a : window.menuBar()->actions()) {
    if (a->menu()) add_menu(html, *a->menu());
  }
  const QStringList mouse = {
      KeyboardHelp::tr("Click a node: choose it (the keys of the Node menu act on it)"),
      KeyboardHelp::tr("Ctrl+click nodes: select several, then G partitions them from the rest"),
      KeyboardHelp::tr("Right-click a node: its menu (crash, restart, isolate, pause, read, write...)"),
      KeyboardHelp::tr("Hover over a node: everything its card shows, in full"),
      KeyboardHelp::tr("Double-click a node: look inside it (its log, its data, its view of the cluster)"),
      KeyboardHelp::tr("Click a message (a moving dot): what it is and where it goes"),
      KeyboardHelp::tr("Shift+click a message, or right-click it: drop it"),
      KeyboardHelp::tr("Drag along the timeline: go back or forward in the run"),
      KeyboardHelp::tr("Ctrl+G: go to a time (12.5) or an event number (#1200)"),
      KeyboardHelp::tr("Edit > Undo (Ctrl+Z): take back your last action on the run"),
  };
  QString rows;
  for (const QString& m : mouse) rows += QStringLiteral("<li>%1</li>").arg(m.toHtmlEscaped());
  html += QStringLiteral("<h3>%1</h3><ul>%2</ul>").arg(KeyboardHelp::tr("Mouse"), rows);
  return html;
}

void show_keyboard_help(QMainWindow* window) {
  auto* dialog = new QDialog(window);
  dialog->setObjectName("keyboardHelp");
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->setWindowTitle(KeyboardHelp::tr("Keyboard and mouse"));
  auto* layout = new QVBoxLayout(dialog);
  auto* text = new QTextBrowser(dialog);
  text->setHtml(keyboard_and_mouse_html(*window));
  layout->addWidget(text);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
  QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
  layout->addWidget(buttons);
  dialog->resize(560, std::min(640, window->height() - 40));
  dialog->show();
}

}  // namespace cs::ui
