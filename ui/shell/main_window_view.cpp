// MainWindow's View menu and what it drives: projector and presentation modes, zoom, blanking,
// appearance (light, dark, the system's), language, hiding advanced details, and the state a
// rebuild of the window (on a change of language) carries over.
#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QEvent>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <cmath>

#include "i18n/language.h"
#include "panels/event_log.h"
#include "panels/history_panel.h"
#include "panels/sequence_diagram.h"
#include "progress/course_session.h"
#include "shell/course_navigator.h"
#include "shell/lesson_pane.h"
#include "shell/lesson_view.h"
#include "shell/main_window.h"
#include "shell/narration_panel.h"
#include "stage/stage_controller.h"
#include "theme/palette.h"

namespace cs::ui {

void MainWindow::buildClassroomActions(QMenu* view) {
  QAction* projector = view->addAction(tr("&Projector mode"));
  projector->setObjectName("projectorAction");
  projector->setCheckable(true);
  projector->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
  connect(projector, &QAction::toggled, this, &MainWindow::setProjectorMode);
  QAction* presentation = view->addAction(tr("P&resentation mode (text and stage only)"));
  presentation->setObjectName("presentationAction");
  presentation->setCheckable(true);
  presentation->setShortcut(Qt::Key_F11);
  connect(presentation, &QAction::toggled, this, &MainWindow::setPresentationMode);
  view->addSeparator();
  view->addAction(tr("Zoom &in"), QKeySequence::ZoomIn, this, [this] { zoomText(1); });
  view->addAction(tr("Zoom &out"), QKeySequence::ZoomOut, this, [this] { zoomText(-1); });
  view->addAction(tr("&Actual size"), QKeySequence(Qt::CTRL | Qt::Key_0), this, [this] { zoomText(0); });
  QAction* blank = view->addAction(tr("&Blank the screen"));
  blank->setShortcuts({QKeySequence(Qt::Key_B), QKeySequence(Qt::Key_Period)});
  connect(blank, &QAction::triggered, this, [this] { setBlanked(!blanked()); });
  view->addSeparator();
  // Presenter keys, as clickers send them: next and previous narration step.
  QAction* next = view->addAction(tr("&Next narration step"));
  next->setShortcut(QKeySequence(Qt::Key_PageDown));
  connect(next, &QAction::triggered, narration_, &NarrationPanel::next);
  QAction* previous = view->addAction(tr("Pre&vious narration step"));
  previous->setShortcut(QKeySequence(Qt::Key_PageUp));
  connect(previous, &QAction::triggered, narration_, &NarrationPanel::previous);
  view->addSeparator();
}

bool MainWindow::projectorMode() const { return controller_->theme()->projector(); }

void MainWindow::setProjectorMode(bool on) {
  apply_appearance(appearance_, on);  // projected light always gets the light scheme
  controller_->theme()->setProjector(on);
  controller_->theme()->paletteUpdated();
  if (auto* a = findChild<QAction*>("projectorAction")) {
    const QSignalBlocker block(a);
    a->setChecked(on);
  }
  if (!screenshot_mode_) QSettings().setValue(QStringLiteral("view/projector"), on);
  zoomText(text_zoom_);  // re-applies the type scale at the current zoom
  sequence_->update();
  history_->update();
  if (session_) navigator_->setProgress(course_, session_->progress(), session_->teacherMode());
  if (current_lesson_ >= 0) {
    // Lesson links take their colour from the palette when the text is laid out.
    const int scroll = lesson_pane_->scrollPosition();
    showLesson(current_lesson_);
    lesson_pane_->setScrollPosition(scroll);
  }
}

void MainWindow::setAppearance(Appearance appearance) {
  appearance_ = appearance;
  if (!screenshot_mode_) save_appearance(appearance);
  setProjectorMode(projectorMode());
  const char* names[] = {"appearanceSystem", "appearanceLight", "appearanceDark"};
  if (auto* a = findChild<QAction*>(names[static_cast<int>(appearance)])) {
    const QSignalBlocker block(a);
    a->setChecked(true);
  }
}

void MainWindow::buildAppearanceMenu(QMenu* view) {
  QMenu* menu = view->addMenu(tr("&Appearance"));
  auto* group = new QActionGroup(this);
  const auto add = [&](const QString& text, const char* name, Appearance appearance) {
    QAction* a = menu->addAction(text);
    a->setObjectName(name);
    a->setCheckable(true);
    a->setChecked(appearance == appearance_);
    group->addAction(a);
    connect(a, &QAction::triggered, this, [this, appearance] { setAppearance(appearance); });
  };
  add(tr("Follow the &system"), "appearanceSystem", Appearance::System);
  add(tr("&Light"), "appearanceLight", Appearance::Light);
  add(tr("&Dark"), "appearanceDark", Appearance::Dark);
}

void MainWindow::buildLanguageMenu(QMenu* view) {
  QMenu* menu = view->addMenu(tr("&Language"));
  menu->setObjectName("languageMenu");
  auto* group = new QActionGroup(this);
  for (const Language& l : available_languages()) {
    QAction* a = menu->addAction(l.native_name);
    a->setObjectName("language_" + l.code);
    a->setCheckable(true);
    a->setChecked(l.code == current_language());
    group->addAction(a);
    connect(a, &QAction::triggered, this, [this, code = l.code] {
      if (code == current_language()) return;
      if (!install_language(code)) {
        showStatus(tr("The translation for %1 could not be loaded.").arg(code));
        return;
      }
      if (!screenshot_mode_) save_language(code);
      emit languageChosen(code);
    });
  }
}

bool MainWindow::advancedHidden() const { return controller_->scene()->advancedHidden(); }

void MainWindow::setAdvancedHidden(bool hidden) {
  controller_->scene()->setAdvancedHidden(hidden);
  if (auto* tabs = qobject_cast<QTabWidget*>(panels_)) {
    for (QWidget* advanced :
         {static_cast<QWidget*>(sequence_), static_cast<QWidget*>(event_log_), static_cast<QWidget*>(history_)}) {
      tabs->setTabVisible(tabs->indexOf(advanced), !hidden);
    }
  }
  for (QAction* a : advanced_actions_) a->setVisible(!hidden);
  if (auto* a = findChild<QAction*>("hideAdvancedAction")) {
    const QSignalBlocker block(a);
    a->setChecked(hidden);
  }
  if (!screenshot_mode_) QSettings().setValue(kHideAdvancedKey, hidden);
}

WindowState MainWindow::captureState() const {
  WindowState state;
  if (controller_->run()->hasRun()) {
    state.run = controller_->run()->savedRun();
    state.has_run = true;
    state.seed = controller_->run()->seed();
    state.time_us = controller_->run()->timeUs();
  }
  state.speed = controller_->run()->speed();
  state.lesson = current_lesson_;
  state.scroll = lesson_pane_->scrollPosition();
  state.text_zoom = text_zoom_;
  state.presentation = presentation_;
  state.geometry = saveGeometry();
  return state;
}

void MainWindow::restoreState(const WindowState& state) {
  if (state.has_run && controller_->run()->loadScenario(state.run, state.seed))
    controller_->run()->seekUs(state.time_us);
  if (state.speed > 0) controller_->run()->setSpeed(state.speed);
  if (state.lesson >= 0) {
    showLesson(state.lesson);
    lesson_pane_->setScrollPosition(state.scroll);
  }
  zoomText(0);
  zoomText(state.text_zoom);
  if (!state.geometry.isEmpty()) restoreGeometry(state.geometry);
  if (state.presentation) setPresentationMode(true);
}

void MainWindow::setPresentationMode(bool on) {
  presentation_ = on;
  navigator_->setVisible(!on);
  panels_->setVisible(!on);
  menuBar()->setVisible(!on);
  statusBar()->setVisible(!on);
  // A clicker's Left/Right then step the narration instead of moving between nodes.
  for (QAction* a : arrow_actions_) a->setEnabled(!on);
  if (auto* next = findChild<QAction*>("presenterNext")) next->setEnabled(on);
  if (auto* previous = findChild<QAction*>("presenterPrevious")) previous->setEnabled(on);
  if (auto* a = findChild<QAction*>("presentationAction")) {
    const QSignalBlocker block(a);
    a->setChecked(on);
  }
  if (!screenshot_mode_) {
    if (on) {
      showFullScreen();
    } else {
      showNormal();
    }
  }
}

void MainWindow::zoomText(int steps) {
  // steps: +1 / -1 change the zoom by one notch; 0 goes back to the actual size.
  text_zoom_ = steps == 0 ? 0 : std::clamp(text_zoom_ + steps, -4, 12);
  QFont base = QApplication::font();  // the system's font size is the starting point
  const double scale = stage_palette().type_scale * std::pow(1.12, text_zoom_);
  base.setPointSizeF(base.pointSizeF() * 1.1 * scale);
  lesson_pane_->view()->setFont(base);
  lesson_pane_->view()->document()->setDefaultFont(base);
  lesson_pane_->refit();
}

void MainWindow::setBlanked(bool on) {
  if (!blank_) {
    blank_ = new QWidget(this);
    blank_->setObjectName("blankScreen");
    blank_->setAutoFillBackground(true);
    QPalette black = blank_->palette();
    black.setColor(QPalette::Window, Qt::black);
    blank_->setPalette(black);
    blank_->setAccessibleName(tr("Screen blanked; press any key"));
    blank_->installEventFilter(this);
    blank_->setFocusPolicy(Qt::StrongFocus);
  }
  if (on) {
    blank_->setGeometry(rect());
    blank_->raise();
    blank_->show();
    blank_->setFocus();
    controller_->run()->setPlaying(false);
  } else {
    blank_->hide();
  }
}

bool MainWindow::blanked() const { return blank_ && !blank_->isHidden(); }

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
  // Any key or click brings a blanked screen back.
  if (watched == blank_ && (event->type() == QEvent::KeyPress || event->type() == QEvent::MouseButtonPress)) {
    setBlanked(false);
    return true;
  }
  return QMainWindow::eventFilter(watched, event);
}

}  // namespace cs::ui
