"""The command line's own messages in English, applied to what a command prints (--lang en)."""

from __future__ import annotations

from typing import TextIO

from audit_app.domain.error_texts import ERRORS_EN, PatternTable

# Swedish as the commands print it, {} for each value -> English with {0}, {1} … in order.
# Lines made of values only ("  {}", "{}: {}", tab-separated rows) pass through as they are.
CLI_EN: dict[str, str] = {
    "Fel: {}": "Error: {0}",
    "Fel: ingenting lades in. {}": "Error: nothing was merged. {0}",
    "Fel: ingenting importerades. {}": "Error: nothing was imported. {0}",
    "Varning: {}": "Warning: {0}",
    "Obs: {}": "Note: {0}",
    "Skrev {}": "Wrote {0}",
    # backups and restore
    "Säkerhetskopia ({}): {}": "Backup ({0}): {1}",
    "{} finns redan; välj ett annat namn.": "{0} already exists; choose another name.",
    "Säkerhetskopian kan inte skrivas över själva databasen.":
        "The backup cannot be written over the database itself.",
    "Databasen {} återställdes från {}.{}": "The database {0} was restored from {1}.{2}",
    " Den tidigare filen finns kvar som {}.": " The earlier file is kept as {0}.",
    "Säkerhetskopian {} finns inte.": "The backup {0} does not exist.",
    "Säkerhetskopian är själva databasfilen; välj en kopia.":
        "The backup is the database file itself; choose a copy.",
    "Säkerhetskopian {} går inte att läsa eller klarar inte kontrollen (integrity_check); fel "
    "lösenfras eller skadad kopia. Inget ändrades.":
        "The backup {0} cannot be read or fails the check (integrity_check); wrong passphrase "
        "or a damaged copy. Nothing was changed.",
    "{} är ingen Granska-databas. Inget ändrades.":
        "{0} is not a Granska database. Nothing was changed.",
    "Säkerhetskopian {} är okrypterad, men en lösenfras angavs. Ska den okrypterade kopian "
    "återställas: använd --unencrypted.":
        "The backup {0} is unencrypted, but a passphrase was given. To restore the "
        "unencrypted copy: use --unencrypted.",
    # case lists
    "Kolumner:": "Columns:",
    "{} från {}: {} nya, {} ändrade, {} oförändrade ärenden.":
        "{0} from {1}: {2} new, {3} changed, {4} unchanged cases.",
    "ärende\tenhet\tgrupp\ttyp\tkön\tfödelseår\tålder\tavslutad":
        "case\tunit\tteam\ttype\tgender\tbirth year\tage\tclosed",
    "{} ärenden.": "{0} cases.",
    "Summeringsrader som inte är ärenden: rad {}.": "Summary rows that are not cases: row {0}.",
    "{} rad(er) med fel hoppades över:": "{0} row(s) with errors were skipped:",
    "Urvalsramen är tom. Läs in en lista med 'audit-app cases import'.":
        "The sampling frame is empty. Read in a list with 'audit-app cases import'.",
    # checklists
    "{}: ok – {} v{}, {} kontrollpunkter": "{0}: ok – {1} v{2}, {3} items",
    "{}\tv{}\t{} punkter\t{}": "{0}\tv{1}\t{2} items\t{3}",
    "Ogiltig checklista hoppades över: {}": "An invalid checklist was skipped: {0}",
    "Sparad i {}; nya omgångar använder den. Omgångar som redan finns behåller sin version.":
        "Saved in {0}; new rounds use it. Existing rounds keep their version.",
    "{}: oförändrad – samma innehåll som {}.": "{0}: unchanged – the same content as {1}.",
    "{}: ny checklista.": "{0}: a new checklist.",
    "{}: blir en ny version. Ändringar mot {}:": "{0}: becomes a new version. Changes from {1}:",
    "Provkörning: inget sparades.": "Dry run: nothing was saved.",
    "Inga lagrade versioner av '{}' ännu (en version lagras när en omgång skapas eller en "
    "checklista importeras).":
        "No stored versions of '{0}' yet (a version is stored when a round is created or a "
        "checklist is imported).",
    "#{}\tv{}\t{}{}\t{}{}\n\tomgångar: {}": "#{0}\tv{1}\t{2}{3}\t{4}{5}\n\trounds: {6}",
    "Inga skillnader.": "No differences.",
    # rounds, samples and reviews
    "Omgången '{}' skapades (id {}, {} v{}, {} {}).":
        "The round '{0}' was created (id {1}, {2} v{3}, {4} {5}).",
    "id\tnamn\tchecklista\tår\tperiod\tenhet\tgranskade/urval\tstatus":
        "id\tname\tchecklist\tyear\tperiod\tunit\treviewed/sample\tstatus",
    "Omgången '{}' är upplåst.": "The round '{0}' is unlocked.",
    # a round's row: its status word is translated, the rest are values
    "{}\t{}\t{} v{}\t{}\t{}\t{}\t{}/{}\t{}": "{0}\t{1}\t{2} v{3}\t{4}\t{5}\t{6}\t{7}/{8}\t{9}",
    "Låst": "Locked",
    "Urval saknas": "No sampling frame",
    "Urval ej draget": "Sample not drawn",
    "Klar": "Complete",
    "Pågår": "In progress",
    "SHA-256: {}": "SHA-256: {0}",
    "Inga omgångar ännu. Skapa en med 'audit-app round create'.":
        "No rounds yet. Create one with 'audit-app round create'.",
    "Stickprovsstorlek: {}": "Sample size: {0}",
    "Modell: {}; konfidensgrad {}, tolerabel avvikelse {}, förväntad avvikelse {}.":
        "Model: {0}; confidence level {1}, tolerable deviation {2}, expected deviation {3}.",
    "Metod enligt internkontrollplanen ({}): {}.":
        "Method as in the internal control plan ({0}): {1}.",
    "Ärendet {} uteslöts och ersattes av {}.": "The case {0} was excluded and replaced by {1}.",
    "Ange --size N eller --confidence och --tolerable.":
        "Give --size N or --confidence and --tolerable.",
    "Ange antingen --size eller --confidence/--tolerable, inte båda.":
        "Give either --size or --confidence/--tolerable, not both.",
    "{} konflikt(er) (registrerat → filen):": "{0} conflict(s) (recorded → the file):",
    "Arbetsboken {} skrevs med {} ärenden från '{}'.":
        "The workbook {0} was written with {1} cases from '{2}'.",
    "{} svar och kommentarer importerades till '{}' ({} var redan registrerade).":
        "{0} answers and comments were imported into '{1}' ({2} were already recorded).",
    "Provkörning: {} ändringar, {} konflikter, {} fel; {} svar redan registrerade. Ingenting "
    "sparades.":
        "Dry run: {0} changes, {1} conflicts, {2} errors; {3} answers already recorded. "
        "Nothing was saved.",
    "{} konflikter löstes: {} svar gäller.": "{0} conflicts were resolved: {1} answers apply.",
    "filens": "the file's",
    "våra": "our",
    "Markerade som klara (alla obligatoriska frågor besvarade): {}":
        "Marked as complete (every required question answered): {0}",
    # exchange files
    "'{}' exporterades till {}: {} ärenden, {} granskningar, {} svar, {} ändringsloggrader.":
        "'{0}' was exported to {1}: {2} cases, {3} reviews, {4} answers, {5} change log rows.",
    "{} krypteras med en egen lösenfras: ange den i miljövariabeln {}.":
        "{0} is encrypted with a passphrase of its own: give it in the environment variable "
        "{1}.",
    "Provkörning – ingenting sparades. {}": "Dry run – nothing was saved. {0}",
    # the year's plan, deviations, actions and the annual report
    "Planen för {} {} lästes in: {} kontrollmoment, {} ändringar loggade.":
        "The plan for {0} {1} was read: {2} controls, {3} changes logged.",
    "Planen skrevs till {}.": "The plan was written to {0}.",
    "Planen för {} {} kopierades till {} ({} kontrollmoment).":
        "The plan for {0} {1} was copied to {2} ({3} controls).",
    "Internkontrollplan {} {}": "Internal control plan {0} {1}",
    "kontrollmoment\tperiod\tstatus\tomgångar\tbedömning":
        "control\tperiod\tstatus\trounds\tassessment",
    "kontrollmoment\tperiod\tkontrollpunkt\tresultat\tmål\tavvikelse\tanalys\tåtgärder":
        "control\tperiod\titem\tresult\ttarget\tdeviation\tanalysis\tactions",
    "Analysen av {} {} {} sparades.": "The analysis of {0} {1} {2} was saved.",
    "Åtgärd {} lades till på {} {} {}.": "Action {0} was added to {1} {2} {3}.",
    "id\tenhet\tår\tkontrollmoment\tperiod\tkontrollpunkt\tåtgärd\tansvarig\tklart senast\t"
    "status\tnästa period":
        "id\tunit\tyear\tcontrol\tperiod\titem\taction\tresponsible\tdue\tstatus\tnext period",
    "Åtgärd {} har status {}.": "Action {0} has the status {1}.",
    "Inga avvikelser för {} {}.": "No deviations for {0} {1}.",
    "Inga åtgärder.": "No actions.",
    "Datumet '{}' ska skrivas ÅÅÅÅ-MM-DD.": "The date '{0}' must be written YYYY-MM-DD.",
    "Internkontroll {} – {}": "Internal control {0} – {1}",
    "  avvikelser: {}": "  deviations: {0}",
    "  {}\tVB {}": "  {0}\tFull year {1}",
    # added for the merged features (agreement, chosen cases, server, themes, targets)
    "\nSkillnader ({}): ärende | fråga | granskare 1 | granskare 2 | avstämt":
        "\nDifferences ({0}): case | question | reviewer 1 | reviewer 2 | reconciled",
    "  {} {}: {} {} → {} (skäl: {})":
        "  {0} {1}: {2} {3} → {4} (reason: {5})",
    "Avstämt: {} {} = {} (orsaken loggades).":
        "Reconciled: {0} {1} = {2} (the reason was logged).",
    "Databasen ligger på en PostgreSQL-server; återställ den där med pg_restore (se docs/server.md). Inget ändrades.":
        "The database is on a PostgreSQL server; restore it there with pg_restore (see docs/server.md). Nothing was changed.",
    "Dubbelgranskningen av {} är klar.":
        "The second review of {0} is complete.",
    "Fråga | fall | lika | andel lika | kappa (95 % KI) | viktad":
        "Question | cases | same | share same | kappa (95 % CI) | weighted",
    "Fråga | tema | texter | andel":
        "Question | theme | texts | share",
    "Hoppade över {} ärende(n) som inte ingår i stickprovet: {}":
        "Skipped {0} case(s) outside the sample: {1}",
    "Hoppades över: {}":
        "Skipped: {0}",
    "Inga dubbelgranskade ärenden med båda granskningarna klara i '{}'.":
        "No double-reviewed cases with both reviews complete in '{0}'.",
    "Inga teman i checklistan för '{}'.":
        "No themes in the checklist of '{0}'.",
    "Schemat och rollerna är klara på {}. Ge användare roller med: audit-app --db ADRESS server grant DBROLL --role reviewer --unit ENHET":
        "The schema and roles are ready on {0}. Give users roles with: audit-app --db ADDRESS server grant DBROLE --role reviewer --unit UNIT",
    "Skilde sig ({}, ärende {}, {}): servern '{}', datorn '{}'; {} behålls":
        "Differed ({0}, case {1}, {2}): server '{3}', laptop '{4}'; {5} is kept",
    "Skrev {} ({} frågor, ärende {}).":
        "Wrote {0} ({1} questions, case {2}).",
    "Sparat: {} {} = {}":
        "Saved: {0} {1} = {2}",
    "server-kommandona gäller en delad databas: ange --db postgresql+psycopg://VÄRD/DATABAS.":
        "the server commands are for a shared database: give --db postgresql+psycopg://HOST/DATABASE.",
    "sync körs mot datorns egen databasfil: ange --db FIL (eller ingen) och servern med --server.":
        "sync runs on the laptop's own database file: give --db FILE (or none) and the server with --server.",
    "{} texter märktes med teman från filen.":
        "{0} texts were tagged with themes from the file.",
    "{} | {} ({}) | {} av {} | {}":
        "{0} | {1} ({2}) | {3} of {4} | {5}",
    "{} ärenden till dubbelgranskning: {}":
        "{0} cases for double review: {1}",
    "{}. {}: granskning 1 {}{}, granskning 2 {}{}":
        "{0}. {1}: review 1 {2}{3}, review 2 {4}{5}",
    "Ändrade årsmål:":
        "Changed targets:",
    "Ärendet {} lades till som utvalt ärende{}. Det granskas som andra men räknas inte i stickprovets siffror.":
        "The case {0} was added as a chosen case{1}. It is reviewed like the others but not counted in the sample's figures.",
    "Årsmål ändras: ange skälet med --reason när du sparar.":
        "Targets change: give the reason with --reason when you save.",
    # server grant / revoke (what storage.server_roles says was done)
    "{} är nu {} för enheten {}.{}": "{0} is now {1} for the unit {2}.{3}",
    "{} är nu {} för alla enheter.{}": "{0} is now {1} for every unit.{2}",
    " (obs: rollen kan inte logga in: ALTER ROLE … LOGIN)":
        " (note: the role cannot log in: ALTER ROLE … LOGIN)",
    "{} ser inte längre enheten {}.{}": "{0} no longer sees the unit {1}.{2}",
    " Den ser nu inga enheter.": " It now sees no units.",
    "{} är inte längre {}.": "{0} is no longer {1}.",
    "{} har inte längre någon behörighet till enheter.": "{0} no longer has access to any unit.",
}

CLI = PatternTable(CLI_EN, ERRORS_EN)


class EnglishOutput:
    """Stands in for a command's output stream: each text printed is given in English when
    the table knows it; anything else (values, JSON, tables of data) passes unchanged."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        return self.stream.write(CLI.translate(text) if text.strip() else text)

    def flush(self) -> None:
        self.stream.flush()

    def __getattr__(self, name: str) -> object:  # isatty, encoding, fileno …
        return getattr(self.stream, name)
