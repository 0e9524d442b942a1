// A network link between two nodes, drawn as a line; a cut link is dashed-looking and coloured,
// with a gap in the middle where the cut is.
import QtQuick

Item {
    id: link

    property real fromX
    property real fromY
    property real toX
    property real toY
    property bool isCut: false
    required property color stroke  // from the model, like the positions
    required property real strokeWidth

    readonly property real length: Math.sqrt((toX - fromX) * (toX - fromX) + (toY - fromY) * (toY - fromY))

    x: fromX
    y: fromY
    rotation: Math.atan2(toY - fromY, toX - fromX) * 180 / Math.PI
    transformOrigin: Item.TopLeft

    Rectangle {
        width: link.isCut ? link.length / 2 - 10 : link.length
        height: link.strokeWidth
        y: -height / 2
        color: link.stroke
    }

    Rectangle {
        visible: link.isCut
        x: link.length / 2 + 10
        width: link.length / 2 - 10
        height: link.strokeWidth
        y: -height / 2
        color: link.stroke
    }
}
