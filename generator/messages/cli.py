"""Messages of the command line: `handbook check`'s summary, `handbook build`'s and `handbook serve`'s
lines, the preview's waiting page, and the help of the commands."""

from __future__ import annotations

from . import m

MESSAGES: dict[str, dict[str, str]] = {
    # --- cli.py ---------------------------------------------------------------------------------
    "cli.usage-error": m(fi="handbook: virhe: {message}", sv="handbook: fel: {message}", en="handbook: error: {message}"),
    "cli.one-folder": m(
        fi="anna kerralla tiedostoja vain yhdestä prosessikansiosta",
        sv="ange filer från en processmapp i taget",
        en="give files from one processes folder at a time",
    ),
    "cli.no-such-path": m(
        fi="{path}: tiedostoa tai kansiota ei ole", sv="{path}: filen eller mappen finns inte",
        en="{path}: no such file or folder",
    ),
    "cli.no-processes-folder": m(
        fi="{path}: tässä ei ole prosessikansiota (anna kansio: --processes KANSIO)",
        sv="{path}: ingen processmapp här (ange mappen: --processes MAPP)",
        en="{path}: no processes folder here (use --processes DIR)",
    ),
    "cli.interrupted": m(fi="handbook: keskeytetty", sv="handbook: avbrutet", en="handbook: interrupted"),
    "cli.unknown-language": m(
        fi="{where}: tuntematon kieli `{value}` (käytä jotakin näistä: {languages})",
        sv="{where}: okänt språk `{value}` (använd ett av {languages})",
        en="{where}: unknown language `{value}` (use one of {languages})",
    ),
    "cli.help.description": m(
        fi="Tarkistaa palveluprosessien YAML-tiedostot ja rakentaa prosessikäsikirjan.",
        sv="Kontrollerar serviceprocessernas YAML-filer och bygger processhandboken.",
        en="Check service-process YAML files and build the process handbook.",
    ),
    "cli.help.epilog": m(
        fi="Paluukoodit: 0 = kunnossa (tai vain varoituksia), 1 = virheitä löytyi, 2 = väärä käyttö.",
        sv="Slutkoder: 0 = i ordning (eller bara varningar), 1 = fel hittades, 2 = fel användning.",
        en="Exit codes: 0 = OK (or warnings only), 1 = errors found, 2 = wrong usage.",
    ),
    "cli.help.processes": m(
        fi="prosessitiedostojen ja yhteisten luetteloiden kansio (oletus: processes)",
        sv="mappen med processfilerna och de gemensamma registren (standard: processes)",
        en="folder of process YAML files and registries (default: processes)",
    ),
    "cli.help.lang": m(
        fi="viestien kieli: fi, sv tai en (oletus: HANDBOOK_LANG, mkdocs.yml:n extra: handbook_lang tai fi)",
        sv="meddelandenas språk: fi, sv eller en (standard: HANDBOOK_LANG, extra: handbook_lang i mkdocs.yml, "
        "eller fi)",
        en="language of the messages: fi, sv or en (default: HANDBOOK_LANG, mkdocs.yml's extra: handbook_lang, or fi)",
    ),
    "cli.help.check": m(
        fi="tarkista prosessitiedostot ja näytä virheet rivin tarkkuudella",
        sv="kontrollera processfilerna och visa felen med rad",
        en="check process files and report errors with file:line",
    ),
    "cli.help.check.description": m(
        fi="Lukee prosessitiedostot ja yhteiset luettelot ja ajaa jokaisen tarkistussäännön. Tulostaa "
        "'tiedosto:rivi:sarake: vakavuus [sääntö] mikä on vialla — mitä tehdä'.",
        sv="Läser processfilerna och registren och kör varje regel. Skriver "
        "'fil:rad:kolumn: allvarlighet [regel] vad som är fel — vad du ska göra'.",
        en="Load the process files and registries and run every rule. "
        "Prints 'file:line:column: severity [rule] message — what to do'.",
    ),
    "cli.help.paths": m(
        fi="prosessitiedostot tai prosessikansio (oletus: kaikki)", sv="processfiler eller en processmapp (standard: alla)",
        en="process files or a processes folder (default: all)",
    ),
    "cli.help.strict": m(fi="laske varoitukset virheiksi", sv="räkna varningar som fel", en="treat warnings as errors"),
    "cli.help.format": m(
        fi="tulostusmuoto (oletus: text)", sv="utdataformat (standard: text)", en="output format (default: text)"
    ),
    "cli.help.no-cache": m(
        fi="lue jokainen tiedosto uudelleen kansion build/cache tallenteiden sijaan (tulos on sama)",
        sv="läs varje fil på nytt i stället för att använda build/cache (resultatet blir detsamma)",
        en="parse every file again instead of reusing build/cache (the result is the same)",
    ),
    "cli.help.build": m(
        fi="tarkista ja rakenna sitten sivusto kansioon site/", sv="kontrollera och bygg sedan webbplatsen i site/",
        en="check, then build the site into site/",
    ),
    "cli.help.build.description": m(
        fi="Tarkistaa prosessit; jos virheitä ei ole, tuottaa sivut ja kaaviot ja rakentaa sivuston. "
        "Epäonnistunut rakentaminen jättää viimeisimmän toimivan sivuston ennalleen.",
        sv="Kontrollerar processerna; om det inte finns några fel skapas sidorna och diagrammen och webbplatsen "
        "byggs. Ett misslyckat bygge lämnar den senaste fungerande webbplatsen som den var.",
        en="Check the processes; if there are no errors, generate the pages and diagrams and build "
        "the site. A failed build leaves the last good site as it was.",
    ),
    "cli.help.build.strict": m(
        fi="älä rakenna, jos on varoituksia", sv="bygg inte om det finns varningar", en="refuse to build when there are warnings"
    ),
    "cli.help.build.organization": m(
        fi="rakenna yhden organisaation oma käsikirja: vain sen prosessit, yhteystiedot ja perehdytyspolut "
        "(tunniste tiedostosta organizations.yaml)",
        sv="bygg en organisations egen handbok: bara dess processer, kontakter och introduktionsvägar "
        "(id ur organizations.yaml)",
        en="build one organization's own handbook: only its processes, contacts and orientation paths "
        "(an id from organizations.yaml)",
    ),
    "cli.help.site-dir": m(
        fi="sivuston kansio (oletus: site)", sv="var webbplatsen hamnar (standard: site)",
        en="where the site goes (default: site)",
    ),
    "cli.help.edition": m(
        fi="kenelle painos on: internal (oletus) = kaikki, henkilöstön intranetiin; public = hyvinvointialueen "
        "julkisille verkkosivuille, ilman viranomaisnumeroita, henkilöstön vaiheita ja sisäisiä tekstejä",
        sv="vem upplagan är för: internal (standard) = allt, för personalens intranät; public = för "
        "välfärdsområdets offentliga webbplats, utan myndighetsnummer, personalens steg och interna texter",
        en="who the edition is for: internal (default) = everything, for the staff intranet; public = for the "
        "county's public website, without authority numbers, staff-only steps and internal texts",
    ),
    "cli.help.serve": m(
        fi="esikatselu, joka päivittyy jokaisen tallennuksen jälkeen",
        sv="förhandsvisning som byggs om vid varje sparning",
        en="live preview that rebuilds on every save",
    ),
    "cli.help.serve.description": m(
        fi="Näyttää käsikirjan omalla koneella ja rakentaa sen uudelleen aina, kun prosessitiedosto tai sivu "
        "tallennetaan.",
        sv="Visar handboken på den egna datorn och bygger om den varje gång en processfil eller sida sparas.",
        en="Serve the handbook on localhost and rebuild it whenever a process file or page is saved.",
    ),
    "cli.help.serve.edition": m(
        fi="esikatseltava painos: internal (oletus) = kaikki; public = julkisille verkkosivuille tuleva painos, "
        "vuototarkistus mukaan lukien",
        sv="upplagan som förhandsvisas: internal (standard) = allt; public = upplagan för den offentliga "
        "webbplatsen, med läckkontrollen",
        en="the edition previewed: internal (default) = everything; public = the edition for the public website, "
        "leak check included",
    ),
    "cli.help.schema": m(
        fi="kirjoita JSON-skeemat, joilla editori tarkistaa YAML-tiedostot kirjoitettaessa",
        sv="skriv JSON-scheman som redigerare använder för att kontrollera YAML medan du skriver",
        en="write the JSON Schemas editors use to check YAML as you type",
    ),
    "cli.help.schema.description": m(
        fi="Kirjoittaa tietomallista tuotetut tiedostot schema/*.schema.json.",
        sv="Skriver schema/*.schema.json som genereras från modellen.",
        en="Write schema/*.schema.json generated from the model.",
    ),
    "cli.help.out": m(
        fi="kohdekansio (oletus: schema)", sv="utdatamapp (standard: schema)", en="output folder (default: schema)"
    ),
    "cli.help.rules": m(
        fi="luettele tarkistussäännöt tunnisteineen ja kuvauksineen",
        sv="lista reglerna med id och beskrivning",
        en="list the rules with their ids and descriptions",
    ),
    "cli.help.markdown": m(
        fi="tulosta docs/rules.md (väärä ja oikea esimerkki kustakin säännöstä)",
        sv="skriv ut docs/rules.md (med fel och rätt exempel)",
        en="print docs/rules.md (with wrong and right examples)",
    ),
    "cli.help.messages-pages": m(
        fi="kirjoita esihenkilöiden sivut tarkistuksen viesteistä kansioon DIR (content/fi/esihenkiloille)",
        sv="skriv chefernas sidor om kontrollens meddelanden i mappen DIR (content/fi/esihenkiloille)",
        en="write the supervisors' pages of the check's messages into DIR (content/fi/esihenkiloille)",
    ),
    "cli.help.deadline": m(
        fi="laske määräajan viimeinen päivä (laki säädettyjen määräaikain laskemisesta 150/1930)",
        sv="räkna ut sista dagen för en tidsfrist (lagen om beräknande av laga tid 150/1930)",
        en="compute a time limit's last day (Act on the Calculation of Statutory Time Limits 150/1930)",
    ),
    "cli.help.deadline.description": m(
        fi="Tulostaa määräajan viimeisen päivän ISO-muodossa (VVVV-KK-PP) ja ohitetut päivät syineen. "
        "Alkupäivää ei lasketa; arkipäivä ei ole lauantai, sunnuntai, pyhäpäivä, itsenäisyyspäivä, vappu, "
        "jouluaatto eikä juhannusaatto; vuorokausina laskettu määräaika, joka päättyy muuna kuin arkipäivänä, "
        "siirtyy seuraavaan arkipäivään.",
        sv="Skriver ut fristens sista dag i ISO-form (ÅÅÅÅ-MM-DD) och de dagar som hoppades över med skälen. "
        "Startdagen räknas inte; en vardag är inte lördag, söndag, helgdag, självständighetsdagen, första maj, "
        "julafton eller midsommarafton; en frist i dygn som slutar på en annan dag än en vardag flyttas till "
        "följande vardag.",
        en="Prints the time limit's last day as an ISO date (YYYY-MM-DD) and the days it skipped, with why. "
        "The starting day is not counted; a working day is not a Saturday, a Sunday, a public holiday, "
        "Independence Day, May Day, Christmas Eve or Midsummer Eve; a limit in calendar days that ends on "
        "another day moves to the next working day.",
    ),
    "cli.help.duration": m(
        fi="kesto, esimerkiksi '3 arkipäivää', '13 vrk', 'seuraava arkipäivä', '3 kuukautta'",
        sv="tiden, till exempel '3 working days', '13 days', 'next working day', '3 months'",
        en="the duration, e.g. '3 working days', '13 days', 'next working day', '3 months'",
    ),
    "cli.help.from": m(
        fi="alkupäivä VVVV-KK-PP (sitä ei lasketa)", sv="startdagen ÅÅÅÅ-MM-DD (den räknas inte)",
        en="the starting day YYYY-MM-DD (it is not counted)",
    ),
    "cli.help.deadline.format": m(
        fi="tulosteen muoto: text (oletus) tai json (avaimet deadline ja skipped)",
        sv="utskriftens form: text (standard) eller json (nycklarna deadline och skipped)",
        en="output format: text (default) or json (keys deadline and skipped)",
    ),
    "cli.deadline.bad-duration": m(
        fi="`{value}` ei ole kesto: kirjoita esimerkiksi `3 arkipäivää`, `13 vrk`, `seuraava arkipäivä`, "
        "`sama päivä`, `2 viikkoa`, `3 kuukautta` tai `4 tuntia`",
        sv="`{value}` är ingen tid: skriv till exempel `3 working days`, `13 days`, `next working day`, "
        "`same day`, `2 weeks`, `3 months` eller `4 hours`",
        en="`{value}` is not a duration: write e.g. `3 working days`, `13 days`, `next working day`, "
        "`same day`, `2 weeks`, `3 months` or `4 hours`",
    ),
    "cli.deadline.bad-date": m(
        fi="`{value}` ei ole päivämäärä: kirjoita alkupäivä muodossa VVVV-KK-PP, esimerkiksi 2026-06-18",
        sv="`{value}` är inget datum: skriv startdagen som ÅÅÅÅ-MM-DD, till exempel 2026-06-18",
        en="`{value}` is not a date: write the starting day as YYYY-MM-DD, e.g. 2026-06-18",
    ),
    "cli.deadline.too-late": m(
        fi="määräaika päättyisi kalenterin jälkeen (vuoden 9999 jälkeen): tarkista alkupäivä",
        sv="fristen skulle sluta efter kalenderns slut (efter år 9999): kontrollera startdagen",
        en="the time limit would end past the calendar's end (after the year 9999): check the starting day",
    ),
    "cli.deadline.ambiguous": m(
        fi="huomio: `{value}` ei kerro, lasketaanko arkipäiviä vai kalenteripäiviä; se luetaan kalenteripäivinä "
        "(kirjoita `{days} arkipäivää` tai `{days} vrk`)",
        sv="obs: `{value}` säger inte om vardagar eller kalenderdagar räknas; den läses som kalenderdagar "
        "(skriv `{days} working days` eller `{days} days`)",
        en="note: `{value}` does not say whether it counts working days or calendar days; it is read as "
        "calendar days (write `{days} working days` or `{days} days`)",
    ),
    "cli.deadline.counted": m(
        fi="{duration} alkaen {start} (alkupäivää ei lasketa): viimeistään {deadline}",
        sv="{duration} från {start} (startdagen räknas inte): senast {deadline}",
        en="{duration} from {start} (the starting day not counted): at the latest {deadline}",
    ),
    "cli.deadline.moved": m(
        fi="määräajan viimeinen päivä {last} ei ole arkipäivä, joten määräaika siirtyy seuraavaan arkipäivään "
        "(150/1930, 5 §)",
        sv="fristens sista dag {last} är ingen vardag, så fristen flyttas till följande vardag (150/1930, 5 §)",
        en="the last day, {last}, is not a working day, so the limit moves to the next working day "
        "(150/1930, § 5)",
    ),
    "cli.deadline.skipped": m(
        fi="ohitetut päivät ({n}):", sv="dagar som hoppades över ({n}):", en="days skipped ({n}):",
    ),
    "cli.deadline.none-skipped": m(
        fi="ei ohitettuja päiviä", sv="inga dagar hoppades över", en="no days skipped",
    ),
    "cli.deadline.weekdays": m(
        fi="ma ti ke to pe la su", sv="mån tis ons tors fre lör sön", en="Mon Tue Wed Thu Fri Sat Sun",
    ),
    "cli.deadline.reason.saturday": m(fi="lauantai", sv="lördag", en="Saturday"),
    "cli.deadline.reason.sunday": m(fi="sunnuntai", sv="söndag", en="Sunday"),
    "cli.deadline.reason.holiday": m(fi="{name}", sv="{name}", en="{name}"),
    "cli.help.reviews": m(
        fi="luettele erääntyvät ja myöhässä olevat tarkistukset omistajille (taulukko, CSV, ICS tai JSON)",
        sv="lista granskningar som förfaller eller är försenade, för ägarna (tabell, CSV, ICS eller JSON)",
        en="list the reviews due and overdue, for their owners (table, CSV, ICS or JSON)",
    ),
    "cli.help.reviews.format": m(
        fi="muoto: table (päätteeseen), csv (joukkokirjeeseen), ics (kalenteriin) tai json",
        sv="format: table (terminalen), csv (massutskick), ics (kalendern) eller json",
        en="format: table (the terminal), csv (a mail merge), ics (calendars) or json",
    ),
    "cli.help.reviews.within": m(
        fi="tarkistukset, jotka erääntyvät DAYS päivän kuluessa (oletus: {days}), ja myöhässä olevat",
        sv="granskningar som förfaller inom DAYS dagar (standard: {days}) och de försenade",
        en="reviews due within DAYS days (default: {days}) and those overdue",
    ),
    "cli.reviews.negative": m(
        fi="--within ei voi olla negatiivinen ({days})",
        sv="--within kan inte vara negativt ({days})",
        en="--within cannot be negative ({days})",
    ),
    # --- check.py -------------------------------------------------------------------------------
    "check.ok": m(fi="OK", sv="OK", en="OK"),
    "check.failed": m(fi="KORJATTAVAA", sv="ATT RÄTTA", en="FAILED"),
    "check.summary": m(
        fi="{verdict}: {n} {n:prosessi|prosessia} tarkistettu, {errors} {errors:virhe|virhettä}, "
        "{warnings} {warnings:varoitus|varoitusta}",
        sv="{verdict}: {n} {n:process kontrollerad|processer kontrollerade}, {errors} fel, "
        "{warnings} {warnings:varning|varningar}",
        en="{verdict}: {n} {n:process|processes} checked, {errors} {errors:error|errors}, "
        "{warnings} {warnings:warning|warnings}",
    ),
    "check.strict": m(
        fi=" (varoitukset lasketaan virheiksi: --strict)", sv=" (varningar räknas som fel: --strict)",
        en=" (warnings count as errors: --strict)",
    ),
    "check.coverage": m(fi="; käännökset {coverage}", sv="; översättningar {coverage}", en="; translations {coverage}"),
    "check.process-coverage": m(
        fi="{file}: käännetty: sv {sv} %, en {en} % otsikoista, tiivistelmistä, vaiheiden nimistä ja vaihtoehdoista",
        sv="{file}: översatt: sv {sv} %, en {en} % av titlar, sammanfattningar, stegnamn och etiketter",
        en="{file}: translated: sv {sv} %, en {en} % of titles, summaries, step names and labels",
    ),
    # --- build.py -------------------------------------------------------------------------------
    "leak.contact": m(
        fi="viranomaisille tarkoitettu yhteystieto `{contact}`",
        sv="kontaktuppgiften `{contact}` för myndigheter",
        en="the contact point `{contact}` for authorities",
    ),
    "leak.internal": m(fi="sisäiseksi merkitty teksti", sv="en text markerad som intern", en="a text marked internal"),
    "leak.found": m(
        fi="{what} (”{value}”) tiedostossa {file}",
        sv="{what} (”{value}”) i filen {file}",
        en="{what} (“{value}”) in {file}",
    ),
    "leak.more": m(fi=" ja {n} muuta", sv=" och {n} till", en=" and {n} more"),
    "leak.refused": m(
        fi="julkista painosta ei julkaistu: koottu sivusto sisältää {n} kohtaa, jotka kuuluvat vain sisäiseen "
        "painokseen: {found}{more}. Merkitse teksti, jossa ne mainitaan, sisäiseksi (`internal: true`) tai vaihe "
        "henkilöstölle (`audience: staff`); käsin kirjoitettu sivu (`content/`) merkitään henkilöstölle "
        "kirjoittamalla sen alkuun rivit `---`, `audience: staff` ja `---`",
        sv="den offentliga upplagan publicerades inte: den färdiga webbplatsen innehåller {n} ställen som bara hör "
        "till den interna upplagan: {found}{more}. Markera texten som nämner dem som intern (`internal: true`) eller "
        "steget för personalen (`audience: staff`); en handskriven sida (`content/`) markeras för personalen med "
        "raderna `---`, `audience: staff` och `---` i början",
        en="the public edition was not published: the built site holds {n} things that belong to the internal "
        "edition only: {found}{more}. Mark the text that mentions them internal (`internal: true`), or the step for "
        "staff (`audience: staff`); a hand-written page (`content/`) is marked for staff by the lines `---`, "
        "`audience: staff` and `---` at its top",
    ),
    "build.line": m(fi="handbook build: {message}", sv="handbook build: {message}", en="handbook build: {message}"),
    "build.site-unchanged": m(
        fi="Viimeisin toimiva sivusto kansiossa {site} on ennallaan.",
        sv="Den senaste fungerande webbplatsen i {site} är oförändrad.",
        en="The last good site at {site} is unchanged.",
    ),
    "build.nothing-built": m(
        fi="handbook build: {message}; mitään ei rakennettu. Viimeisin toimiva sivusto kansiossa {site} on ennallaan.",
        sv="handbook build: {message}; inget byggdes. Den senaste fungerande webbplatsen i {site} är oförändrad.",
        en="handbook build: {message}; nothing was built. The last good site at {site} is unchanged.",
    ),
    "build.unknown-organization": m(
        fi="organisaatiota `{organization}` ei ole tiedostossa organizations.yaml (tunnisteet: {known})",
        sv="organisationen `{organization}` finns inte i organizations.yaml (id: {known})",
        en="the organization `{organization}` is not in organizations.yaml (ids: {known})",
    ),
    "build.refused": m(
        fi="handbook build: {n} {n:virhe|virhettä}{strict}; mitään ei rakennettu. Viimeisin toimiva sivusto "
        "kansiossa {site} on ennallaan.",
        sv="handbook build: {n} fel{strict}; inget byggdes. Den senaste fungerande webbplatsen i {site} är oförändrad.",
        en="handbook build: {n} {n:error|errors}{strict}; nothing was built. The last good site at {site} is unchanged.",
    ),
    "build.warnings": m(
        fi="handbook build: {n} {n:varoitus|varoitusta} (katso `handbook check`)",
        sv="handbook build: {n} {n:varning|varningar} (se `handbook check`)",
        en="handbook build: {n} {n:warning|warnings} (see `handbook check`)",
    ),
    "build.no-voikko": m(
        fi="handbook build: Voikkoa ei ole asennettu (make install asentaa sen): haku ei löydä suomen sanoja "
        "perusmuodoista eikä yhdyssanojen osista",
        sv="handbook build: Voikko är inte installerat (make install installerar det): sökningen hittar inte finska "
        "ord i grundform eller delar av sammansatta ord",
        en="handbook build: Voikko is not installed (make install installs it): the search does not find Finnish "
        "words by their base forms or by the parts of compounds",
    ),
    "build.no-diagram": m(
        fi="handbook build: kaaviota ei voitu piirtää: {failure}", sv="handbook build: inget diagram för {failure}",
        en="handbook build: no diagram for {failure}",
    ),
    "build.tool-fault": m(
        fi="sivustoa ei voitu koota käsikirjatyökalun vian vuoksi – vika ei ole prosessitiedostoissa ({error}); "
        "anna tiedosto {log} työkalun ylläpitäjälle",
        sv="webbplatsen kunde inte sättas ihop på grund av ett fel i handboksverktyget, inte i processfilerna "
        "({error}); ge {log} till den som underhåller verktyget",
        en="the site could not be put together because of a fault in the handbook tool, not in the process files "
        "({error}); give {log} to whoever maintains the tool",
    ),
    "build.nothing-changed": m(
        fi="Mikään ei muuttunut edellisen rakentamisen jälkeen: {site} on ennallaan ({pages} sivua {langs} kielellä, "
        "{seconds:.1f} s: {steps})",
        sv="Inget har ändrats sedan det senaste bygget: {site} är som den var ({pages} sidor på {langs} språk, "
        "på {seconds:.1f} s: {steps})",
        en="Nothing changed since the last build: {site} is as it was ({pages} pages in {langs} languages, "
        "in {seconds:.1f} s: {steps})",
    ),
    "build.search-only": m(
        fi="Sivut ennallaan edellisen rakentamisen jälkeen, hakuhakemisto päivitetty: {site} ({pages} sivua {langs} "
        "kielellä, {seconds:.1f} s: {steps})",
        sv="Sidorna är som efter det senaste bygget, sökindexet förnyat: {site} ({pages} sidor på {langs} språk, "
        "på {seconds:.1f} s: {steps})",
        en="The pages are as the last build left them, search index renewed: {site} ({pages} pages in {langs} "
        "languages, in {seconds:.1f} s: {steps})",
    ),
    "build.step": m(fi="{name} {seconds:.1f} s", sv="{name} {seconds:.1f} s", en="{name} {seconds:.1f} s"),
    "build.step.check": m(fi="tarkistus", sv="kontroll", en="check"),
    "build.step.diagrams": m(fi="kaaviot", sv="diagram", en="diagrams"),
    "build.step.pages": m(fi="sivut", sv="sidor", en="pages"),
    "build.step.first": m(fi="muokattu sivu ensin", sv="den ändrade sidan först", en="edited page first"),
    "build.step.mkdocs": m(fi="mkdocs", sv="mkdocs", en="mkdocs"),
    "build.step.publish": m(fi="julkaisu", sv="publicering", en="publish"),
    "build.step.leaks": m(fi="vuototarkistus", sv="läckkontroll", en="leak check"),
    "build.step.search": m(fi="haku", sv="sökning", en="search"),
    "build.diagrams": m(
        fi="{rendered} {rendered:kaavio|kaaviota} piirretty, {cached} välimuistista",
        sv="{rendered} diagram ritade, {cached} från cachen",
        en="{rendered} diagrams rendered, {cached} cached",
    ),
    "build.no-diagrams": m(fi="ei kaavioita", sv="inga diagram", en="no diagrams"),
    "build.built-all": m(
        fi="Rakennettu {pages} sivua {langs} kielellä", sv="Byggde {pages} sidor på {langs} språk",
        en="Built {pages} pages in {langs} languages",
    ),
    "build.built-some": m(
        fi="Rakennettu uudelleen {built}/{pages} sivua", sv="Byggde om {built} av {pages} sidor",
        en="Built {built} of {pages} pages again",
    ),
    "build.all-of": m(fi=" (kokonaan: {langs})", sv=" (helt: {langs})", en=" (all of {langs})"),
    "build.search-as-before": m(
        fi=", hakuhakemisto ennallaan", sv=", sökindexet som förut", en=", search index as before"
    ),
    "build.summary": m(
        fi="{built} ({written} Markdown-tiedostoa muuttui), {diagrams}{search}, {seconds:.1f} s ({steps}) → {site}",
        sv="{built} ({written} Markdown-filer ändrades), {diagrams}{search}, på {seconds:.1f} s ({steps}) → {site}",
        en="{built} ({written} Markdown files changed), {diagrams}{search}, in {seconds:.1f} s ({steps}) → {site}",
    ),
    # --- serve.py -------------------------------------------------------------------------------
    "serve.build-failed": m(
        fi="handbook serve: rakentaminen epäonnistui: {error}", sv="handbook serve: bygget misslyckades: {error}",
        en="handbook serve: build failed: {error}",
    ),
    "serve.build-failed-short": m(
        fi="rakentaminen epäonnistui: {error}", sv="bygget misslyckades: {error}", en="build failed: {error}"
    ),
    "serve.search-not-renewed": m(
        fi="handbook serve: hakuhakemistoa ei päivitetty: {error}", sv="handbook serve: sökindexet förnyades inte: {error}",
        en="handbook serve: search index not renewed: {error}",
    ),
    "serve.search-renewed": m(
        fi="handbook serve: hakuhakemisto päivitetty.", sv="handbook serve: sökindexet förnyat.",
        en="handbook serve: search index renewed.",
    ),
    "serve.building": m(
        fi="handbook serve: rakennetaan esikatselua…", sv="handbook serve: bygger förhandsvisningen…",
        en="handbook serve: building the preview…",
    ),
    "serve.building-public": m(
        fi="handbook serve: rakennetaan julkisen painoksen esikatselua…",
        sv="handbook serve: bygger förhandsvisningen av den offentliga upplagan…",
        en="handbook serve: building the preview of the public edition…",
    ),
    "serve.fix-first": m(
        fi="handbook serve: korjaa yllä olevat virheet ja tallenna; esikatselu alkaa, kun käsikirja on kerran "
        "rakennettu onnistuneesti.",
        sv="handbook serve: rätta felen ovan och spara; förhandsvisningen startar efter det första lyckade bygget.",
        en="handbook serve: fix the errors above and save; the preview starts after the first good build.",
    ),
    "serve.cannot-listen": m(
        fi="handbook serve: esikatselua ei voi avata osoitteeseen {host}:{port}: {error}",
        sv="handbook serve: kan inte lyssna på {host}:{port}: {error}",
        en="handbook serve: cannot listen on {host}:{port}: {error}",
    ),
    "serve.server-did-not-start": m(
        fi="esikatselun palvelin ei käynnistynyt minuutissa; katso yllä olevat viestit ja yritä uudelleen",
        sv="förhandsvisningens server startade inte inom en minut; se meddelandena ovan och försök igen",
        en="the preview's server did not start within a minute; see the messages above and try again",
    ),
    "serve.ready": m(
        fi="handbook serve: esikatselu osoitteessa {url} – päivittyy jokaisen tallennuksen jälkeen; Ctrl+C lopettaa.",
        sv="handbook serve: förhandsvisning på {url} – byggs om vid varje sparning; Ctrl+C avslutar.",
        en="handbook serve: preview at {url} — rebuilds on every save; Ctrl+C stops.",
    ),
    "serve.ready-public": m(
        fi="handbook serve: julkisen painoksen esikatselu osoitteessa {url} – ei viranomaisnumeroita, henkilöstön "
        "vaiheita eikä sisäisiä tekstejä; päivittyy jokaisen tallennuksen jälkeen; Ctrl+C lopettaa.",
        sv="handbook serve: förhandsvisning av den offentliga upplagan på {url} – utan myndighetsnummer, "
        "personalens steg och interna texter; byggs om vid varje sparning; Ctrl+C avslutar.",
        en="handbook serve: preview of the public edition at {url} — without authority numbers, staff-only steps "
        "and internal texts; rebuilds on every save; Ctrl+C stops.",
    ),
    "serve.stopped": m(fi="handbook serve: pysäytetty.", sv="handbook serve: stoppad.", en="handbook serve: stopped."),
    "serve.changed": m(
        fi="handbook serve: {names} muuttui, rakennetaan uudelleen…", sv="handbook serve: {names} ändrades, bygger om…",
        en="handbook serve: {names} changed, rebuilding…",
    ),
    "serve.waiting.title": m(
        fi="Esikatselu odottaa korjausta", sv="Förhandsvisningen väntar på en rättelse",
        en="The preview is waiting for a fix",
    ),
    "serve.waiting.text": m(
        fi="Käsikirjaa ei voitu vielä rakentaa. Korjaa alla olevat virheet ja tallenna: sivu latautuu itsestään.",
        sv="Handboken kunde inte byggas ännu. Rätta felen nedan och spara: sidan laddas om av sig själv.",
        en="The handbook could not be built yet. Fix the errors below and save: this page reloads by itself.",
    ),
}
