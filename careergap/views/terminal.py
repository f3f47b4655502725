"""Terminal rendering with rich: the only module (with the cli layer) that imports rich.

Every string printed through here is data-safe: it becomes a rich ``Text`` (never parsed as
markup, so ``[/b]`` or ``[link=file:///etc/passwd]`` in a posting prints as written) after
:func:`careergap.files.escaping.for_terminal` has replaced control and bidi characters. Styled
``Text`` built by the views is cleaned the same way before it is printed.

JSON output never comes through here; see ``careergap.cli._common.emit_json``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from careergap.files.escaping import for_terminal
from careergap.views.figures import GUIDANCE, pct
from careergap.views.sample import RANK_LEGEND, sample_text

if TYPE_CHECKING:
    from collections.abc import Mapping

    from careergap.scoring.diffing import CoverageChange

#: Width of coverage bars in the ranking tables.
BAR_WIDTH = 20
#: Narrower bars in `match`, so a family fits on one line at 80 columns.
MATCH_BAR_WIDTH = 12


def safe(obj: Any) -> Any:
    """The terminal boundary: a string becomes a plain ``Text`` with unsafe characters replaced;
    a ``Text`` (or a ``Padding`` around one) is cleaned keeping its styles; tables are cleaned
    cell by cell when :func:`table` builds them."""
    if isinstance(obj, str):
        return Text(for_terminal(obj))
    if isinstance(obj, Text):
        cleaned = for_terminal(obj.plain)
        if cleaned == obj.plain:
            return obj
        out = obj.copy()
        out.plain = cleaned  # same length: the styles' spans stay where they were
        return out
    if isinstance(obj, Padding):
        obj.renderable = safe(obj.renderable)
    return obj


class _Console(Console):
    """A rich Console that leaves a closed pipe to the CLI (exit 0, quietly), where rich's own
    handling would exit 1, the code careergap gives bad input."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError

    def _render_buffer(self, buffer: Any) -> str:
        """Piped or redirected output carries no trailing spaces (rich pads every line of a
        table or an indented block to its width), so files and diffs stay clean."""
        text: str = super()._render_buffer(buffer)
        if self.is_terminal:
            return text
        return "\n".join(line.rstrip(" ") for line in text.split("\n"))


def stdout_console() -> Console:
    """Console for results. Honours NO_COLOR and COLUMNS; no wrapping surprises when piped."""
    return _Console(
        highlight=False,
        markup=False,  # belt and braces: strings are made Text by safe() anyway
        emoji=False,  # ":thumbs_up:" in a posting stays text
        no_color="NO_COLOR" in os.environ or None,
        soft_wrap=False,
    )


def stderr_console() -> Console:
    return _Console(
        stderr=True,
        highlight=False,
        markup=False,
        emoji=False,
        no_color="NO_COLOR" in os.environ or None,
    )


def console_width() -> int:
    """The width results are laid out for (COLUMNS, the terminal, else 80)."""
    return stdout_console().width


def bar(fraction: float, width: int = BAR_WIDTH) -> str:
    """A text bar for a fraction in [0, 1], using eighth blocks for resolution."""
    fraction = min(1.0, max(0.0, fraction))
    eighths = round(fraction * width * 8)
    full, part = divmod(eighths, 8)
    partial = " ▏▎▍▌▋▊▉"[part] if part else ""
    return ("█" * full + partial).ljust(width)


def table(
    title: str | None,
    columns: Sequence[tuple[str, dict[str, Any]]],
    rows: Sequence[Sequence[str | Text]],
    caption: str | None = None,
) -> Table:
    """Build a table; columns are ``(header, column_kwargs)``."""
    tbl = Table(
        title=None if title is None else safe(title),
        caption=None if caption is None else safe(caption),
        title_justify="left",
        caption_justify="left",
    )
    for header, kwargs in columns:
        tbl.add_column(safe(header), **kwargs)
    for row in rows:
        tbl.add_row(*(safe(cell) for cell in row))
    return tbl


def print_renderable(obj: Any) -> None:
    """Print a renderable; a table must come from :func:`table`, which cleans its cells."""
    stdout_console().print(safe(obj))


# --- scoring views --------------------------------------------------------------------------


#: What the figures of `match` mean, and the one its order follows.
MATCH_LEGEND = RANK_LEGEND


def points(value: float) -> str:
    """Coverage points gained, e.g. ``+3.2 pts``."""
    return f"+{value * 100:.1f} pts"


def sample(postings: int, notes: int) -> str:
    """Honest sample size: real postings, plus topic notes when a family leans on them."""
    return sample_text(postings, notes, low_sample=False)


def print_lines(lines: Sequence[str | Text | Padding]) -> None:
    """Print text lines wrapped at spaces only: a URL, a ``SEEDFILE:LINE`` or any other word
    is never split, even one longer than the terminal (it then runs past the edge whole, so
    it can still be copied or clicked). An indented line's continuation keeps its indent."""
    console = stdout_console()
    for line in lines:
        line = safe(line)
        by, first = 0, None
        if isinstance(line, Padding) and isinstance(line.renderable, Text):
            by, first, line = line.left, getattr(line, "first_line_indent", None), line.renderable
        if not isinstance(line, Text):
            console.print(line)
            continue
        marker = LIST_ITEM.match(line.plain) if first is None else None
        if marker:  # "  3. Databricks ..." wraps under "Databricks", not at the margin
            first, by = by, by + marker.end()
        first = by if first is None else first
        parts = wrap_words(line, max(1, console.width - by), max(1, console.width - first))
        for index, part in enumerate(parts):
            indent = first if index == 0 else by
            console.print(Text(" " * indent) + part if indent else part, soft_wrap=True)


#: A numbered or bulleted line, whose continuation lines hang under its text.
LIST_ITEM = re.compile(r" *(?:\d+\.|•) +")


def wrap_words(text: Text, width: int, first_width: int | None = None) -> list[Text]:
    """``text`` cut into lines of at most ``width`` cells (``first_width`` for the first) at
    spaces, styles kept; a word longer than the line is a line of its own, whole."""
    out: list[Text] = []
    for paragraph in text.split("\n", allow_blank=True):
        plain = paragraph.plain
        start = end = None
        for word in re.finditer(r"\S+", plain):
            room = first_width if first_width is not None and not out else width
            if start is None:  # the first line keeps its leading spaces (``  1. ...``)
                start, end = 0, word.end()
            elif cell_len(plain[start : word.end()]) <= room:
                end = word.end()
            else:
                out.append(paragraph[start:end])
                start, end = word.start(), word.end()
        out.append(paragraph[start:end] if start is not None else Text(""))
    return out


def indented(text: str | Text, by: int) -> Padding:
    """A line whose wrapped continuation keeps the indent, at any terminal width."""
    return Padding(safe(text), (0, 0, 0, by), expand=False)


def interval(low: float, high: float) -> str:
    """A coverage interval, e.g. ``34-42%``."""
    return f"{low * 100:.0f}-{high * 100:.0f}%"


def hanging(text: str | Text, by: int) -> Padding:
    """A line starting at the margin whose wrapped continuation is indented ``by`` (a bullet's
    text under its first word), when printed with :func:`print_lines`."""
    block = indented(text, by)
    block.first_line_indent = 0  # type: ignore[attr-defined]
    return block


def print_match(
    header: str,
    rows: Sequence[
        tuple[str, str, float, str, str, bool, str, tuple[float, float], tuple[float, float]]
    ],
    notes: Sequence[str] = (),
    footer: str = "",
) -> None:
    """Two lines a family, readable at 80 columns; the order follows the fit, printed first:

    ``  1. Machine Learning Engineer   ███████▌     38% (34-42%)``
    ``     fit 41% · focus 47% · qualify 12/91 · 91 postings · top gaps: Kubernetes, Go``

    Rows: (rank, family, coverage, qualifying "12/46", sample, low_sample, top missing,
    (interval low, interval high), (fit, focus)). ``notes``: a third line per row, where not
    empty (the family's own postings and age, careergap.engine.market); ``footer``: a closing
    line.
    """
    name_width = max((len(row[1]) for row in rows), default=0)
    lines: list[str | Text | Padding] = [
        Text(header, style="bold"),
        Text(GUIDANCE, style="dim"),
        Text(MATCH_LEGEND, style="dim"),
        "",
    ]
    for index, row in enumerate(rows):
        rank, name, cov, qualify, sample_text, low, missing, (lo, hi), (fit, focus) = row
        line = Text(f"{rank:>3}. {name:<{name_width}}  ")
        line.append(bar(cov, MATCH_BAR_WIDTH), style="green")
        line.append(f" {pct(cov):>4}")
        line.append(f" ({interval(lo, hi)})", style="dim")
        lines.append(line)
        detail = Text(f"fit {pct(fit)}", style="bold")
        detail.append(f" · focus {pct(focus)} · qualify {qualify} · {sample_text}")
        if low:
            detail.append(" (low sample)", style="yellow")
        detail.append(f" · top gaps: {missing}", style="dim")
        lines.append(indented(detail, 5))
        if index < len(notes) and notes[index]:
            lines.append(indented(Text(notes[index], style="dim"), 5))
    if footer:
        lines.extend(["", Text(footer, style="dim")])
    print_lines(lines)


def print_notes(lines: Sequence[str]) -> None:
    """Closing notes under a view (dim, after a blank line), wrapped at spaces."""
    print_lines(["", *(Text(line, style="dim") for line in lines)])


def print_whatif(
    rows: Sequence[CoverageChange],
    changes: Mapping[str, int],
    levels: Mapping[str, int],
    names: Mapping[str, str],
) -> None:
    described = ", ".join(
        f"{names[sid]} {levels.get(sid, 0)} → {lvl}" for sid, lvl in sorted(changes.items())
    )
    print_lines([f"What if: {described} (your profile file is not changed)"])
    body = [
        (
            str(i),
            r.name,
            pct(r.before),
            pct(r.after),
            Text(f"{r.delta * 100:+.1f} pts", style="green" if r.delta > 0 else ""),
            pct(r.fit or 0.0),
        )
        for i, r in enumerate(rows, 1)
    ]
    columns: list[tuple[str, dict[str, Any]]] = [
        ("#", {"justify": "right"}),
        ("Role family", {}),
        ("Before", {"justify": "right"}),
        ("After", {"justify": "right"}),
        ("Delta", {"justify": "right"}),
        ("Fit after", {"justify": "right"}),
    ]
    caption = (
        f"{GUIDANCE} Before, After: coverage. Ordered by the fit after the change (see match)."
    )
    print_renderable(table(None, columns, body, caption=caption))
