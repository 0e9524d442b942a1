<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de_DE">
<context>
    <name>ClassSession</name>
    <message>
        <source>Your teacher's note:</source>
        <translation>Notiz Ihrer Lehrkraft:</translation>
    </message>
</context>
<context>
    <name>ClusterDescription</name>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>%1 node</source>
        <translation>%1 Knoten</translation>
    </message>
    <message>
        <source>%1 nodes</source>
        <translation>%1 Knoten</translation>
    </message>
    <message>
        <source>%1 is %2 in term %3</source>
        <translation>%1 ist %2 in Term %3</translation>
    </message>
    <message>
        <source>%1 is %2</source>
        <translation>%1 ist %2</translation>
    </message>
    <message>
        <source>no leader</source>
        <translation>kein Leader</translation>
    </message>
    <message>
        <source>%1 crashed</source>
        <translation>%1 abgestürzt</translation>
    </message>
    <message>
        <source>%1 paused</source>
        <translation>%1 pausiert</translation>
    </message>
    <message>
        <source>%1 suspect the leader</source>
        <translation>%1 misstrauisch gegenüber dem Leader</translation>
    </message>
    <message>
        <source>a partition separates %1 from %2</source>
        <translation>eine Netzwerkpartition trennt %1 von %2</translation>
    </message>
    <message>
        <source> and from </source>
        <translation> und von </translation>
    </message>
    <message>
        <source>%1 cut off from every other node</source>
        <translation>%1 von allen anderen Knoten abgeschnitten</translation>
    </message>
    <message>
        <source>%1 one-way cut</source>
        <translation>%1 Einweg-Trennung</translation>
    </message>
    <message>
        <source>%1 one-way cuts</source>
        <translation>%1 Einweg-Trennungen</translation>
    </message>
    <message>
        <source>%1 message in flight</source>
        <translation>%1 Nachricht unterwegs</translation>
    </message>
    <message>
        <source>%1 messages in flight</source>
        <translation>%1 Nachrichten unterwegs</translation>
    </message>
    <message>
        <source>%1 outside the cluster</source>
        <translation>%1 außerhalb des Clusters</translation>
    </message>
</context>
<context>
    <name>CompletionText</name>
    <message>
        <source>not taken</source>
        <translation>nicht abgelegt</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 of %2 (%3%)</source>
        <translation>%1 von %2 (%3 %)</translation>
    </message>
    <message>
        <source>Introduction to Distributed Databases</source>
        <translation>Einführung in verteilte Datenbanken</translation>
    </message>
    <message>
        <source>Certificate of completion</source>
        <translation>Abschlusszertifikat</translation>
    </message>
    <message>
        <source>has completed the course</source>
        <translation>hat den Kurs abgeschlossen</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>noch nicht</translation>
    </message>
    <message>
        <source>Course completed on %1</source>
        <translation>Kurs abgeschlossen am %1</translation>
    </message>
    <message>
        <source>Final test: %1</source>
        <translation>Abschlusstest: %1</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Lektion</translation>
    </message>
    <message>
        <source>Quiz score</source>
        <translation>Quiz-Ergebnis</translation>
    </message>
    <message>
        <source>Challenges</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>Challenges met: %1 of %2</source>
        <translation>Gelöste Aufgaben: %1 von %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>ClusterScope: certificate of completion</source>
        <translation>ClusterScope: Abschlusszertifikat</translation>
    </message>
    <message>
        <source>nothing was drawn</source>
        <translation>es wurde nichts gezeichnet</translation>
    </message>
</context>
<context>
    <name>CoreTerms</name>
    <message>
        <source>node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>follower</source>
        <translation>Follower</translation>
    </message>
    <message>
        <source>candidate</source>
        <translation>Kandidat</translation>
    </message>
    <message>
        <source>leader</source>
        <translation>Leader</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>Primary</translation>
    </message>
    <message>
        <source>replica</source>
        <translation>Replikat</translation>
    </message>
    <message>
        <source>suspect</source>
        <translation>misstrauisch</translation>
    </message>
    <message>
        <source>up</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>crashed</source>
        <translation>abgestürzt</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>crash</source>
        <translation>Absturz</translation>
    </message>
    <message>
        <source>restart</source>
        <translation>Neustart</translation>
    </message>
    <message>
        <source>pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>isolate</source>
        <translation>Isolieren</translation>
    </message>
    <message>
        <source>partition</source>
        <translation>Partition</translation>
    </message>
    <message>
        <source>one-way cut</source>
        <translation>Einweg-Trennung</translation>
    </message>
    <message>
        <source>heal</source>
        <translation>Heilen</translation>
    </message>
    <message>
        <source>slow down</source>
        <translation>Verlangsamen</translation>
    </message>
    <message>
        <source>clock skew</source>
        <translation>Uhrenabweichung</translation>
    </message>
    <message>
        <source>clock drift</source>
        <translation>Uhrendrift</translation>
    </message>
    <message>
        <source>drop message</source>
        <translation>Nachricht verwerfen</translation>
    </message>
    <message>
        <source>client request</source>
        <translation>Client-Anfrage</translation>
    </message>
    <message>
        <source>send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>deliver</source>
        <translation>Zustellen</translation>
    </message>
    <message>
        <source>drop</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>timer</source>
        <translation>Timer</translation>
    </message>
    <message>
        <source>role change</source>
        <translation>Rollenwechsel</translation>
    </message>
    <message>
        <source>client reply</source>
        <translation>Client-Antwort</translation>
    </message>
    <message>
        <source>fault</source>
        <translation>Störung</translation>
    </message>
    <message>
        <source>lost on the link</source>
        <translation>auf der Leitung verloren</translation>
    </message>
    <message>
        <source>isolated</source>
        <translation>isoliert</translation>
    </message>
    <message>
        <source>receiver down</source>
        <translation>Empfänger ausgefallen</translation>
    </message>
    <message>
        <source>inbox full</source>
        <translation>Eingang voll</translation>
    </message>
    <message>
        <source>dropped by you</source>
        <translation>von Ihnen verworfen</translation>
    </message>
    <message>
        <source>read</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>write</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>unknown outcome</source>
        <translation>Ergebnis unbekannt</translation>
    </message>
    <message>
        <source>not in cluster</source>
        <translation>nicht im Cluster</translation>
    </message>
    <message>
        <source>add node</source>
        <translation>Knoten hinzufügen</translation>
    </message>
    <message>
        <source>remove node</source>
        <translation>Knoten entfernen</translation>
    </message>
    <message>
        <source>heartbeat</source>
        <translation>Heartbeat</translation>
    </message>
    <message>
        <source>election message</source>
        <translation>Wahlnachricht</translation>
    </message>
    <message>
        <source>replication</source>
        <translation>Replikation</translation>
    </message>
    <message>
        <source>acknowledgement</source>
        <translation>Bestätigung</translation>
    </message>
    <message>
        <source>client request or reply</source>
        <translation>Client-Anfrage oder -Antwort</translation>
    </message>
    <message>
        <source>other message</source>
        <translation>andere Nachricht</translation>
    </message>
</context>
<context>
    <name>GlossaryTerms</name>
    <message>
        <source>Introduced in lesson %1: %2</source>
        <translation>Eingeführt in Lektion %1: %2</translation>
    </message>
</context>
<context>
    <name>GoToMoment</name>
    <message>
        <source>Type a time in seconds (such as 12.5) or an event number (such as #1200).</source>
        <translation>Geben Sie eine Zeit in Sekunden (etwa 12.5) oder eine Ereignisnummer (etwa #1200) ein.</translation>
    </message>
    <message>
        <source>Event %1 has not happened yet in this run: play further first.</source>
        <translation>Ereignis %1 ist in diesem Lauf noch nicht eingetreten: spielen Sie zuerst weiter.</translation>
    </message>
    <message>
        <source>Go to time or event</source>
        <translation>Zu Zeit oder Ereignis gehen</translation>
    </message>
    <message>
        <source>A time in seconds (12.5 or 1:05) or an event number (#1200):</source>
        <translation>Eine Zeit in Sekunden (12.5 oder 1:05) oder eine Ereignisnummer (#1200):</translation>
    </message>
</context>
<context>
    <name>HistoryWitnesses</name>
    <message>
        <source>client %1</source>
        <translation>Client %1</translation>
    </message>
    <message>
        <source>Client %1</source>
        <translation>Client %1</translation>
    </message>
    <message>
        <source>key %1 (no value)</source>
        <translation>Schlüssel %1 (ohne Wert)</translation>
    </message>
    <message>
        <source>key %1 = %2</source>
        <translation>Schlüssel %1 = %2</translation>
    </message>
    <message>
        <source>the write %1</source>
        <translation>der Schreibvorgang %1</translation>
    </message>
    <message>
        <source>a read found a value that nobody wrote</source>
        <translation>ein Lesevorgang fand einen Wert, den niemand geschrieben hat</translation>
    </message>
    <message>
        <source>a read found a value before it was written</source>
        <translation>ein Lesevorgang fand einen Wert, bevor er geschrieben wurde</translation>
    </message>
    <message>
        <source>a read found a value already overwritten</source>
        <translation>ein Lesevorgang fand einen bereits überschriebenen Wert</translation>
    </message>
    <message>
        <source>a later read went back to an older value</source>
        <translation>ein späterer Lesevorgang fiel auf einen älteren Wert zurück</translation>
    </message>
    <message>
        <source>a value came back after it had been replaced</source>
        <translation>ein Wert kam zurück, nachdem er ersetzt worden war</translation>
    </message>
    <message>
        <source>no order of these operations is possible</source>
        <translation>keine Reihenfolge dieser Operationen ist möglich</translation>
    </message>
    <message>
        <source>%1 read %2 from %3 at %4, a value that no operation wrote.</source>
        <translation>%1 las %2 von %3 um %4, einen Wert, den keine Operation geschrieben hat.</translation>
    </message>
    <message>
        <source>%1 read %2 from %3, returning at %4, before %5 began at %6.</source>
        <translation>%1 las %2 von %3 mit Antwort um %4, bevor %5 um %6 begann.</translation>
    </message>
    <message>
        <source>%1 read %2 from %3 at %4, after %5 had completed at %6.</source>
        <translation>%1 las %2 von %3 um %4, nachdem %5 um %6 abgeschlossen war.</translation>
    </message>
    <message>
        <source>%1 read %2 from %3 at %4, after %5 had completed at %6, which began after %7 had completed at %8.</source>
        <translation>%1 las %2 von %3 um %4, nachdem %5 um %6 abgeschlossen war, der begann, nachdem %7 um %8 abgeschlossen war.</translation>
    </message>
    <message>
        <source>%1 read %2 from %3 at %4, after %5 had read %6, returning at %7.</source>
        <translation>%1 las %2 von %3 um %4, nachdem %5 %6 gelesen hatte, mit Antwort um %7.</translation>
    </message>
    <message>
        <source>%1 read %2 from %3 at %4, after %5 had read %6, returning at %7, and %8 began after %9 had completed at %10.</source>
        <translation>%1 las %2 von %3 um %4, nachdem %5 %6 gelesen hatte, mit Antwort um %7, und %8 begann, nachdem %9 um %10 abgeschlossen war.</translation>
    </message>
    <message>
        <source>%1 was written only once</source>
        <translation>%1 wurde nur einmal geschrieben</translation>
    </message>
    <message>
        <source>key %1 was empty only before its first write</source>
        <translation>Schlüssel %1 war nur vor seinem ersten Schreibvorgang leer</translation>
    </message>
    <message>
        <source>%1 read %2 from %3 at %4, after %5 had read %6, returning at %7, and %8 had read %2 before that, returning at %9, but %10.</source>
        <translation>%1 las %2 von %3 um %4, nachdem %5 %6 gelesen hatte, mit Antwort um %7, und %8 davor %2 gelesen hatte, mit Antwort um %9, aber %10.</translation>
    </message>
    <message>
        <source>No order of these %1 operations on key %2 is legal.</source>
        <translation>Keine Reihenfolge dieser %1 Operationen auf Schlüssel %2 ist zulässig.</translation>
    </message>
    <message>
        <source>%1 read %2 from %3 at %4, but no order of these %5 operations allows it.</source>
        <translation>%1 las %2 von %3 um %4, aber keine Reihenfolge dieser %5 Operationen lässt das zu.</translation>
    </message>
    <message>
        <source>%1 wrote %2 through %3 at %4, but no order of these %5 operations allows it.</source>
        <translation>%1 schrieb %2 über %3 um %4, aber keine Reihenfolge dieser %5 Operationen lässt das zu.</translation>
    </message>
    <message>
        <source>Read your writes</source>
        <translation>Read-your-writes</translation>
    </message>
    <message>
        <source>Monotonic reads</source>
        <translation>Monotones Lesen</translation>
    </message>
    <message>
        <source>Monotonic writes</source>
        <translation>Monotones Schreiben</translation>
    </message>
    <message>
        <source>Writes follow reads</source>
        <translation>Writes-follow-reads</translation>
    </message>
    <message>
        <source>%1 read %2 from %3 at %4, after its own write %5 had completed at %6, which began after %7 had completed at %8.</source>
        <translation>%1 las %2 von %3 um %4, nachdem sein eigener Schreibvorgang %5 um %6 abgeschlossen war, der begann, nachdem %7 um %8 abgeschlossen war.</translation>
    </message>
    <message>
        <source>%1 read %2 from %3 at %4, after its own write %5 had completed at %6.</source>
        <translation>%1 las %2 von %3 um %4, nachdem sein eigener Schreibvorgang %5 um %6 abgeschlossen war.</translation>
    </message>
    <message>
        <source>%1 read %2 from %3 at %4, after its own earlier read had returned %5 at %6, and %7 began after %8 had completed at %9.</source>
        <translation>%1 las %2 von %3 um %4, nachdem sein eigener früherer Lesevorgang um %6 %5 geliefert hatte, und %7 begann, nachdem %8 um %9 abgeschlossen war.</translation>
    </message>
    <message>
        <source>%1 read %2 from %3 at %4, after its own earlier read had returned %5 at %6.</source>
        <translation>%1 las %2 von %3 um %4, nachdem sein eigener früherer Lesevorgang um %6 %5 geliefert hatte.</translation>
    </message>
    <message>
        <source>%1 read %2 from %3 at %4, after it had read %5 at %6, which %7 wrote after its write %8 had completed at %9.</source>
        <translation>%1 las %2 von %3 um %4, nachdem er um %6 %5 gelesen hatte, was %7 schrieb, nachdem dessen Schreibvorgang %8 um %9 abgeschlossen war.</translation>
    </message>
    <message>
        <source>its author</source>
        <translation>sein Urheber</translation>
    </message>
    <message>
        <source>%1 read %2 from %3 at %4, after it had read %5 at %6, which %7 wrote after reading %8 at %9.</source>
        <translation>%1 las %2 von %3 um %4, nachdem er um %6 %5 gelesen hatte, was %7 schrieb, nachdem er um %9 %8 gelesen hatte.</translation>
    </message>
    <message>
        <source>%1 read %2 from %3 at %4, after it had read %5 at %6, which %7 wrote after reading %8.</source>
        <translation>%1 las %2 von %3 um %4, nachdem er um %6 %5 gelesen hatte, was %7 schrieb, nachdem er %8 gelesen hatte.</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Key %1: %2 (one operation)</source>
        <translation>Schlüssel %1: %2 (eine Operation)</translation>
    </message>
    <message>
        <source>Key %1: %2 (%3 operations)</source>
        <translation>Schlüssel %1: %2 (%3 Operationen)</translation>
    </message>
    <message>
        <source>Checked for %1 steps; this may not be the smallest set.</source>
        <translation>%1 Schritte lang geprüft; das ist vielleicht nicht die kleinste Menge.</translation>
    </message>
    <message>
        <source>%1: client %2 at %3</source>
        <translation>%1: Client %2 um %3</translation>
    </message>
    <message>
        <source>%1 from %2 on</source>
        <translation>%1 ab %2</translation>
    </message>
    <message>
        <source>%1 from %2 to %3</source>
        <translation>%1 von %2 bis %3</translation>
    </message>
    <message>
        <source>Two leaders in term %1: %2</source>
        <translation>Zwei Leader in Term %1: %2</translation>
    </message>
    <message>
        <source>%1 both led in term %2: %3.</source>
        <translation>%1 waren beide Leader in Term %2: %3.</translation>
    </message>
    <message>
        <source>%1 all led in term %2: %3.</source>
        <translation>%1 waren alle Leader in Term %2: %3.</translation>
    </message>
    <message>
        <source>%1 both led in term %2: %3; both at once from %4.</source>
        <translation>%1 waren beide Leader in Term %2: %3; beide gleichzeitig ab %4.</translation>
    </message>
    <message>
        <source>%1 all led in term %2: %3; two at once from %4.</source>
        <translation>%1 waren alle Leader in Term %2: %3; zwei gleichzeitig ab %4.</translation>
    </message>
    <message>
        <source>Lost write: client %1, %2</source>
        <translation>Verlorener Schreibvorgang: Client %1, %2</translation>
    </message>
    <message>
        <source>%1 wrote %2 at %3 and was told at %4 that it had succeeded, but the authoritative copy of the data no longer holds it.</source>
        <translation>%1 schrieb %2 um %3 und erfuhr um %4, dass der Schreibvorgang gelungen war, doch die maßgebliche Kopie der Daten enthält ihn nicht mehr.</translation>
    </message>
    <message>
        <source>%1 wrote %2 through %3 at %4 and was told at %5 that it had succeeded, but the authoritative copy of the data no longer holds it.</source>
        <translation>%1 schrieb %2 über %3 um %4 und erfuhr um %5, dass der Schreibvorgang gelungen war, doch die maßgebliche Kopie der Daten enthält ihn nicht mehr.</translation>
    </message>
    <message>
        <source>%1 wrote %2 through %3 at %4 and was told by %5 at %6 that it had succeeded, but the authoritative copy of the data no longer holds it.</source>
        <translation>%1 schrieb %2 über %3 um %4 und erfuhr von %5 um %6, dass der Schreibvorgang gelungen war, doch die maßgebliche Kopie der Daten enthält ihn nicht mehr.</translation>
    </message>
</context>
<context>
    <name>KeyboardHelp</name>
    <message>
        <source>Keyboard and mouse</source>
        <translation>Tastatur und Maus</translation>
    </message>
    <message>
        <source>Click a node: choose it (the keys of the Node menu act on it)</source>
        <translation>Klick auf einen Knoten: wählt ihn aus (die Tasten des Menüs „Knoten“ wirken auf ihn)</translation>
    </message>
    <message>
        <source>Ctrl+click nodes: select several, then G partitions them from the rest</source>
        <translation>Strg+Klick auf Knoten: mehrere auswählen, dann trennt G sie vom Rest ab</translation>
    </message>
    <message>
        <source>Right-click a node: its menu (crash, restart, isolate, pause, read, write...)</source>
        <translation>Rechtsklick auf einen Knoten: sein Menü (abstürzen, neu starten, isolieren, anhalten, lesen, schreiben …)</translation>
    </message>
    <message>
        <source>Hover over a node: everything its card shows, in full</source>
        <translation>Maus über einem Knoten: alles, was seine Karte zeigt, vollständig</translation>
    </message>
    <message>
        <source>Click a message (a moving dot): what it is and where it goes</source>
        <translation>Klick auf eine Nachricht (einen wandernden Punkt): was sie ist und wohin sie geht</translation>
    </message>
    <message>
        <source>Shift+click a message, or right-click it: drop it</source>
        <translation>Umschalt+Klick auf eine Nachricht oder Rechtsklick: sie verwerfen</translation>
    </message>
    <message>
        <source>Drag along the timeline: go back or forward in the run</source>
        <translation>Entlang der Zeitleiste ziehen: im Lauf zurück oder vor gehen</translation>
    </message>
    <message>
        <source>Edit &gt; Undo (Ctrl+Z): take back your last action on the run</source>
        <translation>Bearbeiten &gt; Rückgängig (Strg+Z): die letzte eigene Aktion im Lauf zurücknehmen</translation>
    </message>
    <message>
        <source>Mouse</source>
        <translation>Maus</translation>
    </message>
    <message>
        <source>Double-click a node: look inside it (its log, its data, its view of the cluster)</source>
        <translation>Doppelklick auf einen Knoten: in ihn hineinsehen (sein Log, seine Daten, seine Sicht auf den Cluster)</translation>
    </message>
    <message>
        <source>Ctrl+G: go to a time (12.5) or an event number (#1200)</source>
        <translation>Strg+G: zu einer Zeit (12.5) oder Ereignisnummer (#1200) gehen</translation>
    </message>
</context>
<context>
    <name>Profiles</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot read %1</source>
        <translation>%1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>the copy in %1 differs from the original</source>
        <translation>die Kopie in %1 weicht vom Original ab</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>A profile needs a name.</source>
        <translation>Ein Profil braucht einen Namen.</translation>
    </message>
    <message>
        <source>A profile's name can be at most %1 characters long; this one has %2.</source>
        <translation>Der Name eines Profils darf höchstens %1 Zeichen lang sein; dieser hat %2.</translation>
    </message>
    <message>
        <source>A profile's name cannot contain line breaks, tabs or other control characters.</source>
        <translation>Der Name eines Profils darf keine Zeilenumbrüche, Tabulatoren oder anderen Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>There is already a profile called “%1”. Choose another name.</source>
        <translation>Es gibt bereits ein Profil namens „%1“. Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>There is no profile %1.</source>
        <translation>Es gibt kein Profil %1.</translation>
    </message>
    <message>
        <source>Profiles could not be set up: %1.</source>
        <translation>Profile konnten nicht eingerichtet werden: %1.</translation>
    </message>
    <message>
        <source>Your progress could not be moved into a profile (%1). It stays in %2 and is used from there.</source>
        <translation>Ihr Fortschritt konnte nicht in ein Profil verschoben werden (%1). Er bleibt in %2 und wird von dort verwendet.</translation>
    </message>
    <message>
        <source>Teacher mode is no longer kept on for everyone who uses ClusterScope on this computer: each lesson opens again once the quiz before it is passed. To start in teacher mode, turn on View &gt; Always start in teacher mode in this profile, or start ClusterScope with --teacher.</source>
        <translation>Der Lehrermodus bleibt nicht mehr für alle eingeschaltet, die ClusterScope auf diesem Computer benutzen: Jede Lektion öffnet sich wieder, sobald das Quiz davor bestanden ist. Um im Lehrermodus zu starten, schalten Sie Ansicht &gt; In diesem Profil immer im Lehrermodus starten ein, oder starten Sie ClusterScope mit --teacher.</translation>
    </message>
</context>
<context>
    <name>ProgressStore</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Your progress file was written by a newer version of ClusterScope. It will not be changed; progress made now is kept only until you close the program.</source>
        <translation>Ihre Fortschrittsdatei wurde von einer neueren Version von ClusterScope geschrieben. Sie wird nicht geändert; Fortschritte, die Sie jetzt erzielen, bleiben nur erhalten, bis Sie das Programm schließen.</translation>
    </message>
    <message>
        <source>it could not be read</source>
        <translation>sie konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Your progress file was damaged (%1), so your progress was restored from the backup.</source>
        <translation>Ihre Fortschrittsdatei war beschädigt (%1), daher wurde Ihr Fortschritt aus der Sicherung wiederhergestellt.</translation>
    </message>
    <message>
        <source>The damaged file was kept as %1.</source>
        <translation>Die beschädigte Datei wurde als %1 aufbewahrt.</translation>
    </message>
    <message>
        <source>Your progress file could not be read (%1) and there was no usable backup, so progress starts afresh.</source>
        <translation>Ihre Fortschrittsdatei konnte nicht gelesen werden (%1), und es gab keine brauchbare Sicherung, daher beginnt der Fortschritt von vorn.</translation>
    </message>
    <message>
        <source>The unreadable file was kept as %1.</source>
        <translation>Die unlesbare Datei wurde als %1 aufbewahrt.</translation>
    </message>
    <message>
        <source>The progress file belongs to a newer version of ClusterScope and is not overwritten.</source>
        <translation>Die Fortschrittsdatei gehört zu einer neueren Version von ClusterScope und wird nicht überschrieben.</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>%1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of ClusterScope.</source>
        <translation>%1 wurde von einer neueren Version von ClusterScope geschrieben.</translation>
    </message>
    <message>
        <source>%1 is not a valid progress file: %2</source>
        <translation>%1 ist keine gültige Fortschrittsdatei: %2</translation>
    </message>
</context>
<context>
    <name>ProtocolDetail</name>
    <message>
        <source>%1 writes wait for acks</source>
        <translation>%1 Schreibvorgänge warten auf Bestätigungen</translation>
    </message>
    <message>
        <source>Accept(%1) sent</source>
        <translation>Accept(%1) gesendet</translation>
    </message>
    <message>
        <source>DCS: leader key %1, TTL %2 s</source>
        <translation>DCS: Leader-Schlüssel %1, TTL %2 s</translation>
    </message>
    <message>
        <source>DCS: no leader key</source>
        <translation>DCS: kein Leader-Schlüssel</translation>
    </message>
    <message>
        <source>MySQL site; parts answered: %1</source>
        <translation>MySQL-Standort; beantwortete Teile: %1</translation>
    </message>
    <message>
        <source>Oracle site; parts answered: %1</source>
        <translation>Oracle-Standort; beantwortete Teile: %1</translation>
    </message>
    <message>
        <source>PostgreSQL site; parts answered: %1</source>
        <translation>PostgreSQL-Standort; beantwortete Teile: %1</translation>
    </message>
    <message>
        <source>Prepare(%1), %2 promises</source>
        <translation>Prepare(%1), %2 Zusagen</translation>
    </message>
    <message>
        <source>app server + cache: %1 keys cached, %2% hits</source>
        <translation>App-Server + Cache: %1 Schlüssel im Cache, %2 % Treffer</translation>
    </message>
    <message>
        <source>application server: %1 requests</source>
        <translation>Anwendungsserver: %1 Anfragen</translation>
    </message>
    <message>
        <source>applied %1, %2 behind</source>
        <translation>angewendet %1, %2 im Rückstand</translation>
    </message>
    <message>
        <source>backup (object storage, off site): copy of %1 s</source>
        <translation>Backup (Objektspeicher, extern): Kopie von %1 s</translation>
    </message>
    <message>
        <source>backup (object storage, off site): empty</source>
        <translation>Backup (Objektspeicher, extern): leer</translation>
    </message>
    <message>
        <source>backup (tape, same site): copy of %1 s</source>
        <translation>Backup (Band, gleicher Standort): Kopie von %1 s</translation>
    </message>
    <message>
        <source>backup (tape, same site): empty</source>
        <translation>Backup (Band, gleicher Standort): leer</translation>
    </message>
    <message>
        <source>candidate for epoch %1</source>
        <translation>Kandidat für Epoche %1</translation>
    </message>
    <message>
        <source>candidate, %1 of %2 votes</source>
        <translation>Kandidat, %1 von %2 Stimmen</translation>
    </message>
    <message>
        <source>chosen value %1</source>
        <translation>gewählter Wert %1</translation>
    </message>
    <message>
        <source>client: stores no data, %1 answers</source>
        <translation>Client: speichert keine Daten, %1 Antworten</translation>
    </message>
    <message>
        <source>database: %1 keys</source>
        <translation>Datenbank: %1 Schlüssel</translation>
    </message>
    <message>
        <source>database: %1 reads, %2 queries running</source>
        <translation>Datenbank: %1 Lesevorgänge, %2 laufende Abfragen</translation>
    </message>
    <message>
        <source>database: %1/%2 connections, %3 running on %4 cores</source>
        <translation>Datenbank: %1/%2 Verbindungen, %3 laufen auf %4 Kernen</translation>
    </message>
    <message>
        <source>directory: %1 keys</source>
        <translation>Verzeichnis: %1 Schlüssel</translation>
    </message>
    <message>
        <source>follows %1</source>
        <translation>folgt %1</translation>
    </message>
    <message>
        <source>follows %1, token %2</source>
        <translation>folgt %1, Token %2</translation>
    </message>
    <message>
        <source>key %1 = %2</source>
        <translation>Schlüssel %1 = %2</translation>
    </message>
    <message>
        <source>key %1: %2 items</source>
        <translation>Schlüssel %1: %2 Elemente</translation>
    </message>
    <message>
        <source>leader of term %1</source>
        <translation>Leader in Term %1</translation>
    </message>
    <message>
        <source>middleware: splits, translates, merges; %1 translations</source>
        <translation>Middleware: zerlegt, übersetzt, führt zusammen; %1 Übersetzungen</translation>
    </message>
    <message>
        <source>new node, joined: knows %1 members</source>
        <translation>neuer Knoten, beigetreten: kennt %1 Mitglieder</translation>
    </message>
    <message>
        <source>new node, not a member yet</source>
        <translation>neuer Knoten, noch kein Mitglied</translation>
    </message>
    <message>
        <source>new server: waiting for a copy</source>
        <translation>neuer Server: wartet auf eine Kopie</translation>
    </message>
    <message>
        <source>no leader key: racing for it</source>
        <translation>kein Leader-Schlüssel: Wettlauf darum</translation>
    </message>
    <message>
        <source>no leader known</source>
        <translation>kein Leader bekannt</translation>
    </message>
    <message>
        <source>no primary known</source>
        <translation>kein Primary bekannt</translation>
    </message>
    <message>
        <source>peer: %1 members, new node unknown</source>
        <translation>Peer: %1 Mitglieder, neuer Knoten unbekannt</translation>
    </message>
    <message>
        <source>peer: knows the new node (%1 members)</source>
        <translation>Peer: kennt den neuen Knoten (%1 Mitglieder)</translation>
    </message>
    <message>
        <source>pooler (PgBouncer): %1/%2 server connections busy, %3 clients waiting</source>
        <translation>Pooler (PgBouncer): %1/%2 Serververbindungen belegt, %3 Clients warten</translation>
    </message>
    <message>
        <source>powered off the old primary; waiting for confirmation</source>
        <translation>alten Primary abgeschaltet; wartet auf Bestätigung</translation>
    </message>
    <message>
        <source>presentation (browser): %1 answers</source>
        <translation>Präsentation (Browser): %1 Antworten</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>Primary</translation>
    </message>
    <message>
        <source>primary, holds the leader key</source>
        <translation>Primary, hält den Leader-Schlüssel</translation>
    </message>
    <message>
        <source>primary, token %1</source>
        <translation>Primary, Token %1</translation>
    </message>
    <message>
        <source>primary, token %1, draining</source>
        <translation>Primary, Token %1, leert sich</translation>
    </message>
    <message>
        <source>production database (disk)</source>
        <translation>Produktionsdatenbank (Festplatte)</translation>
    </message>
    <message>
        <source>promised %1</source>
        <translation>zugesagt %1</translation>
    </message>
    <message>
        <source>promised %1, accepted %2</source>
        <translation>zugesagt %1, angenommen %2</translation>
    </message>
    <message>
        <source>replica of s%1: %2 rows</source>
        <translation>Replikat von s%1: %2 Zeilen</translation>
    </message>
    <message>
        <source>replicates from %1</source>
        <translation>repliziert von %1</translation>
    </message>
    <message>
        <source>restoring from the off-site copy: %1%</source>
        <translation>Wiederherstellung aus der externen Kopie: %1 %</translation>
    </message>
    <message>
        <source>restoring from the on-site copy: %1%</source>
        <translation>Wiederherstellung aus der lokalen Kopie: %1 %</translation>
    </message>
    <message>
        <source>router</source>
        <translation>Router</translation>
    </message>
    <message>
        <source>server: %1 keys, %2 requests</source>
        <translation>Server: %1 Schlüssel, %2 Anfragen</translation>
    </message>
    <message>
        <source>shard s%1: %2 rows</source>
        <translation>Shard s%1: %2 Zeilen</translation>
    </message>
    <message>
        <source>shared storage, highest token %1</source>
        <translation>gemeinsamer Speicher, höchstes Token %1</translation>
    </message>
    <message>
        <source>spare</source>
        <translation>Reserve</translation>
    </message>
    <message>
        <source>suspects %1</source>
        <translation>verdächtigt %1</translation>
    </message>
    <message>
        <source>witness, sees %1, token %2</source>
        <translation>Zeuge, sieht %1, Token %2</translation>
    </message>
    <message>
        <source>%1 conflicts</source>
        <translation>%1 Konflikte</translation>
    </message>
    <message>
        <source>%1 hints</source>
        <translation>%1 Hinweise</translation>
    </message>
    <message>
        <source>%1: %2 columns, %3 rows, %4 KB</source>
        <translation>%1: %2 Spalten, %3 Zeilen, %4 KB</translation>
    </message>
    <message>
        <source>SQL Server site; parts answered: %1</source>
        <translation>SQL-Server-Standort; beantwortete Teile: %1</translation>
    </message>
    <message>
        <source>cart %1: {%2}</source>
        <translation>Warenkorb %1: {%2}</translation>
    </message>
    <message>
        <source>key %1: %2 siblings</source>
        <translation>Schlüssel %1: %2 Geschwister</translation>
    </message>
    <message>
        <source>lease expired: read-only</source>
        <translation>Lease abgelaufen: nur lesend</translation>
    </message>
    <message>
        <source>moving a chunk</source>
        <translation>verschiebt einen Chunk</translation>
    </message>
    <message>
        <source>off-site storage: never sent a copy</source>
        <translation>externer Speicher: nie eine Kopie erhalten</translation>
    </message>
    <message>
        <source>suspects the leader</source>
        <translation>verdächtigt den Leader</translation>
    </message>
    <message>
        <source>suspects the primary</source>
        <translation>verdächtigt den Primary</translation>
    </message>
    <message>
        <source>#%1 term %2: no-op of a new leader</source>
        <translation>#%1 Term %2: No-op eines neuen Leaders</translation>
    </message>
    <message>
        <source>#%1 term %2: read key %3</source>
        <translation>#%1 Term %2: Lesen von Schlüssel %3</translation>
    </message>
    <message>
        <source>#%1 term %2: write key %3 = %4</source>
        <translation>#%1 Term %2: Schreiben Schlüssel %3 = %4</translation>
    </message>
    <message>
        <source>#%1 token %2: write key %3 = %4</source>
        <translation>#%1 Token %2: schreibe Schlüssel %3 = %4</translation>
    </message>
    <message>
        <source>#%1: key %2 = %3, from %4</source>
        <translation>#%1: Schlüssel %2 = %3, von %4</translation>
    </message>
    <message>
        <source>#%1: key %2, add item %3, from %4</source>
        <translation>#%1: Schlüssel %2, füge Element %3 hinzu, von %4</translation>
    </message>
    <message>
        <source>#%1: write key %2 = %3</source>
        <translation>#%1: schreibe Schlüssel %2 = %3</translation>
    </message>
    <message>
        <source>%1 answers converted to common types</source>
        <translation>%1 Antworten in gemeinsame Typen umgewandelt</translation>
    </message>
    <message>
        <source>%1 batches held until a gap fills</source>
        <translation>%1 Pakete zurückgehalten, bis eine Lücke gefüllt ist</translation>
    </message>
    <message>
        <source>%1 checks failed in a row, suspects after %2</source>
        <translation>%1 Prüfungen nacheinander fehlgeschlagen, Verdacht nach %2</translation>
    </message>
    <message>
        <source>%1 chunk moves under way</source>
        <translation>%1 Chunk-Verschiebungen laufen</translation>
    </message>
    <message>
        <source>%1 clients refused</source>
        <translation>%1 Clients abgewiesen</translation>
    </message>
    <message>
        <source>%1 clients waiting, the first since %2 s</source>
        <translation>%1 Clients warten, der erste seit %2 s</translation>
    </message>
    <message>
        <source>%1 conflicts met, %2 kept as siblings</source>
        <translation>%1 Konflikte aufgetreten, %2 als Geschwister behalten</translation>
    </message>
    <message>
        <source>%1 connections refused: too many clients</source>
        <translation>%1 Verbindungen abgewiesen: zu viele Clients</translation>
    </message>
    <message>
        <source>%1 counted %2</source>
        <translation>%1 hat %2 gezählt</translation>
    </message>
    <message>
        <source>%1 direct connections, %2 pooled connections</source>
        <translation>%1 direkte Verbindungen, %2 Verbindungen aus dem Pool</translation>
    </message>
    <message>
        <source>%1 entries rolled back, kept aside</source>
        <translation>%1 Einträge zurückgerollt, beiseitegelegt</translation>
    </message>
    <message>
        <source>%1 gossip messages sent, %2 received</source>
        <translation>%1 Gossip-Nachrichten gesendet, %2 empfangen</translation>
    </message>
    <message>
        <source>%1 has entries up to %2</source>
        <translation>%1 hat Einträge bis %2</translation>
    </message>
    <message>
        <source>%1 has entries up to %2 (probing from %3)</source>
        <translation>%1 hat Einträge bis %2 (Abgleich ab %3)</translation>
    </message>
    <message>
        <source>%1 has received up to %2, applied up to %3</source>
        <translation>%1 hat bis %2 empfangen, bis %3 angewendet</translation>
    </message>
    <message>
        <source>%1 heartbeats heard since it started</source>
        <translation>%1 Heartbeats seit dem Start gehört</translation>
    </message>
    <message>
        <source>%1 heartbeats sent, %2 acks received</source>
        <translation>%1 Heartbeats gesendet, %2 Bestätigungen erhalten</translation>
    </message>
    <message>
        <source>%1 hits, %2 misses</source>
        <translation>%1 Treffer, %2 Fehlgriffe</translation>
    </message>
    <message>
        <source>%1 holds %2 server connections</source>
        <translation>%1 hält %2 Serververbindungen</translation>
    </message>
    <message>
        <source>%1 is down, silent since %2 s</source>
        <translation>%1 ist ausgefallen, still seit %2 s</translation>
    </message>
    <message>
        <source>%1 is up, heard at %2 s</source>
        <translation>%1 läuft, gehört bei %2 s</translation>
    </message>
    <message>
        <source>%1 jobs share the CPU, each at %2% of a core</source>
        <translation>%1 Aufträge teilen sich die CPU, jeder mit %2 % eines Kerns</translation>
    </message>
    <message>
        <source>%1 keeps the on-site copy</source>
        <translation>%1 hält die lokale Kopie</translation>
    </message>
    <message>
        <source>%1 keys changed since its last round</source>
        <translation>%1 Schlüssel seit der letzten Runde geändert</translation>
    </message>
    <message>
        <source>%1 of %2 entries live, each for %3 s</source>
        <translation>%1 von %2 Einträgen gültig, jeder für %3 s</translation>
    </message>
    <message>
        <source>%1 owns keys k with k mod %2 = %3</source>
        <translation>%1 besitzt die Schlüssel k mit k mod %2 = %3</translation>
    </message>
    <message>
        <source>%1 queries in progress</source>
        <translation>%1 Abfragen in Bearbeitung</translation>
    </message>
    <message>
        <source>%1 queries in the wrong dialect</source>
        <translation>%1 Abfragen im falschen Dialekt</translation>
    </message>
    <message>
        <source>%1 queries run</source>
        <translation>%1 Abfragen ausgeführt</translation>
    </message>
    <message>
        <source>%1 queries timed out</source>
        <translation>%1 Abfragen mit Zeitüberschreitung</translation>
    </message>
    <message>
        <source>%1 reads, %2 writes</source>
        <translation>%1 Lesevorgänge, %2 Schreibvorgänge</translation>
    </message>
    <message>
        <source>%1 requests sent: %2 answered, %3 failed, %4 timed out</source>
        <translation>%1 Anfragen gesendet: %2 beantwortet, %3 fehlgeschlagen, %4 mit Zeitüberschreitung</translation>
    </message>
    <message>
        <source>%1 runs MySQL: parts translated into its dialect</source>
        <translation>%1 läuft mit MySQL: Teile werden in seinen Dialekt übersetzt</translation>
    </message>
    <message>
        <source>%1 runs Oracle: parts translated into its dialect</source>
        <translation>%1 läuft mit Oracle: Teile werden in seinen Dialekt übersetzt</translation>
    </message>
    <message>
        <source>%1 runs PostgreSQL: asked directly, no translation</source>
        <translation>%1 läuft mit PostgreSQL: direkt gefragt, ohne Übersetzung</translation>
    </message>
    <message>
        <source>%1 runs SQL Server: parts translated into its dialect</source>
        <translation>%1 läuft mit SQL Server: Teile werden in seinen Dialekt übersetzt</translation>
    </message>
    <message>
        <source>%1 sessions' version tokens kept</source>
        <translation>Versions-Token von %1 Sitzungen gespeichert</translation>
    </message>
    <message>
        <source>%1 states merged</source>
        <translation>%1 Zustände zusammengeführt</translation>
    </message>
    <message>
        <source>%1 tags seen</source>
        <translation>%1 Tags gesehen</translation>
    </message>
    <message>
        <source>%1 tier hops per answer</source>
        <translation>%1 Schichtwechsel pro Antwort</translation>
    </message>
    <message>
        <source>%1 writes held for the new primary</source>
        <translation>%1 Schreibvorgänge für den neuen Primary zurückgehalten</translation>
    </message>
    <message>
        <source>%1 writes wait for the shared storage</source>
        <translation>%1 Schreibvorgänge warten auf den gemeinsamen Speicher</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: position unknown since the restart</source>
        <translation>%1: Position seit dem Neustart unbekannt</translation>
    </message>
    <message>
        <source>%1: shared storage</source>
        <translation>%1: gemeinsamer Speicher</translation>
    </message>
    <message>
        <source>%1: witness</source>
        <translation>%1: Zeuge</translation>
    </message>
    <message>
        <source>CRDT: counter up and down, two grow-only counters</source>
        <translation>CRDT: Zähler auf- und abwärts, zwei nur wachsende Zähler</translation>
    </message>
    <message>
        <source>CRDT: grow-only counter, one entry per node</source>
        <translation>CRDT: nur wachsender Zähler, ein Eintrag pro Knoten</translation>
    </message>
    <message>
        <source>CRDT: observed-remove set, a concurrent add wins</source>
        <translation>CRDT: Observed-Remove-Set, ein gleichzeitiges Hinzufügen gewinnt</translation>
    </message>
    <message>
        <source>CRDT: register, the later stamp wins</source>
        <translation>CRDT: Register, der spätere Zeitstempel gewinnt</translation>
    </message>
    <message>
        <source>DCS: stands for an etcd cluster, one answer to who holds the leader key</source>
        <translation>DCS: steht für einen etcd-Cluster, eine Antwort darauf, wer den Leader-Schlüssel hält</translation>
    </message>
    <message>
        <source>N = %1 replicas per key, R = %2, W = %3</source>
        <translation>N = %1 Replikate pro Schlüssel, R = %2, W = %3</translation>
    </message>
    <message>
        <source>a conflict keeps both versions as siblings</source>
        <translation>ein Konflikt behält beide Versionen als Geschwister</translation>
    </message>
    <message>
        <source>a conflict keeps the later stamp: last write wins</source>
        <translation>ein Konflikt behält den späteren Zeitstempel: Last Write Wins</translation>
    </message>
    <message>
        <source>a key never written holds its initial value, 1000 + key</source>
        <translation>ein nie geschriebener Schlüssel hat seinen Anfangswert, 1000 + Schlüssel</translation>
    </message>
    <message>
        <source>a new connection costs %1 ms of CPU, a query %2 ms</source>
        <translation>eine neue Verbindung kostet %1 ms CPU, eine Abfrage %2 ms</translation>
    </message>
    <message>
        <source>a write deletes the cached entry: %1 deleted</source>
        <translation>ein Schreibvorgang löscht den Cache-Eintrag: %1 gelöscht</translation>
    </message>
    <message>
        <source>a write leaves the cached entry until it expires</source>
        <translation>ein Schreibvorgang lässt den Cache-Eintrag bis zu seinem Ablauf bestehen</translation>
    </message>
    <message>
        <source>accepted no proposal yet</source>
        <translation>noch keinen Vorschlag angenommen</translation>
    </message>
    <message>
        <source>accepted proposal %1 with value %2</source>
        <translation>Vorschlag %1 mit Wert %2 angenommen</translation>
    </message>
    <message>
        <source>acceptor: promised nothing yet</source>
        <translation>Akzeptor: noch nichts zugesagt</translation>
    </message>
    <message>
        <source>acceptor: promised proposal %1</source>
        <translation>Akzeptor: Vorschlag %1 zugesagt</translation>
    </message>
    <message>
        <source>all shard keys on s%1</source>
        <translation>alle Shard-Schlüssel auf s%1</translation>
    </message>
    <message>
        <source>answers clients; knows no other server</source>
        <translation>beantwortet Clients; kennt keinen anderen Server</translation>
    </message>
    <message>
        <source>answers only queries from %1, in its own dialect</source>
        <translation>beantwortet nur Abfragen von %1, in seinem eigenen Dialekt</translation>
    </message>
    <message>
        <source>answers the application tier only</source>
        <translation>beantwortet nur die Anwendungsschicht</translation>
    </message>
    <message>
        <source>answers took %1 ms on average</source>
        <translation>Antworten dauerten im Mittel %1 ms</translation>
    </message>
    <message>
        <source>application server: %1 requests wait for the database</source>
        <translation>Anwendungsserver: %1 Anfragen warten auf die Datenbank</translation>
    </message>
    <message>
        <source>applied %1's changes up to %2</source>
        <translation>Änderungen von %1 bis %2 angewendet</translation>
    </message>
    <message>
        <source>applies each entry %1 s after its commit</source>
        <translation>wendet jeden Eintrag %1 s nach seinem Commit an</translation>
    </message>
    <message>
        <source>asks the DCS on %1 every %2 s</source>
        <translation>fragt den DCS auf %1 alle %2 s</translation>
    </message>
    <message>
        <source>asks the directory on %1 where a key lives</source>
        <translation>fragt das Verzeichnis auf %1, wo ein Schlüssel liegt</translation>
    </message>
    <message>
        <source>asynchronous commit: answers before any replica has the write</source>
        <translation>asynchroner Commit: antwortet, bevor ein Replikat den Schreibvorgang hat</translation>
    </message>
    <message>
        <source>balancer: %1 routing changes announced</source>
        <translation>Balancer: %1 Routing-Änderungen angekündigt</translation>
    </message>
    <message>
        <source>believes %1 leads</source>
        <translation>hält %1 für den Leader</translation>
    </message>
    <message>
        <source>caches %1 directory answers</source>
        <translation>speichert %1 Verzeichnisantworten im Cache</translation>
    </message>
    <message>
        <source>check-in %1 of user %2: shard key %3</source>
        <translation>Check-in %1 von Benutzer %2: Shard-Schlüssel %3</translation>
    </message>
    <message>
        <source>chunk from s%1 to s%2: moved</source>
        <translation>Chunk von s%1 nach s%2: verschoben</translation>
    </message>
    <message>
        <source>chunk from s%1 to s%2: moving</source>
        <translation>Chunk von s%1 nach s%2: wird verschoben</translation>
    </message>
    <message>
        <source>client answered</source>
        <translation>Client beantwortet</translation>
    </message>
    <message>
        <source>client: sends each request to the server that owns the key</source>
        <translation>Client: sendet jede Anfrage an den Server, dem der Schlüssel gehört</translation>
    </message>
    <message>
        <source>column group %1: %2 columns of every row</source>
        <translation>Spaltengruppe %1: %2 Spalten jeder Zeile</translation>
    </message>
    <message>
        <source>committed up to entry %1, applied up to %2</source>
        <translation>committet bis Eintrag %1, angewendet bis %2</translation>
    </message>
    <message>
        <source>coordinates %1 queries</source>
        <translation>koordiniert %1 Abfragen</translation>
    </message>
    <message>
        <source>coordinates a read of key %1: %2 answers, %3 needed</source>
        <translation>koordiniert einen Lesevorgang von Schlüssel %1: %2 Antworten, %3 nötig</translation>
    </message>
    <message>
        <source>coordinates a write of key %1: %2 answers, %3 needed</source>
        <translation>koordiniert einen Schreibvorgang von Schlüssel %1: %2 Antworten, %3 nötig</translation>
    </message>
    <message>
        <source>copies rows from %1</source>
        <translation>kopiert Zeilen von %1</translation>
    </message>
    <message>
        <source>copy of %1 s: %2 writes</source>
        <translation>Kopie von %1 s: %2 Schreibvorgänge</translation>
    </message>
    <message>
        <source>defers to a better-placed candidate until %1 s</source>
        <translation>lässt einem besser platzierten Kandidaten bis %1 s den Vortritt</translation>
    </message>
    <message>
        <source>detects failure by TCP connect checks</source>
        <translation>erkennt Ausfälle durch TCP-Verbindungsprüfungen</translation>
    </message>
    <message>
        <source>detects failure by heartbeat silence of %1 s</source>
        <translation>erkennt Ausfälle an %1 s Heartbeat-Stille</translation>
    </message>
    <message>
        <source>detects failure by test queries</source>
        <translation>erkennt Ausfälle durch Testabfragen</translation>
    </message>
    <message>
        <source>does not know the new node %1 yet</source>
        <translation>kennt den neuen Knoten %1 noch nicht</translation>
    </message>
    <message>
        <source>draining for a switchover to %1</source>
        <translation>leert sich für einen Wechsel zu %1</translation>
    </message>
    <message>
        <source>drops a server connection whose query runs %1 s</source>
        <translation>trennt eine Serververbindung, deren Abfrage %1 s läuft</translation>
    </message>
    <message>
        <source>each round of %1 s, sends its list to %2 random members</source>
        <translation>sendet in jeder Runde von %1 s seine Liste an %2 zufällige Mitglieder</translation>
    </message>
    <message>
        <source>every node after %1 keeps an off-site copy</source>
        <translation>jeder Knoten nach %1 hält eine externe Kopie</translation>
    </message>
    <message>
        <source>every query takes %1 ms</source>
        <translation>jede Abfrage dauert %1 ms</translation>
    </message>
    <message>
        <source>fencing off: takes writes from any primary</source>
        <translation>Fencing aus: nimmt Schreibvorgänge von jedem Primary an</translation>
    </message>
    <message>
        <source>found the leader key gone at %1 s</source>
        <translation>fand den Leader-Schlüssel bei %1 s verschwunden</translation>
    </message>
    <message>
        <source>has not voted in this term</source>
        <translation>hat in diesem Term nicht abgestimmt</translation>
    </message>
    <message>
        <source>heard from the primary at %1 s</source>
        <translation>vom Primary gehört bei %1 s</translation>
    </message>
    <message>
        <source>heard of the new node from %1 at %2 s</source>
        <translation>vom neuen Knoten durch %1 bei %2 s erfahren</translation>
    </message>
    <message>
        <source>highest token seen %1</source>
        <translation>höchstes gesehenes Token %1</translation>
    </message>
    <message>
        <source>hint for %1: key %2 = %3</source>
        <translation>Hinweis für %1: Schlüssel %2 = %3</translation>
    </message>
    <message>
        <source>holds every shard key</source>
        <translation>hält jeden Shard-Schlüssel</translation>
    </message>
    <message>
        <source>holds no copy</source>
        <translation>hält keine Kopie</translation>
    </message>
    <message>
        <source>holds shard keys %1 to %2</source>
        <translation>hält die Shard-Schlüssel %1 bis %2</translation>
    </message>
    <message>
        <source>holds shard keys from %1</source>
        <translation>hält die Shard-Schlüssel ab %1</translation>
    </message>
    <message>
        <source>holds shard keys up to %1</source>
        <translation>hält die Shard-Schlüssel bis %1</translation>
    </message>
    <message>
        <source>in datacentre %1 of %2</source>
        <translation>im Rechenzentrum %1 von %2</translation>
    </message>
    <message>
        <source>joined at %1 s through %2</source>
        <translation>bei %1 s über %2 beigetreten</translation>
    </message>
    <message>
        <source>knows member %1</source>
        <translation>kennt das Mitglied %1</translation>
    </message>
    <message>
        <source>knows no leader</source>
        <translation>kennt keinen Leader</translation>
    </message>
    <message>
        <source>knows no member yet</source>
        <translation>kennt noch kein Mitglied</translation>
    </message>
    <message>
        <source>knows only the %1 application servers, any of them will do</source>
        <translation>kennt nur die %1 Anwendungsserver, jeder davon genügt</translation>
    </message>
    <message>
        <source>knows the new node %1</source>
        <translation>kennt den neuen Knoten %1</translation>
    </message>
    <message>
        <source>last change arrived %1 s after it was written</source>
        <translation>letzte Änderung kam %1 s nach dem Schreiben an</translation>
    </message>
    <message>
        <source>last entry applied %1 s after its commit</source>
        <translation>letzter Eintrag %1 s nach seinem Commit angewendet</translation>
    </message>
    <message>
        <source>leader key expires at %1 s</source>
        <translation>Leader-Schlüssel läuft bei %1 s ab</translation>
    </message>
    <message>
        <source>leader key revision %1</source>
        <translation>Revision %1 des Leader-Schlüssels</translation>
    </message>
    <message>
        <source>leader: accepts writes and passes them on</source>
        <translation>Leader: nimmt Schreibvorgänge an und gibt sie weiter</translation>
    </message>
    <message>
        <source>leader: sends a heartbeat every %1 s</source>
        <translation>Leader: sendet alle %1 s einen Heartbeat</translation>
    </message>
    <message>
        <source>learned at %1 s</source>
        <translation>erfahren bei %1 s</translation>
    </message>
    <message>
        <source>lease granted until %1 s</source>
        <translation>Lease gewährt bis %1 s</translation>
    </message>
    <message>
        <source>lease valid until %1 s</source>
        <translation>Lease gültig bis %1 s</translation>
    </message>
    <message>
        <source>live database: %1 writes held</source>
        <translation>Live-Datenbank: %1 Schreibvorgänge enthalten</translation>
    </message>
    <message>
        <source>log keeps entries %1 to %2</source>
        <translation>Log hält die Einträge %1 bis %2</translation>
    </message>
    <message>
        <source>messages from clients %1, servers %2</source>
        <translation>Nachrichten von Clients %1, Servern %2</translation>
    </message>
    <message>
        <source>messages from presentation %1, application %2, database %3</source>
        <translation>Nachrichten von Präsentation %1, Anwendung %2, Datenbank %3</translation>
    </message>
    <message>
        <source>middleware: %1 queries in translation, %2 waiting for parts</source>
        <translation>Middleware: %1 Abfragen in Übersetzung, %2 warten auf Teile</translation>
    </message>
    <message>
        <source>moving a chunk to s%1: %2 rows sent</source>
        <translation>verschiebt einen Chunk nach s%1: %2 Zeilen gesendet</translation>
    </message>
    <message>
        <source>new node: announces itself to %1 at %2 s</source>
        <translation>neuer Knoten: meldet sich bei %2 s bei %1 an</translation>
    </message>
    <message>
        <source>no client waiting</source>
        <translation>kein Client wartet</translation>
    </message>
    <message>
        <source>no lease granted yet</source>
        <translation>noch keine Lease gewährt</translation>
    </message>
    <message>
        <source>no pooler connected</source>
        <translation>kein Pooler verbunden</translation>
    </message>
    <message>
        <source>not a proposer: accepts and learns</source>
        <translation>kein Proposer: nimmt an und lernt</translation>
    </message>
    <message>
        <source>not applied yet</source>
        <translation>noch nicht angewendet</translation>
    </message>
    <message>
        <source>not committed yet</source>
        <translation>noch nicht committet</translation>
    </message>
    <message>
        <source>placement epoch %1, %2 shards</source>
        <translation>Platzierungsepoche %1, %2 Shards</translation>
    </message>
    <message>
        <source>placement: by the user's region</source>
        <translation>Platzierung: nach der Region des Benutzers</translation>
    </message>
    <message>
        <source>placement: hash of the shard key mod %1</source>
        <translation>Platzierung: Hash des Shard-Schlüssels mod %1</translation>
    </message>
    <message>
        <source>placement: hash ring, %1 points per shard</source>
        <translation>Platzierung: Hash-Ring, %1 Punkte pro Shard</translation>
    </message>
    <message>
        <source>placement: looked up in the directory</source>
        <translation>Platzierung: im Verzeichnis nachgeschlagen</translation>
    </message>
    <message>
        <source>placement: ranges of the shard key</source>
        <translation>Platzierung: Bereiche des Shard-Schlüssels</translation>
    </message>
    <message>
        <source>pools connections to %1</source>
        <translation>bündelt Verbindungen zu %1</translation>
    </message>
    <message>
        <source>primary of shard s%1</source>
        <translation>Primary von Shard s%1</translation>
    </message>
    <message>
        <source>promise from %1</source>
        <translation>Zusage von %1</translation>
    </message>
    <message>
        <source>promised the primary its lease until %1 s</source>
        <translation>hat dem Primary seine Lease bis %1 s zugesagt</translation>
    </message>
    <message>
        <source>promises report value %1 accepted in proposal %2</source>
        <translation>Zusagen melden Wert %1, angenommen in Vorschlag %2</translation>
    </message>
    <message>
        <source>promotion: automatic, needs a majority's votes</source>
        <translation>Beförderung: automatisch, braucht die Stimmen einer Mehrheit</translation>
    </message>
    <message>
        <source>promotion: automatic, the most up-to-date replica</source>
        <translation>Beförderung: automatisch, das aktuellste Replikat</translation>
    </message>
    <message>
        <source>promotion: manual, by the operator after %1 s</source>
        <translation>Beförderung: manuell, durch den Operator nach %1 s</translation>
    </message>
    <message>
        <source>promotion: none, the cluster waits</source>
        <translation>Beförderung: keine, der Cluster wartet</translation>
    </message>
    <message>
        <source>proposal %1 accepted by %2 of %3 acceptors, %4 needed</source>
        <translation>Vorschlag %1 von %2 der %3 Akzeptoren angenommen, %4 nötig</translation>
    </message>
    <message>
        <source>proposer of value %1, round %2</source>
        <translation>Proposer von Wert %1, Runde %2</translation>
    </message>
    <message>
        <source>query %1 on key %2: %3 of %4 parts merged</source>
        <translation>Abfrage %1 zu Schlüssel %2: %3 von %4 Teilen zusammengeführt</translation>
    </message>
    <message>
        <source>races for the key only within %1 entries of the primary</source>
        <translation>bewirbt sich um den Schlüssel nur mit höchstens %1 Einträgen Rückstand auf den Primary</translation>
    </message>
    <message>
        <source>reads %1 on a miss and writes there</source>
        <translation>liest bei einem Fehlgriff von %1 und schreibt dorthin</translation>
    </message>
    <message>
        <source>received up to %1, applied up to %2</source>
        <translation>empfangen bis %1, angewendet bis %2</translation>
    </message>
    <message>
        <source>receives copies from %1</source>
        <translation>erhält Kopien von %1</translation>
    </message>
    <message>
        <source>refused for proposal %1 or higher</source>
        <translation>abgelehnt für Vorschlag %1 oder höher</translation>
    </message>
    <message>
        <source>refuses client requests: only the leader serves them</source>
        <translation>lehnt Client-Anfragen ab: nur der Leader bedient sie</translation>
    </message>
    <message>
        <source>rejects writes with a token below %1</source>
        <translation>weist Schreibvorgänge mit einem Token unter %1 ab</translation>
    </message>
    <message>
        <source>renewal sent at %1 s, no answer yet</source>
        <translation>Erneuerung bei %1 s gesendet, noch keine Antwort</translation>
    </message>
    <message>
        <source>renewing the key it still holds before acting as primary</source>
        <translation>erneuert den Schlüssel, den er noch hält, bevor er als Primary handelt</translation>
    </message>
    <message>
        <source>renews the leader key every %1 s, TTL %2 s</source>
        <translation>erneuert den Leader-Schlüssel alle %1 s, TTL %2 s</translation>
    </message>
    <message>
        <source>replica of shard s%1</source>
        <translation>Replikat von Shard s%1</translation>
    </message>
    <message>
        <source>restores %1</source>
        <translation>stellt %1 wieder her</translation>
    </message>
    <message>
        <source>restores %1 MB at %2 MB/s: %3 s</source>
        <translation>stellt %1 MB mit %2 MB/s wieder her: %3 s</translation>
    </message>
    <message>
        <source>restores from %1</source>
        <translation>stellt aus %1 wieder her</translation>
    </message>
    <message>
        <source>restoring: %1 of %2 chunks received, asked at %3 s</source>
        <translation>Wiederherstellung: %1 von %2 Teilstücken empfangen, angefragt bei %3 s</translation>
    </message>
    <message>
        <source>router: %1 requests in flight</source>
        <translation>Router: %1 Anfragen unterwegs</translation>
    </message>
    <message>
        <source>s%1: %2 keys in the directory</source>
        <translation>s%1: %2 Schlüssel im Verzeichnis</translation>
    </message>
    <message>
        <source>semi-synchronous commit: %1 of the replicas must ack</source>
        <translation>halbsynchroner Commit: %1 der Replikate müssen bestätigen</translation>
    </message>
    <message>
        <source>sends a copy on site every %1 s, never off site</source>
        <translation>sendet alle %1 s eine Kopie an den Standort, nie nach extern</translation>
    </message>
    <message>
        <source>sends a copy on site every %1 s, off site every %2 s</source>
        <translation>sendet alle %1 s eine Kopie an den Standort, alle %2 s nach extern</translation>
    </message>
    <message>
        <source>sends client reads to the primary</source>
        <translation>sendet Client-Lesevorgänge an den Primary</translation>
    </message>
    <message>
        <source>sends its state to all %1 other nodes and merges theirs</source>
        <translation>sendet seinen Zustand an alle %1 anderen Knoten und führt ihren zusammen</translation>
    </message>
    <message>
        <source>sends its writes to %1</source>
        <translation>sendet seine Schreibvorgänge an %1</translation>
    </message>
    <message>
        <source>sends what changed every %1 s, everything every %2 rounds</source>
        <translation>sendet alle %1 s das Geänderte, alle %2 Runden alles</translation>
    </message>
    <message>
        <source>server connection %1: busy since %2 s, key %3</source>
        <translation>Serververbindung %1: belegt seit %2 s, Schlüssel %3</translation>
    </message>
    <message>
        <source>server connections: %1 idle, %2 busy, %3 connecting, %4 closed</source>
        <translation>Serververbindungen: %1 frei, %2 belegt, %3 im Aufbau, %4 geschlossen</translation>
    </message>
    <message>
        <source>serves client reads and writes from its own map</source>
        <translation>bedient Client-Lese- und -Schreibvorgänge aus der eigenen Map</translation>
    </message>
    <message>
        <source>serves client reads from its own copy</source>
        <translation>bedient Client-Lesevorgänge aus der eigenen Kopie</translation>
    </message>
    <message>
        <source>shard key %1 on s%2</source>
        <translation>Shard-Schlüssel %1 auf s%2</translation>
    </message>
    <message>
        <source>shard keys %1 to %2 on s%3</source>
        <translation>Shard-Schlüssel %1 bis %2 auf s%3</translation>
    </message>
    <message>
        <source>shard keys from %1 on s%2</source>
        <translation>Shard-Schlüssel ab %1 auf s%2</translation>
    </message>
    <message>
        <source>shard keys up to %1 on s%2</source>
        <translation>Shard-Schlüssel bis %1 auf s%2</translation>
    </message>
    <message>
        <source>spare: waits for shard s%1 to join</source>
        <translation>Reserve: wartet auf den Beitritt von Shard s%1</translation>
    </message>
    <message>
        <source>speaks MySQL's dialect only</source>
        <translation>spricht nur den Dialekt von MySQL</translation>
    </message>
    <message>
        <source>speaks Oracle's dialect only</source>
        <translation>spricht nur den Dialekt von Oracle</translation>
    </message>
    <message>
        <source>speaks PostgreSQL only</source>
        <translation>spricht nur PostgreSQL</translation>
    </message>
    <message>
        <source>speaks SQL Server's dialect only</source>
        <translation>spricht nur den Dialekt von SQL Server</translation>
    </message>
    <message>
        <source>stores the keys k with k mod %1 = %2</source>
        <translation>speichert die Schlüssel k mit k mod %1 = %2</translation>
    </message>
    <message>
        <source>streaming its copy: %1 of %2 chunks sent</source>
        <translation>überträgt seine Kopie: %1 von %2 Teilstücken gesendet</translation>
    </message>
    <message>
        <source>suspects the leader after %1 s of silence</source>
        <translation>verdächtigt den Leader nach %1 s Stille</translation>
    </message>
    <message>
        <source>suspects the primary since %1 s</source>
        <translation>verdächtigt den Primary seit %1 s</translation>
    </message>
    <message>
        <source>synchronous commit: all %1 direct replicas must ack</source>
        <translation>synchroner Commit: alle %1 direkten Replikate müssen bestätigen</translation>
    </message>
    <message>
        <source>takes no part: a member list holds at most %1 nodes</source>
        <translation>nimmt nicht teil: eine Mitgliederliste fasst höchstens %1 Knoten</translation>
    </message>
    <message>
        <source>takes no writes: passes changes on</source>
        <translation>nimmt keine Schreibvorgänge an: gibt Änderungen weiter</translation>
    </message>
    <message>
        <source>tells no cache about a write</source>
        <translation>meldet keinem Cache einen Schreibvorgang</translation>
    </message>
    <message>
        <source>term %1</source>
        <translation>Term %1</translation>
    </message>
    <message>
        <source>the leader key was last renewed at %1 s</source>
        <translation>der Leader-Schlüssel wurde zuletzt bei %1 s erneuert</translation>
    </message>
    <message>
        <source>the primary has entries up to %1</source>
        <translation>der Primary hat Einträge bis %1</translation>
    </message>
    <message>
        <source>translates each part in %1 ms</source>
        <translation>übersetzt jeden Teil in %1 ms</translation>
    </message>
    <message>
        <source>user %1: shard key %2, value %3</source>
        <translation>Benutzer %1: Shard-Schlüssel %2, Wert %3</translation>
    </message>
    <message>
        <source>version vector %1: %2</source>
        <translation>Versionsvektor %1: %2</translation>
    </message>
    <message>
        <source>vertical partitioning: each node holds some columns of every row</source>
        <translation>vertikale Partitionierung: jeder Knoten hält einige Spalten jeder Zeile</translation>
    </message>
    <message>
        <source>vote from %1</source>
        <translation>Stimme von %1</translation>
    </message>
    <message>
        <source>voted for %1 in this term</source>
        <translation>hat in diesem Term für %1 gestimmt</translation>
    </message>
    <message>
        <source>voted in epoch %1</source>
        <translation>in Epoche %1 abgestimmt</translation>
    </message>
    <message>
        <source>witness: votes, holds no data</source>
        <translation>Zeuge: stimmt ab, hält keine Daten</translation>
    </message>
    <message>
        <source>written on %1 at %2 s</source>
        <translation>geschrieben auf %1 bei %2 s</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>QuizSheetText</name>
    <message>
        <source>Lesson %1: %2 (final test)</source>
        <translation>Lektion %1: %2 (Abschlusstest)</translation>
    </message>
    <message>
        <source>Lesson %1: %2</source>
        <translation>Lektion %1: %2</translation>
    </message>
    <message>
        <source>Answers to %1 · sheet %2 · page %3 of %4</source>
        <translation>Lösungen zu %1 · Bogen %2 · Seite %3 von %4</translation>
    </message>
    <message>
        <source>%1 · sheet %2 · page %3 of %4</source>
        <translation>%1 · Bogen %2 · Seite %3 von %4</translation>
    </message>
    <message>
        <source>1 question</source>
        <translation>1 Frage</translation>
    </message>
    <message>
        <source>%1 questions</source>
        <translation>%1 Fragen</translation>
    </message>
    <message>
        <source>ClusterScope quiz sheet %1 · %2</source>
        <translation>ClusterScope-Quizbogen %1 · %2</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>Name: %1</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>Datum: %1</translation>
    </message>
    <message>
        <source>Tick one answer for each question.</source>
        <translation>Kreuzen Sie bei jeder Frage eine Antwort an.</translation>
    </message>
    <message>
        <source>%1 of %2 correct answers pass.</source>
        <translation>Mit %1 von %2 richtigen Antworten ist der Test bestanden.</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Lösungen</translation>
    </message>
    <message>
        <source>%1 · sheet %2</source>
        <translation>%1 · Bogen %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>ClusterScope quiz sheet: %1</source>
        <translation>ClusterScope-Quizbogen: %1</translation>
    </message>
    <message>
        <source>nothing was drawn</source>
        <translation>es wurde nichts gezeichnet</translation>
    </message>
    <message>
        <source>There is no lesson %1.</source>
        <translation>Es gibt keine Lektion %1.</translation>
    </message>
</context>
<context>
    <name>SceneGraphBackend</name>
    <message>
        <source>as the environment asks</source>
        <translation>wie in der Umgebung festgelegt</translation>
    </message>
    <message>
        <source>software (offscreen)</source>
        <translation>Software (ohne Bildschirm)</translation>
    </message>
    <message>
        <source>software (no OpenGL)</source>
        <translation>Software (kein OpenGL)</translation>
    </message>
    <message>
        <source>software (OpenGL is %1)</source>
        <translation>Software (OpenGL ist %1)</translation>
    </message>
    <message>
        <source>OpenGL (%1)</source>
        <translation>OpenGL (%1)</translation>
    </message>
    <message>
        <source>unknown renderer</source>
        <translation>unbekannter Renderer</translation>
    </message>
</context>
<context>
    <name>StageText</name>
    <message>
        <source>term %1</source>
        <translation>Term %1</translation>
    </message>
    <message>
        <source>log %1</source>
        <translation>Log %1</translation>
    </message>
    <message>
        <source>commit %1</source>
        <translation>Commit %1</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>lag %1</source>
        <translation>Rückstand %1</translation>
    </message>
</context>
<context>
    <name>cs::ui::BranchComparison</name>
    <message>
        <source>nothing yet</source>
        <translation>noch nichts</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 bei %2</translation>
    </message>
    <message>
        <source>seed %1</source>
        <translation>Seed %1</translation>
    </message>
    <message>
        <source>your own actions from %1</source>
        <translation>Ihre eigenen Aktionen ab %1</translation>
    </message>
    <message>
        <source>They part at %1 (trace record %2): A: %3; B: %4.</source>
        <translation>Sie trennen sich bei %1 (Trace-Eintrag %2): A: %3; B: %4.</translation>
    </message>
</context>
<context>
    <name>cs::ui::ChallengePanel</name>
    <message>
        <source>Challenge</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>Neu beginnen</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Verlassen</translation>
    </message>
    <message>
        <source>Leave the challenge; the lesson's own experiments stay as they were</source>
        <translation>Die Aufgabe verlassen; die Experimente der Lektion bleiben, wie sie waren</translation>
    </message>
    <message>
        <source>Show a solution</source>
        <translation>Eine Lösung zeigen</translation>
    </message>
    <message>
        <source>Teacher mode: plays a recorded solution on the stage</source>
        <translation>Lehrermodus: spielt eine aufgezeichnete Lösung auf der Bühne ab</translation>
    </message>
    <message>
        <source>Challenge: break it — %1</source>
        <translation>Aufgabe: Mach es kaputt — %1</translation>
    </message>
    <message>
        <source>Challenge: fix it — %1</source>
        <translation>Aufgabe: Mach es heil — %1</translation>
    </message>
    <message>
        <source>Actions used: %1 of %2 (an undo counts as one).</source>
        <translation>Verbrauchte Aktionen: %1 von %2 (ein Rückgängigmachen zählt als eine).</translation>
    </message>
    <message>
        <source>Time limit: %1 s.</source>
        <translation>Zeitlimit: %1 s.</translation>
    </message>
    <message>
        <source>The recorded solution met the goal at %1 s.</source>
        <translation>Die aufgezeichnete Lösung hat das Ziel bei %1 s erreicht.</translation>
    </message>
    <message numerus="yes">
        <source>Goal met at %1 s with %n action(s). %2</source>
        <translation>
            <numerusform>Ziel bei %1 s mit %n Aktion erreicht. %2</numerusform>
            <numerusform>Ziel bei %1 s mit %n Aktionen erreicht. %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Time is up and the goal was not met. Start again to try another way.</source>
        <translation>Die Zeit ist um und das Ziel wurde nicht erreicht. Beginnen Sie neu, um es anders zu versuchen.</translation>
    </message>
    <message>
        <source>Not met yet. %1 %2</source>
        <translation>Noch nicht erreicht. %1 %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>cs::ui::ChallengeSession</name>
    <message numerus="yes">
        <source>You have used all %n action(s) this challenge allows. Start it again to try another way.</source>
        <translation>
            <numerusform>Sie haben die %n Aktion verbraucht, die diese Aufgabe erlaubt. Beginnen Sie neu, um es anders zu versuchen.</numerusform>
            <numerusform>Sie haben alle %n Aktionen verbraucht, die diese Aufgabe erlaubt. Beginnen Sie neu, um es anders zu versuchen.</numerusform>
        </translation>
    </message>
    <message>
        <source>This challenge does not allow a %1. Allowed: %2.</source>
        <translation>Diese Aufgabe erlaubt die Aktion „%1“ nicht. Erlaubt: %2.</translation>
    </message>
    <message>
        <source>The challenge's time limit has passed.</source>
        <translation>Das Zeitlimit der Aufgabe ist abgelaufen.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>cs::ui::ChartsPanel</name>
    <message>
        <source>Operations per second</source>
        <translation>Operationen pro Sekunde</translation>
    </message>
    <message>
        <source>Write latency by consistency level (ms)</source>
        <translation>Schreiblatenz nach Konsistenzstufe (ms)</translation>
    </message>
    <message>
        <source>Replication lag per replica (ms)</source>
        <translation>Replikationsverzögerung pro Replikat (ms)</translation>
    </message>
    <message>
        <source>Keys per shard</source>
        <translation>Schlüssel pro Shard</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <source>failed or timed out</source>
        <translation>fehlgeschlagen oder Zeitüberschreitung</translation>
    </message>
    <message>
        <source>median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>99th percentile</source>
        <translation>99. Perzentil</translation>
    </message>
    <message>
        <source>keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Chart to show</source>
        <translation>Angezeigtes Diagramm</translation>
    </message>
    <message>
        <source>Write latency</source>
        <translation>Schreiblatenz</translation>
    </message>
    <message>
        <source>Replication lag</source>
        <translation>Replikationsverzögerung</translation>
    </message>
    <message>
        <source>time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
    <message>
        <source>consistency level</source>
        <translation>Konsistenzstufe</translation>
    </message>
    <message>
        <source>shard</source>
        <translation>Shard</translation>
    </message>
    <message>
        <source>operations/s</source>
        <translation>Operationen/s</translation>
    </message>
    <message>
        <source>latency (ms)</source>
        <translation>Latenz (ms)</translation>
    </message>
    <message>
        <source>lag (ms)</source>
        <translation>Verzögerung (ms)</translation>
    </message>
    <message>
        <source>No read or write has finished yet: this chart counts the operations that finish each second.</source>
        <translation>Noch ist kein Lese- oder Schreibvorgang abgeschlossen: Dieses Diagramm zählt die Operationen, die in jeder Sekunde abgeschlossen werden.</translation>
    </message>
    <message>
        <source>The run has not started yet: this chart fills in as simulated time passes.</source>
        <translation>Der Lauf hat noch nicht begonnen: Dieses Diagramm füllt sich, während die simulierte Zeit vergeht.</translation>
    </message>
    <message>
        <source>No write has been acknowledged yet, so there is no write latency to show.</source>
        <translation>Noch wurde kein Schreibvorgang bestätigt, daher gibt es keine Schreiblatenz anzuzeigen.</translation>
    </message>
    <message>
        <source>No node in this scenario copies its data from another, so there is no replication lag to plot.</source>
        <translation>In diesem Szenario kopiert kein Knoten seine Daten von einem anderen, daher gibt es keine Replikationsverzögerung darzustellen.</translation>
    </message>
    <message>
        <source>This scenario has no shards: there is nothing to count per shard.</source>
        <translation>Dieses Szenario hat keine Shards: Es gibt nichts pro Shard zu zählen.</translation>
    </message>
    <message>
        <source>%1 keys moved so far</source>
        <translation>bisher %1 Schlüssel verschoben</translation>
    </message>
</context>
<context>
    <name>cs::ui::ClassDialog</name>
    <message>
        <source>Save class</source>
        <translation>Klasse speichern</translation>
    </message>
    <message>
        <source>e.g. Tuesday: replication and failover</source>
        <translation>z. B. Dienstag: Replikation und Failover</translation>
    </message>
    <message>
        <source>What the class is about (optional)</source>
        <translation>Worum es in der Klasse geht (optional)</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notiz:</translation>
    </message>
    <message>
        <source>&amp;Lessons the class shows:</source>
        <translation>&amp;Lektionen der Klasse:</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>St&amp;eps (each opens a run at a moment, with your note):</source>
        <translation>Sc&amp;hritte (jeder öffnet einen Lauf zu einem Zeitpunkt, mit Ihrer Notiz):</translation>
    </message>
    <message>
        <source>What to look at (optional)</source>
        <translation>Worauf zu achten ist (optional)</translation>
    </message>
    <message>
        <source>Show &amp;as:</source>
        <translation>Zeigen &amp;als:</translation>
    </message>
    <message>
        <source>Step n&amp;ote:</source>
        <translation>Notiz zum Sch&amp;ritt:</translation>
    </message>
    <message>
        <source>A&amp;dd the stage's run now as a step</source>
        <translation>Den Lauf auf der Bühne jetzt als Schritt hin&amp;zufügen</translation>
    </message>
    <message>
        <source>&amp;Remove step</source>
        <translation>Schritt &amp;entfernen</translation>
    </message>
    <message>
        <source>Try it: %1</source>
        <translation>Try it: %1</translation>
    </message>
    <message>
        <source>The simulation on its own</source>
        <translation>Die Simulation für sich</translation>
    </message>
    <message>
        <source>Open a lesson first: a step belongs to a lesson.</source>
        <translation>Öffnen Sie zuerst eine Lektion: Ein Schritt gehört zu einer Lektion.</translation>
    </message>
    <message>
        <source>Only the built-in simulations can be part of a class: a class file holds no runs of its own.</source>
        <translation>Nur die eingebauten Simulationen können Teil einer Klasse sein: Eine Klassendatei enthält keine eigenen Läufe.</translation>
    </message>
    <message>
        <source>A class has at most %1 steps.</source>
        <translation>Eine Klasse hat höchstens %1 Schritte.</translation>
    </message>
    <message>
        <source>%1. %2 (lesson %3, seed %4, from %5 s)</source>
        <translation>%1. %2 (Lektion %3, Seed %4, ab %5 s)</translation>
    </message>
    <message>
        <source>%1: cannot be written: %2</source>
        <translation>%1: kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Give the class a title first.</source>
        <translation>Geben Sie der Klasse zuerst einen Titel.</translation>
    </message>
    <message>
        <source>ClusterScope class (*.clusterscope-class)</source>
        <translation>ClusterScope-Klasse (*.clusterscope-class)</translation>
    </message>
    <message>
        <source>The class was not saved: %1</source>
        <translation>Die Klasse wurde nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>cs::ui::ClassSession</name>
    <message>
        <source>Open c&amp;lass...</source>
        <translation>K&amp;lasse öffnen...</translation>
    </message>
    <message>
        <source>Sa&amp;ve class...</source>
        <translation>Klasse spei&amp;chern...</translation>
    </message>
    <message>
        <source>Put together a class: lessons, runs at chosen moments and your notes, in one file</source>
        <translation>Stellen Sie eine Klasse zusammen: Lektionen, Läufe zu gewählten Zeitpunkten und Ihre Notizen, in einer Datei</translation>
    </message>
    <message>
        <source>Close cla&amp;ss</source>
        <translation>Klasse s&amp;chließen</translation>
    </message>
    <message>
        <source>%1: the course is not loaded, so a class cannot be opened</source>
        <translation>%1: Der Kurs ist nicht geladen, daher kann keine Klasse geöffnet werden</translation>
    </message>
    <message>
        <source>%1: cannot be read: %2</source>
        <translation>%1: kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>This class could not be opened: %1</source>
        <translation>Diese Klasse konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>%1. %2 (lesson %3, seed %4, from %5 s)</source>
        <translation>%1. %2 (Lektion %3, Seed %4, ab %5 s)</translation>
    </message>
    <message>
        <source>Class "%1" is open: File &gt; Close class returns to the whole course.</source>
        <translation>Die Klasse „%1“ ist geöffnet: Datei &gt; Klasse schließen führt zurück zum ganzen Kurs.</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>The class's steps</source>
        <translation>Die Schritte der Klasse</translation>
    </message>
    <message>
        <source>Close class</source>
        <translation>Klasse schließen</translation>
    </message>
    <message>
        <source>Class: %1</source>
        <translation>Klasse: %1</translation>
    </message>
    <message>
        <source>The class is closed: the whole course is shown again.</source>
        <translation>Die Klasse ist geschlossen: Der ganze Kurs wird wieder angezeigt.</translation>
    </message>
    <message>
        <source>Your progress could not be saved: %1</source>
        <translation>Ihr Fortschritt konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Open class</source>
        <translation>Klasse öffnen</translation>
    </message>
    <message>
        <source>ClusterScope class (*.clusterscope-class)</source>
        <translation>ClusterScope-Klasse (*.clusterscope-class)</translation>
    </message>
</context>
<context>
    <name>cs::ui::ClassroomModes</name>
    <message>
        <source>&amp;Projector mode</source>
        <translation>&amp;Projektormodus</translation>
    </message>
    <message>
        <source>P&amp;resentation mode (text and stage only)</source>
        <translation>P&amp;räsentationsmodus (nur Text und Bühne)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <source>&amp;Blank the screen</source>
        <translation>&amp;Bildschirm schwarz schalten</translation>
    </message>
    <message>
        <source>&amp;Next narration step</source>
        <translation>&amp;Nächster Erzählschritt</translation>
    </message>
    <message>
        <source>Pre&amp;vious narration step</source>
        <translation>&amp;Vorheriger Erzählschritt</translation>
    </message>
    <message>
        <source>&amp;Hide advanced details</source>
        <translation>&amp;Erweiterte Details ausblenden</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Darstellung</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>Wie das &amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>The translation for %1 could not be loaded.</source>
        <translation>Die Übersetzung für %1 konnte nicht geladen werden.</translation>
    </message>
    <message>
        <source>Screen blanked; press any key</source>
        <translation>Bildschirm schwarz; drücken Sie eine beliebige Taste</translation>
    </message>
    <message>
        <source>Screen blanked. Press any key or click to come back.</source>
        <translation>Bildschirm abgedunkelt. Eine beliebige Taste drücken oder klicken, um zurückzukehren.</translation>
    </message>
</context>
<context>
    <name>cs::ui::CompareDialog</name>
    <message>
        <source>Compare a change</source>
        <translation>Eine Änderung vergleichen</translation>
    </message>
    <message>
        <source>Fork the run at %1 into a second branch, B, with one change. A stays as it is; both play on one clock, side by side, and the timeline marks where they part. A changed parameter or seed applies to B from the start, with your actions so far.</source>
        <translation>Der Lauf wird bei %1 in einen zweiten Zweig, B, mit einer Änderung verzweigt. A bleibt, wie er ist; beide laufen auf einer Uhr nebeneinander, und die Zeitleiste markiert, wo sie sich trennen. Ein geänderter Parameter oder Seed gilt für B von Anfang an, mit Ihren bisherigen Aktionen.</translation>
    </message>
    <message>
        <source>Change a &amp;parameter of the model</source>
        <translation>Einen &amp;Parameter des Modells ändern</translation>
    </message>
    <message>
        <source>Use another &amp;seed (other random timings)</source>
        <translation>Einen anderen &amp;Seed verwenden (andere zufällige Zeiten)</translation>
    </message>
    <message>
        <source>Keep everything; only my &amp;own actions differ from now on</source>
        <translation>Alles beibehalten; nur meine &amp;eigenen Aktionen unterscheiden sich ab jetzt</translation>
    </message>
    <message>
        <source>Parameter:</source>
        <translation>Parameter:</translation>
    </message>
    <message>
        <source>New value:</source>
        <translation>Neuer Wert:</translation>
    </message>
    <message>
        <source>Seed for B:</source>
        <translation>Seed für B:</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <source>Now %1. %2</source>
        <translation>Jetzt %1. %2</translation>
    </message>
    <message>
        <source>This change cannot be compared.</source>
        <translation>Diese Änderung lässt sich nicht vergleichen.</translation>
    </message>
</context>
<context>
    <name>cs::ui::ComparePanel</name>
    <message>
        <source>Only what differs</source>
        <translation>Nur Unterschiede</translation>
    </message>
    <message>
        <source>Metrics of both branches</source>
        <translation>Metriken beider Zweige</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>No comparison is open. Simulation &gt; Compare a change... forks the run into a second branch.</source>
        <translation>Kein Vergleich ist offen. Simulation &gt; Eine Änderung vergleichen... verzweigt den Lauf in einen zweiten Zweig.</translation>
    </message>
    <message>
        <source>B: %1.</source>
        <translation>B: %1.</translation>
    </message>
    <message>
        <source>No difference yet: every trace record so far is the same in both.</source>
        <translation>Noch kein Unterschied: Jeder Trace-Eintrag ist bisher in beiden gleich.</translation>
    </message>
</context>
<context>
    <name>cs::ui::CompareView</name>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>Show branch A, the run as it is</source>
        <translation>Zweig A zeigen, den Lauf, wie er ist</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Show branch B, the run with the change</source>
        <translation>Zweig B zeigen, den Lauf mit der Änderung</translation>
    </message>
    <message>
        <source>Export...</source>
        <translation>Exportieren...</translation>
    </message>
    <message>
        <source>Export the comparison as SVG or PNG</source>
        <translation>Den Vergleich als SVG oder PNG exportieren</translation>
    </message>
    <message>
        <source>Close comparison</source>
        <translation>Vergleich schließen</translation>
    </message>
    <message>
        <source>Close the comparison and keep branch A</source>
        <translation>Den Vergleich schließen und Zweig A behalten</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Cluster stage, branch B</source>
        <translation>Cluster-Bühne, Zweig B</translation>
    </message>
    <message>
        <source>Comparing: B is the run with %1. Both follow the same clock.</source>
        <translation>Vergleich: B ist der Lauf mit %1. Beide folgen derselben Uhr.</translation>
    </message>
    <message>
        <source>The saved second branch could not be opened: %1</source>
        <translation>Der gespeicherte zweite Zweig ließ sich nicht öffnen: %1</translation>
    </message>
    <message>
        <source>A: the run as it is</source>
        <translation>A: der Lauf, wie er ist</translation>
    </message>
    <message>
        <source>B: %1</source>
        <translation>B: %1</translation>
    </message>
    <message>
        <source>The purple bar on the timeline marks it.</source>
        <translation>Der violette Balken auf der Zeitleiste markiert die Stelle.</translation>
    </message>
    <message>
        <source>Every trace record so far is the same in both.</source>
        <translation>Jeder Trace-Eintrag ist bisher in beiden gleich.</translation>
    </message>
    <message>
        <source>they part at %1 s</source>
        <translation>sie trennen sich bei %1 s</translation>
    </message>
    <message>
        <source>no difference yet</source>
        <translation>noch kein Unterschied</translation>
    </message>
    <message>
        <source>A and B</source>
        <translation>A und B</translation>
    </message>
    <message>
        <source>No comparison is open.</source>
        <translation>Kein Vergleich ist offen.</translation>
    </message>
    <message>
        <source>No difference yet: every trace record so far is the same in both.</source>
        <translation>Noch kein Unterschied: Jeder Trace-Eintrag ist bisher in beiden gleich.</translation>
    </message>
    <message>
        <source>%1 at %2: A and B</source>
        <translation>%1 bei %2: A und B</translation>
    </message>
    <message>
        <source>Export the comparison</source>
        <translation>Den Vergleich exportieren</translation>
    </message>
    <message>
        <source>SVG image (*.svg);;PNG image (*.png)</source>
        <translation>SVG-Bild (*.svg);;PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>Exported the comparison to %1</source>
        <translation>Den Vergleich nach %1 exportiert</translation>
    </message>
</context>
<context>
    <name>cs::ui::CompletionView</name>
    <message>
        <source>Course completed</source>
        <translation>Kurs abgeschlossen</translation>
    </message>
    <message>
        <source>Course completion summary</source>
        <translation>Zusammenfassung des Kursabschlusses</translation>
    </message>
    <message>
        <source>&amp;Export as PDF…</source>
        <translation>Als PDF &amp;exportieren …</translation>
    </message>
    <message>
        <source>Export as PDF</source>
        <translation>Als PDF exportieren</translation>
    </message>
    <message>
        <source>Save this summary as a one-page PDF certificate</source>
        <translation>Diese Zusammenfassung als einseitiges PDF-Zertifikat speichern</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Gespeichert unter %1</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Results are hidden. The certificate shows again when View &gt; Hide my results is turned off.</source>
        <translation>Ergebnisse ausgeblendet. Das Zertifikat erscheint wieder, wenn Ansicht &gt; Meine Ergebnisse ausblenden ausgeschaltet wird.</translation>
    </message>
</context>
<context>
    <name>cs::ui::CourseNavigator</name>
    <message>
        <source>Lessons</source>
        <translation>Lektionen</translation>
    </message>
    <message>
        <source>Course progress</source>
        <translation>Kursfortschritt</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source> (locked)</source>
        <translation> (gesperrt)</translation>
    </message>
    <message>
        <source>locked: pass the previous lesson's quiz to open it</source>
        <translation>gesperrt: Bestehen Sie das Quiz der vorherigen Lektion, um sie freizuschalten</translation>
    </message>
    <message>
        <source>open</source>
        <translation>freigeschaltet</translation>
    </message>
    <message>
        <source> (best %1/%2)</source>
        <translation> (Bestwert %1/%2)</translation>
    </message>
    <message>
        <source>passed, best score %1 of %2</source>
        <translation>bestanden, bestes Ergebnis %1 von %2</translation>
    </message>
    <message>
        <source>%1 of %2 lessons passed</source>
        <translation>%1 von %2 Lektionen bestanden</translation>
    </message>
    <message>
        <source>challenges %1/%2</source>
        <translation>Aufgaben %1/%2</translation>
    </message>
    <message>
        <source>Review: %1 due</source>
        <translation>Wiederholen: %1 fällig</translation>
    </message>
    <message>
        <source>Answer again the questions you missed that are due today</source>
        <translation>Die heute fälligen Fragen, die Sie verfehlt haben, noch einmal beantworten</translation>
    </message>
    <message>
        <source>Nothing is due today; missed questions come back after 1, 3, 7 and 21 days</source>
        <translation>Heute ist nichts fällig; verfehlte Fragen kommen nach 1, 3, 7 und 21 Tagen wieder</translation>
    </message>
    <message>
        <source>Questions due for review: %1</source>
        <translation>Zur Wiederholung fällige Fragen: %1</translation>
    </message>
    <message>
        <source>View &gt; Hide my results shows them again</source>
        <translation>Ansicht &gt; Meine Ergebnisse ausblenden zeigt sie wieder an</translation>
    </message>
</context>
<context>
    <name>cs::ui::CourseSession</name>
    <message>
        <source>**You have completed the course.** Your best results:</source>
        <translation>**Sie haben den Kurs abgeschlossen.** Ihre besten Ergebnisse:</translation>
    </message>
    <message>
        <source>not taken</source>
        <translation>nicht abgelegt</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>cs::ui::EventLog</name>
    <message>
        <source>Show events of kind</source>
        <translation>Ereignisse dieser Art anzeigen</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Alle Ereignisse</translation>
    </message>
    <message>
        <source>Filter, e.g. n3 or heartbeat</source>
        <translation>Filter, z. B. n3 oder heartbeat</translation>
    </message>
    <message>
        <source>Filter events by text</source>
        <translation>Ereignisse nach Text filtern</translation>
    </message>
    <message>
        <source>Events, newest first</source>
        <translation>Ereignisse, neueste zuerst</translation>
    </message>
</context>
<context>
    <name>cs::ui::EventLogModel</name>
    <message>
        <source>Time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Other end</source>
        <translation>Gegenstelle</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>client %1</source>
        <translation>Client %1</translation>
    </message>
    <message>
        <source>timer %1</source>
        <translation>Timer %1</translation>
    </message>
    <message>
        <source>%1, term %2</source>
        <translation>%1, Term %2</translation>
    </message>
    <message>
        <source>%1 key %2</source>
        <translation>%1 von Schlüssel %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>cs::ui::GlossaryDialog</name>
    <message>
        <source>Glossary</source>
        <translation>Glossar</translation>
    </message>
    <message>
        <source>Search the glossary</source>
        <translation>Glossar durchsuchen</translation>
    </message>
    <message>
        <source>Type to filter the terms; Up and Down choose one, Enter shows its definition</source>
        <translation>Tippen Sie, um die Begriffe zu filtern; Pfeil hoch und Pfeil runter wählen einen aus, die Eingabetaste zeigt seine Definition</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>Begriffe</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Definition</translation>
    </message>
    <message>
        <source>No term matches “%1”.</source>
        <translation>Kein Begriff passt zu „%1“.</translation>
    </message>
    <message>
        <source>Also: %1</source>
        <translation>Auch: %1</translation>
    </message>
    <message>
        <source>Open the scenario: %1</source>
        <translation>Szenario öffnen: %1</translation>
    </message>
    <message>
        <source>Load this scenario onto the stage to see the term at work</source>
        <translation>Dieses Szenario auf die Bühne laden, um den Begriff in Aktion zu sehen</translation>
    </message>
</context>
<context>
    <name>cs::ui::GlossaryHelp</name>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>This course has no glossary (a glossary.json file beside course.json).</source>
        <translation>Dieser Kurs hat kein Glossar (eine Datei glossary.json neben course.json).</translation>
    </message>
    <message>
        <source>The glossary could not be read: %1</source>
        <translation>Das Glossar konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>&amp;Glossary</source>
        <translation>&amp;Glossar</translation>
    </message>
    <message>
        <source>The course's terms with their definitions, with search</source>
        <translation>Die Begriffe des Kurses mit ihren Definitionen, durchsuchbar</translation>
    </message>
</context>
<context>
    <name>cs::ui::HistoryLegend</name>
    <message>
        <source>Legend of the history timeline</source>
        <translation>Legende der Verlaufszeitleiste</translation>
    </message>
    <message>
        <source>write</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>read</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>failed (no effect)</source>
        <translation>fehlgeschlagen (ohne Wirkung)</translation>
    </message>
    <message>
        <source>outcome unknown</source>
        <translation>Ergebnis unbekannt</translation>
    </message>
    <message>
        <source>no answer yet</source>
        <translation>noch keine Antwort</translation>
    </message>
    <message>
        <source>no single copy could explain it</source>
        <translation>durch keine einzelne Kopie erklärbar</translation>
    </message>
</context>
<context>
    <name>cs::ui::HistoryPanel</name>
    <message>
        <source>Check linearizability</source>
        <translation>Linearisierbarkeit prüfen</translation>
    </message>
    <message>
        <source>Could what the clients saw have happened on a single copy of the data?</source>
        <translation>Hätte das, was die Clients gesehen haben, auf einer einzigen Kopie der Daten geschehen können?</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>Noch nicht geprüft.</translation>
    </message>
    <message>
        <source>Verdict of the history check</source>
        <translation>Ergebnis der Verlaufsprüfung</translation>
    </message>
    <message>
        <source>Linearizable: the %1 operations could have happened, in this order, on one copy of the data.</source>
        <translation>Linearisierbar: Die %1 Operationen hätten in dieser Reihenfolge auf einer einzigen Kopie der Daten geschehen können.</translation>
    </message>
    <message>
        <source>Not linearizable: no single-copy order explains what the clients saw. The %1 operations marked ✗ could not come next.</source>
        <translation>Nicht linearisierbar: Keine Reihenfolge auf einer einzigen Kopie erklärt, was die Clients gesehen haben. Die %1 mit ✗ markierten Operationen konnten nicht als Nächstes kommen.</translation>
    </message>
    <message>
        <source>Unknown: the check ran out of its budget before deciding (this is not a pass).</source>
        <translation>Unbekannt: Die Prüfung hat ihr Budget aufgebraucht, bevor sie entscheiden konnte (das gilt nicht als bestanden).</translation>
    </message>
    <message>
        <source>What the history check found</source>
        <translation>Was die Verlaufsprüfung ergeben hat</translation>
    </message>
    <message>
        <source>Not checked yet: “Check linearizability” asks whether every read could have come from a single copy of the data.</source>
        <translation>Noch nicht geprüft: „Linearisierbarkeit prüfen“ fragt, ob jeder Lesevorgang von einer einzigen Kopie der Daten stammen könnte.</translation>
    </message>
    <message>
        <source>No client operations yet, so there is nothing to check: send a read or a write first.</source>
        <translation>Noch keine Client-Operationen, also gibt es nichts zu prüfen: Senden Sie zuerst einen Lese- oder Schreibvorgang.</translation>
    </message>
    <message>
        <source>Every read returned a value that a single copy of the data could have returned: the history is linearizable.</source>
        <translation>Jeder Lesevorgang lieferte einen Wert, den auch eine einzige Kopie der Daten hätte liefern können: Der Verlauf ist linearisierbar.</translation>
    </message>
    <message>
        <source>Some read saw a value no single copy could have shown at that time: the history is not linearizable (see the highlighted operations).</source>
        <translation>Ein Lesevorgang sah einen Wert, den keine einzelne Kopie zu diesem Zeitpunkt hätte zeigen können: Der Verlauf ist nicht linearisierbar (siehe die hervorgehobenen Operationen).</translation>
    </message>
    <message>
        <source>The check ran out of time before it could decide, so this says nothing either way: try it at an earlier moment, with fewer operations.</source>
        <translation>Die Prüfung hatte keine Zeit mehr, bevor sie entscheiden konnte, daher sagt dies weder das eine noch das andere: Versuchen Sie es zu einem früheren Zeitpunkt mit weniger Operationen.</translation>
    </message>
    <message>
        <source>For example, client %1 read key %2 between %3 ms and %4 ms and got %5.</source>
        <translation>Zum Beispiel las Client %1 den Schlüssel %2 zwischen %3 ms und %4 ms und erhielt %5.</translation>
    </message>
    <message>
        <source>For example, client %1 read key %2 between %3 ms and %4 ms and got no value at all.</source>
        <translation>Zum Beispiel las Client %1 den Schlüssel %2 zwischen %3 ms und %4 ms und erhielt gar keinen Wert.</translation>
    </message>
    <message>
        <source>What went wrong:</source>
        <translation>Was schiefging:</translation>
    </message>
    <message>
        <source>Examples of what went wrong</source>
        <translation>Beispiele dafür, was schiefging</translation>
    </message>
    <message>
        <source>Why this example is a problem</source>
        <translation>Warum dieses Beispiel ein Problem ist</translation>
    </message>
    <message>
        <source>Zoom to the example</source>
        <translation>Auf das Beispiel zoomen</translation>
    </message>
    <message>
        <source>Show on the lanes only the time around this example's operations</source>
        <translation>Auf den Bahnen nur die Zeit um die Operationen dieses Beispiels zeigen</translation>
    </message>
    <message>
        <source>Show on the stage</source>
        <translation>Auf der Bühne zeigen</translation>
    </message>
    <message>
        <source>Move the run to the moment of this example and highlight the nodes involved</source>
        <translation>Den Lauf zum Zeitpunkt dieses Beispiels bewegen und die beteiligten Knoten hervorheben</translation>
    </message>
</context>
<context>
    <name>cs::ui::HistoryTimeline</name>
    <message>
        <source>Client operations over time</source>
        <translation>Client-Operationen im Zeitverlauf</translation>
    </message>
    <message>
        <source>No client operations yet: send a read or a write (W, E on the stage).</source>
        <translation>Noch keine Client-Operationen: Senden Sie einen Schreib- oder Lesevorgang (W, E auf der Bühne).</translation>
    </message>
    <message>
        <source>client %1</source>
        <translation>Client %1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Write of the value %1 to key %2</source>
        <translation>Schreiben des Werts %1 in Schlüssel %2</translation>
    </message>
    <message>
        <source>Read of key %1: it returned %2</source>
        <translation>Lesen von Schlüssel %1: lieferte %2</translation>
    </message>
    <message>
        <source>Read of key %1: it returned nothing (no value yet)</source>
        <translation>Lesen von Schlüssel %1: lieferte nichts (noch kein Wert)</translation>
    </message>
    <message>
        <source>Read of key %1</source>
        <translation>Lesen von Schlüssel %1</translation>
    </message>
    <message>
        <source>Client %1, sent to %2</source>
        <translation>Client %1, gesendet an %2</translation>
    </message>
    <message>
        <source>Started at %1 ms, ended at %2 ms</source>
        <translation>Begonnen bei %1 ms, beendet bei %2 ms</translation>
    </message>
    <message>
        <source>Started at %1 ms, no answer yet</source>
        <translation>Begonnen bei %1 ms, noch keine Antwort</translation>
    </message>
    <message>
        <source>Outcome: ok (it took effect)</source>
        <translation>Ergebnis: ok (hat gewirkt)</translation>
    </message>
    <message>
        <source>Outcome: failed (it did not take effect)</source>
        <translation>Ergebnis: fehlgeschlagen (hat nicht gewirkt)</translation>
    </message>
    <message>
        <source>Outcome: unknown (no answer came back: it may or may not have taken effect)</source>
        <translation>Ergebnis: unbekannt (keine Antwort kam zurück: Die Operation hat vielleicht gewirkt, vielleicht nicht)</translation>
    </message>
    <message>
        <source>Outcome: still waiting for an answer</source>
        <translation>Ergebnis: wartet noch auf eine Antwort</translation>
    </message>
    <message>
        <source>✗ No single copy of the data could have given this answer at this time.</source>
        <translation>✗ Keine einzelne Kopie der Daten hätte zu diesem Zeitpunkt diese Antwort geben können.</translation>
    </message>
</context>
<context>
    <name>cs::ui::LabDialog</name>
    <message>
        <source>No leader after the crash</source>
        <translation>Ohne Leader nach dem Absturz</translation>
    </message>
    <message>
        <source>Elections it took</source>
        <translation>Benötigte Wahlen</translation>
    </message>
    <message>
        <source>Raft in etcd: kill the leader of five members and time the new election</source>
        <translation>Raft in etcd: den Leader von fünf Mitgliedern beenden und die neue Wahl messen</translation>
    </message>
    <message>
        <source>Live lab</source>
        <translation>Live-Labor</translation>
    </message>
    <message>
        <source>Repeat a lesson's experiment on real engines started on this computer (on 127.0.0.1 only, in the lab's own folder), and compare what they do with the simulation run with the same settings.</source>
        <translation>Wiederholen Sie das Experiment einer Lektion mit echten Datenbanksystemen, die auf diesem Computer gestartet werden (nur auf 127.0.0.1, im eigenen Ordner des Labors), und vergleichen Sie, was sie tun, mit der Simulation bei gleichen Einstellungen.</translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation>Experimente</translation>
    </message>
    <message>
        <source>&amp;Run on real engines</source>
        <translation>Mit echten Systemen &amp;ausführen</translation>
    </message>
    <message>
        <source>Real and simulated figures</source>
        <translation>Echte und simulierte Werte</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Messgröße</translation>
    </message>
    <message>
        <source>Real</source>
        <translation>Echt</translation>
    </message>
    <message>
        <source>Simulated: mean (range)</source>
        <translation>Simuliert: Mittel (Spanne)</translation>
    </message>
    <message>
        <source>What the engines logged</source>
        <translation>Was die Systeme protokolliert haben</translation>
    </message>
    <message>
        <source>What the engines log about the experiment appears here.</source>
        <translation>Hier erscheint, was die Systeme über das Experiment protokollieren.</translation>
    </message>
    <message>
        <source>This computer does not have the engines the lab needs. On Debian 12, install them with &lt;b&gt;sudo apt-get install%1&lt;/b&gt; (or run scripts/lab-deps.sh from ClusterScope's source folder), then open the lab again. Everything else works without them.</source>
        <translation>Diesem Computer fehlen die Systeme, die das Labor braucht. Unter Debian 12 installieren Sie sie mit &lt;b&gt;sudo apt-get install%1&lt;/b&gt; (oder mit scripts/lab-deps.sh aus dem Quellordner von ClusterScope) und öffnen das Labor dann erneut. Alles andere funktioniert auch ohne sie.</translation>
    </message>
    <message>
        <source>Done, but some engine processes are still running: Simulation &gt; Live lab stops them at its next run, or run clusterscope-cli lab clean.</source>
        <translation>Fertig, aber einige Prozesse der Systeme laufen noch: Simulation &gt; Live-Labor beendet sie beim nächsten Lauf, oder führen Sie clusterscope-cli lab clean aus.</translation>
    </message>
    <message>
        <source>Done. Every engine process the lab started has stopped. The run's data and logs are in %1.</source>
        <translation>Fertig. Jeder Prozess, den das Labor gestartet hat, ist beendet. Daten und Protokolle des Laufs liegen in %1.</translation>
    </message>
    <message>
        <source>The experiment could not run: %1</source>
        <translation>Das Experiment konnte nicht laufen: %1</translation>
    </message>
    <message>
        <source>%1 (%2 to %3)</source>
        <translation>%1 (%2 bis %3)</translation>
    </message>
    <message>
        <source>&amp;Live lab...</source>
        <translation>&amp;Live-Labor …</translation>
    </message>
    <message>
        <source>Repeat an experiment on real engines started on this computer</source>
        <translation>Ein Experiment mit echten Systemen auf diesem Computer wiederholen</translation>
    </message>
    <message>
        <source>Puts the minority committed</source>
        <translation>Von der Minderheit bestätigte Puts</translation>
    </message>
    <message>
        <source>Puts the majority committed</source>
        <translation>Von der Mehrheit bestätigte Puts</translation>
    </message>
    <message>
        <source>Cut to the majority's new leader</source>
        <translation>Trennung bis zum neuen Leader der Mehrheit</translation>
    </message>
    <message>
        <source>Heal to the minority rejoined</source>
        <translation>Heilung bis zur Wiederaufnahme der Minderheit</translation>
    </message>
    <message>
        <source>Leaders elected</source>
        <translation>Gewählte Leader</translation>
    </message>
    <message>
        <source>Replay lag during a write burst</source>
        <translation>Replay-Verzögerung bei einer Schreibwelle</translation>
    </message>
    <message>
        <source>Write latency, no synchronous standby</source>
        <translation>Schreiblatenz, ohne synchronen Standby</translation>
    </message>
    <message>
        <source>Write latency, synchronous_commit on</source>
        <translation>Schreiblatenz, synchronous_commit on</translation>
    </message>
    <message>
        <source>Write latency, remote_apply</source>
        <translation>Schreiblatenz, remote_apply</translation>
    </message>
    <message>
        <source>Acknowledged writes lost, asynchronous</source>
        <translation>Verlorene bestätigte Schreibvorgänge, asynchron</translation>
    </message>
    <message>
        <source>Acknowledged writes lost, synchronous</source>
        <translation>Verlorene bestätigte Schreibvorgänge, synchron</translation>
    </message>
    <message>
        <source>Primary killed to a replica promoted</source>
        <translation>Primary beendet bis Replikat befördert</translation>
    </message>
    <message>
        <source>Acknowledged writes lost</source>
        <translation>Verlorene bestätigte Schreibvorgänge</translation>
    </message>
    <message>
        <source>Cut from etcd to the old primary's demotion</source>
        <translation>Von etcd getrennt bis zur Herabstufung des alten Primary</translation>
    </message>
    <message>
        <source>Cut from etcd to the next primary</source>
        <translation>Von etcd getrennt bis zum nächsten Primary</translation>
    </message>
    <message>
        <source>Two primaries taking writes at once</source>
        <translation>Zwei Primaries nehmen gleichzeitig Schreibvorgänge an</translation>
    </message>
    <message>
        <source>Primaries at once, at most</source>
        <translation>Höchstens gleichzeitige Primaries</translation>
    </message>
    <message>
        <source>Primaries in turn</source>
        <translation>Primaries nacheinander</translation>
    </message>
    <message>
        <source>Primaries that demoted themselves</source>
        <translation>Primaries, die sich selbst herabstuften</translation>
    </message>
    <message>
        <source>etcd: the leader killed, a new one elected</source>
        <translation>etcd: Leader beendet, ein neuer gewählt</translation>
    </message>
    <message>
        <source>etcd: a partitioned minority cannot commit</source>
        <translation>etcd: eine abgetrennte Minderheit kann nicht bestätigen</translation>
    </message>
    <message>
        <source>PostgreSQL: streaming replication, lag and stale reads</source>
        <translation>PostgreSQL: Streaming-Replikation, Verzögerung und veraltete Lesevorgänge</translation>
    </message>
    <message>
        <source>PostgreSQL: failover, lost writes and pg_rewind</source>
        <translation>PostgreSQL: Failover, verlorene Schreibvorgänge und pg_rewind</translation>
    </message>
    <message>
        <source>Patroni: automatic failover and fencing</source>
        <translation>Patroni: automatisches Failover und Fencing</translation>
    </message>
    <message>
        <source>Raft in etcd: cut the leader and one other member off from the other three; the minority cannot commit, the majority elects a leader and can; heal and time the rejoin</source>
        <translation>Raft in etcd: Der Leader und ein weiteres Mitglied werden von den anderen drei getrennt; die Minderheit kann nichts bestätigen, die Mehrheit wählt einen Leader und kann es; nach der Heilung wird die Wiederaufnahme gemessen</translation>
    </message>
    <message>
        <source>PostgreSQL streaming replication: a standby's lag, a stale read from it, and what synchronous commit costs</source>
        <translation>PostgreSQL-Streaming-Replikation: die Verzögerung eines Standby, ein veralteter Lesevorgang dort und was synchrones Commit kostet</translation>
    </message>
    <message>
        <source>PostgreSQL failover: acknowledged writes lost by an asynchronous standby, none by a synchronous one, and the old primary rewound with pg_rewind</source>
        <translation>PostgreSQL-Failover: Ein asynchroner Standby verliert bestätigte Schreibvorgänge, ein synchroner keine, und der alte Primary wird mit pg_rewind zurückgesetzt</translation>
    </message>
    <message>
        <source>Patroni with etcd: the primary killed and a replica promoted when its leader key expires; then the new primary cut off from etcd demotes itself before another takes the key</source>
        <translation>Patroni mit etcd: Der Primary wird beendet und ein Replikat befördert, sobald sein Leader-Schlüssel abläuft; dann stuft sich der von etcd getrennte neue Primary selbst herab, bevor ein anderer den Schlüssel übernimmt</translation>
    </message>
    <message>
        <source>Lesson %1 · %2</source>
        <translation>Lektion %1 · %2</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <source>Stop the experiment at its next step; every engine it started is stopped</source>
        <translation>Das Experiment beim nächsten Schritt anhalten; jedes gestartete System wird beendet</translation>
    </message>
    <message>
        <source>&amp;Open the simulation</source>
        <translation>Simulation &amp;öffnen</translation>
    </message>
    <message>
        <source>Load the built-in scenario this experiment mirrors onto the stage</source>
        <translation>Das eingebaute Szenario, dem dieses Experiment entspricht, auf die Bühne laden</translation>
    </message>
    <message>
        <source>Stopping at the next step; every engine the lab started is being stopped...</source>
        <translation>Halte beim nächsten Schritt an; jedes vom Labor gestartete System wird beendet …</translation>
    </message>
    <message>
        <source>%1. It mirrors the simulation "%2" (Open the simulation shows it) and needs: %3.</source>
        <translation>%1. Es entspricht der Simulation „%2“ (Simulation öffnen zeigt sie) und braucht: %3.</translation>
    </message>
    <message>
        <source>Running on real engines, then simulating the same cluster with their settings (up to a minute)...</source>
        <translation>Läuft auf echten Systemen, danach wird derselbe Cluster mit ihren Einstellungen simuliert (bis zu einer Minute) …</translation>
    </message>
    <message>
        <source>Warning: an engine process listened beyond this computer's loopback address: %1</source>
        <translation>Warnung: Ein Prozess eines Systems lauschte über die Loopback-Adresse dieses Computers hinaus: %1</translation>
    </message>
    <message>
        <source>Stopped. Every engine process the lab started has stopped.</source>
        <translation>Angehalten. Jeder vom Labor gestartete Prozess ist beendet.</translation>
    </message>
    <message>
        <source>What the engines logged:</source>
        <translation>Was die Systeme protokollierten:</translation>
    </message>
    <message>
        <source>The settings (the simulation ran with the same):</source>
        <translation>Die Einstellungen (die Simulation lief mit denselben):</translation>
    </message>
    <message>
        <source>another lab run is in progress (in another window or terminal); wait for it to end</source>
        <translation>ein anderer Laborlauf ist im Gange (in einem anderen Fenster oder Terminal); warten Sie, bis er endet</translation>
    </message>
    <message>
        <source>Stale reads on the standby, asynchronous</source>
        <translation>Veraltete Lesevorgänge am Standby, asynchron</translation>
    </message>
    <message>
        <source>Stale reads on the standby, remote_apply</source>
        <translation>Veraltete Lesevorgänge am Standby, remote_apply</translation>
    </message>
    <message>
        <source>Crash to first write, asynchronous</source>
        <translation>Absturz bis zum ersten Schreibvorgang, asynchron</translation>
    </message>
    <message>
        <source>Crash to first write, synchronous</source>
        <translation>Absturz bis zum ersten Schreibvorgang, synchron</translation>
    </message>
</context>
<context>
    <name>cs::ui::LearnerActions</name>
    <message>
        <source>Added %1 to the cluster: it starts empty, as a newly provisioned server.</source>
        <translation>%1 zum Cluster hinzugefügt: Er beginnt leer, wie ein neu bereitgestellter Server.</translation>
    </message>
    <message>
        <source>Removed %1 from the cluster: its data goes with it; add it again to start it afresh.</source>
        <translation>%1 aus dem Cluster entfernt: Seine Daten gehen mit; fügen Sie ihn erneut hinzu, um ihn frisch zu starten.</translation>
    </message>
    <message>
        <source>%1 is not in the cluster: add it first (A).</source>
        <translation>%1 ist nicht im Cluster: Fügen Sie ihn zuerst hinzu (A).</translation>
    </message>
    <message>
        <source>Restarted %1: it keeps what it wrote to disk.</source>
        <translation>%1 neu gestartet: Der Knoten behält, was er auf die Festplatte geschrieben hat.</translation>
    </message>
    <message>
        <source>Crashed %1: it loses everything held only in memory.</source>
        <translation>%1 zum Absturz gebracht: Der Knoten verliert alles, was nur im Arbeitsspeicher lag.</translation>
    </message>
    <message>
        <source>Resumed %1: it handles everything that waited.</source>
        <translation>%1 fortgesetzt: Der Knoten arbeitet alles ab, was gewartet hat.</translation>
    </message>
    <message>
        <source>Paused %1, as a long garbage-collection pause would.</source>
        <translation>%1 pausiert, wie es eine lange Garbage-Collection-Pause tun würde.</translation>
    </message>
    <message>
        <source>Isolated %1 from every other node.</source>
        <translation>%1 von allen anderen Knoten isoliert.</translation>
    </message>
    <message>
        <source>Every message to or from %1 now takes %2 ms longer.</source>
        <translation>Jede Nachricht an oder von %1 braucht jetzt %2 ms länger.</translation>
    </message>
    <message>
        <source>%1's clock now runs %2 s ahead.</source>
        <translation>Die Uhr von %1 geht jetzt %2 s vor.</translation>
    </message>
    <message>
        <source>A partition needs nodes on both sides: select some nodes, not all.</source>
        <translation>Eine Partition braucht Knoten auf beiden Seiten: Wählen Sie einige Knoten aus, nicht alle.</translation>
    </message>
    <message>
        <source>Partitioned %1 from the rest of the cluster.</source>
        <translation>%1 vom Rest des Clusters abgetrennt.</translation>
    </message>
    <message>
        <source>Healed the network: every link works again.</source>
        <translation>Netzwerk geheilt: Jede Verbindung funktioniert wieder.</translation>
    </message>
    <message>
        <source>Dropped message %1 in flight.</source>
        <translation>Nachricht %1 unterwegs verworfen.</translation>
    </message>
    <message>
        <source>No message is on its way to %1.</source>
        <translation>Zu %1 ist keine Nachricht unterwegs.</translation>
    </message>
    <message>
        <source>Sent a write of key %1 to %2.</source>
        <translation>Schreibvorgang für Schlüssel %1 an %2 gesendet.</translation>
    </message>
    <message>
        <source>Sent a read of key %1 to %2.</source>
        <translation>Lesevorgang für Schlüssel %1 an %2 gesendet.</translation>
    </message>
    <message>
        <source>&amp;Slow down (+%1 ms)</source>
        <translation>&amp;Verlangsamen (+%1 ms)</translation>
    </message>
    <message>
        <source>S&amp;kew clock (+%1 s)</source>
        <translation>&amp;Uhr verstellen (+%1 s)</translation>
    </message>
    <message>
        <source>a client</source>
        <translation>einem Client</translation>
    </message>
    <message>
        <source>Message %1: %2 from %3 to %4, arriving at %5 s. Shift+click drops it.</source>
        <translation>Nachricht %1: %2 von %3 an %4, Ankunft bei %5 s. Umschalt+Klick verwirft sie.</translation>
    </message>
</context>
<context>
    <name>cs::ui::LessonPane</name>
    <message>
        <source>Lesson sections</source>
        <translation>Abschnitte der Lektion</translation>
    </message>
    <message>
        <source>Jump to a section</source>
        <translation>Zu einem Abschnitt springen</translation>
    </message>
    <message>
        <source>Jump to quiz</source>
        <translation>Zum Quiz springen</translation>
    </message>
    <message>
        <source>Jump to the quiz at the end of this lesson (%1)</source>
        <translation>Zum Quiz am Ende dieser Lektion springen (%1)</translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation>Quiz</translation>
    </message>
    <message>
        <source>The quiz at the end of this lesson</source>
        <translation>Das Quiz am Ende dieser Lektion</translation>
    </message>
    <message>
        <source>Jump to a section of this lesson</source>
        <translation>Zu einem Abschnitt dieser Lektion springen</translation>
    </message>
    <message>
        <source>%1
Jump to another section of this lesson</source>
        <translation>%1
Zu einem anderen Abschnitt dieser Lektion springen</translation>
    </message>
    <message>
        <source>Leave the optional Hands-on sections (configuration walk-throughs) out of the lesson text</source>
        <translation>Die optionalen Praxisabschnitte (Konfigurationsanleitungen) im Lektionstext weglassen</translation>
    </message>
    <message>
        <source>Hide hands-on</source>
        <translation>Praxisabschnitte ausblenden</translation>
    </message>
</context>
<context>
    <name>cs::ui::LessonView</name>
    <message>
        <source>Lesson text</source>
        <translation>Lektionstext</translation>
    </message>
    <message>
        <source>%1 — hidden (advanced details)</source>
        <translation>%1 – ausgeblendet (Praxisabschnitt)</translation>
    </message>
    <message>
        <source>Figure: %1</source>
        <translation>Abbildung: %1</translation>
    </message>
    <message>
        <source>Show this figure larger</source>
        <translation>Diese Abbildung größer zeigen</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Abbildung</translation>
    </message>
</context>
<context>
    <name>cs::ui::MainWindow</name>
    <message>
        <source>ClusterScope</source>
        <translation>ClusterScope</translation>
    </message>
    <message>
        <source>Cluster description</source>
        <translation>Clusterbeschreibung</translation>
    </message>
    <message>
        <source>Sequence diagram</source>
        <translation>Sequenzdiagramm</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>Ereignisprotokoll</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open scenario...</source>
        <translation>Szenario ö&amp;ffnen...</translation>
    </message>
    <message>
        <source>&amp;Save run as scenario...</source>
        <translation>Lauf als Szenario &amp;speichern...</translation>
    </message>
    <message>
        <source>Export &amp;stage (SVG or PNG)...</source>
        <translation>Bü&amp;hne exportieren (SVG oder PNG)...</translation>
    </message>
    <message>
        <source>Export se&amp;quence diagram (SVG or PNG)...</source>
        <translation>Se&amp;quenzdiagramm exportieren (SVG oder PNG)...</translation>
    </message>
    <message>
        <source>&amp;Export progress...</source>
        <translation>Fortschritt &amp;exportieren...</translation>
    </message>
    <message>
        <source>&amp;Import progress...</source>
        <translation>Fortschritt &amp;importieren...</translation>
    </message>
    <message>
        <source>&amp;Reset progress...</source>
        <translation>Fortschritt &amp;zurücksetzen...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Simulation</source>
        <translation>&amp;Simulation</translation>
    </message>
    <message>
        <source>&amp;Play / Pause</source>
        <translation>&amp;Wiedergabe / Pause</translation>
    </message>
    <message>
        <source>&amp;Step to next event</source>
        <translation>&amp;Schritt zum nächsten Ereignis</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About ClusterScope</source>
        <translation>Ü&amp;ber ClusterScope</translation>
    </message>
    <message>
        <source>About ClusterScope</source>
        <translation>Über ClusterScope</translation>
    </message>
    <message>
        <source>&lt;h3&gt;ClusterScope %1&lt;/h3&gt;&lt;p&gt;Watch and break a running distributed database.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later (GPL-3.0-or-later).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ClusterScope %1&lt;/h3&gt;&lt;p&gt;Beobachten Sie eine laufende verteilte Datenbank und bringen Sie sie aus dem Tritt.&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU General Public License, Version 3 oder später (GPL-3.0-or-later).&lt;/p&gt;</translation>
    </message>
    <message>
        <source># The course could not be loaded

From %1:

    %2
</source>
        <translation># Der Kurs konnte nicht geladen werden

Aus %1:

    %2
</translation>
    </message>
    <message>
        <source>Course not loaded: %1</source>
        <translation>Kurs nicht geladen: %1</translation>
    </message>
    <message>
        <source># %1

This lesson is locked. Pass the quiz at the end of lesson %2, *%3*, to open it (%4 of %5 questions right).

Teachers can open every lesson with View &gt; Teacher mode.</source>
        <translation># %1

Diese Lektion ist gesperrt. Bestehen Sie das Quiz am Ende von Lektion %2, *%3*, um sie freizuschalten (%4 von %5 Fragen richtig).

Lehrkräfte können mit Ansicht &gt; Lehrermodus alle Lektionen freischalten.</translation>
    </message>
    <message>
        <source>The simulation "%1" is not built yet.</source>
        <translation>Die Simulation „%1“ ist noch nicht implementiert.</translation>
    </message>
    <message>
        <source>No Try it entry "%1" in this lesson.</source>
        <translation>Diese Lektion enthält keinen „Try it“-Eintrag „%1“.</translation>
    </message>
    <message>
        <source>Arrow keys choose a node; C crashes or restarts it, A adds it to or removes it from the cluster, P pauses, I isolates, S slows it down, K skews its clock, Enter selects it for a partition, G partitions the selection, H heals, D drops a message, W writes, E reads.</source>
        <translation>Pfeiltasten wählen einen Knoten; C lässt ihn abstürzen oder startet ihn neu, A fügt ihn dem Cluster hinzu oder entfernt ihn, P pausiert, I isoliert, S verlangsamt ihn, K verstellt seine Uhr, Eingabe wählt ihn für eine Partition aus, G trennt die Auswahl ab, H heilt das Netz, D verwirft eine Nachricht, W schreibt, E liest.</translation>
    </message>
    <message>
        <source>Drop this message</source>
        <translation>Diese Nachricht verwerfen</translation>
    </message>
    <message>
        <source>What is this message?</source>
        <translation>Was ist das für eine Nachricht?</translation>
    </message>
    <message>
        <source>Start with the lesson</source>
        <translation>Beginnen Sie mit der Lektion</translation>
    </message>
    <message>
        <source>Read the lesson from the top. Its blue “Try it” links load an experiment onto the stage, with steps to follow above it. The quiz at the end opens the next lesson.</source>
        <translation>Lesen Sie die Lektion von oben. Ihre blauen „Try it“-Links laden ein Experiment auf die Bühne, mit Schritten zum Mitmachen darüber. Das Quiz am Ende öffnet die nächste Lektion.</translation>
    </message>
    <message>
        <source>The stage: a cluster you can break</source>
        <translation>Die Bühne: ein Cluster, den Sie stören dürfen</translation>
    </message>
    <message>
        <source>Each box is a node, one database server. The dots travelling between them are messages; the legend below says what their shapes and colours mean.</source>
        <translation>Jeder Kasten ist ein Knoten, ein Datenbankserver. Die Punkte, die zwischen ihnen wandern, sind Nachrichten; die Legende darunter erklärt ihre Formen und Farben.</translation>
    </message>
    <message>
        <source>Play, pause, go back</source>
        <translation>Abspielen, anhalten, zurückgehen</translation>
    </message>
    <message>
        <source>Play (or Space) runs the simulation; Step handles one event at a time. Drag along the timeline to go back: every run can be replayed exactly.</source>
        <translation>Abspielen (oder Leertaste) startet die Simulation; Schritt behandelt ein Ereignis nach dem anderen. Ziehen Sie entlang der Zeitleiste, um zurückzugehen: Jeder Lauf lässt sich genau wiederholen.</translation>
    </message>
    <message>
        <source>Crash a node</source>
        <translation>Einen Knoten abstürzen lassen</translation>
    </message>
    <message>
        <source>Click a node to choose it, then press C (or right-click it) to crash it. Watch what the others do, then press C again to bring it back. Ctrl+Z undoes any action.</source>
        <translation>Klicken Sie auf einen Knoten, um ihn auszuwählen, und drücken Sie C (oder klicken Sie ihn rechts an), um ihn abstürzen zu lassen. Beobachten Sie die anderen und holen Sie ihn mit C zurück. Strg+Z macht jede Aktion rückgängig.</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo last action on the run</source>
        <translation>Letzte Aktion im Lauf &amp;rückgängig machen</translation>
    </message>
    <message>
        <source>&amp;Teacher mode for this session (open every lesson)</source>
        <translation>&amp;Lehrermodus für diese Sitzung (alle Lektionen offen)</translation>
    </message>
    <message>
        <source>&amp;Jump to the quiz</source>
        <translation>Zum &amp;Quiz springen</translation>
    </message>
    <message>
        <source>&amp;Lessons list</source>
        <translation>&amp;Lektionsliste</translation>
    </message>
    <message>
        <source>&amp;Welcome tour</source>
        <translation>&amp;Willkommensrundgang</translation>
    </message>
    <message>
        <source>&amp;Keyboard and mouse</source>
        <translation>&amp;Tastatur und Maus</translation>
    </message>
    <message>
        <source>Inside the node</source>
        <translation>Im Knoten</translation>
    </message>
    <message>
        <source>The challenges of lesson %1 could not be read: %2</source>
        <translation>Die Aufgaben von Lektion %1 konnten nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>No challenge "%1" in this lesson.</source>
        <translation>Keine Aufgabe „%1“ in dieser Lektion.</translation>
    </message>
    <message>
        <source>Your progress could not be saved: %1</source>
        <translation>Ihr Fortschritt konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>A prediction in lesson %1 could not be read: %2</source>
        <translation>Eine Vorhersage in Lektion %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>&lt;p&gt;Stage renderer: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;Darstellung der Bühne: %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Go to time or event...</source>
        <translation>Zu Zeit oder Ereignis &amp;gehen ...</translation>
    </message>
    <message>
        <source>Export &amp;comparison (SVG or PNG)...</source>
        <translation>&amp;Vergleich exportieren (SVG oder PNG)...</translation>
    </message>
    <message>
        <source>&amp;Compare a change...</source>
        <translation>Eine Änderung &amp;vergleichen...</translation>
    </message>
</context>
<context>
    <name>cs::ui::MetricsPanel</name>
    <message>
        <source>Run metrics</source>
        <translation>Metriken des Laufs</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Monitoring alerts firing</source>
        <translation>Ausgelöste Überwachungsalarme</translation>
    </message>
    <message>
        <source>Requests handled by the application tier</source>
        <translation>Von der Anwendungsschicht bearbeitete Anfragen</translation>
    </message>
    <message>
        <source>Backups sent</source>
        <translation>Gesendete Sicherungen</translation>
    </message>
    <message>
        <source>Cache hit rate</source>
        <translation>Cache-Trefferquote</translation>
    </message>
    <message>
        <source>Cache hit rate, last second</source>
        <translation>Cache-Trefferquote, letzte Sekunde</translation>
    </message>
    <message>
        <source>Cache hits</source>
        <translation>Cache-Treffer</translation>
    </message>
    <message>
        <source>Cache entries invalidated</source>
        <translation>Ungültig gemachte Cache-Einträge</translation>
    </message>
    <message>
        <source>Cache misses</source>
        <translation>Cache-Fehlzugriffe</translation>
    </message>
    <message>
        <source>Stale copies repaired</source>
        <translation>Reparierte veraltete Kopien</translation>
    </message>
    <message>
        <source>Value chosen at</source>
        <translation>Wert gewählt bei</translation>
    </message>
    <message>
        <source>Chosen value</source>
        <translation>Gewählter Wert</translation>
    </message>
    <message>
        <source>Answers received by clients</source>
        <translation>Von Clients empfangene Antworten</translation>
    </message>
    <message>
        <source>Total time clients waited</source>
        <translation>Gesamte Wartezeit der Clients</translation>
    </message>
    <message>
        <source>Requests sent by clients</source>
        <translation>Von Clients gesendete Anfragen</translation>
    </message>
    <message>
        <source>Client requests timed out</source>
        <translation>Zeitüberschreitungen bei Client-Anfragen</translation>
    </message>
    <message>
        <source>Messages between clients</source>
        <translation>Nachrichten zwischen Clients</translation>
    </message>
    <message>
        <source>Write conflicts</source>
        <translation>Schreibkonflikte</translation>
    </message>
    <message>
        <source>Connection errors</source>
        <translation>Verbindungsfehler</translation>
    </message>
    <message>
        <source>Replicas agree</source>
        <translation>Replikate stimmen überein</translation>
    </message>
    <message>
        <source>Copies of the data surviving</source>
        <translation>Erhaltene Kopien der Daten</translation>
    </message>
    <message>
        <source>Races for the leader key lost</source>
        <translation>Verlorene Wettläufe um den Leader-Schlüssel</translation>
    </message>
    <message>
        <source>Median write time, committed across regions</source>
        <translation>Median der Schreibzeit, über Regionen hinweg bestätigt</translation>
    </message>
    <message>
        <source>Requests touching several shards</source>
        <translation>Anfragen an mehrere Shards</translation>
    </message>
    <message>
        <source>Data lost (time span)</source>
        <translation>Datenverlust (Zeitspanne)</translation>
    </message>
    <message>
        <source>Data items stored on clients</source>
        <translation>Auf Clients gespeicherte Datensätze</translation>
    </message>
    <message>
        <source>Data items stored on servers</source>
        <translation>Auf Servern gespeicherte Datensätze</translation>
    </message>
    <message>
        <source>Queries run by the database tier</source>
        <translation>Von der Datenbankschicht ausgeführte Abfragen</translation>
    </message>
    <message>
        <source>Database connections opened</source>
        <translation>Geöffnete Datenbankverbindungen</translation>
    </message>
    <message>
        <source>Most database connections at once</source>
        <translation>Höchstzahl gleichzeitiger Datenbankverbindungen</translation>
    </message>
    <message>
        <source>Database connections refused</source>
        <translation>Abgewiesene Datenbankverbindungen</translation>
    </message>
    <message>
        <source>Database queries</source>
        <translation>Datenbankabfragen</translation>
    </message>
    <message>
        <source>Database reads</source>
        <translation>Lesezugriffe auf die Datenbank</translation>
    </message>
    <message>
        <source>Database reads, last second</source>
        <translation>Lesezugriffe auf die Datenbank, letzte Sekunde</translation>
    </message>
    <message>
        <source>Most queries running at once</source>
        <translation>Höchstzahl gleichzeitig laufender Abfragen</translation>
    </message>
    <message>
        <source>Database writes</source>
        <translation>Schreibzugriffe auf die Datenbank</translation>
    </message>
    <message>
        <source>Leaders demoted</source>
        <translation>Herabgestufte Leader</translation>
    </message>
    <message>
        <source>Time to detect the failure</source>
        <translation>Zeit bis zur Erkennung des Ausfalls</translation>
    </message>
    <message>
        <source>SQL dialect errors</source>
        <translation>SQL-Dialektfehler</translation>
    </message>
    <message>
        <source>Directory lookups</source>
        <translation>Verzeichnisabfragen</translation>
    </message>
    <message>
        <source>Disasters (nodes destroyed)</source>
        <translation>Katastrophen (zerstörte Knoten)</translation>
    </message>
    <message>
        <source>Nodes that passed the news on</source>
        <translation>Knoten, die die Neuigkeit weitergaben</translation>
    </message>
    <message>
        <source>Divergent writes (two leaders at once)</source>
        <translation>Abweichende Schreibvorgänge (zwei Leader gleichzeitig)</translation>
    </message>
    <message>
        <source>Double bookings</source>
        <translation>Doppelbuchungen</translation>
    </message>
    <message>
        <source>Elections started</source>
        <translation>Begonnene Wahlen</translation>
    </message>
    <message>
        <source>Log entries discarded</source>
        <translation>Verworfene Logeinträge</translation>
    </message>
    <message>
        <source>Simulation events</source>
        <translation>Simulationsereignisse</translation>
    </message>
    <message>
        <source>Failed health checks</source>
        <translation>Fehlgeschlagene Gesundheitsprüfungen</translation>
    </message>
    <message>
        <source>Failover time</source>
        <translation>Dauer des Failovers</translation>
    </message>
    <message>
        <source>Failovers</source>
        <translation>Failovers</translation>
    </message>
    <message>
        <source>False suspicions (the node was alive)</source>
        <translation>Falsche Verdachtsfälle (der Knoten lebte)</translation>
    </message>
    <message>
        <source>Followers that lost their log</source>
        <translation>Follower, die ihr Log verloren</translation>
    </message>
    <message>
        <source>Gossip messages sent</source>
        <translation>Gesendete Gossip-Nachrichten</translation>
    </message>
    <message>
        <source>Gossip messages received</source>
        <translation>Empfangene Gossip-Nachrichten</translation>
    </message>
    <message>
        <source>Gossip rounds until every node knew</source>
        <translation>Gossip-Runden, bis jeder Knoten Bescheid wusste</translation>
    </message>
    <message>
        <source>Heartbeats sent</source>
        <translation>Gesendete Heartbeats</translation>
    </message>
    <message>
        <source>Queries to the heterogeneous federation</source>
        <translation>Abfragen an die heterogene Föderation</translation>
    </message>
    <message>
        <source>Mean query time, heterogeneous</source>
        <translation>Mittlere Abfragezeit, heterogen</translation>
    </message>
    <message>
        <source>Query parts answered by heterogeneous sites</source>
        <translation>Von heterogenen Standorten beantwortete Teilabfragen</translation>
    </message>
    <message>
        <source>Hints delivered (hinted handoff)</source>
        <translation>Zugestellte Hinweise (Hinted Handoff)</translation>
    </message>
    <message>
        <source>Hints dropped</source>
        <translation>Verworfene Hinweise</translation>
    </message>
    <message>
        <source>Hints stored</source>
        <translation>Gespeicherte Hinweise</translation>
    </message>
    <message>
        <source>Queries to the homogeneous federation</source>
        <translation>Abfragen an die homogene Föderation</translation>
    </message>
    <message>
        <source>Mean query time, homogeneous</source>
        <translation>Mittlere Abfragezeit, homogen</translation>
    </message>
    <message>
        <source>Query parts answered by homogeneous sites</source>
        <translation>Von homogenen Standorten beantwortete Teilabfragen</translation>
    </message>
    <message>
        <source>Query translations, homogeneous</source>
        <translation>Abfrageübersetzungen, homogen</translation>
    </message>
    <message>
        <source>Hot shards</source>
        <translation>Überlastete Shards</translation>
    </message>
    <message>
        <source>Inserts refused (key already taken)</source>
        <translation>Abgelehnte Einfügungen (Schlüssel schon vergeben)</translation>
    </message>
    <message>
        <source>Keys moved</source>
        <translation>Verschobene Schlüssel</translation>
    </message>
    <message>
        <source>Keys stored</source>
        <translation>Gespeicherte Schlüssel</translation>
    </message>
    <message>
        <source>Median request time</source>
        <translation>Median der Anfragezeit</translation>
    </message>
    <message>
        <source>Request time, 99th percentile</source>
        <translation>Anfragezeit, 99. Perzentil</translation>
    </message>
    <message>
        <source>Leaders elected</source>
        <translation>Gewählte Leader</translation>
    </message>
    <message>
        <source>Load imbalance (busiest shard vs. average)</source>
        <translation>Lastungleichgewicht (meistbelasteter Shard zum Durchschnitt)</translation>
    </message>
    <message>
        <source>Median write time, committed within one region</source>
        <translation>Median der Schreibzeit, innerhalb einer Region bestätigt</translation>
    </message>
    <message>
        <source>log₂ of the number of nodes</source>
        <translation>log₂ der Anzahl der Knoten</translation>
    </message>
    <message>
        <source>Acknowledged writes lost</source>
        <translation>Verlorene bestätigte Schreibvorgänge</translation>
    </message>
    <message>
        <source>Most primaries at once</source>
        <translation>Höchstzahl gleichzeitiger Primaries</translation>
    </message>
    <message>
        <source>Largest replication lag</source>
        <translation>Größte Replikationsverzögerung</translation>
    </message>
    <message>
        <source>Messages delivered</source>
        <translation>Zugestellte Nachrichten</translation>
    </message>
    <message>
        <source>Messages dropped</source>
        <translation>Verlorene Nachrichten</translation>
    </message>
    <message>
        <source>Messages sent</source>
        <translation>Gesendete Nachrichten</translation>
    </message>
    <message>
        <source>Monitoring: connections</source>
        <translation>Überwachung: Verbindungen</translation>
    </message>
    <message>
        <source>Monitoring: failed health checks</source>
        <translation>Überwachung: fehlgeschlagene Gesundheitsprüfungen</translation>
    </message>
    <message>
        <source>Monitoring: failovers</source>
        <translation>Überwachung: Failovers</translation>
    </message>
    <message>
        <source>Monitoring: slowest recovery</source>
        <translation>Überwachung: langsamste Wiederherstellung</translation>
    </message>
    <message>
        <source>Monitoring: replication lag</source>
        <translation>Überwachung: Replikationsverzögerung</translation>
    </message>
    <message>
        <source>Reads that went back in time (monotonic reads broken)</source>
        <translation>Lesevorgänge, die in der Zeit zurücksprangen (monotones Lesen verletzt)</translation>
    </message>
    <message>
        <source>Most nodes informed by one node</source>
        <translation>Höchstzahl der von einem Knoten informierten Knoten</translation>
    </message>
    <message>
        <source>Nodes informed</source>
        <translation>Informierte Knoten</translation>
    </message>
    <message>
        <source>Nodes that learned the chosen value</source>
        <translation>Knoten, die den gewählten Wert kennen</translation>
    </message>
    <message>
        <source>Nodes powered off (STONITH)</source>
        <translation>Abgeschaltete Knoten (STONITH)</translation>
    </message>
    <message>
        <source>Nodes sending gossip</source>
        <translation>Knoten, die Gossip senden</translation>
    </message>
    <message>
        <source>Nodes storing data</source>
        <translation>Knoten, die Daten speichern</translation>
    </message>
    <message>
        <source>Retries after asking the wrong shard</source>
        <translation>Wiederholungen nach Anfrage beim falschen Shard</translation>
    </message>
    <message>
        <source>Client operations failed</source>
        <translation>Fehlgeschlagene Client-Operationen</translation>
    </message>
    <message>
        <source>Client operations succeeded</source>
        <translation>Erfolgreiche Client-Operationen</translation>
    </message>
    <message>
        <source>Client operations with unknown outcome</source>
        <translation>Client-Operationen mit unbekanntem Ergebnis</translation>
    </message>
    <message>
        <source>Median write time</source>
        <translation>Median der Schreibzeit</translation>
    </message>
    <message>
        <source>Write time, 99th percentile</source>
        <translation>Schreibzeit, 99. Perzentil</translation>
    </message>
    <message>
        <source>Partitions touched per read</source>
        <translation>Berührte Partitionen pro Lesevorgang</translation>
    </message>
    <message>
        <source>Paxos rejections (nacks)</source>
        <translation>Paxos-Ablehnungen (Nacks)</translation>
    </message>
    <message>
        <source>Paxos rounds started</source>
        <translation>Begonnene Paxos-Runden</translation>
    </message>
    <message>
        <source>Pooler: queries timed out</source>
        <translation>Pooler: Zeitüberschreitungen bei Abfragen</translation>
    </message>
    <message>
        <source>Pooler: clients refused</source>
        <translation>Pooler: abgewiesene Clients</translation>
    </message>
    <message>
        <source>Pooler: wait for a connection, 99th percentile</source>
        <translation>Pooler: Wartezeit auf eine Verbindung, 99. Perzentil</translation>
    </message>
    <message>
        <source>Pooler: clients that had to wait</source>
        <translation>Pooler: Clients, die warten mussten</translation>
    </message>
    <message>
        <source>Range splits</source>
        <translation>Bereichsteilungen</translation>
    </message>
    <message>
        <source>Read repairs</source>
        <translation>Reparaturen beim Lesen (Read Repair)</translation>
    </message>
    <message>
        <source>Reads that missed the reader's own earlier write</source>
        <translation>Lesevorgänge, die den eigenen früheren Schreibvorgang nicht sahen</translation>
    </message>
    <message>
        <source>Reads forwarded to the leader</source>
        <translation>An den Leader weitergeleitete Lesevorgänge</translation>
    </message>
    <message>
        <source>Longest time a replica lagged behind</source>
        <translation>Längster Rückstand eines Replikats</translation>
    </message>
    <message>
        <source>Entries the new primary lacked when the drain began</source>
        <translation>Einträge, die dem neuen Primary zu Beginn des Leerlaufens fehlten</translation>
    </message>
    <message>
        <source>Entries the new primary lacked at the switch</source>
        <translation>Einträge, die dem neuen Primary beim Wechsel fehlten</translation>
    </message>
    <message>
        <source>Total request time</source>
        <translation>Gesamte Anfragezeit</translation>
    </message>
    <message>
        <source>Mean request time</source>
        <translation>Mittlere Anfragezeit</translation>
    </message>
    <message>
        <source>Requests timed out</source>
        <translation>Zeitüberschreitungen bei Anfragen</translation>
    </message>
    <message>
        <source>Requests completed</source>
        <translation>Abgeschlossene Anfragen</translation>
    </message>
    <message>
        <source>Requests forwarded</source>
        <translation>Weitergeleitete Anfragen</translation>
    </message>
    <message>
        <source>Requests answered</source>
        <translation>Beantwortete Anfragen</translation>
    </message>
    <message>
        <source>Requests refused</source>
        <translation>Abgelehnte Anfragen</translation>
    </message>
    <message>
        <source>Requests sent</source>
        <translation>Gesendete Anfragen</translation>
    </message>
    <message>
        <source>Requests served</source>
        <translation>Bediente Anfragen</translation>
    </message>
    <message>
        <source>Requests served by clients (peers)</source>
        <translation>Von Clients (Peers) bediente Anfragen</translation>
    </message>
    <message>
        <source>Requests refused: too few replicas reachable</source>
        <translation>Abgelehnte Anfragen: zu wenige Replikate erreichbar</translation>
    </message>
    <message>
        <source>Restore in progress</source>
        <translation>Wiederherstellung läuft</translation>
    </message>
    <message>
        <source>Time to restore</source>
        <translation>Dauer der Wiederherstellung</translation>
    </message>
    <message>
        <source>Restores completed</source>
        <translation>Abgeschlossene Wiederherstellungen</translation>
    </message>
    <message>
        <source>Routing failures</source>
        <translation>Routing-Fehler</translation>
    </message>
    <message>
        <source>Rows replicated</source>
        <translation>Replizierte Zeilen</translation>
    </message>
    <message>
        <source>Mean scatter-gather query time</source>
        <translation>Mittlere Zeit einer Scatter-Gather-Abfrage</translation>
    </message>
    <message>
        <source>Scatter-gather queries (every shard)</source>
        <translation>Scatter-Gather-Abfragen (alle Shards)</translation>
    </message>
    <message>
        <source>Requests answered by servers</source>
        <translation>Von Servern beantwortete Anfragen</translation>
    </message>
    <message>
        <source>Messages between servers</source>
        <translation>Nachrichten zwischen Servern</translation>
    </message>
    <message>
        <source>Spread of keys over the shards (coefficient of variation)</source>
        <translation>Streuung der Schlüssel über die Shards (Variationskoeffizient)</translation>
    </message>
    <message>
        <source>Key imbalance (fullest shard vs. average)</source>
        <translation>Schlüsselungleichgewicht (vollster Shard zum Durchschnitt)</translation>
    </message>
    <message>
        <source>Requests to shards</source>
        <translation>Anfragen an Shards</translation>
    </message>
    <message>
        <source>Siblings merged</source>
        <translation>Zusammengeführte Geschwisterversionen</translation>
    </message>
    <message>
        <source>Siblings (concurrent versions kept)</source>
        <translation>Geschwisterversionen (parallel behaltene Versionen)</translation>
    </message>
    <message>
        <source>Mean single-shard query time</source>
        <translation>Mittlere Zeit einer Ein-Shard-Abfrage</translation>
    </message>
    <message>
        <source>Single-shard queries</source>
        <translation>Ein-Shard-Abfragen</translation>
    </message>
    <message>
        <source>Snapshots sent</source>
        <translation>Gesendete Snapshots</translation>
    </message>
    <message>
        <source>Writes acknowledged by a deposed primary</source>
        <translation>Von einem abgesetzten Primary bestätigte Schreibvorgänge</translation>
    </message>
    <message>
        <source>Stale reads (older than the latest write)</source>
        <translation>Veraltete Lesevorgänge (älter als der neueste Schreibvorgang)</translation>
    </message>
    <message>
        <source>Longest time a read lagged behind a write</source>
        <translation>Längster Rückstand eines Lesevorgangs hinter einem Schreibvorgang</translation>
    </message>
    <message>
        <source>State merges</source>
        <translation>Zustandszusammenführungen</translation>
    </message>
    <message>
        <source>Times a node was suspected</source>
        <translation>Verdachtsfälle gegen Knoten</translation>
    </message>
    <message>
        <source>Switchback time</source>
        <translation>Dauer des Zurückschaltens</translation>
    </message>
    <message>
        <source>Switchover time</source>
        <translation>Dauer der Umschaltung</translation>
    </message>
    <message>
        <source>Planned switchovers</source>
        <translation>Geplante Umschaltungen</translation>
    </message>
    <message>
        <source>Tier hops per request</source>
        <translation>Schichtwechsel pro Anfrage</translation>
    </message>
    <message>
        <source>Tier hops</source>
        <translation>Schichtwechsel</translation>
    </message>
    <message>
        <source>Query translations</source>
        <translation>Abfrageübersetzungen</translation>
    </message>
    <message>
        <source>Type conversions</source>
        <translation>Typumwandlungen</translation>
    </message>
    <message>
        <source>Longest time writes failed</source>
        <translation>Längste Zeit mit fehlschlagenden Schreibvorgängen</translation>
    </message>
    <message>
        <source>Values chosen</source>
        <translation>Gewählte Werte</translation>
    </message>
    <message>
        <source>Writes blocked by fencing</source>
        <translation>Durch Fencing blockierte Schreibvorgänge</translation>
    </message>
    <message>
        <source>Writes left hanging</source>
        <translation>Hängengebliebene Schreibvorgänge</translation>
    </message>
    <message>
        <source>Writes lost</source>
        <translation>Verlorene Schreibvorgänge</translation>
    </message>
    <message>
        <source>Writes refused</source>
        <translation>Abgelehnte Schreibvorgänge</translation>
    </message>
    <message>
        <source>Writes rolled back</source>
        <translation>Zurückgerollte Schreibvorgänge</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>noch nicht</translation>
    </message>
    <message>
        <source>median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>%1th percentile</source>
        <translation>%1. Perzentil</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>presentation</source>
        <translation>Präsentation</translation>
    </message>
    <message>
        <source>application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Round trip %1 ↔ %2</source>
        <translation>Umlaufzeit %1 ↔ %2</translation>
    </message>
    <message>
        <source>Round trip between regions %1</source>
        <translation>Umlaufzeit zwischen den Regionen %1</translation>
    </message>
    <message>
        <source>%1 (from the on-site copy)</source>
        <translation>%1 (aus der Kopie vor Ort)</translation>
    </message>
    <message>
        <source>%1 (from the off-site copy)</source>
        <translation>%1 (aus der externen Kopie)</translation>
    </message>
    <message>
        <source>%1 (from production)</source>
        <translation>%1 (aus der Produktion)</translation>
    </message>
    <message>
        <source>%1 (through the pooler)</source>
        <translation>%1 (über den Pooler)</translation>
    </message>
    <message>
        <source>%1 (straight to the database)</source>
        <translation>%1 (direkt zur Datenbank)</translation>
    </message>
    <message>
        <source>%1, level %2</source>
        <translation>%1, Stufe %2</translation>
    </message>
    <message>
        <source>Operations on shard %1</source>
        <translation>Operationen auf Shard %1</translation>
    </message>
    <message>
        <source>Mean request time, region %1</source>
        <translation>Mittlere Anfragezeit, Region %1</translation>
    </message>
    <message>
        <source>Nodes informed after round %1</source>
        <translation>Informierte Knoten nach Runde %1</translation>
    </message>
    <message>
        <source>Messages from the %1 tier to the %2 tier</source>
        <translation>Nachrichten von der Schicht %1 zur Schicht %2</translation>
    </message>
    <message>
        <source>%1
Key: %2</source>
        <translation>%1
Schlüssel: %2</translation>
    </message>
    <message>
        <source>%1: %2
As reported: %3</source>
        <translation>%1: %2
Wie gemeldet: %3</translation>
    </message>
</context>
<context>
    <name>cs::ui::NarrationPanel</name>
    <message>
        <source>Narration</source>
        <translation>Erzählung</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Previous step (Page Up)</source>
        <translation>Vorheriger Erzählschritt (Bild auf)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Next step: plays to it and pauses (Page Down)</source>
        <translation>Nächster Erzählschritt: spielt bis dorthin ab und pausiert (Bild ab)</translation>
    </message>
    <message>
        <source>%1 — step %2 of %3</source>
        <translation>%1 — Schritt %2 von %3</translation>
    </message>
    <message>
        <source>Your prediction held.</source>
        <translation>Ihre Vorhersage hat gestimmt.</translation>
    </message>
    <message>
        <source>Not this time.</source>
        <translation>Diesmal nicht.</translation>
    </message>
    <message>
        <source>You predicted “%1”. In the run the value is %2, so the answer is “%3”. %4 %5</source>
        <translation>Sie haben „%1“ vorhergesagt. Im Lauf ist der Wert %2, also lautet die Antwort „%3“. %4 %5</translation>
    </message>
    <message>
        <source>none of the options</source>
        <translation>keine der Möglichkeiten</translation>
    </message>
    <message>
        <source>The prediction is about the scenario's own run: your changes to it were set aside.</source>
        <translation>Die Vorhersage gilt dem eigenen Lauf des Szenarios: Ihre Änderungen daran wurden beiseitegelegt.</translation>
    </message>
    <message>
        <source>Answer the prediction first: the run cannot be changed until then.</source>
        <translation>Beantworten Sie zuerst die Vorhersage: Bis dahin lässt sich der Lauf nicht ändern.</translation>
    </message>
    <message>
        <source>%1 — step %2 of %3: predict first</source>
        <translation>%1 — Schritt %2 von %3: zuerst vorhersagen</translation>
    </message>
    <message>
        <source>Choose an answer first</source>
        <translation>Wählen Sie zuerst eine Antwort</translation>
    </message>
</context>
<context>
    <name>cs::ui::NodeInspector</name>
    <message>
        <source>Inside the node</source>
        <translation>Im Knoten</translation>
    </message>
    <message>
        <source>Choose a node on the stage to look inside it.</source>
        <translation>Wählen Sie einen Knoten auf der Bühne, um in ihn hineinzusehen.</translation>
    </message>
    <message>
        <source>%1 is down: it answers nothing until it is restarted. Below is what it kept.</source>
        <translation>%1 ist ausgefallen: Er beantwortet nichts, bis er neu gestartet wird. Unten steht, was er behalten hat.</translation>
    </message>
    <message>
        <source>Its state</source>
        <translation>Sein Zustand</translation>
    </message>
    <message numerus="yes">
        <source>%n more not shown</source>
        <translation>
            <numerusform>%n weiterer nicht angezeigt</numerusform>
            <numerusform>%n weitere nicht angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>Its log, newest last</source>
        <translation>Sein Log, neueste zuletzt</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier entries not shown</source>
        <translation>
            <numerusform>%n früherer Eintrag nicht angezeigt</numerusform>
            <numerusform>%n frühere Einträge nicht angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>Its data</source>
        <translation>Seine Daten</translation>
    </message>
    <message>
        <source>Its view of the cluster</source>
        <translation>Seine Sicht auf den Cluster</translation>
    </message>
    <message>
        <source>This model keeps nothing inside a node beyond what its card shows.</source>
        <translation>Dieses Modell hält in einem Knoten nichts über das hinaus, was seine Karte zeigt.</translation>
    </message>
</context>
<context>
    <name>cs::ui::NodeMenu</name>
    <message>
        <source>&amp;Node</source>
        <translation>&amp;Knoten</translation>
    </message>
    <message>
        <source>&amp;Crash or restart</source>
        <translation>&amp;Abstürzen lassen oder neu starten</translation>
    </message>
    <message>
        <source>&amp;Add to or remove from the cluster</source>
        <translation>Zum Cluster hinzufügen oder daraus en&amp;tfernen</translation>
    </message>
    <message>
        <source>&amp;Pause or resume</source>
        <translation>&amp;Pausieren oder fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Isolate</source>
        <translation>&amp;Isolieren</translation>
    </message>
    <message>
        <source>&amp;Drop the next message to it</source>
        <translation>&amp;Nächste Nachricht an ihn verwerfen</translation>
    </message>
    <message>
        <source>Send a &amp;write to it</source>
        <translation>&amp;Schreibvorgang an ihn senden</translation>
    </message>
    <message>
        <source>Send a r&amp;ead to it</source>
        <translation>&amp;Lesevorgang an ihn senden</translation>
    </message>
    <message>
        <source>Select for a partition</source>
        <translation>Für eine Partition auswählen</translation>
    </message>
    <message>
        <source>Partition the selection from the rest</source>
        <translation>Auswahl vom Rest abtrennen</translation>
    </message>
    <message>
        <source>&amp;Heal the network</source>
        <translation>Netzwerk &amp;heilen</translation>
    </message>
    <message>
        <source>Next node</source>
        <translation>Nächster Knoten</translation>
    </message>
    <message>
        <source>Previous node</source>
        <translation>Vorheriger Knoten</translation>
    </message>
    <message>
        <source>&amp;Look inside it (log, data, view of the cluster)</source>
        <translation>&amp;Hineinsehen (Log, Daten, Sicht auf den Cluster)</translation>
    </message>
</context>
<context>
    <name>cs::ui::NoticeBar</name>
    <message>
        <source>Notice</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Dismiss notice</source>
        <translation>Hinweis schließen</translation>
    </message>
</context>
<context>
    <name>cs::ui::ProfileActions</name>
    <message>
        <source>Switch &amp;profile...</source>
        <translation>&amp;Profil wechseln...</translation>
    </message>
    <message>
        <source>Always start in teacher mode in this profile...</source>
        <translation>In diesem Profil immer im Lehrermodus starten...</translation>
    </message>
    <message>
        <source>This window keeps its progress outside the profiles (as with --progress-file).</source>
        <translation>Dieses Fenster speichert seinen Fortschritt außerhalb der Profile (wie mit --progress-file).</translation>
    </message>
    <message>
        <source>Open another learner's profile, or make a new one (open now: %1).</source>
        <translation>Das Profil eines anderen Lernenden öffnen oder ein neues anlegen (jetzt geöffnet: %1).</translation>
    </message>
    <message>
        <source>Every lesson open whenever this profile starts, without passing the quizzes.</source>
        <translation>Alle Lektionen offen, wann immer dieses Profil startet, ohne die Quiz zu bestehen.</translation>
    </message>
    <message>
        <source>Always start in teacher mode</source>
        <translation>Immer im Lehrermodus starten</translation>
    </message>
    <message>
        <source>Every lesson will be open whenever the profile “%1” starts, without passing the quizzes, until you turn this off again. Other profiles stay as they are. Continue?</source>
        <translation>Alle Lektionen sind dann offen, wann immer das Profil „%1“ startet, ohne die Quiz zu bestehen, bis Sie dies wieder ausschalten. Andere Profile bleiben, wie sie sind. Fortfahren?</translation>
    </message>
    <message>
        <source>The profile's setting could not be saved: %1</source>
        <translation>Die Einstellung des Profils konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>cs::ui::ProfileDialog</name>
    <message>
        <source>Who is learning?</source>
        <translation>Wer lernt?</translation>
    </message>
    <message>
        <source>Switch profile</source>
        <translation>Profil wechseln</translation>
    </message>
    <message>
        <source>Each profile keeps its own progress: quiz results, challenges, and where its learner left off. Choose yours, or make a new one.</source>
        <translation>Jedes Profil hat seinen eigenen Fortschritt: Quiz-Ergebnisse, Aufgaben und die Stelle, an der sein Lernender aufgehört hat. Wählen Sie Ihres oder legen Sie ein neues an.</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>&amp;New profile:</source>
        <translation>&amp;Neues Profil:</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Anlegen</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Switch</source>
        <translation>&amp;Wechseln</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>A new profile, “%1”, was made for this session's progress.</source>
        <translation>Für den Fortschritt dieser Sitzung wurde ein neues Profil „%1“ angelegt.</translation>
    </message>
</context>
<context>
    <name>cs::ui::ProgressFiles</name>
    <message>
        <source>Export progress</source>
        <translation>Fortschritt exportieren</translation>
    </message>
    <message>
        <source>Progress files (*.json)</source>
        <translation>Fortschrittsdateien (*.json)</translation>
    </message>
    <message>
        <source>Progress exported to %1</source>
        <translation>Fortschritt nach %1 exportiert</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Fortschritt importieren</translation>
    </message>
    <message>
        <source>Replace your current progress with the progress in %1?</source>
        <translation>Ihren aktuellen Fortschritt durch den Fortschritt aus %1 ersetzen?</translation>
    </message>
    <message>
        <source>Progress imported from %1</source>
        <translation>Fortschritt aus %1 importiert</translation>
    </message>
    <message>
        <source>Reset progress</source>
        <translation>Fortschritt zurücksetzen</translation>
    </message>
    <message>
        <source>Forget every quiz result and lock all lessons but the first? The previous progress stays in the backup file until the next save.</source>
        <translation>Alle Quiz-Ergebnisse vergessen und alle Lektionen außer der ersten sperren? Der bisherige Fortschritt bleibt bis zum nächsten Speichern in der Sicherungsdatei erhalten.</translation>
    </message>
</context>
<context>
    <name>cs::ui::ProjectorTools</name>
    <message>
        <source>&amp;Hide my results</source>
        <translation>Meine Ergebnisse &amp;ausblenden</translation>
    </message>
    <message>
        <source>Keep scores, the review queue, challenge results and solutions off the screen</source>
        <translation>Punktzahlen, Wiederholungsliste, Aufgabenergebnisse und Lösungen nicht auf dem Bildschirm zeigen</translation>
    </message>
    <message>
        <source>Results are hidden until you turn off View &gt; Hide my results.</source>
        <translation>Ergebnisse bleiben ausgeblendet, bis Sie Ansicht &gt; Meine Ergebnisse ausblenden ausschalten.</translation>
    </message>
    <message>
        <source>Results are shown again.</source>
        <translation>Ergebnisse werden wieder angezeigt.</translation>
    </message>
    <message>
        <source>&amp;Print quiz sheet (PDF)...</source>
        <translation>Quizbogen &amp;drucken (PDF)...</translation>
    </message>
    <message>
        <source>Hide my results</source>
        <translation>Meine Ergebnisse ausblenden</translation>
    </message>
    <message>
        <source>Projector mode is on. Hide your results while you project?</source>
        <translation>Der Projektormodus ist an. Ihre Ergebnisse während der Projektion ausblenden?</translation>
    </message>
    <message>
        <source>Scores, the review queue, challenge results and solutions stay off the screen until you turn off View &gt; Hide my results. Your answers are still recorded.</source>
        <translation>Punktzahlen, Wiederholungsliste, Aufgabenergebnisse und Lösungen bleiben unsichtbar, bis Sie Ansicht &gt; Meine Ergebnisse ausblenden ausschalten. Ihre Antworten werden weiterhin gespeichert.</translation>
    </message>
    <message>
        <source>Keep showing them</source>
        <translation>Weiter anzeigen</translation>
    </message>
    <message>
        <source>Do not ask again</source>
        <translation>Nicht mehr fragen</translation>
    </message>
    <message>
        <source>No course is loaded, so there is no quiz to print.</source>
        <translation>Es ist kein Kurs geladen, daher gibt es kein Quiz zum Drucken.</translation>
    </message>
    <message>
        <source>Quiz sheet saved to %1</source>
        <translation>Quizbogen gespeichert unter %1</translation>
    </message>
</context>
<context>
    <name>cs::ui::QuizFlow</name>
    <message>
        <source>Your quiz result could not be saved: %1</source>
        <translation>Ihr Quiz-Ergebnis konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Congratulations: you have completed the course.</source>
        <translation>Glückwunsch: Sie haben den Kurs abgeschlossen.</translation>
    </message>
    <message>
        <source>Lesson %1 is open now: Next lesson takes you there.</source>
        <translation>Lektion %1 ist jetzt offen: „Nächste Lektion“ führt Sie dorthin.</translation>
    </message>
</context>
<context>
    <name>cs::ui::QuizSheetDialog</name>
    <message>
        <source>Print quiz sheet</source>
        <translation>Quizbogen drucken</translation>
    </message>
    <message>
        <source>A lesson's quiz on paper: the questions, then the answers on a page of their own. Another seed draws another sheet; the same seed draws the same one again.</source>
        <translation>Das Quiz einer Lektion auf Papier: die Fragen, danach die Lösungen auf einer eigenen Seite. Ein anderer Seed zieht einen anderen Bogen, derselbe Seed wieder denselben.</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>%1 (final test)</source>
        <translation>%1 (Abschlusstest)</translation>
    </message>
    <message>
        <source>&amp;Lesson:</source>
        <translation>&amp;Lektion:</translation>
    </message>
    <message>
        <source>Note the seed to print the same sheet again</source>
        <translation>Notieren Sie den Seed, um denselben Bogen erneut zu drucken</translation>
    </message>
    <message>
        <source>&amp;Another seed</source>
        <translation>&amp;Anderer Seed</translation>
    </message>
    <message>
        <source>&amp;Seed:</source>
        <translation>&amp;Seed:</translation>
    </message>
    <message>
        <source>&amp;Questions:</source>
        <translation>&amp;Fragen:</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>&amp;Durchsuchen...</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>Da&amp;tei:</translation>
    </message>
    <message>
        <source>&amp;Save PDF</source>
        <translation>PDF &amp;speichern</translation>
    </message>
    <message>
        <source>The final test always asks %1 questions</source>
        <translation>Der Abschlusstest stellt immer %1 Fragen</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Choose a file to save the sheet to.</source>
        <translation>Wählen Sie eine Datei, in der der Bogen gespeichert wird.</translation>
    </message>
    <message>
        <source>There is no lesson to draw a sheet from.</source>
        <translation>Es gibt keine Lektion, aus der ein Bogen gezogen werden kann.</translation>
    </message>
</context>
<context>
    <name>cs::ui::QuizWidget</name>
    <message>
        <source>Submit answers</source>
        <translation>Antworten abgeben</translation>
    </message>
    <message>
        <source>Submit quiz answers</source>
        <translation>Quiz-Antworten abgeben</translation>
    </message>
    <message>
        <source>Try again with new questions</source>
        <translation>Mit neuen Fragen erneut versuchen</translation>
    </message>
    <message>
        <source>Quiz result</source>
        <translation>Quiz-Ergebnis</translation>
    </message>
    <message>
        <source>Test your knowledge</source>
        <translation>Testen Sie Ihr Wissen</translation>
    </message>
    <message>
        <source>Answer the %1 questions below. You need %2 of %1 correct to pass and open the next lesson.</source>
        <translation>Beantworten Sie die %1 Fragen unten. Sie benötigen %2 von %1 richtigen Antworten, um zu bestehen und die nächste Lektion freizuschalten.</translation>
    </message>
    <message>
        <source>Question %1</source>
        <translation>Frage %1</translation>
    </message>
    <message>
        <source>Question %1: %2</source>
        <translation>Frage %1: %2</translation>
    </message>
    <message>
        <source>Your answer: </source>
        <translation>Ihre Antwort: </translation>
    </message>
    <message>
        <source>Next lesson</source>
        <translation>Nächste Lektion</translation>
    </message>
    <message>
        <source>Go to the next lesson</source>
        <translation>Zur nächsten Lektion</translation>
    </message>
    <message>
        <source>Answer all %1 questions to submit (%2 answered)</source>
        <translation>Beantworten Sie alle %1 Fragen, um abzugeben (%2 beantwortet)</translation>
    </message>
    <message>
        <source>Answer the %1 questions below. You need %2 of %1 correct to pass and complete the course.</source>
        <translation>Beantworten Sie die %1 Fragen unten. Sie benötigen %2 von %1 richtigen Antworten, um zu bestehen und den Kurs abzuschließen.</translation>
    </message>
    <message>
        <source>Course summary and certificate</source>
        <translation>Kursübersicht und Zertifikat</translation>
    </message>
    <message>
        <source>Your score in every lesson, with a PDF to keep</source>
        <translation>Ihr Ergebnis in jeder Lektion, mit einem PDF zum Aufbewahren</translation>
    </message>
    <message>
        <source>Final test</source>
        <translation>Abschlusstest</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Wiederholung</translation>
    </message>
    <message>
        <source>The final test covers the whole course. Answer all %1 questions, then submit: you need %2 of %1 (%3%) to pass and complete the course. Answers and explanations are shown after you submit.</source>
        <translation>Der Abschlusstest umfasst den ganzen Kurs. Beantworten Sie alle %1 Fragen und senden Sie dann ab: Sie brauchen %2 von %1 (%3 %), um zu bestehen und den Kurs abzuschließen. Antworten und Erklärungen werden nach dem Absenden gezeigt.</translation>
    </message>
    <message>
        <source>You missed these questions before. A right answer brings a question back after a longer interval; a miss brings it back tomorrow.</source>
        <translation>Diese Fragen haben Sie früher verfehlt. Eine richtige Antwort bringt eine Frage erst nach einem längeren Abstand wieder, eine falsche schon morgen.</translation>
    </message>
    <message>
        <source>%1 of %2 right</source>
        <translation>%1 von %2 richtig</translation>
    </message>
    <message>
        <source>%1 of %2 correct — passed</source>
        <translation>%1 von %2 richtig – bestanden</translation>
    </message>
    <message>
        <source>%1 of %2 correct — not passed yet</source>
        <translation>%1 von %2 richtig – noch nicht bestanden</translation>
    </message>
    <message>
        <source>Show this moment on the stage</source>
        <translation>Diesen Moment auf der Bühne zeigen</translation>
    </message>
    <message>
        <source>Loads the run this question is about and stops it at %1 s</source>
        <translation>Lädt den Lauf, um den es in dieser Frage geht, und hält ihn bei %1 s an</translation>
    </message>
</context>
<context>
    <name>cs::ui::ResultsPrivacy</name>
    <message>
        <source>Results are hidden</source>
        <translation>Ergebnisse ausgeblendet</translation>
    </message>
</context>
<context>
    <name>cs::ui::ReviewDialog</name>
    <message>
        <source>Review</source>
        <translation>Wiederholung</translation>
    </message>
    <message>
        <source>Nothing is due for review today.</source>
        <translation>Heute ist nichts zur Wiederholung fällig.</translation>
    </message>
    <message>
        <source>Your review could not be saved: %1</source>
        <translation>Ihre Wiederholung konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Results are hidden. The review queue shows again when View &gt; Hide my results is turned off.</source>
        <translation>Ergebnisse ausgeblendet. Die Wiederholungsliste erscheint wieder, wenn Ansicht &gt; Meine Ergebnisse ausblenden ausgeschaltet wird.</translation>
    </message>
</context>
<context>
    <name>cs::ui::RunController</name>
    <message>
        <source>No built-in scenario or readable file named "%1".</source>
        <translation>Kein eingebautes Szenario und keine lesbare Datei namens „%1“.</translation>
    </message>
    <message>
        <source>The run's action log is full; reset the run to act again.</source>
        <translation>Das Aktionsprotokoll des Laufs ist voll; setzen Sie den Lauf zurück, um wieder eingreifen zu können.</translation>
    </message>
    <message>
        <source>Discarded the actions after %1: the run goes on from here.</source>
        <translation>Aktionen nach %1 verworfen: Der Lauf geht von hier aus weiter.</translation>
    </message>
    <message>
        <source>Moments more than ten simulated minutes back are kept only where the lesson stops and where you acted: went to %1 s instead.</source>
        <translation>Zeitpunkte, die mehr als zehn simulierte Minuten zurückliegen, bleiben nur dort erhalten, wo die Lektion anhält und wo Sie gehandelt haben: stattdessen zu %1 s gegangen.</translation>
    </message>
    <message>
        <source>Nothing to undo: you have not changed this run.</source>
        <translation>Nichts rückgängig zu machen: Sie haben diesen Lauf nicht verändert.</translation>
    </message>
    <message>
        <source>Undid the %1 at %2 s.</source>
        <translation>%1 bei %2 s rückgängig gemacht.</translation>
    </message>
    <message>
        <source>Answer the prediction first: the seed stays as it is until then.</source>
        <translation>Beantworten Sie zuerst die Vorhersage: Bis dahin bleibt der Seed, wie er ist.</translation>
    </message>
</context>
<context>
    <name>cs::ui::RunFiles</name>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Message sequence</source>
        <translation>Nachrichtenfolge</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export the stage</source>
        <translation>Bühne exportieren</translation>
    </message>
    <message>
        <source>SVG image (*.svg);;PNG image (*.png)</source>
        <translation>SVG-Bild (*.svg);;PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>Export the sequence diagram</source>
        <translation>Sequenzdiagramm exportieren</translation>
    </message>
    <message>
        <source>Save the run as a scenario</source>
        <translation>Lauf als Szenario speichern</translation>
    </message>
    <message>
        <source>ClusterScope scenario (*.clusterscope *.json)</source>
        <translation>ClusterScope-Szenario (*.clusterscope *.json)</translation>
    </message>
    <message>
        <source>Saved the run to %1; open it with clusterscope --scenario %1</source>
        <translation>Lauf in %1 gespeichert; öffnen Sie ihn mit clusterscope --scenario %1</translation>
    </message>
    <message>
        <source>Save the run</source>
        <translation>Lauf speichern</translation>
    </message>
    <message>
        <source>Open a scenario</source>
        <translation>Szenario öffnen</translation>
    </message>
</context>
<context>
    <name>cs::ui::SequenceDiagram</name>
    <message>
        <source>Message sequence diagram</source>
        <translation>Sequenzdiagramm der Nachrichten</translation>
    </message>
    <message>
        <source>last %1 s, newest at the bottom</source>
        <translation>letzte %1 s, neueste unten</translation>
    </message>
    <message>
        <source>clients</source>
        <translation>Clients</translation>
    </message>
</context>
<context>
    <name>cs::ui::ShardLayer</name>
    <message>
        <source>%1: %2 keys shown</source>
        <translation>%1: %2 Schlüssel angezeigt</translation>
    </message>
    <message>
        <source>%1: %2 → %3, %4%</source>
        <translation>%1: %2 → %3, %4%</translation>
    </message>
    <message>
        <source>  HOT</source>
        <translation>  HEISS</translation>
    </message>
    <message>
        <source>on %1
%2 keys
%3 ops/s</source>
        <translation>auf %1
%2 Schlüssel
%3 Ops/s</translation>
    </message>
    <message>
        <source>Load per shard: darker is busier; a thick orange frame and HOT mark a hot shard.</source>
        <translation>Last pro Shard: Je dunkler, desto ausgelasteter; ein dicker oranger Rahmen und HEISS kennzeichnen einen heißen Shard.</translation>
    </message>
</context>
<context>
    <name>cs::ui::StageView</name>
    <message>
        <source>Cluster stage</source>
        <translation>Cluster-Bühne</translation>
    </message>
    <message>
        <source>Term %1</source>
        <translation>Term %1</translation>
    </message>
    <message>
        <source>Log: %1 entries, %2 committed</source>
        <translation>Log: %1 Einträge, %2 bestätigt</translation>
    </message>
    <message>
        <source>Click to choose it; right-click for what you can do to it; double-click (or L) to look inside it.</source>
        <translation>Klicken zum Auswählen; Rechtsklick für das, was Sie mit ihm tun können; Doppelklick (oder L) zum Hineinsehen.</translation>
    </message>
</context>
<context>
    <name>cs::ui::TimeControls</name>
    <message>
        <source>Play or pause the simulation (Space)</source>
        <translation>Simulation abspielen oder pausieren (Leertaste)</translation>
    </message>
    <message>
        <source>Play or pause</source>
        <translation>Abspielen oder pausieren</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Handle the next event and pause (N)</source>
        <translation>Nächstes Ereignis verarbeiten und pausieren (N)</translation>
    </message>
    <message>
        <source>Step to the next event</source>
        <translation>Schritt zum nächsten Ereignis</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Back to time zero</source>
        <translation>Zurück zum Zeitpunkt null</translation>
    </message>
    <message>
        <source>Reset the run</source>
        <translation>Lauf zurücksetzen</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <source>Simulation speed</source>
        <translation>Simulationsgeschwindigkeit</translation>
    </message>
    <message>
        <source>Simulated seconds per real second, from 0.01x to 100x</source>
        <translation>Simulierte Sekunden pro echter Sekunde, von 0,01x bis 100x</translation>
    </message>
    <message>
        <source>Discard future</source>
        <translation>Zukunft verwerfen</translation>
    </message>
    <message>
        <source>Drop the actions recorded after this moment and go on from here</source>
        <translation>Die nach diesem Zeitpunkt aufgezeichneten Aktionen verwerfen und von hier aus weitermachen</translation>
    </message>
    <message>
        <source>Discard the future</source>
        <translation>Die Zukunft verwerfen</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Random seed of the run</source>
        <translation>Zufalls-Seed des Laufs</translation>
    </message>
    <message>
        <source>The same seed and actions give the same run; a new seed restarts the scenario</source>
        <translation>Gleicher Seed und gleiche Aktionen ergeben denselben Lauf; ein neuer Seed startet das Szenario neu</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>ONE</source>
        <translation>ONE</translation>
    </message>
    <message>
        <source>QUORUM</source>
        <translation>QUORUM</translation>
    </message>
    <message>
        <source>ALL</source>
        <translation>ALL</translation>
    </message>
    <message>
        <source>LOCAL_QUORUM</source>
        <translation>LOCAL_QUORUM</translation>
    </message>
    <message>
        <source>Consistency level of your reads and writes</source>
        <translation>Konsistenzstufe Ihrer Lese- und Schreibvorgänge</translation>
    </message>
    <message>
        <source>Consistency level stamped on the reads and writes you send (W and E keys)</source>
        <translation>Konsistenzstufe, mit der Ihre gesendeten Lese- und Schreibvorgänge versehen werden (Tasten W und E)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) in flight</source>
        <translation>
            <numerusform>%n Nachricht unterwegs</numerusform>
            <numerusform>%n Nachrichten unterwegs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cs::ui::TimelineWidget</name>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>Simulated time of the run, with how busy each stretch was. Left and Right move by 100 ms, Home and End jump to the ends, Ctrl+G goes to a time or an event number.</source>
        <translation>Simulierte Zeit des Laufs, mit der Zahl der Ereignisse in jedem Abschnitt. Links und Rechts gehen 100 ms weiter, Pos1 und Ende springen an die Enden, Strg+G geht zu einer Zeit oder Ereignisnummer.</translation>
    </message>
    <message>
        <source>Click to go to a moment. Grey bars: events in each stretch of the run; triangles: faults; dots: your actions. Ctrl+G: go to a time or event number.</source>
        <translation>Klicken Sie, um zu einem Moment zu gehen. Graue Balken: Ereignisse in jedem Abschnitt des Laufs; Dreiecke: Störungen; Punkte: Ihre Aktionen. Strg+G: zu einer Zeit oder Ereignisnummer gehen.</translation>
    </message>
</context>
<context>
    <name>cs::ui::WelcomeTour</name>
    <message>
        <source>Welcome tour</source>
        <translation>Willkommensrundgang</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Skip the tour</source>
        <translation>Rundgang überspringen</translation>
    </message>
    <message>
        <source>Close the tour (Esc). Help &gt; Welcome tour shows it again.</source>
        <translation>Rundgang schließen (Esc). Hilfe &gt; Willkommensrundgang zeigt ihn wieder.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Los geht's</translation>
    </message>
</context>
<context>
    <name>cs::ui::WindowHost</name>
    <message>
        <source>ClusterScope — %1</source>
        <translation>ClusterScope — %1</translation>
    </message>
    <message>
        <source>Switched to the profile “%1”.</source>
        <translation>Zum Profil „%1“ gewechselt.</translation>
    </message>
</context>
</TS>