#pragma once
// The guided steps of a "Try it" run above the stage: the step's text, Previous and Next. Next and
// Previous move the run to the step's moment (if it has one), pause there and highlight what to
// watch; while the run plays (or is dragged along the timeline), the step follows it.
//
// A step can ask for a prediction first (course/prediction.h): the question and its options show
// instead of the step, the run pauses before the moment with the seed and the stage's actions
// locked; once the learner picks an option, the run plays to the moment and the panel says what
// happened, whether the prediction held and why, with the value computed from the run.
//
// Hovering over a glossary term in the step's text shows its definition (shell/glossary_dialog.h).
#include <QWidget>
#include <memory>
#include <optional>
#include <set>
#include <vector>

#include "course/course.h"
#include "course/prediction.h"

class QLabel;
class QPushButton;
class QScrollArea;

namespace cs::ui {

class GlossaryTerms;
class StageController;

class NarrationPanel : public QWidget {
  Q_OBJECT

 public:
  explicit NarrationPanel(StageController* controller, QWidget* parent = nullptr);

  void setSteps(const QString& title, std::vector<course::TryItStep> steps);
  // Without steps the panel shows the scenario's description.
  void setDescription(const QString& text);
  int currentStep() const { return current_; }
  int stepCount() const { return static_cast<int>(steps_.size()); }
  QString text() const;
  // The size of the step's text, in pixels (projector and presentation modes make it large).
  void setTextPixelSize(int px);
  // The open prediction's step (-1 if none), and choosing one of its options (as a click does).
  int openPrediction() const { return open_prediction_; }
  QStringList predictionOptions() const;
  void choosePrediction(int option);
  // The glossary whose terms the text defines on hover (null: none).
  void setGlossary(std::shared_ptr<const GlossaryTerms> glossary);
  // The glossary term under a point of the text (in the text label's coordinates; its index, or
  // -1; `area`, if given, receives where the term stands), and the text hovering there shows (empty
  // where there is no term).
  int termAt(const QPoint& text_pos, QRect* area = nullptr) const;
  QString termTipAt(const QPoint& text_pos) const;
  QLabel* textLabel() const { return text_; }

 signals:
  // A prediction was answered: the step's index and whether the learner's choice held.
  void predictionAnswered(int step, bool held);

 protected:
  void resizeEvent(QResizeEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;

 public slots:
  void next();
  void previous();

 private:
  void show_step(int index);
  // Opens the step's prediction (if it has one that is not answered yet); false otherwise.
  bool open_prediction(int index);
  void close_prediction();
  bool unanswered_prediction(int index) const;
  std::optional<course::Prediction> load(std::size_t index) const;
  // "You predicted ... In the run the value is ..., so the answer is ... Your prediction held. Why."
  QString verdict_text(const course::Prediction& p, int chosen, const QString& value, bool held) const;
  // The moment a step stands for: its own time, or else the latest earlier step's (0 if none).
  qint64 moment(int index) const;
  // Room for the longest text of this Try it at the current width, so that stepping through it
  // never changes the stage's size.
  void reserve_height();
  // The step the run's time has reached, when it moves by itself or by the timeline.
  void follow_run();

  StageController* controller_;
  QString title_;
  std::vector<course::TryItStep> steps_;
  int current_ = -1;
  QLabel* heading_;
  QLabel* text_;
  QScrollArea* scroll_;
  QPushButton* previous_;
  QPushButton* next_;
  QWidget* options_;  // the open prediction's option buttons
  std::set<int> answered_;
  int open_prediction_ = -1;
  std::optional<course::Prediction> prediction_;
  std::shared_ptr<const GlossaryTerms> glossary_;
};

}  // namespace cs::ui
