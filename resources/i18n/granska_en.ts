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
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Konflikter vid import</source>
        <translation>Conflicts on import</translation>
    </message>
    <message>
        <source>{0} svar i filen skiljer sig från det som redan är registrerat. Välj för varje rad vilket som ska gälla.</source>
        <translation>{0} answers in the file differ from what is already recorded. Choose for each row which one applies.</translation>
    </message>
    <message>
        <source>Konflikter</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Ärende</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Kontrollpunkt</source>
        <translation>Checklist item</translation>
    </message>
    <message>
        <source>Gäller</source>
        <translation>Concerns</translation>
    </message>
    <message>
        <source>Registrerat</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <source>I filen</source>
        <translation>In the file</translation>
    </message>
    <message>
        <source>Behåll</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>Svar</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>Kommentar</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Behåll registrerat</source>
        <translation>Keep recorded</translation>
    </message>
    <message>
        <source>Ta filens</source>
        <translation>Take the file's</translation>
    </message>
    <message>
        <source>Val för rad {0}</source>
        <translation>Choice for row {0}</translation>
    </message>
    <message>
        <source>Behåll alla registrerade</source>
        <translation>Keep all recorded</translation>
    </message>
    <message>
        <source>Ta alla från filen</source>
        <translation>Take all from the file</translation>
    </message>
</context>
<context>
    <name>Exchange</name>
    <message>
        <source>Spara granskningsarbetsbok</source>
        <translation>Save review workbook</translation>
    </message>
    <message>
        <source>Excel-arbetsbok (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Skriver arbetsboken …</source>
        <translation>Writing the workbook …</translation>
    </message>
    <message>
        <source>Arbetsboken kunde inte sparas</source>
        <translation>The workbook could not be saved</translation>
    </message>
    <message>
        <source>Arbetsboken sparades</source>
        <translation>Workbook saved</translation>
    </message>
    <message>
        <source>{0} ärenden finns i {1}. Den kan fyllas i i Excel och importeras med Importera svar.</source>
        <translation>{1} holds {0} cases. It can be filled in with Excel and imported with Import answers.</translation>
    </message>
    <message>
        <source>Importera svar</source>
        <translation>Import answers</translation>
    </message>
    <message>
        <source>Svarsfiler (*.xlsx *.csv)</source>
        <translation>Answer files (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Läser svarsfilen …</source>
        <translation>Reading the answer file …</translation>
    </message>
    <message>
        <source>Ingenting importerades</source>
        <translation>Nothing was imported</translation>
    </message>
    <message>
        <source>Filen har {0} fel. Rätta dem och försök igen.</source>
        <translation>The file has {0} errors. Correct them and try again.</translation>
    </message>
    <message>
        <source>{0} svar och kommentarer importerades.</source>
        <translation>{0} answers and comments were imported.</translation>
    </message>
    <message>
        <source>Markerade som klara: {0}.</source>
        <translation>Marked complete: {0}.</translation>
    </message>
    <message>
        <source>Svaren importerades</source>
        <translation>Answers imported</translation>
    </message>
    <message>
        <source>Exportera omgång</source>
        <translation>Export round</translation>
    </message>
    <message>
        <source>Granska-omgång (*.granska)</source>
        <translation>Granska round (*.granska)</translation>
    </message>
    <message>
        <source>Exporterar omgången …</source>
        <translation>Exporting the round …</translation>
    </message>
    <message>
        <source>Omgången kunde inte exporteras</source>
        <translation>The round could not be exported</translation>
    </message>
    <message>
        <source>Omgången exporterades</source>
        <translation>Round exported</translation>
    </message>
    <message>
        <source>Omgången sparades i {0}.</source>
        <translation>The round was saved in {0}.</translation>
    </message>
    <message>
        <source>Importera omgång</source>
        <translation>Import round</translation>
    </message>
    <message>
        <source>Läser in omgången …</source>
        <translation>Reading the round …</translation>
    </message>
    <message>
        <source>Omgången kunde inte läsas in</source>
        <translation>The round could not be read</translation>
    </message>
    <message>
        <source>Omgången {0} lades till.</source>
        <translation>The round {0} was added.</translation>
    </message>
    <message>
        <source>Omgången {0} slogs samman: {1} nya eller ändrade uppgifter.</source>
        <translation>The round {0} was merged: {1} new or changed records.</translation>
    </message>
    <message>
        <source>Omgången importerades</source>
        <translation>Round imported</translation>
    </message>
    <message>
        <source>Ingen omgång vald</source>
        <translation>No round selected</translation>
    </message>
    <message>
        <source>Välj eller öppna en omgång först.</source>
        <translation>Select or open a round first.</translation>
    </message>
    <message>
        <source>Exportera granskningsar&amp;betsbok…</source>
        <translation>Export review &amp;workbook…</translation>
    </message>
    <message>
        <source>Importera &amp;svar från fil…</source>
        <translation>Import &amp;answers from file…</translation>
    </message>
    <message>
        <source>&amp;Exportera omgång…</source>
        <translation>&amp;Export round…</translation>
    </message>
    <message>
        <source>I&amp;mportera omgång…</source>
        <translation>Import rou&amp;nd…</translation>
    </message>
</context>
</TS>
