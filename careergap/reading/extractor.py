"""Every skill mentioned in free text (a posting, a CV): :class:`Extractor`.

Word-boundary aware, longest match first, case-sensitive for short and exact forms, with the
ambiguous tokens (C, R, Go, Spark, Excel, CV...) decided by the named rules in
:mod:`careergap.reading.ambiguity`. Names a person types are resolved by
:mod:`careergap.reading.matching`.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING, Any, NamedTuple

from careergap.files import compiled
from careergap.models import Skill
from careergap.reading.ambiguity import (
    RULES,
    Rule,
    Verdict,
    judge,
    list_neighbour,
    rules_with_context,
)
from careergap.reading.form_regex import SEP_CHARS, SEP_RUN, FormTrie
from careergap.reading.matching import SHORT_FORM_LENGTH, fold, name_index

if TYPE_CHECKING:
    from careergap.reading.taxonomy import Taxonomy

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
    #: The ambiguity rules by form key: RULES plus the taxonomy's ``needs_context`` forms.
    rules: dict[str, Rule]


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
    """The matchers of a taxonomy (compiled once per process)."""
    try:
        return _compiled_from(_body(taxonomy), "ci", "exact")
    except re.error:  # only a hand-edited cache file whose digest was redone: rebuild
        return _compiled_from(_forms(taxonomy), "ci", "exact")


@functools.lru_cache(maxsize=8)
def _body(taxonomy: Taxonomy) -> dict[str, Any]:
    """What the matchers are made of (:func:`_forms`); for a taxonomy read from a file, kept
    in the cache folder (careergap.files.compiled), so a later run skips the per-form work."""
    key = taxonomy.key
    body = _stored_forms(compiled.read(compiled.MATCHER_KIND, key), taxonomy) if key else None
    if body is None:
        body = _forms(taxonomy)
        if key:
            compiled.write(compiled.MATCHER_KIND, key, body)
    return body


def _compiled_from(body: dict[str, Any], ci: str, exact: str) -> _Compiled:
    rules = rules_with_context(body["context"])
    # A form matched as written ("health care") is looked up by that text: give it the rule of
    # its key ("healthcare"), so spelling a form apart never escapes its rule.
    for variant in body["ci_forms"]:
        rule = rules.get(_ci_key(variant))
        if rule is not None and variant not in rules:
            rules[variant] = rule
    return _Compiled(
        ci_pattern=re.compile(body[ci]),
        exact_pattern=re.compile(body[exact]),
        ci_forms=body["ci_forms"],
        exact_forms=body["exact_forms"],
        rules=rules,
    )


def _forms(taxonomy: Taxonomy) -> dict[str, Any]:
    """The two patterns' text, the form tables, the needs_context keys, and each trie's forms
    with their keys (``[form, form without separators]``, lower-cased for the case-insensitive
    trie as the trie stores it), from which :meth:`Extractor.for_texts` builds smaller ones."""
    names = name_index(taxonomy)
    known = names.names.keys() | names.aliases.keys()
    ci_entries: list[list[str]] = []
    exact_entries: list[list[str]] = []
    ci_forms: dict[str, str] = {}
    exact_forms: dict[str, str] = {}
    context_keys: set[str] = set()
    for skill in taxonomy.skills.values():
        for form in skill.needs_context:
            form = form.strip(SEP_CHARS)
            context_keys.add((_exact_key if _is_exact(form, skill) else _ci_key)(form).lower())
        for form in dict.fromkeys((skill.name, *skill.aliases, *skill.exact)):
            form = form.strip(SEP_CHARS)
            if not form or _splits_into_known(form, known):
                continue
            if _is_exact(form, skill):
                bare = _exact_key(form)
                for key in (form, bare):
                    exact_forms.setdefault(key, skill.id)
                exact_entries.append([form, bare])
                if len(form) >= PLURAL_MIN_LENGTH and form[-1].isupper():  # "MDPs", "GPUs"
                    exact_entries.append([form + "s", bare + "s"])
                continue
            key = _ci_key(form)
            for variant in (form.lower(), key):
                ci_forms.setdefault(variant, skill.id)
            bare = _trie_lower(SEP_RUN.sub("", form))
            ci_entries.append([form, bare])
            plural_ok = len(key) >= PLURAL_MIN_LENGTH and key[-1].isalpha() and key[-1] != "s"
            if plural_ok and key not in RULES:
                ci_entries.append([form + "s", bare + "s"])
    return {
        "ci": _ci_pattern(ci_entries),
        "exact": _exact_pattern(exact_entries),
        "ci_forms": ci_forms,
        "exact_forms": exact_forms,
        "context": sorted(context_keys),
        "ci_entries": ci_entries,
        "exact_entries": exact_entries,
    }


def _ci_pattern(entries: list[list[str]]) -> str:
    trie = FormTrie(lower=True)
    for form, _ in entries:
        trie.add(form)
    return trie.compile_after_separator(_STOP).pattern


def _exact_pattern(entries: list[list[str]]) -> str:
    trie = FormTrie(lower=False)
    for form, _ in entries:
        trie.add(form)
    return trie.compile(_STOP + _EXACT_STOP, literal_first=True).pattern


def _trie_lower(text: str) -> str:
    """Lower case as the case-insensitive trie stores a form: character by character."""
    if text.isascii():
        return text.lower()
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


#: Length of the character n-grams _occurs_in indexes the texts by.
_GRAM = 4


def _occurs_in(texts: Collection[str]) -> tuple[Callable[[str], bool], Callable[[str], bool]]:
    """Tests of a form's key (see :func:`_forms`) for the case-insensitive and the exact-case
    trie: False only for a form that cannot match anywhere in ``texts``.

    A match of a form is its characters, as its trie stores them, with runs of separators
    between its parts; so with separators removed from both, a form that matches somewhere is
    a substring of the text the matcher runs over (lower-cased for case-insensitive forms),
    and every n-gram of the form is one of that text's.
    """
    lowered: list[set[str]] = [set() for _ in range(_GRAM + 1)]
    written: list[set[str]] = [set() for _ in range(_GRAM + 1)]
    for text in set(texts):
        for grams, bare in (
            (lowered, SEP_RUN.sub("", _lower_same_length(text))),
            (written, SEP_RUN.sub("", text)),
        ):
            for n in range(1, _GRAM + 1):
                grams[n].update(bare[i : i + n] for i in range(len(bare) - n + 1))

    def occurs(grams: list[set[str]]) -> Callable[[str], bool]:
        found = grams[_GRAM]

        def test(bare: str) -> bool:
            if len(bare) <= _GRAM:
                return bare in grams[len(bare)]
            return all(bare[i : i + _GRAM] in found for i in range(len(bare) - _GRAM + 1))

        return test

    return occurs(lowered), occurs(written)


def _stored_forms(body: Any, taxonomy: Taxonomy) -> dict[str, Any] | None:
    """``_forms`` as read back from the cache, or None when it is not what _forms writes."""
    keys = {"ci", "exact", "ci_forms", "exact_forms", "context", "ci_entries", "exact_entries"}
    if type(body) is not dict or set(body) != keys:
        return None
    skills = taxonomy.skills
    for table in (body["ci_forms"], body["exact_forms"]):
        if type(table) is not dict or not all(
            type(v) is str and v in skills for v in table.values()
        ):
            return None
    if not (type(body["ci"]) is str and type(body["exact"]) is str and _strings(body["context"])):
        return None
    for entries in (body["ci_entries"], body["exact_entries"]):
        if type(entries) is not list or not all(
            type(e) is list and len(e) == 2 and e[0] and e[1] for e in entries
        ):
            return None
        if set(map(type, chain.from_iterable(entries))) - {str}:
            return None
    return body


def _strings(value: Any) -> bool:
    return type(value) is list and all(type(v) is str for v in value)


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

    @classmethod
    def for_texts(cls, taxonomy: Taxonomy, texts: Collection[str]) -> Extractor:
        """An extractor for these texts only: ``find`` gives the same mentions in each of them
        as the whole taxonomy's, from matchers that leave out every form that occurs in none
        of them. For a few lines (a gap's quotes) that is far cheaper than compiling every
        form: a leftmost-first regex picks among the alternatives that can match, so dropping
        ones that cannot changes no match."""
        self = cls.__new__(cls)
        self.taxonomy = taxonomy
        body = _body(taxonomy)
        ci_occurs, exact_occurs = _occurs_in(texts)
        narrow = {
            **body,
            "ci": _ci_pattern([e for e in body["ci_entries"] if ci_occurs(e[1])]),
            "exact": _exact_pattern([e for e in body["exact_entries"] if exact_occurs(e[1])]),
        }
        self._compiled = _compiled_from(narrow, "ci", "exact")
        return self

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
#: Characters looked back from a mention for a coordinated word.
COORDINATION_WINDOW = 40


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
        if not ("and" in before or "or" in before or "," in before or "/" in before
                or "&" in before):
            continue
        head = surface.split(None, 1)[1]
        end = mention.start
        while True:
            window = text[max(0, end - COORDINATION_WINDOW) : end]
            match = _COORDINATED_WORD.search(window)
            if match is None:
                break
            word = match.group(1)
            form = f"{word} {head}".lower()
            sid = ci_forms.get(form) or ci_forms.get(_ci_key(form))
            if sid is None and form.endswith("s"):
                sid = ci_forms.get(_ci_key(form)[:-1])
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
