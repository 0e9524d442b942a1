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
        <source>Keys per shard (%1 keys moved so far)</source>
        <translation>Schlüssel pro Shard (bisher %1 Schlüssel verschoben)</translation>
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
        <source>Lesson %1 is open now. Choose it in the list on the left.</source>
        <translation>Lektion %1 ist jetzt freigeschaltet. Wählen Sie sie in der Liste links aus.</translation>
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
        <source>&amp;Teacher mode (open every lesson)</source>
        <translation>&amp;Lehrermodus (alle Lektionen freischalten)</translation>
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
        <source>Answer every question first</source>
        <translation>Beantworten Sie zuerst alle Fragen</translation>
    </message>
    <message>
        <source>Your answer: </source>
        <translation>Ihre Antwort: </translation>
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
    <name>cs::ui::StageScene</name>
    <message>
        <source>heartbeat</source>
        <translation>Heartbeat</translation>
    </message>
    <message>
        <source>ack</source>
        <translation>Bestätigung</translation>
    </message>
    <message>
        <source>leader ★</source>
        <translation>Leader ★</translation>
    </message>
    <message>
        <source>follower</source>
        <translation>Follower</translation>
    </message>
    <message>
        <source>suspect</source>
        <translation>misstrauisch</translation>
    </message>
    <message>
        <source>crashed</source>
        <translation>abgestürzt</translation>
    </message>
    <message>
        <source>not in the cluster</source>
        <translation>nicht im Cluster</translation>
    </message>
</context>
<context>
    <name>cs::ui::StageView</name>
    <message>
        <source>Cluster stage</source>
        <translation>Cluster-Bühne</translation>
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
    <message>
        <source>t = %1   %2 in flight</source>
        <translation>t = %1   %2 unterwegs</translation>
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
</TS>
