"""The handbook's own words (headings, labels) in Finnish, Swedish and English."""

from __future__ import annotations

import datetime as dt

LABELS: dict[str, dict[str, str]] = {
    "fi": {
        "site_name": "Prosessikäsikirja",
        "site_description": "Sosiaali- ja terveydenhuollon palveluprosessit: kuka tekee mitä, milloin ja kenelle soitetaan.",
        "language_name": "Suomi",
        "home": "Etusivu",
        "areas": "Palvelualueet",
        "roles": "Roolit",
        "directory": "Kenelle soitan?",
        "orientation": "Perehdytys",
        "changes": "Mikä muuttui",
        "review": "Tarkistusraportti",
        "glossary": "Sanasto",
        "legend": "Kaavion merkinnät",
        "for_supervisors": "Esihenkilöille",
        "about": "Tietoa käsikirjasta",
        # process page
        "at_a_glance": "Yhdellä silmäyksellä",
        "owner": "Omistaja",
        "version": "Versio",
        "valid_from": "Voimassa alkaen",
        "reviewed": "Tarkistettu",
        "next_review": "Seuraava tarkistus",
        "promises": "Palvelulupaukset",
        "diagram": "Prosessikaavio",
        "diagram_hint": "Napsauta kaavion vaihetta, niin pääset sen kuvaukseen.",
        "download_bpmn": "Lataa BPMN-malli",
        "bpmn_hint": "BPMN 2.0 -tiedoston voi avata prosessien mallinnustyökalussa, esimerkiksi Camunda Modelerissa.",
        "diagram_missing": "Kaavio ei ole vielä käytettävissä; vaiheet on kuvattu alla.",
        "diagram_too_long": "Prosessissa on {n} vaihetta, liian monta yhteen kaavioon; vaiheet on kuvattu alla.",
        "steps": "Vaiheet",
        "who": "Kuka",
        "what_to_do": "Mitä teen",
        "record": "Kirjaa",
        "contacts_to_use": "Yhteystiedot",
        "next": "Seuraavaksi",
        "branches": "Vaihtoehdot",
        "parallel_paths": "Rinnakkain etenevät polut",
        "joins_at": "Polut yhdistyvät vaiheessa",
        "within": "Enintään",
        "handoff_process": "Jatkuu prosessissa",
        "handoff_org": "Siirtyy organisaatiolle",
        "call_process": "Suoritetaan aliprosessi",
        "call_returns": "Sen jälkeen jatketaan tästä prosessista.",
        "process_ends": "Prosessi päättyy.",
        "promises_targets": "Palvelulupaukset ja tavoitteet",
        "promise_from_to": "vaiheesta {a} vaiheeseen {b}",
        "weekdays": "ma ti ke to pe la su",
        "example": "Esimerkki",
        "example_deadline": "{start} → viimeistään {deadline}",
        "example_skipped": "ohitetaan {days}",
        "saturday": "lauantai",
        "sunday": "sunnuntai",
        "law_cites": "Lakisääteinen määräaika",
        "law_unverified": "tarkistamatta",
        "law_unverified_title": (
            "Tätä määräaikaa ei ole tarkistettu lain tekstistä: tarkista se Finlexistä ennen kuin luotat siihen."
        ),
        "law_added_by_handbook": "viittauksen lisäsi käsikirja, ei lähteenä oleva toimintamalli",
        "calculator": "Laske määräaika",
        "calculator_intro": (
            "Valitse lupaus ja alkupäivä. Alkupäivää ei lasketa; lauantait, sunnuntait, pyhäpäivät, "
            "itsenäisyyspäivä, vappu, jouluaatto ja juhannusaatto eivät ole arkipäiviä (laki säädettyjen "
            "määräaikain laskemisesta 150/1930). Laskin toimii tällä sivulla eikä lähetä mitään minnekään."
        ),
        "calculator_start": "Alkupäivä",
        "calculator_promise": "Lupaus",
        "calculator_result": "Viimeistään",
        "calculator_years": "Pyhäpäivät ovat mukana vuosilta {first}–{last}; muilta vuosilta vain viikonloput.",
        "laws": "Lakisääteiset määräajat",
        "laws_intro": (
            "Lakisääteiset määräajat, joihin käsikirjan lupaukset ja tavoitteet viittaavat, voimassaoloineen. "
            "Määräaika, jota ei ole tarkistettu lain tekstistä, on merkitty tarkistamattomaksi."
        ),
        "law_act": "Laki ja pykälä",
        "law_limits": "Mitä rajoittaa",
        "law_within": "Määräaika",
        "law_valid": "Voimassa",
        "law_citing": "Viittaavat prosessit",
        "law_checked": "Tarkistettu",
        "law_none_citing": "ei yhtään",
        "law_open": "…",
        "law_changes": "Muuttuneet lakisääteiset määräajat",
        "law_changes_intro": (
            "Prosessit, jotka viittaavat määräaikaan, joka on päättynyt tai saanut uuden version niiden edellisen"
            " tarkistuksen jälkeen."
        ),
        "law_changed": "{law} muuttui {date}",
        "targets": "Tavoitteet",
        "metric": "Mittari",
        "level": "Tavoitetaso",
        "contact_points": "Yhteystiedot",
        "related": "Liittyvät prosessit",
        "terms": "Käsitteet",
        "source": "Lähde",
        "source_text": "Kuvaus perustuu toimintamallikuvaukseen",
        "changelog": "Muutoshistoria",
        "date": "Päivä",
        "change": "Muutos",
        "keywords": "Hakusanat",
        "step": "vaihe",
        "steps_word": "vaiheet",
        "no_role": "(ei roolia)",
        # step types
        "type_start": "Alku",
        "type_end": "Loppu",
        "type_task": "Tehtävä",
        "type_decision": "Päätös",
        "type_parallel": "Rinnakkaiset vaiheet",
        "type_join": "Polut yhdistyvät",
        "type_wait": "Odotus",
        "type_handoff": "Siirto",
        "type_call": "Aliprosessi",
        # review banner
        "overdue_title": "Tarkistus on myöhässä",
        "dev_status": "Kehitysvaihe",
        "status_development": "kehitteillä",
        "status_pilot": "pilotissa",
        "status_established": "vakiintunut",
        "status_development_title": "Toimintamalli on vielä kehitteillä",
        "status_development_text": (
            "Tämä kuvaus kertoo rakenteilla olevan toimintamallin tavoitetilan. Sen ohjeet, mittarit ja "
            "määräajat ovat vasta suunniteltuja tavoitteita, eivät palvelulupauksia. Tarkista nykyinen "
            "käytäntö esihenkilöltäsi."
        ),
        "status_pilot_title": "Toimintamallia kokeillaan",
        "status_pilot_text": (
            "Tätä toimintamallia kokeillaan vasta pilottina. Käytännöt voivat vielä muuttua kokeilun "
            "arvioinnin jälkeen; tarkista nykyinen käytäntö esihenkilöltäsi."
        ),
        "overdue_text": "Tämän prosessin tarkistus oli määrä tehdä {due}. Kuvaus voi olla vanhentunut.",
        "overdue_contact": "Varmista käytäntö omistajalta",
        # contacts
        "phone": "Puhelin",
        "address": "Osoite",
        "hours": "Palveluajat",
        "languages": "Palvelukielet",
        "purpose": "Mihin",
        "situation": "Milloin",
        "organization": "Organisaatio",
        "used_in": "Käytetään prosesseissa",
        "authorities_only": "Vain ammattilaisille – älä anna asiakkaalle",
        "for_public": "Asiakkaille ja kaikille",
        "audience_authorities": "Ammattilaisten numerot (viranomaisnumerot)",
        "audience_public": "Asiakkaille annettavat yhteystiedot",
        "example_title": "Esimerkkitieto",
        "example_text": "Tämä yhteystieto on keksitty esimerkki. Älä soita siihen; tarkista oikea numero omasta yksiköstäsi.",
        "example_text_other": "Tämä yhteystieto on keksitty esimerkki; tarkista oikea yhteystieto omasta yksiköstäsi.",
        "example_text_many": "nämä yhteystiedot ovat keksittyjä esimerkkejä; tarkista oikeat yhteystiedot omasta yksiköstäsi.",
        "example_badge": "esimerkki",
        "other_situations": "Muut tilanteet",
        "directory_intro": (
            "Kaikki käsikirjan yhteystiedot tilanteen mukaan. Ammattilaisten numerot (viranomaisnumerot) ovat vain "
            "ammattilaisten välisiin konsultaatioihin: älä anna niitä asiakkaalle."
        ),
        "authority_warning": (
            "Ammattilaisten numerot (viranomaisnumerot) ovat vain ammattilaisten välisiin konsultaatioihin: "
            "älä anna niitä asiakkaalle."
        ),
        "kind_phone": "puhelin",
        "kind_email": "sähköposti",
        "kind_chat": "chat",
        "kind_eform": "sähköinen lomake",
        "kind_web": "verkkosivu",
        "kind_visit": "käyntiosoite",
        "lang_fi": "suomi",
        "lang_sv": "ruotsi",
        "lang_en": "englanti",
        "days_mon": "ma",
        "days_tue": "ti",
        "days_wed": "ke",
        "days_thu": "to",
        "days_fri": "pe",
        "days_sat": "la",
        "days_sun": "su",
        # fallback
        "fallback": "suomeksi",
        "fallback_title": "Tätä tekstiä ei ole vielä käännetty, joten se näytetään suomeksi.",
        # area / role pages
        "processes": "Prosessit",
        "area_intro": "Palvelualueen prosessit.",
        "roles_intro": "Valitse roolisi: näet jokaisen vaiheen, jonka rooli tekee, ja missä prosessissa.",
        "role_intro": "Kaikki tämän roolin vaiheet prosesseittain: mitä teen ja missä.",
        "role_no_steps": "Tällä roolilla ei ole vaiheita prosesseissa.",
        "role_orientation": "Perehdytyspolku tälle roolille",
        "process_count": "{n} prosessia",
        "area": "Palvelualue",
        "role": "Rooli",
        # orientation
        "orientation_intro": (
            "Uutena työntekijänä luet roolisi prosessit tässä järjestyksessä. Rastita luettu prosessi; "
            "merkinnät tallentuvat vain tähän selaimeen."
        ),
        "orientation_role_intro": "Lue nämä prosessit järjestyksessä. Jokaisesta on mainittu vaiheet, jotka teet itse.",
        "orientation_done": "Luettu",
        "orientation_for": "Perehdytys: {role}",
        "your_steps": "Sinun vaiheesi",
        "no_orientation": "Perehdytyspolkuja ei ole vielä kuvattu.",
        # changes
        "changes_intro": "Prosessien muutokset uusimmasta vanhimpaan.",
        "no_changes": "Muutoksia ei ole kirjattu.",
        "recent_changes": "Viimeisimmät muutokset",
        "all_changes": "Kaikki muutokset",
        # review report
        "review_intro": (
            "Esihenkilöille: prosessit, joiden tarkistus on myöhässä tai erääntyy {days} päivän sisällä, "
            "ja niiden omistajat."
        ),
        "review_overdue": "Myöhässä",
        "review_soon": "Erääntyy pian",
        "review_all": "Kaikkien prosessien tarkistusaikataulu",
        "review_none": "Yhdenkään prosessin tarkistus ei ole myöhässä eikä erääntymässä.",
        "status": "Tila",
        "process": "Prosessi",
        "days_late": "{n} pv myöhässä",
        "days_left": "{n} pv jäljellä",
        "ok": "Ajan tasalla",
        "as_of": "Tilanne {date}.",
        # glossary
        "glossary_intro": (
            "Käsikirjan käsitteet ja lyhenteet. Lyhenteen selitys näkyy kaikkialla, kun viet osoittimen sen päälle."
        ),
        "abbreviation": "Lyhenne",
        "used_in_processes": "Esiintyy prosesseissa",
        # front page
        "front_intro": (
            "Tämä käsikirja kuvaa sosiaali- ja terveydenhuollon palveluprosessit: kuka tekee mitä, missä "
            "järjestyksessä, mitä kirjataan ja kenelle soitetaan. Kuvaukset ovat esihenkilöiden ylläpitämiä, "
            "ja jokaisella prosessilla on omistaja ja tarkistuspäivä."
        ),
        "how_to_search": "Näin haet",
        "search_help": (
            "Kirjoita hakusana sivun yläreunan hakukenttään. Haku ymmärtää taivutetut sanat: esimerkiksi "
            "*viranomaisnumeroon* löytää viranomaisnumeron. Rajaa tuloksia palvelualueen, roolin tai sivun tyypin "
            "mukaan tulosten vieressä olevilla suodattimilla."
        ),
        "start_here": "Aloita tästä",
        "start_new": "Uusi työntekijä: valitse roolisi perehdytyspolku.",
        "start_call": "Etsitkö numeroa konsultaatioon? Katso yhteystiedot tilanteen mukaan.",
        "start_role": "Mitä minun roolini tekee ja missä?",
        "start_review": "Esihenkilö: tarkistusta odottavat prosessit.",
        # search filters (kind of page)
        "kind_process": "Prosessi",
        "kind_contact": "Yhteystieto",
        "kind_glossary": "Sanasto",
        "kind_laws": "Lakisääteiset määräajat",
        "kind_role": "Rooli",
        "kind_area": "Palvelualue",
        "kind_orientation": "Perehdytys",
        "kind_page": "Muu sivu",
        "kind_practice": "Toimintamalli",
        "filter_kind": "Sivun tyyppi",
        "filter_area": "Palvelualue",
        "filter_role": "Rooli",
        "filter_organization": "Organisaatio",
        "search_placeholder": "Hae käsikirjasta",
        "search_open": "Avaa haku",
        # long listings split into pages
        "page_of": "Sivu {n}/{total}",
        "page_previous": "Edellinen",
        "page_next": "Seuraava",
        "back_to": "← Takaisin: {page}",
        "more_steps": "ja {n} muuta vaihetta",
        "more_processes": "ja {n} muuta prosessia",
        "contact_count": "{n} yhteystietoa",
        "other_contacts": "Yhteystiedot, joita prosessit eivät mainitse",
        "directory_by_area": (
            "Yhteystietoja on paljon, joten ne on jaettu palvelualueittain: valitse palvelualue, jolla työskentelet, "
            "tai käytä hakua."
        ),
        "directory_area_intro": "Yhteystiedot, joita tämän palvelualueen prosessit käyttävät, tilanteittain.",
        "role_by_area": "Roolilla on vaiheita monessa prosessissa, joten ne on jaettu palvelualueittain.",
        "role_area_intro": "Tämän roolin vaiheet tämän palvelualueen prosesseissa: mitä teen ja missä.",
        "other_contacts_intro": "Yhteystiedot, joita mikään prosessi ei mainitse.",
        "review_by_area": "Tarkistusaikataulu palvelualueittain",
        "review_more": "Lisäksi {n} muuta tarkistettavaa prosessia: ne ovat palvelualueiden sivuilla (alla).",
        "review_area_intro": "Palvelualueen prosessit tarkistuspäivän mukaan, aikaisin ensin.",
        "front_areas_only": "Valitse palvelualue: sen sivulla ovat alueen kaikki prosessit.",
        "untranslated_page": "Tätä sivua ei ole vielä käännetty, joten se näytetään suomeksi.",
    },
    "sv": {
        "site_name": "Processhandbok",
        "site_description": "Social- och hälsovårdens serviceprocesser: vem gör vad, när och vart man ringer.",
        "language_name": "Svenska",
        "home": "Startsida",
        "areas": "Serviceområden",
        "roles": "Roller",
        "directory": "Vart ringer jag?",
        "orientation": "Introduktion",
        "changes": "Vad har ändrats",
        "review": "Granskningsrapport",
        "glossary": "Ordlista",
        "legend": "Diagrammets symboler",
        "for_supervisors": "För chefer",
        "about": "Om handboken",
        "at_a_glance": "I korthet",
        "owner": "Ägare",
        "version": "Version",
        "valid_from": "Gäller från",
        "reviewed": "Granskad",
        "next_review": "Nästa granskning",
        "promises": "Servicelöften",
        "diagram": "Processdiagram",
        "diagram_hint": "Klicka på ett steg i diagrammet för att komma till dess beskrivning.",
        "download_bpmn": "Ladda ner BPMN-modellen",
        "bpmn_hint": "BPMN 2.0-filen kan öppnas i ett verktyg för processmodellering, till exempel Camunda Modeler.",
        "diagram_missing": "Diagrammet är inte tillgängligt ännu; stegen beskrivs nedan.",
        "diagram_too_long": "Processen har {n} steg, för många för ett diagram; stegen beskrivs nedan.",
        "steps": "Steg",
        "who": "Vem",
        "what_to_do": "Vad jag gör",
        "record": "Dokumentera",
        "contacts_to_use": "Kontaktuppgifter",
        "next": "Därefter",
        "branches": "Alternativ",
        "parallel_paths": "Parallella vägar",
        "joins_at": "Vägarna förenas i steget",
        "within": "Högst",
        "handoff_process": "Fortsätter i processen",
        "handoff_org": "Överförs till",
        "call_process": "Delprocessen utförs",
        "call_returns": "Därefter fortsätter denna process.",
        "process_ends": "Processen slutar.",
        "promises_targets": "Servicelöften och mål",
        "promise_from_to": "från steget {a} till steget {b}",
        "weekdays": "mån tis ons tors fre lör sön",
        "example": "Exempel",
        "example_deadline": "{start} → senast {deadline}",
        "example_skipped": "hoppar över {days}",
        "saturday": "lördag",
        "sunday": "söndag",
        "law_cites": "Lagstadgad tidsfrist",
        "law_unverified": "ej kontrollerad",
        "law_unverified_title": (
            "Denna frist har inte kontrollerats mot lagtexten: kontrollera den på Finlex innan du litar på den."
        ),
        "law_added_by_handbook": "hänvisningen lades till av handboken, inte av verksamhetsmodellen som är källan",
        "calculator": "Räkna ut fristen",
        "calculator_intro": (
            "Välj ett löfte och en startdag. Startdagen räknas inte; lördagar, söndagar, helgdagar, "
            "självständighetsdagen, första maj, julafton och midsommarafton är inte vardagar (lagen om beräknande"
            " av laga tid 150/1930). Räknaren körs på denna sida och skickar ingenting någonstans."
        ),
        "calculator_start": "Startdag",
        "calculator_promise": "Löfte",
        "calculator_result": "Senast",
        "calculator_years": "Helgdagarna är med för åren {first}–{last}; för andra år bara veckosluten.",
        "laws": "Lagstadgade tidsfrister",
        "laws_intro": (
            "De lagstadgade tidsfrister som handbokens löften och mål hänvisar till, med giltighet. En frist som "
            "inte har kontrollerats mot lagtexten är märkt som ej kontrollerad."
        ),
        "law_act": "Lag och paragraf",
        "law_limits": "Vad den begränsar",
        "law_within": "Frist",
        "law_valid": "Gäller",
        "law_citing": "Processer som hänvisar",
        "law_checked": "Kontrollerad",
        "law_none_citing": "inga",
        "law_open": "…",
        "law_changes": "Ändrade lagstadgade tidsfrister",
        "law_changes_intro": (
            "Processer som hänvisar till en frist som har upphört eller fått en ny version efter deras senaste "
            "granskning."
        ),
        "law_changed": "{law} ändrades {date}",
        "targets": "Mål",
        "metric": "Mätare",
        "level": "Målnivå",
        "contact_points": "Kontaktuppgifter",
        "related": "Relaterade processer",
        "terms": "Begrepp",
        "source": "Källa",
        "source_text": "Beskrivningen bygger på verksamhetsmodellen",
        "changelog": "Ändringshistorik",
        "date": "Datum",
        "change": "Ändring",
        "keywords": "Sökord",
        "step": "steg",
        "steps_word": "steg",
        "no_role": "(ingen roll)",
        "type_start": "Start",
        "type_end": "Slut",
        "type_task": "Uppgift",
        "type_decision": "Beslut",
        "type_parallel": "Parallella steg",
        "type_join": "Vägarna förenas",
        "type_wait": "Väntan",
        "type_handoff": "Överföring",
        "type_call": "Delprocess",
        "overdue_title": "Granskningen är försenad",
        "dev_status": "Utvecklingsskede",
        "status_development": "under utveckling",
        "status_pilot": "i pilotförsök",
        "status_established": "etablerad",
        "status_development_title": "Verksamhetsmodellen är ännu under utveckling",
        "status_development_text": (
            "Den här beskrivningen visar det eftersträvade läget för en verksamhetsmodell som håller på att "
            "byggas upp. Dess anvisningar, mätare och tidsfrister är ännu planerade mål, inte servicelöften. "
            "Kontrollera nuvarande praxis med din förman."
        ),
        "status_pilot_title": "Verksamhetsmodellen prövas",
        "status_pilot_text": (
            "Den här verksamhetsmodellen prövas ännu som pilotförsök. Praxis kan ändras efter att försöket "
            "utvärderats; kontrollera nuvarande praxis med din förman."
        ),
        "overdue_text": "Processen skulle ha granskats {due}. Beskrivningen kan vara föråldrad.",
        "overdue_contact": "Kontrollera praxis med ägaren",
        "phone": "Telefon",
        "address": "Adress",
        "hours": "Öppettider",
        "languages": "Servicespråk",
        "purpose": "För vad",
        "situation": "När",
        "organization": "Organisation",
        "used_in": "Används i processerna",
        "authorities_only": "Endast för yrkesutbildade – ge inte till klienten",
        "for_public": "För klienter och alla",
        "audience_authorities": "Nummer för yrkesutbildade (myndighetsnummer)",
        "audience_public": "Kontaktuppgifter som kan ges till klienter",
        "example_title": "Exempeldata",
        "example_text": "Denna kontaktuppgift är ett påhittat exempel. Ring den inte; kontrollera det rätta numret i din enhet.",
        "example_text_other": "Denna kontaktuppgift är ett påhittat exempel; kontrollera den rätta kontaktuppgiften i din enhet.",
        "example_text_many": "dessa kontaktuppgifter är påhittade exempel; kontrollera de rätta kontaktuppgifterna i din enhet.",
        "example_badge": "exempel",
        "other_situations": "Övriga situationer",
        "directory_intro": (
            "Handbokens alla kontaktuppgifter enligt situation. Myndighetsnumren är endast för konsultationer "
            "mellan yrkesutbildade: ge dem inte till klienten."
        ),
        "authority_warning": (
            "Myndighetsnumren är endast för konsultationer mellan yrkesutbildade: ge dem inte till klienten."
        ),
        "kind_phone": "telefon",
        "kind_email": "e-post",
        "kind_chat": "chatt",
        "kind_eform": "e-blankett",
        "kind_web": "webbsida",
        "kind_visit": "besöksadress",
        "lang_fi": "finska",
        "lang_sv": "svenska",
        "lang_en": "engelska",
        "days_mon": "mån",
        "days_tue": "tis",
        "days_wed": "ons",
        "days_thu": "tors",
        "days_fri": "fre",
        "days_sat": "lör",
        "days_sun": "sön",
        "fallback": "på finska",
        "fallback_title": "Texten har inte översatts ännu och visas därför på finska.",
        "processes": "Processer",
        "area_intro": "Serviceområdets processer.",
        "roles_intro": "Välj din roll: du ser varje steg som rollen utför, och i vilken process.",
        "role_intro": "Alla steg som rollen utför, per process: vad jag gör och var.",
        "role_no_steps": "Rollen har inga steg i processerna.",
        "role_orientation": "Introduktionsväg för rollen",
        "process_count": "{n} processer",
        "area": "Serviceområde",
        "role": "Roll",
        "orientation_intro": (
            "Som ny anställd läser du din rolls processer i denna ordning. Bocka av en läst process; "
            "markeringarna sparas bara i denna webbläsare."
        ),
        "orientation_role_intro": "Läs dessa processer i ordning. För varje process nämns de steg du själv utför.",
        "orientation_done": "Läst",
        "orientation_for": "Introduktion: {role}",
        "your_steps": "Dina steg",
        "no_orientation": "Inga introduktionsvägar har beskrivits ännu.",
        "changes_intro": "Ändringar i processerna, de nyaste först.",
        "no_changes": "Inga ändringar har dokumenterats.",
        "recent_changes": "Senaste ändringar",
        "all_changes": "Alla ändringar",
        "review_intro": (
            "För chefer: processer vars granskning är försenad eller förfaller inom {days} dagar, "
            "och deras ägare."
        ),
        "review_overdue": "Försenad",
        "review_soon": "Förfaller snart",
        "review_all": "Granskningsschema för alla processer",
        "review_none": "Ingen process har en försenad eller snart förfallande granskning.",
        "status": "Status",
        "process": "Process",
        "days_late": "{n} dagar försenad",
        "days_left": "{n} dagar kvar",
        "ok": "Aktuell",
        "as_of": "Läget {date}.",
        "glossary_intro": (
            "Handbokens begrepp och förkortningar. Förklaringen till en förkortning visas överallt när du håller "
            "pekaren över den."
        ),
        "abbreviation": "Förkortning",
        "used_in_processes": "Förekommer i processerna",
        "front_intro": (
            "Handboken beskriver social- och hälsovårdens serviceprocesser: vem gör vad, i vilken ordning, vad "
            "som dokumenteras och vart man ringer. Beskrivningarna upprätthålls av cheferna, och varje process "
            "har en ägare och ett granskningsdatum."
        ),
        "how_to_search": "Så här söker du",
        "search_help": (
            "Skriv ett sökord i sökfältet högst upp på sidan. Sökningen förstår böjda ord. Avgränsa resultaten "
            "enligt serviceområde, roll eller sidtyp med filtren bredvid resultaten."
        ),
        "start_here": "Börja här",
        "start_new": "Ny anställd: välj din rolls introduktionsväg.",
        "start_call": "Söker du ett nummer för konsultation? Se kontaktuppgifterna enligt situation.",
        "start_role": "Vad gör min roll och var?",
        "start_review": "Chef: processer som väntar på granskning.",
        "kind_process": "Process",
        "kind_contact": "Kontaktuppgift",
        "kind_glossary": "Ordlista",
        "kind_laws": "Lagstadgade tidsfrister",
        "kind_role": "Roll",
        "kind_area": "Serviceområde",
        "kind_orientation": "Introduktion",
        "kind_page": "Annan sida",
        "kind_practice": "Verksamhetsmodell",
        "filter_kind": "Sidtyp",
        "filter_area": "Serviceområde",
        "filter_role": "Roll",
        "filter_organization": "Organisation",
        "search_placeholder": "Sök i handboken",
        "search_open": "Öppna sökningen",
        "page_of": "Sida {n}/{total}",
        "page_previous": "Föregående",
        "page_next": "Nästa",
        "back_to": "← Tillbaka: {page}",
        "more_steps": "och {n} steg till",
        "more_processes": "och {n} processer till",
        "contact_count": "{n} kontaktuppgifter",
        "other_contacts": "Kontaktuppgifter som processerna inte nämner",
        "directory_by_area": (
            "Kontaktuppgifterna är många och därför indelade per serviceområde: välj det område där du arbetar, "
            "eller använd sökningen."
        ),
        "directory_area_intro": "Kontaktuppgifter som serviceområdets processer använder, ordnade efter situation.",
        "role_by_area": "Rollen har steg i många processer, så de är indelade per serviceområde.",
        "role_area_intro": "Rollens steg i det här serviceområdets processer: vad jag gör och var.",
        "other_contacts_intro": "Kontaktuppgifter som ingen process nämner.",
        "review_by_area": "Granskningsschema per serviceområde",
        "review_more": "Dessutom {n} processer till att granska: de finns på serviceområdenas sidor (nedan).",
        "review_area_intro": "Serviceområdets processer enligt granskningsdag, tidigast först.",
        "front_areas_only": "Välj ett serviceområde: på dess sida finns alla områdets processer.",
        "untranslated_page": "Sidan har inte översatts ännu och visas därför på finska.",
    },
    "en": {
        "site_name": "Process handbook",
        "site_description": "Social and health care service processes: who does what, when, and whom to call.",
        "language_name": "English",
        "home": "Home",
        "areas": "Service areas",
        "roles": "Roles",
        "directory": "Whom do I call?",
        "orientation": "Orientation",
        "changes": "What changed",
        "review": "Review report",
        "glossary": "Glossary",
        "legend": "Diagram legend",
        "for_supervisors": "For supervisors",
        "about": "About the handbook",
        "at_a_glance": "At a glance",
        "owner": "Owner",
        "version": "Version",
        "valid_from": "Valid from",
        "reviewed": "Last reviewed",
        "next_review": "Next review",
        "promises": "Service promises",
        "diagram": "Process diagram",
        "diagram_hint": "Click a step in the diagram to go to its description.",
        "download_bpmn": "Download the BPMN model",
        "bpmn_hint": "The BPMN 2.0 file opens in a process modelling tool such as Camunda Modeler.",
        "diagram_missing": "The diagram is not available yet; the steps are described below.",
        "diagram_too_long": "The process has {n} steps, too many for one diagram; the steps are described below.",
        "steps": "Steps",
        "who": "Who",
        "what_to_do": "What to do",
        "record": "Record",
        "contacts_to_use": "Contacts",
        "next": "Next",
        "branches": "Options",
        "parallel_paths": "Paths that run at the same time",
        "joins_at": "The paths meet again at step",
        "within": "At most",
        "handoff_process": "Continues in the process",
        "handoff_org": "Handed over to",
        "call_process": "Run the sub-process",
        "call_returns": "Then this process continues.",
        "process_ends": "The process ends.",
        "promises_targets": "Service promises and targets",
        "promise_from_to": "from step {a} to step {b}",
        "weekdays": "Mon Tue Wed Thu Fri Sat Sun",
        "example": "Example",
        "example_deadline": "{start} → at the latest {deadline}",
        "example_skipped": "skipping {days}",
        "saturday": "Saturday",
        "sunday": "Sunday",
        "law_cites": "Statutory time limit",
        "law_unverified": "unverified",
        "law_unverified_title": (
            "This limit has not been checked against the act's text: check it on Finlex before relying on it."
        ),
        "law_added_by_handbook": "citation added by the handbook, not by the source practice",
        "calculator": "Compute the deadline",
        "calculator_intro": (
            "Pick a promise and a starting day. The starting day is not counted; Saturdays, Sundays, public "
            "holidays, Independence Day, May Day, Christmas Eve and Midsummer Eve are not working days (Act on "
            "the Calculation of Statutory Time Limits 150/1930). The calculator runs in this page and sends "
            "nothing anywhere."
        ),
        "calculator_start": "Starting day",
        "calculator_promise": "Promise",
        "calculator_result": "At the latest",
        "calculator_years": "Public holidays are included for {first}–{last}; for other years only weekends.",
        "laws": "Statutory time limits",
        "laws_intro": (
            "The statutory time limits that the handbook's promises and targets cite, with when they are in "
            "force. A limit not checked against the act's text is marked unverified."
        ),
        "law_act": "Act and section",
        "law_limits": "What it limits",
        "law_within": "Limit",
        "law_valid": "In force",
        "law_citing": "Processes citing it",
        "law_checked": "Checked",
        "law_none_citing": "none",
        "law_open": "…",
        "law_changes": "Statutory time limits that changed",
        "law_changes_intro": "Processes citing a limit that ended or got a new version after their last review.",
        "law_changed": "{law} changed on {date}",
        "targets": "Targets",
        "metric": "Measure",
        "level": "Target level",
        "contact_points": "Contact points",
        "related": "Related processes",
        "terms": "Terms",
        "source": "Source",
        "source_text": "Based on the practice description",
        "changelog": "Change log",
        "date": "Date",
        "change": "Change",
        "keywords": "Search words",
        "step": "step",
        "steps_word": "steps",
        "no_role": "(no role)",
        "type_start": "Start",
        "type_end": "End",
        "type_task": "Task",
        "type_decision": "Decision",
        "type_parallel": "Parallel steps",
        "type_join": "Paths meet",
        "type_wait": "Wait",
        "type_handoff": "Handoff",
        "type_call": "Sub-process",
        "overdue_title": "Review overdue",
        "dev_status": "Development status",
        "status_development": "in development",
        "status_pilot": "in pilot",
        "status_established": "established",
        "status_development_title": "This model is still being developed",
        "status_development_text": (
            "This description shows the intended state of a model that is still being built. Its "
            "instructions, measures and time limits are planned targets, not service promises. Check the "
            "current practice with your manager."
        ),
        "status_pilot_title": "This model is being piloted",
        "status_pilot_text": (
            "This model is only being tried out in a pilot. The practices may still change after the pilot "
            "is evaluated; check the current practice with your manager."
        ),
        "overdue_text": "This process was due for review on {due}. The description may be out of date.",
        "overdue_contact": "Check the practice with the owner",
        "phone": "Phone",
        "address": "Address",
        "hours": "Opening hours",
        "languages": "Languages",
        "purpose": "For",
        "situation": "When",
        "organization": "Organisation",
        "used_in": "Used in the processes",
        "authorities_only": "Professionals only – never give to clients",
        "for_public": "For clients and everyone",
        "audience_authorities": "Numbers for professionals (authority numbers)",
        "audience_public": "Contacts you can give to clients",
        "example_title": "Example data",
        "example_text": "This contact is a made-up example. Do not call it; check the real number in your own unit.",
        "example_text_other": "This contact is a made-up example; check the real contact details in your own unit.",
        "example_text_many": "these contacts are made-up examples; check the real contact details in your own unit.",
        "example_badge": "example",
        "other_situations": "Other situations",
        "directory_intro": (
            "Every contact in the handbook, by situation. Authority numbers are only for consultations between "
            "professionals: never give them to clients."
        ),
        "authority_warning": "Authority numbers are only for consultations between professionals: never give them to clients.",
        "kind_phone": "phone",
        "kind_email": "e-mail",
        "kind_chat": "chat",
        "kind_eform": "e-form",
        "kind_web": "web page",
        "kind_visit": "visiting address",
        "lang_fi": "Finnish",
        "lang_sv": "Swedish",
        "lang_en": "English",
        "days_mon": "Mon",
        "days_tue": "Tue",
        "days_wed": "Wed",
        "days_thu": "Thu",
        "days_fri": "Fri",
        "days_sat": "Sat",
        "days_sun": "Sun",
        "fallback": "in Finnish",
        "fallback_title": "This text has not been translated yet, so it is shown in Finnish.",
        "processes": "Processes",
        "area_intro": "The processes of this service area.",
        "roles_intro": "Choose your role: you see every step the role does, and in which process.",
        "role_intro": "Every step this role does, by process: what I do, and where.",
        "role_no_steps": "This role has no steps in the processes.",
        "role_orientation": "Orientation path for this role",
        "process_count": "{n} processes",
        "area": "Service area",
        "role": "Role",
        "orientation_intro": (
            "As a new employee, read your role's processes in this order. Tick a process when you have read it; "
            "the ticks are kept in this browser only."
        ),
        "orientation_role_intro": "Read these processes in order. For each, the steps you do yourself are listed.",
        "orientation_done": "Read",
        "orientation_for": "Orientation: {role}",
        "your_steps": "Your steps",
        "no_orientation": "No orientation paths have been described yet.",
        "changes_intro": "Changes to the processes, newest first.",
        "no_changes": "No changes have been recorded.",
        "recent_changes": "Recent changes",
        "all_changes": "All changes",
        "review_intro": (
            "For supervisors: processes whose review is overdue or due within {days} days, and their owners."
        ),
        "review_overdue": "Overdue",
        "review_soon": "Due soon",
        "review_all": "Review schedule of all processes",
        "review_none": "No process is overdue or due for review soon.",
        "status": "Status",
        "process": "Process",
        "days_late": "{n} days overdue",
        "days_left": "{n} days left",
        "ok": "Up to date",
        "as_of": "As of {date}.",
        "glossary_intro": (
            "Terms and abbreviations used in the handbook. An abbreviation's explanation shows wherever you point at it."
        ),
        "abbreviation": "Abbreviation",
        "used_in_processes": "Used in the processes",
        "front_intro": (
            "This handbook describes social and health care service processes: who does what, in which order, "
            "what to record and whom to call. Supervisors keep the descriptions up to date, and every process has "
            "an owner and a review date."
        ),
        "how_to_search": "How to search",
        "search_help": (
            "Type a word into the search box at the top of the page. Search understands inflected words. Narrow the "
            "results by service area, role or kind of page with the filters beside the results."
        ),
        "start_here": "Start here",
        "start_new": "New employee: choose your role's orientation path.",
        "start_call": "Looking for a number to consult? See the contacts by situation.",
        "start_role": "What does my role do, and where?",
        "start_review": "Supervisor: processes waiting for review.",
        "kind_process": "Process",
        "kind_contact": "Contact",
        "kind_glossary": "Glossary",
        "kind_laws": "Statutory time limits",
        "kind_role": "Role",
        "kind_area": "Service area",
        "kind_orientation": "Orientation",
        "kind_page": "Other page",
        "kind_practice": "Practice",
        "filter_kind": "Kind of page",
        "filter_area": "Service area",
        "filter_role": "Role",
        "filter_organization": "Organization",
        "search_placeholder": "Search the handbook",
        "search_open": "Open search",
        "page_of": "Page {n} of {total}",
        "page_previous": "Previous",
        "page_next": "Next",
        "back_to": "← Back to {page}",
        "more_steps": "and {n} more steps",
        "more_processes": "and {n} more processes",
        "contact_count": "{n} contacts",
        "other_contacts": "Contacts no process mentions",
        "directory_by_area": (
            "There are many contacts, so they are divided by service area: choose the area you work in, "
            "or use search."
        ),
        "directory_area_intro": "Contacts that this service area's processes use, by situation.",
        "role_by_area": "This role has steps in many processes, so they are divided by service area.",
        "role_area_intro": "This role's steps in this service area's processes: what I do, and where.",
        "other_contacts_intro": "Contacts that no process mentions.",
        "review_by_area": "Review schedule by service area",
        "review_more": "And {n} more processes to review: they are on the service areas' pages (below).",
        "review_area_intro": "The service area's processes by review date, earliest first.",
        "front_areas_only": "Choose a service area: its page lists all of the area's processes.",
        "untranslated_page": "This page has not been translated yet, so it is shown in Finnish.",
    },
}

_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


def label(lang: str, key: str, **values: object) -> str:
    """The handbook's word for `key` in `lang` (Finnish when missing), with `{name}` filled in."""
    text = LABELS.get(lang, LABELS["fi"]).get(key) or LABELS["fi"][key]
    return text.format(**values) if values else text


def format_date(day: dt.date, lang: str) -> str:
    """1.11.2026 in Finnish and Swedish, 1 November 2026 in English."""
    if lang == "en":
        return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"
    return f"{day.day}.{day.month}.{day.year}"


def missing_labels() -> dict[str, set[str]]:
    """Keys a language lacks compared with Finnish (tests keep this empty)."""
    keys = set(LABELS["fi"])
    return {lang: keys - set(words) for lang, words in LABELS.items() if keys - set(words)}
