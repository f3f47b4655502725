"""Every skill mentioned in free text (a posting, a CV): :class:`Extractor`.

Word-boundary aware, longest match first, case-sensitive for short and exact forms, with the
ambiguous tokens (C, R, Go, Spark, Excel, CV...) decided by the named rules in
:mod:`careergap.reading.ambiguity`. The matchers it runs are compiled in
:mod:`careergap.reading.matchers`. Names a person types are resolved by
:mod:`careergap.reading.matching`.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from collections.abc import Callable, Collection
from typing import TYPE_CHECKING, NamedTuple

from careergap.reading.ambiguity import Verdict, judge, list_neighbour
from careergap.reading.matchers import (
    ci_key,
    compile_matchers,
    exact_key,
    lower_same_length,
    narrowed,
)

if TYPE_CHECKING:
    from careergap.reading.taxonomy import Taxonomy

#: A mention starts at a word boundary, and never right after ".", "+", "#" or "@" (file names,
#: "Node.js", "C++", e-mail addresses); exact-case forms not after "-" either ("Objective-C").
_BAD_BEFORE = frozenset(".+#@")
_BAD_BEFORE_EXACT = frozenset(".+#@-")


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
        self._compiled = compile_matchers(taxonomy)

    @classmethod
    def for_texts(cls, taxonomy: Taxonomy, texts: Collection[str]) -> Extractor:
        """An extractor for these texts only: ``find`` gives the same mentions in each of them
        as the whole taxonomy's, from matchers that leave out every form that occurs in none
        of them. For a few lines (a gap's quotes) that is far cheaper than compiling every
        form: a leftmost-first regex picks among the alternatives that can match, so dropping
        ones that cannot changes no match."""
        self = cls.__new__(cls)
        self.taxonomy = taxonomy
        self._compiled = narrowed(taxonomy, texts)
        return self

    def _candidates(self, text: str) -> list[tuple[int, int, str, str]]:
        """(start, -end, skill id, rule key) of every raw match, both matchers, by position.

        The end is negated so one C-level sort orders by start, longest first, then skill id.
        This loop runs once per match (hundreds of thousands in a large file): locals only.
        """
        compiled = self._compiled
        lowered = lower_same_length(text)
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
                sid, surface = _form_of(surface, ci_forms, ci_key)
            append((start, -end, sid, surface))
        exact_forms, bad_before = compiled.exact_forms, _BAD_BEFORE_EXACT
        for match in compiled.exact_pattern.finditer(text):
            start, end = match.span()
            if start and text[start - 1] in bad_before:
                continue
            sid, key = _form_of(text[start:end], exact_forms, exact_key)
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
        rules, accept, reject = self._compiled.rules, Verdict.ACCEPT, Verdict.REJECT  # hot loop
        taken_until = 0
        for start, neg_end, sid, key in self._candidates(text):
            if start < taken_until:
                continue
            end = -neg_end
            if key in rules or len(key) == 1:  # an ambiguous form: its rule decides
                verdict = judge(key, text[start:end], text, start, end, rules)
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
        shared = _shared_heads(text, accepted, self._compiled.ci_forms)
        shared += _slash_tails(text, accepted, self._compiled.ci_forms)
        if shared:
            accepted += shared
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


#: A word joined to what follows by "and", "or", ",", "/" or "&", at the end of the text before
#: a multi-word mention: "unit and" before "end-to-end tests".
_COORDINATED_WORD = re.compile(
    r"(?<![\w.+#-])([A-Za-z][\w+#-]*)[ \t]*(?:,[ \t]*(?:and|or)?|and/or|and|or|&|/)[ \t]*$"
)
#: How a text that :data:`_COORDINATED_WORD` matches ends, before its trailing blanks.
_COORDINATION_ENDS = (",", "and", "or", "&", "/")
#: Characters looked back from a mention for a coordinated word.
COORDINATION_WINDOW = 40


def _may_coordinate(window: str) -> bool:
    """False when :data:`_COORDINATED_WORD` cannot match ``window`` (a cheap test first)."""
    if window.rstrip(" \t").endswith(_COORDINATION_ENDS):
        return True
    return window.endswith("\n") and window[:-1].rstrip(" \t").endswith(_COORDINATION_ENDS)


def _shared_heads(text: str, accepted: list[Mention], ci_forms: dict[str, str]) -> list[Mention]:
    """Words that share a multi-word mention's head through a coordination: "unit and
    end-to-end tests" names unit tests too, "application, data and infrastructure
    architecture" names data architecture and application architecture. A word counts only
    when it and the head make a known form, and the word is no mention of its own."""
    found: list[Mention] = []
    taken = None
    for mention in accepted:
        surface = mention.surface
        if " " not in surface or mention.start < 4:
            continue
        before = text[max(0, mention.start - COORDINATION_WINDOW) : mention.start]
        if not (
            "and" in before or "or" in before or "," in before or "/" in before or "&" in before
        ):
            continue
        head = surface.split(None, 1)[1]
        end = mention.start
        while True:
            window = text[max(0, end - COORDINATION_WINDOW) : end]
            # What every match ends with, tested before the search (most windows fail it);
            # "$" also matches before a final newline.
            if not _may_coordinate(window):
                break
            match = _COORDINATED_WORD.search(window)
            if match is None:
                break
            word = match.group(1)
            form = f"{word} {head}".lower()
            sid = ci_forms.get(form) or ci_forms.get(ci_key(form))
            if sid is None and form.endswith("s"):
                sid = ci_forms.get(ci_key(form)[:-1])
            if sid is None:
                break
            start = end - len(window) + match.start(1)
            stop = start + len(word)
            if taken is None:
                taken = sorted(map(_SPAN, accepted))
            at = bisect.bisect_left(taken, (stop, stop))
            if at > 0 and taken[at - 1][1] > start:  # the word is part of another mention
                break
            found.append(_new_mention((sid, start, stop, text[start:stop])))
            end = start
    return found


#: A short tail after a slash that shares the mention's stem: the "/M" of "Cortex-A/M", the
#: "/5" of "DDR4/5", the "/3.0" of "USB 2.0/3.0".
_SLASH_TAIL = re.compile(r"/([A-Za-z0-9][A-Za-z0-9.+]{0,3})(?![\w+#])")
#: Where a mention's stem ends and its last part starts: after "-", " " or "_", or where letters
#: turn to digits ("DDR" + "4").
_STEM_END = re.compile(r"(?:.*[-\s_])|(?:.*[A-Za-z](?=\d[\d.]*$))")


def _slash_tails(text: str, accepted: list[Mention], ci_forms: dict[str, str]) -> list[Mention]:
    """Short tails after a slash that share a mention's stem: "ARM Cortex-A/M" names Cortex-M
    too, "DDR4/5" DDR5. A tail counts only when the stem and it make a known form; a mention
    without a stem ("C" of "C/C++") or a slash form of its own ("TCP/IP") shares nothing."""
    found: list[Mention] = []
    for mention in accepted:
        at = mention.end
        if text[at : at + 1] != "/":
            continue
        stem = _STEM_END.match(mention.surface)
        if stem is None or not stem.group().strip():
            continue
        while (tail := _SLASH_TAIL.match(text, at)) is not None:
            form = (stem.group() + tail.group(1)).lower()
            sid = ci_forms.get(form) or ci_forms.get(ci_key(form))
            if sid is None:
                break
            found.append(_new_mention((sid, tail.start(1), tail.end(1), tail.group(1))))
            at = tail.end()
    return found


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
