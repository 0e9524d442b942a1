#pragma once
// Help > Keyboard and mouse: every action the window offers with its keys (read from the menus
// themselves, so the page cannot fall behind them) and what the mouse does on the stage.
#include <QString>

class QMainWindow;
class QWidget;

namespace cs::ui {

// The page as HTML: one table per menu, then the mouse.
QString keyboard_and_mouse_html(const QMainWindow& window);
void show_keyboard_help(QMainWindow* window);

}  // namespace cs::ui
