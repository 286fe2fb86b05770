"""Messages of measurement (`handbook measure`, measurement in the build): findings about an event log
or its mapping in `measurements/`, and the command's own lines. Never a value from the log: a finding
names the file, the row and the column, not what the cell holds."""

from __future__ import annotations

from . import m

MESSAGES: dict[str, dict[str, str]] = {
    # --- findings about a log or its mapping (rule id `measurement`) ------------------------------
    "measurement.no-log": m(
        fi="kuvaukselle `{name}.yaml` ei ole tapahtumalokia: kansiossa pitäisi olla `{name}.csv` tai `{name}.parquet`",
        sv="beskrivningen `{name}.yaml` har ingen händelselogg: mappen borde ha `{name}.csv` eller `{name}.parquet`",
        en="the mapping `{name}.yaml` has no event log: the folder should hold `{name}.csv` or `{name}.parquet`",
    ),
    "measurement.no-log.hint": m(
        fi="tallenna järjestelmästä viety loki samalla nimellä kuvauksen viereen",
        sv="spara loggen som exporterats ur systemet med samma namn bredvid beskrivningen",
        en="save the log exported from the system under the same name beside the mapping",
    ),
    "measurement.no-mapping": m(
        fi="tapahtumalokilla `{file}` ei ole kuvausta `{name}.yaml`, joten sitä ei mitata",
        sv="händelseloggen `{file}` har ingen beskrivning `{name}.yaml` och mäts därför inte",
        en="the event log `{file}` has no mapping `{name}.yaml`, so it is not measured",
    ),
    "measurement.no-mapping.hint": m(
        fi="kirjoita viereen `{name}.yaml`, jossa on `process:` ja `activities:` (lokin toiminnot prosessin vaiheiksi)",
        sv="skriv `{name}.yaml` bredvid med `process:` och `activities:` (loggens aktiviteter som processens steg)",
        en="write `{name}.yaml` beside it with `process:` and `activities:` (the log's activities as the process's steps)",
    ),
    "measurement.unknown-process": m(
        fi="prosessia `{process}` ei ole käsikirjassa",
        sv="processen `{process}` finns inte i handboken",
        en="there is no process `{process}` in the handbook",
    ),
    "measurement.unknown-process.hint": m(
        fi="kirjoita `process:`-kohtaan prosessin tunniste (sen tiedoston nimi kansiossa processes/)",
        sv="skriv processens id vid `process:` (namnet på dess fil i mappen processes/)",
        en="write the process's id after `process:` (the name of its file in processes/)",
    ),
    "measurement.unknown-step": m(
        fi="toiminto `{activity}` on kuvattu vaiheeksi `{step}`, mutta prosessissa `{process}` ei ole sellaista vaihetta",
        sv="aktiviteten `{activity}` beskrivs som steget `{step}`, men processen `{process}` har inget sådant steg",
        en="the activity `{activity}` is mapped to the step `{step}`, but the process `{process}` has no such step",
    ),
    "measurement.unknown-step.hint": m(
        fi="prosessin vaiheet: {steps}",
        sv="processens steg: {steps}",
        en="the process's steps: {steps}",
    ),
    "measurement.bad-name": m(
        fi="tiedoston nimessä `{name}` on merkki `{char}`, jota lokin nimessä ei voi käyttää",
        sv="filnamnet `{name}` har tecknet `{char}`, som inte kan användas i en loggs namn",
        en="the file name `{name}` has the character `{char}`, which a log's name cannot have",
    ),
    "measurement.bad-name.hint": m(
        fi="nimeä tiedosto uudelleen kirjaimin, numeroin, viivoin ja alaviivoin",
        sv="byt namn på filen med bokstäver, siffror, bindestreck och understreck",
        en="rename the file with letters, digits, hyphens and underscores",
    ),
    "measurement.unreadable": m(
        fi="tapahtumalokia ei voi lukea{where}: tiedosto ei ole {kind}-muodossa tai se on katkennut",
        sv="händelseloggen kan inte läsas{where}: filen är inte i {kind}-format eller är avbruten",
        en="the event log cannot be read{where}: the file is not {kind} or it is cut short",
    ),
    "measurement.unreadable.hint": m(
        fi="vie loki järjestelmästä uudelleen (CSV: otsikkorivi ja pilkku tai puolipiste erottimena)",
        sv="exportera loggen på nytt ur systemet (CSV: rubrikrad och komma eller semikolon som avgränsare)",
        en="export the log from the system again (CSV: a header row, comma or semicolon between the fields)",
    ),
    "measurement.where-line": m(fi=" rivillä {line}", sv=" på rad {line}", en=" at line {line}"),
    "measurement.missing-column": m(
        fi="tapahtumalokista puuttuu sarake `{column}` (sarakkeet: {columns})",
        sv="händelseloggen saknar kolumnen `{column}` (kolumner: {columns})",
        en="the event log has no column `{column}` (its columns: {columns})",
    ),
    "measurement.missing-column.hint": m(
        fi="lokissa tarvitaan sarakkeet `case` (tapauksen tunniste), `activity` (toiminto) ja `time` (aika)",
        sv="loggen behöver kolumnerna `case` (ärendets id), `activity` (aktivitet) och `time` (tid)",
        en="a log needs the columns `case` (the case's id), `activity` and `time`",
    ),
    "measurement.bad-time": m(
        fi="rivin {line} sarakkeen `time` (sarake {column}) arvo ei ole ISO 8601 -aika ({count} tällaista riviä)",
        sv="värdet i kolumnen `time` (kolumn {column}) på rad {line} är inte en ISO 8601-tid ({count} sådana rader)",
        en="the value in the column `time` (column {column}) at row {line} is not an ISO 8601 time ({count} such rows)",
    ),
    "measurement.bad-time.hint": m(
        fi="kirjoita aika muodossa 2026-03-02T09:15:00+02:00, tai ilman aikavyöhykettä Suomen aikaa 2026-03-02 09:15",
        sv="skriv tiden som 2026-03-02T09:15:00+02:00, eller utan tidszon i finsk tid 2026-03-02 09:15",
        en="write the time as 2026-03-02T09:15:00+02:00, or without an offset in Finnish time 2026-03-02 09:15",
    ),
    "measurement.empty-case": m(
        fi="rivillä {line} sarakkeet `case` tai `activity` ovat tyhjiä ({count} tällaista riviä)",
        sv="på rad {line} är kolumnerna `case` eller `activity` tomma ({count} sådana rader)",
        en="at row {line} the column `case` or `activity` is empty ({count} such rows)",
    ),
    "measurement.empty-case.hint": m(
        fi="jokaisella tapahtumalla on oltava tapauksen tunniste ja toiminto",
        sv="varje händelse måste ha ärendets id och en aktivitet",
        en="every event needs the case's id and an activity",
    ),
    "measurement.identity-code": m(
        fi="sarakkeessa `{column}` (sarake {position}) on henkilötunnuksia (ensimmäinen rivillä {line}): lokia ei lueta",
        sv="kolumnen `{column}` (kolumn {position}) innehåller personbeteckningar (den första på rad {line}): loggen läses inte",
        en="the column `{column}` (column {position}) holds personal identity codes (the first at row {line}): "
           "the log is not read",
    ),
    "measurement.identity-code.hint": m(
        fi="poista henkilötunnukset ja käytä pseudonyymiä tapauksen tunnistetta; tämä loki ei kuulu tähän kansioon",
        sv="ta bort personbeteckningarna och använd ett pseudonymt ärendeid; den här loggen hör inte hemma i mappen",
        en="remove the identity codes and use a pseudonymous case id; this log does not belong in this folder",
    ),
    "measurement.personal-column": m(
        fi="sarakkeen `{column}` (sarake {position}) nimestä päätellen siinä on {what}: lokia ei lueta",
        sv="av namnet att döma innehåller kolumnen `{column}` (kolumn {position}) {what}: loggen läses inte",
        en="by its name the column `{column}` (column {position}) holds {what}: the log is not read",
    ),
    "measurement.personal-column.hint": m(
        fi="vie loki ilman asiakkaan tunnistetietoja: vain `case`, `activity`, `time` ja halutessa "
           "`organization`, `unit`, `channel`",
        sv="exportera loggen utan klientens identifierande uppgifter: bara `case`, `activity`, `time` och vid behov "
           "`organization`, `unit`, `channel`",
        en="export the log without the client's identifying data: only `case`, `activity`, `time` and if wanted "
           "`organization`, `unit`, `channel`",
    ),
    "measurement.what-name": m(fi="nimiä", sv="namn", en="names"),
    "measurement.what-address": m(fi="osoitteita", sv="adresser", en="addresses"),
    "measurement.what-phone": m(fi="puhelinnumeroita", sv="telefonnummer", en="phone numbers"),
    "measurement.what-identity": m(fi="henkilötunnuksia", sv="personbeteckningar", en="identity codes"),
    "measurement.unmapped": m(
        fi="kuvauksesta puuttuu lokin {n:toiminto|toimintoja} ({n}), joten {events} {events:tapahtuma|tapahtumaa} "
           "jää laskematta: {names}",
        sv="beskrivningen saknar {n:en aktivitet|aktiviteter} i loggen ({n}), så {events} {events:händelse|händelser} "
           "räknas inte: {names}",
        en="the mapping lacks {n:an activity|activities} of the log ({n}), so {events} {events:event is|events are} "
           "not counted: {names}",
    ),
    "measurement.unmapped.hint": m(
        fi="lisää ne `activities:`-kohtaan vaiheiksi, jos ne kuuluvat prosessiin",
        sv="lägg till dem under `activities:` som steg om de hör till processen",
        en="add them under `activities:` as steps if they belong to the process",
    ),
    "measurement.engine": m(
        fi="mittausta ei voitu tehdä: {reason}",
        sv="mätningen kunde inte göras: {reason}",
        en="the measurement could not be made: {reason}",
    ),
    "measurement.engine.hint": m(
        fi="tarkista, että loki on ehjä; jos virhe toistuu, kerro siitä käsikirjan ylläpitäjille",
        sv="kontrollera att loggen är hel; om felet upprepas, berätta för handbokens förvaltare",
        en="check that the log is whole; if it happens again, tell the handbook's maintainers",
    ),
    "build.step.measure": m(fi="mittaus", sv="mätning", en="measurement"),
    # --- the command ---------------------------------------------------------------------------
    "cli.help.measure": m(
        fi="lupausten toteutuminen kansion measurements/ tapahtumalokeista",
        sv="hur löftena hålls, ur händelseloggarna i mappen measurements/",
        en="how the promises are kept, from the event logs in measurements/",
    ),
    "cli.help.measure.description": m(
        fi="Laskee jokaiselle lupaukselle kuukausittain, moniko tapaus eteni määräajassa (arkipäivät lain mukaan). "
           "Alle viiden tapauksen lukuja ei näytetä.",
        sv="Räknar för varje löfte per månad hur många ärenden som gick vidare inom tidsfristen (vardagar enligt lagen). "
           "Tal från färre än fem ärenden visas inte.",
        en="Counts for each promise, month by month, how many cases went on in time (working days as the law counts "
           "them). No figure from fewer than five cases is shown.",
    ),
    "cli.help.measure.format": m(
        fi="tulosteen muoto: table (oletus), json tai csv",
        sv="utskriftens form: table (standard), json eller csv",
        en="output format: table (default), json or csv",
    ),
    "cli.help.measure.month": m(
        fi="vain tämä kuukausi (YYYY-MM)", sv="bara den här månaden (ÅÅÅÅ-MM)", en="this month only (YYYY-MM)",
    ),
    "cli.measure.bad-month": m(
        fi="`{value}` ei ole kuukausi: kirjoita esimerkiksi 2026-03",
        sv="`{value}` är ingen månad: skriv till exempel 2026-03",
        en="`{value}` is not a month: write e.g. 2026-03",
    ),
    "cli.measure.nothing": m(
        fi="kansiossa {folder} ei ole mitattavia tapahtumalokeja",
        sv="mappen {folder} har inga händelseloggar att mäta",
        en="there are no event logs to measure in {folder}",
    ),
    "cli.measure.head": m(
        fi="Prosessi\tLupaus\tKuukausi\tTapauksia\tAjassa\t%\tTavoite\tMediaani\tp90\tAuki, ajassa\tAuki, myöhässä",
        sv="Process\tLöfte\tMånad\tÄrenden\tI tid\t%\tMål\tMedian\tp90\tÖppna, i tid\tÖppna, försenade",
        en="Process\tPromise\tMonth\tCases\tIn time\t%\tTarget\tMedian\tp90\tOpen, in time\tOpen, overdue",
    ),
    "cli.measure.conformance": m(
        fi="{process}: {pct} % tapauksista ({cases}) eteni kaavion sallimaa polkua",
        sv="{process}: {pct} % av ärendena ({cases}) följde en väg som schemat tillåter",
        en="{process}: {pct} % of the cases ({cases}) followed a path the diagram allows",
    ),
    "cli.measure.deviation": m(
        fi="  poikkeama: {what} ({count} tapausta)",
        sv="  avvikelse: {what} ({count} ärenden)",
        en="  deviation: {what} ({count} cases)",
    ),
    "measure.before": m(fi="{a} ennen vaihetta {b}", sv="{a} före steget {b}", en="{a} before {b}"),
    "measure.jump": m(fi="{a} → {b}", sv="{a} → {b}", en="{a} → {b}"),
    "measure.start": m(fi="alkaa vaiheesta {a}", sv="börjar med steget {a}", en="starts with {a}"),
    "measure.met-yes": m(fi="saavutettiin", sv="uppnåddes", en="met"),
    "measure.met-no": m(fi="ei saavutettu", sv="uppnåddes inte", en="not met"),
}
