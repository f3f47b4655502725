#!/usr/bin/env python3
"""Add the technical products of O*NET 29.2 Technology Skills and the ESCO ICT knowledge items
to careergap/data/skills.yaml, each citing its own row (and the skill-extractor gazetteer line
when job ads use the same name). Run after taxonomy_tool.py add; then taxonomy_tool.py rows.

A product joins under the skill its O*NET commodity maps to (COMMODITY_PARENTS). Forms are the
row's own words only: the product name, the name without its trailing acronym ("Structured
query language SQL" -> also "Structured query language" and exact-case "SQL") and without a
vendor prefix when what is left cannot be an everyday word. A one-word name is matched with
its exact case only. A form another skill owns is left out; a skill with no free form is not added.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from taxonomy_tool import TAXONOMIES, Finder, fold, load, save  # noqa: E402

COMMODITY_PARENTS = {
    "Development environment software": ("software-engineering", "tool"),
    "Object or component oriented development software": ("programming-languages", "tool"),
    "Data base management system software": ("databases", "database"),
    "Object oriented data base management software": ("databases", "database"),
    "Data base user interface and query software": ("databases", "tool"),
    "Data base reporting software": ("business-intelligence", "tool"),
    "Business intelligence and data analysis software": ("business-intelligence", "tool"),
    "Web platform development software": ("web-development", "framework"),
    "Web page creation and editing software": ("web-development", "tool"),
    "Operating system software": ("operating-systems", "platform"),
    "Network operating system enhancement software": ("operating-systems", "tool"),
    "Program testing software": ("software-testing", "tool"),
    "Network monitoring software": ("monitoring", "tool"),
    "Enterprise system management software": ("monitoring", "tool"),
    "Configuration management software": ("configuration-management", "tool"),
    "File versioning software": ("version-control", "tool"),
    "Compiler and decompiler software": ("compilers", "tool"),
    "Enterprise application integration software": ("data-integration", "tool"),
    "Data conversion software": ("data-integration", "tool"),
    "Data mining software": ("data-mining", "tool"),
    "Metadata management software": ("metadata-management", "tool"),
    "Application server software": ("backend-development", "platform"),
    "Transaction server software": ("backend-development", "platform"),
    "Cloud-based data access and sharing software": ("cloud-computing", "cloud"),
    "Cloud-based management software": ("cloud-computing", "cloud"),
    "Graphical user interface development software": ("gui-development", "tool"),
    "Device drivers or system software": ("device-drivers", "tool"),
    "Filesystem software": ("storage-systems", "tool"),
    "Backup or archival software": ("storage-systems", "tool"),
    "Storage networking software": ("storage-systems", "tool"),
    "Network security or virtual private network VPN management software": (
        "network-security",
        "tool",
    ),
    "Network security and virtual private network VPN equipment software": (
        "network-security",
        "tool",
    ),
    "Transaction security and virus protection software": ("security", "tool"),
    "Internet directory services software": ("identity-access-management", "tool"),
    "Analytical or scientific software": ("data-analysis", "tool"),
    "Computer aided design CAD software": ("eda", "eda-tool"),
    "Industrial control software": ("embedded-systems", "tool"),
    "Information retrieval or search software": ("information-retrieval", "tool"),
    "Map creation software": ("geospatial-analysis", "tool"),
    "Geographic information system": ("geospatial-analysis", "tool"),
    "Switch or router software": ("networking", "tool"),
    "Internet protocol IP multimedia subsystem software": ("networking", "tool"),
    "Requirements analysis and system architecture software": ("software-design", "tool"),
    "Expert system software": ("artificial-intelligence", "tool"),
    "Voice recognition software": ("speech-recognition", "tool"),
    "Optical character reader OCR or scanning software": ("ocr", "tool"),
    "Charting software": ("data-visualization", "tool"),
    "Spreadsheet software": ("data-analysis", "tool"),
    "Project management software": ("project-management", "tool"),
}
#: Commodities whose products are mostly outside careergap's families: only products that job
#: ads name too (the gazetteer has them) or that O*NET marks hot or in demand.
SELECTIVE = {
    "Analytical or scientific software",
    "Computer aided design CAD software",
    "Data base user interface and query software",
    "Industrial control software",
    "Map creation software",
    "Project management software",
    "Spreadsheet software",
}
#: CAD products of these vendors are chip-design tools; other CAD products are mechanical.
EDA_VENDORS = (
    "cadence",
    "synopsys",
    "mentor",
    "siemens eda",
    "xilinx",
    "altera",
    "ansys",
    "keysight",
    "silvaco",
    "tanner",
    "intel quartus",
    "lattice",
    "microchip",
)
VENDORS = (
    "Microsoft ",
    "Oracle ",
    "IBM ",
    "Apache ",
    "Google ",
    "Amazon ",
    "Adobe ",
    "SAP ",
    "The MathWorks ",
    "Autodesk ",
    "Cadence ",
    "Synopsys ",
    "Mentor Graphics ",
    "Red Hat ",
    "Atlassian ",
    "JetBrains ",
    "Eclipse ",
    "SAS ",
    "Salesforce ",
    "VMware ",
    "Cisco ",
    "Hewlett Packard ",
    "HP ",
    "Intel ",
    "NVIDIA ",
    "Xilinx ",
    "Altera ",
    "Ansys ",
    "National Instruments ",
    "Siemens ",
    "Dassault Systemes ",
    "Bentley ",
    "Esri ",
    "Minitab ",
    "Wolfram Research ",
    "Facebook ",
    "Meta ",
    "Alteryx ",
    "Elastic ",
    "Docker ",
    "Puppet ",
    "Progress ",
    "Tableau ",
    "Qlik ",
    "Informatica ",
    "Teradata ",
    "Micro Focus ",
    "OpenText ",
    "Citrix ",
    "Juniper Networks ",
    "Sun Microsystems ",
)


#: Products that are not skills a posting asks for (social networks) or whose name is an
#: everyday word or a bare letter.
NOT_SKILLS = {
    "facebook",
    "linkedin",
    "instagram",
    "twitter",
    "youtube",
    "tiktok",
    "pinterest",
    "snapchat",
    "scheme",
    "computerequipment",
    "j",
    "reddit",
    "whatsapp",
    "wechat",
}


#: Exact-case forms that are everyday capitalised words, names or other acronyms in postings.
RISKY_EXACT = {
    "AIR",
    "Abbott",
    "Algae",
    "Assembly",
    "Blogger",
    "Clipper",
    "Cyclone",
    "Dig",
    "Forth",
    "Hotspot",
    "IDE",
    "Route",
    "Scratch",
    "SAND",
    "FIT",
    "CALM",
    "Myspace",
    "Tumblr",
    "Pascal",
    "EMS",
    "CFR",
    "OMS",
    "MDM",
    "ARTS",
    "ATOP",
    "RPR",
    "IDS",
    "IPS",
    "CMS",
    "DOS",
    "Eclipse",
    "Honeypot",
    "BIND",
    "Dropbox",
    "Taleo",
    "LESS",
    "TokenX",
    "DML",
    "DDL",
    "SAX",
    "IDL",
    "SDL",
    "CGI",
    "Samba",
    "Litmos",
}


def slug(name: str) -> str:
    s = name.casefold().replace("+", "p").replace("#", "sharp")
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def safe_alone(text: str) -> bool:
    """A vendor-less remainder that cannot be an everyday phrase: one of its words has an inner
    capital or a digit ("PowerShell", "DB2") or is all capitals of 3+ letters ("JMS")."""
    return any(
        re.search(r"[a-z][A-Z]|\d", w) or (w.isupper() and len(w) >= 3) for w in text.split()
    )


def forms_of(example: str) -> tuple[str, list[str], list[str]]:
    name, aliases, exact = example.strip(), [], []
    words = name.split()
    if len(words) >= 3 and re.fullmatch(r"[A-Z][A-Z0-9]{1,6}", words[-1]):
        initials = "".join(w[0].upper() for w in words[:-1] if w[0].isalpha())
        if all(c in initials for c in words[-1] if c.isalpha()):
            if words[0].casefold() not in ("a", "an", "the"):
                aliases.append(" ".join(words[:-1]))
            if len(words[-1]) >= 3:
                exact.append(words[-1])
    for vendor in VENDORS:
        for base in [name, *aliases]:
            rest = base[len(vendor) :]
            if base.startswith(vendor) and safe_alone(rest):
                # one all-capital word ("AIR") is matched with its exact case only
                (exact if rest.isupper() and " " not in rest else aliases).append(rest)
    if len(words) == 1:
        exact.append(name)
    return name, list(dict.fromkeys(aliases)), exact


def main() -> None:
    header, skills = load()
    by_id = {s["id"]: s for s in skills}
    owner = {fold(f): s["id"] for s in skills for f in [s["name"], *s["aliases"], *s["exact"]]}
    finder = Finder()
    skx = finder.exact["skx"]
    added = 0
    path = TAXONOMIES / "onet_29_2/technology_skills.txt"
    seen: set[str] = set()
    for n, row in enumerate(csv.reader(path.open(encoding="utf-8"), delimiter="\t"), 1):
        if n == 1 or row[1] in seen or row[3] not in COMMODITY_PARENTS:
            continue
        seen.add(row[1])
        example, commodity, hot = row[1], row[3], "Y" in (row[4], row[5])
        name, aliases, exact = forms_of(example)
        known_in_ads = any(fold(f) in skx for f in [name, *aliases])
        if commodity in SELECTIVE and not (known_in_ads or hot):
            continue
        if fold(name) in NOT_SKILLS or len(name) < 2 or name in RISKY_EXACT:
            continue
        exact = [e for e in exact if e not in RISKY_EXACT]
        parent, category = COMMODITY_PARENTS[commodity]
        if commodity.startswith("Computer aided design") and not name.casefold().startswith(
            EDA_VENDORS
        ):
            parent, category = "engineering-fundamentals", "tool"
        if fold(name) in owner:
            continue
        aliases = [a for a in aliases if fold(a) not in owner and fold(a) != fold(name)]
        exact = [e for e in exact if fold(e) not in owner or e == name]
        if len(exact) == 1 and exact[0] == name and fold(name) in owner:
            continue
        sid = slug(name)
        if not sid or sid in by_id:
            continue
        sources = [f"onet:technology_skills.txt:{n}"]
        line = next((skx[fold(f)] for f in [name, *aliases] if fold(f) in skx), None)
        if line:
            sources.append(f"skx:skill_extractor_skills.json:{line}")
        skill = {
            "id": sid,
            "name": name,
            "category": category,
            "aliases": aliases,
            "exact": [e for e in exact],
            "parents": [parent],
            "related": [],
            "sources": sources,
        }
        by_id[sid] = skill
        for f in [name, *aliases, *exact]:
            owner[fold(f)] = sid
        added += 1
    added += add_esco(by_id, owner)
    save(header, list(by_id.values()))
    print(f"added {added}", file=sys.stderr)


#: ESCO knowledge items: parent by what the label says.
ESCO_PARENTS = (
    (
        re.compile(r"\(computer programming\)|programming|language", re.I),
        "programming-languages",
        "language",
    ),
    (re.compile(r"database|data ?base|query|sql", re.I), "databases", "tool"),
    (re.compile(r"secur|threat|attack|forensic|penetration", re.I), "security", "method"),
    (re.compile(r"network|internet|web|protocol", re.I), "networking", "method"),
    (re.compile(r"data|analytics|statistic|mining", re.I), "data-analysis", "method"),
    (
        re.compile(r"develop|software|agile|test|design|architecture|devops", re.I),
        "software-engineering",
        "method",
    ),
)


def add_esco(by_id: dict, owner: dict) -> int:
    path = TAXONOMIES / "esco/esco_ict_skills_altlabels.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    added = 0
    for n, line in enumerate(lines, 1):
        if n == 1 or not line.startswith("http"):
            continue
        cells = next(csv.reader([line]), [])
        if len(cells) < 4 or cells[2] != "knowledge":
            continue
        label = cells[1]
        name = re.sub(r"\s*\((computer programming|.*software.*|.*tool.*)\)$", "", label).strip()
        if not name or fold(name) in owner or fold(label) in owner:
            continue
        parent, category = next(
            ((p, c) for rx, p, c in ESCO_PARENTS if rx.search(label)), ("computer-science", "field")
        )
        alts = [
            a
            for a in cells[3].split(" | ")
            if len(a.split()) >= 2
            and fold(a) not in owner
            and fold(a) != fold(name)
            and safe_alone(a)
        ]
        exact = [name] if len(name.split()) == 1 and name[0].isupper() else []
        if len(name.split()) == 1 and (not exact or name in RISKY_EXACT):
            continue  # a lower-case single word ("lisp"-like labels are capitalised): too generic
        sid = slug(name)
        if sid in by_id:
            continue
        skill = {
            "id": sid,
            "name": name,
            "category": category,
            "aliases": alts,
            "exact": exact,
            "parents": [parent],
            "related": [],
            "sources": [f"esco:esco_ict_skills_altlabels.csv:{n}"],
        }
        if label != name:
            skill["aliases"] = [label, *alts] if fold(label) not in owner else alts
        by_id[sid] = skill
        for f in [name, *skill["aliases"], *exact]:
            owner[fold(f)] = sid
        added += 1
    return added


if __name__ == "__main__":
    main()
