"""Shared pieces of the CLI layer: the app, error mapping, and output helpers."""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import typer
from typer.exceptions import TyperException

from careergap import __version__
from careergap.errors import CareergapError
from careergap.files.escaping import for_json, for_terminal

if TYPE_CHECKING:
    from careergap.engine.questions import Workspace
    from careergap.engine.session import Loaded

F = TypeVar("F", bound=Callable[..., Any])

#: Set to show the traceback of an internal error instead of a one-line message.
DEBUG_ENV = "CAREERGAP_DEBUG"
#: Exit code of an internal error (a bug), distinct from bad input (1) and usage (2).
INTERNAL_ERROR_EXIT = 3

app = typer.Typer(
    name="careergap",
    help="How close your skills are to the jobs you want, and what to study next.\n\n"
    "Coverage is guidance, not an ATS score.",
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion (see the README)
    context_settings={"help_option_names": ["-h", "--help"]},  # inherited by every command
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"careergap {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """How close your skills are to the jobs you want, and what to study next."""


def handle_errors(func: F) -> F:
    """Turn a CareergapError into ``error: ...`` on stderr and exit code 1, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except CareergapError as exc:
            for line in str(exc).splitlines() or [type(exc).__name__]:
                echo(f"error: {line}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except (typer.Exit, typer.Abort, TyperException):
            raise
        except BrokenPipeError:
            # The reader went away (`careergap match | head`): it got what it wanted. Stop
            # quietly and successfully, as Unix tools do; nothing more reaches the pipe.
            silence_output()
            raise typer.Exit(0) from None
        except OSError as exc:
            # Writing results or a file failed (disk full, permissions): the user's problem to fix.
            echo(
                f"error: {exc.strerror or exc}{f': {exc.filename}' if exc.filename else ''}",
                err=True,
            )
            raise typer.Exit(1) from None
        except Exception as exc:  # a bug: say so in one line, traceback only on request
            if os.environ.get(DEBUG_ENV):
                raise
            echo(
                f"error: internal error ({type(exc).__name__}: {exc}); this is a bug in careergap. "
                f"Run with {DEBUG_ENV}=1 for the traceback.",
                err=True,
            )
            raise typer.Exit(INTERNAL_ERROR_EXIT) from None

    return wrapper  # type: ignore[return-value]


def summary(func: Callable[..., Any]) -> str | None:
    """The first paragraph of a command's docstring, whole: `--help` lists it in full (wrapped),
    where click would cut it at about 45 characters with "..."."""
    paragraphs = (func.__doc__ or "").strip().split("\n\n")
    return " ".join(paragraphs[0].split()) or None


def command(*args: Any, **kwargs: Any) -> Callable[[F], F]:
    """``@app.command`` with careergap's error handling."""

    def decorator(func: F) -> F:
        kwargs.setdefault("short_help", summary(func))
        app.command(*args, **kwargs)(handle_errors(func))
        return func

    return decorator


def silence_output() -> None:
    """Point stdout and stderr at the null device after their reader went away, so nothing
    else fails on them (nor Python's final flush, which would print "Exception ignored")."""
    for stream in (sys.stdout, sys.stderr):
        try:
            fd = stream.fileno()
        except (AttributeError, OSError, ValueError):  # not a real file (tests, a closed stream)
            continue
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, fd)
        os.close(null)


def emit_json(payload: dict[str, Any]) -> None:
    """Write a JSON result to stdout: sorted by our own code, never through rich."""
    # allow_nan=False: NaN is not JSON; a bug that made one must fail loudly, not print it.
    # A stdout that cannot encode all of Unicode (PYTHONIOENCODING=ascii) gets \u escapes: the
    # same JSON value, where 'errors=replace' would silently change the data.
    encoding = (getattr(sys.stdout, "encoding", None) or "utf-8").lower().replace("-", "")
    ascii_only = not encoding.startswith("utf")
    text = json.dumps(payload, indent=2, ensure_ascii=ascii_only, allow_nan=False)
    sys.stdout.write(for_json(text) + "\n")


def echo(message: str, err: bool = False) -> None:
    """A plain message line (not a rich view): the terminal boundary for text that may quote a
    file's contents or name, so control and bidi characters are replaced first."""
    typer.echo(for_terminal(message), err=err)


def warn(message: str) -> None:
    """A warning on stderr."""
    echo(f"warning: {message}", err=True)


# --- loading through the engine, with the terminal's progress bar ---------------------------


def workspace(postings: Sequence[Path] | None) -> Workspace:
    """The compiled corpus plus any ``--postings`` folders; a bar on stderr while a large
    corpus is built."""
    # Imported here: the engine and the progress view load pydantic, yaml and rich, which
    # `--help`, `--version` and the commands that do not score must not pay for.
    from careergap.engine.questions import load_workspace
    from careergap.views.progress import progress

    return load_workspace(list(postings or ()), progress)


def load(
    profile: Path | None,
    postings: Sequence[Path] | None,
    mine: bool = False,
    half_life: int | None = None,
) -> Loaded:
    """Find and load the profile and the corpus (only the person's own postings with ``mine``,
    weighed by age with ``half_life``); print profile warnings to stderr."""
    # Lazy: loaded when this command runs, so start-up (`--help`) imports only cli/.
    from careergap.engine.session import load_session  # start-up, as in `workspace`
    from careergap.views.progress import progress

    loaded = load_session(profile, postings, progress, mine, half_life)
    for problem in loaded.warnings:
        warn(str(problem))
    return loaded
