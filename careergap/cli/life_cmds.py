"""A profile that lives for years: init, progress, diff, report, and your own postings.

``postings add`` / ``postings remove`` join the ``postings`` sub-app of ``corpus_cmds``.
``match`` records the snapshots ``progress`` reads (``careergap.engine.session.record_snapshot``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from careergap.cli._common import (
    command,
    echo,
    emit_json,
    load,
    warn,
    workspace,
)

#: Where `init` writes without a PATH: the first name profile discovery looks for (kept here,
#: not imported from initprofile, so `careergap --help` does not load pydantic).
DEFAULT_PROFILE = Path("me.yaml")
#: Families listed by `diff` unless --all: the ones that moved most.
DIFF_TOP = 10
#: Report formats and the file suffixes that imply them.
REPORT_FORMATS = {"md": (".md", ".markdown"), "html": (".html", ".htm")}

JSON_OPTION = typer.Option(False, "--json", help="Machine-readable output (see README).")
POSTINGS_OPTION = typer.Option(
    None,
    "--postings",
    metavar="DIR",
    help="Extra folder of postings YAML to add to the corpus (repeatable).",
)


# --- init -----------------------------------------------------------------------------------


@command("init")
def init_cmd(
    path: Path = typer.Argument(DEFAULT_PROFILE, help="Where to write the profile."),
    from_text: Path | None = typer.Option(
        None, "--from-text", metavar="CV.txt", help="Pre-fill skills found in a plain-text CV."
    ),
    force: bool = typer.Option(False, "--force", help="Replace an existing file."),
) -> None:
    """Write a commented starter profile; with --from-text, pre-filled from your CV."""
    # Lazy: loaded when this command runs, so start-up (`--help`) imports only cli/.
    from careergap.engine.starter import starter_profile
    from careergap.views import terminal as render
    from careergap.views import terminal_life as render_life

    found = starter_profile(path, from_text, force)
    cv_name = None if from_text is None else from_text.name
    render.print_lines(render_life.init_message(str(path), found, cv_name))


# --- progress -------------------------------------------------------------------------------


@command("progress")
def progress_cmd(
    role: list[str] | None = typer.Option(None, "--role", "-r", help="Only these roles."),
    profile: Path | None = typer.Option(
        None,
        "--profile",
        "-p",
        help="Whose history. Default: the profile `match` would use, else every snapshot.",
    ),
    postings: list[Path] | None = POSTINGS_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """How your coverage moved over the snapshots `match` recorded, and why: your profile or
    the corpus."""
    # Lazy: loaded when this command runs, so start-up (`--help`) imports only cli/.
    from careergap.engine.progress import explain_progress, history_of, skill_names
    from careergap.engine.roles import family_names, role_ids
    from careergap.views import terminal_life as render_life

    only = role_ids(role or ())
    past = history_of(profile)
    if past.others_only:
        warn(f"no snapshots of {past.whose} yet; other profiles have some (see --profile)")
    prog, why = explain_progress(past.snapshots, only, lambda: workspace(postings))
    if as_json:
        emit_json(render_life.progress_json(prog, why))
        return
    render_life.print_progress(prog, family_names(), skill_names(), why)


# --- diff -----------------------------------------------------------------------------------


@command("diff")
def diff_cmd(
    old: Path = typer.Argument(..., help="The earlier profile version ('-' reads stdin)."),
    new: Path = typer.Argument(..., help="The later profile version ('-' reads stdin)."),
    show_all: bool = typer.Option(False, "--all", help="Every family, not only the top 10."),
    postings: list[Path] | None = POSTINGS_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Skill-level changes between two profile versions and their effect on each family."""
    # Lazy: loaded when this command runs, so start-up (`--help`) imports only cli/.
    from careergap.engine.questions import diff_profiles
    from careergap.engine.session import corpus_stamp
    from careergap.engine.validation import profile_versions
    from careergap.views import terminal_life as render_life
    from careergap.views.sample import scored_postings

    ws = workspace(postings)
    before, after = profile_versions(old, new, ws.taxonomy)
    for loaded in (before, after):
        for problem in loaded.warnings:
            warn(str(problem))
    diff = diff_profiles(ws, before.levels, after.levels)
    names = {sid: skill.name for sid, skill in ws.taxonomy.skills.items()}
    stamp = corpus_stamp(ws, list(postings or ()))
    if as_json:
        emit_json(render_life.diff_json(diff, str(before.path), str(after.path), names, stamp))
        return
    render_life.print_diff(
        diff,
        str(before.path),
        str(after.path),
        names,
        None if show_all else DIFF_TOP,
        scored_postings(ws),
    )


# --- report ---------------------------------------------------------------------------------


def _report_format(fmt: str | None, output: Path | None) -> str:
    """The format: --format, else the -o suffix, else md. A suffix careergap does not write
    (``r.pdf``) or one that contradicts --format is refused rather than mislabelled."""
    if fmt is not None and fmt not in REPORT_FORMATS:
        raise typer.BadParameter(f"{fmt!r} is not one of md, html", param_hint="'--format'")
    if output is None or not output.suffix:
        return fmt or "md"
    suffix = output.suffix.lower()
    implied = next((name for name, sfx in REPORT_FORMATS.items() if suffix in sfx), None)
    if implied is None:
        known = ", ".join(s for sfx in REPORT_FORMATS.values() for s in sfx)
        raise typer.BadParameter(
            f"careergap writes reports as Markdown or HTML, not {suffix}: "
            f"name the file with one of {known}",
            param_hint="'--output'",
        )
    if fmt is not None and fmt != implied:
        raise typer.BadParameter(
            f"--format {fmt} disagrees with the file name {output.name!r} ({implied}); "
            "drop --format or rename the file",
            param_hint="'--output'",
        )
    return implied


@command("report")
def report_cmd(
    profile_arg: Path | None = typer.Argument(
        None, metavar="PROFILE", show_default=False, help="Profile YAML; '-' reads stdin."
    ),
    fmt: str | None = typer.Option(
        None,
        "--format",
        "-f",
        metavar="md|html",
        help="md or html. Default: from the -o suffix (.md, .markdown, .html, .htm), else md.",
    ),
    output: Path | None = typer.Option(
        None,
        "--output",
        "-o",
        metavar="FILE",
        help="File to write (atomically); its suffix sets the format. Default: standard "
        "output ('-o -' to print HTML on a terminal).",
    ),
    profile: Path | None = typer.Option(
        None, "--profile", "-p", help="Profile YAML (same as [PROFILE]); '-' reads stdin."
    ),
    force: bool = typer.Option(False, "--force", help="Replace an existing output file."),
    postings: list[Path] | None = POSTINGS_OPTION,
    mine: bool = typer.Option(
        False, "--mine", help="Score only the postings you stored with `postings add`."
    ),
    half_life: int | None = typer.Option(
        None,
        "--half-life",
        min=1,
        max=36500,
        metavar="DAYS",
        help="Weigh postings by age: 0.5 ** (age / DAYS) (see README).",
    ),
) -> None:
    """A self-contained report to share: family ranking, top gaps with resources, progress."""
    # Lazy: loaded when this command runs, so start-up (`--help`) imports only cli/.
    from careergap.engine.report import report_for, write_report
    from careergap.views import report, report_html

    to_stdout = output is not None and str(output) == "-"  # "-o -": standard output, on purpose
    if to_stdout:
        output = None
    fmt = _report_format(fmt, output)
    if fmt == "html" and output is None and not to_stdout and sys.stdout.isatty():
        raise typer.BadParameter(
            "an HTML report is a file for a browser, not text for a terminal: "
            "write it with -o report.html (or -o - to print it anyway)",
            param_hint="'--format'",
        )
    ctx = load(profile or profile_arg, postings, mine, half_life)
    if output is not None:
        _check_report_target(output, ctx.source, fmt, force)
    data, warnings = report_for(ctx)
    for warning in warnings:
        warn(warning)
    text = report_html.render_html(data) if fmt == "html" else report.render_markdown(data)
    if output is None:
        sys.stdout.write(text)
        return
    write_report(output, text)
    echo(f"Wrote {output} ({fmt}).", err=True)


def _check_report_target(output: Path, profile: Path, fmt: str, force: bool) -> None:
    """The report never replaces the profile, a folder, or (without --force) any file."""
    # Lazy: loaded when this command runs, so start-up (`--help`) imports only cli/.
    from careergap.errors import CareergapError

    if output.is_dir():
        raise CareergapError(f"{output}: is a directory; give a file name such as report.{fmt}")
    if output.exists() and output.resolve() == profile.resolve():
        raise CareergapError(f"{output}: is the profile being reported; choose another file")
    if output.exists() and not force:
        raise CareergapError(f"{output}: already exists; use --force to replace it")
