"""Numbers as short text, the same in every view: shares as percentages, coverage changes in
points, trends as sparklines, and the guidance line. Plain strings (no rich), so the terminal,
the Markdown and the HTML report share them."""

from __future__ import annotations

from collections.abc import Sequence

#: The line every scoring view carries: these numbers advise, they do not screen.
GUIDANCE = "Coverage is guidance, not an ATS score."

#: Eight heights of a sparkline, lowest first.
SPARK_BLOCKS = "▁▂▃▄▅▆▇█"
#: Shown where a snapshot did not score the family (e.g. `match --role` on another family).
SPARK_GAP = " "
#: A sparkline spans at least this much coverage, so a 0.1-point wobble does not look like a cliff.
MIN_SPARK_SPAN = 0.05
#: Most snapshots drawn in one sparkline (the latest ones) so rows fit a terminal.
MAX_SPARK_POINTS = 30


def pct(value: float) -> str:
    """A share as a whole percentage: ``0.456`` -> ``46%``."""
    return f"{value * 100:.0f}%"


def signed_points(value: float) -> str:
    """A coverage change in points, e.g. ``+3.2 pts``, ``-0.5 pts``, ``±0 pts``."""
    points = round(value * 100, 1)
    if points == 0:
        return "±0 pts"
    return f"{points:+.1f} pts"


def sparkline(values: Sequence[float | None]) -> str:
    """Unicode-block trend of coverages, scaled to their own range (at least MIN_SPARK_SPAN)."""
    values = list(values)[-MAX_SPARK_POINTS:]
    known = [v for v in values if v is not None]
    if not known:
        return SPARK_GAP * len(values)
    low = min(known)
    span = max(max(known) - low, MIN_SPARK_SPAN)
    top = len(SPARK_BLOCKS) - 1
    return "".join(
        SPARK_GAP if v is None else SPARK_BLOCKS[min(top, round((v - low) / span * top))]
        for v in values
    )
