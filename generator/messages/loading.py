"""Messages of reading a file: bytes and encoding, YAML syntax (with the hints of yaml_hints.py), the
format (loading.py's validation), the project's files (sources.py), and the words findings share."""

from __future__ import annotations

from . import m

README = "README.md"

MESSAGES: dict[str, dict[str, str]] = {
    # --- how a finding line names its severity, and what was left out --------------------------
    "finding.error": m(fi="virhe", sv="fel", en="error"),
    "finding.warning": m(fi="varoitus", sv="varning", en="warning"),
    "left-out.errors": m(
        fi="{n} {n:muu virhe|muuta virhettä}", sv="{n} {n:fel|fel} till", en="{n} more {n:error|errors}"
    ),
    "left-out.warnings": m(
        fi="{n} {n:muu varoitus|muuta varoitusta}", sv="{n} {n:varning|varningar} till",
        en="{n} more {n:warning|warnings}",
    ),
    "left-out.single": m(
        fi="ja {what}, joka johtuu tästä", sv="och {what} som följer av detta", en="and {what} that follows from this"
    ),
    "left-out.many": m(
        fi="ja {what}, jotka johtuvat tästä", sv="och {what} som följer av detta", en="and {what} that follow from this"
    ),
    "left-out.both": m(
        fi="ja {errors} ja {warnings}, jotka johtuvat tästä",
        sv="och {errors} och {warnings} som följer av detta",
        en="and {errors} and {warnings} that follow from this",
    ),
    "hint.did-you-mean": m(fi="tarkoititko `{value}`?", sv="menade du `{value}`?", en="did you mean `{value}`?"),
    # --- invisible characters, named -----------------------------------------------------------
    "char.U+0020": m(fi="välilyönti", sv="mellanslag", en="space"),
    "char.U+00A0": m(fi="sitova välilyönti", sv="hårt mellanslag", en="no-break space"),
    "char.U+00AD": m(fi="tavutusvihje", sv="mjukt bindestreck", en="soft hyphen"),
    "char.U+2007": m(fi="numeroiden levyinen välilyönti", sv="siffermellanslag", en="figure space"),
    "char.U+200B": m(fi="leveydetön välilyönti", sv="nollbreddsmellanslag", en="zero-width space"),
    "char.U+200C": m(fi="leveydetön erotin", sv="nollbreddsavskiljare", en="zero-width non-joiner"),
    "char.U+200D": m(fi="leveydetön liitos", sv="nollbreddsfogare", en="zero-width joiner"),
    "char.U+2060": m(fi="sanaliitos", sv="ordfogare", en="word joiner"),
    "char.U+202F": m(fi="kapea sitova välilyönti", sv="smalt hårt mellanslag", en="narrow no-break space"),
    "char.U+3000": m(fi="itäaasialainen välilyönti", sv="östasiatiskt mellanslag", en="ideographic space"),
    "char.U+FEFF": m(fi="leveydetön sitova välilyönti", sv="hårt nollbreddsmellanslag", en="zero-width no-break space"),
    "char.invisible": m(fi="näkymätön merkki", sv="osynligt tecken", en="an invisible character"),
    "invisible.alone": m(
        fi="tekstissä on vain näkymätön merkki: {char}, luultavasti kopioitu tekstin mukana; poista se",
        sv="texten består bara av ett osynligt tecken: {char}, troligen kopierat med texten; radera det",
        en="there is an invisible character: {char}, probably copied along with the text; delete it",
    ),
    "invisible.before": m(
        fi="ennen tekstiä `{shown}` on näkymätön merkki: {char}, luultavasti kopioitu tekstin mukana; poista se",
        sv="före `{shown}` finns ett osynligt tecken: {char}, troligen kopierat med texten; radera det",
        en="there is an invisible character before `{shown}`: {char}, probably copied along with the text; delete it",
    ),
    "invisible.after": m(
        fi="tekstin `{before}` jälkeen on näkymätön merkki: {char}, luultavasti kopioitu tekstin mukana; poista se",
        sv="efter `{before}` finns ett osynligt tecken: {char}, troligen kopierat med texten; radera det",
        en="there is an invisible character after `{before}`: {char}, probably copied along with the text; delete it",
    ),
    "invisible.inside": m(
        fi="tekstin `{shown}` sisällä, kohdan `{before}` jälkeen, on näkymätön merkki: {char}, luultavasti kopioitu "
        "tekstin mukana; poista se",
        sv="inne i `{shown}`, efter `{before}`, finns ett osynligt tecken: {char}, troligen kopierat med texten; "
        "radera det",
        en="there is an invisible character inside `{shown}`, after `{before}`: {char}, probably copied along with "
        "the text; delete it",
    ),
    "invisible.and-the-others": m(
        fi=" ja muut siinä olevat näkymättömät merkit",
        sv=" och de andra osynliga tecknen där",
        en=" and the other invisible characters there",
    ),
    # --- a text that shows nothing (names.blank_words) ------------------------------------------
    "blank.empty": m(fi="on tyhjä", sv="saknar text", en="is empty"),
    "blank.spaces": m(fi="on pelkkiä välilyöntejä", sv="består bara av mellanslag", en="is only spaces"),
    "blank.invisible": m(
        fi="ei näytä mitään: siinä on vain näkymättömiä merkkejä, kuten U+{code} ({name})",
        sv="visar ingenting: där finns bara osynliga tecken, som U+{code} ({name})",
        en="shows nothing: it is only invisible characters such as U+{code} ({name})",
    ),
    "blank.spaces-and-invisible": m(
        fi="ei näytä mitään: siinä on vain välilyöntejä ja näkymättömiä merkkejä, kuten U+{code} ({name})",
        sv="visar ingenting: där finns bara mellanslag och osynliga tecken, som U+{code} ({name})",
        en="shows nothing: it is only spaces and invisible characters such as U+{code} ({name})",
    ),
    # --- 1. bytes → text ----------------------------------------------------------------------
    "yaml-syntax.too-large": m(
        fi="tiedosto on suurempi kuin sallittu {limit:,} tavua",
        sv="filen är större än gränsen på {limit:,} byte",
        en="the file is larger than the limit of {limit:,} bytes",
    ),
    "yaml-syntax.too-large.hint": m(
        fi="jaa prosessi pienempiin prosesseihin ja yhdistä ne `call`-vaiheilla",
        sv="dela upp processen i mindre processer och koppla ihop dem med `call`-steg",
        en="split the process into smaller processes and link them with `call` steps",
    ),
    "yaml-syntax.utf16": m(
        fi="tiedosto on tallennettu UTF-16-merkistössä, ei UTF-8-merkistössä",
        sv="filen är sparad som UTF-16-text, inte UTF-8",
        en="the file is saved as UTF-16 text, not UTF-8",
    ),
    "yaml-syntax.utf16.hint": m(
        fi="tallenna tiedosto editorissa UTF-8-merkistössä (Muistiossa: 'Tallenna nimellä' → koodaus UTF-8, "
        "ei 'Unicode')",
        sv="spara filen som UTF-8 i din editor (i Anteckningar: 'Spara som' → kodning UTF-8, inte 'Unicode')",
        en="save the file as UTF-8 in your editor (in Notepad: 'Save as' → encoding UTF-8, not 'Unicode')",
    ),
    "yaml-syntax.not-utf8": m(
        fi="tiedosto ei ole UTF-8-merkistön tekstiä (tavu 0x{byte})",
        sv="filen är inte giltig UTF-8-text (byte 0x{byte})",
        en="the file is not valid UTF-8 text (byte 0x{byte})",
    ),
    "yaml-syntax.not-utf8.hint": m(
        fi="tallenna tiedosto editorissa UTF-8-merkistössä (Wordissa tai Muistiossa: 'Tallenna nimellä' → "
        "koodaus UTF-8)",
        sv="spara filen som UTF-8 i din editor (i Word eller Anteckningar: 'Spara som' → kodning UTF-8)",
        en="save the file as UTF-8 in your editor (in Word or Notepad: 'Save as' → encoding UTF-8)",
    ),
    "yaml-syntax.control": m(
        fi="tekstissä on näkymätön ohjausmerkki (U+{code})",
        sv="texten innehåller ett osynligt styrtecken (U+{code})",
        en="the text contains an invisible control character (U+{code})",
    ),
    "yaml-syntax.control-word": m(
        fi="tekstissä on näkymätön ohjausmerkki (U+{code}, Wordista liitetty rivinvaihto)",
        sv="texten innehåller ett osynligt styrtecken (U+{code}, en radbrytning inklistrad från Word)",
        en="the text contains an invisible control character (U+{code}, a line break pasted from Word)",
    ),
    "yaml-syntax.control.hint": m(
        fi="poista merkki tai kirjoita sen tilalle välilyönti tai uusi rivi",
        sv="radera tecknet, eller skriv ett mellanslag eller en ny rad i stället",
        en="delete it, or put a space or a new line in its place",
    ),
    "yaml-syntax.empty": m(fi="tiedosto on tyhjä", sv="filen är tom", en="the file is empty"),
    "yaml-syntax.empty.hint": m(
        fi="kirjoita tiedostoon prosessin kentät tai poista tiedosto",
        sv="skriv processens fält i filen, eller radera den",
        en="write the process's fields into it, or delete it",
    ),
    "yaml-syntax.tab-indent": m(
        fi="rivin sisennyksessä on sarkainmerkki (tabulaattori)",
        sv="raden är indragen med ett tabbtecken",
        en="a tab character is used for indentation",
    ),
    "yaml-syntax.tab-indent.hint": m(
        fi="sisennykseen saa käyttää vain välilyöntejä: korvaa sarkainmerkki välilyönneillä",
        sv="YAML tillåter bara mellanslag för indrag: ersätt tabbtecknet med mellanslag",
        en="YAML allows only spaces for indentation: replace the tab with spaces",
    ),
    "yaml-syntax.tab": m(
        fi="sarkainmerkki (tabulaattori) ei ole sallittu tässä",
        sv="ett tabbtecken är inte tillåtet här",
        en="a tab character is not allowed here",
    ),
    "yaml-syntax.tab.hint": m(
        fi="korvaa sarkainmerkki välilyönneillä", sv="ersätt tabbtecknet med mellanslag", en="replace the tab with spaces"
    ),
    "yaml-syntax.too-deep": m(
        fi="tiedostossa on liian monta sisäkkäistä tasoa",
        sv="filen har för många nivåer inuti varandra",
        en="the file is nested too deeply",
    ),
    "yaml-syntax.too-deep.hint": m(
        fi="prosessissa tarvitaan enintään {depth} sisäkkäistä tasoa sisennyksiä, luetteloita ja sulkeita",
        sv="en process behöver högst {depth} nivåer av indrag, listor och parenteser inuti varandra",
        en="a process needs at most {depth} levels of indentation, lists and brackets inside each other",
    ),
    "yaml-syntax.too-deep.hint-indent": m(
        fi="prosessissa tarvitaan enintään {depth} sisennystasoa",
        sv="en process behöver högst {depth} nivåer av indrag",
        en="a process needs at most {depth} levels of indentation",
    ),
    # --- 2. text → data: YAML syntax -------------------------------------------------------------
    "yaml-syntax.syntax": m(
        fi="tiedoston rakenne on tässä kohdassa virheellinen (YAML: {problem})",
        sv="filens struktur är felaktig här (YAML: {problem})",
        en="YAML syntax error: {problem}",
    ),
    "yaml-syntax.error": m(
        fi="tiedostoa ei voitu lukea (YAML: {problem})",
        sv="filen kunde inte läsas (YAML: {problem})",
        en="YAML error: {problem}",
    ),
    "yaml-syntax.error.hint": m(
        fi="tarkista tiedoston sisennykset", sv="kontrollera filens indrag", en="check the file's indentation"
    ),
    "yaml-syntax.hint-quote-colon": m(
        fi='teksti, jossa on \': \', on kirjoitettava lainausmerkkeihin, esim. name: "Klo 8: soita"',
        sv='en text som innehåller \': \' måste stå inom citattecken, t.ex. name: "Kl. 8: ring"',
        en='a value containing \': \' must be in quotes, e.g. name: "Klo 8: soita"',
    ),
    "yaml-syntax.hint-key-value": m(
        fi="jokaisella rivillä on oltava 'kenttä: arvo'; tarkista yläpuolella olevien rivien sisennys",
        sv="varje rad behöver 'fält: värde'; kontrollera indraget på raderna ovanför",
        en="each line needs 'key: value'; check the indentation of the lines above",
    ),
    "yaml-syntax.hint-quote": m(
        fi="kirjoita arvo lainausmerkkeihin", sv="sätt värdet inom citattecken", en="put the value in quotes"
    ),
    "yaml-syntax.hint-indent": m(
        fi="tarkista, että tämän kohdan rivit on sisennetty samoin kuin viereiset rivit",
        sv="kontrollera att raderna här är indragna som raderna bredvid",
        en="check that the lines here are indented like their neighbours",
    ),
    "yaml-syntax.hint-general": m(
        fi="tarkista lainausmerkit ja sisennykset tämän rivin ympärillä",
        sv="kontrollera citattecknen och indragen kring den här raden",
        en="check the quotes and indentation around this line",
    ),
    "yaml-syntax.anchor": m(
        fi="merkit & ja * (ankkurit ja viittaukset) eivät ole sallittuja",
        sv="ankare och alias (& och *) är inte tillåtna",
        en="anchors and aliases (& and *) are not allowed",
    ),
    "yaml-syntax.anchor.hint": m(
        fi="kirjoita arvo kokonaan jokaiseen kohtaan, jossa sitä tarvitaan",
        sv="skriv ut värdet i sin helhet där det behövs",
        en="write the value out in full where it is needed",
    ),
    "yaml-syntax.tag": m(
        fi="merkintä {tag} ei ole sallittu", sv="taggen {tag} är inte tillåten", en="the tag {tag} is not allowed"
    ),
    "yaml-syntax.tag.hint": m(fi="poista '!'-merkintä", sv="ta bort '!'-taggen", en="remove the '!' tag"),
    "yaml-syntax.key-not-word": m(
        fi="kentän nimen on oltava tavallinen sana", sv="ett fältnamn måste vara ett vanligt ord",
        en="a key must be a plain word",
    ),
    "yaml-syntax.key-not-word.hint": m(
        fi="kirjoita kentän nimi ja sen perään kaksoispiste, esim. `name:`",
        sv="skriv fältets namn följt av ett kolon, t.ex. `name:`",
        en="write the field's name followed by a colon, e.g. `name:`",
    ),
    "yaml-syntax.merge-key": m(
        fi="yhdistämisavaimet (<<) eivät ole sallittuja",
        sv="sammanslagningsnycklar (<<) är inte tillåtna",
        en="merge keys (<<) are not allowed",
    ),
    "yaml-syntax.merge-key.hint": m(
        fi="kirjoita kentät kokonaan", sv="skriv ut fälten i sin helhet", en="write the fields out in full"
    ),
    "duplicate-key.twice": m(
        fi="kenttä `{key}` on kahdesti (ensimmäinen rivillä {line})",
        sv="fältet `{key}` förekommer två gånger (första gången på rad {line})",
        en="the key `{key}` appears twice (first on line {line})",
    ),
    "duplicate-key.twice.hint": m(
        fi="pidä niistä yksi ja poista toinen", sv="behåll det ena och radera det andra",
        en="keep one of them and delete the other",
    ),
    "yaml-syntax.surrogate": m(
        fi="tekstissä on \\u-koodi merkille, jota ei ole olemassa (puolikas merkkiparista)",
        sv="texten har en \\u-kod för ett tecken som inte finns (halva ett par)",
        en="the text has a \\u escape for a character that does not exist (half of a pair)",
    ),
    "yaml-syntax.surrogate.hint": m(
        fi="kirjoita itse merkki \\u-koodin sijaan",
        sv="skriv själva tecknet i stället för \\u-koden",
        en="write the character itself instead of the \\u escape",
    ),
    "yaml-syntax.control-escape": m(
        fi="tekstissä on ohjausmerkki, U+{code}",
        sv="texten innehåller ett styrtecken, U+{code}",
        en="the text contains a control character, U+{code}",
    ),
    "yaml-syntax.noncharacter": m(
        fi="tekstissä on Unicode-merkki, jota ei ole tarkoitettu tekstiin, U+{code}",
        sv="texten innehåller ett Unicode-icke-tecken (inte avsett för text), U+{code}",
        en="the text contains a Unicode non-character (not meant for text), U+{code}",
    ),
    "yaml-syntax.escape.hint": m(
        fi="poista koodi, joka tuottaa merkin (kuten \\e, \\x1b tai \\uFFFE); kirjoita itse teksti",
        sv="radera koden som ger tecknet (som \\e, \\x1b eller \\uFFFE); skriv själva texten",
        en="delete the escape (such as \\e, \\x1b or \\uFFFE) that makes it; write the text itself",
    ),
    # --- yaml_hints.py: the slip behind a syntax error -------------------------------------------
    "yaml-syntax.text-colon": m(
        fi="tekstissä on ': ', jonka YAML lukee uuden kentän aluksi",
        sv="texten innehåller ': ', som YAML läser som början på ett nytt fält",
        en="the text contains ': ', which YAML reads as the start of another field",
    ),
    "yaml-syntax.braces-colon": m(
        fi="tekstissä on ': ', jonka YAML lukee aaltosulkeiden `{{…}}` sisällä uuden kentän aluksi",
        sv="texten innehåller ': ', som YAML inom `{{…}}` läser som början på ett nytt fält",
        en="the text contains ': ', which inside `{{…}}` YAML reads as the start of another field",
    ),
    "yaml-syntax.put-in-quotes.hint": m(
        fi="kirjoita teksti lainausmerkkeihin: {key}: {quoted}",
        sv="sätt texten inom citattecken: {key}: {quoted}",
        en="put the text in quotes: {key}: {quoted}",
    ),
    "yaml-syntax.curly": m(
        fi="teksti on kaarevissa lainausmerkeissä ({marks}), joita YAML ei lue lainausmerkeiksi, joten tekstin "
        "': ' näyttää uuden kentän alulta",
        sv="texten står inom typografiska citattecken ({marks}), som YAML inte läser som citattecken, så "
        "': ' i den ser ut som början på ett nytt fält",
        en="the text is in curly quotes ({marks}), which YAML does not read as quotes, so the ': ' in it looks "
        "like the start of another field",
    ),
    "yaml-syntax.curly.hint": m(
        fi='kirjoita niiden tilalle suorat lainausmerkit ("): {key}: {quoted}',
        sv='skriv raka citattecken (") i stället: {key}: {quoted}',
        en='type straight quotes (") in their place: {key}: {quoted}',
    ),
    "words.quoted-long": m(
        fi='"…" (koko teksti lainausmerkeissä)', sv='"…" (hela texten inom citattecken)',
        en='"…" (the whole text in quotes)',
    ),
    "yaml-syntax.first-line-off": m(
        fi="`{above}:` alkaa sarakkeesta {column}, mutta `{key}:` ja sen alla olevat rivit sarakkeesta {expected}",
        sv="`{above}:` börjar i kolumn {column}, men `{key}:` och raderna under den i kolumn {expected}",
        en="`{above}:` starts in column {column}, but `{key}:` and the lines below it in column {expected}",
    ),
    "yaml-syntax.first-line-off.hint": m(
        fi="siirrä `{above}:` sarakkeeseen {expected} (saman tason kentät alkavat samasta sarakkeesta)",
        sv="flytta `{above}:` till kolumn {expected} (fälten på samma nivå börjar i samma kolumn)",
        en="move `{above}:` to column {expected} (the fields of one level start in the same column)",
    ),
    "yaml-syntax.one-column-right": m(
        fi="`{key}:` alkaa sarakkeesta {column}, yhden sarakkeen verran oikeammalta kuin yläpuolisen rivin `{above}:`",
        sv="`{key}:` börjar i kolumn {column}, en kolumn till höger om `{above}:` på raden ovanför",
        en="`{key}:` starts in column {column}, one column right of `{above}:` on the line above",
    ),
    "yaml-syntax.one-column-right.hint": m(
        fi="siirrä `{key}:` sarakkeeseen {expected}, kentän `{above}:` alle (saman tason kentät alkavat samasta "
        "sarakkeesta)",
        sv="flytta `{key}:` till kolumn {expected}, under `{above}:` (fälten på samma nivå börjar i samma kolumn)",
        en="move `{key}:` to column {expected}, under `{above}:` (the fields of one level start in the same column)",
    ),
    "yaml-syntax.under-a-value": m(
        fi="`{key}:` on sisennetty kentän `{above}:` alle, vaikka sillä on jo arvo",
        sv="`{key}:` är indraget under `{above}:`, som redan har ett värde",
        en="`{key}:` is indented under `{above}:`, which already has a value",
    ),
    "yaml-syntax.under-a-value.hint": m(
        fi="siirrä `{key}:` sarakkeeseen {expected}, kentän `{above}:` alle, jos se on oma kenttänsä; jos se kuuluu "
        "yläpuolella olevaan tekstiin, kirjoita koko teksti lainausmerkkeihin",
        sv="flytta `{key}:` till kolumn {expected}, under `{above}:`, om det är ett eget fält; om det hör till "
        "texten ovanför, sätt hela den texten inom citattecken",
        en="move `{key}:` to column {expected}, under `{above}:` if it is a field of its own; if it is part of the "
        "text above, put that whole text in quotes",
    ),
    "yaml-syntax.out-of-line": m(
        fi="`{label}` alkaa sarakkeesta {column}, eri kohdasta kuin yläpuolella olevat rivit",
        sv="`{label}` börjar i kolumn {column}, inte i linje med raderna ovanför",
        en="`{label}` starts in column {column}, out of line with the lines above it",
    ),
    "yaml-syntax.out-of-line.hint": m(
        fi="siirrä se sarakkeeseen {expected}, kuten `{like}` rivillä {line}",
        sv="flytta den till kolumn {expected}, som `{like}` på rad {line}",
        en="move it to column {expected}, like `{like}` on line {line}",
    ),
    "yaml-syntax.no-colon-joined": m(
        fi="sanan `{word}` jäljestä puuttuu kaksoispiste, joten YAML lukee `{content}` ja alla olevan rivin "
        "yhdeksi tekstiksi",
        sv="`{word}` saknar kolon efter sig, så YAML läser `{content}` och raden nedanför som en enda text",
        en="`{word}` has no colon after it, so YAML reads `{content}` and the line below as one text",
    ),
    "yaml-syntax.no-colon": m(
        fi="sanan `{word}` jäljestä puuttuu kaksoispiste, joten YAML lukee `{content}` tekstiksi eikä kentäksi",
        sv="`{word}` saknar kolon efter sig, så YAML läser `{content}` som en text, inte som ett fält",
        en="`{word}` has no colon after it, so YAML reads `{content}` as a text, not as a field",
    ),
    "yaml-syntax.no-colon.hint": m(
        fi="kirjoita `{word}: {rest}`", sv="skriv `{word}: {rest}`", en="write `{word}: {rest}`"
    ),
    # --- 3. data → model ------------------------------------------------------------------------
    "kind.empty": m(fi="tyhjä arvo", sv="ett tomt värde", en="empty"),
    "kind.bool": m(fi="`{value}`", sv="`{value}`", en="`{value}`"),
    "kind.mapping": m(
        fi="kenttäluettelo (kenttä: arvo -rivejä)", sv="en uppsättning fält (rader med fält: värde)",
        en="a mapping (key: value lines)",
    ),
    "kind.list": m(fi="luettelo", sv="en lista", en="a list"),
    "kind.number": m(fi="luku {value}", sv="talet {value}", en="the number {value}"),
    "kind.text": m(fi="teksti {value}", sv="texten {value}", en="the text {value}"),
    "where.file.from": m(fi="tiedostosta", sv="filen", en="the file"),
    "where.file.to": m(fi="tiedostoon", sv="filen", en="the file"),
    "where.step.from": m(fi="vaiheesta `{step}`", sv="steget `{step}`", en="step `{step}`"),
    "where.step.to": m(fi="vaiheeseen `{step}`", sv="steget `{step}`", en="step `{step}`"),
    "where.step-n.from": m(fi="vaiheesta {n}", sv="steg {n}", en="step {n}"),
    "where.step-n.to": m(fi="vaiheeseen {n}", sv="steg {n}", en="step {n}"),
    "where.item.from": m(fi="luettelon `{list}` kohdasta {n}", sv="punkt {n} i `{list}`", en="item {n} of `{list}`"),
    "where.item.to": m(fi="luettelon `{list}` kohtaan {n}", sv="punkt {n} i `{list}`", en="item {n} of `{list}`"),
    "where.item-in-step.from": m(
        fi="{step}: luettelon `{list}` kohdasta {n}", sv="punkt {n} i `{list}` i {step}", en="item {n} of `{list}` in {step}"
    ),
    "where.item-in-step.to": m(
        fi="{step}: luettelon `{list}` kohtaan {n}", sv="punkt {n} i `{list}` i {step}", en="item {n} of `{list}` in {step}"
    ),
    "where.step-name": m(fi="vaihe `{step}`", sv="steget `{step}`", en="step `{step}`"),
    "where.step-number": m(fi="vaihe {n}", sv="steg {n}", en="step {n}"),
    "missing-field.missing": m(
        fi="{where} puuttuu pakollinen kenttä `{field}`",
        sv="{where} saknar det obligatoriska fältet `{field}`",
        en="{where} is missing the required field `{field}`",
    ),
    "missing-field.missing.hint": m(
        fi="lisää `{field}:` {where}", sv="lägg till `{field}:` i {where}", en="add `{field}:` to {where}"
    ),
    "missing-field.no-type": m(
        fi="{where} puuttuu tyyppi (`type`)", sv="{where} saknar `type`", en="{where} has no `type`"
    ),
    "missing-field.no-type.hint": m(
        fi="lisää esim. `type: task`; vaiheiden tyypit ovat {types}",
        sv="lägg till t.ex. `type: task`; stegtyperna är {types}",
        en="add e.g. `type: task`; the step types are {types}",
    ),
    "yaml-syntax.comma-in-braces": m(
        fi="kentän `{field}` tekstissä on pilkku, joka aaltosulkeiden `{{…}}` sisällä päättää kentän",
        sv="texten i `{field}` innehåller ett kommatecken, som inom `{{…}}` avslutar fältet",
        en="the text of `{field}` contains a comma, which inside `{{…}}` ends the field",
    ),
    "yaml-syntax.comma-in-braces.hint": m(
        fi='kirjoita teksti lainausmerkkeihin: {field}: "{text}"',
        sv='sätt texten inom citattecken: {field}: "{text}"',
        en='put the text in quotes: {field}: "{text}"',
    ),
    "yaml-syntax.comma-in-braces.hint-long": m(
        fi="kirjoita kentän `{field}` koko teksti lainausmerkkeihin",
        sv="sätt hela texten i `{field}` inom citattecken",
        en="put the whole text of `{field}` in quotes",
    ),
    "unknown-key.unknown": m(fi="tuntematon kenttä `{field}`", sv="okänt fält `{field}`", en="unknown field `{field}`"),
    "unknown-key.finnish.hint": m(
        fi="tarkoititko `{value}`? (kenttien nimet kirjoitetaan englanniksi)",
        sv="menade du `{value}`? (fältens namn skrivs på engelska)",
        en="did you mean `{value}`? (the names of the fields are in English)",
    ),
    "unknown-key.remove-allowed.hint": m(
        fi="poista se; tässä kohdassa sallitut kentät ovat {allowed}",
        sv="ta bort det; fälten som är tillåtna här är {allowed}",
        en="remove it; the fields allowed here are {allowed}",
    ),
    "unknown-key.remove.hint": m(fi="poista se", sv="ta bort det", en="remove it"),
    "invalid-value.step-type": m(
        fi="tuntematon vaiheen tyyppi `{value}`", sv="okänd stegtyp `{value}`", en="unknown step type `{value}`"
    ),
    "invalid-value.step-type.hint": m(
        fi="vaiheiden tyypit ovat {types}", sv="stegtyperna är {types}", en="the step types are {types}"
    ),
    "invalid-value.step-type.did-you-mean.hint": m(
        fi="tarkoititko `{value}`? Vaiheiden tyypit ovat {types}",
        sv="menade du `{value}`? Stegtyperna är {types}",
        en="did you mean `{value}`? the step types are {types}",
    ),
    "wrong-type.mapping": m(
        fi="kentän `{field}` arvoksi kuuluu kenttäluettelo (kenttä: arvo -rivejä), mutta siinä on {kind}",
        sv="`{field}` ska vara en uppsättning fält (rader med fält: värde), inte {kind}",
        en="`{field}` should be a mapping (key: value lines), not {kind}",
    ),
    "wrong-type.mapping.hint": m(
        fi="kirjoita se sisennettyinä `kenttä: arvo` -riveinä",
        sv="skriv det som indragna rader med `fält: värde`",
        en="write it as indented `key: value` lines",
    ),
    "wrong-type.see-readme.hint": m(
        fi="katso tiedostojen muoto tiedostosta " + README,
        sv="se filformatet i " + README,
        en="see the format in " + README,
    ),
    "wrong-type.list": m(
        fi="kentän `{field}` arvoksi kuuluu luettelo, mutta siinä on {kind}",
        sv="`{field}` ska vara en lista, inte {kind}",
        en="`{field}` should be a list, not {kind}",
    ),
    "wrong-type.list.hint": m(
        fi="kirjoita jokainen kohta omalle rivilleen, joka alkaa merkeillä '- '",
        sv="skriv varje punkt på en egen rad som börjar med '- '",
        en="write each item on its own line starting with '- '",
    ),
    "wrong-type.text": m(
        fi="kentän `{field}` arvoksi kuuluu teksti, mutta siinä on {kind}",
        sv="`{field}` ska vara text, inte {kind}",
        en="`{field}` should be text, not {kind}",
    ),
    "wrong-type.text.hint": m(
        fi="kirjoita teksti kaksoispisteen jälkeen; kirjoita se lainausmerkkeihin, jos siinä on ': ' tai se alkaa "
        "erikoismerkillä",
        sv="skriv texten efter kolonet; sätt den inom citattecken om den innehåller ': ' eller börjar med ett "
        "specialtecken",
        en="write the text after the colon; put it in quotes if it contains ': ' or starts with a special character",
    ),
    "wrong-type.integer": m(
        fi="kentän `{field}` arvoksi kuuluu kokonaisluku, mutta siinä on {kind}",
        sv="`{field}` ska vara ett heltal, inte {kind}",
        en="`{field}` should be a whole number, not {kind}",
    ),
    "wrong-type.integer.hint": m(
        fi="kirjoita pelkkiä numeroita, esim. 12", sv="skriv bara siffror, t.ex. 12", en="write digits only, e.g. 12"
    ),
    "wrong-type.number": m(
        fi="kentän `{field}` arvoksi kuuluu luku, mutta siinä on {kind}",
        sv="`{field}` ska vara ett tal, inte {kind}",
        en="`{field}` should be a number, not {kind}",
    ),
    "wrong-type.number.hint": m(
        fi="kirjoita luku numeroin ja desimaalit pisteen jälkeen, esim. 12 tai 4.5",
        sv="skriv talet med siffror och decimalerna efter en punkt, t.ex. 12 eller 4.5",
        en="write the number in digits, e.g. 12 or 4.5",
    ),
    "wrong-type.bool": m(
        fi="kentän `{field}` arvoksi kuuluu `true` tai `false`, mutta siinä on {kind}",
        sv="`{field}` ska vara true eller false, inte {kind}",
        en="`{field}` should be true or false, not {kind}",
    ),
    "wrong-type.bool.hint": m(
        fi="kirjoita `true` (kyllä) tai `false` (ei)", sv="skriv `true` (ja) eller `false` (nej)",
        en="write `true` or `false`",
    ),
    "wrong-type.other": m(fi="kenttä `{field}`: {problem}", sv="`{field}`: {problem}", en="`{field}`: {problem}"),
    "invalid-value.literal": m(
        fi="kentän `{field}` arvo ei voi olla {kind}", sv="`{field}` kan inte vara {kind}",
        en="`{field}` cannot be {kind}",
    ),
    "invalid-value.literal.hint": m(
        fi="käytä jotakin näistä: {allowed}", sv="använd ett av dessa: {allowed}", en="use one of: {allowed}"
    ),
    "invalid-value.at-least": m(
        fi="kentän `{field}` arvon on oltava vähintään {limit}", sv="`{field}` måste vara minst {limit}",
        en="`{field}` must be at least {limit}",
    ),
    "invalid-value.at-most": m(
        fi="kentän `{field}` arvo saa olla enintään {limit}", sv="`{field}` får vara högst {limit}",
        en="`{field}` must be at most {limit}",
    ),
    "invalid-value.number.hint": m(fi="korjaa luku", sv="ändra talet", en="change the number"),
    "wrong-type.not-mapping": m(
        fi="tiedostossa pitää olla kenttiä ({fields} …), mutta siinä on {kind}",
        sv="filen ska innehålla fält ({fields} …), inte {kind}",
        en="the file should be a mapping of fields ({fields} …), not {kind}",
    ),
    "wrong-type.not-mapping.hint": m(
        fi="aloita jokainen päätason kenttä rivin alusta ilman merkkejä '- '",
        sv="börja varje fält på översta nivån i början av en rad, utan '- '",
        en="start each top-level field at the beginning of a line, without '- '",
    ),
    "practice.level-format": m(
        fi="kirjoita tavoitetaso vertailuna ja lukuna, esim. '> 60' tai '>= 80', ei {value}",
        sv="skriv nivån som en jämförelse och ett tal, t.ex. '> 60' eller '>= 80', inte {value}",
        en="write the level as a comparison and a number, e.g. '> 60' or '>= 80', not {value}",
    ),
    # --- sources.py: the project's files ----------------------------------------------------------
    "file-kind.fifo": m(fi="nimetty putki (FIFO)", sv="ett namngivet rör (FIFO)", en="a named pipe (FIFO)"),
    "file-kind.device": m(fi="laite", sv="en enhet", en="a device"),
    "file-kind.socket": m(fi="pistoke (socket)", sv="en socket", en="a socket"),
    "file-kind.folder": m(fi="kansio", sv="en mapp", en="a folder"),
    "file-kind.file": m(fi="tavallinen tiedosto", sv="en vanlig fil", en="an ordinary file"),
    "file-kind.special": m(fi="erikoistiedosto", sv="en specialfil", en="a special file"),
    "reason.permission": m(fi="ei käyttöoikeutta", sv="åtkomst nekad", en="permission denied"),
    "project-file.gone": m(fi="`{name}` ei ole enää olemassa", sv="`{name}` finns inte längre", en="`{name}` is no longer there"),
    "project-file.gone.hint": m(fi="tallenna tiedosto uudelleen", sv="spara filen igen", en="save the file again"),
    "project-file.cannot-examine": m(
        fi="kohdetta `{name}` ei voi tutkia ({reason})", sv="`{name}` kan inte undersökas ({reason})",
        en="`{name}` cannot be examined ({reason})",
    ),
    "project-file.permission.hint": m(
        fi="anna itsellesi lukuoikeus siihen (esim. `chmod u+rwX`) tai pyydä apua koneen ylläpitäjältä",
        sv="ge dig själv läsrätt till den (t.ex. `chmod u+rwX`), eller fråga den som sköter datorn",
        en="give yourself read access to it (e.g. `chmod u+rwX` on it), or ask whoever manages the machine",
    ),
    "project-file.disk.hint": m(
        fi="tarkista, että levy ja kansio ovat käytettävissä",
        sv="kontrollera att disken och mappen är tillgängliga",
        en="check that the disk and the folder are available",
    ),
    "project-file.link-loop": m(
        fi="`{name}` on linkkien silmukka, eikä sitä lueta", sv="`{name}` är en slinga av länkar; den läses inte",
        en="`{name}` is a loop of links; it is not read",
    ),
    "project-file.link-broken": m(
        fi="`{name}` on linkki kohteeseen, jota ei ole, eikä sitä lueta",
        sv="`{name}` är en länk till något som inte finns; den läses inte",
        en="`{name}` is a link to something that does not exist; it is not read",
    ),
    "project-file.replace-link-file.hint": m(
        fi="poista linkki tai tallenna sen tilalle itse tiedosto",
        sv="radera länken, eller lägg själva filen här i stället",
        en="delete the link, or put the file itself here in its place",
    ),
    "project-file.replace-link-folder.hint": m(
        fi="poista linkki tai tuo sen tilalle itse kansio",
        sv="radera länken, eller lägg själva mappen här i stället",
        en="delete the link, or put the folder itself here in its place",
    ),
    "project-file.link-outside-file": m(
        fi="`{name}` on linkki projektikansion ulkopuolella olevaan tiedostoon; siitä ei lueta eikä julkaista mitään",
        sv="`{name}` är en länk till en fil utanför projektmappen; inget av den läses eller publiceras",
        en="`{name}` is a link to a file outside the project folder; nothing of it is read or published",
    ),
    "project-file.link-outside-file.hint": m(
        fi="kopioi itse tiedosto projektiin linkin tilalle tai poista linkki",
        sv="kopiera själva filen till projektet i stället för länken, eller radera länken",
        en="copy the file itself into the project in place of the link, or delete the link",
    ),
    "project-file.link-outside-folder": m(
        fi="`{name}` on linkki projektikansion ulkopuolella olevaan kansioon; siitä ei lueta eikä julkaista mitään",
        sv="`{name}` är en länk till en mapp utanför projektmappen; inget av den läses eller publiceras",
        en="`{name}` is a link to a folder outside the project folder; nothing of it is read or published",
    ),
    "project-file.link-outside-folder.hint": m(
        fi="kopioi itse kansio projektiin linkin tilalle tai poista linkki",
        sv="kopiera själva mappen till projektet i stället för länken, eller radera länken",
        en="copy the folder itself into the project in place of the link, or delete the link",
    ),
    "project-file.not-folder": m(
        fi="`{name}` on {kind}, ei kansio", sv="`{name}` är {kind}, inte en mapp", en="`{name}` is {kind}, not a folder"
    ),
    "project-file.not-folder.hint": m(
        fi="tee kohteesta `{name}` kansio tai poista se", sv="gör `{name}` till en mapp, eller radera den",
        en="make `{name}` a folder, or delete it",
    ),
    "project-file.not-file": m(
        fi="`{name}` on {kind}, ei tavallinen tiedosto, eikä sitä lueta",
        sv="`{name}` är {kind}, inte en vanlig fil; den läses inte",
        en="`{name}` is {kind}, not an ordinary file; it is not read",
    ),
    "project-file.not-file.hint": m(
        fi="poista se; projektin kansioista luetaan vain tavallisia tekstitiedostoja",
        sv="radera den; bara vanliga textfiler läses från projektets mappar",
        en="delete it; only ordinary text files are read from the project's folders",
    ),
    "project-file.delete-link.hint": m(fi="poista linkki", sv="radera länken", en="delete the link"),
    "project-file.cannot-read": m(
        fi="tiedostoa ei voi lukea ({reason})", sv="filen kan inte läsas ({reason})",
        en="the file cannot be read ({reason})",
    ),
    "project-file.too-large": m(
        fi="`{name}` on suurempi kuin sallittu {limit:,} tavua, eikä sitä lueta",
        sv="`{name}` är större än gränsen på {limit:,} byte; den läses inte",
        en="`{name}` is larger than the limit of {limit:,} bytes; it is not read",
    ),
    "project-file.too-large.hint": m(
        fi="jaa se pienempiin tiedostoihin", sv="dela upp den i mindre filer", en="split it into smaller files"
    ),
    "project-file.folder-unreadable": m(
        fi="kansiota `{name}/` ei voi lukea ({reason}), joten sen sisältöä ei tarkistettu",
        sv="mappen `{name}/` kan inte läsas ({reason}), så inget i den kontrollerades",
        en="the folder `{name}/` cannot be read ({reason}), so nothing in it was checked",
    ),
    "project-file.yml": m(
        fi="tiedostoa `{name}` ei lueta: tämän kansion tiedostojen nimien pitää päättyä `.yaml`",
        sv="`{name}` läses inte: filerna här måste sluta på `.yaml`",
        en="`{name}` is not read: files here must end in `.yaml`",
    ),
    "project-file.yml.hint": m(
        fi="nimeä se uudelleen: `{stem}.yaml`", sv="byt namn på den till `{stem}.yaml`", en="rename it `{stem}.yaml`"
    ),
    "project-file.folder-link": m(
        fi="`{name}` on linkki kansioon; kansioihin johtavia linkkejä ei seurata",
        sv="`{name}` är en länk till en mapp; länkar till mappar följs inte",
        en="`{name}` is a link to a folder; links to folders are not followed",
    ),
    "project-file.folder-link.hint": m(
        fi="siirrä tai kopioi itse kansio tähän", sv="flytta eller kopiera själva mappen hit",
        en="move or copy the folder itself here",
    ),
    "project-file.folder-link-outside": m(
        fi="`{name}` on linkki projektin ulkopuolella olevaan kansioon; siitä ei lueta eikä julkaista mitään",
        sv="`{name}` är en länk till en mapp utanför projektet; inget i den läses eller publiceras",
        en="`{name}` is a link to a folder outside the project; nothing in it is read or published",
    ),
    "project-file.folder-link-outside.hint": m(
        fi="kopioi tarvitsemasi tiedostot projektiin tai poista linkki",
        sv="kopiera filerna du behöver till projektet, eller radera länken",
        en="copy the files you need into the project, or delete the link",
    ),
    "project-file.content-unreadable": m(
        fi="tiedostoa `{name}` ei voi lukea ({reason})", sv="`{name}` kan inte läsas ({reason})",
        en="`{name}` cannot be read ({reason})",
    ),
    "project-file.content-too-large": m(
        fi="`{name}` on suurempi kuin sallittu {limit:,} tavua, eikä sitä julkaista",
        sv="`{name}` är större än gränsen på {limit:,} byte; den publiceras inte",
        en="`{name}` is larger than the limit of {limit:,} bytes; it is not published",
    ),
    "project-file.content-too-large.hint": m(
        fi="pienennä tiedostoa (esim. pakkaa kuva) tai jätä se pois projektista",
        sv="gör den mindre (t.ex. komprimera bilden), eller lämna den utanför projektet",
        en="make it smaller (e.g. compress the image), or leave it out of the project",
    ),
    "project-file.page-not-utf8": m(
        fi="`{name}` ei ole UTF-8-merkistön tekstiä (tavu {byte})",
        sv="`{name}` är inte giltig UTF-8-text (byte {byte})",
        en="`{name}` is not valid UTF-8 text (byte {byte})",
    ),
    "project-file.page-not-utf8.hint": m(
        fi="tallenna sivu editorissa UTF-8-merkistössä ('Tallenna nimellä' → koodaus UTF-8)",
        sv="spara sidan som UTF-8 i din editor ('Spara som' → kodning UTF-8)",
        en="save the page as UTF-8 in your editor ('Save as' → encoding UTF-8)",
    ),
    "project-file.page-audience": m(
        fi="sivun `{name}` alussa on `audience: {value}`, mutta sivu voi olla vain kaikille (`public`) tai "
        "henkilöstölle (`staff`)",
        sv="sidan `{name}` börjar med `audience: {value}`, men en sida kan bara vara för alla (`public`) eller "
        "för personalen (`staff`)",
        en="the page `{name}` begins with `audience: {value}`, but a page can only be for everyone (`public`) or "
        "for staff (`staff`)",
    ),
    "project-file.page-audience.hint": m(
        fi="kirjoita `audience: staff`, jos sivu on vain henkilöstölle (se jätetään pois julkisesta painoksesta), "
        "tai poista rivi; sallitut arvot: {values}",
        sv="skriv `audience: staff` om sidan bara är för personalen (den lämnas bort ur den offentliga upplagan), "
        "eller ta bort raden; tillåtna värden: {values}",
        en="write `audience: staff` if the page is for staff only (the public edition leaves it out), or remove "
        "the line; the values allowed: {values}",
    ),
    "project-file.no-processes": m(
        fi="kansiossa `{name}/` ei ole prosessitiedostoja (`<id>.yaml`)",
        sv="mappen `{name}/` har inga processfiler (`<id>.yaml`)",
        en="the folder `{name}/` has no process files (`<id>.yaml`)",
    ),
    "project-file.no-processes.hint": m(
        fi="lisää prosessitiedosto, esim. `{name}/asiakasohjaus.yaml` (katso 'Writing a process' tiedostosta "
        + README + ")",
        sv="lägg till en processfil, t.ex. `{name}/asiakasohjaus.yaml` (se 'Writing a process' i " + README + ")",
        en="add a process file, e.g. `{name}/asiakasohjaus.yaml` (see 'Writing a process' in " + README + ")",
    ),
}
