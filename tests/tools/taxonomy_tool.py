#!/usr/bin/env python3
"""Maintain careergap/data/skills.yaml: add curated skills with their provenance, and ship the
cited rows of the outside taxonomies under tests/fixtures/cited_rows/ so tests verify every
citation on a clean clone.

    python tests/tools/taxonomy_tool.py add tests/tools/taxonomy/*.txt  # curated skills
    (add and aliases never add back a form listed in tests/tools/removed_forms.txt)
    python tests/tools/taxonomy_tool.py aliases tests/tools/aliases.txt  # forms of existing skills
    python tests/tools/taxonomy_tool.py context tests/tools/needs_context.txt  # everyday words
    python tests/tools/taxonomy_tool.py recite  # re-cite sources that lost their form
    python tests/tools/taxonomy_tool.py rows    # rewrite tests/fixtures/cited_rows
    python tests/tools/taxonomy_tool.py check   # shipped rows == ../shared files

A curated line is ``id | Name | category | parents | aliases | exact`` (lists separated by
";" within a field, parents by ","). A form that a curated skill claims from an existing skill
is moved to it: that is how a merged skill is split ("LangChain" leaves "AI agents" for a
skill of its own with "AI agents" as parent). A skill is added only when a seed line or a
row of O*NET, ESCO, the skill-extractor gazetteer or the Lightcast names list names it (see
careergap/reading/provenance.py);
the tool never invents a source. Needs ../shared beside the checkout; careergap itself
never reads it.
"""

from __future__ import annotations

import bisect
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from careergap.files.loader import load_trusted_yaml  # noqa: E402
from careergap.reading.matching import fold  # noqa: E402
from careergap.reading.provenance import TAXONOMY_FILES, label_fields, names, parse_source  # noqa: E402

SHARED = ROOT.parent / "shared"
if not SHARED.is_dir():
    SHARED = Path("/work/shared")
SEEDS = SHARED / "seeds"
TAXONOMIES = SHARED / "evaldata" / "taxonomy"
SKILLS = ROOT / "careergap" / "data" / "skills.yaml"
ROWS = ROOT / "tests" / "fixtures" / "cited_rows"
#: Seed 001 is machine-paraphrased and is never cited.
SEED_FILES = (
    "000_190afbe9e267fcee.txt",
    "002_d3afff88b32231de.txt",
    "003_389bce776126a891.txt",
    "004_9cc85b5c947fcb3d.txt",
)
FIELDS = ("id", "name", "category", "aliases", "exact", "parents", "related", "sources")
#: At most this many citations per new skill.
MAX_SOURCES = 2
#: Forms removed from skills.yaml by hand: never added back (``id | form | commit`` lines).
REMOVED_FORMS = ROOT / "tests" / "tools" / "removed_forms.txt"


def removed_forms(path: Path = REMOVED_FORMS) -> dict[str, str]:
    """Each folded form removed by hand -> its line in ``path``, for the messages."""
    out: dict[str, str] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            out[fold(line.split("|")[1].strip())] = f"{path.name}:{n}"
    return out


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def flow(items: list[str]) -> str:
    return "[" + ", ".join(q(i) for i in items) + "]"


def emit(skills: list[dict]) -> str:
    """The file's layout: one block per skill, sorted by id, flow lists in double quotes."""
    out = []
    for s in sorted(skills, key=lambda s: s["id"]):
        out.append(f"- id: {s['id']}")
        out.append(f"  name: {q(s['name'])}")
        out.append(f"  category: {s['category']}")
        for key in ("aliases", "exact"):
            out.append(f"  {key}: {flow(list(s.get(key) or []))}")
        if s.get("needs_context"):
            out.append(f"  needs_context: {flow(list(s['needs_context']))}")
        out.append(f"  parents: {flow(list(s.get('parents') or []))}")
        related = s.get("related") or []
        if related:
            out.append("  related:")
            out += [f"    - {{id: {r['id']}, weight: {r['weight']}}}" for r in related]
        else:
            out.append("  related: []")
        out.append(f"  sources: {flow(list(s.get('sources') or []))}")
    return "\n".join(out) + "\n"


def load() -> tuple[str, list[dict]]:
    text = SKILLS.read_text(encoding="utf-8")
    header = text[: text.index("- id: ")]
    return header, load_trusted_yaml(SKILLS)


def save(header: str, skills: list[dict]) -> None:
    SKILLS.write_text(header + emit(skills), encoding="utf-8")


def _squash(text: str) -> str:
    return re.sub(r"[\s\-]+", "", text.casefold())


class Finder:
    """Lines that may be cited, per source, loaded once and indexed for substring search."""

    def __init__(self) -> None:
        self.seed_lines = {
            name: (SEEDS / name).read_text(encoding="utf-8").splitlines() for name in SEED_FILES
        }
        self.seed_index = {
            name: _Index([_squash(line) for line in ls]) for name, ls in self.seed_lines.items()
        }
        self.rows: dict[str, dict[int, list[str]]] = {}
        self.exact: dict[str, dict[str, int]] = {}
        self.tokens: dict[str, _Index] = {}
        for prefix, rel in TAXONOMY_FILES.items():
            lines = (TAXONOMIES / rel).read_text(encoding="utf-8").split("\n")
            rows = {i: label_fields(prefix, line) for i, line in enumerate(lines, 1) if i > 1}
            self.rows[prefix] = rows
            exact: dict[str, int] = {}
            for i, fields in rows.items():
                for f in fields:
                    exact.setdefault(fold(f), i)
            self.exact[prefix] = exact
            self.tokens[prefix] = _Index(
                [
                    "\x01".join(" " + " ".join(_tokens(f)) + " " for f in rows.get(i, []))
                    for i in range(1, len(lines) + 1)
                ]
            )

    def cite(self, forms: list[str], seeds: bool = True) -> list[str]:
        """Up to MAX_SOURCES citations naming one of ``forms`` (the name first), best first:
        a seed line, then an outside row whose label equals a form, then one containing it."""
        found: list[str] = []
        if seeds:
            for form in forms:
                key = _squash(form)
                if len(key) < 4:  # too short to trust a substring hit in prose
                    continue
                word = re.compile(r"(?<![a-z0-9])" + re.escape(form.casefold()) + r"(?![a-z0-9])")
                for name, index in self.seed_index.items():
                    for i in index.lines_with(key):
                        if word.search(self.seed_lines[name][i - 1].casefold()):
                            found.append(f"{name}:{i}")
                            break
                    if len(found) >= MAX_SOURCES:
                        return found
                if found:
                    break
        for exact in (True, False):
            for prefix in ("onet", "esco", "skx", "lc"):
                file = TAXONOMY_FILES[prefix].rsplit("/", 1)[1]
                for form in forms:
                    if exact:
                        hit = self.exact[prefix].get(fold(form))
                    else:
                        toks = _tokens(form)
                        hit = (
                            next(
                                iter(self.tokens[prefix].lines_with(" " + " ".join(toks) + " ")),
                                None,
                            )
                            if toks
                            else None
                        )
                    cite = f"{prefix}:{file}:{hit}"
                    if (
                        hit
                        and cite not in found
                        and any(names(f, form) for f in self.rows[prefix][hit])
                    ):
                        found.append(cite)
                        break
                if len(found) >= MAX_SOURCES:
                    return found
                if found and prefix != "onet":
                    return found
        return found


class _Index:
    """Lines joined in one string so ``str.find`` does the searching; hits mapped back by bisect."""

    def __init__(self, lines: list[str]) -> None:
        self.text = "\x00".join(lines)
        self.starts = []
        pos = 0
        for line in lines:
            self.starts.append(pos)
            pos += len(line) + 1

    def lines_with(self, key: str):
        """1-based numbers of the lines containing ``key``, in order."""
        at = self.text.find(key)
        while at != -1:
            n = bisect.bisect_right(self.starts, at)
            yield n
            at = self.text.find(key, self.starts[n] if n < len(self.starts) else len(self.text))
        return


def _tokens(text: str) -> list[str]:
    return re.findall(r"[a-z0-9+#]+", text.casefold())


def parse_spec(path: Path) -> list[dict]:
    skills = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("|")]
        if len(cells) != 6:
            raise SystemExit(f"{path}:{n}: expected 6 fields, got {len(cells)}")
        sid, name, category, parents, aliases, exact = cells
        split = lambda text, sep: [p.strip() for p in text.split(sep) if p.strip()]  # noqa: E731
        exact_forms = split(exact, ";")
        exact_keys = {re.sub(r"[\s_\-]+", "", e.lower()) for e in exact_forms}
        alias_forms = [
            a
            for a in split(aliases, ";")  # an exact form stays exact-case only
            if re.sub(r"[\s_\-]+", "", a.lower()) not in exact_keys
        ]
        skills.append(
            {
                "id": sid,
                "name": name,
                "category": category,
                "aliases": alias_forms,
                "exact": exact_forms,
                "parents": split(parents, ","),
                "related": [],
                "sources": [],
                "_where": f"{path.name}:{n}",
            }
        )
    return skills


def _owners(skills: list[dict]) -> dict[str, str]:
    """Each folded name, alias and exact form -> the id of the skill that owns it."""
    return {
        fold(f): s["id"]
        for s in skills
        for f in [s["name"], *s.get("aliases", []), *s.get("exact", [])]
    }


def cmd_add(paths: list[str]) -> None:
    header, skills = load()
    by_id = {s["id"]: s for s in skills}
    owner = _owners(skills)
    finder = Finder()
    new = [spec for p in paths for spec in parse_spec(Path(p))]
    problems = []
    removed = removed_forms()
    for spec in new:  # a form removed by hand stays removed, whichever spec lists it again
        for key in ("aliases", "exact"):
            kept = [f for f in spec[key] if fold(f) not in removed]
            problems += [f"{spec['_where']}: {f!r} was removed by hand ({removed[fold(f)]})"
                         for f in spec[key] if fold(f) in removed]
            spec[key] = kept
    added = []
    for spec in new:
        where = spec.pop("_where")
        if spec["id"] in by_id:
            problems.append(f"{where}: {spec['id']}: id exists")
            continue
        forms = [spec["name"], *spec["aliases"], *spec["exact"]]
        takes = {f: owner[fold(f)] for f in forms if owner.get(fold(f), spec["id"]) != spec["id"]}
        clash = [f"{f}->{o}" for f, o in takes.items() if fold(by_id[o]["name"]) == fold(f)]
        if clash:
            problems.append(f"{where}: {spec['id']}: names of other skills: {', '.join(clash)}")
            continue
        spec["sources"] = finder.cite(forms)
        if not spec["sources"]:  # nothing is moved for a skill that cannot be added
            problems.append(f"{where}: {spec['id']}: no source names it")
            continue
        for f, other in takes.items():  # split: the form leaves the merged skill
            for key in ("aliases", "exact", "needs_context"):
                by_id[other][key] = [a for a in by_id[other].get(key, []) if fold(a) != fold(f)]
            print(f"moved {f!r}: {other} -> {spec['id']}", file=sys.stderr)
        for f in forms:
            owner[fold(f)] = spec["id"]
        by_id[spec["id"]] = spec
        added.append(spec)
    changed = True
    while changed:  # parents may be new skills that were skipped: drop or skip in turn
        changed = False
        for spec in list(added):
            missing = [p for p in spec["parents"] if p not in by_id]
            if not missing:
                continue
            changed = True
            spec["parents"] = [p for p in spec["parents"] if p in by_id]
            problems.append(f"{spec['id']}: parents {missing} were not added")
            if not spec["parents"]:
                added.remove(spec)
                del by_id[spec["id"]]
                problems.append(f"{spec['id']}: skipped, no parent left")
    save(header, list(by_id.values()))
    print(f"added {len(added)}; skipped {len(problems)}", file=sys.stderr)
    print("\n".join(problems), file=sys.stderr)


#: Most sources a skill keeps (careergap.models.Skill allows three).
MAX_ALL_SOURCES = 3


def cmd_aliases(paths: list[str]) -> None:
    """Add forms to existing skills: ``id | form; form``. A form another skill owns is skipped;
    a form no cited source names gets a citation of its own (or is skipped)."""
    header, skills = load()
    by_id = {s["id"]: s for s in skills}
    owner = _owners(skills)
    finder = Finder()
    problems, added = [], 0
    removed = removed_forms()
    for path in paths:
        for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            sid, forms = (c.strip() for c in line.split("|"))
            for form in (f.strip() for f in forms.split(";") if fold(f.strip()) in removed):
                problems.append(f"{path}:{n}: {form!r} was removed by hand ({removed[fold(form)]})")
            forms = ";".join(f for f in forms.split(";") if fold(f.strip()) not in removed)
            skill = by_id.get(sid)
            if skill is None:
                problems.append(f"{path}:{n}: no skill {sid!r}")
                continue
            for form in (f.strip() for f in forms.split(";") if f.strip()):
                other = owner.get(fold(form))
                if other is not None:
                    if other != sid:
                        problems.append(f"{path}:{n}: {form!r} belongs to {other}")
                    continue
                if not any(_still_names(finder, src, [form]) for src in skill["sources"]):
                    fresh = [c for c in finder.cite([form]) if c not in skill["sources"]]
                    if fresh and len(skill["sources"]) < MAX_ALL_SOURCES:
                        skill["sources"].append(fresh[0])
                    elif not _variant(form, skill):
                        problems.append(f"{path}:{n}: {sid}: no source names {form!r}")
                        continue
                exact = len(form) <= 3 or form.isupper() and len(form) <= 5
                skill["exact" if exact else "aliases"].append(form)
                owner[fold(form)] = sid
                added += 1
    save(header, skills)
    print(f"added {added} forms; skipped {len(problems)}", file=sys.stderr)
    print("\n".join(problems), file=sys.stderr)


def _variant(form: str, skill: dict) -> bool:
    """A wording of a form the skill already has: one of its words shares the stem of a word
    of the skill's name or aliases ("containerised" of "containers", "cloud-based" of "cloud",
    "documenting" of "documentation"). Such a wording needs no source of its own; a new name
    does."""
    stems = {w[:5] for f in [skill["name"], *skill.get("aliases", [])] for w in _tokens(f)
             if len(w) >= 4}
    return any(w[:5] in stems for w in _tokens(form) if len(w) >= 4)


def cmd_context(paths: list[str]) -> None:
    """Mark forms of curated skills as needing technical context (careergap.reading.ambiguity)."""
    header, skills = load()
    by_id = {s["id"]: s for s in skills}
    for path in paths:
        for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            sid, form = (c.strip() for c in line.split("|"))
            skill = by_id.get(sid)
            forms = [] if skill is None else [skill["name"], *skill["aliases"], *skill["exact"]]
            match = next((f for f in forms if fold(f) == fold(form)), None)
            if match is None:
                print(f"{path}:{n}: {sid} has no form {form!r}; skipped", file=sys.stderr)
                continue
            marked = skill.setdefault("needs_context", [])
            if match not in marked:
                marked.append(match)
    save(header, skills)


def cmd_recite() -> None:
    """Re-cite every source whose line no longer names one of the skill's forms (after a split)."""
    header, skills = load()
    finder = Finder()
    changed = 0
    for s in skills:
        forms = [s["name"], *s.get("aliases", []), *s.get("exact", [])]
        keep = [src for src in s.get("sources", []) if _still_names(finder, src, forms)]
        if keep != s.get("sources", []):
            changed += 1
            fresh = [c for c in finder.cite(forms) if c not in keep]
            s["sources"] = (keep + fresh)[: max(len(keep), MAX_SOURCES)]
            if not s["sources"]:
                print(f"{s['id']}: no source names it any more", file=sys.stderr)
    save(header, skills)
    print(f"re-cited {changed} skills", file=sys.stderr)


def _still_names(finder: Finder, source: str, forms: list[str]) -> bool:
    c = parse_source(source)
    if c is None:
        return False
    if c.prefix == "seed":
        line = _squash(finder.seed_lines[c.file][c.line - 1])
        return any(_squash(f) in line for f in forms)
    fields = finder.rows[c.prefix].get(c.line, [])
    return any(names(field, f) for field in fields for f in forms)


def cited_lines(skills: list[dict]) -> dict[str, set[int]]:
    wanted: dict[str, set[int]] = {p: set() for p in TAXONOMY_FILES}
    for s in skills:
        for source in s.get("sources", []):
            c = parse_source(source)
            if c and c.prefix != "seed":
                wanted[c.prefix].add(c.line)
    return wanted


def rows_path(prefix: str) -> Path:
    return ROWS / (TAXONOMY_FILES[prefix].rsplit("/", 1)[1] + ".rows")


def cmd_rows() -> None:
    _, skills = load()
    ROWS.mkdir(parents=True, exist_ok=True)
    for prefix, lines in cited_lines(skills).items():
        text = (TAXONOMIES / TAXONOMY_FILES[prefix]).read_text(encoding="utf-8").split("\n")
        body = "".join(f"{n}\t{text[n - 1]}\n" for n in sorted(lines))
        rows_path(prefix).write_text(body, encoding="utf-8")
        print(f"{rows_path(prefix).relative_to(ROOT)}: {len(lines)} rows", file=sys.stderr)


def cmd_check() -> None:
    bad = 0
    for prefix, rel in TAXONOMY_FILES.items():
        text = (TAXONOMIES / rel).read_text(encoding="utf-8").split("\n")
        for row in rows_path(prefix).read_text(encoding="utf-8").splitlines():
            n, _, line = row.partition("\t")
            if text[int(n) - 1] != line:
                print(f"{rows_path(prefix).name}: line {n} differs from {rel}", file=sys.stderr)
                bad += 1
    raise SystemExit(1 if bad else 0)


if __name__ == "__main__":
    command, *args = sys.argv[1:] or ["help"]
    if command == "add":
        cmd_add(args)
    elif command == "aliases":
        cmd_aliases(args)
    elif command == "context":
        cmd_context(args)
    elif command == "recite":
        cmd_recite()
    elif command == "rows":
        cmd_rows()
    elif command == "check":
        cmd_check()
    else:
        raise SystemExit(__doc__)
