"""A scoring command's inputs, loaded once: the profile and the workspace; and its record.

``load_session`` finds and reads the profile and the compiled corpus; ``record_snapshot`` adds
the run to the profile's history for ``progress`` and ``report``. Neither prints: warnings are
returned for the CLI to show.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from careergap.corpus.roles import resolve_role
from careergap.engine import market, questions
from careergap.engine.market import Selection
from careergap.engine.questions import FamilyResult, load_workspace
from careergap.errors import CareergapError, Problem, UnknownRoleError
from careergap.files.paths import bundled_postings_dir, user_postings_dir
from careergap.reading.dating import today
from careergap.reading.profile import find_profile, load_profile
from careergap.store.cache import corpus_folders
from careergap.store.workspace import ProgressBar, Workspace, no_progress

if TYPE_CHECKING:
    from careergap.store.history import CorpusStamp


@dataclass(frozen=True)
class Loaded:
    path: Path  # as messages name it: the file, or <stdin>
    ws: Workspace
    levels: dict[str, int]
    target_roles: tuple[str, ...]
    source: Path  # what to read it from again: the file, or - for standard input
    #: Which postings are scored and how they weigh (--mine, --half-life).
    selection: Selection
    #: Problems that do not stop a run (unknown skill names), for the CLI to print.
    warnings: tuple[Problem, ...] = ()

    @property
    def names(self) -> dict[str, str]:
        return self.ws.taxonomy.names()

    def family_id(self, role: str) -> str:
        return resolve_role(role, self.ws.families).id

    def target_family_ids(self) -> list[str]:
        """The profile's target_roles as family ids; an unknown one is an error naming the file."""
        ids = []
        for role in self.target_roles:
            try:
                ids.append(self.family_id(role))
            except UnknownRoleError as exc:
                raise UnknownRoleError(f"{self.path}: target_roles: {exc}") from None
        return list(dict.fromkeys(ids))


def load_session(
    profile: Path | None,
    postings: Sequence[Path] | None,
    progress: ProgressBar = no_progress,
    mine: bool = False,
    half_life: int | None = None,
) -> Loaded:
    """Find and load the profile and the corpus (``progress`` draws a bar on a long build),
    keeping only the postings asked for (--mine), weighed by age when asked (--half-life, or
    the profile's setting)."""
    source = find_profile(profile)
    ws = load_workspace(list(postings or ()), progress)
    loaded = load_profile(source, ws.taxonomy)
    if mine and not any(user_postings_dir().glob("*.yaml")):
        raise CareergapError(
            "--mine: you have stored no postings of your own yet; add the ads you collect "
            "with `careergap postings add FOLDER --role ROLE`"
        )
    days = half_life if half_life is not None else loaded.half_life_days
    selection = market.Selection(mine=mine, half_life_days=days, today=today())
    ws = market.select(ws, selection)
    return Loaded(
        loaded.path,
        ws,
        dict(loaded.levels),
        tuple(loaded.target_roles),
        source,
        selection,
        tuple(loaded.warnings),
    )


def markets(ctx: Loaded, scores: Sequence[Any] | None = None) -> dict[str, Any]:
    """Each family's sample (own postings, age, what would make it solid), from every family's
    score (the spread pooled over families needs them all)."""
    if scores is None:
        scores = questions.ranked_scores(ctx.ws, ctx.levels)  # no gaps: not needed here
    return market.family_markets(ctx.ws, scores, today())


def record_snapshot(
    path: Path,
    ws: Workspace,
    levels: dict[str, int],
    results: Sequence[FamilyResult],
    extra_postings: Sequence[Path] = (),
    selection: Selection | None = None,
) -> str | None:
    """Record one history snapshot of every family's coverage, and which corpus gave it
    (including whether only the person's own postings were scored, and any half-life).

    A history that cannot be written is a warning (returned), not a failed `match`: the scores
    were computed and shown, the profile is untouched, and the warning says how to repair it.
    """
    # Imported here: only a recorded run opens the history (sqlite3), not --no-record, gaps...
    from careergap.store import history

    coverages = {r.score.family_id: r.score.coverage for r in results}
    if set(coverages) != set(ws.families):  # --top or --role: score the rest for the record
        coverages = questions.coverages(ws, levels)
    try:
        history.record(
            path,
            Path(path).read_bytes(),
            levels,
            coverages,
            corpus=corpus_stamp(ws, extra_postings, selection),
        )
    except OSError as exc:
        return f"history not recorded: {path}: cannot read: {exc.strerror or exc}"
    except history.HistoryError as exc:
        return f"history not recorded: {exc}"
    return None


def corpus_stamp(
    ws: Workspace, extra_postings: Sequence[Path], selection: Selection | None = None
) -> CorpusStamp | None:
    """The corpus this run scored against (None when its fingerprint was not computed). A run
    on a selection (--mine, a half-life) scores another corpus: its fingerprint says so."""
    from careergap.store.history import CorpusStamp  # as in record_snapshot

    if not ws.corpus_key:
        return None
    bundled = bundled_postings_dir()
    own = 0
    for folder in corpus_folders(list(extra_postings)):
        if folder != bundled and folder.is_dir():
            own += sum(1 for p in folder.glob("*.yaml"))
    if selection is None or not selection.active:
        return CorpusStamp(ws.corpus_key[:16], ws.scored_postings, own)
    mark = f"{ws.corpus_key}\nmine={selection.mine}\nhalf_life={selection.half_life_days}"
    if selection.half_life_days is not None:  # ages, and so weights, move with the date
        mark += f"\ntoday={selection.today}"
    return CorpusStamp(
        hashlib.sha256(mark.encode()).hexdigest()[:16],
        ws.scored_postings,
        own,
        mine=selection.mine,
        half_life_days=selection.half_life_days,
    )
