<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
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
        <source>locked: pass the previous lesson&apos;s quiz to open it</source>
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
        <source>%1&apos;s clock now runs %2 s ahead.</source>
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
</context>
<context>
    <name>cs::ui::LessonView</name>
    <message>
        <source>Lesson text</source>
        <translation>Lektionstext</translation>
    </message>
</context>
<context>
    <name>cs::ui::MainWindow</name>
    <message>
        <source>ClusterScope</source>
        <translation>ClusterScope</translation>
    </message>
    <message>
        <source>Your quiz result could not be saved: %1</source>
        <translation>Ihr Quiz-Ergebnis konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Congratulations: you have completed the course.</source>
        <translation>Herzlichen Glückwunsch: Sie haben den Kurs abgeschlossen.</translation>
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
        <source>The simulation &quot;%1&quot; is not built yet.</source>
        <translation>Die Simulation „%1“ ist noch nicht implementiert.</translation>
    </message>
    <message>
        <source>No Try it entry &quot;%1&quot; in this lesson.</source>
        <translation>Diese Lektion enthält keinen „Try it“-Eintrag „%1“.</translation>
    </message>
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
        <source>Always start in teacher mode on this computer...</source>
        <translation>Auf diesem Computer immer im Lehrermodus starten …</translation>
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
        <source>Lesson %1 is open now: Next lesson takes you there.</source>
        <translation>Lektion %1 ist jetzt offen: „Nächste Lektion“ bringt Sie dorthin.</translation>
    </message>
    <message>
        <source>Always start in teacher mode</source>
        <translation>Immer im Lehrermodus starten</translation>
    </message>
    <message>
        <source>Every lesson will be open for everyone who uses ClusterScope on this computer, without passing the quizzes, until you turn this off again. Continue?</source>
        <translation>Alle Lektionen sind dann für jeden offen, der ClusterScope auf diesem Computer benutzt, ohne die Quiz zu bestehen, bis Sie dies wieder ausschalten. Fortfahren?</translation>
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
        <source>Reads that missed the reader&apos;s own earlier write</source>
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
</context>
<context>
    <name>cs::ui::RunController</name>
    <message>
        <source>No built-in scenario or readable file named &quot;%1&quot;.</source>
        <translation>Kein eingebautes Szenario und keine lesbare Datei namens „%1“.</translation>
    </message>
    <message>
        <source>The run&apos;s action log is full; reset the run to act again.</source>
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
        <source>Click to choose it; right-click for what you can do to it.</source>
        <translation>Klicken, um ihn auszuwählen; Rechtsklick zeigt, was Sie mit ihm tun können.</translation>
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
        <source>Simulated time of the run. Left and Right move by 100 ms, Home and End jump to the ends.</source>
        <translation>Simulierte Zeit des Laufs. Links und Rechts bewegen um 100 ms, Pos1 und Ende springen an die Enden.</translation>
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
        <translation>Los geht&apos;s</translation>
    </message>
</context>
</TS>
