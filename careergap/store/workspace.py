"""The workspace: the taxonomy and the corpus compiled into what scoring reads.

Each posting becomes a scoring entry (its lines' requirements, found with the extractor), each
family's entries are compiled to its demand, and the result is what every engine question works
on. ``careergap.store.cache`` keeps it between runs. A progress bar is a view: callers that
draw one pass it in as ``progress`` (see :data:`ProgressBar`); nothing here imports rich.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from careergap.models import DEMAND_SECTIONS, Posting, RoleFamily
from careergap.reading.requirements import Requirement, requirements_for_line
from careergap.reading.taxonomy import CREDENTIAL_KINDS, apart_kinds
from careergap.scoring.demand import EMPTY, FamilyDemand, compile_family
from careergap.scoring.entries import Entry
from careergap.scoring.implied import Implied, implied_levels, with_implied
from careergap.scoring.score import CHILD_CREDIT, CreditModel

if TYPE_CHECKING:
    from careergap.reading.demands import DemandReader, MentionLike
    from careergap.reading.taxonomy import Taxonomy

#: ``advance(n)``: n more steps of a long job are done.
Advance = Callable[[int], None]
#: ``progress(description, total, enabled)`` -> a context yielding ``advance``; the CLI passes
#: ``careergap.views.progress.progress`` (a bar on a terminal's stderr), everything else none.
ProgressBar = Callable[[str, "int | None", bool], AbstractContextManager[Advance]]


@contextmanager
def no_progress(description: str, total: int | None, enabled: bool = True) -> Iterator[Advance]:
    """A progress bar that draws nothing."""
    yield lambda n: None


#: A posting naming fewer distinct skills says too little to score against: its one or two
#: requirements would weigh as much as a whole posting's worth of demand.
MIN_SKILLS_TO_SCORE = 3


def is_scored(entry: Entry) -> bool:
    """Whether an entry names enough distinct skills to count in a family's score."""
    skills = {option for requirement in entry.requirements for option in requirement.options}
    return len(skills) >= MIN_SKILLS_TO_SCORE


class Found(NamedTuple):
    """A skill the extractor found in a demand line: ``text[start:end]`` names it."""

    skill_id: str
    start: int
    end: int


#: Per demand-line text, what the extractor found in it (sorted by start), as compiling the
#: corpus found it: a gap's quote marks these words without building an extractor at run time.
Mentions = Mapping[str, tuple[Found, ...]]
#: Every family's entries (in id order) and the mentions of their requirement lines.
Table = tuple[Mapping[str, tuple[Entry, ...]], Mentions]


class EntryTable:
    """Every family's entries, in full, and what was found in their lines: built with the
    workspace, or read on first use.

    Scoring needs only each family's compiled demand; the entries themselves (every posting's
    requirements) are needed only to list all the evidence for a skill, so a cached workspace
    reads them from disk only when asked.
    """

    def __init__(self, load: Callable[[], Table]):
        self._load = load
        self._table: Table | None = None

    @classmethod
    def of(cls, entries: Mapping[str, tuple[Entry, ...]], mentions: Mentions) -> EntryTable:
        return cls(lambda: (entries, mentions))

    def get(self) -> Mapping[str, tuple[Entry, ...]]:
        return self._get()[0]

    def mentions(self) -> Mentions:
        return self._get()[1]

    def _get(self) -> Table:
        if self._table is None:
            self._table = self._load()
        return self._table


@dataclass(frozen=True)
class Workspace:
    """The taxonomy and corpus, every family compiled to its demand (see
    careergap.scoring.demand)."""

    taxonomy: Taxonomy
    families: Mapping[str, RoleFamily]
    #: Per family: what its scored entries ask for (families without any are absent).
    demands: Mapping[str, FamilyDemand]
    partial_sources: Mapping[str, tuple[tuple[str, float], ...]]
    #: Real postings in the corpus, scored or not.
    postings: int
    #: Distinct real postings that count in some family's score.
    scored_postings: int
    table: EntryTable = field(compare=False, repr=False)
    #: Content key of every corpus file, the taxonomy and the careergap version (the cache key):
    #: it changes whenever anything that shapes the scores changes. Empty when not computed.
    corpus_key: str = field(default="", compare=False)

    @cached_property
    def apart(self) -> Mapping[str, str]:
        """Skill id -> kind of every non-technical skill (taxonomy.apart_kinds), worked out once:
        each question asks (issue 15: 13 ms of a cached `gaps` when it was asked every time)."""
        return apart_kinds(self.taxonomy) if self.taxonomy is not None else {}

    @cached_property
    def partial_targets(self) -> Mapping[str, frozenset[str]]:
        """Skill id -> the skills it earns partial credit for (``partial_sources`` reversed): the
        skills whose credit a change in its level can move."""
        targets: dict[str, set[str]] = defaultdict(set)
        for skill, others in self.partial_sources.items():
            for other, _ in others:
                targets[other].add(skill)
        return {skill: frozenset(found) for skill, found in targets.items()}

    def implied(self, levels: Mapping[str, int]) -> dict[str, Implied]:
        """Umbrella skills the written ones show (careergap.scoring.implied): PyTorch 4 -> deep
        learning."""
        if self.taxonomy is None:
            return {}
        return implied_levels(self.taxonomy, levels, frozenset(self.apart))

    def model(self, levels: Mapping[str, int]) -> CreditModel:
        """Credit for the written levels plus the umbrellas they imply (written levels win)."""
        return CreditModel(with_implied(levels, self.implied(levels)), self.partial_sources)

    def demand(self, family_id: str) -> FamilyDemand:
        return self.demands.get(family_id, EMPTY)

    @property
    def entries(self) -> Mapping[str, tuple[Entry, ...]]:
        """Every family's entries, scored or not, in id order."""
        return self.table.get()

    def family_entries(self, family_id: str) -> tuple[Entry, ...]:
        """The family's entries that name enough skills to be scored."""
        return tuple(e for e in self.entries.get(family_id, ()) if is_scored(e))

    def finder(self, texts: Collection[str]) -> Callable[[str], Sequence[MentionLike]]:
        """What the extractor finds in each of ``texts`` (demand lines of the corpus): found
        when the corpus was compiled, so a cached `gaps` never compiles a matcher (issue 15:
        about a third of its CPU time). A text not among them (none, unless a caller passes
        other lines) is read by an extractor built for those texts alone."""
        stored = self.table.mentions()
        missing = [t for t in dict.fromkeys(texts) if t not in stored]
        if not missing:
            return stored.__getitem__
        # Imported here: only a line the compiled corpus did not read needs the extractor.
        from careergap.reading.extractor import Extractor

        find = Extractor.for_texts(self.taxonomy, missing).find
        return lambda text: stored[text] if text in stored else find(text)


def source_file(source: str) -> str:
    """``002_x.txt:776-791`` -> ``002_x.txt``; a user posting's path is kept whole."""
    head, sep, tail = source.rpartition(":")
    if sep and tail.replace("-", "").isdigit():
        return head
    return source


def posting_date(posting: Posting) -> str | None:
    """The date a posting is aged from: when it says it was posted, else when it was stored."""
    when = posting.posted or posting.added
    return when.isoformat() if when else None


def partial_sources(taxonomy: Taxonomy) -> dict[str, tuple[tuple[str, float], ...]]:
    """For each skill, the skills that earn partial credit for it: related ones, and children."""
    sources: dict[str, dict[str, float]] = defaultdict(dict)
    # Through the taxonomy's relations, not its skills: a compiled taxonomy builds each skill's
    # record only when asked for it (careergap.reading.taxonomy.CompiledSkills).
    for skill_id, parents, related in taxonomy.relations():
        for other, weight in related:
            for a, b in ((skill_id, other), (other, skill_id)):
                sources[a][b] = max(sources[a].get(b, 0.0), weight)
        for parent in parents:
            sources[parent][skill_id] = max(sources[parent].get(skill_id, 0.0), CHILD_CREDIT)
    return {
        skill: tuple(sorted(others.items(), key=lambda kv: (-kv[1], kv[0])))
        for skill, others in sorted(sources.items())
    }


#: The extractor's ``find`` over a line's text (what ``reading.extractor.Extractor.find`` is).
Find = Callable[[str], "Sequence[MentionLike]"]


def compile_entries(
    postings: Sequence[Posting],
    taxonomy: Taxonomy,
    show_progress: bool = False,
    progress: ProgressBar = no_progress,
    mentions: dict[str, tuple[Found, ...]] | None = None,
) -> dict[str, Entry]:
    """Each posting's scoring entry: its lines' requirements, extracted with the taxonomy;
    ``mentions``, when given, receives what was found in each demand line (see Mentions).

    A line that occurs in many postings (boilerplate, re-posted ads) is extracted once.
    """
    # Imported here: a run that reads the cache never extracts, and the extractor's import
    # (rapidfuzz, the compiled forms) would cost every command's start-up.
    from careergap.reading.demands import reader_for
    from careergap.reading.extractor import Extractor

    find = Extractor(taxonomy).find
    reader = reader_for(taxonomy)  # the same reading as `careergap extract`
    found_in = {} if mentions is None else mentions
    memo: dict[tuple[int, str, bool, str], tuple[Requirement, ...]] = {}
    entries: dict[str, Entry] = {}
    with progress("Extracting skills", len(postings), show_progress) as advance:
        for posting in postings:
            entries[posting.id] = entry_of(posting, find, reader, found_in, memo)
            advance(1)
    return entries


def entry_of(
    posting: Posting,
    find: Find,
    reader: DemandReader,
    found_in: dict[str, tuple[Found, ...]],
    memo: dict[tuple[int, str, bool, str], tuple[Requirement, ...]],
) -> Entry:
    """A posting's scoring entry: the requirements of its demand lines, read by ``reader`` from
    what ``find`` finds in them. ``found_in`` (line text -> what was found in it) and ``memo``
    (line -> its requirements) keep what was worked out for a line, so an identical line, in
    this posting or a later one, is not read again."""
    requirements: list[Requirement] = []
    for line in posting.lines:
        if line.section not in DEMAND_SECTIONS:
            continue  # company prose, benefits, legal text: kept for display only
        key = (line.line, line.text, line.required, line.section)
        found = memo.get(key)
        if found is None:
            seen = found_in.get(line.text)
            if seen is None:
                seen = found_in[line.text] = tuple(
                    Found(m.skill_id, m.start, m.end) for m in find(line.text)
                )
            found = tuple(
                requirements_for_line(
                    line.line, line.text, line.required, seen, reader, line.section
                )
            )
            memo[key] = found
        requirements.extend(found)
    return Entry(
        id=posting.id,
        title=posting.title,
        kind=posting.kind,
        families=posting.families,
        source_file=source_file(posting.source),
        requirements=tuple(requirements),
        date=posting_date(posting),
        date_stated=posting.posted is not None,
    )


def per_family(entries: Iterable[Entry]) -> dict[str, tuple[Entry, ...]]:
    """Each family's entries, in id order."""
    grouped: dict[str, list[Entry]] = defaultdict(list)
    for entry in sorted(entries, key=lambda e: e.id):
        for family in entry.families:
            grouped[family].append(entry)
    return {fid: tuple(es) for fid, es in sorted(grouped.items())}


def unscored(taxonomy: Taxonomy) -> set[str]:
    """The skills coverage leaves out: every non-technical one but credentials
    (taxonomy.CREDENTIAL_KINDS)."""
    return {s for s, kind in apart_kinds(taxonomy).items() if kind not in CREDENTIAL_KINDS}


def compile_demands(
    entries: Mapping[str, tuple[Entry, ...]], apart: AbstractSet[str] = frozenset()
) -> dict[str, FamilyDemand]:
    """Each family's demand, from its entries that name enough skills to be scored; ``apart``
    skills (soft skills, languages, degrees, domains) are shown apart, never scored."""
    return {
        fid: compile_family([e for e in es if is_scored(e)], apart)
        for fid, es in sorted(entries.items())
    }


def workspace_of(
    taxonomy: Taxonomy,
    families: Mapping[str, RoleFamily],
    grouped: Mapping[str, tuple[Entry, ...]],
    partial: Mapping[str, tuple[tuple[str, float], ...]] | None = None,
    mentions: Mentions | None = None,
) -> Workspace:
    """A Workspace from each family's entries (partial credit from the taxonomy by default) and
    what was found in their lines, when known."""
    distinct = {e.id: e for es in grouped.values() for e in es}.values()
    return Workspace(
        taxonomy=taxonomy,
        families=dict(families),
        demands=compile_demands(grouped, unscored(taxonomy) if taxonomy else frozenset()),
        partial_sources=partial_sources(taxonomy) if partial is None else partial,
        postings=sum(1 for e in distinct if e.kind == "posting"),
        scored_postings=sum(1 for e in distinct if e.kind == "posting" and is_scored(e)),
        table=EntryTable.of(grouped, {} if mentions is None else mentions),
    )


def build_workspace(
    taxonomy: Taxonomy,
    families: Mapping[str, RoleFamily],
    postings: Sequence[Posting],
    show_progress: bool = False,
    progress: ProgressBar = no_progress,
) -> Workspace:
    """Turn postings into per-family scoring entries and compile each family's demand."""
    mentions: dict[str, tuple[Found, ...]] = {}
    entries = compile_entries(postings, taxonomy, show_progress, progress, mentions)
    return workspace_of(taxonomy, families, per_family(entries.values()), mentions=mentions)
