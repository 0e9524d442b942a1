#include "shell/classroom_modes.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>
#include <cmath>

#include "i18n/language.h"
#include "shell/challenge_panel.h"
#include "shell/course_navigator.h"
#include "shell/lesson_pane.h"
#include "shell/lesson_view.h"
#include "shell/narration_panel.h"
#include "shell/node_menu.h"
#include "stage/stage_controller.h"
#include "theme/palette.h"

namespace cs::ui {

ClassroomModes::ClassroomModes(const Parts& parts, Appearance appearance, bool persist, QObject* parent)
    : QObject(parent), parts_(parts), appearance_(appearance), persist_(persist) {
  // Presenter Left/Right: active in presentation mode only (they move between nodes otherwise).
  presenter_next_ = new QAction(parts_.window);
  presenter_next_->setObjectName("presenterNext");
  presenter_next_->setShortcut(Qt::Key_Right);
  presenter_next_->setEnabled(false);
  connect(presenter_next_, &QAction::triggered, parts_.narration, &NarrationPanel::next);
  presenter_previous_ = new QAction(parts_.window);
  presenter_previous_->setObjectName("presenterPrevious");
  presenter_previous_->setShortcut(Qt::Key_Left);
  presenter_previous_->setEnabled(false);
  connect(presenter_previous_, &QAction::triggered, parts_.narration, &NarrationPanel::previous);
  parts_.window->addActions({presenter_next_, presenter_previous_});
}

void ClassroomModes::buildMenu(QMenu* view) {
  QAction* projector = view->addAction(tr("&Projector mode"));
  projector->setObjectName("projectorAction");
  projector->setCheckable(true);
  projector->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
  connect(projector, &QAction::toggled, this, &ClassroomModes::setProjectorMode);
  QAction* presentation = view->addAction(tr("P&resentation mode (text and stage only)"));
  presentation->setObjectName("presentationAction");
  presentation->setCheckable(true);
  presentation->setShortcut(Qt::Key_F11);
  connect(presentation, &QAction::toggled, this, &ClassroomModes::setPresentationMode);
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
  connect(next, &QAction::triggered, parts_.narration, &NarrationPanel::next);
  QAction* previous = view->addAction(tr("Pre&vious narration step"));
  previous->setShortcut(QKeySequence(Qt::Key_PageUp));
  connect(previous, &QAction::triggered, parts_.narration, &NarrationPanel::previous);
  view->addSeparator();
  QAction* hide_advanced = view->addAction(tr("&Hide advanced details"));
  hide_advanced->setObjectName("hideAdvancedAction");
  hide_advanced->setCheckable(true);
  connect(hide_advanced, &QAction::toggled, this, &ClassroomModes::setAdvancedHidden);
  view->addSeparator();
  buildAppearanceMenu(view);
  buildLanguageMenu(view);
}

bool ClassroomModes::projectorMode() const { return parts_.stage->theme()->projector(); }

void ClassroomModes::setProjectorMode(bool on) {
  apply_appearance(appearance_, on);  // projected light always gets the light scheme
  parts_.stage->theme()->setProjector(on);
  parts_.stage->theme()->paletteUpdated();
  if (auto* a = parts_.window->findChild<QAction*>("projectorAction")) {
    const QSignalBlocker block(a);
    a->setChecked(on);
  }
  if (persist_) QSettings().setValue(QStringLiteral("view/projector"), on);
  zoomText(text_zoom_);  // re-applies the type scale at the current zoom
  emit paletteChanged();
}

void ClassroomModes::setAppearance(Appearance appearance) {
  appearance_ = appearance;
  if (persist_) save_appearance(appearance);
  setProjectorMode(projectorMode());
  const char* names[] = {"appearanceSystem", "appearanceLight", "appearanceDark"};
  if (auto* a = parts_.window->findChild<QAction*>(names[static_cast<int>(appearance)])) {
    const QSignalBlocker block(a);
    a->setChecked(true);
  }
}

void ClassroomModes::buildAppearanceMenu(QMenu* view) {
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

void ClassroomModes::buildLanguageMenu(QMenu* view) {
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
        emit status(tr("The translation for %1 could not be loaded.").arg(code));
        return;
      }
      if (persist_) save_language(code);
      emit languageChosen(code);
    });
  }
}

bool ClassroomModes::advancedHidden() const { return parts_.stage->scene()->advancedHidden(); }

void ClassroomModes::setAdvancedHidden(bool hidden) {
  parts_.stage->scene()->setAdvancedHidden(hidden);
  for (QWidget* advanced : parts_.advanced_panels) {
    parts_.panels->setTabVisible(parts_.panels->indexOf(advanced), !hidden);
  }
  for (QAction* a : parts_.node_menu->advancedActions()) a->setVisible(!hidden);
  if (auto* a = parts_.window->findChild<QAction*>("hideAdvancedAction")) {
    const QSignalBlocker block(a);
    a->setChecked(hidden);
  }
  if (persist_) QSettings().setValue(kHideAdvancedKey, hidden);
}

void ClassroomModes::setPresentationMode(bool on) {
  if (on == presentation_) return;
  presentation_ = on;
  zoomText(text_zoom_);  // the narration grows in presentation mode
  // The lesson list comes back only if it was shown before.
  if (on) navigator_was_shown_ = !parts_.navigator->isHidden();
  parts_.navigator->setVisible(!on && navigator_was_shown_);
  parts_.panels->setVisible(!on);
  parts_.window->menuBar()->setVisible(!on);
  parts_.window->statusBar()->setVisible(!on);
  // A clicker's Left/Right then step the narration instead of moving between nodes.
  for (QAction* a : parts_.node_menu->arrowActions()) a->setEnabled(!on);
  presenter_next_->setEnabled(on);
  presenter_previous_->setEnabled(on);
  if (auto* a = parts_.window->findChild<QAction*>("presentationAction")) {
    const QSignalBlocker block(a);
    a->setChecked(on);
  }
  if (persist_) {
    if (on) {
      parts_.window->showFullScreen();
    } else {
      parts_.window->showNormal();
    }
  }
}

void ClassroomModes::zoomText(int steps) {
  text_zoom_ = steps == 0 ? 0 : std::clamp(text_zoom_ + steps, -4, 12);
  QFont base = QApplication::font();  // the system's font size is the starting point
  const double scale = stage_palette().type_scale * std::pow(1.12, text_zoom_);
  base.setPointSizeF(base.pointSizeF() * 1.1 * scale);
  // The reader stays at the same words while the text reflows at the new size.
  const int reading = parts_.lesson->readingPosition();
  parts_.lesson->view()->setFont(base);
  parts_.lesson->view()->document()->setDefaultFont(base);
  parts_.lesson->refit();
  parts_.lesson->scrollToReadingPosition(reading);
  // The narration above the stage is read from the back of a classroom: at least 24 px in
  // projector and presentation modes.
  const double narration_scale = (projectorMode() || presentation_) ? kClassroomNarrationScale : 1.0;
  const int narration_px = static_cast<int>(std::lround(kNarrationPx * narration_scale * std::pow(1.12, text_zoom_)));
  parts_.narration->setTextPixelSize(narration_px);
  // A challenge's goal panel takes the narration's place and its size.
  if (parts_.challenge) parts_.challenge->setTextPixelSize(narration_scale > 1.0 ? narration_px : 0);
}

void ClassroomModes::setBlanked(bool on) {
  if (!blank_) {
    blank_ = new QWidget(parts_.window);
    blank_->setObjectName("blankScreen");
    blank_->setAutoFillBackground(true);
    QPalette black = blank_->palette();
    black.setColor(QPalette::Window, Qt::black);
    blank_->setPalette(black);
    blank_->setAccessibleName(tr("Screen blanked; press any key"));
    blank_->installEventFilter(this);
    blank_->setFocusPolicy(Qt::StrongFocus);
    // Black to the class, but whoever is at the keyboard sees how to come back.
    auto* hint = new QLabel(tr("Screen blanked. Press any key or click to come back."), blank_);
    hint->setObjectName("blankHint");
    QPalette grey = hint->palette();
    grey.setColor(QPalette::WindowText, QColor(0x60, 0x60, 0x60));
    hint->setPalette(grey);
    auto* layout = new QVBoxLayout(blank_);
    layout->addStretch(1);
    layout->addWidget(hint, 0, Qt::AlignHCenter);
    layout->setContentsMargins(0, 0, 0, 24);
  }
  if (on) {
    blank_->setGeometry(parts_.window->rect());
    blank_->raise();
    blank_->show();
    blank_->setFocus();
    parts_.stage->run()->setPlaying(false);
  } else {
    blank_->hide();
  }
}

bool ClassroomModes::blanked() const { return blank_ && !blank_->isHidden(); }

bool ClassroomModes::eventFilter(QObject* watched, QEvent* event) {
  // Any key or click brings a blanked screen back.
  if (watched == blank_ && (event->type() == QEvent::KeyPress || event->type() == QEvent::MouseButtonPress)) {
    setBlanked(false);
    return true;
  }
  return QObject::eventFilter(watched, event);
}

}  // namespace cs::ui
