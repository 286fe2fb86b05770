"""What each rule and each loading check requires, in Finnish and Swedish.

The English sentence is the rule module's `DESCRIPTION` (and, for the loading checks, the table in
rules/_docs.py), which docs/rules.md shows; `description()` gives the sentence in any language.
"""

from __future__ import annotations

from ..timing import EARLIEST, LATEST

_YEARS_FI = f"vuosien {EARLIEST.year} ja {LATEST.year} välillä"
_YEARS_SV = f"mellan {EARLIEST.year} och {LATEST.year}"

DESCRIPTIONS: dict[str, dict[str, str]] = {
    # --- the checks made while a file is read ------------------------------------------------------
    "yaml-syntax": {
        "fi": "Tiedosto on luettavaa YAML-muotoa: UTF-8-merkistö, ei sarkainmerkkejä sisennyksissä, ei merkkejä & "
        "ja *, ei tyhjä, enintään 40 sisäkkäistä tasoa ja alle 1 Mt. Viesti kertoo lipsahduksen siinä kohdassa, "
        "jossa se on: kentän perästä puuttuva kaksoispiste, sarakkeen verran väärässä kohdassa oleva kenttä "
        "(ja sarake, johon se kuuluu), teksti, jossa on ': ' tai aaltosulkeiden {…} sisällä pilkku ja joka "
        "siksi tarvitsee lainausmerkit, sekä Wordin kaarevat lainausmerkit suorien sijaan.",
        "sv": "Filen är läsbar YAML: UTF-8, inga tabbtecken i indrag, inga & eller *, inte tom, högst 40 nivåer "
        "och under 1 MB. Meddelandet nämner misstaget där det finns: ett kolon som saknas efter ett fält, ett "
        "fält en kolumn fel (med kolumnen det hör till), en text med ': ' eller, inom {…}, ett kommatecken som "
        "kräver citattecken, och Words typografiska citattecken i stället för raka.",
    },
    "duplicate-key": {"fi": "Sama kenttä on samassa kohdassa vain kerran.", "sv": "Ett fält förekommer en gång där det står."},
    "unknown-key": {
        "fi": "Jokainen kenttä kuuluu tiedostomuotoon (ehdotus 'tarkoititko', myös suomeksi kirjoitetulle kentälle: "
        "`vaiheet` → `steps`).",
        "sv": "Varje fält hör till formatet (med ett förslag 'menade du', också för ett fält skrivet på finska: "
        "`vaiheet` → `steps`).",
    },
    "missing-field": {"fi": "Jokainen pakollinen kenttä on mukana.", "sv": "Varje obligatoriskt fält finns med."},
    "wrong-type": {
        "fi": "Jokaisella arvolla on oikea muoto: teksti, luku, luettelo tai kenttäluettelo.",
        "sv": "Varje värde har rätt form: text, tal, lista eller fält.",
    },
    "invalid-value": {
        "fi": "Arvo on jokin sallituista (vaiheiden tyypit, kohderyhmät, kielet).",
        "sv": "Ett värde är ett av de tillåtna (stegtyper, målgrupper, språk).",
    },
    "project-file": {
        "fi": "Projektin kansioista luetaan vain tavallisia tiedostoja projektin sisältä: ei linkkejä projektin "
        "ulkopuolelle, ei erikoistiedostoja, ei liian suuria tiedostoja; prosessitiedoston nimi päättyy `.yaml`.",
        "sv": "Bara vanliga filer inne i projektet läses från projektets mappar: inga länkar ut ur projektet, inga "
        "specialfiler, inga för stora filer; en processfils namn slutar på `.yaml`.",
    },
    # --- the rules --------------------------------------------------------------------------------
    "ambiguous-duration": {
        "fi": "Päivinä annettu määräaika kertoo, mitä päiviä se laskee: `3 arkipäivää` (arkipäivät) tai `3 vrk` "
        "(kalenteripäivät), ei `3 päivää`.",
        "sv": "En tidsgräns i dagar säger vilka dagar den räknar: `3 arkipäivää` (vardagar) eller `3 vrk` "
        "(kalenderdagar), inte `3 päivää`.",
    },
    "call-cycle": {
        "fi": "Mikään prosessi ei kutsu itseään suoraan eikä kutsumiensa prosessien kautta, joten jokainen kutsu palaa.",
        "sv": "Ingen process anropar sig själv, direkt eller via de processer den anropar, så varje anrop kommer "
        "tillbaka.",
    },
    "decision-branches": {
        "fi": "Päätöksessä on vähintään kaksi vaihtoehtoa, joilla on eri vastaukset ja jotka johtavat eri vaiheisiin "
        "(vastaukset, jotka eroavat vain isoissa ja pienissä kirjaimissa, välilyönneissä, näkymättömissä merkeissä "
        "tai kirjaimen koodauksessa, ovat sama vastaus).",
        "sv": "Ett beslut har två eller fler grenar med olika svar som visar något och leder till olika steg (svar "
        "som bara skiljer sig i versaler och gemener, mellanslag, osynliga tecken eller hur en bokstav är kodad "
        "räknas som samma).",
    },
    "end-required": {"fi": "Prosessissa on ainakin yksi loppuvaihe.", "sv": "En process har minst ett slutsteg."},
    "example-phone": {
        "fi": "Keksitty puhelinnumero on merkitty `example: true`, ja siinä on numeroiden paikalla X, jotta kukaan "
        "ei voi soittaa siihen.",
        "sv": "Ett påhittat telefonnummer är markerat `example: true` och har X i stället för siffror, så att ingen "
        "kan ringa det.",
    },
    "flow-continues": {
        "fi": "Vaihetta, jossa ei ole kenttää `next`, seuraa luettelossa toinen vaihe, ellei se ole loppuvaihe.",
        "sv": "Ett steg utan `next` följs av ett annat steg i listan, om det inte är ett slut.",
    },
    "handoff-target": {
        "fi": "Siirtovaihe kertoo, kuka jatkaa: prosessi (`to_process`) tai organisaatio (`to_organization`).",
        "sv": "En överlämning säger vem som tar över: en process med `to_process` eller en organisation med "
        "`to_organization`.",
    },
    "id-matches-file": {
        "fi": "Prosessin tunniste on sama kuin sen tiedoston nimi, joten sen sivun osoite on ennustettava.",
        "sv": "En process id är detsamma som dess filnamn, så att sidans adress är förutsägbar.",
    },
    "known-area": {
        "fi": "Prosessin palvelualue löytyy tiedostosta areas.yaml.",
        "sv": "En process serviceområde finns i areas.yaml.",
    },
    "known-law": {
        "fi": "Lakisääteinen määräaika, johon lupaus tai tavoite viittaa (`law:`), löytyy tiedostosta laws.yaml.",
        "sv": "En lagstadgad frist som ett löfte eller ett mål hänvisar till (`law:`) finns i laws.yaml.",
    },
    "law-limit": {
        "fi": "Lupaus (tai tavoitteen taso) ei ole pidempi kuin lakisääteinen määräaika, johon se viittaa: mistä "
        "päivästä tahansa alkaen se päättyy viimeistään silloin kuin määräaika.",
        "sv": "Ett löfte (eller ett måls nivå) är inte längre än den lagstadgade frist det hänvisar till: från vilken "
        "dag som helst slutar det senast när fristen gör det.",
    },
    "law-in-force": {
        "fi": "Lakisääteinen määräaika, johon lupaus tai tavoite viittaa, on voimassa prosessin `valid_from`-päivänä.",
        "sv": "En lagstadgad frist som ett löfte eller ett mål hänvisar till gäller på processens `valid_from`.",
    },
    "law-ending": {
        "fi": "Lakisääteinen määräaika, johon prosessi viittaa, ei pääty ennen prosessin seuraavaa tarkistusta.",
        "sv": "En lagstadgad frist som processen hänvisar till upphör inte före processens nästa granskning.",
    },
    "known-contact": {
        "fi": "Jokainen vaiheessa mainittu yhteystieto löytyy tiedostosta contacts.yaml.",
        "sv": "Varje kontakt som ett steg nämner finns i contacts.yaml.",
    },
    "known-organization": {
        "fi": "Jokainen prosessissa, roolissa, yhteystiedossa, perehdytyspolulla, siirrossa tai toisen "
        "organisaation osana (`part_of`) mainittu organisaatio löytyy tiedostosta organizations.yaml.",
        "sv": "Varje organisation som en process, en roll, en kontakt, en introduktionsväg, en överlämning eller "
        "en annan organisation (`part_of`) nämner finns i organizations.yaml.",
    },
    "known-process": {
        "fi": "Jokainen kohdassa `related`, kutsussa, siirrossa tai perehdytyspolulla mainittu prosessi on olemassa.",
        "sv": "Varje process som nämns i `related`, ett anrop, en överlämning eller en introduktionsväg finns.",
    },
    "known-role": {
        "fi": "Jokainen prosessin rooli löytyy tiedostosta roles.yaml, ja jokaisen vaiheen rooli on jokin prosessin "
        "rooleista.",
        "sv": "Varje roll som en process listar finns i roles.yaml, och varje stegs roll är en av processens roller.",
    },
    "known-step": {
        "fi": "Jokainen vaihe, johon `next`, päätöksen vaihtoehto, polku, `join` tai palvelulupaus viittaa, on "
        "prosessissa.",
        "sv": "Varje steg som en `next`, gren, väg, `join` eller ett löfte nämner finns i processen.",
    },
    "known-term": {
        "fi": "Jokainen prosessin kohdassa `terms` mainittu termi löytyy tiedostosta glossary.yaml.",
        "sv": "Varje term som en process listar i `terms` finns i glossary.yaml.",
    },
    "public-edition": {
        "fi": "Prosessi kulkee alusta loppuun myös ilman vain henkilöstölle tarkoitettuja vaiheita ja sisäisiä tekstejä "
        "(julkinen painos).",
        "sv": "Processen går från en början till ett slut också utan stegen som bara är för personalen och de "
        "interna texterna (den offentliga upplagan).",
    },
    "public-registry-name": {
        "fi": "Palvelualueen, organisaation tai roolin, jonka julkinen painos näyttää, nimeä ei ole merkitty "
        "sisäiseksi.",
        "sv": "Ett serviceområde, en organisation eller en roll som den offentliga upplagan visar har ett namn som "
        "inte är markerat som internt.",
    },
    "next-self": {
        "fi": "Vaiheen `next` johtaa toiseen vaiheeseen, ei vaiheeseen itseensä.",
        "sv": "Ett stegs `next` pekar på ett annat steg, inte på steget självt.",
    },
    "orientation-path": {
        "fi": "Jokaisella organisaation roolilla (jolla on roles.yaml-tiedostossa `organization:`) on perehdytyspolku, "
        "jotta uusi työntekijä tietää, mitä lukea ensin.",
        "sv": "Varje roll i en organisation (med `organization:` i roles.yaml) har en introduktionsväg, så att en "
        "nyanställd vet vad som ska läsas först.",
    },
    "orientation-organization": {
        "fi": "Perehdytyspolku nimeää vain oman organisaationsa prosesseja: uusi työntekijä lukee, miten hänen oma "
        "organisaationsa toimii, eikä toisen organisaation käsikirja ole hänen.",
        "sv": "En introduktionsväg nämner bara processer i den egna organisationen: en nyanställd läser hur den egna "
        "organisationen arbetar, och en annan organisations handbok är inte hens.",
    },
    "contact-organization": {
        "fi": "Vaiheen yhteystieto kuuluu prosessin omalle organisaatiolle: toisen organisaation yhteystieto "
        "näkyisi tämän organisaation hakemistossa kuin sen oma.",
        "sv": "Ett stegs kontakt hör till processens egen organisation: en annan organisations kontakt skulle synas "
        "i den här organisationens katalog som om den vore dess egen.",
    },
    "parallel-join": {
        "fi": "Rinnakkaisvaiheessa on vähintään kaksi polkua, jotka kaikki kohtaavat sen omassa yhtymävaiheessa; "
        "mikään polku ei pääty eikä poistu ennen yhtymävaihetta, mikään ulkopuolinen vaihe ei johda polulle, ja "
        "jokainen yhtymävaihe kuuluu yhdelle rinnakkaisvaiheelle.",
        "sv": "En parallell delning har två eller fler vägar som alla möts i dess eget föreningssteg; ingen väg "
        "slutar eller lämnar delningen före föreningen, inget steg utanför leder in på en av vägarna, och varje "
        "föreningssteg hör till en delning.",
    },
    "practice-exists": {
        "fi": "Toimintamallikuvaus, johon prosessi viittaa kohdassa `source.practice`, on kansiossa practices/.",
        "sv": "Verksamhetsmodellen som en process nämner i `source.practice` finns i practices/.",
    },
    "practice-figure-data": {
        "fi": "Jokaisen arviointikuvion riveillä on juuri ne luvut, jotka sen tyyppi piirtää, kelvollinen "
        "mittausajankohta, johdonmukaiset vaihteluvälit ja asteikko, jolle luvut mahtuvat.",
        "sv": "Varje utvärderingsfigur har rader med just de tal som dess typ ritar, ett giltigt mätdatum, "
        "konsekventa intervall och en skala som rymmer talen.",
    },
    "practice-id-matches-file": {
        "fi": "Toimintamallikuvauksen tunniste on kelvollinen, sama kuin tiedoston nimi eikä varattu nimi, joten sen "
        "sivun osoite on ennustettava eikä minkään muun sivun.",
        "sv": "En verksamhetsmodells id är giltigt, detsamma som filnamnet och inte ett reserverat namn, så att sidans "
        "adress är förutsägbar och ingen annan sidas.",
    },
    "practice-known-process": {
        "fi": "Jokainen toimintamallikuvauksessa mainittu tai sen tuloksissa mitattu prosessi on olemassa.",
        "sv": "Varje process som en verksamhetsmodell listar, eller som ett av dess resultat mäter, finns.",
    },
    "practice-known-target": {
        "fi": "Mitattu tulos, joka koskee prosessin tavoitetta, mainitsee sekä prosessin että tavoitteen, joka "
        "prosessilla on.",
        "sv": "Ett mätt resultat som gäller ett processmål nämner både processen och ett mål-id som processen har.",
    },
    "practice-links-both-ways": {
        "fi": "Toimintamallikuvaus ja sen prosessit viittaavat toisiinsa: kuvauksessa `processes`, prosessissa "
        "`source.practice`.",
        "sv": "En verksamhetsmodell och dess processer nämner varandra: `processes` i den ena, `source.practice` i "
        "den andra.",
    },
    "practice-required-sections": {
        "fi": "Toimintamallikuvauksessa on jokainen yhteinen osio (tai merkintä `not_in_source: true`), ja siinä "
        "mainitaan sen kuvaamat prosessit.",
        "sv": "En verksamhetsmodell har varje gemensamt avsnitt (eller markerar det `not_in_source: true`) och "
        "nämner processerna den beskriver.",
    },
    "practice-text-required": {
        "fi": "Toimintamallikuvauksen nimessä, tiivistelmässä, organisaatiossa, alueessa, lähteen otsikossa, kuvioiden "
        "otsikoissa, rivien selitteissä, osioiden otsikoissa ja kehittäjäryhmän rooleissa on näkyvä suomenkielinen "
        "teksti.",
        "sv": "En verksamhetsmodells namn, sammanfattning, organisation, område, källans titel, figurtitlar, "
        "radetiketter, avsnittstitlar och utvecklingsgruppens roller har finsk text som visar något.",
    },
    "practice-translation-missing": {
        "fi": "Toimintamallikuvauksen nimi, tiivistelmä, organisaatio, alue ja kuvioiden tekstit on käännetty "
        "ruotsiksi ja englanniksi.",
        "sv": "En verksamhetsmodells namn, sammanfattning, organisation, område och figurtexter har svensk och "
        "engelsk text.",
    },
    "practice-valid-date": {
        "fi": f"Toimintamallikuvauksen päivämäärät (lähteen `date`, kuvioiden `measured`) ovat oikeita päivämääriä "
        f"{_YEARS_FI} eivätkä tulevaisuudessa.",
        "sv": f"En verksamhetsmodells datum (källans `date`, varje figurs `measured`) är riktiga datum {_YEARS_SV} "
        "och inte i framtiden.",
    },
    "process-size": {
        "fi": "Prosessissa on enintään 1 000 vaihetta, jotta sen kaavio voidaan piirtää.",
        "sv": "En process har högst 1 000 steg, så att dess diagram kan ritas.",
    },
    "promise-order": {
        "fi": "Palvelulupauksen `from`-vaihe tulee jollakin polulla ennen sen `to`-vaihetta.",
        "sv": "Ett servicelöftes `from`-steg kommer före dess `to`-steg på någon väg.",
    },
    "promise-within": {
        "fi": "Palvelulupauksen `within` on sama kuin sen odotusvaiheen `within`, johon lupaus päättyy, ja sama kuin "
        "lupauksen nimessä sekä vaiheen nimessä ja kuvauksessa kirjoitetut määräajat.",
        "sv": "Ett servicelöftes `within` säger detsamma som `within` i väntsteget där det slutar, och som "
        "tidsgränserna i dess namn och i stegets namn och beskrivning.",
    },
    "target-promise": {
        "fi": "Tavoitteen `promise:` nimeää prosessin palvelulupauksen: lupauksen `id`:n tai, jos sillä ei ole "
        "tunnistetta, `<from>-<to>`.",
        "sv": "Ett måls `promise:` namnger ett av processens servicelöften: löftets `id`, eller `<from>-<to>` för ett "
        "löfte utan id.",
    },
    "reachable": {
        "fi": "Jokaiseen vaiheeseen pääsee alkuvaiheesta.",
        "sv": "Varje steg kan nås från ett startsteg.",
    },
    "reaches-end": {
        "fi": "Jokaisesta vaiheesta johtaa jokin polku loppuvaiheeseen, joten silmukasta pääsee aina ulos.",
        "sv": "Från varje steg leder någon väg till ett slutsteg, så en slinga har alltid en väg ut.",
    },
    "review-overdue": {
        "fi": "Prosessi tarkistetaan `review_every_months` kuukauden kuluessa edellisestä tarkistuksesta.",
        "sv": "En process granskas inom `review_every_months` månader från den senaste granskningen.",
    },
    "role-required": {
        "fi": "Jokaisessa tehtävässä, päätöksessä ja odotuksessa kerrotaan, mikä rooli sen tekee.",
        "sv": "Varje uppgift, beslut och väntan säger vilken roll som gör den.",
    },
    "slug-ids": {
        "fi": "Jokainen tunniste koostuu merkeistä a–z, 0–9 ja '-' eikä ole varattu nimi, koska tunnisteista tulee "
        "tiedostojen nimiä ja osoitteita.",
        "sv": "Varje id består av a–z, 0–9 och '-' och är inte ett reserverat namn, eftersom id:n blir filnamn och "
        "adresser.",
    },
    "start-required": {"fi": "Prosessissa on ainakin yksi alkuvaihe.", "sv": "En process har minst ett startsteg."},
    "text-required": {
        "fi": "Otsikoissa, nimissä, vastauksissa, käyttötarkoituksissa ja määritelmissä on näkyvä suomenkielinen "
        "teksti (ei pelkkiä välilyöntejä tai näkymättömiä merkkejä), eikä kirjoitettu valinnainen nimi, "
        "yhteystieto tai osoite ole tyhjä.",
        "sv": "Titlar, namn, svar, syften och definitioner har finsk text som visar något (inte bara mellanslag "
        "eller osynliga tecken), och en valfri etikett, kontaktuppgift eller adress som skrivits är inte tom.",
    },
    "translation-missing": {
        "fi": "Otsikot, tiivistelmät, vaiheiden nimet, päätösten vastaukset, roolien nimet ja sanaston termit on "
        "käännetty ruotsiksi ja englanniksi.",
        "sv": "Titlar, sammanfattningar, stegnamn, svar, rollnamn och ordlistans termer har svensk och engelsk text.",
    },
    "unique-ids": {
        "fi": "Tunnisteet ovat yksilöllisiä isoista ja pienistä kirjaimista riippumatta: vaiheet, palvelulupaukset ja "
        "tavoitteet prosessissa, prosessit ja luetteloiden kohdat käsikirjassa, yksi perehdytyspolku roolia kohden "
        "ja yksi sanaston termi lyhennettä kohden.",
        "sv": "Id:n är unika oavsett versaler och gemener: steg, löften och mål inom en process, processer och "
        "registrens poster i handboken, en introduktionsväg per roll och en term per förkortning.",
    },
    "unused-contact": {
        "fi": "Jokaista contacts.yaml-tiedoston yhteystietoa käyttää jokin vaihe.",
        "sv": "Varje kontaktpunkt i contacts.yaml används av något steg.",
    },
    "unused-role": {
        "fi": "Jokaisella prosessin roolilla on siinä vaihe, ja jokaista roles.yaml-tiedoston roolia käytetään "
        "jossakin.",
        "sv": "Varje roll som en process listar gör ett steg i den, och varje roll i roles.yaml används någonstans.",
    },
    "valid-date": {
        "fi": f"Jokainen päivämäärä (valid_from, reviewed, muutoshistoria) on oikea, muodossa VVVV-KK-PP kirjoitettu "
        f"päivämäärä {_YEARS_FI}, eikä `reviewed` ole tulevaisuudessa.",
        "sv": f"Varje datum (valid_from, reviewed, ändringsloggen) är ett riktigt datum skrivet ÅÅÅÅ-MM-DD, "
        f"{_YEARS_SV}, och `reviewed` ligger inte i framtiden.",
    },
    "valid-duration": {
        "fi": "Jokainen odotusvaiheen tai palvelulupauksen `within` on määräaika, jonka käsikirja ymmärtää.",
        "sv": "Varje `within` i ett väntsteg eller ett löfte är en tidsgräns som handboken förstår.",
    },
    "valid-hours": {
        "fi": "Aukioloajoissa on viikonpäivät (mon-fri, sat) ja kellonajat muodossa TT:MM-TT:MM.",
        "sv": "Öppettider anger veckodagar (mon-fri, sat) och tider som TT:MM-TT:MM.",
    },
    "version-explained": {
        "fi": "Kun `version` nousee git-historian edellisestä versiosta, jokin henkilöstölle näkyvä muuttuu (vaihe, "
        "lupaus, yhteystieto, omistaja tai palvelualue) tai muutoshistoriassa on version merkintä.",
        "sv": "En `version` som höjts från den föregående i git-historiken ändrar något personalen ser (ett steg, ett "
        "löfte, en kontaktuppgift, ägaren eller serviceområdet) eller har en post i ändringsloggen.",
    },
    "version-in-force": {
        "fi": "Kun prosessin `valid_from` on tulevaisuudessa, nyt voimassa oleva versio julkaistaan sen rinnalla: "
        "sen on löydyttävä git-historiasta (koko historia kloonattuna).",
        "sv": "När en process `valid_from` ligger framåt publiceras den version som gäller nu bredvid den: den måste "
        "finnas i git-historiken (hela historiken klonad).",
    },
    "version-logged": {
        "fi": "Kun prosessin `version` on ensimmäistä suurempi, muutoshistoriassa (`changes`) on sen merkintä, joka "
        "kertoo, mikä muuttui.",
        "sv": "En process `version` efter den första har en post i ändringsloggen (`changes`) som säger vad som "
        "ändrades.",
    },
}


def description(rule_id: str, english: str, lang: str) -> str:
    """What the rule (or loading check) `rule_id` requires, in `lang`; `english` is its own sentence."""
    if lang == "en":
        return english
    return DESCRIPTIONS.get(rule_id, {}).get(lang, english)
