<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="sv_SE">
<context>
    <name></name>
    <message>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>År</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>&amp;Enhet:</source>
        <translation>&amp;Unit:</translation>
    </message>
    <message>
        <source>&amp;År:</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <source>&amp;Kopiera från:</source>
        <translation>&amp;Copy from:</translation>
    </message>
    <message>
        <source>&amp;Plan:</source>
        <translation>&amp;Plan:</translation>
    </message>
    <message>
        <source>&amp;Till år:</source>
        <translation>&amp;To year:</translation>
    </message>
    <message>
        <source>Ny plan</source>
        <translation>New plan</translation>
    </message>
    <message>
        <source>Ange enheten.</source>
        <translation>Give the unit.</translation>
    </message>
    <message>
        <source>Kopiera plan</source>
        <translation>Copy plan</translation>
    </message>
    <message>
        <source>Det finns ingen plan att kopiera ännu.</source>
        <translation>There is no plan to copy yet.</translation>
    </message>
    <message>
        <source>Kopiera förra årets plan</source>
        <translation>Copy last year&apos;s plan</translation>
    </message>
    <message>
        <source>Kopierar planen …</source>
        <translation>Copying the plan …</translation>
    </message>
    <message>
        <source>Planen för {0} {1} kopierades till {2} ({3} kontrollmoment).</source>
        <translation>The plan for {0} {1} was copied to {2} ({3} controls).</translation>
    </message>
    <message>
        <source>Läs in plan</source>
        <translation>Read plan</translation>
    </message>
    <message>
        <source>Internkontrollplan (*.yaml *.yml *.xlsx)</source>
        <translation>Internal control plan (*.yaml *.yml *.xlsx)</translation>
    </message>
    <message>
        <source>Läs in en plan från en YAML- eller Excel-fil</source>
        <translation>Read a plan from a YAML or Excel file</translation>
    </message>
    <message>
        <source>Planen för {0} {1} lästes in: {2} kontrollmoment, {3} ändringar loggade.</source>
        <translation>The plan for {0} {1} was read: {2} controls, {3} changes logged.</translation>
    </message>
    <message>
        <source>Läser in planen …</source>
        <translation>Reading the plan …</translation>
    </message>
    <message>
        <source>Spara plan</source>
        <translation>Save plan</translation>
    </message>
    <message>
        <source>YAML (*.yaml)</source>
        <translation>YAML (*.yaml)</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Sparar planen …</source>
        <translation>Saving the plan …</translation>
    </message>
    <message>
        <source>Planen skrevs till {0}.</source>
        <translation>The plan was written to {0}.</translation>
    </message>
    <message>
        <source>Internkontroll&amp;plan</source>
        <translation>Internal control &amp;plan</translation>
    </message>
    <message>
        <source>Internkontrollplan</source>
        <translation>Internal control plan</translation>
    </message>
    <message>
        <source>Det finns ingen plan ännu; skapa en med Ny plan…</source>
        <translation>There is no plan yet; create one with New plan…</translation>
    </message>
    <message>
        <source>Välj plan</source>
        <translation>Choose plan</translation>
    </message>
    <message>
        <source>&amp;Ny plan…</source>
        <translation>&amp;New plan…</translation>
    </message>
    <message>
        <source>&amp;Redigera plan…</source>
        <translation>&amp;Edit plan…</translation>
    </message>
    <message>
        <source>&amp;Kopiera förra årets plan…</source>
        <translation>&amp;Copy last year&apos;s plan…</translation>
    </message>
    <message>
        <source>&amp;Spara plan som YAML/Excel…</source>
        <translation>&amp;Save plan as YAML/Excel…</translation>
    </message>
    <message>
        <source>Ny &amp;plan…</source>
        <translation>New &amp;plan…</translation>
    </message>
    <message>
        <source>En ny internkontrollplan för en enhet och ett år</source>
        <translation>A new internal control plan for a unit and a year</translation>
    </message>
    <message>
        <source>Lägg till, ändra och ta bort kontrollmoment</source>
        <translation>Add, change and remove controls</translation>
    </message>
    <message>
        <source>Kopiera en plan till ett nytt år</source>
        <translation>Copy a plan to a new year</translation>
    </message>
    <message>
        <source>&amp;Läs in plan…</source>
        <translation>&amp;Read plan…</translation>
    </message>
    <message>
        <source>Spara plan so&amp;m…</source>
        <translation>Save plan a&amp;s…</translation>
    </message>
    <message>
        <source>Spara planen som YAML eller Excel</source>
        <translation>Save the plan as YAML or Excel</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <source>Ny åtgärd</source>
        <translation>New action</translation>
    </message>
    <message>
        <source>Åtgärd</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Ansvarig roll</source>
        <translation>Responsible role</translation>
    </message>
    <message>
        <source>t.ex. Gruppledare</source>
        <translation>e.g. Team leader</translation>
    </message>
    <message>
        <source>Klart senast</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>&amp;Vad:</source>
        <translation>&amp;What:</translation>
    </message>
    <message>
        <source>A&amp;nsvarig:</source>
        <translation>&amp;Responsible:</translation>
    </message>
    <message>
        <source>&amp;Klart senast:</source>
        <translation>&amp;Due:</translation>
    </message>
</context>
<context>
    <name>AnalysisDialog</name>
    <message>
        <source>Analys av avvikelse</source>
        <translation>Analysis of deviation</translation>
    </message>
    <message>
        <source>Analys</source>
        <translation>Analysis</translation>
    </message>
    <message>
        <source>Skäl till ändringen</source>
        <translation>Reason for the change</translation>
    </message>
    <message>
        <source>krävs när omgången är låst</source>
        <translation>required when the round is locked</translation>
    </message>
    <message>
        <source>&amp;Analys:</source>
        <translation>&amp;Analysis:</translation>
    </message>
    <message>
        <source>&amp;Skäl:</source>
        <translation>R&amp;eason:</translation>
    </message>
</context>
<context>
    <name>AnswerFields</name>
    <message>
        <source>Värde</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Etikett</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Tangent</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Räknas</source>
        <translation>Counted</translation>
    </message>
    <message>
        <source>Svarsalternativ</source>
        <translation>Answer options</translation>
    </message>
    <message>
        <source>Nytt &amp;alternativ</source>
        <translation>New &amp;option</translation>
    </message>
    <message>
        <source>Ta bort alternativ</source>
        <translation>Remove option</translation>
    </message>
    <message>
        <source>Alternativ:</source>
        <translation>Options:</translation>
    </message>
    <message>
        <source>&amp;Godkända svar:</source>
        <translation>&amp;Compliant answers:</translation>
    </message>
    <message>
        <source>standard för svarstypen; värden med komma</source>
        <translation>the answer type&apos;s default; values separated by commas</translation>
    </message>
    <message>
        <source>Mi&amp;n (tal):</source>
        <translation>Mi&amp;n (number):</translation>
    </message>
    <message>
        <source>Ma&amp;x (tal):</source>
        <translation>Ma&amp;x (number):</translation>
    </message>
    <message>
        <source>{0} (svarsuppsättning)</source>
        <translation>{0} (answer set)</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nej</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Alternativ {0}</source>
        <translation>Option {0}</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Databasen {0} är okrypterad: den är inte skyddad med någon lösenfras. Öppna den bara om det är avsiktligt (full diskkryptering). Starta Granska med --unencrypted för att slippa frågan, eller skapa en ny krypterad databas och för över uppgifterna.</source>
        <translation>The database {0} is unencrypted: it is not protected by any passphrase. Open it only if this is intended (full-disk encryption). Start Granska with --unencrypted to skip this question, or create a new encrypted database and move the data over.</translation>
    </message>
    <message>
        <source>Öppna okrypterad</source>
        <translation>Open unencrypted</translation>
    </message>
    <message>
        <source>Granska öppnar datorns egen databas i stället.</source>
        <translation>Granska opens the computer&apos;s own database instead.</translation>
    </message>
    <message>
        <source>Säkerhetskopierar …</source>
        <translation>Backing up …</translation>
    </message>
    <message>
        <source>Återställ från säkerhetskopia…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <source>databasrollen</source>
        <translation>the database role</translation>
    </message>
    <message>
        <source>Inget lösenord angavs.</source>
        <translation>No password was given.</translation>
    </message>
    <message>
        <source>Öppnar databasen …</source>
        <translation>Opening the database …</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Säkerhetskopior</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Säkerhetskopior av {0}. Vid återställning flyttas den nuvarande filen undan till mappen backups; starta sedan om Granska.</source>
        <translation>Backups of {0}. On restore the current file is moved aside into the backups folder; then restart Granska.</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Storlek</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Fil</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Återställ vald</source>
        <translation>Restore selected</translation>
    </message>
    <message>
        <source>Kopian är skadad</source>
        <translation>The backup is damaged</translation>
    </message>
    <message>
        <source>{0} klarar inte kontrollen (integrity_check) och återställs inte; välj en annan kopia.</source>
        <translation>{0} fails the check (integrity_check) and is not restored; choose another backup.</translation>
    </message>
    <message>
        <source>Återställd</source>
        <translation>Restored</translation>
    </message>
    <message>
        <source>Databasen återställdes från {0}. Den tidigare filen finns kvar som {1}. Starta om Granska.</source>
        <translation>The database was restored from {0}. The previous file is kept as {1}. Restart Granska.</translation>
    </message>
</context>
<context>
    <name>CaseListImportDialog</name>
    <message>
        <source>Rad</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Ärendenummer</source>
        <translation>Case number</translation>
    </message>
    <message>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Arbetsgrupp</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Ärendetyp</source>
        <translation>Case type</translation>
    </message>
    <message>
        <source>Kön</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Födelseår</source>
        <translation>Birth year</translation>
    </message>
    <message>
        <source>Åldersgrupp</source>
        <translation>Age group</translation>
    </message>
    <message>
        <source>Avslutsdatum</source>
        <translation>Closing date</translation>
    </message>
    <message>
        <source>(används inte)</source>
        <translation>(not used)</translation>
    </message>
    <message>
        <source>Kolumn</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Fel</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Läs in ärendelista</source>
        <translation>Import case list</translation>
    </message>
    <message>
        <source>&amp;Fil:</source>
        <translation>&amp;File:</translation>
    </message>
    <message>
        <source>Välj en .xlsx- eller .csv-fil</source>
        <translation>Choose an .xlsx or .csv file</translation>
    </message>
    <message>
        <source>Vald fil</source>
        <translation>Chosen file</translation>
    </message>
    <message>
        <source>&amp;Välj fil…</source>
        <translation>&amp;Choose file…</translation>
    </message>
    <message>
        <source>Välj fil</source>
        <translation>Choose file</translation>
    </message>
    <message>
        <source>Ärendelistan ska ha ärendenummer, aldrig namn eller personnummer.</source>
        <translation>The case list must hold case numbers, never names or personal identity numbers.</translation>
    </message>
    <message>
        <source>Meddelande</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Kolumner i filen och vad de innehåller</source>
        <translation>Columns in the file and what they hold</translation>
    </message>
    <message>
        <source>Förhandsvisning</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Förhandsvisning (de första 20 ärendena)</source>
        <translation>Preview (the first 20 cases)</translation>
    </message>
    <message>
        <source>Rader med fel</source>
        <translation>Rows with problems</translation>
    </message>
    <message>
        <source>Importera bara giltiga rader</source>
        <translation>Import only the valid rows</translation>
    </message>
    <message>
        <source>Förlopp</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>&amp;Avbryt inläsningen</source>
        <translation>&amp;Cancel reading</translation>
    </message>
    <message>
        <source>Avbryt inläsningen</source>
        <translation>Cancel reading</translation>
    </message>
    <message>
        <source>&amp;Importera</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>Importera</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>&amp;Stäng</source>
        <translation>C&amp;lose</translation>
    </message>
    <message>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Välj ärendelista</source>
        <translation>Choose case list</translation>
    </message>
    <message>
        <source>Ärendelistor (*.xlsx *.csv *.txt);;Alla filer (*)</source>
        <translation>Case lists (*.xlsx *.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>Rubrikraden är rad {0} ({1}). {2} ärenden kan läsas in, {3} rader har fel.</source>
        <translation>The header is row {0} ({1}). {2} cases can be imported, {3} rows have problems.</translation>
    </message>
    <message>
        <source>Summeringsrader som inte är ärenden: rad {0}.</source>
        <translation>Summary rows that are not cases: row {0}.</translation>
    </message>
    <message>
        <source>Välj vilken kolumn som innehåller ärendenummer.</source>
        <translation>Choose the column that holds the case numbers.</translation>
    </message>
    <message>
        <source>(tom rubrik)</source>
        <translation>(empty header)</translation>
    </message>
    <message>
        <source>Kolumn {0}: {1}</source>
        <translation>Column {0}: {1}</translation>
    </message>
    <message>
        <source>Klart: {0} nya, {1} ändrade och {2} oförändrade ärenden från {3}.</source>
        <translation>Done: {0} new, {1} changed and {2} unchanged cases from {3}.</translation>
    </message>
    <message>
        <source>{0} rader med fel hoppades över.</source>
        <translation>{0} rows with problems were skipped.</translation>
    </message>
    <message>
        <source>Inläsningen avbröts; ingenting sparades.</source>
        <translation>Reading was cancelled; nothing was saved.</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Nr</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Ärende</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Kön</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Besvarade</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>Granskare</source>
        <translation>Reviewer</translation>
    </message>
</context>
<context>
    <name>CasesDialog</name>
    <message numerus="yes">
        <source>%n ärenden</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
    <message>
        <source>Ärenden bakom siffran</source>
        <translation>Cases behind the figure</translation>
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
        <source>Omgång</source>
        <translation>Round</translation>
    </message>
    <message>
        <source>Ärende</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Uppfyllt</source>
        <translation>Compliant</translation>
    </message>
    <message>
        <source>Visa svar</source>
        <translation>Show answer</translation>
    </message>
    <message>
        <source>Alla svar</source>
        <translation>All answers</translation>
    </message>
    <message>
        <source>Dubbelklicka eller tryck Enter på ett ärende för att öppna det i granskningsformuläret.</source>
        <translation>Double-click or press Enter on a case to open it in the review form.</translation>
    </message>
    <message>
        <source>&amp;Visa svar:</source>
        <translation>&amp;Show answer:</translation>
    </message>
    <message>
        <source>%1 av %2 ärenden</source>
        <translation>%1 of %2 cases</translation>
    </message>
    <message>
        <source>Svar</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>Kommentar</source>
        <translation>Comment</translation>
    </message>
</context>
<context>
    <name>ChangeLogDialog</name>
    <message>
        <source>Ändringslogg</source>
        <translation>Change log</translation>
    </message>
    <message>
        <source>Omgång</source>
        <translation>Round</translation>
    </message>
    <message>
        <source>Alla omgångar</source>
        <translation>All rounds</translation>
    </message>
    <message>
        <source>Ärende</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>&amp;Omgång:</source>
        <translation>&amp;Round:</translation>
    </message>
    <message>
        <source>Ä&amp;rende:</source>
        <translation>&amp;Case:</translation>
    </message>
    <message>
        <source>Vald ändring</source>
        <translation>Selected change</translation>
    </message>
    <message>
        <source>Alla ärenden</source>
        <translation>All cases</translation>
    </message>
    <message>
        <source>{0} ändringar</source>
        <translation>{0} changes</translation>
    </message>
    <message>
        <source>Välj en rad för att se hela ändringen och skälet.</source>
        <translation>Select a row to see the whole change and its reason.</translation>
    </message>
    <message>
        <source>{0} · {1}: {2}</source>
        <translation>{0} · {1}: {2}</translation>
    </message>
    <message>
        <source>Skäl: {0}</source>
        <translation>Reason: {0}</translation>
    </message>
</context>
<context>
    <name>ChangeLogModel</name>
    <message>
        <source>När</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Vem</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Åtgärd</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Vad</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Ärende</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Fält</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Gammalt → nytt</source>
        <translation>Old → new</translation>
    </message>
    <message>
        <source>Skäl</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>ChecklistDialog</name>
    <message>
        <source>Checklistor</source>
        <translation>Checklists</translation>
    </message>
    <message>
        <source>Checklista</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>&amp;Checklista:</source>
        <translation>&amp;Checklist:</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Sparad</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>Av</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Omgångar</source>
        <translation>Rounds</translation>
    </message>
    <message>
        <source>Används för nya omgångar</source>
        <translation>Used for new rounds</translation>
    </message>
    <message>
        <source>Lagrade versioner</source>
        <translation>Stored versions</translation>
    </message>
    <message>
        <source>Ändringar och meddelanden</source>
        <translation>Changes and messages</translation>
    </message>
    <message>
        <source>&amp;Exportera till Excel…</source>
        <translation>&amp;Export to Excel…</translation>
    </message>
    <message>
        <source>&amp;Importera från Excel…</source>
        <translation>&amp;Import from Excel…</translation>
    </message>
    <message>
        <source>&amp;Jämför med den som används</source>
        <translation>&amp;Compare with the one in use</translation>
    </message>
    <message>
        <source>&amp;Spara som ny version</source>
        <translation>&amp;Save as a new version</translation>
    </message>
    <message>
        <source>&amp;Ny…</source>
        <translation>&amp;New…</translation>
    </message>
    <message>
        <source>&amp;Kopiera…</source>
        <translation>C&amp;opy…</translation>
    </message>
    <message>
        <source>&amp;Redigera…</source>
        <translation>E&amp;dit…</translation>
    </message>
    <message>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Ogiltiga checklistfiler hoppades över:</source>
        <translation>Invalid checklist files were skipped:</translation>
    </message>
    <message>
        <source>inga</source>
        <translation>none</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>Markera en version i tabellen först.</source>
        <translation>Select a version in the table first.</translation>
    </message>
    <message>
        <source>Från version {0} till den som används för nya omgångar:</source>
        <translation>From version {0} to the one used for new rounds:</translation>
    </message>
    <message>
        <source>Inga skillnader.</source>
        <translation>No differences.</translation>
    </message>
    <message>
        <source>Exportera checklistan</source>
        <translation>Export the checklist</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Kunde inte exportera: {0}</source>
        <translation>Could not export: {0}</translation>
    </message>
    <message>
        <source>Skrev {0}. Ändra i Excel och importera sedan filen här.</source>
        <translation>Wrote {0}. Edit it in Excel, then import the file here.</translation>
    </message>
    <message>
        <source>Importera checklista</source>
        <translation>Import a checklist</translation>
    </message>
    <message>
        <source>{0} v{1}: oförändrad – samma innehåll som {2}.</source>
        <translation>{0} v{1}: unchanged – the same content as {2}.</translation>
    </message>
    <message>
        <source>{0} v{1}: blir en ny version när du sparar.</source>
        <translation>{0} v{1}: becomes a new version when you save.</translation>
    </message>
    <message>
        <source>Ändringar mot {0}:</source>
        <translation>Changes from {0}:</translation>
    </message>
    <message>
        <source>Inte sparad: ett ändrat årsmål kräver ett skäl.</source>
        <translation>Not saved: a changed target needs a reason.</translation>
    </message>
    <message>
        <source>Sparad i {0}. Nya omgångar använder den; omgångar som redan finns behåller sin version.</source>
        <translation>Saved in {0}. New rounds use it; existing rounds keep their version.</translation>
    </message>
    <message>
        <source>&amp;Checklistor…</source>
        <translation>&amp;Checklists…</translation>
    </message>
</context>
<context>
    <name>ChecklistEditor</name>
    <message>
        <source>Checklisteditor</source>
        <translation>Checklist editor</translation>
    </message>
    <message>
        <source>Avsnitt och kontrollpunkter</source>
        <translation>Sections and items</translation>
    </message>
    <message>
        <source>Uppgifter om det markerade</source>
        <translation>Details of the selection</translation>
    </message>
    <message>
        <source>Förhandsvisning av granskningsformuläret</source>
        <translation>Preview of the review form</translation>
    </message>
    <message>
        <source>Nytt &amp;avsnitt</source>
        <translation>New &amp;section</translation>
    </message>
    <message>
        <source>Ny &amp;punkt</source>
        <translation>New &amp;item</translation>
    </message>
    <message>
        <source>Ny svars&amp;uppsättning</source>
        <translation>New answer s&amp;et</translation>
    </message>
    <message>
        <source>Ta &amp;bort</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source>Upp (Ctrl+Upp)</source>
        <translation>Up (Ctrl+Up)</translation>
    </message>
    <message>
        <source>Ned (Ctrl+Ned)</source>
        <translation>Down (Ctrl+Down)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Så ser granskaren formuläret&lt;/b&gt;</source>
        <translation>&lt;b&gt;The form as the reviewer sees it&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&amp;Spara som ny version</source>
        <translation>&amp;Save as a new version</translation>
    </message>
    <message>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Checklistan: {0}</source>
        <translation>Checklist: {0}</translation>
    </message>
    <message>
        <source>Svarsuppsättningar</source>
        <translation>Answer sets</translation>
    </message>
    <message>
        <source>Skriv ett tal.</source>
        <translation>Type a number.</translation>
    </message>
    <message>
        <source>Fel att rätta innan du sparar: {0} (rött i trädet och under fältet).</source>
        <translation>Errors to correct before saving: {0} (red in the tree and under the field).</translation>
    </message>
    <message>
        <source>Checklistan har fel; förhandsvisningen visar den senaste giltiga versionen.</source>
        <translation>The checklist has errors; the preview shows the last valid version.</translation>
    </message>
    <message>
        <source>Version {0}: {1}</source>
        <translation>Version {0}: {1}</translation>
    </message>
    <message>
        <source>inga omgångar</source>
        <translation>no rounds</translation>
    </message>
    <message>
        <source>Lagrade versioner och omgångarna som använder dem:</source>
        <translation>Stored versions and the rounds that use them:</translation>
    </message>
    <message>
        <source>När du sparar blir det en ny version för nya omgångar; omgångar som redan finns behåller sin version.</source>
        <translation>Saving makes a new version for new rounds; existing rounds keep their version.</translation>
    </message>
    <message>
        <source>Inga lagrade versioner ännu. När du sparar blir det version {0}.</source>
        <translation>No stored versions yet. Saving makes version {0}.</translation>
    </message>
    <message>
        <source>Inga ändringar att spara.</source>
        <translation>No changes to save.</translation>
    </message>
    <message>
        <source>Inte sparad: ett ändrat årsmål kräver ett skäl.</source>
        <translation>Not saved: a changed target needs a reason.</translation>
    </message>
    <message>
        <source>Sparad som version {0} i {1}. Nya omgångar använder den; omgångar som redan finns behåller sin version.</source>
        <translation>Saved as version {0} in {1}. New rounds use it; existing rounds keep their version.</translation>
    </message>
</context>
<context>
    <name>ConditionRows</name>
    <message>
        <source>Lägg till &amp;villkor</source>
        <translation>Add &amp;condition</translation>
    </message>
    <message>
        <source>Villkor {0}: kontrollpunkt</source>
        <translation>Condition {0}: item</translation>
    </message>
    <message>
        <source>Villkor {0}: svar</source>
        <translation>Condition {0}: answer</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Ta bort villkor {0}</source>
        <translation>Remove condition {0}</translation>
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
        <translation>Take the file&apos;s</translation>
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
    <name>ControlDialog</name>
    <message>
        <source>Nytt kontrollmoment</source>
        <translation>New control</translation>
    </message>
    <message>
        <source>Kontrollmoment {0}</source>
        <translation>Control {0}</translation>
    </message>
    <message>
        <source>t.ex. samtal_placerade</source>
        <translation>e.g. samtal_placerade</translation>
    </message>
    <message>
        <source>t.ex. SoL 11 kap. 10 §</source>
        <translation>e.g. SoL 11 kap. 10 §</translation>
    </message>
    <message>
        <source>Stickprov</source>
        <translation>Sample</translation>
    </message>
    <message>
        <source>Fast urval</source>
        <translation>Fixed sample</translation>
    </message>
    <message>
        <source>Totalgranskning (alla ärenden)</source>
        <translation>Full review (all cases)</translation>
    </message>
    <message>
        <source> ärenden</source>
        <translation> cases</translation>
    </message>
    <message>
        <source>t.ex. Gruppledare</source>
        <translation>e.g. Gruppledare</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Kontrollmoment</source>
        <translation>Control</translation>
    </message>
    <message>
        <source>Checklista</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>Valda kontrollpunkter</source>
        <translation>Chosen items</translation>
    </message>
    <message>
        <source>Regel eller riktlinje</source>
        <translation>Rule or guideline</translation>
    </message>
    <message>
        <source>Hänvisning</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Sannolikhet</source>
        <translation>Likelihood</translation>
    </message>
    <message>
        <source>Konsekvens</source>
        <translation>Consequence</translation>
    </message>
    <message>
        <source>Metod</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Konfidens</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <source>Tolerabel avvikelse</source>
        <translation>Tolerable deviation</translation>
    </message>
    <message>
        <source>Antal ärenden</source>
        <translation>Number of cases</translation>
    </message>
    <message>
        <source>Ansvarig roll</source>
        <translation>Responsible role</translation>
    </message>
    <message>
        <source>Anteckning</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>&amp;Id:</translation>
    </message>
    <message>
        <source>&amp;Kontrollmoment:</source>
        <translation>&amp;Control:</translation>
    </message>
    <message>
        <source>&amp;Checklista:</source>
        <translation>C&amp;hecklist:</translation>
    </message>
    <message>
        <source>Valda &amp;punkter
(ingen vald: alla):</source>
        <translation>Chosen &amp;items
(none chosen: all):</translation>
    </message>
    <message>
        <source>&amp;Regel/riktlinje:</source>
        <translation>&amp;Rule/guideline:</translation>
    </message>
    <message>
        <source>&amp;Hänvisning:</source>
        <translation>Re&amp;ference:</translation>
    </message>
    <message>
        <source>&amp;Sannolikhet:</source>
        <translation>&amp;Likelihood:</translation>
    </message>
    <message>
        <source>K&amp;onsekvens:</source>
        <translation>C&amp;onsequence:</translation>
    </message>
    <message>
        <source>Risk:</source>
        <translation>Risk:</translation>
    </message>
    <message>
        <source>&amp;Metod:</source>
        <translation>&amp;Method:</translation>
    </message>
    <message>
        <source>konfidens</source>
        <translation>confidence</translation>
    </message>
    <message>
        <source>tolerabel avvikelse</source>
        <translation>tolerable deviation</translation>
    </message>
    <message>
        <source>Perioder:</source>
        <translation>Periods:</translation>
    </message>
    <message>
        <source>&amp;Ansvarig roll:</source>
        <translation>Responsible &amp;role:</translation>
    </message>
    <message>
        <source>A&amp;nteckning:</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <source>{0} (finns inte i datamappen)</source>
        <translation>{0} (not in the data folder)</translation>
    </message>
    <message>
        <source>låg</source>
        <translation>low</translation>
    </message>
    <message>
        <source>måttlig</source>
        <translation>moderate</translation>
    </message>
    <message>
        <source>hög</source>
        <translation>high</translation>
    </message>
    <message>
        <source>mycket hög</source>
        <translation>very high</translation>
    </message>
    <message>
        <source>Risk {0} ({1})</source>
        <translation>Risk {0} ({1})</translation>
    </message>
</context>
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
    <message>
        <source>Demodatabasen kunde inte startas. Starta Granska med --demo (granska --demo) i stället.</source>
        <translation>The demo database could not be started. Start Granska with --demo (granska --demo) instead.</translation>
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
    <message>
        <source>Ärenden utanför stickprovet (kan hoppas över): {0}</source>
        <translation>Cases outside the sample (can be skipped): {0}</translation>
    </message>
    <message>
        <source>Hoppade över ärenden utanför stickprovet: {0}.</source>
        <translation>Skipped cases outside the sample: {0}.</translation>
    </message>
</context>
<context>
    <name>ExchangePassphraseDialog</name>
    <message>
        <source>Lösenfras för exportfilen</source>
        <translation>Passphrase for the export file</translation>
    </message>
    <message>
        <source>{0} krypteras med en egen lösenfras (minst {1} tecken). Ge den till mottagaren på annat sätt än filen, t.ex. muntligt.</source>
        <translation>{0} is encrypted with a passphrase of its own (at least {1} characters). Give it to the recipient another way than the file, e.g. by word of mouth.</translation>
    </message>
    <message>
        <source>{0} är krypterad. Ange lösenfrasen som valdes vid exporten.</source>
        <translation>{0} is encrypted. Enter the passphrase chosen at export.</translation>
    </message>
    <message>
        <source>Lösenfras</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>&amp;Lösenfras:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>Upprepa lösenfrasen</source>
        <translation>Repeat the passphrase</translation>
    </message>
    <message>
        <source>&amp;Upprepa:</source>
        <translation>&amp;Repeat:</translation>
    </message>
    <message>
        <source>Ange lösenfrasen.</source>
        <translation>Enter the passphrase.</translation>
    </message>
    <message>
        <source>Lösenfrasen måste ha minst {0} tecken.</source>
        <translation>The passphrase must have at least {0} characters.</translation>
    </message>
    <message>
        <source>Lösenfraserna är olika.</source>
        <translation>The passphrases differ.</translation>
    </message>
</context>
<context>
    <name>ExcludeCaseDialog</name>
    <message>
        <source>Avslutat av misstag</source>
        <translation>Closed by mistake</translation>
    </message>
    <message>
        <source>Fel enhet</source>
        <translation>Wrong unit</translation>
    </message>
    <message>
        <source>Fel period</source>
        <translation>Wrong period</translation>
    </message>
    <message>
        <source>Uteslut ärende {0}</source>
        <translation>Exclude case {0}</translation>
    </message>
    <message>
        <source>Varför ska ärende {0} uteslutas ur stickprovet?</source>
        <translation>Why should case {0} be excluded from the sample?</translation>
    </message>
    <message>
        <source>Annat:</source>
        <translation>Other:</translation>
    </message>
    <message>
        <source>Annan orsak</source>
        <translation>Other reason</translation>
    </message>
    <message>
        <source>skriv orsaken – aldrig namn eller personnummer</source>
        <translation>write the reason – never names or personal identity numbers</translation>
    </message>
    <message>
        <source>Felmeddelande</source>
        <translation>Error message</translation>
    </message>
    <message>
        <source>&amp;Uteslut…</source>
        <translation>&amp;Exclude…</translation>
    </message>
    <message>
        <source>&amp;Tillbaka</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>&amp;Ja, uteslut och ersätt</source>
        <translation>&amp;Yes, exclude and replace</translation>
    </message>
    <message>
        <source>Reservärende {0} tar dess plats.</source>
        <translation>Reserve case {0} takes its place.</translation>
    </message>
    <message>
        <source>Reservlistan är slut: ärendet kan inte ersättas.</source>
        <translation>The reserve list is used up: the case cannot be replaced.</translation>
    </message>
    <message>
        <source>Utesluta ärende {0} med orsaken ”{1}”?</source>
        <translation>Exclude case {0} with the reason “{1}”?</translation>
    </message>
    <message>
        <source>Uteslutningen skrivs i ändringsloggen och protokollet och kan inte ångras.</source>
        <translation>The exclusion is written to the change log and the protocol and cannot be undone.</translation>
    </message>
    <message>
        <source>Omgången är låst; inga ärenden kan uteslutas.</source>
        <translation>The round is locked; no cases can be excluded.</translation>
    </message>
    <message>
        <source>Ärende {0} har en klar granskning och kan inte uteslutas. Öppna granskningen igen först om den inte ska räknas.</source>
        <translation>Case {0} has a completed review and cannot be excluded. Reopen the review first if it should not count.</translation>
    </message>
    <message>
        <source>Ärende {0} uteslöts ({1}); reservärende {2} har tagit dess plats.</source>
        <translation>Case {0} was excluded ({1}); reserve case {2} has taken its place.</translation>
    </message>
</context>
<context>
    <name>FigureTableModel</name>
    <message>
        <source>{0} av {1}</source>
        <translation>{0} of {1}</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <source>Vem granskar?</source>
        <translation>Who is reviewing?</translation>
    </message>
    <message>
        <source>Ditt namn och dina initialer sparas på varje granskning och i ändringsloggen, så att det går att se vem som ändrat vad.</source>
        <translation>Your name and initials are stored with every review and in the change log, so that it can be seen who changed what.</translation>
    </message>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Initialer</source>
        <translation>Initials</translation>
    </message>
    <message>
        <source>&amp;Namn:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Initialer:</source>
        <translation>&amp;Initials:</translation>
    </message>
    <message>
        <source>Skriv ditt namn.</source>
        <translation>Enter your name.</translation>
    </message>
</context>
<context>
    <name>ItemPage</name>
    <message>
        <source>&amp;Id:</source>
        <translation>&amp;Id:</translation>
    </message>
    <message>
        <source>&amp;Fråga:</source>
        <translation>&amp;Question:</translation>
    </message>
    <message>
        <source>&amp;Hjälptext:</source>
        <translation>&amp;Help text:</translation>
    </message>
    <message>
        <source>&amp;Lagrum:</source>
        <translation>&amp;Reference:</translation>
    </message>
    <message>
        <source>&amp;Svarstyp:</source>
        <translation>&amp;Answer type:</translation>
    </message>
    <message>
        <source>Gäller &amp;om:</source>
        <translation>Applies &amp;when:</translation>
    </message>
    <message>
        <source>O&amp;bligatorisk</source>
        <translation>Re&amp;quired</translation>
    </message>
    <message>
        <source>&amp;Kritisk</source>
        <translation>&amp;Critical</translation>
    </message>
    <message>
        <source>Ko&amp;mmentar tillåten</source>
        <translation>Co&amp;mment allowed</translation>
    </message>
    <message>
        <source>Flaggor:</source>
        <translation>Flags:</translation>
    </message>
    <message>
        <source>&amp;Årsmål (%):</source>
        <translation>&amp;Target (%):</translation>
    </message>
    <message>
        <source>Id:t är fast när punkten väl är sparad.</source>
        <translation>The id is fixed once the item has been saved.</translation>
    </message>
</context>
<context>
    <name>ItemWidget</name>
    <message>
        <source>* obligatorisk</source>
        <translation>* required</translation>
    </message>
    <message>
        <source>! kritisk kontrollpunkt</source>
        <translation>! critical item</translation>
    </message>
    <message>
        <source>Visa hjälp och referens</source>
        <translation>Show help and reference</translation>
    </message>
    <message>
        <source>Hjälp och referens (F1)</source>
        <translation>Help and reference (F1)</translation>
    </message>
    <message>
        <source>Ej tillämplig</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <source>inget datum</source>
        <translation>no date</translation>
    </message>
    <message>
        <source>Skriv ett tal</source>
        <translation>Type a number</translation>
    </message>
    <message>
        <source>Svar (inga namn eller personnummer)</source>
        <translation>Answer (no names or personal identity numbers)</translation>
    </message>
    <message>
        <source>Kommentar – skriv aldrig namn eller personnummer</source>
        <translation>Comment – never write names or personal identity numbers</translation>
    </message>
    <message>
        <source>Kommentar till: {0}</source>
        <translation>Comment on: {0}</translation>
    </message>
    <message>
        <source>Referens: {0}</source>
        <translation>Reference: {0}</translation>
    </message>
    <message>
        <source>Svar: {0}</source>
        <translation>Answer: {0}</translation>
    </message>
    <message>
        <source>Inget svar</source>
        <translation>No answer</translation>
    </message>
    <message>
        <source>Ej tillämplig: villkoret för frågan är inte uppfyllt.</source>
        <translation>Not applicable: the condition for this question is not met.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Granska – {0}</source>
        <translation>Granska – {0}</translation>
    </message>
    <message>
        <source>Öppnar databasen …</source>
        <translation>Opening the database …</translation>
    </message>
    <message>
        <source>&amp;Arkiv</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Ny omgång…</source>
        <translation>&amp;New round…</translation>
    </message>
    <message>
        <source>Ö&amp;ppna</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>&amp;Granskare…</source>
        <translation>Re&amp;viewer…</translation>
    </message>
    <message>
        <source>&amp;Avsluta</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Visa</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Uppdatera</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>&amp;Tillbaka</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>&amp;Resultat…</source>
        <translation>Res&amp;ults…</translation>
    </message>
    <message>
        <source>&amp;Granskning</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <source>Markera &amp;klar och nästa</source>
        <translation>Mark &amp;complete and next</translation>
    </message>
    <message>
        <source>&amp;Föregående ärende</source>
        <translation>&amp;Previous case</translation>
    </message>
    <message>
        <source>&amp;Nästa ärende</source>
        <translation>&amp;Next case</translation>
    </message>
    <message>
        <source>Öppna &amp;igen…</source>
        <translation>&amp;Reopen…</translation>
    </message>
    <message>
        <source>&amp;Hjälp för frågan</source>
        <translation>&amp;Help for the question</translation>
    </message>
    <message>
        <source>Importera ärende&amp;lista…</source>
        <translation>Import case &amp;list…</translation>
    </message>
    <message>
        <source>Dra &amp;stickprov…</source>
        <translation>Draw &amp;sample…</translation>
    </message>
    <message>
        <source>Ver&amp;ktyg</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>Du granskar som {0}.</source>
        <translation>You are reviewing as {0}.</translation>
    </message>
    <message>
        <source>Granska</source>
        <translation>Granska</translation>
    </message>
    <message>
        <source>{0} · ärende {1} av {2}</source>
        <translation>{0} · case {1} of {2}</translation>
    </message>
    <message>
        <source>Det sista ärendet i stickprovet.</source>
        <translation>The last case of the sample.</translation>
    </message>
    <message>
        <source>Det första ärendet i stickprovet.</source>
        <translation>The first case of the sample.</translation>
    </message>
    <message>
        <source>{0} är markerad som klar.</source>
        <translation>{0} is marked complete.</translation>
    </message>
    <message>
        <source>Klar. Det var sista ärendet i stickprovet.</source>
        <translation>Complete. That was the last case of the sample.</translation>
    </message>
    <message>
        <source>Ny omgång</source>
        <translation>New round</translation>
    </message>
    <message>
        <source>&amp;Året…</source>
        <translation>&amp;Year…</translation>
    </message>
</context>
<context>
    <name>MetaPage</name>
    <message>
        <source>&amp;Id:</source>
        <translation>&amp;Id:</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>&amp;Version:</translation>
    </message>
    <message>
        <source>&amp;Titel:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <source>&amp;Beskrivning:</source>
        <translation>&amp;Description:</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <source>&amp;Enhet:</source>
        <translation>&amp;Unit:</translation>
    </message>
    <message>
        <source>a-z, 0-9, - och _, t.ex. mottagning</source>
        <translation>a-z, 0-9, - and _, e.g. mottagning</translation>
    </message>
</context>
<context>
    <name>NewRoundDialog</name>
    <message>
        <source>Ny granskningsomgång</source>
        <translation>New audit round</translation>
    </message>
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
        <source>T1 (jan–apr)</source>
        <translation>T1 (Jan–Apr)</translation>
    </message>
    <message>
        <source>T2 (maj–aug)</source>
        <translation>T2 (May–Aug)</translation>
    </message>
    <message>
        <source>T3 (sep–dec)</source>
        <translation>T3 (Sep–Dec)</translation>
    </message>
    <message>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>t.ex. Familjehem</source>
        <translation>e.g. Familjehem</translation>
    </message>
    <message>
        <source>t.ex. Placerade T1 2026</source>
        <translation>e.g. Placed children T1 2026</translation>
    </message>
    <message>
        <source>&amp;Namn:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Checklista:</source>
        <translation>&amp;Checklist:</translation>
    </message>
    <message>
        <source>&amp;År:</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>&amp;Enhet:</source>
        <translation>&amp;Unit:</translation>
    </message>
    <message>
        <source>Skapa</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Inga checklistor hittades. Lägg en checklista i datamappens mapp checklists och öppna dialogen igen.</source>
        <translation>No checklists were found. Put a checklist in the checklists folder of the data folder and open this dialog again.</translation>
    </message>
    <message>
        <source>Skriv ett namn på omgången, t.ex. Placerade T1 2026.</source>
        <translation>Enter a name for the round, e.g. Placed children T1 2026.</translation>
    </message>
    <message>
        <source>Välj en checklista. Finns ingen i listan går det inte att skapa en omgång ännu.</source>
        <translation>Choose a checklist. If the list is empty, a round cannot be created yet.</translation>
    </message>
</context>
<context>
    <name>Op</name>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Granska – lösenfras</source>
        <translation>Granska – passphrase</translation>
    </message>
    <message>
        <source>Ny databas {0}. Välj en lösenfras (minst {1} tecken); databasen krypteras med den. Den går inte att återskapa om den glöms.</source>
        <translation>New database {0}. Choose a passphrase (at least {1} characters); the database is encrypted with it. It cannot be recovered if forgotten.</translation>
    </message>
    <message>
        <source>Databasen {0} är krypterad. Ange lösenfrasen.</source>
        <translation>The database {0} is encrypted. Enter the passphrase.</translation>
    </message>
    <message>
        <source>Lösenfras</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>&amp;Lösenfras:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>Upprepa lösenfrasen</source>
        <translation>Repeat the passphrase</translation>
    </message>
    <message>
        <source>Utan kryptering (endast för datorer med full diskkryptering)</source>
        <translation>Without encryption (only for computers with full-disk encryption)</translation>
    </message>
    <message>
        <source>&amp;Upprepa:</source>
        <translation>&amp;Repeat:</translation>
    </message>
    <message>
        <source>Ange lösenfrasen.</source>
        <translation>Enter the passphrase.</translation>
    </message>
    <message>
        <source>Lösenfrasen måste ha minst {0} tecken.</source>
        <translation>The passphrase must have at least {0} characters.</translation>
    </message>
    <message>
        <source>Lösenfraserna är olika.</source>
        <translation>The passphrases differ.</translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <source>Internkontrollplan {0} {1}</source>
        <translation>Internal control plan {0} {1}</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Kontrollmoment</source>
        <translation>Control</translation>
    </message>
    <message>
        <source>Checklista</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risk</translation>
    </message>
    <message>
        <source>Metod</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Perioder</source>
        <translation>Periods</translation>
    </message>
    <message>
        <source>Ansvarig</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>Planens kontrollmoment i riskmatrisen; det valda är markerat</source>
        <translation>The plan&apos;s controls in the risk matrix; the chosen one is marked</translation>
    </message>
    <message>
        <source>&amp;Nytt kontrollmoment…</source>
        <translation>&amp;New control…</translation>
    </message>
    <message>
        <source>&amp;Ändra…</source>
        <translation>&amp;Change…</translation>
    </message>
    <message>
        <source>&amp;Ta bort…</source>
        <translation>&amp;Remove…</translation>
    </message>
    <message>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Riskmatris (sannolikhet × konsekvens)</source>
        <translation>Risk matrix (likelihood × consequence)</translation>
    </message>
    <message>
        <source>{0} kontrollmoment. Ändringar sparas direkt och loggas.</source>
        <translation>{0} controls. Changes are saved at once and logged.</translation>
    </message>
    <message>
        <source>Planen har inga kontrollmoment ännu. Lägg till det första med Nytt kontrollmoment…; planen sparas då.</source>
        <translation>The plan has no controls yet. Add the first with New control…; the plan is saved then.</translation>
    </message>
    <message>
        <source>Ta bort kontrollmoment</source>
        <translation>Remove control</translation>
    </message>
    <message>
        <source>Ta bort &apos;{0}&apos; ({1}) ur planen?</source>
        <translation>Remove &apos;{0}&apos; ({1}) from the plan?</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>ProtocolPanel</name>
    <message>
        <source>Så drogs stickprovet</source>
        <translation>How the sample was drawn</translation>
    </message>
    <message>
        <source>Protokoll och reservlista</source>
        <translation>Protocol and reserve list</translation>
    </message>
    <message>
        <source>Stickprovsprotokoll</source>
        <translation>Sampling protocol</translation>
    </message>
    <message>
        <source>Reservlista</source>
        <translation>Reserve list</translation>
    </message>
    <message>
        <source>&amp;Protokoll</source>
        <translation>&amp;Protocol</translation>
    </message>
    <message>
        <source>R&amp;eservlista</source>
        <translation>R&amp;eserve list</translation>
    </message>
    <message>
        <source>Spara som &amp;PDF…</source>
        <translation>Save as &amp;PDF…</translation>
    </message>
    <message>
        <source>&amp;Kopiera</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>Skriv &amp;ut…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>Stickprovet är draget: {0} av {1} ärenden.</source>
        <translation>The sample is drawn: {0} of {1} cases.</translation>
    </message>
    <message>
        <source>R&amp;eservlista ({0})</source>
        <translation>R&amp;eserve list ({0})</translation>
    </message>
    <message>
        <source>Urvalsramen var de {0} ärenden som fanns i ärendelistan. Ärendena ordnades slumpmässigt med ett frö som gör att dragningen kan göras om och ge samma resultat, på vilken dator som helst. De {1} första i ordningen blev stickprovet; de följande är reservlistan.</source>
        <translation>The sampling frame was the {0} cases in the case list. The cases were put in a random order using a seed, so the draw can be repeated and give the same result on any computer. The first {1} in that order became the sample; the ones after them are the reserve list.</translation>
    </message>
    <message>
        <source>Ordningen gjordes inom varje enhet, och varje enhet fick sitt antal ärenden i stickprovet.</source>
        <translation>The order was made within each unit, and each unit got its number of cases in the sample.</translation>
    </message>
    <message>
        <source>Kan ett ärende inte granskas utesluter du det i omgångens lista (Ctrl+Shift+X); nästa reserv tar då dess plats. PDF-filen beskriver också hur dragningen görs om.</source>
        <translation>If a case cannot be reviewed, exclude it in the round&apos;s list (Ctrl+Shift+X); the next reserve then takes its place. The PDF file also describes how to repeat the draw.</translation>
    </message>
    <message>
        <source>Spara protokollet som PDF</source>
        <translation>Save the protocol as PDF</translation>
    </message>
    <message>
        <source>PDF-filer (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Spara protokollet</source>
        <translation>Save the protocol</translation>
    </message>
    <message>
        <source>Protokollet kunde inte sparas i {0}: {1}</source>
        <translation>The protocol could not be saved in {0}: {1}</translation>
    </message>
    <message>
        <source>Sparat: {0}</source>
        <translation>Saved: {0}</translation>
    </message>
    <message>
        <source>Protokollet och reservlistan är kopierade.</source>
        <translation>The protocol and the reserve list are copied.</translation>
    </message>
    <message>
        <source>Skriv ut protokollet</source>
        <translation>Print the protocol</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Skäl</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Skriv ett skäl. Det sparas i ändringsloggen.</source>
        <translation>Enter a reason. It is saved in the change log.</translation>
    </message>
    <message>
        <source>{0}: årsmål {1} → {2}</source>
        <translation>{0}: target {1} → {2}</translation>
    </message>
    <message>
        <source>Den nya versionen ändrar årsmål:</source>
        <translation>The new version changes targets:</translation>
    </message>
    <message>
        <source>Varför ändras årsmålet? Skälet sparas i ändringsloggen.</source>
        <translation>Why is the target changed? The reason is saved in the change log.</translation>
    </message>
    <message>
        <source>Ändrat årsmål</source>
        <translation>Changed target</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <source>Resultat</source>
        <translation>Results</translation>
    </message>
    <message>
        <source>Omgångar</source>
        <translation>Rounds</translation>
    </message>
    <message>
        <source>{0}  ({1} v{2}, {3} granskade)</source>
        <translation>{0}  ({1} v{2}, {3} reviewed)</translation>
    </message>
    <message>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Alla perioder</source>
        <translation>All periods</translation>
    </message>
    <message>
        <source>Kön</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Flickor och pojkar</source>
        <translation>Girls and boys</translation>
    </message>
    <message>
        <source>Kontrollpunkt</source>
        <translation>Checklist item</translation>
    </message>
    <message>
        <source>Andel</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>95 % KI</source>
        <translation>95 % CI</translation>
    </message>
    <message>
        <source>Mål</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Bedömning</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Mot målet</source>
        <translation>Against the target</translation>
    </message>
    <message>
        <source>Kontrollpunkter</source>
        <translation>Checklist items</translation>
    </message>
    <message>
        <source>Grupp</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Uppdelning</source>
        <translation>Breakdown</translation>
    </message>
    <message>
        <source>Dubbelgranskning och valda ärenden</source>
        <translation>Double review and chosen cases</translation>
    </message>
    <message>
        <source>Exportera PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>Exportera Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <source>Syntes…</source>
        <translation>Synthesis…</translation>
    </message>
    <message>
        <source>Läs alla texter till den valda frågan och märk dem med teman</source>
        <translation>Read all texts for the selected question and tag them with themes</translation>
    </message>
    <message>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>&amp;Enhet:</source>
        <translation>&amp;Unit:</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>&amp;Kön:</source>
        <translation>&amp;Gender:</translation>
    </message>
    <message>
        <source>Dubbelklicka på en siffra för ärendena bakom den.</source>
        <translation>Double-click a figure for the cases behind it.</translation>
    </message>
    <message>
        <source>Omgångar (samma checklista):</source>
        <translation>Rounds (same checklist):</translation>
    </message>
    <message>
        <source>Alla enheter</source>
        <translation>All units</translation>
    </message>
    <message>
        <source>Välj minst en omgång.</source>
        <translation>Choose at least one round.</translation>
    </message>
    <message>
        <source>Beräknar resultat …</source>
        <translation>Computing results …</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 granskade ärenden</source>
        <translation>%1 · %2 · %3 reviewed cases</translation>
    </message>
    <message>
        <source> (av dessa)</source>
        <translation> (of these)</translation>
    </message>
    <message>
        <source>{0} skrivna svar</source>
        <translation>{0} written answers</translation>
    </message>
    <message>
        <source>Valda ärenden (utanför stickprovet): {0}</source>
        <translation>Chosen cases (outside the sample): {0}</translation>
    </message>
    <message>
        <source>Ärenden: %1</source>
        <translation>Cases: %1</translation>
    </message>
    <message>
        <source>Hämtar ärendena …</source>
        <translation>Fetching the cases …</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Exportera</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Exporterar …</source>
        <translation>Exporting …</translation>
    </message>
    <message>
        <source>Sparade %1</source>
        <translation>Saved %1</translation>
    </message>
</context>
<context>
    <name>ReviewForm</name>
    <message>
        <source>Förlopp</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Öppna igen…</source>
        <translation>Reopen…</translation>
    </message>
    <message>
        <source>Tangenter: bokstaven eller siffran i knappen svarar · Tab nästa · F1 hjälp · Ctrl+Enter klar och nästa · PgUp/PgDn byt ärende · * obligatorisk · ! kritisk</source>
        <translation>Keys: the letter or digit on the button answers · Tab next · F1 help · Ctrl+Enter complete and next · PgUp/PgDn change case · * required · ! critical</translation>
    </message>
    <message>
        <source>Granskningen är markerad som klar. Öppna den igen (med en orsak) för att ändra.</source>
        <translation>The review is marked complete. Reopen it (with a reason) to change it.</translation>
    </message>
    <message>
        <source>Kontrollpunkter</source>
        <translation>Checklist items</translation>
    </message>
    <message>
        <source>Checklista</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>{0} av {1}</source>
        <translation>{0} of {1}</translation>
    </message>
    <message>
        <source>Omgången är låst; granskningarna kan inte ändras.</source>
        <translation>The round is locked; its reviews cannot be changed.</translation>
    </message>
    <message>
        <source>Sparat {0}</source>
        <translation>Saved {0}</translation>
    </message>
    <message>
        <source>Svaret sparades inte</source>
        <translation>The answer was not saved</translation>
    </message>
    <message>
        <source>Temana sparades inte</source>
        <translation>The themes were not saved</translation>
    </message>
    <message>
        <source>Kommentaren sparades inte</source>
        <translation>The comment was not saved</translation>
    </message>
    <message>
        <source>Kommentaren till fråga {0} sparades inte. Rätta texten innan granskningen markeras som klar.</source>
        <translation>The comment on question {0} was not saved. Correct the text before the review is marked complete.</translation>
    </message>
    <message>
        <source>Öppna granskningen igen</source>
        <translation>Reopen the review</translation>
    </message>
    <message>
        <source>Varför öppnas granskningen igen? Orsaken loggas.</source>
        <translation>Why is the review reopened? The reason is logged.</translation>
    </message>
</context>
<context>
    <name>RiskMatrix</name>
    <message>
        <source>Riskmatris</source>
        <translation>Risk matrix</translation>
    </message>
    <message>
        <source>Sannolikhet (uppåt) × konsekvens (åt höger); klicka i en ruta för att välja</source>
        <translation>Likelihood (up) × consequence (right); click a cell to choose</translation>
    </message>
    <message>
        <source>Sannolikhet {0}, konsekvens {1}, risk {2}</source>
        <translation>Likelihood {0}, consequence {1}, risk {2}</translation>
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
    <name>RoundView</name>
    <message>
        <source>Filtrera på ärende, enhet, kön, status…</source>
        <translation>Filter by case, unit, gender, status…</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Ärenden i stickprovet</source>
        <translation>Cases in the sample</translation>
    </message>
    <message>
        <source>Importera ärendelista…</source>
        <translation>Import case list…</translation>
    </message>
    <message>
        <source>Dra stickprov…</source>
        <translation>Draw sample…</translation>
    </message>
    <message>
        <source>Granska ärendet</source>
        <translation>Review the case</translation>
    </message>
    <message>
        <source>Meddelande</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>&amp;Uteslut ärendet ur stickprovet…</source>
        <translation>E&amp;xclude the case from the sample…</translation>
    </message>
    <message>
        <source>Utesluter det markerade ärendet med en orsak; nästa reservärende tar dess plats.</source>
        <translation>Excludes the selected case with a reason; the next reserve case takes its place.</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <source>Omgången är låst; ärendelistan kan inte ändras.</source>
        <translation>The round is locked; the case list cannot be changed.</translation>
    </message>
    <message>
        <source>Stickprovet är draget; ärendelistan kan inte ändras.</source>
        <translation>The sample is drawn; the case list cannot be changed.</translation>
    </message>
    <message>
        <source>{0} (v{1}) · {2} {3} · {4} · ärenden i ramen: {5} · granskade {6} av {7}</source>
        <translation>{0} (v{1}) · {2} {3} · {4} · cases in the frame: {5} · reviewed {6} of {7}</translation>
    </message>
    <message>
        <source>&amp;Granska ärendet</source>
        <translation>&amp;Review the case</translation>
    </message>
    <message>
        <source>Inget stickprov ännu. Importera en ärendelista och dra sedan stickprovet.</source>
        <translation>No sample yet. Import a case list, then draw the sample.</translation>
    </message>
    <message>
        <source>Ärendelistan är importerad. Dra stickprovet för att börja granska.</source>
        <translation>The case list is imported. Draw the sample to start reviewing.</translation>
    </message>
</context>
<context>
    <name>RoundsView</name>
    <message>
        <source>Granskningsomgångar</source>
        <translation>Audit rounds</translation>
    </message>
    <message>
        <source>Inga granskningsomgångar ännu. Skapa den första omgången (Arkiv → Ny omgång…, Ctrl+N), eller titta först i demodatabasen: påhittade ärenden, färdiga granskningar och resultat.</source>
        <translation>No audit rounds yet. Create the first round (File → New round…, Ctrl+N), or look at the demo database first: invented cases, finished reviews and results.</translation>
    </message>
    <message>
        <source>&amp;Ny omgång…</source>
        <translation>&amp;New round…</translation>
    </message>
    <message>
        <source>Öppna &amp;demodatabasen</source>
        <translation>Open the &amp;demo database</translation>
    </message>
    <message>
        <source>Startar Granska igen med demodatabasen; din egen databas ändras inte.</source>
        <translation>Starts Granska again on the demo database; your own database is not changed.</translation>
    </message>
</context>
<context>
    <name>SamplingDialog</name>
    <message>
        <source>Stickprov</source>
        <translation>Sample</translation>
    </message>
    <message>
        <source>Felmeddelande</source>
        <translation>Error message</translation>
    </message>
    <message>
        <source>&amp;Dra stickprov</source>
        <translation>&amp;Draw sample</translation>
    </message>
    <message>
        <source>Dra stickprov</source>
        <translation>Draw sample</translation>
    </message>
    <message>
        <source>Beräkna storleken</source>
        <translation>Calculate the size</translation>
    </message>
    <message>
        <source>Fast storlek</source>
        <translation>Fixed size</translation>
    </message>
    <message>
        <source>Storlek:</source>
        <translation>Size:</translation>
    </message>
    <message>
        <source>Beräkning</source>
        <translation>Calculation</translation>
    </message>
    <message>
        <source>Konfidensgrad</source>
        <translation>Confidence level</translation>
    </message>
    <message>
        <source>Tolerabel avvikelse</source>
        <translation>Tolerable deviation</translation>
    </message>
    <message>
        <source>Förväntad avvikelse</source>
        <translation>Expected deviation</translation>
    </message>
    <message>
        <source>Population</source>
        <translation>Population</translation>
    </message>
    <message>
        <source>Beräknad storlek</source>
        <translation>Calculated size</translation>
    </message>
    <message>
        <source>&amp;Konfidensgrad:</source>
        <translation>&amp;Confidence level:</translation>
    </message>
    <message>
        <source>&amp;Tolerabel avvikelse:</source>
        <translation>&amp;Tolerable deviation:</translation>
    </message>
    <message>
        <source>&amp;Förväntad avvikelse:</source>
        <translation>&amp;Expected deviation:</translation>
    </message>
    <message>
        <source>Population (urvalsram):</source>
        <translation>Population (sampling frame):</translation>
    </message>
    <message>
        <source>Stickprov:</source>
        <translation>Sample:</translation>
    </message>
    <message>
        <source>F&amp;ast storlek:</source>
        <translation>F&amp;ixed size:</translation>
    </message>
    <message>
        <source>Stickprovets storlek</source>
        <translation>Sample size</translation>
    </message>
    <message>
        <source>Stickprovet blir:</source>
        <translation>Sample size:</translation>
    </message>
    <message>
        <source>Frö</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>lämna tomt så skapas ett</source>
        <translation>leave empty and one is created</translation>
    </message>
    <message>
        <source>F&amp;rö (seed):</source>
        <translation>See&amp;d:</translation>
    </message>
    <message>
        <source>Stratifiering per enhet</source>
        <translation>Stratification by unit</translation>
    </message>
    <message>
        <source>Ingen</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Proportionellt per enhet</source>
        <translation>Proportional per unit</translation>
    </message>
    <message>
        <source>Lika många per enhet</source>
        <translation>Equal per unit</translation>
    </message>
    <message>
        <source>&amp;Stratifiering:</source>
        <translation>&amp;Stratification:</translation>
    </message>
    <message>
        <source>Bara ärenden avslutade mellan</source>
        <translation>Only cases closed between</translation>
    </message>
    <message>
        <source>Begränsa avslutsdatum</source>
        <translation>Limit the closing date</translation>
    </message>
    <message>
        <source>Från datum</source>
        <translation>From date</translation>
    </message>
    <message>
        <source>Till datum</source>
        <translation>To date</translation>
    </message>
    <message>
        <source>och</source>
        <translation>and</translation>
    </message>
    <message>
        <source>Avslutsdatum:</source>
        <translation>Closing date:</translation>
    </message>
    <message>
        <source>Metod enligt internkontrollplanen ({0}): {1}.</source>
        <translation>Method from the internal control plan ({0}): {1}.</translation>
    </message>
    <message numerus="yes">
        <source>%n ärenden</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
    <message>
        <source>– (urvalsramen är tom)</source>
        <translation>– (the sampling frame is empty)</translation>
    </message>
    <message>
        <source>används inte (fast storlek)</source>
        <translation>not used (fixed size)</translation>
    </message>
    <message numerus="yes">
        <source>%n ärenden (fast storlek)</source>
        <translation>
            <numerusform>%n case (fixed size)</numerusform>
            <numerusform>%n cases (fixed size)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ärenden (beräknad)</source>
        <translation>
            <numerusform>%n case (calculated)</numerusform>
            <numerusform>%n cases (calculated)</numerusform>
        </translation>
    </message>
    <message>
        <source>Drar stickprovet …</source>
        <translation>Drawing the sample …</translation>
    </message>
</context>
<context>
    <name>SectionPage</name>
    <message>
        <source>&amp;Id:</source>
        <translation>&amp;Id:</translation>
    </message>
    <message>
        <source>&amp;Rubrik:</source>
        <translation>&amp;Heading:</translation>
    </message>
</context>
<context>
    <name>ServerPasswordDialog</name>
    <message>
        <source>Lösenord till servern</source>
        <translation>Server password</translation>
    </message>
    <message>
        <source>Lösenord för {0}:</source>
        <translation>Password for {0}:</translation>
    </message>
    <message>
        <source>Lösenord</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Lösenordet stämmer inte. Försök igen.</source>
        <translation>The password is wrong. Try again.</translation>
    </message>
    <message>
        <source>Kom ihåg lösenordet i operativsystemets nyckelring</source>
        <translation>Remember the password in the operating system&apos;s keyring</translation>
    </message>
    <message>
        <source>Den här datorn har ingen nyckelring.</source>
        <translation>This computer has no keyring.</translation>
    </message>
</context>
<context>
    <name>ServerSettingsDialog</name>
    <message>
        <source>Serverinställningar</source>
        <translation>Server settings</translation>
    </message>
    <message>
        <source>Den delade databasen på avdelningens PostgreSQL-server. Synkronisera med servern skickar datorns omgångar dit och hämtar dem du har behörighet till.</source>
        <translation>The shared database on the department&apos;s PostgreSQL server. Sync with the server sends the computer&apos;s rounds there and fetches the ones you have access to.</translation>
    </message>
    <message>
        <source>Serverns adress</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>din PostgreSQL-roll</source>
        <translation>your PostgreSQL role</translation>
    </message>
    <message>
        <source>Användarnamn</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Öppna serverns databas när Granska startar</source>
        <translation>Open the server&apos;s database when Granska starts</translation>
    </message>
    <message>
        <source>Lösenordet sparas aldrig i en fil. Det hämtas från PGPASSWORD eller lösenordsfilen (~/.pgpass), annars från operativsystemets nyckelring; finns det inte där frågar Granska och kan då spara det i nyckelringen.</source>
        <translation>The password is never saved in a file. It comes from PGPASSWORD or the password file (~/.pgpass), otherwise from the operating system&apos;s keyring; if it is not there Granska asks and can then save it in the keyring.</translation>
    </message>
    <message>
        <source>&amp;Glöm sparat lösenord</source>
        <translation>&amp;Forget saved password</translation>
    </message>
    <message>
        <source>Ta bort lösenordet som Granska har sparat i nyckelringen för adressen och användarnamnet ovan</source>
        <translation>Remove the password Granska has saved in the keyring for the address and user name above</translation>
    </message>
    <message>
        <source>Adress:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>Användarnamn:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <source>Datorn har ingen nyckelring, så Granska har inget lösenord sparat.</source>
        <translation>This computer has no keyring, so Granska has no saved password.</translation>
    </message>
    <message>
        <source>Glöm sparat lösenord</source>
        <translation>Forget saved password</translation>
    </message>
    <message>
        <source>Ta bort lösenordet som är sparat i nyckelringen för {0}? Granska frågar efter det nästa gång du synkroniserar.</source>
        <translation>Remove the password saved in the keyring for {0}? Granska will ask for it the next time you synchronise.</translation>
    </message>
    <message>
        <source>Lösenordet för {0} är borttaget ur nyckelringen.</source>
        <translation>The password for {0} has been removed from the keyring.</translation>
    </message>
    <message>
        <source>Inget lösenord var sparat i nyckelringen för {0}.</source>
        <translation>No password was saved in the keyring for {0}.</translation>
    </message>
</context>
<context>
    <name>SetPage</name>
    <message>
        <source>&amp;Namn:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Svarstyp:</source>
        <translation>&amp;Answer type:</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <source>Ändra status</source>
        <translation>Change status</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Skäl</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>krävs när åtgärden avbryts</source>
        <translation>required when the action is cancelled</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>&amp;Skäl:</source>
        <translation>R&amp;eason:</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>Jämför datorn med servern …</source>
        <translation>Comparing the computer with the server …</translation>
    </message>
    <message>
        <source>Synkroniserar med servern …</source>
        <translation>Syncing with the server …</translation>
    </message>
    <message>
        <source>Ingenting ändrades.</source>
        <translation>Nothing was changed.</translation>
    </message>
    <message>
        <source>Synkroniseringen misslyckades</source>
        <translation>The sync failed</translation>
    </message>
    <message>
        <source>Synkroniserat</source>
        <translation>Synced</translation>
    </message>
    <message>
        <source>Datorn och servern är synkroniserade.</source>
        <translation>The computer and the server are in sync.</translation>
    </message>
    <message>
        <source>Till servern: {0} omgång(ar) med ändringar, varav {1} ny(a).</source>
        <translation>To the server: {0} round(s) with changes, {1} of them new.</translation>
    </message>
    <message>
        <source>Från servern: {0} omgång(ar) med ändringar, varav {1} ny(a).</source>
        <translation>From the server: {0} round(s) with changes, {1} of them new.</translation>
    </message>
    <message>
        <source>Skillnader avgjorda: {0} (datorns behölls i {1}, serverns i {2}).</source>
        <translation>Differences decided: {0} (the computer&apos;s kept in {1}, the server&apos;s in {2}).</translation>
    </message>
    <message>
        <source>{0} omgångar hoppades över, se detaljerna.</source>
        <translation>{0} rounds were skipped, see the details.</translation>
    </message>
    <message>
        <source>Till servern: {0}</source>
        <translation>To the server: {0}</translation>
    </message>
    <message>
        <source>Från servern: {0}</source>
        <translation>From the server: {0}</translation>
    </message>
    <message>
        <source>Hoppades över: {0}</source>
        <translation>Skipped: {0}</translation>
    </message>
    <message>
        <source>Synkronisera med servern</source>
        <translation>Sync with the server</translation>
    </message>
    <message>
        <source>Ingen server är inställd. Ange serverns adress och ditt användarnamn under Arkiv → Serverinställningar…</source>
        <translation>No server is set. Enter the server&apos;s address and your user name under File → Server settings…</translation>
    </message>
    <message>
        <source>S&amp;ynkronisera med servern…</source>
        <translation>S&amp;ync with the server…</translation>
    </message>
    <message>
        <source>Server&amp;inställningar…</source>
        <translation>Server se&amp;ttings…</translation>
    </message>
</context>
<context>
    <name>SyncConflictDialog</name>
    <message>
        <source>Skillnader mellan datorn och servern</source>
        <translation>Differences between the computer and the server</translation>
    </message>
    <message>
        <source>{0} svar skiljer sig mellan datorn och servern. Ingenting är synkroniserat än. Välj för varje rad vilket som ska gälla på båda.</source>
        <translation>{0} answers differ between the computer and the server. Nothing has been synced yet. Choose for each row which one applies on both.</translation>
    </message>
    <message>
        <source>Ärende (omgång)</source>
        <translation>Case (round)</translation>
    </message>
    <message>
        <source>Kontrollpunkt</source>
        <translation>Checklist item</translation>
    </message>
    <message>
        <source>Gäller</source>
        <translation>Applies</translation>
    </message>
    <message>
        <source>På datorn</source>
        <translation>On the computer</translation>
    </message>
    <message>
        <source>På servern</source>
        <translation>On the server</translation>
    </message>
    <message>
        <source>Behåll</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>Datorns</source>
        <translation>The computer&apos;s</translation>
    </message>
    <message>
        <source>Serverns</source>
        <translation>The server&apos;s</translation>
    </message>
    <message>
        <source>Behåll datorns överallt</source>
        <translation>Keep the computer&apos;s everywhere</translation>
    </message>
    <message>
        <source>Behåll serverns överallt</source>
        <translation>Keep the server&apos;s everywhere</translation>
    </message>
</context>
<context>
    <name>SynthesisDialog</name>
    <message>
        <source>Syntes</source>
        <translation>Synthesis</translation>
    </message>
    <message>
        <source>Svar och kommentarer</source>
        <translation>Answers and comments</translation>
    </message>
    <message>
        <source>Vald text</source>
        <translation>Selected text</translation>
    </message>
    <message>
        <source>Nytt tema… ({0})</source>
        <translation>New theme… ({0})</translation>
    </message>
    <message>
        <source>Valt citat ({0})</source>
        <translation>Chosen quote ({0})</translation>
    </message>
    <message>
        <source>Temat citerar de valda texterna först, sedan de nyaste (högst tre).</source>
        <translation>The theme quotes the chosen texts first, then the newest (at most three).</translation>
    </message>
    <message>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Pil upp/ned: nästa text · Ctrl+1–9: tema · {0}: citat · {1}: nytt tema</source>
        <translation>Up/Down: next text · Ctrl+1–9: theme · {0}: quote · {1}: new theme</translation>
    </message>
    <message>
        <source>Hämtar texterna …</source>
        <translation>Fetching the texts …</translation>
    </message>
    <message>
        <source>Inga skrivna svar eller kommentarer.</source>
        <translation>No written answers or comments.</translation>
    </message>
    <message>
        <source>{0} {1} av {2}</source>
        <translation>{0} {1} of {2}</translation>
    </message>
    <message>
        <source>{0} texter, {1} valda som citat.</source>
        <translation>{0} texts, {1} chosen as quotes.</translation>
    </message>
    <message>
        <source>Teman: {0}.</source>
        <translation>Themes: {0}.</translation>
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
        <source>Ärende {0} · {1} · {2} · {3}</source>
        <translation>Case {0} · {1} · {2} · {3}</translation>
    </message>
    <message>
        <source>Teman: {0}</source>
        <translation>Themes: {0}</translation>
    </message>
    <message>
        <source>valt citat</source>
        <translation>chosen quote</translation>
    </message>
    <message>
        <source>Nytt tema</source>
        <translation>New theme</translation>
    </message>
    <message>
        <source>Temats namn (sparas med omgången):</source>
        <translation>Theme name (stored with the round):</translation>
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
        <source>annat</source>
        <translation>other</translation>
    </message>
    <message>
        <source>Annat</source>
        <translation>Other</translation>
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
    <message>
        <source>Flickor</source>
        <translation>Girls</translation>
    </message>
    <message>
        <source>Pojkar</source>
        <translation>Boys</translation>
    </message>
    <message>
        <source>uppfyllt</source>
        <translation>met</translation>
    </message>
    <message>
        <source>ej uppfyllt</source>
        <translation>not met</translation>
    </message>
    <message>
        <source>kan ej avgöras ännu</source>
        <translation>cannot tell yet</translation>
    </message>
    <message>
        <source>inget mål</source>
        <translation>no target</translation>
    </message>
    <message>
        <source>inga data</source>
        <translation>no data</translation>
    </message>
    <message>
        <source>Okrypterad databas</source>
        <translation>Unencrypted database</translation>
    </message>
    <message>
        <source>skapad</source>
        <translation>created</translation>
    </message>
    <message>
        <source>ändrad</source>
        <translation>changed</translation>
    </message>
    <message>
        <source>borttagen</source>
        <translation>deleted</translation>
    </message>
    <message>
        <source>återöppnad</source>
        <translation>reopened</translation>
    </message>
    <message>
        <source>klarmarkerad</source>
        <translation>marked complete</translation>
    </message>
    <message>
        <source>låst</source>
        <translation>locked</translation>
    </message>
    <message>
        <source>upplåst</source>
        <translation>unlocked</translation>
    </message>
    <message>
        <source>importerad</source>
        <translation>imported</translation>
    </message>
    <message>
        <source>omgång</source>
        <translation>round</translation>
    </message>
    <message>
        <source>svar</source>
        <translation>answer</translation>
    </message>
    <message>
        <source>kommentar</source>
        <translation>comment</translation>
    </message>
    <message>
        <source>granskning</source>
        <translation>review</translation>
    </message>
    <message>
        <source>ärende</source>
        <translation>case</translation>
    </message>
    <message>
        <source>urval</source>
        <translation>sample</translation>
    </message>
    <message>
        <source>ärendelista</source>
        <translation>case list</translation>
    </message>
    <message>
        <source>urvalsrad</source>
        <translation>sample entry</translation>
    </message>
    <message>
        <source>checklista</source>
        <translation>checklist</translation>
    </message>
    <message>
        <source>teman</source>
        <translation>themes</translation>
    </message>
    <message>
        <source>citat</source>
        <translation>quote</translation>
    </message>
    <message>
        <source>kopplad</source>
        <translation>linked</translation>
    </message>
    <message>
        <source>kontrollpunkt</source>
        <translation>checklist item</translation>
    </message>
    <message>
        <source>kontrollmoment</source>
        <translation>control</translation>
    </message>
    <message>
        <source>avvikelse</source>
        <translation>deviation</translation>
    </message>
    <message>
        <source>åtgärd</source>
        <translation>action</translation>
    </message>
</context>
<context>
    <name>TextAnswersPanel</name>
    <message>
        <source>Märk vald text med tema:</source>
        <translation>Tag the selected text with a theme:</translation>
    </message>
    <message>
        <source>Nytt tema…</source>
        <translation>New theme…</translation>
    </message>
    <message>
        <source>Svarens fördelning:</source>
        <translation>Distribution of answers:</translation>
    </message>
    <message>
        <source>Svarens fördelning</source>
        <translation>Distribution of answers</translation>
    </message>
    <message>
        <source>Svar och kommentarer</source>
        <translation>Answers and comments</translation>
    </message>
    <message>
        <source>Inga skrivna svar eller kommentarer.</source>
        <translation>No written answers or comments.</translation>
    </message>
    <message>
        <source>{0} skrivna svar och {1} kommentarer.</source>
        <translation>{0} written answers and {1} comments.</translation>
    </message>
    <message>
        <source>{0} {1} av {2} ({3} %)</source>
        <translation>{0} {1} of {2} ({3} %)</translation>
    </message>
    <message>
        <source>Teman: {0}.</source>
        <translation>Themes: {0}.</translation>
    </message>
    <message>
        <source>Tema {0}</source>
        <translation>Theme {0}</translation>
    </message>
    <message>
        <source>Nytt tema</source>
        <translation>New theme</translation>
    </message>
    <message>
        <source>Temats namn (sparas med omgången):</source>
        <translation>The theme&apos;s name (stored with the round):</translation>
    </message>
</context>
<context>
    <name>TextTableModel</name>
    <message>
        <source>Ärende</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Granskare</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <source>Slag</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Teman</source>
        <translation>Themes</translation>
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
        <source>valt citat</source>
        <translation>chosen quote</translation>
    </message>
</context>
<context>
    <name>ThemeButtons</name>
    <message>
        <source>Teman:</source>
        <translation>Themes:</translation>
    </message>
    <message>
        <source>Tema {0} – {1}</source>
        <translation>Theme {0} – {1}</translation>
    </message>
</context>
<context>
    <name>UnsampledDialog</name>
    <message>
        <source>Ärenden utanför stickprovet</source>
        <translation>Cases outside the sample</translation>
    </message>
    <message>
        <source>{0} ärenden i filen ingår inte i omgångens stickprov. Deras svar kan inte importeras. Kontrollera att det är rätt fil och rätt omgång.</source>
        <translation>{0} cases in the file are not in the round&apos;s sample. Their answers cannot be imported. Check that this is the right file and the right round.</translation>
    </message>
    <message>
        <source>Hoppa över dessa ärenden och importera svaren för övriga ärenden</source>
        <translation>Skip these cases and import the answers for the other cases</translation>
    </message>
    <message>
        <source>Importera övriga</source>
        <translation>Import the others</translation>
    </message>
</context>
<context>
    <name>YearDialogs</name>
    <message>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>YearView</name>
    <message>
        <source>planerad</source>
        <translation>planned</translation>
    </message>
    <message>
        <source>omgång skapad</source>
        <translation>round created</translation>
    </message>
    <message>
        <source>pågår ({0} av {1} granskade)</source>
        <translation>in progress ({0} of {1} reviewed)</translation>
    </message>
    <message>
        <source>klar</source>
        <translation>done</translation>
    </message>
    <message>
        <source>försenad</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>pågår</source>
        <translation>in progress</translation>
    </message>
    <message>
        <source>avbruten</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>Året</source>
        <translation>The year</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Kontrollmoment</source>
        <translation>Control</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Omgångar</source>
        <translation>Rounds</translation>
    </message>
    <message>
        <source>Bedömning</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Kontrollpunkt</source>
        <translation>Checklist item</translation>
    </message>
    <message>
        <source>Åtgärd</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Ansvarig</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>Klart senast</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Nästa period</source>
        <translation>Next period</translation>
    </message>
    <message>
        <source>Resultat</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Analys</source>
        <translation>Analysis</translation>
    </message>
    <message>
        <source>Kontrollmoment per period</source>
        <translation>Controls per period</translation>
    </message>
    <message>
        <source>Ingen internkontrollplan ännu. Skapa en med Ny plan… eller läs in en fil med Läs in plan…</source>
        <translation>No internal control plan yet. Create one with New plan… or read a file with Read plan…</translation>
    </message>
    <message>
        <source>Checklistan &apos;{0}&apos; finns inte i datamappen.</source>
        <translation>The checklist &apos;{0}&apos; is not in the data folder.</translation>
    </message>
    <message>
        <source>Åtgärder</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Avvikelser</source>
        <translation>Deviations</translation>
    </message>
    <message>
        <source>Skapa &amp;omgång…</source>
        <translation>Create &amp;round…</translation>
    </message>
    <message>
        <source>Skapa omgången för det valda planerade kontrollmomentet och perioden</source>
        <translation>Create the round for the selected planned control and period</translation>
    </message>
    <message>
        <source>&amp;Analys…</source>
        <translation>&amp;Analysis…</translation>
    </message>
    <message>
        <source>&amp;Ny åtgärd…</source>
        <translation>&amp;New action…</translation>
    </message>
    <message>
        <source>Ändra &amp;status…</source>
        <translation>Change &amp;status…</translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation>Plan:</translation>
    </message>
    <message>
        <source>Åtgärder (försenade markerade)</source>
        <translation>Actions (overdue marked)</translation>
    </message>
    <message>
        <source>Läser …</source>
        <translation>Reading …</translation>
    </message>
    <message>
        <source>Läser planen</source>
        <translation>Reading the plan</translation>
    </message>
    <message>
        <source>Kunde inte läsa planen.</source>
        <translation>Could not read the plan.</translation>
    </message>
    <message>
        <source>{0} kontrollmoment × perioder, {1} åtgärder, {2} försenade.</source>
        <translation>{0} controls × periods, {1} actions, {2} overdue.</translation>
    </message>
</context>
<context>
    <name>menu</name>
    <message>
        <source>Ä&amp;ndringslogg…</source>
        <translation>C&amp;hange log…</translation>
    </message>
    <message>
        <source>&amp;Lås omgången (signera av)</source>
        <translation>&amp;Lock the round (sign off)</translation>
    </message>
    <message>
        <source>Lås &amp;upp omgången…</source>
        <translation>&amp;Unlock the round…</translation>
    </message>
    <message>
        <source>Byt &amp;lösenfras…</source>
        <translation>Change &amp;passphrase…</translation>
    </message>
    <message>
        <source>&amp;Säkerhetskopior…</source>
        <translation>&amp;Backups…</translation>
    </message>
</context>
<context>
    <name>w</name>
    <message>
        <source>Välj en omgång först.</source>
        <translation>Choose a round first.</translation>
    </message>
    <message>
        <source>Omgången {0} är låst.</source>
        <translation>The round {0} is locked.</translation>
    </message>
    <message>
        <source>Lås upp omgången</source>
        <translation>Unlock the round</translation>
    </message>
    <message>
        <source>Varför låses omgången upp? (loggas)</source>
        <translation>Why is the round unlocked? (logged)</translation>
    </message>
    <message>
        <source>Omgången {0} är upplåst.</source>
        <translation>The round {0} is unlocked.</translation>
    </message>
    <message>
        <source>Fel lösenfras; den byttes inte.</source>
        <translation>Wrong passphrase; it was not changed.</translation>
    </message>
    <message>
        <source>Lösenfrasen är bytt. Äldre säkerhetskopior öppnas fortfarande med den gamla.</source>
        <translation>The passphrase is changed. Older backups still open with the old one.</translation>
    </message>
</context>
</TS>
