"""English for the Swedish messages of the lower layers, matched at the edge (CLI, GUI)."""

from __future__ import annotations

import re

# Swedish message as written in the code, with {} where a value goes -> English, with {0},
# {1} … naming the Swedish values in order. Services stay in Swedish; the CLI and the
# GUI's failure handler translate what they show. An unknown message stays Swedish.
ERRORS_EN: dict[str, str] = {
    # rounds, reviews, themes
    "Omgång {} finns inte.": "Round {0} does not exist.",
    "Omgången {} finns inte.": "The round {0} does not exist.",
    "Omgången '{}' finns inte.": "The round '{0}' does not exist.",
    "Omgången '{}' är låst; svar kan inte importeras.":
        "The round '{0}' is locked; answers cannot be imported.",
    "Omgången '{}' är låst; ärenden kan inte läggas till.":
        "The round '{0}' is locked; cases cannot be added.",
    "Omgången '{}' är låst och kan inte ändras.":
        "The round '{0}' is locked and cannot be changed.",
    "Omgången '{}' är låst.": "The round '{0}' is locked.",
    "Omgången '{}' är redan låst.": "The round '{0}' is already locked.",
    "Omgången '{}' är inte låst.": "The round '{0}' is not locked.",
    "Omgången behöver ett namn.": "The round needs a name.",
    "Året {} är orimligt; ange ett år som 2026.":
        "The year {0} is implausible; give a year such as 2026.",
    "Året {} är orimligt.": "The year {0} is implausible.",
    "Ange varför omgången låses upp.": "Give the reason for unlocking the round.",
    "Det finns redan en omgång som heter '{}'.": "There is already a round named '{0}'.",
    "period ska vara T1, T2 eller T3, inte '{}'": "the period must be T1, T2 or T3, not '{0}'",
    "Välj minst en omgång.": "Choose at least one round.",
    "Omgångarna använder olika checklistor ({}) och kan inte redovisas tillsammans.":
        "The rounds use different checklists ({0}) and cannot be reported together.",
    "Omgångarna använder olika versioner av checklistan ({}); bara kontrollpunkter som "
    "finns i alla versioner redovisas.{}":
        "The rounds use different versions of the checklist ({0}); only items found in "
        "every version are reported.{1}",
    " Utelämnade: {}.": " Left out: {0}.",
    "Ange varför granskningen öppnas igen.": "Give the reason for reopening the review.",
    "Checklistdefinition {} finns inte.": "Checklist definition {0} does not exist.",
    "Ärendet {} finns inte i omgången.": "The case {0} is not in the round.",
    "Ärendet {} ingår inte i stickprovet.": "The case {0} is not in the sample.",
    "Ärendet {} finns inte.": "The case {0} does not exist.",
    "Kontrollpunkten '{}' finns inte i checklistan.": "The item '{0}' is not in the checklist.",
    "Temat {} finns inte för '{}' (finns: {}).":
        "The theme {0} does not exist for '{1}' (there are: {2}).",
    "Temat {} finns inte för '{}'.": "The theme {0} does not exist for '{1}'.",
    "Skriv ett svar eller en kommentar innan texten märks med teman.":
        "Write an answer or a comment before tagging the text with themes.",
    "Granskningen är inte markerad som klar.": "The review is not marked as complete.",
    "Granskningen av {} är markerad som klar. Öppna den igen (med en orsak) för att ändra.":
        "The review of {0} is marked as complete. Reopen it (with a reason) to change it.",
    "Obligatoriska frågor saknar svar:\n{}": "Required questions have no answer:\n{0}",
    "Svaret {} finns inte.": "The answer {0} does not exist.",
    "Svaret har ingen text att märka med teman.": "The answer has no text to tag with themes.",
    "Märk texten med ett tema innan den väljs som citat.":
        "Tag the text with a theme before choosing it as a quote.",
    "Texten är för lång (högst {} tecken).": "The text is too long (at most {0} characters).",
    "'{}' är inget giltigt svar på '{}' ({}).": "'{0}' is not a valid answer to '{1}' ({2}).",
    "'{}' är inget tal ('{}').": "'{0}' is not a number ('{1}').",
    "'{}' är inget datum ÅÅÅÅ-MM-DD ('{}').": "'{0}' is not a date YYYY-MM-DD ('{1}').",
    # the personnummer guard
    "Texten innehåller något som ser ut som ett personnummer eller samordningsnummer och "
    "sparades inte. Använd ärendenummer, aldrig namn eller personnummer.{}":
        "The text contains something that looks like a personal identity number or "
        "coordination number and was not saved. Use case numbers, never names or personal "
        "identity numbers.{0}",
    " (Fält: {}.)": " (Field: {0}.)",
    "Rad {}, {} innehåller något som ser ut som ett personnummer eller samordningsnummer. "
    "Ingenting från filen har sparats. Exportera listan med ärendenummer (t.ex. ärende-id "
    "eller aktnummer) i stället för personnummer.":
        "Row {0}, {1} contains something that looks like a personal identity number or "
        "coordination number. Nothing from the file has been saved. Export the list with "
        "case numbers (e.g. case id or file number) instead of personal identity numbers.",
    # case lists and sampling
    "Välj vilken kolumn som innehåller ärendenummer.":
        "Choose the column that holds the case numbers.",
    "{} innehåller inga giltiga ärenden.": "{0} contains no valid cases.",
    "Stickprovet för '{}' är redan draget; urvalsramen kan inte ändras efteråt. Skapa en ny "
    "omgång för en ny lista.":
        "The sample for '{0}' has already been drawn; the sampling frame cannot be changed "
        "afterwards. Create a new round for a new list.",
    "Startdatumet ligger efter slutdatumet.": "The start date is after the end date.",
    "Ange varför ärendet utesluts.": "Give the reason for excluding the case.",
    "Omgången '{}' har inget stickprov ännu.": "The round '{0}' has no sample yet.",
    "Omgången '{}' är låst; inget stickprov kan dras.":
        "The round '{0}' is locked; no sample can be drawn.",
    "Omgången '{}' har redan ett stickprov. Ett dragning kan inte göras om.":
        "The round '{0}' already has a sample. A draw cannot be redone.",
    "Urvalsramen är tom: importera en ärendelista först eller ändra datumintervallet.":
        "The sampling frame is empty: import a case list first or change the date range.",
    "Urvalsramen är tom: importera en ärendelista först.":
        "The sampling frame is empty: import a case list first.",
    "Ärendet '{}' ingår inte i stickprovet.": "The case '{0}' is not in the sample.",
    "Ärendet '{}' har en klar granskning och kan inte uteslutas.":
        "The case '{0}' has a completed review and cannot be excluded.",
    "Reservlistan är slut. Ärendet kan inte ersättas.":
        "The reserve list is used up. The case cannot be replaced.",
    "Reservlistan är slut för enheten '{}'. Ärendet kan inte ersättas.":
        "The reserve list for the unit '{0}' is used up. The case cannot be replaced.",
    "Ange stickprovets storlek eller konfidensgrad och tolerabel avvikelse.":
        "Give the sample size, or the confidence level and the tolerable deviation.",
    "Stickprovet skulle bli orimligt stort; höj den tolerabla avvikelsen eller sänk den "
    "förväntade.":
        "The sample would be implausibly large; raise the tolerable deviation or lower the "
        "expected one.",
    "Konfidensgraden måste ligga mellan 0 och 1 (t.ex. 0,95).":
        "The confidence level must lie between 0 and 1 (e.g. 0.95).",
    "Den tolerabla avvikelsen måste ligga mellan 0 och 1 (t.ex. 0,05).":
        "The tolerable deviation must lie between 0 and 1 (e.g. 0.05).",
    "Den förväntade avvikelsen måste vara minst 0 och mindre än den tolerabla avvikelsen.":
        "The expected deviation must be at least 0 and less than the tolerable deviation.",
    "Populationen måste vara minst 1 ärende.": "The population must be at least 1 case.",
    "Stickprovet ({}) är mindre än antalet enheter ({}); varje enhet ska ha minst ett ärende.":
        "The sample ({0}) is smaller than the number of units ({1}); every unit must have at "
        "least one case.",
    "Okänd stratifiering '{}'.": "Unknown stratification '{0}'.",
    "Urvalsramen är tom; importera en ärendelista först.":
        "The sampling frame is empty; import a case list first.",
    "Urvalsramen innehåller samma ärendenummer flera gånger.":
        "The sampling frame contains the same case number more than once.",
    "Stickprovets storlek måste vara mellan 1 och {}.":
        "The sample size must be between 1 and {0}.",
    # checklists
    "Checklistan '{}' finns varken i biblioteket eller i databasen.":
        "The checklist '{0}' is neither in the library nor in the database.",
    "Det finns ingen mapp för egna checklistor.": "There is no folder for your own checklists.",
    "Checklistan '{}' finns inte i biblioteket.": "The checklist '{0}' is not in the library.",
    "Ingen lagrad version '{}' av '{}'. Se 'audit-app checklist versions {}'.":
        "No stored version '{0}' of '{1}'. See 'audit-app checklist versions {2}'.",
    "Flera lagrade versioner av '{}' passar '{}' ({}); ange en av dem med #.":
        "Several stored versions of '{0}' match '{1}' ({2}); give one of them with #.",
    # the year's plan, deviations and actions
    "Ange {}.": "Give {0}.",
    "Kontrollmomentet '{}' är inte planerat för {}.": "The control '{0}' is not planned for {1}.",
    "Ansvarig roll är för lång (högst {} tecken).":
        "The responsible role is too long (at most {0} characters).",
    "Ange varför åtgärden avbryts (--reason).":
        "Give the reason for cancelling the action (--reason).",
    "Åtgärd {} finns inte.": "Action {0} does not exist.",
    "Det finns ingen avvikelse för '{}' i {} {} {}.":
        "There is no deviation for '{0}' in {1} {2} {3}.",
    "Omgången är låst: ange varför analysen ändras (--reason).":
        "The round is locked: give the reason for changing the analysis (--reason).",
    "Kontrollmomentet '{}' finns i flera planer ({}); ange --unit och --year.":
        "The control '{0}' is in several plans ({1}); give --unit and --year.",
    "Kontrollmomentet '{}' finns inte i någon plan.": "The control '{0}' is in no plan.",
    "Kontrollmomentet '{}' finns inte i någon plan {}.": "The control '{0}' is in no plan {1}.",
    "Kontrollmomentet '{}' finns inte i någon plan för {}.":
        "The control '{0}' is in no plan for {1}.",
    "Kontrollmomentet '{}' finns inte i någon plan för {} {}.":
        "The control '{0}' is in no plan for {1} {2}.",
    "Planen behöver en enhet (unit).": "The plan needs a unit.",
    "Kontrollmomentet '{}' är inte planerat för {} (planerat: {}).":
        "The control '{0}' is not planned for {1} (planned: {2}).",
    "Kontrollmomentet '{}' använder checklistan '{}', inte '{}'.":
        "The control '{0}' uses the checklist '{1}', not '{2}'.",
    "Kontrollmomentet '{}' har omgångar, analyser eller åtgärder och kan inte tas bort ur "
    "planen; låt det stå kvar.":
        "The control '{0}' has rounds, analyses or actions and cannot be removed from the "
        "plan; leave it in.",
    "Det finns ingen plan för {} {}. Importera en med 'audit-app plan import'.":
        "There is no plan for {0} {1}. Import one with 'audit-app plan import'.",
    "{} har redan en plan för {}.": "{0} already has a plan for {1}.",
    "Kontrollmomentet '{}' är planerat för {}; ange --period.":
        "The control '{0}' is planned for {1}; give --period.",
    "Kontrollmomentet '{}' använder checklistan '{}'.":
        "The control '{0}' uses the checklist '{1}'.",
    "Ett kontrollmoment saknar id.": "A control has no id.",
    "Id '{}' får bara innehålla a-z, 0-9, - och _ och börja med en bokstav.":
        "The id '{0}' may only hold a-z, 0-9, - and _ and must start with a letter.",
    "Kontrollmomentet '{}' finns två gånger i planen.": "The control '{0}' is twice in the plan.",
    "Kontrollmomentet '{}' saknar rubrik.": "The control '{0}' has no title.",
    "Kontrollmomentet '{}': {} är för lång (högst {} tecken).":
        "The control '{0}': {1} is too long (at most {2} characters).",
    "Kontrollmomentet '{}' saknar checklista.": "The control '{0}' has no checklist.",
    "Kontrollmomentet '{}': checklistan '{}' finns inte.":
        "The control '{0}': the checklist '{1}' does not exist.",
    "Kontrollmomentet '{}': kontrollpunkten '{}' finns inte i checklistan.":
        "The control '{0}': the item '{1}' is not in the checklist.",
    "Kontrollmomentet '{}' väljer samma kontrollpunkt två gånger.":
        "The control '{0}' chooses the same item twice.",
    "Kontrollmomentet '{}': sannolikhet och konsekvens ska vara 1–4.":
        "The control '{0}': likelihood and consequence must be 1–4.",
    "Kontrollmomentet '{}' behöver minst en period (T1, T2, T3).":
        "The control '{0}' needs at least one period (T1, T2, T3).",
    "Kontrollmomentet '{}' har samma period två gånger.":
        "The control '{0}' has the same period twice.",
    "Kontrollmomentet '{}': konfidens och tolerabel avvikelse ska ligga mellan 0 och 1.":
        "The control '{0}': confidence and tolerable deviation must lie between 0 and 1.",
    "Kontrollmomentet '{}': ett fast urval ska vara 1–{} ärenden.":
        "The control '{0}': a fixed sample must be 1–{1} cases.",
    "status ska vara planerad, pågår, klar eller avbruten, inte '{}'":
        "the status must be planerad, pågår, klar or avbruten, not '{0}'",
    # the plan read from its Excel sheet (a cell's problem, then what it is)
    "{}: en plan läses från en fil som slutar på .yaml, .yml eller .xlsx.":
        "{0}: a plan is read from a file ending in .yaml, .yml or .xlsx.",
    "Filen {} är för stor för en internkontrollplan.": "The file {0} is too large for a plan.",
    "{} har inget blad med en internkontrollplan (en rad med rubrikerna Id, Kontrollmoment, "
    "Checklista …).":
        "{0} has no sheet with a plan (a row with the headings Id, Kontrollmoment, "
        "Checklista …).",
    "Blad '{}', cell {}: {}": "Sheet '{0}', cell {1}: {2}",
    "Blad '{}', cell {}: {}\n{}": "Sheet '{0}', cell {1}: {2}\n{3}",  # several problems
    "Blad '{}', rad {}: kolumnen '{}' saknas": "Sheet '{0}', row {1}: the column '{2}' is missing",
    "Blad '{}', rad {}: kolumnen '{}' saknas\n{}":
        "Sheet '{0}', row {1}: the column '{2}' is missing\n{3}",
    "Blad '{}': planen har inga kontrollmoment": "Sheet '{0}': the plan has no controls",
    "enhet och år saknas; cellen ska lyda 'Internkontrollplan ENHET ÅÅÅÅ'":
        "unit and year are missing; the cell should read 'Internkontrollplan UNIT YYYY'",
    "enheten innehåller något som liknar ett personnummer; personnummer får inte sparas":
        "the unit contains something that looks like a personal identity number; those are "
        "never stored",
    "året ska vara ett årtal 2000–2100": "the year must be a year 2000–2100",
    "id saknas": "the id is missing",
    "id '{}' får bara innehålla a-z, 0-9, - och _ och börja med en bokstav":
        "the id '{0}' may only hold a-z, 0-9, - and _ and must start with a letter",
    "kontrollmomentet '{}' finns redan på rad {}":
        "the control '{0}' is already on row {1}",
    "kontrollmomentet saknar rubrik": "the control has no title",
    "checklista saknas": "the checklist is missing",
    "checklistan '{}' finns inte; tillgängliga: {}":
        "the checklist '{0}' does not exist; available: {1}",
    "texten är för lång (högst {} tecken)": "the text is too long (at most {0} characters)",
    "texten innehåller något som liknar ett personnummer; personnummer får inte sparas":
        "the text contains something that looks like a personal identity number; those are "
        "never stored",
    "kontrollpunkten '{}' finns inte i checklistan": "the item '{0}' is not in the checklist",
    "kontrollpunkten '{}' står två gånger": "the item '{0}' is there twice",
    "sannolikheten ska vara ett heltal 1–4, inte '{}'":
        "the likelihood must be a whole number 1–4, not '{0}'",
    "konsekvensen ska vara ett heltal 1–4, inte '{}'":
        "the consequence must be a whole number 1–4, not '{0}'",
    "perioder saknas (T1, T2, T3)": "the periods are missing (T1, T2, T3)",
    "perioden {} står två gånger": "the period {0} is there twice",
    "metoden '{}' förstås inte; skriv t.ex. 'stickprov (95 % konfidens, tolerabel avvikelse "
    "5 %)', 'fast urval om 20 ärenden' eller 'totalgranskning'":
        "the method '{0}' is not understood; write e.g. 'stickprov (95 % konfidens, tolerabel "
        "avvikelse 5 %)', 'fast urval om 20 ärenden' or 'totalgranskning'",
    "ett fast urval ska vara 1–{} ärenden": "a fixed sample must be 1–{0} cases",
    "konfidens och tolerabel avvikelse ska ligga mellan 0 % och 100 %":
        "confidence and tolerable deviation must lie between 0 % and 100 %",
    # files, exports and exchange files
    "Kan inte skriva {}: {}": "Cannot write {0}: {1}",
    "Ange en fil som slutar på .yaml eller .xlsx.": "Give a file ending in .yaml or .xlsx.",
    "Ange minst en fil: --pdf, --xlsx eller --json.":
        "Give at least one file: --pdf, --xlsx or --json.",
    "Kunde inte skriva filen: {}": "Could not write the file: {0}",
    "Kan inte skriva filen: {} ({})": "Cannot write the file: {0} ({1})",
    "Filen {} har ett oväntat innehåll och kan inte läsas in.":
        "The file {0} has unexpected content and cannot be read.",
    "Lösenfrasen för exportfilen måste ha minst {} tecken.":
        "The passphrase for the export file must have at least {0} characters.",
    "{} är en okrypterad exportfil från en äldre Granska och läses inte in, eftersom den inte "
    "kan skyddas mot ändringar. Be avsändaren exportera omgången igen med den här versionen "
    "(filen krypteras då med en lösenfras).":
        "{0} is an unencrypted export file from an older Granska and is not read, because it "
        "cannot be protected against changes. Ask the sender to export the round again with "
        "this version (the file is then encrypted with a passphrase).",
    "{} är ingen exportfil från Granska, eller så är den skadad.":
        "{0} is not an export file from Granska, or it is damaged.",
    "{} är ingen exportfil från Granska, eller så är den skadad. (orimligt stor)":
        "{0} is not an export file from Granska, or it is damaged. (implausibly large)",
    "{} är ingen exportfil från Granska.": "{0} is not an export file from Granska.",
    "{} har ett okänt filformat ({}).": "{0} has an unknown file format ({1}).",
    "{} är skapad med en nyare Granska (version {}, filformat {}); den här versionen ({}) "
    "läser filformat {}. Uppdatera Granska och försök igen.":
        "{0} was made with a newer Granska (version {1}, file format {2}); this version ({3}) "
        "reads file format {4}. Update Granska and try again.",
    "Fel lösenfras för {}. Använd den lösenfras som valdes när omgången exporterades.":
        "Wrong passphrase for {0}. Use the passphrase chosen when the round was exported.",
    "Filen {} finns inte.": "The file {0} does not exist.",
    "Kan inte läsa {}: {}": "Cannot read {0}: {1}",
    "Filen {} har ändrats eller är skadad efter exporten och läses inte in.":
        "The file {0} has been changed or damaged after the export and is not read.",
    "Checklistan i filen stämmer inte med sin kontrollsumma.":
        "The checklist in the file does not match its checksum.",
    "Checklistan i {} kan inte läsas.": "The checklist in {0} cannot be read.",
    "Omgången '{}' är låst här; ingenting slogs samman. En låst omgång tar inte emot "
    "ändringar från andra datorer.":
        "The round '{0}' is locked here; nothing was merged. A locked round takes no changes "
        "from other computers.",
    "Omgången '{}' använder en annan checklistversion här än i filen; den kan inte slås "
    "samman.":
        "The round '{0}' uses a different checklist version here than in the file; it cannot "
        "be merged.",
    "Omgången '{}' har ett annat stickprov här än i filen (olika slumpfrö eller urvalsram); "
    "den kan inte slås samman.":
        "The round '{0}' has a different sample here than in the file (different seed or "
        "sampling frame); it cannot be merged.",
    "En granskning i filen hör till ett annat ärende här.":
        "A review in the file belongs to a different case here.",
    # an error the program did not expect (logs.unexpected_error_text)
    "ett oväntat fel inträffade ({}).{}": "an unexpected error occurred ({0}).{1}",
    " Detaljer finns i loggfilen {}.": " Details are in the log file {0}.",
    # the database and its passphrase
    "Fel lösenfras för {} – databasen går inte att läsa med den (eller så är filen skadad). "
    "Försök igen.":
        "Wrong passphrase for {0} – the database cannot be read with it (or the file is "
        "damaged). Try again.",
    "Databasen {} går inte att läsa utan lösenfras: den är krypterad (eller skadad). Ange "
    "lösenfrasen.":
        "The database {0} cannot be read without a passphrase: it is encrypted (or damaged). "
        "Give the passphrase.",
    "Databasen är okrypterad; lösenfrasen kan inte bytas.":
        "The database is unencrypted; the passphrase cannot be changed.",
    "Lösenfrasen måste ha minst {} tecken.": "The passphrase must have at least {0} characters.",
    "En ny databas behöver en lösenfras på minst {} tecken (den angivna har {}).":
        "A new database needs a passphrase of at least {0} characters (the one given has {1}).",
    "Databasen {} kommer från en nyare version av Granska (schema {}). Uppdatera programmet.":
        "The database {0} comes from a newer version of Granska (schema {1}). Update the "
        "program.",
    "Databasen används av ett annat program eller fönster just nu; lösenfrasen ändrades "
    "inte. Stäng det andra programmet och försök igen.":
        "The database is in use by another program or window right now; the passphrase was "
        "not changed. Close the other program and try again.",
    "Databasen {} är okrypterad (vanlig SQLite), men en lösenfras angavs: filen är inte den "
    "krypterade databas som väntades. Kontrollera sökvägen. Är den okrypterad med avsikt: "
    "öppna den med --unencrypted (och utan lösenfras). Den kan krypteras genom att skapa en "
    "ny krypterad databas och föra över uppgifterna.":
        "The database {0} is unencrypted (plain SQLite), but a passphrase was given: the file "
        "is not the encrypted database expected. Check the path. If it is unencrypted on "
        "purpose: open it with --unencrypted (and without a passphrase). It can be encrypted "
        "by creating a new encrypted database and moving the data over.",
    "{} är en mapp, inte en databasfil.": "{0} is a folder, not a database file.",
    "{} är ingen Granska-databas (okända tabeller).":
        "{0} is not a Granska database (unknown tables).",
    "Databasfilen {} går inte att läsa ({}). Den kan vara skadad eller avkortad. {}":
        "The database file {0} cannot be read ({1}). It may be damaged or truncated. {2}",
    "Databasen {} är krypterad: ange lösenfrasen i miljövariabeln {}.":
        "The database {0} is encrypted: give the passphrase in the environment variable {1}.",
    "Ny databas: ange en lösenfras i miljövariabeln {}, eller välj --unencrypted (endast med "
    "full diskkryptering).":
        "New database: give a passphrase in the environment variable {0}, or choose "
        "--unencrypted (only with full disk encryption).",
    "Lösenfraserna är olika.": "The passphrases differ.",
    "Ingen lösenfras angavs.": "No passphrase was given.",
    # added for the merged features (agreement, chosen cases, server, themes, targets)
    "Andelen måste ligga mellan 0 och 1 (t.ex. 0,2).":
        "The share must be between 0 and 1 (e.g. 0.2).",
    "Ange antingen antal ärenden (--size) eller andel (--share).":
        "Give either a number of cases (--size) or a share (--share).",
    "Ange en motivering för det avstämda svaret.":
        "Give a reason for the reconciled answer.",
    "Ange varför ärendet väljs ut.":
        "Give the reason for choosing the case.",
    "Ange ärendenumret.":
        "Give the case number.",
    "Antalet måste vara mellan 1 och {} (stickprovets storlek).":
        "The number must be between 1 and {0} (the sample's size).",
    "Dra stickprovet först; valda ärenden läggs till efter dragningen.":
        "Draw the sample first; chosen cases are added after the draw.",
    "Du dubbelgranskar {}; den ordinarie granskningen ska göras av någon annan.":
        "You are the second reviewer of {0}; the ordinary review must be done by someone else.",
    "Du dubbelgranskar ärendet: den ordinarie granskningens svar visas när båda granskningarna är klara.":
        "You are the second reviewer of this case: the ordinary review's answers are shown when both reviews are complete.",
    "Du har gjort den ordinarie granskningen av {}; dubbelgranskningen ska göras av någon annan.":
        "You did the ordinary review of {0}; the second review must be done by someone else.",
    "Dubbelgranskningen av {} görs av {}.":
        "The second review of {0} is done by {1}.",
    "Dubbelgranskningen av {} är redan klar.":
        "The second review of {0} is already complete.",
    "Granskningen av {} är inte klar; återkopplingen skrivs när den är markerad som klar.":
        "The review of {0} is not complete; the feedback sheet is written once it is marked complete.",
    "Omgången '{}' har redan ett urval för dubbelgranskning.":
        "The round '{0}' already has a subset for double review.",
    "Svaren på {} visas först när båda granskningarna är klara (granskarna ska inte se varandras svar).":
        "The answers for {0} are shown only when both reviews are complete (the reviewers must not see each other's answers).",
    "Svaret kunde inte sparas: andra sparar i samma granskning just nu. Försök igen.":
        "The answer could not be saved: others are saving in the same review right now. Try again.",
    "Ärendet '{}' har ingen granskning i '{}'.":
        "The case '{0}' has no review in '{1}'.",
    "Ärendet '{}' ingår inte i dubbelgranskningen.":
        "The case '{0}' is not in the double review.",
    "Ärendet '{}' ingår redan i stickprovet.":
        "The case '{0}' is already in the sample.",
    "Ärendet '{}' är redan valt.":
        "The case '{0}' is already chosen.",
    "Årsmålet ändras för {}. Ange ett skäl till ändringen; det sparas i ändringsloggen.":
        "The target changes for {0}. Give a reason for the change; it is saved in the change log.",
    # the saved server connection and the GUI's sync
    "Ange serverns adress: postgresql+psycopg://VÄRD/DATABAS.":
        "Give the server's address: postgresql+psycopg://HOST/DATABASE.",
    "Adressen ska börja med postgresql+psycopg:// (Granska använder PostgreSQL med "
    "drivrutinen psycopg), inte med '{}'.":
        "The address must begin with postgresql+psycopg:// (Granska uses PostgreSQL with the "
        "psycopg driver), not with '{0}'.",
    "Adressen ska börja med postgresql+psycopg://, t.ex. "
    "postgresql+psycopg://db.kommun.se/granska?sslmode=verify-full.":
        "The address must begin with postgresql+psycopg://, e.g. "
        "postgresql+psycopg://db.kommun.se/granska?sslmode=verify-full.",
    "Adressen anger användaren '{}' men användarnamnet är '{}'; ange det på ett ställe.":
        "The address names the user '{0}' but the user name is '{1}'; give it in one place.",
    "Granska är öppnat mot serverns databas; synkronisera från datorns egen databas.":
        "Granska is open on the server's database; sync from the computer's own database.",
    "Lösenordet för {} stämmer inte.": "The password for {0} is wrong.",
    "Servern {} kräver ett lösenord. Lösenordet anges aldrig i adressen eller som argument: "
    "använd miljövariabeln PGPASSWORD, en lösenordsfil (PGPASSFILE, ~/.pgpass), "
    "operativsystemets nyckelring eller svara på frågan om lösenord.":
        "The server {0} requires a password. The password is never given in the address or "
        "as an argument: use the environment variable PGPASSWORD, a password file "
        "(PGPASSFILE, ~/.pgpass), the operating system's keyring or answer the password "
        "question.",
    "Kunde inte ansluta till {}: {}": "Could not connect to {0}: {1}",
    "{} är ingen PostgreSQL-adress; ange postgresql+psycopg://VÄRD/DATABAS (eller en "
    "databasfil).":
        "{0} is not a PostgreSQL address; give postgresql+psycopg://HOST/DATABASE (or a "
        "database file).",
    # a review changed by someone else meanwhile (ReviewConflictError), with its parts
    "Granskningen av {} ändrades av {} medan du arbetade. Sparad status: '{}'; din ändring: "
    "{}. Inget skrevs över: läs in granskningen igen och gör om ändringen om den ska gälla.":
        "The review of {0} was changed by {1} while you were working. Stored status: '{2}'; "
        "your change: {3}. Nothing was overwritten: load the review again and redo your "
        "change if it should stand.",
    "status '{}'": "status '{0}'",
    "svaret {} på '{}'": "the answer {0} to '{1}'",
    "klar": "complete",
    "pågår": "in progress",
    "ej påbörjad": "not started",
    "någon annan": "someone else",
    # the shared database: addresses, roles and what a role may do
    "{} är ingen PostgreSQL-adress; ange {}://VÄRD/DATABAS (eller en databasfil).":
        "{0} is not a PostgreSQL address; give {1}://HOST/DATABASE (or a database file).",
    "Adressen innehåller ett lösenord, det tas inte emot. {}":
        "The address contains a password, which is not accepted. {0}",
    "Adressen {} saknar databasnamn ({}://VÄRD/DATABAS).":
        "The address {0} has no database name ({1}://HOST/DATABASE).",
    "Adressen {} går inte att tolka.": "The address {0} cannot be read.",
    "Databasen ligger på en server; där finns ingen lösenfras att byta. Lösenordet för din "
    "databasroll byts på servern (ALTER ROLE).":
        "The database is on a server; there is no passphrase to change. The password of your "
        "database role is changed on the server (ALTER ROLE).",
    "Databasen {} har inte Granskas schema (version {}); kör först: audit-app --db {} "
    "server init":
        "The database {0} does not have Granska's schema (version {1}); first run: "
        "audit-app --db {2} server init",
    "Schemat på {} kunde inte uppgraderas ({}). Uppgraderingen görs av databasens ägare: "
    "audit-app server init.":
        "The schema on {0} could not be upgraded ({1}). The upgrade is done by the "
        "database's owner: audit-app server init.",
    "Okänd roll '{}'; välj reviewer, manager eller admin.":
        "Unknown role '{0}'; choose reviewer, manager or admin.",
    "Databasrollen '{}' finns inte. Skapa den först på servern: CREATE ROLE \"{}\" LOGIN "
    "(lösenordet sätts där, aldrig i Granska).":
        "The database role '{0}' does not exist. Create it on the server first: CREATE ROLE "
        "\"{1}\" LOGIN (the password is set there, never in Granska).",
    "Databasen har inga Granska-roller ännu; kör först: audit-app --db ADRESS server init":
        "The database has no Granska roles yet; first run: audit-app --db ADDRESS server init",
    "Databasrollen '{}' har inte rollen {} (har: {}).":
        "The database role '{0}' does not have the role {1} (has: {2}).",
    "Databasrollen '{}' har ingen Granska-roll att ta tillbaka.":
        "The database role '{0}' has no Granska role to take back.",
    "Databasrollen '{}' har ingen behörighet till enheten {} (har: {}).":
        "The database role '{0}' has no access to the unit {1} (has: {2}).",
    "ingen Granska-roll": "no Granska role",
    "inga enheter": "no units",
    "alla enheter": "every unit",
    "Din databasroll får inte skapa, låsa eller ändra omgångar, ärendelistor, stickprov "
    "eller avvikelser; det får granska_manager. Be den som administrerar Granska om rätt "
    "roll (audit-app server grant).":
        "Your database role may not create, lock or change rounds, case lists, samples or "
        "deviations; granska_manager may. Ask whoever administers Granska for the right role "
        "(audit-app server grant).",
    "Din databasroll får inte ändra planen eller rollerna; det får granska_admin. Be den som "
    "administrerar Granska om rätt roll (audit-app server grant).":
        "Your database role may not change the plan or the roles; granska_admin may. Ask "
        "whoever administers Granska for the right role (audit-app server grant).",
    "Din databasroll får inte göra detta (eller inte i den här enheten). Be den som "
    "administrerar Granska om rätt roll (audit-app server grant).":
        "Your database role may not do this (or not in this unit). Ask whoever administers "
        "Granska for the right role (audit-app server grant).",
    "Din databasroll har ingen Granska-roll (längre) och kan inte läsa eller ändra något. "
    "Be den som administrerar Granska om en roll (audit-app server grant).":
        "Your database role has no Granska role (any more) and can neither read nor change "
        "anything. Ask whoever administers Granska for a role (audit-app server grant).",
}


class PatternTable:
    """Swedish messages with {} for their values, matched whole and given in English."""

    def __init__(self, *tables: dict[str, str]) -> None:
        self.tables = tables
        self._compiled: list[tuple[re.Pattern[str], str]] | None = None

    def _patterns(self) -> list[tuple[re.Pattern[str], str]]:
        if self._compiled is None:  # compiled on first use: start-up stays quick
            found = []
            for table in self.tables:
                for swedish, english in table.items():
                    parts = [re.escape(p) for p in swedish.split("{}")]
                    found.append((re.compile("(.*?)".join(parts), re.DOTALL), english))
            # the longest patterns first: "{} är ingen exportfil …, eller så är den skadad."
            # must not be read as the shorter "{} är ingen exportfil från Granska."
            self._compiled = sorted(found, key=lambda p: -len(p[0].pattern))
        return self._compiled

    def translate(self, text: str) -> str:
        """English when a pattern matches (its values translated in turn where they are
        messages themselves), else the text as it is."""
        if not text:
            return text
        for pattern, english in self._patterns():
            found = pattern.fullmatch(text)
            if found:
                values = [self.translate(v) if v.strip() else v for v in found.groups()]
                return english.format(*values)
        return text


ERRORS = PatternTable(ERRORS_EN)


def translate_text(text: str, lang: str = "sv") -> str:
    """A Swedish message in lang: English when a pattern matches, else as it is."""
    return ERRORS.translate(text) if lang == "en" else text


def has_english(message: str) -> bool:
    """Whether a message as written in the code (with {} for its values) has an entry."""
    return message in ERRORS_EN
