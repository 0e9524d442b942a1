// What the shapes and colours on the stage mean (entries come from the C++ scene: the roles,
// states and message kinds of the scenario on the stage). Wraps onto more lines when narrow.
pragma ComponentBehavior: Bound

import QtQuick

Flow {
    id: legend

    property var entries: []
    property real typeScale: 1

    spacing: 14 * legend.typeScale

    Repeater {
        model: legend.entries
        delegate: Row {
            id: entry

            required property var modelData

            spacing: 5 * legend.typeScale

            Rectangle {
                width: 12 * legend.typeScale
                height: 12 * legend.typeScale
                anchors.verticalCenter: parent.verticalCenter
                radius: entry.modelData.shape === "circle" ? 6 * legend.typeScale : (entry.modelData.shape === "diamond" ? 0 : 3)
                rotation: entry.modelData.shape === "diamond" ? 45 : 0
                color: entry.modelData.color
                border.width: 1
                border.color: Qt.darker(entry.modelData.color, 1.5)
            }

            Text {
                text: entry.modelData.label
                color: entry.modelData.textColor
                font.pixelSize: 12 * legend.typeScale
            }
        }
    }
}
