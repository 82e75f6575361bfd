<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="sv_SE">
<context>
    <name>DemoStart</name>
    <message>
        <source>Skapar demodatabasen med påhittade ärenden …</source>
        <translation>Creating the demo database with invented cases …</translation>
    </message>
    <message>
        <source>Granska – demo</source>
        <translation>Granska – demo</translation>
    </message>
    <message>
        <source>Förlopp för demodatabasen</source>
        <translation>Progress of the demo database</translation>
    </message>
    <message>
        <source>Skapar demodatabasen: {0}</source>
        <translation>Creating the demo database: {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Granska – {0}</source>
        <translation>Granska – {0}</translation>
    </message>
    <message>
        <source>Granskningsomgångar</source>
        <translation>Audit rounds</translation>
    </message>
    <message>
        <source>Inga granskningsomgångar ännu.</source>
        <translation>No audit rounds yet.</translation>
    </message>
    <message>
        <source>&amp;Arkiv</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Avsluta</source>
        <translation>&amp;Quit</translation>
    </message>
</context>
<context>
    <name>RoundTableModel</name>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Checklista</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>År</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Granskade / urval</source>
        <translation>Reviewed / sampled</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>Termer</name>
    <message>
        <source>Låst</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>Urval saknas</source>
        <translation>No sampling frame</translation>
    </message>
    <message>
        <source>Urval ej draget</source>
        <translation>Sample not drawn</translation>
    </message>
    <message>
        <source>Klar</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>Pågår</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Ej påbörjad</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>flicka</source>
        <translation>girl</translation>
    </message>
    <message>
        <source>pojke</source>
        <translation>boy</translation>
    </message>
    <message>
        <source>okant</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Flicka</source>
        <translation>Girl</translation>
    </message>
    <message>
        <source>Pojke</source>
        <translation>Boy</translation>
    </message>
    <message>
        <source>Okänt</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Nej</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Ej aktuellt</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <source>Helt</source>
        <translation>Fully</translation>
    </message>
    <message>
        <source>Delvis</source>
        <translation>Partly</translation>
    </message>
</context>
</TS>
