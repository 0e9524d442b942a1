// One node: its name, role (as a word, a colour, and a star for a leader), health, and a compact
// line of term, log and commit positions. Rings show keyboard focus and selection.
import QtQuick

Rectangle {
    id: card

    required property string name
    required property string role
    required property string status
    required property string label
    required property string summary
    required property color fill
    required property bool highlighted
    required property bool focused
    required property bool selected
    required property real cardScale
    required property color textColor
    required property color ringColor
    required property color focusColor
    required property bool animated
    // The share of its size the stage can give the card (see stage_geometry.h).
    property real fit: 1
    readonly property real sizeScale: card.cardScale * card.fit

    // Not in the cluster (a spare, or removed): faded, so members stand out; the label says it too.
    opacity: card.status === "removed" ? 0.55 : 1
    width: 116 * card.sizeScale
    height: 76 * card.sizeScale
    radius: 10
    color: card.fill
    border.width: card.highlighted ? 5 : 2 * card.sizeScale
    border.color: card.highlighted ? "#000000" : Qt.darker(card.fill, 1.6)

    Behavior on color {
        enabled: card.animated
        ColorAnimation {
            duration: 250
        }
    }

    // Keyboard focus: a blue ring outside the card.
    Rectangle {
        visible: card.focused
        anchors.fill: parent
        anchors.margins: -6
        radius: 14
        color: "transparent"
        border.width: 3
        border.color: card.focusColor
    }

    // Selected for a partition: a dashed-looking double ring and a tick.
    Rectangle {
        visible: card.selected
        anchors.fill: parent
        anchors.margins: -11
        radius: 18
        color: "transparent"
        border.width: 2
        border.color: card.ringColor
    }

    Text {
        visible: card.selected
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: 3
        text: "\u2714"
        font.pixelSize: 14
        color: card.textColor
    }

    Text {
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.top: parent.top
        anchors.topMargin: 4
        width: parent.width - 8
        horizontalAlignment: Text.AlignHCenter
        // Long names shrink to fit the card rather than spill over its neighbours.
        fontSizeMode: Text.HorizontalFit
        minimumPixelSize: 9
        color: card.textColor
        font.pixelSize: 18 * card.sizeScale
        font.bold: true
        text: (card.role === "leader" || card.role === "primary" ? "\u2605 " : "") + card.name
    }

    Text {
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.verticalCenter: parent.verticalCenter
        anchors.verticalCenterOffset: 6 * card.sizeScale
        width: parent.width - 8
        horizontalAlignment: Text.AlignHCenter
        fontSizeMode: Text.HorizontalFit
        minimumPixelSize: 8
        // On a card too small for two lines only the name stays; the tooltip has the rest.
        visible: card.sizeScale >= 0.45
        color: card.textColor
        font.pixelSize: 13 * card.sizeScale
        font.bold: card.status !== "up"
        text: card.status === "up" ? card.label : card.label.toUpperCase()
    }

    Text {
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: 4
        width: parent.width - 8
        horizontalAlignment: Text.AlignHCenter
        elide: Text.ElideRight
        // Too small to read on a crowded stage: the tooltip shows it (and everything else).
        visible: card.sizeScale >= 0.6
        color: card.textColor
        font.pixelSize: 10 * card.sizeScale
        text: card.summary
    }
}
