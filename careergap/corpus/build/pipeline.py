"""The curation pipeline: seeds -> raw blocks -> drafts -> families -> dedupe -> YAML files.

``careergap corpus build --seeds DIR --out DIR`` runs :func:`build_corpus`. The output is
deterministic (same seeds + overrides -> byte-identical files) and written atomically: into a
temporary folder beside the target, which then replaces the target in one rename.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from careergap.corpus.build.dedupe import find_duplicates
from careergap.corpus.build.families import assign_families
from careergap.corpus.build.overrides import Override, load_overrides
from careergap.corpus.build.seeds import RawBlock, read_seeds
from careergap.corpus.build.shape import Draft, shape_block
from careergap.corpus.roles import load_families
from careergap.errors import CareergapError, DataError
from careergap.files.loader import dump_yaml
from careergap.models import Posting, RoleFamily

README_NAME = "README.md"


@dataclass(frozen=True)
class BuildResult:
    """What a build produced, for the command's summary line."""

    postings: tuple[Posting, ...]
    merged: int
    out_dir: Path


def posting_id(block: RawBlock) -> str:
    """Stable, readable id: kind letter, seed number, start line (``p-002-00776``)."""
    letter = "n" if block.form == "notes" else "p"
    return f"{letter}-{block.seed[:3]}-{block.start:05d}"


def untitled(block: RawBlock) -> str:
    """Title for a posting the seed gives no title: say so, and where it was found."""
    where = block.headings[-1] if block.headings else block.seed
    return f"Untitled posting ({where})"


def curate(
    seeds_dir: Path, families: dict[str, RoleFamily], overrides: dict[str, Override]
) -> tuple[list[Posting], int]:
    """All postings and notes from the seeds, families assigned, duplicates merged."""
    drafts: list[tuple[str, Draft, Override | None]] = []
    for block in read_seeds(seeds_dir):
        pid = posting_id(block)
        override = overrides.get(pid)
        if override and override.drop:
            continue
        draft = shape_block(block, title_first=bool(override and override.title_line))
        if draft is not None and override and override.drop_lines:
            lines = tuple(ln for ln in draft.lines if ln.line not in override.drop_lines)
            draft = replace(draft, lines=lines) if lines else None
        if draft is not None:
            drafts.append((pid, draft, override))
    unknown = sorted(set(overrides) - {pid for pid, _, _ in drafts} - _dropped(overrides))
    if unknown:
        raise DataError(f"corpus overrides name unknown postings: {', '.join(unknown)}")
    postings = [_posting(pid, draft, override, families) for pid, draft, override in drafts]
    titles = {
        pid: (override.title if override and override.title else draft.title)
        for pid, draft, override in drafts
    }
    merged = find_duplicates(
        [
            (p.id, titles[p.id], [line.text for line in p.lines])
            for p in postings
            if p.kind == "posting"
        ]
    )
    copies: dict[str, list[str]] = {}
    for posting in postings:
        if posting.id in merged:
            copies.setdefault(merged[posting.id], []).append(posting.source)
    result = [
        p.model_copy(update={"duplicates": tuple(copies.get(p.id, ()))})
        for p in postings
        if p.id not in merged
    ]
    return sorted(result, key=lambda p: p.id), len(merged)


def _dropped(overrides: dict[str, Override]) -> set[str]:
    return {pid for pid, o in overrides.items() if o.drop}


def _posting(
    pid: str, draft: Draft, override: Override | None, families: dict[str, RoleFamily]
) -> Posting:
    block = draft.block
    fams = assign_families(draft)
    title = draft.title
    company, location = draft.company, draft.location
    if override:
        fams = override.families or fams
        fams = tuple(dict.fromkeys((*fams, *override.add_families)))
        title = override.title or title
        company = override.company or company
        location = override.location or location
    bad = [f for f in fams if f not in families]
    if bad:
        raise DataError(f"{pid}: unknown families {', '.join(bad)}")
    if block.form == "notes":
        title = f"Topic notes: {(block.hint or '').removeprefix('Notes about ')}"
    return Posting(
        id=pid,
        title=title or untitled(block),
        company=company,
        location=location,
        families=fams,
        kind="notes" if block.form == "notes" else "posting",
        source=f"{block.seed}:{block.start}-{block.end}",
        lines=draft.lines,
    )


# --- writing ----------------------------------------------------------------------------------


def posting_yaml(posting: Posting) -> str:
    """One posting as YAML, fields in model order, empty optional fields left out."""

    data = posting.model_dump(mode="json", exclude_defaults=False)
    for key in ("company", "location", "added", "posted", "posted_line"):
        if data[key] is None:  # the seeds state no dates: curated postings carry none
            del data[key]
    if not data["duplicates"]:
        del data["duplicates"]
    data["lines"] = [
        {
            "line": line["line"],
            "text": line["text"],
            "required": line["required"],
            "section": line["section"],
        }
        for line in data["lines"]
    ]
    return dump_yaml(data)


def readme_text(postings: list[Posting], families: dict[str, RoleFamily], merged: int) -> str:
    """``postings/README.md``: what the corpus is, counts per family, how to rebuild it."""
    real = Counter(f for p in postings if p.kind == "posting" for f in p.families)
    notes = Counter(f for p in postings if p.kind == "notes" for f in p.families)
    n_posting = sum(1 for p in postings if p.kind == "posting")
    n_notes = len(postings) - n_posting
    rows = "\n".join(
        f"| {fam.name} | `{fid}` | {real[fid]} | {notes[fid]} |" for fid, fam in families.items()
    )
    return f"""# The curated postings corpus

Generated by `careergap corpus build` from the seed documents in `tests/seeds/` — do not edit
these files by hand; put hand edits in `careergap/data/corpus_overrides.yaml` and rebuild from
the repository root:

    careergap corpus build --seeds seeds --out postings

{n_posting} postings (real job ads from seeds 000 and 002) and {n_notes} topic-notes entries
(the "Notes about X" lists of seed 002, kind `notes`, every line preferred, weighted below real
postings). {merged} re-pasted duplicates were merged into the posting they copy (see each
posting's `duplicates`). Every requirement line carries the seed line it came from; `source`
is `SEEDFILE:START-END`. Skills are not stored: they are extracted from the line text with the
taxonomy when the corpus is loaded.

A posting may belong to several families; counts below count it once per family.

| Family | id | postings | topic notes |
|---|---|---:|---:|
{rows}

Files are named by posting id: `p-SEED-LINE.yaml` for postings, `n-SEED-LINE.yaml` for notes.

## How the seeds were curated (`careergap/corpus/`)

- **Where postings are.** Seed 002: every `+ skill set:` / `+ skill set for ...:` /
  `+ tech stack:` block (its TAB-indented lines; depth = number of TABs), plus two runs of loose
  requirement lines (EDA application engineers; DFM/OPC). Seed 000: a role link or heading
  starts a posting, `## [Company](url)` names the company, `#### Minimum` / `#### Preferred`
  mark required and preferred lines.
- **Dropped lines.** `BLAH` placeholders, `[NAME](URL)` and empty links, lines that are only links,
  equal-opportunity/benefits/salary lines, page chrome and bare section labels, repeated lines.
  Markdown emphasis and link targets are stripped; the words are kept.
- **Author glosses.** At TAB depth >= 2 a line that defines a term of its parent
  (`Chainer: open-source deep learning framework`), quotes a web page, or expands an acronym of
  its parent is the notes author's gloss: it and its sub-lines are dropped.
- **Sections.** Each line records its `section` (`careergap/reading/sections.py`): the ad's own headings
  ("About us", "Responsibilities", "Preferred qualifications", "Tech stack", "Benefits"...) and
  each line's cues (benefits words, equal-opportunity sentences, "send your CV", company prose
  such as "Scale's Generative AI Data Engine powers ...") place it. Lines in the `about`,
  `benefits`, `legal` and `apply` sections are kept for display and score nothing.
- **Required or preferred.** Section labels ("Preferred qualifications"), lead-ins that carry a
  marker, and lines whose every clause carries an inline marker ("a plus", "preferred",
  "ideally", "nice to have", "bonus", "desired", "[Plus]"...) are preferred. A marker in one
  clause of a line ("Python, preferably with JAX") marks only that clause when it is scored.
- **Titles.** The first line when it is short and names a role ("Staff Formal Verification
  Engineer"); `Title · Company · Location` lines are split. Blocks without one are titled
  "Untitled posting (SECTION)".
- **Families.** The seed section gives a default; title keyword rules add families (and decide
  alone in mixed sections such as "Machine Learning Scientist & Deep Learning Scientist Roles").
- **Duplicates.** Blocks with (almost) the same lines and titles that do not tell them apart are
  one ad; titles at different levels (Principal vs Staff) stay separate.
- **Hand edits** are in `careergap/data/corpus_overrides.yaml`, each with its reason.
"""


#: What a folder written by `corpus build` holds; anything else means it is someone's folder.
_CORPUS_FILE = re.compile(r"[pn]-\d{3}-\d{5}\.yaml|README\.md")


def check_out_dir(out_dir: Path) -> None:
    """Refuse to replace anything but a missing folder, an empty one, or a corpus we wrote."""
    for folder in (out_dir, out_dir.with_name(f".{out_dir.name}-old")):
        if not folder.exists() and not folder.is_symlink():
            continue
        if folder.is_symlink() or not folder.is_dir():
            raise CareergapError(f"{folder}: not a folder; corpus build writes a folder of files")
        # Only regular files with our names are ours: a folder or a link named like a posting
        # file is someone's, and would be deleted with the old corpus.
        foreign = sorted(
            p.name
            for p in folder.iterdir()
            if not (_CORPUS_FILE.fullmatch(p.name) and p.is_file() and not p.is_symlink())
        )
        if foreign:
            shown = ", ".join(foreign[:3]) + (", ..." if len(foreign) > 3 else "")
            raise CareergapError(
                f"{folder}: holds files corpus build did not write ({shown}); "
                "nothing was changed. Choose a new or empty folder."
            )


def write_corpus(
    postings: list[Posting], families: dict[str, RoleFamily], merged: int, out_dir: Path
) -> None:
    """Write every posting and the README into OUT_DIR, replacing it atomically.

    OUT_DIR must be missing, empty, or a corpus this pipeline wrote (see ``check_out_dir``).
    """
    out_dir = out_dir.resolve()
    check_out_dir(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-", dir=out_dir.parent))
    try:
        for posting in postings:
            (tmp / f"{posting.id}.yaml").write_text(posting_yaml(posting), encoding="utf-8")
        (tmp / README_NAME).write_text(readme_text(postings, families, merged), encoding="utf-8")
        old = out_dir.with_name(f".{out_dir.name}-old")
        if old.exists():
            shutil.rmtree(old)
        if out_dir.exists():
            out_dir.rename(old)
        tmp.rename(out_dir)
        if old.exists():
            shutil.rmtree(old)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)


def build_corpus(seeds_dir: Path, out_dir: Path, overrides_path: Path | None = None) -> BuildResult:
    """Run the whole pipeline: read the seeds, curate, and write OUT_DIR."""

    check_out_dir(out_dir.resolve())  # before the work: a refused OUT is said at once
    families = load_families()
    postings, merged = curate(seeds_dir, families, load_overrides(overrides_path))
    write_corpus(postings, families, merged, out_dir)
    return BuildResult(postings=tuple(postings), merged=merged, out_dir=out_dir)
