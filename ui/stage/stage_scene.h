#pragma once
// What the stage draws, rebuilt from each frame the run publishes: node cards, message tokens,
// links (list models for QML), regions, the legend and the one-sentence description. The scene
// adds the UI's part to the frame (layout, words, colours) and decides nothing about the run.
#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QVariantList>

#include "model/view_data.h"
#include "stage/link_list_model.h"
#include "stage/node_list_model.h"
#include "stage/stage_snapshot.h"
#include "stage/token_list_model.h"

namespace cs::ui {

class RunController;
class StageTheme;

class StageScene : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_UNCREATABLE("Created by the application")
  Q_PROPERTY(cs::ui::NodeListModel* nodes READ nodes CONSTANT)
  Q_PROPERTY(cs::ui::TokenListModel* tokens READ tokens CONSTANT)
  Q_PROPERTY(cs::ui::LinkListModel* links READ links CONSTANT)
  Q_PROPERTY(QVariantList regions READ regions NOTIFY regionsChanged)
  Q_PROPERTY(QVariantList legend READ legend NOTIFY legendChanged)
  Q_PROPERTY(QString description READ description NOTIFY descriptionChanged)
  Q_PROPERTY(QString viewKind READ viewKind NOTIFY viewKindChanged)

 public:
  StageScene(RunController* run, StageTheme* theme, QObject* parent = nullptr);

  NodeListModel* nodes() { return &nodes_; }
  TokenListModel* tokens() { return &tokens_; }
  LinkListModel* links() { return &links_; }
  QVariantList regions() const;  // [{name, x, y, width, height, fill, border, textColor}], normalised
  QVariantList legend() const;   // [{label, color, shape, textColor}]
  const QString& description() const { return description_; }
  QString viewKind() const;
  const StageSnapshot& snapshot() const { return snapshot_; }
  // The model's ring, shards and topology in the current frame (empty if the model has none).
  const model::ModelViewData& viewData() const;

  // Teacher mode: cards without term, log, commit and lag.
  void setAdvancedHidden(bool hidden);
  bool advancedHidden() const { return advanced_hidden_; }
  void setHighlighted(const QStringList& names) { nodes_.setHighlighted(names); }

 signals:
  void updated();  // the snapshot and the models show the newest frame
  void regionsChanged();
  void legendChanged();
  void descriptionChanged();
  void viewKindChanged();

 private:
  void rebuild();

  RunController* run_;
  NodeListModel nodes_;
  TokenListModel tokens_;
  LinkListModel links_;
  StageSnapshot snapshot_;
  QString description_;
  bool advanced_hidden_ = false;
};

}  // namespace cs::ui
