// The stage: the cluster graph of the current run. It binds to the scene's models and draws;
// every position and colour comes from the C++ snapshot and geometry, every word from the scene
// or the run. It only reports its size (and the strip its legend needs) so that the geometry can
// fit the cluster into the room there is.
pragma ComponentBehavior: Bound

import QtQuick
import ClusterScope

Item {
    id: stage

    property StageController controller: null

    readonly property StageScene scene: stage.controller ? stage.controller.scene : null
    readonly property real typeScale: stage.controller ? stage.controller.theme.typeScale : 1
    readonly property bool clusterView: !stage.controller || stage.controller.scene.viewKind === "cluster"
    readonly property real originX: stage.scene ? stage.scene.originX : 0
    readonly property real originY: stage.scene ? stage.scene.originY : 0
    readonly property real scaleX: stage.scene ? stage.scene.scaleX : stage.width
    readonly property real scaleY: stage.scene ? stage.scene.scaleY : stage.height

    function reportSize() {
        if (stage.scene)
            stage.scene.setStageSize(stage.width, stage.height, bottomStrip.height + 10);
    }

    onWidthChanged: stage.reportSize()
    onHeightChanged: stage.reportSize()
    onSceneChanged: stage.reportSize()

    // The background, regions and links: one image, repainted only when they change.
    BackdropLayer {
        anchors.fill: parent
        scene: stage.scene
        background: stage.controller ? stage.controller.theme.backgroundColor : "#f7f8fa"
        typeScale: stage.typeScale
        showCluster: stage.clusterView
    }

    ShardLayer {
        anchors.fill: parent
        visible: !stage.clusterView
        kind: stage.controller ? stage.controller.scene.viewKind : "ring"
        scene: stage.controller ? stage.controller.scene : null
    }

    Repeater {
        model: stage.controller && stage.clusterView ? stage.controller.scene.nodes : null
        delegate: NodeCard {
            required property real px
            required property real py
            fit: stage.scene ? stage.scene.cardFit : 1
            x: stage.originX + px * stage.scaleX - width / 2
            y: stage.originY + py * stage.scaleY - height / 2
        }
    }

    TokenLayer {
        anchors.fill: parent
        visible: stage.clusterView
        scene: stage.controller ? stage.controller.scene : null
    }

    // Clicks go to the selection, which knows where everything is: a node's card always wins over
    // a message drawn on it, and a message is dropped only with Shift. (The right button is left to
    // the widget around the stage, which opens the node's or the message's menu.)
    MouseArea {
        anchors.fill: parent
        onClicked: mouse => {
            if (stage.controller)
                stage.controller.selection.clickAt(mouse.x, mouse.y, (mouse.modifiers & Qt.ControlModifier) !== 0, false,
                                                   (mouse.modifiers & Qt.ShiftModifier) !== 0);
        }
        onDoubleClicked: mouse => {
            if (stage.controller)
                stage.controller.selection.doubleClickAt(mouse.x, mouse.y);
        }
    }

    // The strip below the cluster: what the shapes and colours mean, and the simulated clock.
    Item {
        id: bottomStrip

        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: 10
        height: Math.max(legend.visible ? legend.height : 0, clock.height)
        onHeightChanged: stage.reportSize()

        Legend {
            id: legend

            objectName: "stageLegend"
            visible: stage.clusterView
            width: Math.max(0, parent.width - clock.width - 16)
            anchors.left: parent.left
            anchors.bottom: parent.bottom
            // Projector type on a small stage would bury the cluster under the legend.
            typeScale: stage.height >= 400 ? stage.typeScale : Math.min(stage.typeScale, 1)
            entries: stage.controller ? stage.controller.scene.legend : []
        }

        Text {
            id: clock

            objectName: "stageClock"
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            color: stage.controller ? stage.controller.theme.textColor : "#1f2328"
            font.pixelSize: 15 * stage.typeScale
            font.family: "monospace"
            text: stage.controller ? stage.controller.run.clockText : ""
        }
    }
}
