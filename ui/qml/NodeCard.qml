// One node: its name, its role as a word and as a colour, and its health. A leader also carries
// a star so that the role never depends on colour alone.
import QtQuick

Rectangle {
    id: card

    required property string name
    required property string role
    required property string status
    required property color fill
    required property bool highlighted
    required property int index

    width: 104
    height: 64
    radius: 10
    color: card.fill
    border.width: card.highlighted ? 5 : 2
    border.color: card.highlighted ? "#000000" : Qt.darker(card.fill, 1.6)

    Behavior on color {
        ColorAnimation {
            duration: 250
        }
    }

    Text {
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.top: parent.top
        anchors.topMargin: 6
        color: "#1f2328"
        font.pixelSize: 18
        font.bold: true
        text: (card.role === "leader" || card.role === "primary" ? "\u2605 " : "") + card.name
    }

    Text {
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: 7
        color: "#1f2328"
        font.pixelSize: 13
        text: card.status === "up" ? card.role : card.status
    }
}
