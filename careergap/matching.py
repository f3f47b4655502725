"""Skill names and skill mentions -> canonical skills. The only module that imports rapidfuzz.

Three jobs:

* :func:`fold` and :func:`resolve_skill`: a name a person typed ("tensor-flow", "Pytorh") becomes a
  skill id, or stays unresolved with a suggestion. Typos are *reported*, never mapped silently.
* :func:`search_skills`: fuzzy search for ``careergap skills QUERY``.
* :class:`Extractor`: every skill mentioned in free text (a posting, a CV), word-boundary aware,
  longest match first, with the ambiguous tokens (C, R, Go, Spark, Excel, CV...) decided by the
  named rules in :mod:`careergap.ambiguity`.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
import unicodedata
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, NamedTuple

from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

from careergap.ambiguity import RULES, Verdict, judge, list_neighbour
from careergap.form_regex import SEP_CHARS, SEP_RUN, FormTrie
from careergap.models import Skill

if TYPE_CHECKING:
    from careergap.taxonomy import Taxonomy

# --- folding and resolution ------------------------------------------------------------------

#: A dot that starts a word is spelled out, so ".NET" folds to "dotnet" (its other spelling)
#: instead of colliding with a bare "net".
_LEADING_DOT = re.compile(r"(?<!\w)\.(?=\w)")
#: Everything but letters, digits, "+" and "#" is dropped: "+" and "#" are what tell C, C++ and
#: C# (and F#) apart, while hyphens, spaces and dots are spelling noise ("Tensor-Flow", "Node.js").
_FOLD_DROP = re.compile(r"[^\w+#]|_")

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


def fold(text: str) -> str:
    """Case, accent and punctuation folding for name lookup: "Tensor-Flow" -> "tensorflow".

    "C", "C++", "C#", ".NET" ("dotnet") and "Node.js" ("nodejs") stay distinct.
    """
    if text.isascii():  # no accents to strip: the same result, without the per-character walk
        plain = text.casefold()
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return _FOLD_DROP.sub("", _LEADING_DOT.sub("dot", plain))


@dataclass(frozen=True)
class Resolution:
    """What a typed name resolved to. ``skill_id`` None means unresolved (maybe a suggestion)."""

    skill_id: str | None
    suggestion: str | None
    score: float
    method: Method


@dataclass(frozen=True)
class _NameIndex:
    names: dict[str, str]  # folded id or display name -> id
    aliases: dict[str, str]  # folded alias or exact form -> id
    choices: dict[str, str]  # surface form (longer than SHORT_FORM_LENGTH) -> skill id
    short_choices: dict[str, str]  # the short forms ("R", "Go") -> skill id


@functools.lru_cache(maxsize=8)
def _name_index(taxonomy: Taxonomy) -> _NameIndex:
    names: dict[str, str] = {}
    aliases: dict[str, str] = {}
    choices: dict[str, str] = {}
    short_choices: dict[str, str] = {}
    for skill in taxonomy.skills.values():
        names.setdefault(fold(skill.name), skill.id)
        for form in (*skill.aliases, *skill.exact):
            aliases.setdefault(fold(form), skill.id)
        for form in (skill.name, *skill.aliases, *skill.exact):
            target = short_choices if len(default_process(form)) <= SHORT_FORM_LENGTH else choices
            target.setdefault(form, skill.id)
    for skill_id in taxonomy.skills:  # ids are typed too ("pytorch"); a real form wins
        key = fold(skill_id)
        if key not in names and key not in aliases:
            names[key] = skill_id
    return _NameIndex(names, aliases, choices, short_choices)


def _ranked(
    query: str, index: _NameIndex, cutoff: float, scorer: Scorer = fuzz.WRatio
) -> list[tuple[str, float, str]]:
    """(skill id, best score, best form) per skill, best first, ties by id.

    Long forms use ``scorer``; forms of one or two characters always use plain ratio, since
    "r" is a partial match of every word that contains an r.
    """
    hits = []
    for choices, score_with in ((index.choices, scorer), (index.short_choices, fuzz.ratio)):
        found = process.extract(
            query,
            list(choices),
            scorer=score_with,
            processor=default_process,
            limit=FUZZY_POOL,
            score_cutoff=cutoff,
        )
        hits.extend((form, score, choices[form]) for form, score, _ in found)
    best: dict[str, tuple[float, str]] = {}
    for form, score, sid in hits:
        if sid not in best or score > best[sid][0]:
            best[sid] = (float(score), form)
    return sorted(((s, sc, f) for s, (sc, f) in best.items()), key=lambda r: (-r[1], r[0]))


def resolve_skill(name: str, taxonomy: Taxonomy) -> Resolution:
    """Resolve a typed skill name: exact name, then alias after folding, then (rarely) fuzzy.

    Fuzzy hits only resolve when long, near-identical and unambiguous; anything less is
    returned unresolved with ``suggestion`` so the caller can say "did you mean ...?".
    """
    key = fold(name)
    if not key:
        return Resolution(None, None, 0.0, "none")
    index = _name_index(taxonomy)
    if key in index.names:
        return Resolution(index.names[key], None, 100.0, "exact")
    if key in index.aliases:
        return Resolution(index.aliases[key], None, 100.0, "alias")
    ranked = _ranked(name, index, FUZZY_SUGGEST, fuzz.QRatio)
    if not ranked:
        partial = _partial(name, index)
        if partial:
            return Resolution(None, partial[0][0], partial[0][1], "none")
        return Resolution(None, None, 0.0, "none")
    best_id, best, _ = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    if best >= FUZZY_ACCEPT and best - runner_up >= FUZZY_MARGIN and len(key) >= FUZZY_MIN_LENGTH:
        return Resolution(best_id, None, best, "fuzzy")
    return Resolution(None, best_id, best, "none")


def _partial(name: str, index: _NameIndex) -> list[tuple[str, float, str]]:
    """Suggestions from partial matching (the query contains a long form, or vice versa)."""
    ranked = _ranked(name, index, FUZZY_SUGGEST_PARTIAL)
    return [r for r in ranked if len(default_process(r[2])) >= PARTIAL_MIN_LENGTH]


def suggest_skills(name: str, taxonomy: Taxonomy, limit: int = 3) -> list[str]:
    """Skill ids that ``name`` might have meant, best first (for "did you mean" lists)."""
    index = _name_index(taxonomy)
    ranked = _ranked(name, index, FUZZY_SUGGEST, fuzz.QRatio)
    seen = {sid for sid, _, _ in ranked}
    ranked += [r for r in _partial(name, index) if r[0] not in seen]
    return [sid for sid, _, _ in ranked[: max(limit, 0)]]


def search_skills(query: str, taxonomy: Taxonomy, limit: int = 20) -> list[tuple[Skill, float]]:
    """Fuzzy search over names and aliases: an exact hit first, then by score, ties by id."""
    index = _name_index(taxonomy)
    key = fold(query)
    exact = index.names.get(key) or index.aliases.get(key)
    rows: list[tuple[str, float]] = [(exact, 100.0)] if exact else []
    rows += [(sid, score) for sid, score, _ in _ranked(query, index, SEARCH_CUTOFF) if sid != exact]
    return [(taxonomy.skills[sid], score) for sid, score in rows[: max(limit, 0)]]


# --- extraction -------------------------------------------------------------------------------

#: Plural "s" is accepted on forms at least this long ("GPUs", "LLMs", "FPGAs").
PLURAL_MIN_LENGTH = 3
#: A mention starts at a word boundary, and never right after ".", "+", "#" or "@" (file names,
#: "Node.js", "C++", e-mail addresses); exact-case forms not after "-" either ("Objective-C").
_BAD_BEFORE = frozenset(".+#@")
_BAD_BEFORE_EXACT = frozenset(".+#@-")
#: A mention never ends before a letter/digit, "+" or "#".
_STOP = r"(?![\w+#])"
#: Exact-case short forms are stricter: not inside hyphenated words ("C-suite", "Go-to") nor
#: dotted abbreviations ("C.V.", "D.C.").
_EXACT_STOP = r"(?!-\w)(?!\.\w)"


#: Web addresses: a skill named inside a URL ("github.com/uber/sql-...") is not a mention.
_URL = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]\"']+")  # run over the lower-cased text


class Mention(NamedTuple):
    """One skill mention: ``text[start:end] == surface``."""

    skill_id: str
    start: int
    end: int
    surface: str


#: ``Mention`` from a ready tuple without NamedTuple's Python-level ``__new__`` (a hot path).
_new_mention = functools.partial(tuple.__new__, Mention)
#: Order of mentions: by start, then end, then skill id (deterministic ties).
_MENTION_ORDER = operator.itemgetter(1, 2, 0)
#: A mention's (start, end).
_SPAN = operator.itemgetter(1, 2)
#: Order of raw candidates ``(start, -end, sid, key)``: by start, longest first, then skill id.
_CANDIDATE_ORDER = operator.itemgetter(0, 1, 2)


def _ci_key(text: str) -> str:
    return SEP_RUN.sub("", text).lower()


def _exact_key(text: str) -> str:
    return SEP_RUN.sub("", text)


@dataclass(frozen=True)
class _Compiled:
    ci_pattern: re.Pattern[str]  # runs over " " + the lower-cased text (compile_after_separator)
    exact_pattern: re.Pattern[str]  # runs over the text as written
    ci_forms: dict[str, str]  # lower-case form, as written and without separators -> skill id
    exact_forms: dict[str, str]  # exact-case form, as written and without separators -> skill id


def _is_exact(form: str, skill: Skill) -> bool:
    return form in skill.exact or len(form.strip()) <= SHORT_FORM_LENGTH


def _splits_into_known(form: str, known: Collection[str]) -> bool:
    """A slash alias such as "SV/UVM" whose parts are all skill forms is read part by part.

    Matching it whole would credit one skill where the text names two; "TCP/IP"-style
    aliases whose parts are not forms of their own stay whole.
    """
    parts = form.split("/")
    return len(parts) > 1 and all(fold(part) in known for part in parts)


@functools.lru_cache(maxsize=8)
def _compile(taxonomy: Taxonomy) -> _Compiled:
    names = _name_index(taxonomy)
    known = names.names.keys() | names.aliases.keys()
    ci_trie = FormTrie(lower=True)
    exact_trie = FormTrie(lower=False)
    ci_forms: dict[str, str] = {}
    exact_forms: dict[str, str] = {}
    for skill in taxonomy.skills.values():
        for form in dict.fromkeys((skill.name, *skill.aliases, *skill.exact)):
            form = form.strip(SEP_CHARS)
            if not form or _splits_into_known(form, known):
                continue
            if _is_exact(form, skill):
                for key in (form, _exact_key(form)):
                    exact_forms.setdefault(key, skill.id)
                exact_trie.add(form)
                if len(form) >= PLURAL_MIN_LENGTH and form[-1].isupper():  # "MDPs", "GPUs"
                    exact_trie.add(form + "s")
                continue
            key = _ci_key(form)
            for variant in (form.lower(), key):
                ci_forms.setdefault(variant, skill.id)
            ci_trie.add(form)
            plural_ok = len(key) >= PLURAL_MIN_LENGTH and key[-1].isalpha() and key[-1] != "s"
            if plural_ok and key not in RULES:
                ci_trie.add(form + "s")
    return _Compiled(
        ci_pattern=ci_trie.compile_after_separator(_STOP),
        exact_pattern=exact_trie.compile(_STOP + _EXACT_STOP, literal_first=True),
        ci_forms=ci_forms,
        exact_forms=exact_forms,
    )


def _lower_same_length(text: str) -> str:
    """``text.lower()``, keeping offsets: the rare characters whose lower case is longer
    (e.g. "İ") are left as they are."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _form_of(surface: str, forms: dict[str, str], strip: Callable[[str], str]) -> tuple[str, str]:
    """(skill id, form key) of a matched surface: as written, without separators, or singular."""
    sid = forms.get(surface)
    if sid is not None:
        return sid, surface
    key = strip(surface)
    sid = forms.get(key)
    if sid is None and key.endswith("s"):
        key = key[:-1]
        sid = forms.get(key)
    if sid is None:  # pragma: no cover - every trie path ends in a known form
        raise AssertionError(f"matched {surface!r} is not a known form")
    return sid, key


class Extractor:
    """Finds skill mentions in free text with matchers compiled once per taxonomy.

    Case-insensitive forms run over the lower-cased text (several times faster than
    ``re.IGNORECASE``); exact-case forms ("R", "Go", "CV") run over the text as written.
    """

    def __init__(self, taxonomy: Taxonomy):
        self.taxonomy = taxonomy
        self._compiled = _compile(taxonomy)

    def _candidates(self, text: str) -> list[tuple[int, int, str, str]]:
        """(start, -end, skill id, rule key) of every raw match, both matchers, by position.

        The end is negated so one C-level sort orders by start, longest first, then skill id.
        This loop runs once per match (hundreds of thousands in a large file): locals only.
        """
        compiled = self._compiled
        lowered = _lower_same_length(text)
        found: list[tuple[int, int, str, str]] = []
        append = found.append
        ci_forms, bad_before = compiled.ci_forms, _BAD_BEFORE
        # Each match starts with the character before the form (a space before the first).
        padded = " " + lowered
        for match in compiled.ci_pattern.finditer(padded):
            start, end = match.span()  # the form's span in ``lowered`` is (start, end - 1)
            if padded[start] in bad_before:
                continue
            end -= 1
            surface = lowered[start:end]
            sid = ci_forms.get(surface)
            if sid is None:
                sid, surface = _form_of(surface, ci_forms, _ci_key)
            append((start, -end, sid, surface))
        exact_forms, bad_before = compiled.exact_forms, _BAD_BEFORE_EXACT
        for match in compiled.exact_pattern.finditer(text):
            start, end = match.span()
            if start and text[start - 1] in bad_before:
                continue
            sid, key = _form_of(text[start:end], exact_forms, _exact_key)
            append((start, -end, sid, key.lower()))
        # Two runs already in order: timsort merges them in one pass.
        found.sort(key=_CANDIDATE_ORDER)
        if "://" in lowered or "www." in lowered:
            found = _outside_urls(lowered, found)
        return found

    def find(self, text: str) -> list[Mention]:
        """Non-overlapping mentions sorted by start; the longest form wins at each position."""
        accepted: list[Mention] = []
        pending: list[Mention] = []
        keep = accepted.append
        rules, accept, reject = RULES, Verdict.ACCEPT, Verdict.REJECT  # locals: a hot loop
        taken_until = 0
        for start, neg_end, sid, key in self._candidates(text):
            if start < taken_until:
                continue
            end = -neg_end
            if key in rules or len(key) == 1:  # an ambiguous form: its rule decides
                verdict = judge(key, text[start:end], text, start, end)
                if verdict is reject:
                    continue
                if verdict is not accept:
                    taken_until = end
                    pending.append(_new_mention((sid, start, end, text[start:end])))
                    continue
            taken_until = end
            keep(_new_mention((sid, start, end, text[start:end])))
        if pending:
            _adopt_list_members(text, accepted, pending)
            accepted.sort(key=_MENTION_ORDER)
        return accepted


def _outside_urls(
    text: str, found: list[tuple[int, int, str, str]]
) -> list[tuple[int, int, str, str]]:
    """Drop candidates (sorted by start) that sit inside a web address (``text`` is lower-cased).

    Per address, not per candidate: bisect finds the candidates that start inside it.
    """
    starts = [cand[0] for cand in found]
    kept: list[tuple[int, int, str, str]] = []
    done = 0  # candidates before this index are settled
    for url in _URL.finditer(text):
        first = bisect.bisect_left(starts, url.start(), done)
        kept += found[done:first]
        done = max(first, bisect.bisect_left(starts, url.end(), first))
    kept += found[done:]
    return kept


def _adopt_list_members(text: str, accepted: list[Mention], pending: list[Mention]) -> None:
    """Accept pending mentions that sit in a list next to an accepted one ("Python, Go, Rust").

    Repeats until nothing changes, so a chain of pending items next to one anchor all join.
    """
    changed = True
    spans = sorted(map(_SPAN, accepted)) if pending else []
    while pending and changed:
        changed = False
        for mention in list(pending):
            if list_neighbour(text, mention.start, mention.end, spans):
                accepted.append(mention)
                bisect.insort(spans, (mention.start, mention.end))
                pending.remove(mention)
                changed = True
