// The stage: the cluster graph of the current run. It binds to the scene's models and draws;
// every position and colour comes from the C++ snapshot, every word from the scene or the run.
import QtQuick
import ClusterScope

Rectangle {
    id: stage

    property StageController controller: null

    color: stage.controller ? stage.controller.theme.backgroundColor : "#f7f8fa"

    readonly property bool clusterView: !stage.controller || stage.controller.scene.viewKind === "cluster"

    ShardLayer {
        anchors.fill: parent
        visible: !stage.clusterView
        kind: stage.controller ? stage.controller.scene.viewKind : "ring"
        scene: stage.controller ? stage.controller.scene : null
    }

    // Regions (data centres) as labelled areas behind their nodes.
    Repeater {
        model: stage.controller && stage.clusterView ? stage.controller.scene.regions : []
        delegate: Rectangle {
            required property var modelData
            x: modelData.x * parent.width
            y: modelData.y * parent.height
            width: modelData.width * parent.width
            height: modelData.height * parent.height
            radius: 14
            color: modelData.fill
            border.width: 2
            border.color: modelData.border

            Text {
                anchors.left: parent.left
                anchors.top: parent.top
                anchors.margins: 8
                text: parent.modelData.name
                color: parent.modelData.textColor
                font.pixelSize: 13
                font.bold: true
            }
        }
    }

    Repeater {
        model: stage.controller && stage.clusterView ? stage.controller.scene.links : null
        delegate: LinkLine {
            required property real x1
            required property real y1
            required property real x2
            required property real y2
            required property bool cut
            // A Repeater's delegates are children of the stage, so parent is the stage.
            fromX: x1 * parent.width
            fromY: y1 * parent.height
            toX: x2 * parent.width
            toY: y2 * parent.height
            isCut: cut
        }
    }

    Repeater {
        model: stage.controller && stage.clusterView ? stage.controller.scene.nodes : null
        delegate: NodeCard {
            required property real px
            required property real py
            x: px * parent.width - width / 2
            y: py * parent.height - height / 2
        }
    }

    TokenLayer {
        anchors.fill: parent
        visible: stage.clusterView
        scene: stage.controller ? stage.controller.scene : null
    }

    // Clicks go to the selection, which knows where everything is. (The
    // right button is left to the widget around the stage, which opens the node's menu.)
    MouseArea {
        anchors.fill: parent
        onClicked: mouse => {
            if (stage.controller)
                stage.controller.selection.clickAt(mouse.x / stage.width, mouse.y / stage.height, stage.width, stage.height,
                                         (mouse.modifiers & Qt.ControlModifier) !== 0, false);
        }
    }

    Text {
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: 12
        color: stage.controller ? stage.controller.theme.textColor : "#1f2328"
        font.pixelSize: 15
        font.family: "monospace"
        text: stage.controller ? stage.controller.run.timeText : ""
    }

    Legend {
        visible: stage.clusterView
        entries: stage.controller ? stage.controller.scene.legend : []
        anchors.left: parent.left
        anchors.bottom: parent.bottom
        anchors.margins: 12
    }
}
