"""Synthetic handbooks at county and national scale, for the benchmarks.

`write_handbook(root, n)` writes `root/processes/` with `n` processes of about 12
steps each (3–5 roles, 2 decisions, a wait, contacts and glossary terms), Finnish
text with Swedish and English titles (so `check --strict` would warn of missing translations). The same `n` and seed
always give the same files.
"""

from __future__ import annotations

import random
from pathlib import Path

_WORD_TEXT = (
    "asiakas ohjaus palvelutarve arviointi yhteydenotto neuvonta hoitosuunnitelma konsultaatio "
    "viranomaisnumero omatyöntekijä kotihoito sosiaalityö mielenterveys päihdepalvelut kirjaus "
    "asiakastietojärjestelmä palvelulupaus yhteisasiakkuus verkostopalaveri hoidontarve "
    "vastaanotto ajanvaraus takaisinsoitto palveluohjaaja sairaanhoitaja lääkäri läheinen "
    "tulkki kuntoutus suunnitelma seuranta päätös hakemus lomake ilmoitus huoli tuki apu "
    "kartoitus"
)
WORDS = _WORD_TEXT.split()
AREAS = ("ikaantyneet", "mielenterveys", "aikuissosiaalityo", "perhepalvelut", "vammaispalvelut")
ROLES = [f"rooli-{i}" for i in range(1, 13)]
ORGS = ("sote", "mtp", "sos", "ohjaus")


def _sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def _text(fi: str) -> str:
    sv = "SV " + fi
    en = "EN " + fi
    return "{" + f"fi: '{fi}', sv: '{sv}', en: '{en}'" + "}"


def _registries(root: Path, n_contacts: int, n_terms: int) -> None:
    (root / "areas.yaml").write_text(
        "areas:\n" + "".join(f"  - {{id: {a}, name: {_text(a.capitalize())}}}\n" for a in AREAS),
        encoding="utf-8",
    )
    (root / "organizations.yaml").write_text(
        "organizations:\n" + "".join(f"  - {{id: {o}, name: {_text(o.upper())}}}\n" for o in ORGS),
        encoding="utf-8",
    )
    (root / "roles.yaml").write_text(
        "roles:\n"
        + "".join(
            f"  - {{id: {r}, name: {_text('Rooli ' + r[6:])}, organization: {ORGS[i % len(ORGS)]}}}\n"
            for i, r in enumerate(ROLES)
        ),
        encoding="utf-8",
    )
    lines = ["contacts:"]
    for i in range(n_contacts):
        lines += [
            f"  - id: yhteys-{i}",
            f"    name: {_text(f'Palvelunumero {i}')}",
            "    phone: 0XX XXX XXXX",
            "    hours: [{days: mon-fri, time: '08:00-16:00'}]",
            f"    audience: {'authorities' if i % 3 == 0 else 'public'}",
            "    languages: [fi, sv]",
            f"    purpose: {_text('Neuvonta ja ohjaus')}",
            "    example: true",
        ]
    (root / "contacts.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines = ["terms:"]
    for i in range(n_terms):
        lines += [
            f"  - id: termi-{i}",
            f"    term: {_text(f'termi {i}')}",
            f"    abbr: T{i}X",
            f"    definition: {_text('Selitys termille.')}",
        ]
    (root / "glossary.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "orientation.yaml").write_text(
        "paths:\n" + "".join(f"  - {{role: {r}, processes: [prosessi-0001]}}\n" for r in ROLES),
        encoding="utf-8",
    )


def process_yaml(i: int, rng: random.Random, n_contacts: int, n_terms: int) -> str:
    pid = f"prosessi-{i:04d}"
    roles = rng.sample(ROLES, rng.randint(3, 5))
    title = f"{_sentence(rng, 3)[:-1]} {i}"
    out = [
        "# yaml-language-server: $schema=../schema/process.schema.json",
        f"id: {pid}",
        f"title: {_text(title)}",
        f"summary: {_sentence(rng, 14)}",
        f"area: {AREAS[i % len(AREAS)]}",
        "owner: {role: Palveluesihenkilö, unit: Palveluohjaus}",
        "version: 1",
        "valid_from: 2026-01-01",
        "reviewed: 2026-10-01",
        "review_every_months: 12",
        f"roles: [{', '.join(roles)}]",
        f"terms: [termi-{i % n_terms}, termi-{(i + 1) % n_terms}]",
        f"keywords: {{fi: [{rng.choice(WORDS)}, {rng.choice(WORDS)}]}}",
        "steps:",
    ]

    def step(sid: str, typ: str, role: str, extra: str = "") -> None:
        out.append(f"  - id: {sid}")
        out.append(f"    type: {typ}")
        out.append(f"    role: {role}")
        out.append(f"    name: {_sentence(rng, 4)[:-1]}")
        if typ == "task":
            out.append(f"    description: {_sentence(rng, 40)}")
            out.append(f"    record: {_sentence(rng, 8)}")
        if extra:
            out.append(extra)

    r = roles
    step("alku", "start", r[0])
    step("vastaanota", "task", r[1], f"    contacts: [yhteys-{i % n_contacts}]")
    step("arvioi", "task", r[1])
    step("tarve", "decision", r[1], "    branches:\n"
         f"      - {{when: {_text('Kyllä')}, to: ohjaa}}\n"
         f"      - {{when: {_text('Ei')}, to: neuvo}}")
    step("neuvo", "task", r[1], "    next: kirjaa")
    step("ohjaa", "task", r[2], f"    contacts: [yhteys-{(i + 1) % n_contacts}]")
    step("odota", "wait", r[2], "    within: 3 working days")
    step("suunnittele", "task", r[2])
    step("toteuta", "task", r[3 % len(r)])
    if len(r) > 4:
        step("tiedota", "task", r[4])
    step("seuraa", "decision", r[-1], "    branches:\n"
         f"      - {{when: {_text('Tavoite saavutettu')}, to: kirjaa}}\n"
         f"      - {{when: {_text('Jatketaan')}, to: suunnittele}}")
    step("kirjaa", "task", r[1])
    step("loppu", "end", r[0])
    out += [
        "promises:",
        f"  - {{from: alku, to: odota, within: 3 working days, name: {_text('Palvelu kolmessa arkipäivässä')}}}",
        "targets:",
        f"  - {{id: tavoitettu, metric: {_text('Tavoitettu samana päivänä')}, level: '≥ 80 %'}}",
        "changes:",
        f"  - {{date: 2026-10-01, version: 1, text: {_text('Prosessi kuvattiin.')}}}",
    ]
    return "\n".join(out) + "\n"


def write_handbook(root: Path, n: int, seed: int = 1) -> Path:
    """Write a synthetic handbook of `n` processes into `root/processes/`; returns that folder."""
    processes = root / "processes"
    processes.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    n_contacts = max(3, n // 10)
    n_terms = max(3, n // 20)
    _registries(processes, n_contacts, n_terms)
    for i in range(1, n + 1):
        (processes / f"prosessi-{i:04d}.yaml").write_text(process_yaml(i, rng, n_contacts, n_terms), encoding="utf-8")
    return processes


def edit_process(processes: Path, i: int, tag: str) -> Path:
    """Change one step name of process `i` (a change every language's diagram shows); returns the file."""
    path = processes / f"prosessi-{i:04d}.yaml"
    text = path.read_text(encoding="utf-8")
    marker = "  - id: arvioi\n"
    head, sep, tail = text.partition(marker)
    if not sep:
        raise ValueError(f"{path}: no step 'arvioi' to edit")
    lines = tail.split("\n")
    for k, line in enumerate(lines):
        if line.startswith("    name: "):
            lines[k] = f"{line} {tag}"
            break
    else:
        raise ValueError(f"{path}: step 'arvioi' has no name")
    path.write_text(head + sep + "\n".join(lines), encoding="utf-8")
    return path


def role_use(processes: Path) -> dict[str, int]:
    """How many processes list each role (their `roles:` line), most used first."""
    counts = {role: 0 for role in ROLES}
    for path in sorted(processes.glob("prosessi-*.yaml")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("roles: ["):
                for role in line[len("roles: [") : -1].split(","):
                    if role.strip() in counts:
                        counts[role.strip()] += 1
                break
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], ROLES.index(kv[0]))))


def rename_role(processes: Path, role: str, tag: str) -> str:
    """Append `tag` to the Finnish name of `role` in roles.yaml (the other languages keep theirs); the new name."""
    path = processes / "roles.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    for k, line in enumerate(lines):
        if line.startswith(f"  - {{id: {role}, name: {{fi: '"):
            head, _, rest = line.partition("fi: '")
            name, _, tail = rest.partition("'")
            new = f"{name} {tag}"
            lines[k] = f"{head}fi: '{new}'{tail}"
            path.write_text("\n".join(lines), encoding="utf-8")
            return new
    raise ValueError(f"{path}: no role {role!r} to rename")
