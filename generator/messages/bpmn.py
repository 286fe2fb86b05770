"""Messages of BPMN interchange: `handbook export-bpmn` and `handbook import-bpmn`, and the help of both."""

from __future__ import annotations

from . import m

MESSAGES: dict[str, dict[str, str]] = {
    "cli.help.export-bpmn": m(
        fi="kirjoita jokainen prosessi BPMN 2.0 -tiedostoksi (bpmn.io, Camunda Modeler, Signavio)",
        sv="skriv varje process som en BPMN 2.0-fil (bpmn.io, Camunda Modeler, Signavio)",
        en="write every process as a BPMN 2.0 file (bpmn.io, Camunda Modeler, Signavio)",
    ),
    "cli.help.export-bpmn.description": m(
        fi="Kirjoittaa jokaisesta prosessista tiedoston <prosessin tunniste>.bpmn: roolit kaistoina, vaiheet "
           "BPMN-elementteinä ja kaavio samassa asettelussa kuin käsikirjan kaavio.",
        sv="Skriver filen <processens id>.bpmn för varje process: rollerna som banor, stegen som BPMN-element och "
           "diagrammet i samma layout som handbokens diagram.",
        en="Writes <process id>.bpmn for every process: the roles as lanes, the steps as BPMN elements and the "
           "diagram laid out as the handbook draws it.",
    ),
    "cli.help.bpmn-out": m(fi="kansio, johon tiedostot kirjoitetaan", sv="mappen filerna skrivs i",
                           en="the folder the files are written to"),
    "cli.help.bpmn-lang": m(
        fi="nimien kieli (muut kielet menevät dokumentaatioon)",
        sv="namnens språk (de andra språken går i dokumentationen)",
        en="the language of the names (the other languages go in the documentation)",
    ),
    "cli.help.import-bpmn": m(
        fi="lue BPMN 2.0 -tiedosto prosessin YAML-tiedostoksi",
        sv="läs en BPMN 2.0-fil till en process i YAML",
        en="read a BPMN 2.0 file into a process YAML file",
    ),
    "cli.help.import-bpmn.description": m(
        fi="Lukee BPMN 2.0 -tiedoston ja kirjoittaa siitä prosessin YAML-tiedoston: kaistoista roolit, "
           "elementeistä vaiheet, sekvenssivuoista jatkot. Mitä käsikirja ei osaa esittää, siitä tulee viesti "
           "rivinumeron ja elementin tunnisteen kanssa.",
        sv="Läser en BPMN 2.0-fil och skriver en process i YAML: roller från banorna, steg från elementen, "
           "fortsättningar från sekvensflödena. Det handboken inte kan visa får ett meddelande med rad och "
           "elementets id.",
        en="Reads a BPMN 2.0 file and writes a process YAML file: roles from the lanes, steps from the flow "
           "nodes, next steps from the sequence flows. Whatever the handbook cannot represent gets a message "
           "with its line and element id.",
    ),
    "cli.help.bpmn-file": m(fi="luettava .bpmn-tiedosto", sv=".bpmn-filen som läses", en="the .bpmn file to read"),
    "bpmn.exported": m(
        fi="{n} {n:BPMN-tiedosto|BPMN-tiedostoa} kirjoitettu kansioon {folder}",
        sv="{n} BPMN-filer skrivna i mappen {folder}",
        en="{n} BPMN {n:file|files} written to {folder}",
    ),
    "bpmn.no-layout": m(
        fi="prosessissa {process} on {n:,} vaihetta, liian monta kaavioon (enintään {max:,}): "
           "sen BPMN-tiedostossa on malli ilman kaaviota (BPMNDI)",
        sv="processen {process} har {n:,} steg, för många för ett diagram (högst {max:,}): "
           "dess BPMN-fil har modellen utan diagram (BPMNDI)",
        en="process {process} has {n:,} steps, too many for a diagram (at most {max:,}): "
           "its BPMN file holds the model without a diagram (BPMNDI)",
    ),
    "bpmn.not-exported": m(
        fi="prosesseissa on virheitä, joten BPMN-tiedostoja ei kirjoitettu — korjaa ne ensin (handbook check)",
        sv="processerna har fel, så inga BPMN-filer skrevs — rätta dem först (handbook check)",
        en="the processes have errors, so no BPMN files were written — fix them first (handbook check)",
    ),
    "bpmn.imported": m(fi="kirjoitettu {file}", sv="skrev {file}", en="wrote {file}"),
    "bpmn.unreadable": m(fi="tiedostoa ei voi lukea: {reason}", sv="filen kan inte läsas: {reason}",
                         en="the file cannot be read: {reason}"),
    "bpmn.too-large": m(
        fi="tiedosto on liian suuri BPMN-malliksi ({size:,} tavua, enintään {limit:,})",
        sv="filen är för stor för en BPMN-modell ({size:,} byte, högst {limit:,})",
        en="the file is too large for a BPMN model ({size:,} bytes, at most {limit:,})",
    ),
    "bpmn.bad-xml": m(fi="tiedosto ei ole kelvollista XML:ää: {reason}", sv="filen är inte giltig XML: {reason}",
                      en="the file is not well-formed XML: {reason}"),
    "bpmn.not-bpmn": m(
        fi="tiedosto ei ole BPMN 2.0 -malli (juurielementti on {tag}, odotettiin definitions)",
        sv="filen är inte en BPMN 2.0-modell (rotelementet är {tag}, definitions väntades)",
        en="the file is not a BPMN 2.0 model (its root element is {tag}, definitions was expected)",
    ),
    "bpmn.no-process": m(fi="tiedostossa ei ole prosessia (bpmn:process)", sv="filen har ingen process (bpmn:process)",
                         en="the file has no process (bpmn:process)"),
    "bpmn.unsupported": m(
        fi="elementti {element} (`{id}`): käsikirja ei osaa esittää sitä, joten sitä ei tuotu — {what}",
        sv="elementet {element} (`{id}`): handboken kan inte visa det, så det importerades inte — {what}",
        en="element {element} (`{id}`): the handbook cannot represent it, so it was not imported — {what}",
    ),
    "bpmn.unsupported.what": m(
        fi="kuvaa se tehtävänä, päätöksenä tai rinnakkaisina polkuina",
        sv="beskriv det som en uppgift, ett beslut eller parallella vägar",
        en="describe it as a task, a decision or parallel paths",
    ),
    "bpmn.unsupported.subprocess": m(
        fi="aliprosessin sisältö jäi pois; kuvaa se omana prosessinaan ja kutsu sitä (call)",
        sv="delprocessens innehåll lämnades bort; beskriv det som en egen process och anropa den (call)",
        en="the sub-process's contents were left out; describe them as a process of their own and call it (call)",
    ),
    "bpmn.exists": m(
        fi="{file} on jo olemassa; poista se tai anna toinen kansio (--out)",
        sv="{file} finns redan; ta bort den eller ange en annan mapp (--out)",
        en="{file} exists already; remove it or give another folder (--out)",
    ),
    "bpmn.found-problems": m(
        fi="{n} {n:kohta|kohtaa} jäi tuomatta; katso viestit yllä ja täydennä YAML-tiedosto",
        sv="{n} delar importerades inte; se meddelandena ovan och komplettera YAML-filen",
        en="{n} {n:part was|parts were} not imported; see the messages above and complete the YAML file",
    ),
}
