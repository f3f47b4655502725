"""Skill names -> canonical skills. The only module that imports rapidfuzz.

* :func:`fold` and :func:`resolve_skill`: a name a person typed ("tensor-flow", "Pytorh") becomes a
  skill id, or stays unresolved with a suggestion. Typos are *reported*, never mapped silently.
* :func:`search_skills`: fuzzy search for ``careergap skills QUERY``.

Skills *mentioned* in free text are found by :class:`careergap.reading.extractor.Extractor`.

rapidfuzz is imported where a fuzzy search starts (:func:`fuzzy_index`, :func:`_ranked`,
:func:`similar_texts`), not with this module: most profiles name every skill exactly, and a
scoring command whose names all resolve by lookup then neither loads it nor builds the fuzzy
index (issue 15: nothing loaded that the command does not use; together about 5-10 ms of CPU
measured in isolation, small beside typer and pydantic, which load much of what it needs).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from careergap.models import Skill
from careergap.reading.folding import fold

if TYPE_CHECKING:
    from careergap.reading.taxonomy import Taxonomy

# --- folding and resolution ------------------------------------------------------------------

#: Forms this short ("R", "C", "Go", "AI", "C#") are matched with their exact case only, and
#: fuzzy-scored by plain ratio (as a partial match they would hit every word containing them).
SHORT_FORM_LENGTH = 2
#: WRatio score (0-100) from which a fuzzy hit is worth suggesting ("did you mean PyTorch?").
FUZZY_SUGGEST = 75.0
#: Score from which a fuzzy hit may resolve on its own. Deliberately near-identical: a one-letter
#: typo in a short name ("Pytorh" ~ 92) is reported with a suggestion rather than guessed.
FUZZY_ACCEPT = 96.0
#: A fuzzy hit resolves only if it beats the best *other* skill by this much (else: ambiguous).
FUZZY_MARGIN = 5.0
#: Names shorter than this (after folding) never resolve fuzzily: one edit is too large a change.
FUZZY_MIN_LENGTH = 8
#: A plural name ("CNNs") resolves to its singular form when the stem is at least this long.
PLURAL_STEM_MIN = 3
#: Candidates fetched from rapidfuzz before collapsing forms of the same skill.
FUZZY_POOL = 40
#: Minimum WRatio score for a row of ``careergap skills QUERY``.
SEARCH_CUTOFF = 60.0

#: Without a close spelling, a partial match this strong is still worth suggesting
#: ("Machine Learning Engineering" -> Machine Learning), never resolving.
FUZZY_SUGGEST_PARTIAL = 88.0
#: ...but only for forms at least this long: "net" is part of far too many words.
PARTIAL_MIN_LENGTH = 5

Method = Literal["exact", "alias", "fuzzy", "none"]
Scorer = Callable[..., float]


@dataclass(frozen=True)
class Resolution:
    """What a typed name resolved to. ``skill_id`` None means unresolved (maybe a suggestion)."""

    skill_id: str | None
    suggestion: str | None
    score: float
    method: Method


@dataclass(frozen=True)
class NameIndex:
    """Every folded name and alias of a taxonomy: what an exact lookup reads."""

    names: dict[str, str]  # folded id or display name -> id
    aliases: dict[str, str]  # folded alias or exact form -> id


@dataclass(frozen=True)
class FuzzyIndex:
    """The surface forms fuzzy search scores, built only when a search needs them."""

    choices: dict[str, str]  # surface form (longer than SHORT_FORM_LENGTH) -> skill id
    short_choices: dict[str, str]  # the short forms ("R", "Go") -> skill id
    #: Per choice dict above: (its forms, the same forms through default_process), computed once,
    #: so a lookup does not re-process every form of the taxonomy for every name it scores.
    processed: tuple[tuple[list[str], list[str]], ...]


@functools.lru_cache(maxsize=8)
def name_index(taxonomy: Taxonomy) -> NameIndex:
    """The taxonomy's NameIndex (once per taxonomy; extraction reads it too): its folded names,
    read with a compiled taxonomy (Taxonomy.folded_names)."""
    return NameIndex(*taxonomy.folded_names())


@functools.lru_cache(maxsize=8)
def fuzzy_index(taxonomy: Taxonomy) -> FuzzyIndex:
    """The taxonomy's FuzzyIndex (built once per taxonomy, on the first fuzzy search)."""
    from rapidfuzz.utils import default_process  # see the module docstring

    choices: dict[str, str] = {}
    short_choices: dict[str, str] = {}
    for skill in taxonomy.skills.values():
        for form in (skill.name, *skill.aliases, *skill.exact):
            target = short_choices if len(default_process(form)) <= SHORT_FORM_LENGTH else choices
            target.setdefault(form, skill.id)
    processed = tuple(
        (list(forms), [default_process(form) for form in forms])
        for forms in (choices, short_choices)
    )
    return FuzzyIndex(choices, short_choices, processed)


def _ranked(
    query: str, taxonomy: Taxonomy, cutoff: float, scorer: Scorer | None = None
) -> list[tuple[str, float, str]]:
    """(skill id, best score, best form) per skill, best first, ties by id.

    Long forms use ``scorer`` (WRatio by default); forms of one or two characters always use
    plain ratio, since "r" is a partial match of every word that contains an r.
    """
    from rapidfuzz import fuzz, process  # see the module docstring
    from rapidfuzz.utils import default_process

    index = fuzzy_index(taxonomy)
    hits: list[tuple[str, float, str]] = []
    # default_process is applied once to the query here and once per form in name_index, the
    # same processing ``processor=default_process`` would apply to both on every call.
    processed_query = default_process(query)
    for choices, (forms, processed), score_with in (
        (index.choices, index.processed[0], scorer or fuzz.WRatio),
        (index.short_choices, index.processed[1], fuzz.ratio),
    ):
        found = process.extract(
            processed_query,
            processed,
            scorer=score_with,
            processor=None,
            limit=FUZZY_POOL,
            score_cutoff=cutoff,
        )
        hits.extend((forms[at], score, choices[forms[at]]) for _, score, at in found)
    best: dict[str, tuple[float, str]] = {}
    for form, score, sid in hits:
        if sid not in best or score > best[sid][0]:
            best[sid] = (float(score), form)
    return sorted(((s, sc, f) for s, (sc, f) in best.items()), key=lambda r: (-r[1], r[0]))


def resolve_skill(name: str, taxonomy: Taxonomy, *, fuzzy: bool = True) -> Resolution:
    """Resolve a typed skill name: exact name, then alias after folding, then (rarely) fuzzy.

    Fuzzy hits only resolve when long, near-identical and unambiguous; anything less is
    returned unresolved with ``suggestion`` so the caller can say "did you mean ...?".
    ``fuzzy=False`` stops after the exact lookups (no suggestion), in constant time.
    """
    key = fold(name)
    if not key:
        return Resolution(None, None, 0.0, "none")
    index = name_index(taxonomy)
    if key in index.names:
        return Resolution(index.names[key], None, 100.0, "exact")
    if key in index.aliases:
        return Resolution(index.aliases[key], None, 100.0, "alias")
    plural_of = _singular(key, index)
    if plural_of is not None:
        return Resolution(plural_of, None, 100.0, "alias")
    if not fuzzy:
        return Resolution(None, None, 0.0, "none")
    ranked = _ranked(name, taxonomy, FUZZY_SUGGEST, _qratio())
    if not ranked:
        partial = _partial(name, taxonomy)
        if partial:
            return Resolution(None, partial[0][0], partial[0][1], "none")
        return Resolution(None, None, 0.0, "none")
    best_id, best, _ = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    if best >= FUZZY_ACCEPT and best - runner_up >= FUZZY_MARGIN and len(key) >= FUZZY_MIN_LENGTH:
        return Resolution(best_id, None, best, "fuzzy")
    return Resolution(None, best_id, best, "none")


def _singular(key: str, index: NameIndex) -> str | None:
    """The skill a plural name stands for ("CNNs", "GPUs", "LLMs"), as extraction reads them.

    Only a trailing "s" on a stem of at least ``PLURAL_STEM_MIN`` characters that does not end
    in "s" itself, so "Sass" never becomes SAS.
    """
    stem = key[:-1]
    if not key.endswith("s") or len(stem) < PLURAL_STEM_MIN or stem.endswith("s"):
        return None
    return index.names.get(stem) or index.aliases.get(stem)


def _qratio() -> Scorer:
    from rapidfuzz import fuzz  # see the module docstring

    return fuzz.QRatio


def _partial(name: str, taxonomy: Taxonomy) -> list[tuple[str, float, str]]:
    """Suggestions from partial matching (the query contains a long form, or vice versa)."""
    from rapidfuzz.utils import default_process  # see the module docstring

    ranked = _ranked(name, taxonomy, FUZZY_SUGGEST_PARTIAL)
    return [r for r in ranked if len(default_process(r[2])) >= PARTIAL_MIN_LENGTH]


def suggest_skills(name: str, taxonomy: Taxonomy, limit: int = 3) -> list[str]:
    """Skill ids that ``name`` might have meant, best first (for "did you mean" lists)."""
    ranked = _ranked(name, taxonomy, FUZZY_SUGGEST, _qratio())
    seen = {sid for sid, _, _ in ranked}
    ranked += [r for r in _partial(name, taxonomy) if r[0] not in seen]
    return [sid for sid, _, _ in ranked[: max(limit, 0)]]


def search_skills(query: str, taxonomy: Taxonomy, limit: int = 20) -> list[tuple[Skill, float]]:
    """Fuzzy search over names and aliases: an exact hit first, then by score, ties by id."""
    index = name_index(taxonomy)
    key = fold(query)
    exact = index.names.get(key) or index.aliases.get(key)
    rows: list[tuple[str, float]] = [(exact, 100.0)] if exact else []
    rows += [
        (sid, score) for sid, score, _ in _ranked(query, taxonomy, SEARCH_CUTOFF) if sid != exact
    ]
    return [(taxonomy.skills[sid], score) for sid, score in rows[: max(limit, 0)]]


def similar_texts(query: str, choices: list[str], cutoff: float) -> list[tuple[int, float]]:
    """Indices and scores (0-100) of ``choices`` whose token-set similarity to ``query`` is at
    least ``cutoff``, best first (ties: lower index). Token-set similarity ignores word order
    and repeated words, so a re-posted ad whose lines moved or whose boilerplate changed still
    scores near 100; callers guard against its one blind spot, a text whose words are a subset
    of a much longer one's, by comparing lengths."""
    from rapidfuzz import fuzz, process  # see the module docstring
    from rapidfuzz.utils import default_process

    found = process.extract(
        query,
        choices,
        scorer=fuzz.token_set_ratio,
        processor=default_process,
        score_cutoff=cutoff,
        limit=None,
    )
    return sorted(((index, score) for _, score, index in found), key=lambda hit: (-hit[1], hit[0]))
