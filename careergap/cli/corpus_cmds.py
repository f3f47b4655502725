"""Corpus commands: `roles`, `postings list|show`, and `corpus build`.

``postings_app`` is the ``postings`` sub-app; other command modules add their own
``postings`` sub-commands to it (``postings add`` / ``postings remove``).
"""

from __future__ import annotations

from pathlib import Path

import typer

from careergap.cli._common import app, command, echo, emit_json, handle_errors, summary, workspace

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

#: Narrowest the skills column of `roles` may get before the sample column wraps its text.
ROLES_MIN_SKILLS_WIDTH = 40
#: Cells `roles` spends on borders and padding (4 rules, 2 spaces a column).
ROLES_BORDERS = 10
#: From this terminal width on, `postings list` also shows each entry's kind.
WIDE_LISTING = 110

JSON_OPTION = typer.Option(False, "--json", help="Machine-readable output (see README).")
POSTINGS_OPTION = typer.Option(
    None, "--postings", help="Extra folder of postings YAML to add to the corpus (repeatable)."
)


@command("roles")
def roles_cmd(
    as_json: bool = JSON_OPTION,
    postings: list[Path] | None = POSTINGS_OPTION,
) -> None:
    """List the role families with their scored postings and most demanded skills."""
    # Lazy: loaded when this command runs, so start-up (`--help`) imports only cli/.
    from careergap.views.sample import family_samples, roles_json, sample_text

    ws = workspace(postings)
    names = {sid: skill.name for sid, skill in ws.taxonomy.skills.items()}
    samples = family_samples(ws)
    if as_json:
        emit_json(roles_json(samples, names))
        return
    # Lazy: loaded when this command runs, so start-up (`--help`) imports only cli/.
    from careergap.views.terminal import print_renderable, table

    rows = [
        (
            f"{s.name}\n{s.id}",
            sample_text(s.postings, s.notes),
            ", ".join(f"{names[sid]} {share * 100:.0f}%" for sid, share in s.top_skills) or "-",
        )
        for s in samples
    ]
    # Fixed widths for the first two columns (the id, which --role takes, on one line; "12
    # postings" on one line), the rest for the skills: rich's own sharing out of ratio and
    # min_width columns overflows 80 columns and crops the table's right border.
    from careergap.views.terminal import console_width

    # Each column as wide as its text, narrowed (names, then samples wrap) while the skills
    # column would get less than ROLES_MIN_SKILLS_WIDTH; never narrower than an id.
    room = console_width() - ROLES_BORDERS - ROLES_MIN_SKILLS_WIDTH
    id_width = max((len(s.id) for s in samples), default=0)
    name_width = max([id_width, *(len(s.name) for s in samples)])
    sample_width = max((len(text) for _, text, _ in rows), default=0)
    short_sample = max((len(f"{s.postings} postings") for s in samples), default=0)
    if name_width + sample_width > room:
        name_width = max(id_width, room - sample_width)
    if name_width + sample_width > room:
        sample_width = max(short_sample, room - name_width)
    columns = [
        ("Role family / --role id", {"width": max(name_width, len("Role family"))}),
        ("Sample", {"width": max(sample_width, len("Sample"))}),
        ("Most demanded skills (share of postings)", {}),
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


@handle_errors
def postings_list_cmd(
    role: str | None = typer.Option(
        None, "--role", "-r", help="Only this role family (any alias)."
    ),
    as_json: bool = JSON_OPTION,
    postings: list[Path] | None = POSTINGS_OPTION,
) -> None:
    """List postings (and topic notes), optionally of one role family."""
    # Lazy: loaded when this command runs, so start-up (`--help`) imports only cli/.
    from careergap.engine.postings import postings_of
    from careergap.views.summary import postings_json

    chosen = postings_of(postings or (), role)
    if as_json:
        # Lazy: only --json lists each posting's skills; the table never loads the extractor.
        from careergap.engine.texts import skill_finder

        find, _ = skill_finder()
        emit_json(postings_json(chosen, find))
        return
    # Lazy: loaded when this command runs, so start-up (`--help`) imports only cli/.
    from careergap.views.terminal import console_width, print_renderable, sample, table

    real = sum(1 for p in chosen if p.kind == "posting")
    # Titles get the room: the company goes under the title, families one per line at their
    # full id (an id is what --role takes), and the kind only where there is space for it
    # (topic notes say so in their title anyway).
    with_kind = console_width() >= WIDE_LISTING
    rows = [
        (
            p.id,
            p.title + (f"\n{p.company}" if p.company else ""),
            "\n".join(p.families),
            *((p.kind,) if with_kind else ()),
        )
        for p in chosen
    ]
    family_width = max((len(f) for p in chosen for f in p.families), default=0)
    columns = [
        ("id", {"no_wrap": True}),
        ("Title / company", {}),
        ("Families", {"width": max(family_width, len("Families"))}),
        *((("Kind", {"no_wrap": True}),) if with_kind else ()),
    ]
    caption = sample(real, len(chosen) - real)
    print_renderable(table("Postings", columns, rows, caption=caption))


@handle_errors
def postings_show_cmd(
    posting_id: str = typer.Argument(..., metavar="ID", help="Posting id (see `postings list`)."),
    postings: list[Path] | None = POSTINGS_OPTION,
) -> None:
    """Show one posting: every requirement line, its seed line and the skills found in it."""
    # Lazy: loaded when this command runs, so start-up (`--help`) imports only cli/.
    from careergap.engine.postings import posting
    from careergap.engine.texts import skill_finder
    from careergap.views.posting import posting_view
    from careergap.views.terminal import print_lines

    shown, families = posting(postings or (), posting_id)
    find, names = skill_finder()
    print_lines(posting_view(shown, families, find, names))


@handle_errors
def corpus_build_cmd(
    seeds: Path = typer.Option(
        Path("tests/seeds"),
        "--seeds",
        help="Folder with the seed documents (the repository's tests/seeds/).",
    ),
    out: Path = typer.Option(Path("postings"), "--out", help="Corpus folder to (re)write."),
    overrides: Path | None = typer.Option(
        None, "--overrides", help="Overrides YAML (default: the packaged one)."
    ),
) -> None:
    """Rebuild the curated corpus from the seeds (deterministic; replaces OUT atomically)."""
    # Lazy: loaded when this command runs, so start-up (`--help`) imports only cli/.
    from careergap.engine.postings import rebuild_corpus
    from careergap.views.terminal import sample

    result = rebuild_corpus(seeds, out, overrides)
    real = sum(1 for p in result.postings if p.kind == "posting")
    notes = len(result.postings) - real
    echo(f"Wrote {sample(real, notes)} to {out} ({result.merged} re-pasted duplicates merged).")


for _name, _func, _sub in (
    ("list", postings_list_cmd, postings_app),
    ("show", postings_show_cmd, postings_app),
    ("build", corpus_build_cmd, corpus_app),
):
    _sub.command(_name, short_help=summary(_func))(_func)
