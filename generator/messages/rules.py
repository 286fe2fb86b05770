"""Messages of the rules (generator/rules/), by rule id: `<rule-id>.<what>` and `<rule-id>.<what>.hint`.

Messages two rules share (a blank text, a missing translation) are under `text.` and `translation.`;
their findings' codes still start with the rule id (`practice-text-required.text.blank`).
"""

from __future__ import annotations

from . import m

MESSAGES: dict[str, dict[str, str]] = {
    # --- shared -------------------------------------------------------------------------------
    "hint.one-of": m(fi="käytä jotakin näistä: {values}", sv="använd ett av dessa: {values}", en="use one of: {values}"),
    "words.and": m(fi="ja", sv="och", en="and"),
    "words.or": m(fi="tai", sv="eller", en="or"),
    "text.blank": m(fi="{what} {blank}", sv="{what} {blank}", en="{what} {blank}"),
    "text.in-finnish": m(fi="{what} suomeksi", sv="{what} på finska", en="{what} in Finnish"),
    "text.in-finnish.hint": m(
        fi="kirjoita suomenkielinen teksti kenttään `fi:` käännösten rinnalle: suomenkieliset sivut näyttävät sen",
        sv="skriv den finska texten som `fi:` bredvid översättningarna: de finska sidorna visar den",
        en="write the Finnish text as `fi:` beside the translations: the Finnish pages show it",
    ),
    "translation.no-sv": m(
        fi="tekstiä '{text}' ei ole käännetty ruotsiksi (sv); lukijat näkevät sen suomeksi",
        sv="'{text}' saknar svensk (sv) text; läsarna ser finska",
        en="'{text}' has no Swedish (sv) text; readers will see Finnish",
    ),
    "translation.no-en": m(
        fi="tekstiä '{text}' ei ole käännetty englanniksi (en); lukijat näkevät sen suomeksi",
        sv="'{text}' saknar engelsk (en) text; läsarna ser finska",
        en="'{text}' has no English (en) text; readers will see Finnish",
    ),
    "translation.no-sv-en": m(
        fi="tekstiä '{text}' ei ole käännetty ruotsiksi (sv) eikä englanniksi (en); lukijat näkevät sen suomeksi",
        sv="'{text}' saknar svensk (sv) och engelsk (en) text; läsarna ser finska",
        en="'{text}' has no Swedish (sv) or English (en) text; readers will see Finnish",
    ),
    "translation.write-after.hint": m(
        fi="kirjoita käännös kohdan `{lang}:` jälkeen", sv="skriv översättningen efter `{lang}:`",
        en="write the translation after `{lang}:`",
    ),
    "translation.write-mapping.hint": m(
        fi="kirjoita teksti muodossa {{fi: …, sv: …, en: …}}", sv="skriv texten som {{fi: …, sv: …, en: …}}",
        en="write it as a mapping: {{fi: …, sv: …, en: …}}",
    ),
    "slug.empty": m(fi="se on tyhjä", sv="det är tomt", en="it is empty"),
    "slug.too-long": m(
        fi="se on pidempi kuin {n} merkkiä", sv="det är längre än {n} tecken", en="it is longer than {n} characters"
    ),
    "slug.letters": m(
        fi="sallittuja ovat vain pienet kirjaimet a–z, numerot ja yksittäiset väliviivat '-' niiden välissä",
        sv="bara små bokstäver a–z, siffror och enstaka '-' mellan dem är tillåtna",
        en="only lower-case letters a-z, digits and single '-' between them are allowed",
    ),
    "known.process.hint": m(
        fi="kirjoita kansiossa processes/ olevan tiedoston nimi ilman päätettä .yaml",
        sv="skriv namnet på en fil i processes/ (utan .yaml)",
        en="write the id of a file in processes/ (without .yaml)",
    ),
    # --- ambiguous-duration -------------------------------------------------------------------------
    "ambiguous-duration.which-days": m(
        fi="`{within}` ei kerro, lasketaanko arkipäiviä vai kalenteripäiviä; se luetaan kalenteripäivinä",
        sv="`{within}` säger inte om det räknas i vardagar eller kalenderdagar; det läses som kalenderdagar",
        en="`{within}` does not say whether it counts working days or calendar days; it is read as calendar days",
    ),
    "ambiguous-duration.which-days.hint": m(
        fi="kirjoita `{days} arkipäivää`, jos tarkoitat arkipäiviä, tai `{days} vrk`, jos tarkoitat kalenteripäiviä",
        sv="skriv `{days} arkipäivää` för vardagar eller `{days} vrk` för kalenderdagar",
        en="write `{days} arkipäivää` for working days or `{days} vrk` for calendar days",
    ),
    # --- call-cycle ---------------------------------------------------------------------------------
    "call-cycle.self": m(
        fi="vaihe `{step}` kutsuu omaa prosessiaan `{process}`, joten kutsu ei koskaan palaisi",
        sv="steget `{step}` anropar sin egen process `{process}`, så anropet skulle aldrig komma tillbaka",
        en="the step `{step}` calls its own process `{process}`, so the call would never return",
    ),
    "call-cycle.self.hint": m(
        fi="kuvaa toistettavat vaiheet tämän prosessin silmukkana (päätöksen vaihtoehto takaisin aiempaan "
        "vaiheeseen) tai kutsu toista prosessia",
        sv="skriv stegen som ska upprepas som en slinga i den här processen (en beslutsgren tillbaka till ett "
        "tidigare steg), eller anropa en annan process",
        en="write the steps to repeat as a loop in this process (a decision branch back to an earlier step), or "
        "call another process",
    ),
    "call-cycle.ring": m(
        fi="vaihe `{step}` kutsuu prosessia `{target}`, ja kutsut johtavat takaisin tähän prosessiin ({cycle}), "
        "joten mikään niistä ei koskaan palaisi",
        sv="steget `{step}` anropar `{target}`, och anropen leder tillbaka till den här processen ({cycle}), så "
        "inget av dem skulle någonsin komma tillbaka",
        en="the step `{step}` calls `{target}`, and the calls lead back to this process ({cycle}), so none of them "
        "would ever return",
    ),
    "call-cycle.ring.hint": m(
        fi="poista yksi näistä kutsuista tai muuta se siirroksi (`handoff`), jos toinen prosessi jatkaa asiaa "
        "pysyvästi",
        sv="ta bort ett av anropen, eller gör det till en `handoff` om den andra processen tar över för gott",
        en="remove one of these calls, or make it a `handoff` if that process takes over for good",
    ),
    # --- decision-branches --------------------------------------------------------------------------
    "decision-branches.too-few": m(
        fi="päätöksessä `{step}` on {n} {n:vaihtoehto|vaihtoehtoa}; päätöksessä tarvitaan vähintään kaksi",
        sv="beslutet `{step}` har {n} {n:gren|grenar}; ett beslut behöver minst två",
        en="the decision `{step}` has {n} {n:branch|branches}; a decision needs at least two",
    ),
    "decision-branches.too-few.hint": m(
        fi="lisää toinen vastaus omaksi vaihtoehdokseen tai muuta vaihe tehtäväksi (`type: task`)",
        sv="lägg till det andra svaret som en gren, eller gör steget till en uppgift (`type: task`)",
        en="add the other answer as a branch, or make the step a task",
    ),
    "decision-branches.blank-label": m(
        fi="päätöksen `{step}` vaihtoehdon {n} vastaus (`when`) {blank}",
        sv="svaret (`when`) för gren {n} i beslutet `{step}` {blank}",
        en="the label of branch {n} of the decision `{step}` {blank}",
    ),
    "decision-branches.blank-label.hint": m(
        fi="kirjoita vastaus, jota vaihtoehto tarkoittaa, esim. `when: Kyllä`",
        sv="skriv svaret som grenen står för, t.ex. `when: Kyllä`",
        en="write the answer this branch stands for, e.g. `when: Kyllä`",
    ),
    "decision-branches.same-label": m(
        fi="päätöksessä `{step}` on kaksi vaihtoehtoa, joiden vastaus on '{label}' (ensimmäinen rivillä {line})",
        sv="beslutet `{step}` har två grenar med svaret '{label}' (den första på rad {line})",
        en="the decision `{step}` has two branches labelled '{label}' (first on line {line})",
    ),
    "decision-branches.same-label-unicode": m(
        fi="päätöksessä `{step}` on kaksi vaihtoehtoa, joilla on sama vastaus: tämän rivin '{label}' ja rivin "
        "{line} '{first}' eroavat vain isoissa ja pienissä kirjaimissa, välilyönneissä, näkymättömissä merkeissä "
        "tai kirjaimen koodauksessa",
        sv="beslutet `{step}` har två grenar med samma svar: '{label}' här och '{first}' på rad {line} skiljer "
        "sig bara i versaler och gemener, mellanslag, osynliga tecken eller hur en bokstav är kodad",
        en="the decision `{step}` has two branches with the same label: '{label}' here and '{first}' on line "
        "{line} differ only in case, spaces, invisible characters or how a letter is encoded",
    ),
    "decision-branches.same-label.hint": m(
        fi="anna jokaiselle vaihtoehdolle oma vastauksensa, jotta lukija tietää, mihin suuntaan edetä",
        sv="ge varje gren ett eget svar så att läsaren vet vilken väg som gäller",
        en="give each branch its own label so a reader knows which way to go",
    ),
    "decision-branches.same-step": m(
        fi="päätös `{step}` ohjaa sekä vastauksen '{first}' että vastauksen '{label}' vaiheeseen `{to}`, joten "
        "kysymys ei erottele näitä vastauksia",
        sv="beslutet `{step}` skickar både '{first}' och '{label}' till `{to}`, så frågan skiljer inte på de "
        "svaren",
        en="the decision `{step}` sends both '{first}' and '{label}' to `{to}`, so the question does not tell "
        "these answers apart",
    ),
    "decision-branches.same-step.hint": m(
        fi="ohjaa jokainen vaihtoehto siihen vaiheeseen, jota sen vastaus edellyttää, tai yhdistä nämä kaksi "
        "yhdeksi vaihtoehdoksi; jos kaikki vastaukset johtavat samaan vaiheeseen, muuta päätös tehtäväksi",
        sv="led varje gren till det steg som dess svar kräver, eller slå ihop de två till en gren; om alla svar "
        "leder samma väg, gör beslutet till en uppgift",
        en="lead each branch to the step its answer calls for, or make the two one branch; if every answer goes "
        "the same way, make the decision a task",
    ),
    # --- end-required / start-required / flow-continues --------------------------------------------
    "end-required.no-end": m(
        fi="prosessissa ei ole loppuvaihetta", sv="processen har inget slutsteg", en="the process has no end step"
    ),
    "end-required.no-end.hint": m(
        fi="lisää vaihe, jossa on `type: end` ja joka kertoo, miten prosessi päättyy asiakkaan kannalta",
        sv="lägg till ett steg med `type: end` som säger hur processen slutar för klienten",
        en="add a step with `type: end` that says how the process ends for the client",
    ),
    "start-required.no-start": m(
        fi="prosessissa ei ole alkuvaihetta", sv="processen har inget startsteg", en="the process has no start step"
    ),
    "start-required.no-start.hint": m(
        fi="lisää ensimmäiseksi vaihe, jossa on `type: start` ja joka kertoo, mistä prosessi alkaa",
        sv="lägg till ett första steg med `type: start` som säger vad som startar processen",
        en="add a first step with `type: start` that says what starts the process",
    ),
    "flow-continues.stops": m(
        fi="viimeinen vaihe `{step}` ei ole loppuvaihe, eikä siinä ole kenttää `next`, joten kulku ei pääty "
        "mihinkään",
        sv="det sista steget `{step}` är inte ett slut och har ingen `next`, så flödet slutar ingenstans",
        en="the last step `{step}` is not an end and has no `next`, so the flow stops nowhere",
    ),
    "flow-continues.stops.hint": m(
        fi="lisää sen perään loppuvaihe (`type: end`) tai anna sille `next:`",
        sv="lägg till ett slutsteg efter det (`type: end`) eller ge det `next:`",
        en="add an end step after it (`type: end`) or give it `next:`",
    ),
    # --- example-phone ------------------------------------------------------------------------------
    "example-phone.not-phone": m(
        fi="'{phone}' ei ole puhelinnumero", sv="'{phone}' är inte ett telefonnummer", en="'{phone}' is not a phone number"
    ),
    "example-phone.not-phone.hint": m(
        fi="käytä vain numeroita, välilyöntejä sekä merkkejä '+' ja '-', esim. 09 1234 5678",
        sv="skriv bara siffror, mellanslag, '+' och '-', t.ex. 09 1234 5678",
        en="write digits, spaces, '+' and '-' only, e.g. 09 1234 5678",
    ),
    "example-phone.real-looking": m(
        fi="esimerkkinumero '{phone}' voi olla jonkun oikea numero",
        sv="exempelnumret '{phone}' kan vara någons riktiga nummer",
        en="the example number '{phone}' could be someone's real number",
    ),
    "example-phone.real-looking.hint": m(
        fi="korvaa numerot X-kirjaimilla, esim. 0XX XXX XXXX, jotta esimerkkiin ei voi soittaa",
        sv="ersätt siffrorna med X, t.ex. 0XX XXX XXXX, så att ingen kan ringa exemplet",
        en="replace digits with X, e.g. 0XX XXX XXXX, so the example cannot be dialled",
    ),
    "example-phone.placeholder": m(
        fi="'{phone}' on keksitty numero (X-merkit), mutta yhteystietoa ei ole merkitty esimerkiksi",
        sv="'{phone}' är en platshållare, men kontakten är inte markerad som exempel",
        en="'{phone}' is a placeholder, but the contact is not marked as an example",
    ),
    "example-phone.placeholder.hint": m(
        fi="kirjoita oikea numero tai lisää `example: true`", sv="skriv det riktiga numret, eller lägg till `example: true`",
        en="write the real number, or add `example: true`",
    ),
    # --- handoff-target / id-matches-file -----------------------------------------------------------
    "handoff-target.no-target": m(
        fi="siirtovaihe `{step}` ei kerro, kuka jatkaa", sv="överlämningen `{step}` säger inte vem som tar över",
        en="the handoff `{step}` does not say who takes over",
    ),
    "handoff-target.no-target.hint": m(
        fi="lisää `to_process:` ja jatkavan prosessin tunniste tai `to_organization:` ja organisaation tunniste "
        "tiedostosta organizations.yaml",
        sv="lägg till `to_process:` med id:t för processen som fortsätter, eller `to_organization:` med ett "
        "organisations-id från organizations.yaml",
        en="add `to_process:` with the id of the process that continues, or `to_organization:` with an "
        "organization id from organizations.yaml",
    ),
    "id-matches-file.differs": m(
        fi="prosessin tunniste `{id}` on eri kuin tiedoston nimi `{stem}.yaml`",
        sv="processens id `{id}` skiljer sig från filnamnet `{stem}.yaml`",
        en="the process id `{id}` differs from the file name `{stem}.yaml`",
    ),
    "id-matches-file.differs.hint": m(
        fi="nimeä tiedosto uudelleen: `{id}.yaml`, tai kirjoita `id: {stem}`",
        sv="byt namn på filen till `{id}.yaml` eller skriv `id: {stem}`",
        en="rename the file to `{id}.yaml` or set `id: {stem}`",
    ),
    # --- known-* ------------------------------------------------------------------------------------
    "known-area.unknown": m(
        fi="palvelualuetta `{area}` ei ole tiedostossa areas.yaml", sv="serviceområdet `{area}` finns inte i areas.yaml",
        en="the service area `{area}` is not in areas.yaml",
    ),
    "known-contact.unknown": m(
        fi="yhteystietoa `{contact}` ei ole tiedostossa contacts.yaml", sv="kontakten `{contact}` finns inte i contacts.yaml",
        en="the contact `{contact}` is not in contacts.yaml",
    ),
    "known-contact.unknown.hint": m(
        fi="lisää se tiedostoon processes/contacts.yaml", sv="lägg till den i processes/contacts.yaml",
        en="add it to processes/contacts.yaml",
    ),
    "known-law.unknown": m(
        fi="lakisääteistä määräaikaa `{law}` ei ole tiedostossa laws.yaml",
        sv="den lagstadgade tidsfristen `{law}` finns inte i laws.yaml",
        en="the statutory time limit `{law}` is not in laws.yaml",
    ),
    "known-law.unknown.hint": m(
        fi="lisää se tiedostoon processes/laws.yaml", sv="lägg till den i processes/laws.yaml",
        en="add it to processes/laws.yaml",
    ),
    "known-organization.unknown": m(
        fi="organisaatiota `{organization}` ei ole tiedostossa organizations.yaml",
        sv="organisationen `{organization}` finns inte i organizations.yaml",
        en="the organization `{organization}` is not in organizations.yaml",
    ),
    "known-organization.unknown.hint": m(
        fi="lisää se tiedostoon processes/organizations.yaml", sv="lägg till den i processes/organizations.yaml",
        en="add it to processes/organizations.yaml",
    ),
    "known-process.related": m(
        fi="kohdassa `related` mainitaan prosessi `{process}`, mutta sellaista prosessia ei ole",
        sv="`related` nämner processen `{process}`, men någon sådan process finns inte",
        en="`related` names the process `{process}`, but there is no such process",
    ),
    "known-process.call": m(
        fi="vaihe `{step}` kutsuu prosessia `{process}`, mutta sellaista prosessia ei ole",
        sv="steget `{step}` anropar `{process}`, men någon sådan process finns inte",
        en="the step `{step}` calls `{process}`, but there is no such process",
    ),
    "known-process.handoff": m(
        fi="vaihe `{step}` siirtää asian prosessille `{process}`, mutta sellaista prosessia ei ole",
        sv="steget `{step}` lämnar över till `{process}`, men någon sådan process finns inte",
        en="the step `{step}` hands off to `{process}`, but there is no such process",
    ),
    "known-process.orientation": m(
        fi="roolin `{role}` perehdytyspolussa mainitaan prosessi `{process}`, mutta sellaista prosessia ei ole",
        sv="introduktionsvägen för `{role}` nämner `{process}`, men någon sådan process finns inte",
        en="the orientation path of `{role}` names `{process}`, but there is no such process",
    ),
    "known-process.self-related": m(
        fi="prosessi mainitsee itsensä liittyvissä prosesseissa (`related`)",
        sv="processen nämner sig själv bland de relaterade (`related`)",
        en="the process lists itself as related",
    ),
    "known-process.self-related.hint": m(fi="poista se", sv="ta bort den", en="remove it"),
    "known-process.orientation-role": m(
        fi="perehdytyspolku on roolille `{role}`, jota ei ole tiedostossa roles.yaml",
        sv="introduktionsvägen gäller rollen `{role}`, som inte finns i roles.yaml",
        en="the orientation path is for the role `{role}`, which is not in roles.yaml",
    ),
    "known-process.orientation-role.hint": m(
        fi="käytä roolin tunnistetta tiedostosta processes/roles.yaml", sv="använd ett roll-id från processes/roles.yaml",
        en="use a role id from processes/roles.yaml",
    ),
    "known-role.unknown": m(
        fi="roolia `{role}` ei ole tiedostossa roles.yaml", sv="rollen `{role}` finns inte i roles.yaml",
        en="the role `{role}` is not in roles.yaml",
    ),
    "known-role.unknown.hint": m(
        fi="lisää rooli tiedostoon processes/roles.yaml", sv="lägg till rollen i processes/roles.yaml",
        en="add the role to processes/roles.yaml",
    ),
    "known-role.not-in-lanes": m(
        fi="vaiheen `{step}` rooli on `{role}`, mutta sitä ei ole tämän prosessin kohdassa `roles`",
        sv="steget `{step}` har rollen `{role}`, som inte finns i den här processens `roles`",
        en="the step `{step}` has the role `{role}`, which is not in this process's `roles`",
    ),
    "known-role.not-in-lanes.hint": m(
        fi="lisää `{role}` tiedoston alussa olevaan kohtaan `roles:`",
        sv="lägg till `{role}` i `roles:` i början av filen",
        en="add `{role}` to `roles:` at the top of the file",
    ),
    "known-step.leads": m(
        fi="vaihe `{step}` johtaa vaiheeseen `{target}`, mutta sillä tunnisteella ei ole vaihetta",
        sv="steget `{step}` leder till `{target}`, men det finns inget steg med det id:t",
        en="step `{step}` leads to `{target}`, but there is no step with that id",
    ),
    "known-step.join": m(
        fi="rinnakkaisvaiheen `{step}` polut yhdistyvät vaiheessa `{target}`, mutta sillä tunnisteella ei ole vaihetta",
        sv="det parallella steget `{step}` förenas i `{target}`, men det finns inget steg med det id:t",
        en="parallel step `{step}` joins at `{target}`, but there is no step with that id",
    ),
    "known-step.promise": m(
        fi="palvelulupauksessa {n} mainitaan vaihe `{target}`, mutta sillä tunnisteella ei ole vaihetta",
        sv="servicelöfte {n} nämner steget `{target}`, men det finns inget steg med det id:t",
        en="promise {n} names the step `{target}`, but there is no step with that id",
    ),
    "known-step.unknown.hint": m(
        fi="käytä tämän prosessin jonkin vaiheen tunnistetta", sv="använd id:t för ett steg i den här processen",
        en="use the id of a step in this process",
    ),
    "known-term.unknown": m(
        fi="termiä `{term}` ei ole tiedostossa glossary.yaml", sv="termen `{term}` finns inte i glossary.yaml",
        en="the term `{term}` is not in glossary.yaml",
    ),
    "known-term.unknown.hint": m(
        fi="lisää termi ja sen selitys tiedostoon processes/glossary.yaml",
        sv="lägg till termen med dess förklaring i processes/glossary.yaml",
        en="add the term with its explanation to processes/glossary.yaml",
    ),
    # --- next-self / orientation-path ---------------------------------------------------------------
    "next-self.to-itself": m(
        fi="vaihe `{step}` johtaa itseensä (`next: {step}`): kulku kiertäisi sitä loputtomasti",
        sv="steget `{step}` leder till sig självt (`next: {step}`): flödet skulle gå runt i det för alltid",
        en="the step `{step}` leads to itself (`next: {step}`): the flow would go round it for ever",
    ),
    "next-self.to-itself.hint": m(
        fi="kirjoita sen vaiheen tunniste, joka tulee tämän jälkeen",
        sv="skriv id:t för steget som kommer efter det",
        en="write the id of the step that comes after it",
    ),
    "next-self.to-itself.hint-below": m(
        fi="kirjoita sen vaiheen tunniste, joka tulee tämän jälkeen, tai poista rivi `next:`, niin kulku jatkuu "
        "alla olevaan vaiheeseen (`{below}`)",
        sv="skriv id:t för steget som kommer efter det, eller radera raden `next:` så går flödet vidare till "
        "steget under det (`{below}`)",
        en="write the id of the step that comes after it, or delete the `next:` line to go on to the step below "
        "it (`{below}`)",
    ),
    "orientation-path.none": m(
        fi="roolilla `{role}` ei ole perehdytyspolkua: uudella työntekijällä ei ole luetteloa prosesseista, jotka "
        "lukea ensin",
        sv="rollen `{role}` har ingen introduktionsväg: en nyanställd i rollen har ingen lista över processer att "
        "läsa först",
        en="the role `{role}` has no orientation path: a new employee in it has no list of processes to read first",
    ),
    "orientation-path.none.hint": m(
        fi="lisää `- {{role: {role}, processes: [{listed}]}}` tiedostoon processes/orientation.yaml, prosessit "
        "siinä järjestyksessä, jossa ne luetaan",
        sv="lägg till `- {{role: {role}, processes: [{listed}]}}` i processes/orientation.yaml, med processerna i "
        "den ordning de ska läsas",
        en="add `- {{role: {role}, processes: [{listed}]}}` to processes/orientation.yaml, the processes in the "
        "order to read them",
    ),
    "orientation-path.none-in": m(
        fi="roolilla `{role}` ei ole organisaation {organization} perehdytyspolkua, vaikka rooli tekee sen "
        "prosesseissa vaiheita: sen uudella työntekijällä ei ole luetteloa prosesseista, jotka lukea ensin",
        sv="rollen `{role}` har ingen introduktionsväg för {organization}, fast rollen har steg i dess processer: "
        "en nyanställd där har ingen lista över processer att läsa först",
        en="the role `{role}` has no orientation path of {organization}, although it has steps in its processes: "
        "a new employee there has no list of processes to read first",
    ),
    "orientation-path.none-in.hint": m(
        fi="lisää `- {{role: {role}, organization: {organization}, processes: [{listed}]}}` tiedostoon "
        "processes/orientation.yaml, prosessit siinä järjestyksessä, jossa ne luetaan",
        sv="lägg till `- {{role: {role}, organization: {organization}, processes: [{listed}]}}` i "
        "processes/orientation.yaml, med processerna i den ordning de ska läsas",
        en="add `- {{role: {role}, organization: {organization}, processes: [{listed}]}}` to "
        "processes/orientation.yaml, the processes in the order to read them",
    ),
    # --- orientation-organization -------------------------------------------------------------------
    "orientation-organization.other": m(
        fi="roolin `{role}` perehdytyspolku ({own}) nimeää prosessin `{process}`, joka on toisen organisaation "
        "({other}) prosessi",
        sv="introduktionsvägen för rollen `{role}` ({own}) nämner processen `{process}`, som hör till en annan "
        "organisation ({other})",
        en="the orientation path of the role `{role}` ({own}) names the process `{process}`, which is another "
        "organization's ({other})",
    ),
    "orientation-organization.other.hint": m(
        fi="poista `{process}` polulta tai kirjoita oman organisaatiosi vastaava prosessi; uusi työntekijä "
        "lukee oman organisaationsa käytännöt",
        sv="ta bort `{process}` från vägen eller skriv motsvarande process för din egen organisation; en nyanställd "
        "läser sin egen organisations praxis",
        en="remove `{process}` from the path or write your own organization's process for it; a new employee reads "
        "their own organization's practice",
    ),
    # --- contact-organization -----------------------------------------------------------------------
    "contact-organization.other": m(
        fi="vaihe `{step}` käyttää yhteystietoa `{contact}`, joka kuuluu toiselle organisaatiolle ({other}), "
        "vaikka prosessi on organisaation {own}",
        sv="steget `{step}` använder kontakten `{contact}`, som hör till en annan organisation ({other}), fast "
        "processen hör till {own}",
        en="the step `{step}` uses the contact `{contact}`, which belongs to another organization ({other}), though "
        "the process is {own}'s",
    ),
    "contact-organization.other.hint": m(
        fi="käytä oman organisaatiosi yhteystietoa tai korjaa yhteystiedon `{contact}` organisaatio tiedostossa "
        "processes/contacts.yaml",
        sv="använd din egen organisations kontakt eller rätta organisationen för `{contact}` i processes/contacts.yaml",
        en="use your own organization's contact, or correct the organization of `{contact}` in processes/contacts.yaml",
    ),
    # --- parallel-join ------------------------------------------------------------------------------
    "parallel-join.few-paths": m(
        fi="rinnakkaisvaiheessa `{step}` on alle kaksi polkua", sv="det parallella steget `{step}` har färre än två vägar",
        en="the parallel step `{step}` has fewer than two paths",
    ),
    "parallel-join.few-paths.hint": m(
        fi="luettele polut, jotka etenevät samaan aikaan, tai muuta vaihe tehtäväksi",
        sv="lista vägarna som löper samtidigt, eller gör steget till en uppgift",
        en="list the paths that run at the same time, or make it a task",
    ),
    "parallel-join.not-join": m(
        fi="`{join}` ei ole yhtymävaihe (`type: join`)", sv="`{join}` är inte ett föreningssteg (`type: join`)",
        en="`{join}` is not a join step",
    ),
    "parallel-join.not-join.hint": m(
        fi="merkitse vaiheeseen `{join}` `type: join` tai kirjoita tähän yhtymävaiheen tunniste",
        sv="sätt `type: join` på `{join}` eller skriv föreningsstegets id här",
        en="set `type: join` on `{join}` or name the join step here",
    ),
    "parallel-join.join-taken": m(
        fi="yhtymävaihe `{join}` kuuluu jo rinnakkaisvaiheelle `{other}`",
        sv="föreningssteget `{join}` hör redan till det parallella steget `{other}`",
        en="the join `{join}` already belongs to the parallel step `{other}`",
    ),
    "parallel-join.join-taken.hint": m(
        fi="anna jokaiselle rinnakkaisvaiheelle oma yhtymävaiheensa",
        sv="ge varje parallell delning ett eget föreningssteg",
        en="give each parallel split its own join",
    ),
    "parallel-join.path-to-self": m(
        fi="rinnakkaisvaiheen `{step}` polku johtaa takaisin rinnakkaisvaiheeseen itseensä",
        sv="en väg från det parallella steget `{step}` leder tillbaka till det parallella steget självt",
        en="a path of the parallel step `{step}` leads back to the parallel step itself",
    ),
    "parallel-join.path-to-self.hint": m(
        fi="kirjoita tähän polun ensimmäinen vaihe", sv="skriv vägens första steg här", en="name the first step of the path here"
    ),
    "parallel-join.never-joins": m(
        fi="vaiheesta `{start}` alkava polku ei koskaan päädy yhtymävaiheeseen `{join}`",
        sv="vägen som börjar i `{start}` når aldrig föreningssteget `{join}`",
        en="the path starting at `{start}` never reaches the join `{join}`",
    ),
    "parallel-join.never-joins.hint": m(
        fi="ohjaa polun viimeinen vaihe yhtymävaiheeseen kentällä `next:`",
        sv="låt vägens sista steg leda till föreningssteget med `next:`",
        en="make the path's last step lead to the join with `next:`",
    ),
    "parallel-join.orphan-join": m(
        fi="yhtymävaihe `{step}` ei kuulu millekään rinnakkaisvaiheelle",
        sv="föreningssteget `{step}` hör inte till något parallellt steg",
        en="the join `{step}` belongs to no parallel step",
    ),
    "parallel-join.orphan-join.hint": m(
        fi="mainitse se rinnakkaisvaiheessa (`join: {step}`) tai muuta se tehtäväksi",
        sv="nämn det i ett parallellt stegs `join: {step}`, eller gör det till en uppgift",
        en="name it in a parallel step's `join: {step}`, or make it a task",
    ),
    "parallel-join.leaves-back": m(
        fi="rinnakkaisvaiheen `{split}` polulla, joka alkaa vaiheesta `{start}`, vaihe `{source}` johtaa takaisin "
        "rinnakkaisvaiheeseen `{split}`, joka aloittaisi kaikki polut alusta ennen kuin ne kohtaavat "
        "yhtymävaiheessa `{join}`",
        sv="på vägen från det parallella steget `{split}` som börjar i `{start}` leder `{source}` tillbaka till "
        "det parallella steget `{split}`, som skulle starta alla vägar igen innan de möts i föreningssteget `{join}`",
        en="on the path of the parallel step `{split}` that starts at `{start}`, `{source}` leads back to the "
        "parallel step `{split}`, which would start every path again before they meet at the join `{join}`",
    ),
    "parallel-join.leaves-to-end": m(
        fi="rinnakkaisvaiheen `{split}` polulla, joka alkaa vaiheesta `{start}`, vaihe `{source}` johtaa "
        "loppuvaiheeseen `{target}`, joten prosessi voi päättyä ilman, että polut kohtaavat yhtymävaiheessa `{join}`",
        sv="på vägen från det parallella steget `{split}` som börjar i `{start}` leder `{source}` till slutet "
        "`{target}`, så processen kan sluta utan att vägarna möts i föreningssteget `{join}`",
        en="on the path of the parallel step `{split}` that starts at `{start}`, `{source}` leads to the end "
        "`{target}`, so the process can end without the paths meeting at the join `{join}`",
    ),
    "parallel-join.leaves-on-to-end": m(
        fi="rinnakkaisvaiheen `{split}` polulla, joka alkaa vaiheesta `{start}`, vaihe `{source}` johtaa "
        "vaiheeseen `{target}` ja siitä loppuvaiheeseen `{end}`, joten prosessi voi päättyä ilman, että polut "
        "kohtaavat yhtymävaiheessa `{join}`",
        sv="på vägen från det parallella steget `{split}` som börjar i `{start}` leder `{source}` till `{target}` "
        "och vidare till slutet `{end}`, så processen kan sluta utan att vägarna möts i föreningssteget `{join}`",
        en="on the path of the parallel step `{split}` that starts at `{start}`, `{source}` leads to `{target}` "
        "and on to the end `{end}`, so the process can end without the paths meeting at the join `{join}`",
    ),
    "parallel-join.leaves-out": m(
        fi="rinnakkaisvaiheen `{split}` polulla, joka alkaa vaiheesta `{start}`, vaihe `{source}` johtaa "
        "vaiheeseen `{target}`, pois rinnakkaisista poluista, kohtaamatta muita polkuja yhtymävaiheessa `{join}`",
        sv="på vägen från det parallella steget `{split}` som börjar i `{start}` leder `{source}` till `{target}`, "
        "ut ur delningen, utan att möta de andra vägarna i föreningssteget `{join}`",
        en="on the path of the parallel step `{split}` that starts at `{start}`, `{source}` leads to `{target}`, "
        "out of the split, without meeting the other paths at the join `{join}`",
    ),
    "parallel-join.leaves.hint-end": m(
        fi="ohjaa se yhtymävaiheeseen `{join}` tai johonkin sitä edeltävään polun vaiheeseen; päätä prosessi vasta "
        "yhtymävaiheen jälkeen",
        sv="led det till föreningssteget `{join}` eller till ett steg på vägen före det; avsluta processen först "
        "efter föreningssteget",
        en="lead it to the join `{join}` or to a step on the path before it; end the process only after the join",
    ),
    "parallel-join.leaves.hint-again": m(
        fi="ohjaa se yhtymävaiheeseen `{join}` tai johonkin sitä edeltävään polun vaiheeseen; jos polut on käytävä "
        "uudelleen, päätä siitä yhtymävaiheen jälkeen ja ohjaa takaisin sieltä",
        sv="led det till föreningssteget `{join}` eller till ett steg på vägen före det; för att gå igenom vägarna "
        "igen, besluta om det efter föreningssteget och led tillbaka därifrån",
        en="lead it to the join `{join}` or to a step on the path before it; to do the paths again, decide that "
        "after the join and lead back from there",
    ),
    "parallel-join.enters-path": m(
        fi="vaihe `{source}` johtaa rinnakkaisten polkujen ulkopuolelta vaiheeseen `{target}`, joka on "
        "rinnakkaisvaiheen `{split}` vaiheesta `{start}` alkavalla polulla, joten yhtymävaihe `{join}` odottaisi "
        "polkuja, jotka eivät koskaan alkaneet",
        sv="`{source}` leder utifrån till `{target}`, på vägen från det parallella steget `{split}` som börjar i "
        "`{start}`, så föreningssteget `{join}` skulle vänta på vägar som aldrig startade",
        en="`{source}` leads to `{target}`, on the path of the parallel step `{split}` that starts at `{start}`, "
        "from outside the split, so the join `{join}` would wait for paths that never started",
    ),
    "parallel-join.enters-join": m(
        fi="vaihe `{source}` johtaa rinnakkaisten polkujen ulkopuolelta rinnakkaisvaiheen `{split}` "
        "yhtymävaiheeseen `{join}`, joten yhtymävaihe odottaisi polkuja, jotka eivät koskaan alkaneet",
        sv="`{source}` leder utifrån till föreningssteget `{join}` för det parallella steget `{split}`, så "
        "föreningssteget skulle vänta på vägar som aldrig startade",
        en="`{source}` leads to the join `{join}` of the parallel step `{split}` from outside the split, so the "
        "join would wait for paths that never started",
    ),
    "parallel-join.enters.hint": m(
        fi="ohjaa se itse rinnakkaisvaiheeseen `{split}` tai johonkin yhtymävaiheen `{join}` jälkeiseen vaiheeseen",
        sv="led det till det parallella steget `{split}` självt, eller till ett steg efter föreningssteget `{join}`",
        en="lead it to the parallel step `{split}` itself, or to a step after the join `{join}`",
    ),
    # --- practice-* ---------------------------------------------------------------------------------
    "practice-exists.unknown": m(
        fi="prosessi viittaa toimintamalliin `{practice}`, mutta tiedostoa practices/{practice}.yaml ei ole",
        sv="processen nämner verksamhetsmodellen `{practice}`, men det finns ingen practices/{practice}.yaml",
        en="the process names the practice `{practice}`, but there is no practices/{practice}.yaml",
    ),
    "practice-exists.unknown.hint": m(
        fi="kirjoita kansiossa practices/ olevan tiedoston nimi ilman päätettä .yaml tai poista rivi",
        sv="skriv namnet på en fil i practices/ (utan .yaml) eller ta bort raden",
        en="write the id of a file in practices/ (without .yaml) or remove the line",
    ),
    "practice-figure-data.figure-twice": m(
        fi="kuvion tunniste `{id}` on käytössä kahdesti (ensimmäinen rivillä {line})",
        sv="figurens id `{id}` används två gånger (första gången på rad {line})",
        en="the figure id `{id}` is used twice (first on line {line})",
    ),
    "practice-figure-data.figure-twice.hint": m(
        fi="anna jokaiselle kuviolle oma tunnisteensa", sv="ge varje figur ett eget id", en="give each figure its own id"
    ),
    "practice-figure-data.measured-not-date": m(
        fi="kentän `measured` arvo '{value}' ei ole päivämäärä", sv="`measured` är '{value}', inte ett datum",
        en="`measured` is '{value}', not a date",
    ),
    "practice-figure-data.measured-not-date.hint": m(
        fi="kirjoita mittausajankohta muodossa VVVV, VVVV-KK tai VVVV-KK-PP, esim. 2021-03",
        sv="skriv när resultaten mättes som ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD, t.ex. 2021-03",
        en="write when the results were measured as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2021-03",
    ),
    "practice-figure-data.no-rows": m(
        fi="kuviossa `{id}` ei ole yhtään riviä", sv="figuren `{id}` har inga rader", en="the figure `{id}` has no rows"
    ),
    "practice-figure-data.no-rows.hint": m(
        fi="lisää vähintään yksi rivi lukuja", sv="lägg till minst en rad med tal", en="add at least one row of numbers"
    ),
    "practice-figure-data.row-missing": m(
        fi="`{type}`-kuvion rivillä '{label}' ei ole kenttää {missing}",
        sv="raden '{label}' i en `{type}`-figur saknar {missing}",
        en="the row '{label}' of a `{type}` figure has no {missing}",
    ),
    "practice-figure-data.row-missing.hint": m(
        fi="`{type}`-kuvion rivillä tarvitaan {needed}", sv="en rad i en `{type}`-figur behöver {needed}",
        en="a `{type}` row needs {needed}",
    ),
    "practice-figure-data.not-allowed": m(
        fi="kenttä `{name}` ei kuulu `{type}`-kuvioon", sv="`{name}` hör inte hemma i en `{type}`-figur",
        en="`{name}` does not belong in a `{type}` figure",
    ),
    "practice-figure-data.not-allowed.hint": m(
        fi="poista se tai vaihda kuvion tyyppi (`type`); `{type}`-kuvion rivillä on {allowed}",
        sv="ta bort det, eller ändra figurens `type`; en rad i en `{type}`-figur har {allowed}",
        en="remove it, or change the figure's `type`; a `{type}` row has {allowed}",
    ),
    "practice-figure-data.mean-outside": m(
        fi="rivillä '{label}' pienin arvo on {min:g}, keskiarvo {mean:g} ja suurin arvo {max:g}; keskiarvon on "
        "oltava niiden välissä",
        sv="raden '{label}' har min {min:g}, medelvärde {mean:g} och max {max:g}; medelvärdet måste ligga mellan dem",
        en="the row '{label}' has min {min:g}, mean {mean:g} and max {max:g}; the mean must lie between them",
    ),
    "practice-figure-data.mean-outside.hint": m(
        fi="tarkista luvut lähteestä", sv="kontrollera talen mot källan", en="check the numbers against the source"
    ),
    "practice-figure-data.scale-order": m(
        fi="kentän `scale_max` arvon on oltava suurempi kuin kentän `scale_min`",
        sv="`scale_max` måste vara större än `scale_min`",
        en="`scale_max` must be greater than `scale_min`",
    ),
    "practice-figure-data.scale-order.hint": m(
        fi="vaihda ne keskenään tai poista toinen", sv="byt plats på dem eller ta bort det ena",
        en="swap them or remove one",
    ),
    "practice-figure-data.scale-fit": m(
        fi="kuvion luvut ({low:g}–{high:g}) eivät mahdu sen asteikolle",
        sv="figurens tal ({low:g}–{high:g}) ryms inte på dess skala",
        en="the figure's numbers ({low:g}–{high:g}) do not fit its scale",
    ),
    "practice-figure-data.scale-fit.hint": m(
        fi="laajenna asteikkoa tai poista `scale_min`/`scale_max`, jolloin asteikko sovitetaan lukuihin",
        sv="vidga skalan, eller ta bort `scale_min`/`scale_max` så att den anpassas till talen",
        en="widen the scale, or remove `scale_min`/`scale_max` to fit it to the data",
    ),
    "practice-figure-data.percent": m(
        fi="prosenttikuviossa on luku, joka on alle 0 tai yli 100",
        sv="en procentfigur har ett tal under 0 eller över 100",
        en="a percentage figure has a number below 0 or above 100",
    ),
    "practice-figure-data.percent.hint": m(
        fi="tarkista luvut tai vaihda yksikkö", sv="kontrollera talen, eller ändra enheten",
        en="check the numbers, or change the unit",
    ),
    "practice-id-matches-file.bad-slug": m(
        fi="toimintamallin tunnistetta `{id}` ei voi käyttää: {problem}",
        sv="verksamhetsmodellens id `{id}` kan inte användas: {problem}",
        en="the practice id `{id}` cannot be used: {problem}",
    ),
    "practice-id-matches-file.bad-slug.hint": m(
        fi="käytä esim. tunnistetta `{suggestion}` ja nimeä tiedosto sen mukaan",
        sv="använd t.ex. `{suggestion}` och byt namn på filen så att den stämmer",
        en="use e.g. `{suggestion}` and rename the file to match",
    ),
    "practice-id-matches-file.reserved": m(
        fi="toimintamallin tunniste `{id}` on varattu käsikirjan omille sivuille",
        sv="verksamhetsmodellens id `{id}` är reserverat för handbokens egna sidor",
        en="the practice id `{id}` is reserved for the handbook's own pages",
    ),
    "practice-id-matches-file.reserved.hint": m(
        fi="valitse tarkempi tunniste, esim. `{id}-malli`, ja nimeä tiedosto sen mukaan",
        sv="välj ett mer specifikt id, t.ex. `{id}-malli`, och byt namn på filen så att den stämmer",
        en="choose a more specific id, e.g. `{id}-malli`, and rename the file to match",
    ),
    "practice-id-matches-file.differs": m(
        fi="toimintamallin tunniste `{id}` on eri kuin tiedoston nimi `{stem}.yaml`",
        sv="verksamhetsmodellens id `{id}` skiljer sig från filnamnet `{stem}.yaml`",
        en="the practice id `{id}` differs from the file name `{stem}.yaml`",
    ),
    "practice-known-process.unknown": m(
        fi="toimintamallissa mainitaan prosessi `{process}`, mutta sellaista prosessia ei ole",
        sv="verksamhetsmodellen nämner processen `{process}`, men någon sådan process finns inte",
        en="the practice lists the process `{process}`, but there is no such process",
    ),
    "practice-known-process.twice": m(
        fi="prosessi `{process}` on luettelossa kahdesti", sv="processen `{process}` står två gånger i listan",
        en="the process `{process}` is listed twice",
    ),
    "practice-known-process.twice.hint": m(fi="poista jälkimmäinen", sv="ta bort den andra", en="remove the second one"),
    "practice-known-process.row-unknown": m(
        fi="tulos '{label}' mittaa prosessia `{process}`, mutta sellaista prosessia ei ole",
        sv="resultatet '{label}' mäter processen `{process}`, men någon sådan process finns inte",
        en="the result '{label}' measures the process `{process}`, but there is no such process",
    ),
    "practice-known-target.no-process": m(
        fi="tuloksessa '{label}' mainitaan tavoite `{target}`, mutta ei prosessia",
        sv="resultatet '{label}' nämner målet `{target}` men ingen process",
        en="the result '{label}' names the target `{target}` but no process",
    ),
    "practice-known-target.no-process.hint": m(
        fi="lisää `process:` ja sen prosessin tunniste, jonka tavoite se on",
        sv="lägg till `process:` med id:t för processen som målet hör till",
        en="add `process:` with the id of the process whose target it is",
    ),
    "practice-known-target.no-target": m(
        fi="tuloksessa '{label}' mainitaan prosessi `{process}`, mutta ei mitään sen tavoitteista",
        sv="resultatet '{label}' nämner processen `{process}` men inget av dess mål",
        en="the result '{label}' names the process `{process}` but none of its targets",
    ),
    "practice-known-target.no-target.hint": m(
        fi="lisää `target:` ja jonkin prosessin tavoitteen (`targets`) tunniste",
        sv="lägg till `target:` med id:t för ett av processens mål (`targets`)",
        en="add `target:` with the id of one of the process's `targets`",
    ),
    "practice-known-target.unknown": m(
        fi="prosessilla `{process}` ei ole tavoitetta `{target}`", sv="processen `{process}` har inget mål `{target}`",
        en="the process `{process}` has no target `{target}`",
    ),
    "practice-known-target.ids.hint": m(
        fi="prosessin tavoitteiden tunnisteet ovat {ids}", sv="processens mål-id:n är {ids}",
        en="the process's target ids are {ids}",
    ),
    "practice-known-target.give-id.hint": m(
        fi="anna tavoitteelle tunniste (`id:`) tiedostossa processes/{process}.yaml",
        sv="ge målet ett `id:` i processes/{process}.yaml",
        en="give the target an `id:` in processes/{process}.yaml",
    ),
    "practice-links-both-ways.not-named": m(
        fi="toimintamallissa mainitaan `{process}`, mutta prosessi ei mainitse toimintamallia kohdassa "
        "`source.practice`",
        sv="verksamhetsmodellen nämner `{process}`, men den processen nämner inte modellen i `source.practice`",
        en="the practice lists `{process}`, but that process does not name it in `source.practice`",
    ),
    "practice-links-both-ways.not-named.hint": m(
        fi="lisää `practice: {practice}` kohdan `source:` alle tiedostossa processes/{process}.yaml",
        sv="lägg till `practice: {practice}` under `source:` i processes/{process}.yaml",
        en="add `practice: {practice}` under `source:` in processes/{process}.yaml",
    ),
    "practice-links-both-ways.other-named": m(
        fi="toimintamallissa mainitaan `{process}`, mutta prosessi viittaa toimintamalliin `{named}`",
        sv="verksamhetsmodellen nämner `{process}`, men den processen nämner verksamhetsmodellen `{named}`",
        en="the practice lists `{process}`, but that process names the practice `{named}`",
    ),
    "practice-links-both-ways.other-named.hint": m(
        fi="mainitse prosessi vain yhdessä toimintamallissa tai kirjoita `practice: {practice}` tiedostoon "
        "processes/{process}.yaml",
        sv="nämn processen i bara en verksamhetsmodell, eller skriv `practice: {practice}` i processes/{process}.yaml",
        en="list the process in one practice only, or set `practice: {practice}` in processes/{process}.yaml",
    ),
    "practice-links-both-ways.not-listed": m(
        fi="prosessi viittaa toimintamalliin `{practice}`, mutta toimintamalli ei mainitse prosessia kohdassa "
        "`processes`",
        sv="processen nämner verksamhetsmodellen `{practice}`, som inte har med den i `processes`",
        en="the process names the practice `{practice}`, which does not list it in `processes`",
    ),
    "practice-links-both-ways.not-listed.hint": m(
        fi="lisää `{process}` kohtaan `processes:` tiedostossa practices/{practice}.yaml",
        sv="lägg till `{process}` i `processes:` i practices/{practice}.yaml",
        en="add `{process}` to `processes:` in practices/{practice}.yaml",
    ),
    "practice-required-sections.missing": m(
        fi="toimintamallista puuttuu osio `{name}` ({title})", sv="verksamhetsmodellen saknar avsnittet `{name}` ({title})",
        en="the practice has no section `{name}` ({title})",
    ),
    "practice-required-sections.missing.hint": m(
        fi="lisää `{name}:` ja lähteen teksti tai `{name}: {{not_in_source: true}}`, jos lähteessä ei ole tätä osiota",
        sv="lägg till `{name}:` med källans text, eller `{name}: {{not_in_source: true}}` när källan saknar avsnittet",
        en="add `{name}:` with the source's text, or `{name}: {{not_in_source: true}}` when the source has none",
    ),
    "practice-required-sections.empty": m(
        fi="osio `{name}` ({title}) on tyhjä", sv="avsnittet `{name}` ({title}) är tomt",
        en="the section `{name}` ({title}) is empty",
    ),
    "practice-required-sections.empty.hint": m(
        fi="kirjoita sen teksti (`text`) tai kohdat (`points`) tai merkitse `not_in_source: true`, jos lähteessä ei "
        "ole tätä osiota",
        sv="skriv dess `text` eller `points`, eller sätt `not_in_source: true` när källan saknar ett sådant avsnitt",
        en="write its `text` or `points`, or set `not_in_source: true` when the source has no such section",
    ),
    "practice-required-sections.no-processes": m(
        fi="toimintamallissa ei mainita yhtään prosessia, jota se kuvaa",
        sv="verksamhetsmodellen nämner ingen process som den beskriver",
        en="the practice names no process it describes",
    ),
    "practice-required-sections.no-processes.hint": m(
        fi="luettele sen prosessien tunnisteet: `processes: [prosessin-tunniste]` (kansion processes/ tiedostojen "
        "nimet ilman päätettä .yaml)",
        sv="lista id:n för dess processer: `processes: [process-id]` (filer i processes/ utan .yaml)",
        en="list the ids of its processes: `processes: [process-id]` (files in processes/ without .yaml)",
    ),
    "what.practice-name": m(fi="toimintamallin nimi", sv="verksamhetsmodellens namn", en="the practice's name"),
    "what.practice-name.hint": m(
        fi="kirjoita toimintamallin nimi niin kuin se on lähteessä",
        sv="skriv verksamhetsmodellens namn som i källan",
        en="write the name of the practice, as in its source",
    ),
    "what.practice-summary.hint": m(
        fi="kirjoita yhdellä–neljällä lauseella, mikä toimintamalli on",
        sv="skriv med en till fyra meningar vad verksamhetsmodellen är",
        en="write in one to four sentences what the practice is",
    ),
    "what.practice-organization": m(fi="organisaatio", sv="organisationen", en="the organization"),
    "what.practice-organization.hint": m(
        fi="kirjoita, kuka toimintamallin on kehittänyt", sv="skriv vem som utvecklade verksamhetsmodellen",
        en="write who developed the practice",
    ),
    "what.practice-region": m(fi="alue", sv="området", en="the region"),
    "what.practice-region.hint": m(
        fi="kirjoita alue tai kunnat, joita toimintamalli koskee",
        sv="skriv området eller kommunerna som verksamhetsmodellen omfattar",
        en="write the region or municipalities the practice covers",
    ),
    "what.practice-source-title.hint": m(
        fi="kirjoita lähdeasiakirjan otsikko niin kuin se on kirjoitettu",
        sv="skriv källdokumentets titel som den är skriven",
        en="write the title of the source document, as written",
    ),
    "what.practice-figure-title": m(
        fi="kuvion `{id}` otsikko", sv="titeln på figuren `{id}`", en="the title of the figure `{id}`"
    ),
    "what.practice-figure-title.hint": m(
        fi="kirjoita, mitä kuvio esittää", sv="skriv vad figuren visar", en="write what the figure shows"
    ),
    "what.practice-before-label": m(
        fi="kuvion `{id}` 'ennen'-selite", sv="etiketten 'före' i figuren `{id}`",
        en="the 'before' label of the figure `{id}`",
    ),
    "what.practice-after-label": m(
        fi="kuvion `{id}` 'jälkeen'-selite", sv="etiketten 'efter' i figuren `{id}`",
        en="the 'after' label of the figure `{id}`",
    ),
    "what.practice-label.hint": m(
        fi="kirjoita se tai poista `{key}:`", sv="skriv den, eller ta bort `{key}:`", en="write it, or delete `{key}:`"
    ),
    "what.practice-row-label": m(
        fi="kuvion `{id}` rivin {n} selite", sv="etiketten för rad {n} i figuren `{id}`",
        en="the label of row {n} of the figure `{id}`",
    ),
    "what.practice-row-label.hint": m(
        fi="kirjoita, mitä rivi mittaa, esim. asiakasryhmä", sv="skriv vad raden mäter, t.ex. en klientgrupp",
        en="write what this row measures, e.g. a client group",
    ),
    "what.practice-more-title": m(
        fi="kohdan `more` osion {n} otsikko", sv="titeln på avsnitt {n} under `more`",
        en="the title of section {n} under `more`",
    ),
    "what.practice-more-title.hint": m(
        fi="kirjoita osion otsikko", sv="skriv avsnittets titel", en="write the section's title"
    ),
    "what.practice-team-role": m(
        fi="kehittäjäryhmän rooli {n}", sv="utvecklingsgruppens roll {n}", en="team role {n}"
    ),
    "what.practice-team-role.hint": m(
        fi="kirjoita tehtävänimike, esim. `role: Projektipäällikkö` (ei koskaan henkilön nimeä)",
        sv="skriv befattningen, t.ex. `role: Projektipäällikkö` (aldrig en persons namn)",
        en="write the position, e.g. `role: Projektipäällikkö` (never a person's name)",
    ),
    "practice-valid-date.not-date": m(
        fi="'{value}' ei ole päivämäärä", sv="'{value}' är inte ett datum", en="'{value}' is not a date"
    ),
    "practice-valid-date.out-of-range": m(
        fi="päivämäärä {value} ei ole vuosien {earliest} ja {latest} välillä",
        sv="datumet {value} ligger inte mellan åren {earliest} och {latest}",
        en="the date {value} is not between the years {earliest} and {latest}",
    ),
    "practice-valid-date.source-date.hint": m(
        fi="kirjoita lähteen päivämäärä muodossa VVVV-KK-PP, esim. 2021-05-12 tarkoittaa 12.5.2021",
        sv="skriv källans datum som ÅÅÅÅ-MM-DD, t.ex. 2021-05-12 för 12.5.2021",
        en="write the source's date as YYYY-MM-DD, e.g. 2021-05-12 for 12.5.2021",
    ),
    "practice-valid-date.no-such-day": m(
        fi="kentän `measured` arvo on '{value}', mutta sellaista päivää ei ole",
        sv="`measured` är '{value}', men den dagen finns inte",
        en="`measured` is '{value}', but that day does not exist",
    ),
    "practice-valid-date.no-such-day.hint": m(
        fi="tarkista päivä ja kuukausi: VVVV-KK-PP tai pelkkä VVVV-KK, jos päivää ei tiedetä",
        sv="kontrollera dagen och månaden: ÅÅÅÅ-MM-DD, eller bara ÅÅÅÅ-MM när dagen inte är känd",
        en="check the day and the month: YYYY-MM-DD, or just YYYY-MM when the day is not known",
    ),
    "practice-valid-date.year.hint": m(
        fi="tarkista vuosi: kirjoita päivämäärä muodossa VVVV-KK-PP, esim. 2021-05-12 tarkoittaa 12.5.2021",
        sv="kontrollera året: skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2021-05-12 för 12.5.2021",
        en="check the year: write the date as YYYY-MM-DD, e.g. 2021-05-12 for 12.5.2021",
    ),
    "practice-valid-date.future": m(
        fi="päivämäärä {value} on tulevaisuudessa (tänään on {today})",
        sv="datumet {value} ligger i framtiden (i dag är det {today})",
        en="the date {value} is in the future (today is {today})",
    ),
    "practice-valid-date.future.hint": m(
        fi="kirjoita jo mennyt päivä, jolloin lähde julkaistiin tai tulokset mitattiin",
        sv="skriv när källan publicerades eller resultaten mättes, vilket redan har hänt",
        en="write when the source was published or the results were measured, which has already happened",
    ),
    # --- process-size / promise-order / promise-within ---------------------------------------------
    "process-size.too-big": m(
        fi="prosessissa on {n:,} vaihetta, enemmän kuin kaavioon mahtuvat {max:,}, joten sen sivulla ei ole kaaviota",
        sv="processen har {n:,} steg, fler än de {max:,} som ett diagram kan visa, så dess sida får inget diagram",
        en="the process has {n:,} steps, more than the {max:,} a diagram can show, so its page will have no diagram",
    ),
    "process-size.too-big.hint": m(
        fi="jaa se pienempiin prosesseihin, kukin omaan tiedostoonsa, ja suorita ne täältä `type: call` -vaiheilla "
        "(`process: <toisen tiedoston tunniste>`)",
        sv="dela upp den i mindre processer, var och en i en egen fil, och kör dem härifrån med `type: call`-steg "
        "(`process: <id för den andra filen>`)",
        en="split it into smaller processes, each in its own file, and run them from here with `type: call` steps "
        "(`process: <id of the other file>`)",
    ),
    "promise-order.no-path": m(
        fi="palvelulupaus ulottuu vaiheesta `{start}` vaiheeseen `{end}`, mutta ensimmäisestä ei johda polkua "
        "jälkimmäiseen",
        sv="servicelöftet gäller från `{start}` till `{end}`, men ingen väg leder från det första till det andra",
        en="the promise runs from `{start}` to `{end}`, but no path leads from the first to the second",
    ),
    "promise-order.no-path.hint": m(
        fi="vaihda `from` ja `to` keskenään tai mainitse vaiheet, jotka seuraavat toisiaan",
        sv="byt plats på `from` och `to`, eller nämn steg som följer på varandra",
        en="swap `from` and `to`, or name steps that follow each other",
    ),
    "target-promise.unknown": m(
        fi="tavoite mittaa lupausta `{promise}`, mutta prosessilla ei ole sen nimistä palvelulupausta, joten tavoitetta "
        "ei voi verrata mitattuun",
        sv="målet mäter löftet `{promise}`, men processen har inget servicelöfte med det namnet, så målet kan inte "
        "jämföras med det uppmätta",
        en="the target measures the promise `{promise}`, but the process has no promise of that name, so the target "
        "cannot be compared with what is measured",
    ),
    "target-promise.names.hint": m(
        fi="prosessin lupaukset ovat {names} (lupauksen `id` tai, jos sillä ei ole tunnistetta, `<from>-<to>`)",
        sv="processens löften är {names} (löftets `id`, eller `<from>-<to>` för ett löfte utan id)",
        en="the process's promises are {names} (a promise's `id`, or `<from>-<to>` for one without)",
    ),
    "target-promise.no-promises.hint": m(
        fi="prosessilla ei ole palvelulupauksia (`promises:`): lisää lupaus tai poista tavoitteelta `promise:`",
        sv="processen har inga servicelöften (`promises:`): lägg till ett löfte eller ta bort målets `promise:`",
        en="the process has no service promises (`promises:`): add one, or remove the target's `promise:`",
    ),
    "promise-within.differs": m(
        fi="palvelulupauksen määräaika on `{within}`, mutta {against}",
        sv="servicelöftet säger `{within}`, men {against}",
        en="the promise says `{within}`, but {against}",
    ),
    "said.wait": m(
        fi="odotusvaiheen `{step}`, johon lupaus päättyy, määräaika on `{within}`",
        sv="väntsteget `{step}` som löftet slutar vid säger `{within}`",
        en="the wait step `{step}` it ends at says `{within}`",
    ),
    "said.name": m(
        fi="lupauksen nimessä lukee '{words}'", sv="dess namn säger '{words}'", en="its name says '{words}'"
    ),
    "said.step-name": m(
        fi="vaiheen `{step}` nimessä lukee '{words}'", sv="namnet på steget `{step}` säger '{words}'",
        en="the name of the step `{step}` says '{words}'",
    ),
    "said.description": m(
        fi="vaiheen `{step}` kuvauksessa lukee '{words}'", sv="beskrivningen av `{step}` säger '{words}'",
        en="the description of `{step}` says '{words}'",
    ),
    "promise-within.differs.hint": m(
        fi="yhtenäistä ne: korjaa tämä `within:` tai se, mikä sanoo muuta",
        sv="gör så att de säger samma sak: rätta den här `within:`, eller det som säger något annat",
        en="make them say the same: correct this `within:`, or what says otherwise",
    ),
    # --- law-limit / law-in-force / law-ending -----------------------------------------------------
    "law-limit.longer": m(
        fi="`{within}` on pidempi kuin lakisääteinen määräaika `{law}` ({act} {section}: {limit}): esimerkiksi "
        "{day} alkaen se päättyy myöhemmin",
        sv="`{within}` är längre än den lagstadgade fristen `{law}` ({act} {section}: {limit}): till exempel från "
        "{day} slutar den senare",
        en="`{within}` is longer than the statutory time limit `{law}` ({act} {section}: {limit}): started on {day}, "
        "for example, it ends later",
    ),
    "law-limit.longer.hint": m(
        fi="lupaa enintään `{limit}` tai poista viittaus `law:`, jos laki ei koske tätä vaihetta",
        sv="lova högst `{limit}`, eller ta bort `law:` om lagen inte gäller detta steg",
        en="promise at most `{limit}`, or remove `law:` if the act does not apply to this step",
    ),
    "law-in-force.not-in-force": m(
        fi="määräaika `{law}` ei ole voimassa prosessin alkaessa {valid_from} ({period})",
        sv="fristen `{law}` gäller inte när processen börjar {valid_from} ({period})",
        en="the time limit `{law}` is not in force when the process starts on {valid_from} ({period})",
    ),
    "what.law-period": m(fi="voimassa {start}–{end}", sv="gäller {start}–{end}", en="in force {start}–{end}"),
    "law-in-force.not-in-force.hint": m(
        fi="viittaa määräaikaan, joka on voimassa prosessin alkaessa, tai korjaa `valid_from`",
        sv="hänvisa till en frist som gäller när processen börjar, eller rätta `valid_from`",
        en="cite a limit in force when the process starts, or correct `valid_from`",
    ),
    "law-in-force.not-in-force.hint-newer": m(
        fi="silloin voimassa on `{newer}`: kirjoita `law: {newer}` ja tarkista lupaus sitä vasten",
        sv="då gäller `{newer}`: skriv `law: {newer}` och kontrollera löftet mot den",
        en="`{newer}` is in force then: write `law: {newer}` and check the promise against it",
    ),
    "law-ending.ends": m(
        fi="määräaika `{law}` päättyy {end}, ennen prosessin seuraavaa tarkistusta {due}",
        sv="fristen `{law}` upphör {end}, före processens nästa granskning {due}",
        en="the time limit `{law}` ends on {end}, before the process's next review on {due}",
    ),
    "law-ending.ended": m(
        fi="määräaika `{law}` päättyi {end}, mutta prosessi viittaa siihen yhä (seuraava tarkistus {due})",
        sv="fristen `{law}` upphörde {end}, men processen hänvisar ännu till den (nästa granskning {due})",
        en="the time limit `{law}` ended on {end}, but the process still cites it (next review on {due})",
    ),
    "law-ending.ends.hint": m(
        fi="tarkista lupaus uutta säännöstä vasten ja päivitä `law:` (katso laws.yaml)",
        sv="kontrollera löftet mot den nya regeln och uppdatera `law:` (se laws.yaml)",
        en="check the promise against the new rule and update `law:` (see laws.yaml)",
    ),
    # --- reachable / reaches-end / review-overdue / role-required ----------------------------------
    "reachable.unreachable": m(
        fi="mikään polku alkuvaiheesta ei johda vaiheeseen `{step}`",
        sv="ingen väg från en start leder till steget `{step}`",
        en="no path from a start leads to the step `{step}`",
    ),
    "reachable.unreachable.hint": m(
        fi="ohjaa siihen jokin `next` tai päätöksen vaihtoehto tai poista vaihe",
        sv="låt en `next` eller en gren peka på det, eller ta bort steget",
        en="point a `next` or a branch at it, or remove the step",
    ),
    "reaches-end.stuck": m(
        fi="vaiheesta `{step}` ei johda mikään polku loppuvaiheeseen: asiakas jäisi tähän jumiin",
        sv="från steget `{step}` leder ingen väg till ett slut: klienten skulle fastna här",
        en="from the step `{step}` no path leads to an end: the client would be stuck here",
    ),
    "reaches-end.stuck.hint": m(
        fi="tee silmukasta ulospääsy, esim. päätöksen vaihtoehto myöhempään vaiheeseen tai loppuvaiheeseen",
        sv="ge slingan en väg ut, t.ex. en beslutsgren till ett senare steg eller ett slut",
        en="give the loop a way out, e.g. a decision branch to a later step or an end",
    ),
    "review-overdue.due": m(
        fi="tarkistus olisi pitänyt tehdä viimeistään {due} ({months} kuukautta tarkistuksesta {reviewed})",
        sv="granskningen skulle ha gjorts senast {due} ({months} månader efter {reviewed})",
        en="the review was due on {due} ({months} months after {reviewed})",
    ),
    "review-overdue.due.hint": m(
        fi="tarkista prosessi sen omistajan kanssa ja kirjoita sitten tarkistuksen päivämäärä kenttään `reviewed:`",
        sv="granska processen med dess ägare och sätt sedan `reviewed:` till granskningens datum",
        en="review the process with its owner, then set `reviewed:` to the review's date",
    ),
    "role-required.task": m(
        fi="tehtävällä `{step}` ei ole roolia (`role`): henkilöstö ei tiedä, kenen työtä se on",
        sv="uppgiften `{step}` har ingen `role`: personalen kan inte se vems arbete den är",
        en="the task `{step}` has no `role`: staff cannot tell whose work it is",
    ),
    "role-required.decision": m(
        fi="päätöksellä `{step}` ei ole roolia (`role`): henkilöstö ei tiedä, kenen tehtävä se on",
        sv="beslutet `{step}` har ingen `role`: personalen kan inte se vems arbete det är",
        en="the decision `{step}` has no `role`: staff cannot tell whose work it is",
    ),
    "role-required.wait": m(
        fi="odotusvaiheella `{step}` ei ole roolia (`role`): henkilöstö ei tiedä, kenen työtä se on",
        sv="väntan `{step}` har ingen `role`: personalen kan inte se vems arbete den är",
        en="the wait `{step}` has no `role`: staff cannot tell whose work it is",
    ),
    "role-required.roles.hint": m(
        fi="lisää `role:` ja jokin näistä: {roles}", sv="lägg till `role:` med en av {roles}",
        en="add `role:` with one of {roles}",
    ),
    "role-required.any.hint": m(
        fi="lisää `role:` ja roolin tunniste", sv="lägg till `role:` med ett roll-id", en="add `role:` with a role id"
    ),
    # --- slug-ids -----------------------------------------------------------------------------------
    "slug-ids.bad": m(
        fi="tunniste `{id}` ei kelpaa: {problem}", sv="id:t `{id}` är inte tillåtet: {problem}",
        en="the id `{id}` is not allowed: {problem}",
    ),
    "slug-ids.bad.hint": m(
        fi="käytä esim. tunnistetta `{suggestion}`", sv="använd t.ex. `{suggestion}`", en="use e.g. `{suggestion}`"
    ),
    "slug-ids.reserved": m(
        fi="tunniste `{id}` on varattu käsikirjan omille sivuille",
        sv="id:t `{id}` är reserverat för handbokens egna sidor",
        en="the id `{id}` is reserved for the handbook's own pages",
    ),
    "slug-ids.reserved.hint": m(
        fi="valitse tarkempi tunniste, esim. `{id}-prosessi`", sv="välj ett mer specifikt id, t.ex. `{id}-prosessi`",
        en="choose a more specific id, e.g. `{id}-prosessi`",
    ),
    # --- text-required: what a blank text is, and what to write -------------------------------------
    "what.area-name": m(fi="palvelualueen `{id}` nimi", sv="namnet på området `{id}`", en="the name of the area `{id}`"),
    "what.area-name.hint": m(
        fi="kirjoita palvelualueen nimi", sv="skriv serviceområdets namn", en="write the service area's name"
    ),
    "what.organization-name": m(
        fi="organisaation `{id}` nimi", sv="namnet på organisationen `{id}`", en="the name of the organization `{id}`"
    ),
    "what.organization-name.hint": m(
        fi="kirjoita organisaation nimi", sv="skriv organisationens namn", en="write the organization's name"
    ),
    "what.role-name": m(fi="roolin `{id}` nimi", sv="namnet på rollen `{id}`", en="the name of the role `{id}`"),
    "what.role-name.hint": m(
        fi="kirjoita roolin nimike, esim. `name: Sosiaaliohjaaja`", sv="skriv rollens titel, t.ex. `name: Sosiaaliohjaaja`",
        en="write the role's title, e.g. `name: Sosiaaliohjaaja`",
    ),
    "what.term": m(fi="termi `{id}`", sv="termen `{id}`", en="the term `{id}`"),
    "what.term.hint": m(
        fi="kirjoita itse termi, esim. `term: hoidontarpeen arvio`", sv="skriv själva termen, t.ex. `term: hoidontarpeen arvio`",
        en="write the term itself, e.g. `term: hoidontarpeen arvio`",
    ),
    "what.definition": m(
        fi="termin `{id}` määritelmä", sv="definitionen av termen `{id}`", en="the definition of the term `{id}`"
    ),
    "what.definition.hint": m(
        fi="kirjoita lauseella, mitä termi tarkoittaa", sv="skriv i en mening vad termen betyder",
        en="write in a sentence what the term means",
    ),
    "what.title": m(fi="prosessin otsikko", sv="processens titel", en="the process title"),
    "what.title.hint": m(
        fi="kirjoita prosessin nimi, esim. `title: Yhteisasiakkuuden alkaminen`",
        sv="skriv processens namn, t.ex. `title: Yhteisasiakkuuden alkaminen`",
        en="write the process's name, e.g. `title: Yhteisasiakkuuden alkaminen`",
    ),
    "what.summary": m(fi="tiivistelmä", sv="sammanfattningen", en="the summary"),
    "what.summary.hint": m(
        fi="kirjoita lauseella tai kahdella, mitä prosessi antaa asiakkaalle",
        sv="skriv i en eller två meningar vad processen ger klienten",
        en="write in a sentence or two what the process gives the client",
    ),
    "what.owner-role": m(fi="omistajan rooli", sv="ägarens roll", en="the owner's role"),
    "what.owner-role.hint": m(
        fi="kirjoita omistajan tehtävänimike, esim. `role: Palveluesihenkilö`",
        sv="skriv ägarens befattning, t.ex. `role: Palveluesihenkilö`",
        en="write the owner's position, e.g. `role: Palveluesihenkilö`",
    ),
    "what.owner-unit": m(fi="omistajan yksikkö", sv="ägarens enhet", en="the owner's unit"),
    "what.owner-unit.hint": m(
        fi="kirjoita yksikkö, joka omistaa prosessin", sv="skriv enheten som äger processen",
        en="write the unit that owns the process",
    ),
    "what.owner-contact": m(fi="omistajan yhteystieto", sv="ägarens kontaktuppgift", en="the owner's contact"),
    "what.owner-contact.hint": m(
        fi="kirjoita, miten omistajan tavoittaa (sähköpostiosoite tai tiimi), tai poista `contact:`",
        sv="skriv hur man når ägaren (en e-postadress eller ett team), eller ta bort `contact:`",
        en="write how to reach the owner (an e-mail address or a team), or delete `contact:`",
    ),
    "what.source-title": m(fi="lähteen otsikko", sv="källans titel", en="the source's title"),
    "what.source-title.hint": m(
        fi="kirjoita toimintamallikuvauksen nimi", sv="skriv namnet på verksamhetsmodellens beskrivning",
        en="write the name of the practice description",
    ),
    "what.step-name": m(fi="vaiheen `{id}` nimi", sv="namnet på steget `{id}`", en="the name of the step `{id}`"),
    "what.step-name.hint": m(
        fi="kirjoita muutamalla sanalla, mitä tapahtuu, esim. `name: Tunnista tuen tarve`",
        sv="skriv med några ord vad som händer, t.ex. `name: Tunnista tuen tarve`",
        en="write what happens in a few words, e.g. `name: Tunnista tuen tarve`",
    ),
    "what.path-label": m(
        fi="rinnakkaisvaiheen `{id}` polun {n} nimi", sv="etiketten för väg {n} i det parallella steget `{id}`",
        en="the label of path {n} of the parallel step `{id}`",
    ),
    "what.path-label.hint": m(
        fi="kirjoita nimi tai poista `when:`, jolloin polulla ei ole nimeä",
        sv="skriv etiketten, eller ta bort `when:` så blir vägen utan etikett",
        en="write the label, or delete `when:` to leave the path unlabelled",
    ),
    "what.promise-name": m(
        fi="palvelulupauksen {n} nimi", sv="namnet på servicelöfte {n}", en="the name of promise {n}"
    ),
    "what.promise-name.hint": m(
        fi="kirjoita lupaus niin kuin se kerrotaan asiakkaalle tai poista `name:`",
        sv="skriv löftet så som det berättas för klienten, eller ta bort `name:`",
        en="write the promise as it is told to the client, or delete `name:`",
    ),
    "what.target-metric": m(fi="tavoitteen {n} mittari", sv="vad mål {n} mäter", en="what target {n} measures"),
    "what.target-metric.hint": m(
        fi="kirjoita, mitä mitataan, esim. `metric: Palveluun pääsyn aika`",
        sv="skriv vad som mäts, t.ex. `metric: Palveluun pääsyn aika`",
        en="write what is measured, e.g. `metric: Palveluun pääsyn aika`",
    ),
    "what.target-level": m(fi="tavoitteen {n} tavoitetaso", sv="nivån för mål {n}", en="the level of target {n}"),
    "what.target-level.hint": m(
        fi='kirjoita tavoiteltu taso, esim. `level: "≤ 13 vrk"`', sv='skriv nivån som eftersträvas, t.ex. `level: "≤ 13 vrk"`',
        en='write the level aimed at, e.g. `level: "≤ 13 vrk"`',
    ),
    "what.change": m(
        fi="muutoshistorian muutos {n}", sv="ändring {n} i ändringsloggen", en="change {n} of the change log"
    ),
    "what.change.hint": m(
        fi="kirjoita lauseella, mikä muuttui", sv="skriv i en mening vad som ändrades", en="write in a sentence what changed"
    ),
    "what.contact-name": m(
        fi="yhteystiedon `{id}` nimi", sv="namnet på kontakten `{id}`", en="the name of the contact `{id}`"
    ),
    "what.contact-name.hint": m(
        fi="kirjoita yhteystiedon nimi", sv="skriv kontaktpunktens namn", en="write the contact point's name"
    ),
    "what.purpose": m(
        fi="yhteystiedon `{id}` käyttötarkoitus", sv="syftet med kontakten `{id}`", en="the purpose of the contact `{id}`"
    ),
    "what.purpose.hint": m(
        fi="kirjoita, mihin yhteystietoa käytetään", sv="skriv vad kontaktpunkten är till för",
        en="write what the contact point is for",
    ),
    "what.address": m(
        fi="yhteystiedon `{id}` osoite", sv="adressen till kontakten `{id}`", en="the address of the contact `{id}`"
    ),
    "what.address.hint": m(
        fi="kirjoita sähköposti-, verkko- tai katuosoite tai poista `address:`",
        sv="skriv e-post-, webb- eller gatuadressen, eller ta bort `address:`",
        en="write the e-mail, web or street address, or delete `address:`",
    ),
    "what.situation": m(
        fi="yhteystiedon `{id}` käyttötilanne", sv="situationen för kontakten `{id}`",
        en="the situation of the contact `{id}`",
    ),
    "what.situation.hint": m(
        fi="kirjoita, milloin sitä käytetään, tai poista `situation:`",
        sv="skriv när den ska användas, eller ta bort `situation:`",
        en="write when to use it, or delete `situation:`",
    ),
    # --- unique-ids ---------------------------------------------------------------------------------
    "unique-ids.process": m(
        fi="prosessin tunniste `{id}` on jo käytössä tiedostossa {file}",
        sv="process-id:t `{id}` används redan av {file}",
        en="the process id `{id}` is already used by {file}",
    ),
    "unique-ids.process.hint": m(
        fi="anna tälle prosessille toinen tunniste (ja tiedostonimi)",
        sv="ge den här processen ett annat id (och filnamn)",
        en="give this process another id (and file name)",
    ),
    "unique-ids.step-twice": m(
        fi="vaiheen tunniste `{id}` on käytössä kahdesti (ensimmäinen rivillä {line})",
        sv="steg-id:t `{id}` används två gånger (första gången på rad {line})",
        en="the step id `{id}` is used twice (first on line {line})",
    ),
    "unique-ids.step-twice.hint": m(
        fi="anna jokaiselle vaiheelle oma tunnisteensa", sv="ge varje steg ett eget id", en="give each step its own id"
    ),
    "unique-ids.promise-twice": m(
        fi="palvelulupauksen tunniste `{id}` on käytössä kahdesti (ensimmäinen rivillä {line})",
        sv="löftes-id:t `{id}` används två gånger (första gången på rad {line})",
        en="the promise id `{id}` is used twice (first on line {line})",
    ),
    "unique-ids.promise-twice.hint": m(
        fi="anna jokaiselle palvelulupaukselle oma tunnisteensa", sv="ge varje löfte ett eget id",
        en="give each promise its own id",
    ),
    "unique-ids.target-twice": m(
        fi="tavoitteen tunniste `{id}` on käytössä kahdesti (ensimmäinen rivillä {line})",
        sv="mål-id:t `{id}` används två gånger (första gången på rad {line})",
        en="the target id `{id}` is used twice (first on line {line})",
    ),
    "unique-ids.target-twice.hint": m(
        fi="anna jokaiselle tavoitteelle oma tunnisteensa", sv="ge varje mål ett eget id", en="give each target its own id"
    ),
    "unique-ids.item-twice": m(
        fi="tunniste `{id}` on käytössä kahdesti (ensimmäinen rivillä {line})",
        sv="id:t `{id}` används två gånger (första gången på rad {line})",
        en="the id `{id}` is used twice (first on line {line})",
    ),
    "unique-ids.item-twice.hint": m(
        fi="yhdistä kohdat tai anna toiselle uusi tunniste", sv="slå ihop de två posterna eller byt id på den ena",
        en="merge the two entries or rename one",
    ),
    "unique-ids.orientation": m(
        fi="roolilla `{role}` on toinen perehdytyspolku (ensimmäinen on rivillä {line}); vain toinen niistä "
        "näytettäisiin",
        sv="rollen `{role}` har en andra introduktionsväg (den första på rad {line}); bara en av dem skulle visas",
        en="the role `{role}` has a second orientation path (the first is on line {line}); only one of them would be "
        "shown",
    ),
    "unique-ids.orientation-in": m(
        fi="roolilla `{role}` on organisaatiossa `{organization}` toinen perehdytyspolku (ensimmäinen on rivillä "
        "{line}); vain toinen niistä näytettäisiin",
        sv="rollen `{role}` har en andra introduktionsväg i organisationen `{organization}` (den första på rad "
        "{line}); bara en av dem skulle visas",
        en="the role `{role}` has a second orientation path in the organization `{organization}` (the first is on "
        "line {line}); only one of them would be shown",
    ),
    "unique-ids.orientation.hint": m(
        fi="siirrä tämän polun prosessit ensimmäisen polun luetteloon lukujärjestyksessä ja poista tämä polku",
        sv="flytta den här vägens processer till den första vägens lista, i läsordning, och ta bort den här",
        en="move this path's processes into the first path's list, in reading order, and delete this one",
    ),
    "unique-ids.abbreviation": m(
        fi="lyhenteen `{abbr}` selittää jo termi `{term}` (rivi {line}); lyhenteen ohjeteksti voi selittää vain yhden",
        sv="förkortningen `{abbr}` förklaras redan av termen `{term}` (rad {line}); dess verktygstips kan förklara "
        "bara en",
        en="the abbreviation `{abbr}` is already explained by the term `{term}` (line {line}); its tooltip can "
        "explain only one",
    ),
    "unique-ids.abbreviation.hint": m(
        fi="yhdistä termit tai anna toiselle niistä toinen lyhenne (tai ei lyhennettä)",
        sv="slå ihop de två termerna, eller ge en av dem en annan förkortning (eller ingen)",
        en="merge the two terms, or give one of them another abbreviation (or none)",
    ),
    # --- unused-* -----------------------------------------------------------------------------------
    "unused-contact.unused": m(
        fi="yhteystietoa `{contact}` ei käytä mikään vaihe", sv="kontakten `{contact}` används inte av något steg",
        en="the contact `{contact}` is used by no step",
    ),
    "unused-contact.unused.hint": m(
        fi="mainitse se niiden vaiheiden kohdassa `contacts`, jotka käyttävät sitä, tai poista se",
        sv="nämn den i `contacts` för de steg som använder den, eller ta bort den",
        en="name it in the `contacts` of the steps that use it, or remove it",
    ),
    "unused-role.empty-lane": m(
        fi="rooli `{role}` on luettelossa, mutta sillä ei ole yhtään vaihetta: sen kaista olisi tyhjä",
        sv="rollen `{role}` finns i listan men gör inget steg: dess bana skulle vara tom",
        en="the role `{role}` is listed but does no step: its lane would be empty",
    ),
    "unused-role.empty-lane.hint": m(
        fi="poista se kohdasta `roles` tai anna sille vaihe", sv="ta bort den från `roles`, eller ge den ett steg",
        en="remove it from `roles`, or give it a step",
    ),
    "unused-role.unused": m(
        fi="roolia `{role}` ei käytetä missään prosessissa", sv="rollen `{role}` används inte av någon process",
        en="the role `{role}` is used by no process",
    ),
    "unused-role.unused.hint": m(
        fi="poista se tai lisää se prosesseihin, joissa se työskentelee",
        sv="ta bort den, eller lägg till den i processerna den arbetar i",
        en="remove it, or add it to the processes it works in",
    ),
    # --- valid-date / valid-duration / valid-hours / version-logged --------------------------------
    "valid-date.not-date": m(fi="'{value}' ei ole päivämäärä", sv="'{value}' är inte ett datum", en="'{value}' is not a date"),
    "valid-date.not-date.hint": m(
        fi="kirjoita päivämäärä muodossa VVVV-KK-PP, esim. 2026-11-01 tarkoittaa 1.11.2026",
        sv="skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-11-01 för 1.11.2026",
        en="write the date as YYYY-MM-DD, e.g. 2026-11-01 for 1.11.2026",
    ),
    "valid-date.out-of-range": m(
        fi="päivämäärä {value} ei ole vuosien {earliest} ja {latest} välillä",
        sv="datumet {value} ligger inte mellan åren {earliest} och {latest}",
        en="the date {value} is not between the years {earliest} and {latest}",
    ),
    "valid-date.out-of-range.hint": m(
        fi="tarkista vuosi: kirjoita päivämäärä muodossa VVVV-KK-PP, esim. 2026-11-01 tarkoittaa 1.11.2026",
        sv="kontrollera året: skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-11-01 för 1.11.2026",
        en="check the year: write the date as YYYY-MM-DD, e.g. 2026-11-01 for 1.11.2026",
    ),
    "valid-date.future-review": m(
        fi="tarkistuspäivä {value} on tulevaisuudessa (tänään on {today}), joten seuraava tarkistus siirtyisi "
        "myöhemmäksi",
        sv="granskningsdatumet {value} ligger i framtiden (i dag är det {today}), så nästa granskning skulle skjutas upp",
        en="the review date {value} is in the future (today is {today}), so the next review would be put off",
    ),
    "valid-date.future-review.hint": m(
        fi="kirjoita viimeisimmän pidetyn tarkistuksen päivämäärä; seuraavan tarkistuksen ajankohta lasketaan siitä",
        sv="skriv datumet för den senaste granskningen som hölls; nästa granskning räknas från det",
        en="write the date of the last review that was held; the next review date is counted from it",
    ),
    "valid-duration.not-understood": m(
        fi="määräaikaa '{value}' ei tunnisteta", sv="tidsgränsen '{value}' förstås inte",
        en="the duration '{value}' is not understood",
    ),
    "valid-duration.not-understood.hint": m(
        fi="kirjoita esim. 'sama päivä', 'seuraava arkipäivä', '3 arkipäivää', '13 vrk', '2 viikkoa' tai "
        "'4 tuntia' (englanniksi 'same day', 'next working day', '3 working days', '13 days', '2 weeks', '4 hours')",
        sv="skriv t.ex. 'sama päivä', 'seuraava arkipäivä', '3 arkipäivää', '13 vrk', '2 viikkoa' eller '4 tuntia' "
        "(på engelska 'same day', 'next working day', '3 working days', '13 days', '2 weeks', '4 hours')",
        en="write e.g. 'sama päivä', 'seuraava arkipäivä', '3 arkipäivää', '13 vrk', '2 viikkoa', '4 tuntia' "
        "(in English: 'same day', 'next working day', '3 working days', '13 days', '2 weeks', '4 hours')",
    ),
    "valid-hours.days": m(
        fi="'{days}' ei ole viikonpäivä eikä viikonpäivien väli", sv="'{days}' är inte en veckodag eller ett "
        "intervall av veckodagar", en="'{days}' is not a weekday or range of weekdays",
    ),
    "valid-hours.days.hint": m(
        fi="kirjoita esim. mon-fri, sat tai mon-thu (mon = ma, tue = ti, wed = ke, thu = to, fri = pe, sat = la, "
        "sun = su)",
        sv="skriv t.ex. mon-fri, sat eller mon-thu (mon = mån, tue = tis, wed = ons, thu = tors, fri = fre, "
        "sat = lör, sun = sön)",
        en="write e.g. mon-fri, sat or mon-thu (mon tue wed thu fri sat sun)",
    ),
    "valid-hours.time": m(
        fi="'{time}' ei ole aukioloaika", sv="'{time}' är inte en öppettid", en="'{time}' is not an opening time"
    ),
    "valid-hours.time.hint": m(
        fi="kirjoita aukeamis- ja sulkemisaika muodossa TT:MM-TT:MM, esim. 08:00-16:00",
        sv="skriv öppnings- och stängningstiden som TT:MM-TT:MM, t.ex. 08:00-16:00",
        en="write the opening and closing time as HH:MM-HH:MM, e.g. 08:00-16:00",
    ),
    # --- public-edition -------------------------------------------------------------------------------
    "public-edition.dead-end": m(
        fi="vaihe `{step}` johtaa vaiheeseen `{staff}`, joka on vain henkilöstölle (`audience: staff`), eikä kulku "
        "jatku siitä yhteen kaikille tarkoitettuun vaiheeseen: julkisessa painoksessa kulku pysähtyisi tähän",
        sv="steget `{step}` leder till `{staff}`, som bara är för personalen (`audience: staff`), och flödet går inte "
        "vidare därifrån till ett steg för alla: i den offentliga upplagan skulle flödet stanna här",
        en="the step `{step}` leads to `{staff}`, which is for staff only (`audience: staff`), and the flow does not "
        "go on from there to one step meant for everyone: in the public edition the flow would stop here",
    ),
    "public-edition.dead-end.hint": m(
        fi="merkitse myös `{step}` henkilöstölle (`audience: staff`) tai poista `{staff}`-vaiheen rivi `audience: staff`",
        sv="markera också `{step}` för personalen (`audience: staff`) eller ta bort raden `audience: staff` i `{staff}`",
        en="mark `{step}` for staff too (`audience: staff`), or remove the `audience: staff` line of `{staff}`",
    ),
    "public-edition.cut-off": m(
        fi="julkisessa painoksessa vaiheeseen `{step}` ei enää pääse: jokainen tie siihen kulkee vain henkilöstölle "
        "tarkoitettujen vaiheiden kautta",
        sv="i den offentliga upplagan går det inte längre att komma till steget `{step}`: varje väg dit går genom "
        "steg som bara är för personalen",
        en="in the public edition the step `{step}` can no longer be reached: every way to it goes through steps "
        "for staff only",
    ),
    "public-edition.cut-off.hint": m(
        fi="merkitse myös `{step}` ja sitä seuraavat vaiheet henkilöstölle (`audience: staff`)",
        sv="markera också `{step}` och stegen efter det för personalen (`audience: staff`)",
        en="mark `{step}` and the steps after it for staff too (`audience: staff`)",
    ),
    "public-edition.no-start": m(
        fi="jokainen alkuvaihe on vain henkilöstölle, joten julkisessa painoksessa prosessilla ei ole alkua",
        sv="varje startsteg är bara för personalen, så i den offentliga upplagan har processen ingen början",
        en="every start step is for staff only, so in the public edition the process has no start",
    ),
    "public-edition.no-start.hint": m(
        fi="merkitse koko prosessi henkilöstölle (`audience: staff` prosessin ylimmälle tasolle)",
        sv="markera hela processen för personalen (`audience: staff` på processens översta nivå)",
        en="mark the whole process for staff (`audience: staff` at the top level of the process)",
    ),
    "public-edition.internal-needed": m(
        fi="vaiheen `{step}` teksti on merkitty sisäiseksi (`internal: true`), mutta vaihe tarvitsee sen: "
        "julkisessa painoksessa sen paikalle ei olisi mitään näytettävää",
        sv="en text i steget `{step}` är markerad som intern (`internal: true`), men steget behöver den: "
        "i den offentliga upplagan skulle det inte finnas något att visa i dess ställe",
        en="a text of the step `{step}` is marked internal (`internal: true`), but the step needs it: "
        "in the public edition there would be nothing to show in its place",
    ),
    "public-edition.internal-needed.hint": m(
        fi="merkitse koko vaihe henkilöstölle (`audience: staff`) tai siirrä sisäinen osa kuvaukseen "
        "(`description: {{fi: …, internal: true}}`)",
        sv="markera hela steget för personalen (`audience: staff`) eller flytta den interna delen till beskrivningen "
        "(`description: {{fi: …, internal: true}}`)",
        en="mark the whole step for staff (`audience: staff`), or move the internal part to the description "
        "(`description: {{fi: …, internal: true}}`)",
    ),
    "public-edition.internal-needed-process": m(
        fi="teksti on merkitty sisäiseksi (`internal: true`), mutta prosessi tarvitsee sen: julkisessa painoksessa "
        "sen paikalle ei olisi mitään näytettävää",
        sv="texten är markerad som intern (`internal: true`), men processen behöver den: i den offentliga upplagan "
        "skulle det inte finnas något att visa i dess ställe",
        en="the text is marked internal (`internal: true`), but the process needs it: in the public edition there "
        "would be nothing to show in its place",
    ),
    "public-edition.internal-needed-process.hint": m(
        fi="merkitse koko prosessi henkilöstölle (`audience: staff`) tai kirjoita tähän kaikille sopiva teksti",
        sv="markera hela processen för personalen (`audience: staff`) eller skriv här en text som passar alla",
        en="mark the whole process for staff (`audience: staff`), or write a text here that suits everyone",
    ),
    "public-registry-name.needed": m(
        fi="{what} on merkitty sisäiseksi (`internal: true`), mutta julkinen painos näyttää sen: sitä käyttää "
        "{user}{more}. Julkiselta sivulta puuttuisi nimi",
        sv="{what} är markerat som internt (`internal: true`), men den offentliga upplagan visar det: det används "
        "av {user}{more}. En offentlig sida skulle sakna namnet",
        en="{what} is marked internal (`internal: true`), but the public edition shows it: it is used by "
        "{user}{more}. A public page would be left without the name",
    ),
    "public-registry-name.needed.hint": m(
        fi="kirjoita nimi, joka saa näkyä kaikille, ja poista `internal: true` (sisäisen tiedon voi kirjoittaa "
        "sisäiseksi merkittyyn kuvaukseen), tai merkitse sitä käyttävät prosessit henkilöstölle (`audience: staff`)",
        sv="skriv ett namn som får synas för alla och ta bort `internal: true` (den interna uppgiften kan stå i "
        "en beskrivning markerad som intern), eller markera processerna som använder det för personalen "
        "(`audience: staff`)",
        en="write a name that everyone may see and remove `internal: true` (the internal detail can go in a "
        "description marked internal), or mark the processes that use it for staff (`audience: staff`)",
    ),
    "user.process": m(fi="prosessi `{id}`", sv="processen `{id}`", en="the process `{id}`"),
    "user.step": m(
        fi="prosessin `{process}` vaihe `{step}`", sv="steget `{step}` i processen `{process}`",
        en="the step `{step}` of the process `{process}`",
    ),
    "user.role": m(fi="rooli `{id}`", sv="rollen `{id}`", en="the role `{id}`"),
    "user.contact": m(fi="yhteystieto `{id}`", sv="kontaktuppgiften `{id}`", en="the contact point `{id}`"),
    "user.organization": m(fi="organisaatio `{id}`", sv="organisationen `{id}`", en="the organization `{id}`"),
    "user.orientation": m(
        fi="roolin `{role}` perehdytyspolku", sv="introduktionsvägen för rollen `{role}`",
        en="the orientation path of the role `{role}`",
    ),
    "user.more": m(fi=" ja {n} muuta", sv=" och {n} till", en=" and {n} more"),
    "version-logged.no-entry": m(
        fi="versio on {version}, mutta muutoshistoriassa (`changes`) ei ole merkintää versiosta {version}",
        sv="versionen är {version}, men ändringsloggen (`changes`) har ingen post för version {version}",
        en="the version is {version}, but the change log (`changes`) has no entry for version {version}",
    ),
    "version-logged.no-entry.hint": m(
        fi="lisää muutos kohdan `changes:` ensimmäiseksi merkinnäksi, esim. "
        "`- {{date: {date}, version: {version}, text: …}}`",
        sv="lägg till vad som ändrades som första post i `changes:`, t.ex. "
        "`- {{date: {date}, version: {version}, text: …}}`",
        en="add what changed as the first entry of `changes:`, e.g. `- {{date: {date}, version: {version}, text: …}}`",
    ),
    "version-in-force.no-history": m(
        fi="versio {version} tulee voimaan vasta {date}, eikä nyt voimassa olevaa versiota voi julkaista sen "
        "rinnalla: se luetaan git-historiasta, mutta kansio ei ole git-varasto tai git ei voi lukea sitä (git "
        "puuttuu, tai varaston omistaa toinen käyttäjä)",
        sv="version {version} träder i kraft först {date}, och den version som gäller nu kan inte publiceras "
        "bredvid den: den läses ur git-historiken, men mappen är inget git-arkiv eller git kan inte läsa det (git "
        "saknas, eller arkivet ägs av en annan användare)",
        en="version {version} comes into force only on {date}, and the version in force now cannot be published "
        "beside it: it is read from the git history, but the folder is not a git repository or git cannot read it "
        "(git is missing, or another user owns the repository)",
    ),
    "version-in-force.no-history.hint": m(
        fi="rakenna käsikirja git-kloonista, jossa on koko historia, tai kirjaa `valid_from` tälle päivälle tai "
        "aiemmaksi, jos versio on jo voimassa",
        sv="bygg handboken ur en git-klon med hela historiken, eller skriv dagens eller ett tidigare datum i "
        "`valid_from` om versionen redan gäller",
        en="build the handbook from a git clone with its whole history, or write today's or an earlier date in "
        "`valid_from` if the version is already in force",
    ),
    "version-in-force.shallow": m(
        fi="versio {version} tulee voimaan vasta {date}, mutta nyt voimassa oleva versio ei ole tässä matalassa "
        "kloonissa (shallow clone), joten sitä ei voi julkaista",
        sv="version {version} träder i kraft först {date}, men den version som gäller nu finns inte i den här "
        "grunda klonen (shallow clone), så den kan inte publiceras",
        en="version {version} comes into force only on {date}, but the version in force now is not in this "
        "shallow clone, so it cannot be published",
    ),
    "version-in-force.shallow.hint": m(
        fi="hae koko historia: GitHub Actionsissa `actions/checkout` ja `fetch-depth: 0`, GitLab CI:ssä "
        "`GIT_DEPTH: 0`, muualla `git fetch --unshallow`",
        sv="hämta hela historiken: i GitHub Actions `actions/checkout` med `fetch-depth: 0`, i GitLab CI "
        "`GIT_DEPTH: 0`, annars `git fetch --unshallow`",
        en="fetch the whole history: in GitHub Actions `actions/checkout` with `fetch-depth: 0`, in GitLab CI "
        "`GIT_DEPTH: 0`, elsewhere `git fetch --unshallow`",
    ),
    "version-explained.nothing": m(
        fi="versio nostettiin {old} → {new}, mutta vaiheet, lupaukset, yhteystiedot, omistaja ja palvelualue ovat "
        "ennallaan, eikä muutoshistoriassa (`changes`) ole merkintää versiosta {new}",
        sv="versionen höjdes {old} → {new}, men steg, löften, kontaktuppgifter, ägare och serviceområde är "
        "oförändrade, och ändringsloggen (`changes`) har ingen post för version {new}",
        en="the version was raised {old} → {new}, but the steps, promises, contacts, owner and service area are "
        "unchanged, and the change log (`changes`) has no entry for version {new}",
    ),
    "version-explained.nothing.hint": m(
        fi="kerro muutoshistoriassa, mikä muuttui: `- {{date: {date}, version: {new}, text: …}}`, tai palauta "
        "versioksi {old}, jos mikään ei muuttunut",
        sv="skriv i ändringsloggen vad som ändrades: `- {{date: {date}, version: {new}, text: …}}`, eller sätt "
        "tillbaka version {old} om inget ändrades",
        en="say in the change log what changed: `- {{date: {date}, version: {new}, text: …}}`, or set the "
        "version back to {old} if nothing changed",
    ),
}
