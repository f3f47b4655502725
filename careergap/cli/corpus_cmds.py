"""Corpus commands: `roles`, `postings list|show`, and `corpus build`.

``postings_app`` is the ``postings`` sub-app; other command modules add their own
``postings`` sub-commands to it (``postings add`` / ``postings remove``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import typer

from careergap.cli._common import app, command, echo, emit_json, handle_errors

corpus_app = typer.Typer(
    help="Build the curated postings corpus from the seed documents.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
postings_app = typer.Typer(
    help="The job postings behind the scores: list them, show one.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(corpus_app, name="corpus")
app.add_typer(postings_app, name="postings")

JSON_OPTION = typer.Option(False, "--json", help="Machine-readable output (see README).")
POSTINGS_OPTION = typer.Option(
    None, "--postings", help="Extra folder of postings YAML to add to the corpus (repeatable)."
)


def _extractor() -> tuple[Callable[[str], list[Any]], dict[str, str]]:
    """The taxonomy's skill finder and skill names (imported lazily: start-up stays fast)."""
    from careergap.extractor import Extractor
    from careergap.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    names = {sid: skill.name for sid, skill in taxonomy.skills.items()}
    return Extractor(taxonomy).find, names


@command("roles")
def roles_cmd(
    as_json: bool = JSON_OPTION,
    postings: list[Path] | None = POSTINGS_OPTION,
) -> None:
    """List the role families with their scored postings and most demanded skills."""
    from careergap.engine import load_workspace
    from careergap.sample import family_samples, roles_json, sample_text

    ws = load_workspace(list(postings or ()))
    names = {sid: skill.name for sid, skill in ws.taxonomy.skills.items()}
    samples = family_samples(ws)
    if as_json:
        emit_json(roles_json(samples, names))
        return
    from careergap.render import print_renderable, table

    rows = [
        (
            f"{s.name}\n{s.id}",
            sample_text(s.postings, s.notes),
            ", ".join(f"{names[sid]} {share * 100:.0f}%" for sid, share in s.top_skills) or "-",
        )
        for s in samples
    ]
    columns = [
        ("Role family / --role id", {"ratio": 3, "min_width": 25, "overflow": "fold"}),
        ("Sample", {"ratio": 2}),
        ("Most demanded skills (share of postings)", {"ratio": 6}),
    ]
    unscored = sum(s.unscored for s in samples)
    print_renderable(
        table(
            "Role families",
            columns,
            rows,
            caption="Scored postings, as match and gaps count them"
            + (
                f" ({unscored} more name fewer than 3 skills and are not scored)"
                if unscored
                else ""
            )
            + ". Families with few postings lean on topic notes from the seed documents.",
        )
    )


@postings_app.command("list")
@handle_errors
def postings_list_cmd(
    role: str | None = typer.Option(
        None, "--role", "-r", help="Only this role family (any alias)."
    ),
    as_json: bool = JSON_OPTION,
    postings: list[Path] | None = POSTINGS_OPTION,
) -> None:
    """List postings (and topic notes), optionally of one role family."""
    from careergap.corpus.load import load_corpus
    from careergap.corpus.summary import postings_json
    from careergap.families import resolve_role

    corpus = load_corpus(list(postings or ()))
    chosen = list(corpus.postings)
    if role is not None:
        chosen = corpus.by_family(resolve_role(role, corpus.families).id)
    if as_json:
        find, _ = _extractor()
        emit_json(postings_json(chosen, find))
        return
    from careergap.render import print_renderable, table

    real = sum(1 for p in chosen if p.kind == "posting")
    rows = [(p.id, p.title, p.company or "", ", ".join(p.families), p.kind) for p in chosen]
    columns = [
        ("id", {"no_wrap": True, "min_width": 11}),
        ("Title", {"ratio": 4}),
        ("Company", {"ratio": 2}),
        ("Families", {"ratio": 3}),
        ("Kind", {}),
    ]
    caption = f"{real} postings + {len(chosen) - real} topic notes"
    print_renderable(table("Postings", columns, rows, caption=caption))


@postings_app.command("show")
@handle_errors
def postings_show_cmd(
    posting_id: str = typer.Argument(..., metavar="ID", help="Posting id (see `postings list`)."),
    postings: list[Path] | None = POSTINGS_OPTION,
) -> None:
    """Show one posting: every requirement line, its seed line and the skills found in it."""
    from careergap.cli.corpus_views import posting_view
    from careergap.corpus.load import load_corpus
    from careergap.render import print_lines

    corpus = load_corpus(list(postings or ()))
    posting = corpus.get(posting_id)
    find, names = _extractor()
    print_lines(posting_view(posting, corpus.families, find, names))


@corpus_app.command("build")
@handle_errors
def corpus_build_cmd(
    seeds: Path = typer.Option(
        Path("seeds"), "--seeds", help="Folder with the seed documents (the repository's seeds/)."
    ),
    out: Path = typer.Option(Path("postings"), "--out", help="Corpus folder to (re)write."),
    overrides: Path | None = typer.Option(
        None, "--overrides", help="Overrides YAML (default: the packaged one)."
    ),
) -> None:
    """Rebuild the curated corpus from the seeds (deterministic; replaces OUT atomically)."""
    from careergap.corpus.build import build_corpus
    from careergap.errors import InputFileError

    if not seeds.is_dir():
        raise InputFileError(f"{seeds}: not a folder")
    result = build_corpus(seeds, out, overrides)
    real = sum(1 for p in result.postings if p.kind == "posting")
    notes = len(result.postings) - real
    echo(
        f"Wrote {real} postings + {notes} topic notes to {out} "
        f"({result.merged} re-pasted duplicates merged)."
    )
