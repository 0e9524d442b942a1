// What the shapes and colours on the stage mean (entries come from the C++ palette).
import QtQuick

Row {
    id: legend

    property var entries: []

    spacing: 14

    Repeater {
        model: legend.entries
        delegate: Row {
            id: entry

            required property var modelData

            spacing: 5

            Rectangle {
                width: 12
                height: 12
                anchors.verticalCenter: parent.verticalCenter
                radius: entry.modelData.shape === "circle" ? 6 : (entry.modelData.shape === "diamond" ? 0 : 3)
                rotation: entry.modelData.shape === "diamond" ? 45 : 0
                color: entry.modelData.color
                border.width: 1
                border.color: Qt.darker(entry.modelData.color, 1.5)
            }

            Text {
                text: entry.modelData.label
                color: entry.modelData.textColor
                font.pixelSize: 12
            }
        }
    }
}
