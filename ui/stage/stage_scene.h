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
#include "stage/stage_geometry.h"
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
  // Where the normalised layout lands in the stage's pixels (see stage_geometry.h).
  Q_PROPERTY(double originX READ originX NOTIFY geometryChanged)
  Q_PROPERTY(double originY READ originY NOTIFY geometryChanged)
  Q_PROPERTY(double scaleX READ scaleX NOTIFY geometryChanged)
  Q_PROPERTY(double scaleY READ scaleY NOTIFY geometryChanged)
  Q_PROPERTY(double cardFit READ cardFit NOTIFY geometryChanged)

 public:
  StageScene(RunController* run, StageTheme* theme, QObject* parent = nullptr);

  NodeListModel* nodes() { return &nodes_; }
  TokenListModel* tokens() { return &tokens_; }
  const TokenListModel* tokens() const { return &tokens_; }
  LinkListModel* links() { return &links_; }
  QVariantList regions() const;  // [{name, x, y, width, height, fill, border, textColor}], in pixels
  // [{label, color, shape, textColor}]: the message kinds this scenario's model sends, and the
  // roles and states its nodes have shown in this run.
  QVariantList legend() const;
  const QString& description() const { return description_; }
  QString viewKind() const;
  const StageSnapshot& snapshot() const { return snapshot_; }
  // The model's ring, shards and topology in the current frame (empty if the model has none).
  const model::ModelViewData& viewData() const;

  double originX() const { return geometry_.origin_x; }
  double originY() const { return geometry_.origin_y; }
  double scaleX() const { return geometry_.scale_x; }
  double scaleY() const { return geometry_.scale_y; }
  double cardFit() const { return geometry_.fit; }
  const StageGeometry& geometry() const { return geometry_; }
  // The stage's size in pixels and the strip at its bottom kept for the legend and the clock.
  Q_INVOKABLE void setStageSize(double width_px, double height_px, double bottom_px);

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
  void geometryChanged();

 private:
  void rebuild();
  // Adds the roles and states the nodes show now to the legend's list; true if any was new.
  bool note_looks();
  // Fits the layout to the stage again if the size or the nodes' places changed (or `force`); the
  // caller updates the links and announces the frame.
  void refit(bool force);
  // The links QML draws: those that do not pass under a card they do not join.
  QVector<LinkItem> visibleLinks() const;

  RunController* run_;
  NodeListModel nodes_;
  TokenListModel tokens_;
  LinkListModel links_;
  StageSnapshot snapshot_;
  StageGeometry geometry_;
  double stage_width_px_ = 800;
  double stage_height_px_ = 600;
  double stage_bottom_px_ = 0;
  // What the last fit was made for: node places and card scales.
  QVector<QPointF> fitted_places_;
  QVector<double> fitted_scales_;
  int fitted_links_ = -1;
  // What the legend lists: (role, status) pairs seen on a card since the scenario was loaded.
  QVector<QPair<int, int>> seen_looks_;
  QString description_;
  bool advanced_hidden_ = false;
};

}  // namespace cs::ui
