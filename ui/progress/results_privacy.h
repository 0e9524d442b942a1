#pragma once
// "Hide my results" for projecting (View menu, offered when projector mode is switched on): while
// it is on, every view of the learner's results keeps them off the screen: scores and "passed" in
// the lesson list, the course progress, the review queue, a quiz's verdict and answer marks,
// challenge results and solutions, and the completion certificate. Nothing stops being recorded:
// a quiz answered meanwhile is saved as always, its score just not shown ("Results are hidden").
// One switch for the whole application, remembered in the settings until the teacher turns it off;
// each view asks hidden() when it draws and redraws on changed().
#include <QObject>
#include <QString>

namespace cs::ui {

class ResultsPrivacy : public QObject {
  Q_OBJECT

 public:
  // The application's switch, made on first use with the state the settings remember.
  static ResultsPrivacy* instance();

  bool hidden() const { return hidden_; }
  // Saves the choice unless `persistent` was turned off (--screenshot runs).
  void setHidden(bool hidden);
  void setPersistent(bool persistent) { persistent_ = persistent; }

  // What a view says where a result would be.
  static QString hiddenText();

  static constexpr const char* kHideResultsKey = "projector/hideResults";  // a setting

 signals:
  void changed(bool hidden);

 private:
  explicit ResultsPrivacy(QObject* parent);

  bool hidden_ = false;
  bool persistent_ = true;
};

// Shorthand for the views: whether results are hidden now.
inline bool results_hidden() { return ResultsPrivacy::instance()->hidden(); }

}  // namespace cs::ui
