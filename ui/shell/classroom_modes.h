#pragma once
// The classroom's ways of showing the window, and the View menu that drives them: projector mode
// (a palette and type for projected light), presentation mode (text and stage only, full screen,
// presenter keys), lesson text zoom, blanking the screen, light or dark appearance, the interface
// language, and hiding advanced details for a class that should see the big picture.
#include <QList>
#include <QObject>

#include "theme/appearance.h"

class QAction;
class QMainWindow;
class QMenu;
class QTabWidget;
class QWidget;

namespace cs::ui {

class CourseNavigator;
class LessonPane;
class NarrationPanel;
class ChallengePanel;
class NodeMenu;
class StageController;

class ClassroomModes : public QObject {
  Q_OBJECT

 public:
  struct Parts {
    QMainWindow* window = nullptr;
    StageController* stage = nullptr;
    LessonPane* lesson = nullptr;
    CourseNavigator* navigator = nullptr;
    NarrationPanel* narration = nullptr;
    ChallengePanel* challenge = nullptr;
    NodeMenu* node_menu = nullptr;
    QTabWidget* panels = nullptr;
    QList<QWidget*> advanced_panels;  // tabs hidden with the advanced details
  };
  // `persist`: remember the choices in the settings (not for --screenshot).
  ClassroomModes(const Parts& parts, Appearance appearance, bool persist, QObject* parent);

  // Adds the classroom entries to the View menu (and the presenter keys to the window).
  void buildMenu(QMenu* view);

  void setProjectorMode(bool on);
  bool projectorMode() const;
  void setPresentationMode(bool on);
  bool presentationMode() const { return presentation_; }
  void zoomText(int steps);  // +1 / -1 one notch; 0 resets
  int textZoom() const { return text_zoom_; }
  void setBlanked(bool on);
  bool blanked() const;
  void setAppearance(Appearance appearance);
  Appearance appearance() const { return appearance_; }
  void setAdvancedHidden(bool hidden);
  bool advancedHidden() const;

  static constexpr const char* kHideAdvancedKey = "view/hideAdvanced";  // a setting
  // The narration's text size at zoom 0, and how much larger it is for a classroom (24 px or more).
  static constexpr double kNarrationPx = 15;
  static constexpr double kClassroomNarrationScale = 1.65;

 signals:
  // The palette changed: text laid out in the old one (the lesson, the navigator) needs redoing.
  void paletteChanged();
  // The learner chose another interface language (already saved and installed).
  void languageChosen(const QString& code);
  void status(const QString& message);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void buildAppearanceMenu(QMenu* view);
  void buildLanguageMenu(QMenu* view);

  Parts parts_;
  Appearance appearance_;
  bool persist_;
  bool presentation_ = false;
  bool navigator_was_shown_ = true;
  int text_zoom_ = 0;
  QWidget* blank_ = nullptr;
  QAction* presenter_next_ = nullptr;
  QAction* presenter_previous_ = nullptr;
};

}  // namespace cs::ui
