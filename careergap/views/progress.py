"""A progress bar on stderr for the few steps that can take seconds (building a large corpus).

Only shown when stderr is a terminal: piped output, logs, CI and ``--json`` consumers never see
bar frames, and stdout is never touched. The bar is transient: it disappears when the step ends.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Advance = Callable[[int], None]


def _ignore(_: int) -> None:
    return None


@contextmanager
def progress(description: str, total: int | None, enabled: bool = True) -> Iterator[Advance]:
    """Yield ``advance(n)``; draws a bar (a pulsing one when ``total`` is None) on a TTY stderr."""
    if not enabled or not sys.stderr.isatty():
        yield _ignore
        return
    # Lazy: a bar is drawn only on a long build; a warm `match` never loads rich.progress.
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from careergap.views.terminal import stderr_console

    columns = [TextColumn("{task.description}", markup=False), BarColumn(), TimeElapsedColumn()]
    if total is not None:
        columns.insert(2, MofNCompleteColumn())
    with Progress(*columns, console=stderr_console(), transient=True) as bar:
        task = bar.add_task(description, total=total)

        def advance(n: int) -> None:
            bar.advance(task, n)

        yield advance
