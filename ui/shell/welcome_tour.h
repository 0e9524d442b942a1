#pragma once
// The first-run welcome: a short tour over the window that frames one part at a time (the lesson,
// the stage, Play, a node) and says in a sentence what it is for and what to do with it. Skippable at any step (Esc),
// reopened from Help > Welcome tour. The window decides when to show it; the tour only walks through its steps.
#include <QPointer>
#include <QRect>
#include <QString>
#include <QWidget>
#include <functional>
#include <vector>

class QLabel;
class QPushButton;

namespace cs::ui {

class WelcomeTour : public QWidget {
  Q_OBJECT

 public:
  struct Step {
    QString title;
    QString text;
    // The part of the window to show, in the window's coordinates (empty: none).
    std::function<QRect()> target;
  };

  WelcomeTour(std::vector<Step> steps, QWidget* window);

  int currentStep() const { return current_; }
  int stepCount() const { return static_cast<int>(steps_.size()); }
  QString stepText() const;
  QRect targetRect() const;  // where the current step points, in the tour's coordinates

 public slots:
  void next();
  void back();
  void finish();

 signals:
  void finished();

 protected:
  void paintEvent(QPaintEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void show_step(int index);
  void place_bubble();

  std::vector<Step> steps_;
  int current_ = 0;
  QWidget* bubble_;
  QLabel* title_;
  QLabel* text_;
  QLabel* counter_;
  QPushButton* back_;
  QPushButton* next_;
  QPushButton* skip_;
};

}  // namespace cs::ui
