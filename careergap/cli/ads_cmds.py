"""Your own postings: `postings add` (one ad, or files and folders of them) and `remove`.

The commands join the `postings` sub-app that ``corpus_cmds`` owns (list/show).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from careergap.cli._common import echo, emit_json, handle_errors, summary
from careergap.files.userfiles import is_stdin

JSON_OPTION = typer.Option(False, "--json", help="Machine-readable output (see README).")


@handle_errors
def postings_add_cmd(
    paths: list[str] = typer.Argument(
        ...,
        metavar="PATH...",
        help="Saved ads: .txt, .md or .html files, or folders of them (read recursively); "
        "- reads one ad from stdin.",
    ),
    role: str = typer.Option(..., "--role", "-r", help="The role family they belong to."),
    title: str | None = typer.Option(
        None, "--title", "-t", help="Title (default: first line); only for a single ad."
    ),
    dry_run: bool = typer.Option(
        False, "--dry-run", help="Show what would be stored; save nothing."
    ),
    as_json: bool = JSON_OPTION,
) -> None:
    """Store job ads you saved; they count in roles, postings, match and gaps from then on.

    One file (or -) shows the ad as read: every demand line with its skills, and the lines
    skipped. Several files or a folder print one table: each file added, a duplicate (of
    which posting), or refused (and why). A re-posted ad (same text once spacing, case,
    punctuation and links are set aside, or near-identical with the same title) is stored once.
    Each posting is stored atomically as soon as it is read: if the batch stops half-way
    (an error, Ctrl-C), the postings stored so far are complete, and running the same command
    again stores the rest. Exit 1 when any file was refused, after storing the others.
    """
    # Lazy: loaded when this command runs, so start-up (`--help`) imports only cli/.
    from careergap.engine.roles import role_family

    family = role_family(role)
    single = len(paths) == 1 and (is_stdin(paths[0]) or not Path(paths[0]).is_dir())
    if title is not None and not single:
        raise typer.BadParameter("--title names one ad; it cannot be used with several files")
    if single:
        _add_one(paths[0], family.id, family.name, title, dry_run, as_json)
    else:
        _add_many([Path(p) for p in paths], family.id, family.name, dry_run, as_json)


def _add_one(
    file: str, family_id: str, family_name: str, title: str | None, dry_run: bool, as_json: bool
) -> None:
    """One ad, shown line by line (the view `postings add` has always had)."""
    # Lazy: loaded when this command runs, so start-up (`--help`) imports only cli/.
    from careergap.engine.ads import paste_one, save_ad
    from careergap.views import terminal_life as render_life

    pasted, names = paste_one(file, family_id, title)
    saved = None if dry_run else save_ad(pasted)
    if as_json:
        emit_json(render_life.pasted_json(pasted, str(saved) if saved else None, names))
    else:
        render_life.print_pasted(pasted, family_name, names)
    if saved is None:
        typer.echo("Dry run: nothing saved.", err=True)
    else:
        echo(f"Saved as {pasted.posting.id} ({saved}).", err=True)


def _add_many(
    paths: list[Path], family_id: str, family_name: str, dry_run: bool, as_json: bool
) -> None:
    """Files and folders of ads: one summary table (or JSON), exit 1 if any was refused."""
    # Lazy: loaded when this command runs, so start-up (`--help`) imports only cli/.
    from careergap.engine.ads import BatchStopped, add_many, postings_dir
    from careergap.errors import CareergapError

    try:
        batch = add_many(paths, family_id, dry_run)
    except BatchStopped as stop:
        _show_batch(stop.batch, family_id, family_name, dry_run, as_json)
        raise CareergapError(
            f"stopped: {stop}; the postings added before it are stored and complete; "
            "fix the problem and run the same command again to add the rest"
        ) from None
    _show_batch(batch, family_id, family_name, dry_run, as_json)
    refused = batch.count("refused")
    if batch.count("added") and not dry_run:
        echo(
            f"Stored in {postings_dir()}; compare against them alone with "
            "`careergap match --mine`.",
            err=True,
        )
    if refused:
        raise CareergapError(
            f"{refused} file{'s' if refused != 1 else ''} refused (see the table); "
            "the others were handled"
        )


def _show_batch(batch: Any, family_id: str, family_name: str, dry_run: bool, as_json: bool) -> None:
    # Lazy: loaded when this command runs, so start-up (`--help`) imports only cli/.
    from careergap.views import ads as render_ads

    if as_json:
        emit_json(render_ads.batch_json(batch, family_id, dry_run))
    else:
        render_ads.print_batch(batch, family_name, dry_run)


@handle_errors
def postings_remove_cmd(
    posting_id: str = typer.Argument(..., metavar="ID", help="Id of a posting you added."),
) -> None:
    """Remove a posting you added with `postings add`."""
    # Lazy: loaded when this command runs, so start-up (`--help`) imports only cli/.
    from careergap.engine.removal import remove_ad

    remove_ad(posting_id)
    echo(f"Removed {posting_id}.")


def _register_postings_commands() -> None:
    """Join the `postings` sub-app that corpus_cmds owns (list/show), rather than a second one."""
    # Lazy: loaded when this command runs, so start-up (`--help`) imports only cli/.
    from careergap.cli.corpus_cmds import postings_app

    postings_app.command("add", short_help=summary(postings_add_cmd))(postings_add_cmd)
    postings_app.command("remove", short_help=summary(postings_remove_cmd))(postings_remove_cmd)


_register_postings_commands()
