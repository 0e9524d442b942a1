// A message in flight. Heartbeats are circles, acknowledgements diamonds, everything else a
// rounded square: shape and colour both tell the kind.
import QtQuick

Rectangle {
    id: token

    required property string messageClass
    required property color fill

    width: 14
    height: 14
    radius: token.messageClass === "heartbeat" ? 7 : (token.messageClass === "ack" ? 0 : 3)
    rotation: token.messageClass === "ack" ? 45 : 0
    color: token.fill
    border.width: 1
    border.color: Qt.darker(token.fill, 1.5)
}
