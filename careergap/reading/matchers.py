"""The compiled matchers of a taxonomy: the form tables and the two trie patterns
:class:`careergap.reading.extractor.Extractor` runs, built once per process (and kept in the
cache folder through :mod:`careergap.files.compiled`), and narrowed to the forms a few texts
can hold (:func:`narrowed`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING, Any

from careergap.files import compiled, regexcode
from careergap.models import Skill
from careergap.reading.ambiguity import rules_with_context
from careergap.reading.ambiguous_forms import RULES
from careergap.reading.form_regex import SEP_CHARS, SEP_RUN, FormTrie
from careergap.reading.formrule import Rule
from careergap.reading.matching import SHORT_FORM_LENGTH, fold, name_index

if TYPE_CHECKING:
    from careergap.reading.taxonomy import Taxonomy

#: Plural "s" is accepted on forms at least this long ("GPUs", "LLMs", "FPGAs").
PLURAL_MIN_LENGTH = 3
#: A mention never ends before a letter/digit, "+" or "#".
_STOP = r"(?![\w+#])"
#: Exact-case short forms are stricter: not inside hyphenated words ("C-suite", "Go-to"; but
#: "C-programming" is C) nor dotted abbreviations ("C.V.", "D.C.").
_EXACT_STOP = r"(?!-(?!(?i:programming|language|code|coding)\b)\w)(?!\.\w)"


def ci_key(text: str) -> str:
    return SEP_RUN.sub("", text).lower()


def exact_key(text: str) -> str:
    return SEP_RUN.sub("", text)


@dataclass(frozen=True)
class Compiled:
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
def compile_matchers(taxonomy: Taxonomy) -> Compiled:
    """The matchers of a taxonomy (compiled once per process)."""
    try:
        return _compiled_from(_body(taxonomy), "ci", "exact", regexcode.compile_all)
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


def _compile_each(patterns: dict[str, str]) -> dict[str, re.Pattern[str]]:
    return {name: re.compile(pattern) for name, pattern in patterns.items()}


def _compiled_from(
    body: dict[str, Any],
    ci: str,
    exact: str,
    compile_all: Callable[[dict[str, str]], dict[str, re.Pattern[str]]] = _compile_each,
) -> Compiled:
    """The matchers of a body; ``compile_all``: how the two patterns are compiled (the whole
    taxonomy's through the stored programs of :mod:`careergap.files.regexcode`)."""
    rules = rules_with_context(body["context"])
    # A form matched as written ("health care") is looked up by that text: give it the rule of
    # its key ("healthcare"), so spelling a form apart never escapes its rule.
    for variant in body["ci_forms"]:
        rule = rules.get(ci_key(variant))
        if rule is not None and variant not in rules:
            rules[variant] = rule
    patterns = compile_all({"ci": body[ci], "exact": body[exact]})
    return Compiled(
        ci_pattern=patterns["ci"],
        exact_pattern=patterns["exact"],
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
            context_keys.add((exact_key if _is_exact(form, skill) else ci_key)(form).lower())
        for form in dict.fromkeys((skill.name, *skill.aliases, *skill.exact)):
            form = form.strip(SEP_CHARS)
            if not form or _splits_into_known(form, known):
                continue
            if _is_exact(form, skill):
                bare = exact_key(form)
                for key in (form, bare):
                    exact_forms.setdefault(key, skill.id)
                exact_entries.append([form, bare])
                if len(form) >= PLURAL_MIN_LENGTH and form[-1].isupper():  # "MDPs", "GPUs"
                    exact_entries.append([form + "s", bare + "s"])
                continue
            key = ci_key(form)
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
            (lowered, SEP_RUN.sub("", lower_same_length(text))),
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


def lower_same_length(text: str) -> str:
    """``text.lower()``, keeping offsets: the rare characters whose lower case is longer
    (e.g. "İ") are left as they are."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def narrowed(taxonomy: Taxonomy, texts: Collection[str]) -> Compiled:
    """Matchers that leave out every form that occurs in none of ``texts`` (see
    :meth:`careergap.reading.extractor.Extractor.for_texts`)."""
    body = _body(taxonomy)
    ci_occurs, exact_occurs = _occurs_in(texts)
    narrow = {
        **body,
        "ci": _ci_pattern([e for e in body["ci_entries"] if ci_occurs(e[1])]),
        "exact": _exact_pattern([e for e in body["exact_entries"] if exact_occurs(e[1])]),
    }
    return _compiled_from(narrow, "ci", "exact")
