"""Views of the profile-lifecycle commands: progress, diff, init and postings add.

Terminal tables go through ``render.py`` (rich); the ``*_json`` functions build the plain
``--json`` payloads, which the CLI writes with ``json.dumps``, never through rich.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from careergap.views import terminal as render
from careergap.views.contract import SCHEMA_VERSION
from careergap.views.figures import signed_points, sparkline

if TYPE_CHECKING:
    from careergap.corpus.userpostings import PastedPosting
    from careergap.engine.causes import Causes
    from careergap.engine.trends import Progress
    from careergap.reading.initprofile import FoundSkill
    from careergap.scoring.diffing import ProfileDiff
    from careergap.store.history import CorpusStamp


def corpus_text(stamp: CorpusStamp | None) -> str:
    """``318 scored postings (12 your own)``, or ``not recorded`` for an older snapshot."""
    if stamp is None:
        return "not recorded"
    own = f" ({stamp.own_postings} your own)" if stamp.own_postings else ""
    if stamp.mine:
        own = " (only your own, --mine)"
    if stamp.half_life_days is not None:
        own += f", weighted by age (half-life {stamp.half_life_days} days)"
    return f"{stamp.postings} scored postings{own}"


def causes_text(why: Causes) -> str:
    """One sentence on which corpus the snapshots used and how the movement is split."""
    if why.change == "same":
        return (
            f"Both ends were scored against the same corpus ({corpus_text(why.last)}): "
            "every change comes from your profile."
        )
    lead = (
        f"The corpus changed: {corpus_text(why.first)} then, {corpus_text(why.last)} now."
        if why.change == "changed"
        else "The first snapshot predates recording its corpus."
    )
    return (
        f"{lead} Profile: what your skill changes moved, both versions rescored on today's "
        "corpus. Corpus: the rest (postings added or removed, your own postings, a new "
        "taxonomy or careergap version)."
    )


def print_progress(
    prog: Progress,
    family_names: Mapping[str, str],
    skill_names: Mapping[str, str],
    why: Causes | None = None,
) -> None:
    snaps = prog.snapshots
    if not snaps:
        render.print_lines(["No snapshots yet: run `careergap match` to record one."])
        return
    title = (
        f"{len(snaps)} snapshot{'s' if len(snaps) != 1 else ''} "
        f"from {snaps[0].at} to {snaps[-1].at}"
    )
    split = why.by_family() if why is not None else {}
    rows = [
        (
            family_names.get(t.family_id, t.family_id),
            sparkline(t.values),
            render.pct(t.latest),
            signed_points(t.since_first),
            *(
                (
                    signed_points(split[t.family_id].profile),
                    signed_points(split[t.family_id].corpus),
                )
                if t.family_id in split
                else ("", "")
            ),
            signed_points(t.since_last),
        )
        for t in prog.trends
    ]
    columns: list[tuple[str, dict[str, Any]]] = [
        ("Role family", {}),
        ("Trend", {"no_wrap": True}),
        ("Now", {"justify": "right"}),
        ("Since first", {"justify": "right"}),
        ("Profile", {"justify": "right"}),
        ("Corpus", {"justify": "right"}),
        ("Since last", {"justify": "right"}),
    ]
    caption = render.GUIDANCE + (f" {causes_text(why)}" if why is not None else "")
    render.print_renderable(render.table(title, columns, rows, caption=caption))
    lines = [
        f"  {skill_names.get(c.skill_id, c.skill_id)}: {c.before} → {c.after}"
        + (" (new)" if c.kind == "gained" else "")
        for c in prog.improved
    ]
    if len(snaps) > 1:
        head = "Skills gained or levelled up since the first snapshot:"
        render.print_lines([head, *lines] if lines else ["No skill gained or levelled up yet."])


def print_diff(
    diff: ProfileDiff,
    old: str,
    new: str,
    skill_names: Mapping[str, str],
    top: int | None,
    postings: int | None = None,
) -> None:
    if not diff.changes:
        render.print_lines([f"No skill levels differ between {old} and {new}."])
        return
    change_rows = [
        (skill_names.get(c.skill_id, c.skill_id), str(c.before), str(c.after), c.kind)
        for c in diff.changes
    ]
    render.print_lines([f"Skill levels: {old} → {new}"])
    render.print_renderable(
        render.table(
            None,
            [
                ("Skill", {}),
                ("Old", {"justify": "right"}),
                ("New", {"justify": "right"}),
                ("Change", {}),
            ],
            change_rows,
        )
    )
    families = list(diff.families)[:top]
    family_rows = [
        (f.name, render.pct(f.before), render.pct(f.after), signed_points(f.delta))
        for f in families
    ]
    render.print_lines(["Effect on coverage:"])
    render.print_renderable(
        render.table(
            None,
            [
                ("Role family", {}),
                ("Old", {"justify": "right"}),
                ("New", {"justify": "right"}),
                ("Change", {"justify": "right"}),
            ],
            family_rows,
            caption=f"{render.GUIDANCE} {diff_cause_text(postings)}"
            if postings is not None
            else render.GUIDANCE,
        )
    )


def diff_cause_text(postings: int) -> str:
    return (
        f"Both versions are scored against the same corpus ({postings} scored postings): "
        "every change here comes from the profile."
    )


def init_message(path: str, found: Sequence[FoundSkill], cv_name: str | None) -> list[str]:
    """What `init` says after writing (to stderr: the file is the result)."""
    lines = [f"Wrote {path}."]
    if cv_name is not None:
        names = ", ".join(f.name for f in found) or "none"
        lines.append(f"Found {len(found)} skills in {cv_name} (set to level 2): {names}.")
    lines.append(f"Next: edit the levels, then `careergap validate {path}` and `careergap match`.")
    return lines


def print_pasted(pasted: PastedPosting, family: str, skill_names: Mapping[str, str]) -> None:
    """The parsed posting: each requirement line with its marker and the skills found on it."""
    posting = pasted.posting
    rows = [
        (
            str(line.line),
            "required" if line.required else "preferred",
            line.text,
            ", ".join(skill_names.get(s, s) for s in pasted.skills.get(line.line, ())) or "-",
        )
        for line in posting.lines
    ]
    columns: list[tuple[str, dict[str, Any]]] = [
        ("Line", {"justify": "right"}),
        ("", {}),
        ("Text", {"ratio": 3}),
        ("Skills found", {"ratio": 2}),
    ]
    title = f"{posting.title} ({family}): {len(pasted.skill_ids)} skills"
    render.print_renderable(render.table(title, columns, rows))
    if pasted.skipped:
        render.print_renderable(
            render.table(
                f"Skipped {len(pasted.skipped)} lines that state no demand",
                [("Why", {}), ("Lines", {"ratio": 1})],
                skipped_rows(pasted),
            )
        )


def skipped_rows(pasted: PastedPosting) -> list[tuple[str, str]]:
    """(reason, "line numbers: first text") per reason, in order of first appearance."""
    grouped: dict[str, list[tuple[int, str]]] = {}
    for skip in pasted.skipped:
        grouped.setdefault(skip.reason, []).append((skip.line, skip.text))
    rows = []
    for reason, items in grouped.items():
        numbers = ", ".join(str(n) for n, _ in items)
        rows.append((f"{reason} ({len(items)})", f"{numbers}: {items[0][1]}"))
    return rows


# --- JSON payloads --------------------------------------------------------------------------

#: Digits kept in JSON floats, as in the scoring commands' payloads.
FLOAT_DIGITS = 4


def stamp_json(stamp: CorpusStamp | None) -> dict[str, Any] | None:
    if stamp is None:
        return None
    return {
        "fingerprint": stamp.fingerprint,
        "postings": stamp.postings,
        "own_postings": stamp.own_postings,
        "mine": stamp.mine,
        "half_life_days": stamp.half_life_days,
    }


def progress_json(prog: Progress, why: Causes | None = None) -> dict[str, Any]:
    """``{"schema_version": 1, "snapshots": [{"at", "profile", "families": {ID: coverage},
    "corpus"}], "causes"}``; ``causes`` splits each family's movement since the first snapshot."""
    wanted = {t.family_id for t in prog.trends}
    return {
        "schema_version": SCHEMA_VERSION,
        "snapshots": [
            {
                "at": s.at,
                "profile": s.profile,
                "families": {
                    fid: round(cov, FLOAT_DIGITS)
                    for fid, cov in sorted(s.coverages.items())
                    if fid in wanted
                },
                "corpus": stamp_json(s.corpus),
            }
            for s in prog.snapshots
        ],
        "causes": None
        if why is None
        else {
            "corpus_change": why.change,
            "families": [
                {
                    "id": m.family_id,
                    "total": round(m.total, FLOAT_DIGITS),
                    "profile": round(m.profile, FLOAT_DIGITS),
                    "corpus": round(m.corpus, FLOAT_DIGITS),
                }
                for m in why.movements
            ],
        },
    }


def diff_json(
    diff: ProfileDiff,
    old: str,
    new: str,
    skill_names: Mapping[str, str],
    corpus: CorpusStamp | None = None,
) -> dict[str, Any]:
    """The documented keys, plus ``corpus`` (the one corpus both versions were scored against)
    and ``cause``: always "profile", since the corpus is the same for both."""
    return {
        "schema_version": SCHEMA_VERSION,
        "old": old,
        "new": new,
        "changes": [
            {
                "skill_id": c.skill_id,
                "skill": skill_names.get(c.skill_id, c.skill_id),
                "before": c.before,
                "after": c.after,
                "change": c.kind,
            }
            for c in diff.changes
        ],
        "families": [
            {
                "id": f.family_id,
                "name": f.name,
                "before": round(f.before, FLOAT_DIGITS),
                "after": round(f.after, FLOAT_DIGITS),
                "delta": round(f.delta, FLOAT_DIGITS),
            }
            for f in diff.families
        ],
        "corpus": stamp_json(corpus),
        "cause": "profile",
    }


def pasted_json(
    pasted: PastedPosting, path: str | None, skill_names: Mapping[str, str]
) -> dict[str, Any]:
    posting = pasted.posting
    return {
        "schema_version": SCHEMA_VERSION,
        "id": posting.id,
        "title": posting.title,
        "families": list(posting.families),
        "saved": path,
        "added": posting.added.isoformat() if posting.added else None,
        "posted": posting.posted.isoformat() if posting.posted else None,
        "posted_line": posting.posted_line,
        "lines": [
            {
                "line": line.line,
                "text": line.text,
                "required": line.required,
                "section": line.section,
                "skills": list(pasted.skills.get(line.line, ())),
            }
            for line in posting.lines
        ],
        "skills": [{"id": s, "name": skill_names.get(s, s)} for s in pasted.skill_ids],
        "skipped": [
            {"line": skip.line, "text": skip.text, "reason": skip.reason} for skip in pasted.skipped
        ],
    }
