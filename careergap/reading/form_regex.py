"""One compiled regex for many skill forms: a character trie turned into a prefix-factored pattern.

Python's ``re`` tries the alternatives of a plain ``a|b|c...`` one by one at every position;
factoring shared prefixes ("apache spark", "apache beam") keeps that work small, and greedy
optional groups make the longest form win at each position. Used by
:class:`careergap.reading.extractor.Extractor`.
"""

from __future__ import annotations

import re
from typing import Any

#: Inside a form, spaces, hyphens and underscores are interchangeable or absent
#: ("machine learning" = "machine-learning"; "scikit-learn" = "scikit learn").
SEP_CHARS = " \t\u00a0_-"
SEP_RUN = re.compile(f"[{re.escape(SEP_CHARS)}]+")
#: Never a line break: "OPC" ending one bullet and "- model..." starting the next are not
#: "OPC model".
_SEP_PATTERN = r"[ \t\xa0_-]*"
_SEP = object()  # the trie key for a separator run
_END = ""  # the trie key that marks the end of a form


class FormTrie:
    """Forms added one by one; :meth:`compile` makes the matcher."""

    def __init__(self, lower: bool):
        #: Store forms lower-cased (for a matcher that runs over lower-cased text).
        self.lower = lower
        self.root: dict = {}

    def add(self, form: str) -> None:
        node = self.root
        for part in SEP_RUN.split(form.strip(SEP_CHARS)):
            if node is not self.root:
                node = node.setdefault(_SEP, {})
            for char in part:
                key = char.lower() if self.lower and len(char.lower()) == 1 else char
                node = node.setdefault(key, {})
        node[_END] = {}

    def compile(self, stop: str, literal_first: bool = False) -> re.Pattern[str]:
        """The matcher, each form followed by ``stop`` (a look-ahead).

        Forms starting with a word character are anchored with ``\\b``, which fails fast inside
        words; the few others (".NET") use a look-behind. Callers still check the character
        before a match for ".", "+", "#", "@".

        ``literal_first`` puts each first character before its boundary check (the same
        matches), so the pattern starts with a literal and ``re`` skips, in C, every position
        whose character starts no form: 4x faster for the exact-case forms (mostly capitals
        over mostly lower-case text), slower when any letter can start a form.
        """
        word = {k: v for k, v in self.root.items() if isinstance(k, str) and re.match(r"\w", k)}
        other = {k: v for k, v in self.root.items() if k not in word}
        if literal_first:
            branches = [_first(key, child, r"(?<!\w.)") for key, child in _children(word)]
            branches += [_first(key, child, r"(?<![\w.+#@].)") for key, child in _children(other)]
        else:
            branches = [rf"\b{_pattern(word)}"] if word else []
            if other:
                branches.append(rf"(?<![\w.+#@]){_pattern(other)}")
        return re.compile(f"(?:{'|'.join(branches) or '(?!)'}){stop}")

    def compile_after_separator(self, stop: str) -> re.Pattern[str]:
        """The matcher of :meth:`compile`, each match starting with the non-word character
        before the form: search ``" " + text``; a match's form is ``text[m.start():m.end() - 1]``.

        A pattern that starts with a character class lets ``re`` skip, in C, every position
        inside a word instead of testing a boundary there: 1.5x faster on lower-cased text,
        where every letter can start a form. The matches are those of :meth:`compile`, except
        that a form can no longer start on the last character of the previous match (only
        possible for a form ending in ")" or "/" followed at once by one starting with ".").
        """
        word = {k: v for k, v in self.root.items() if isinstance(k, str) and re.match(r"\w", k)}
        other = {k: v for k, v in self.root.items() if k not in word}
        branches = [_pattern(word)] if word else []
        if other:
            branches.append(rf"(?<![.+#@]){_pattern(other)}")
        return re.compile(rf"\W(?:{'|'.join(branches) or '(?!)'}){stop}")


def _children(node: dict) -> list[tuple[Any, dict]]:
    """A node's continuations in a fixed order (the end marker left out)."""
    return sorted(((k, c) for k, c in node.items() if k != _END), key=lambda kc: str(kc[0]))


def _first(key: str, child: dict, not_after: str) -> str:
    """A form's first character, then ``not_after``, a look-behind over that character and
    the one before it (the boundary check), then the rest of the trie."""
    return re.escape(key) + not_after + _pattern(child)


def _pattern(node: dict) -> str:
    """A regex for a trie node: shared prefixes factored out, longer continuations first."""
    branches = [
        (_SEP_PATTERN if key is _SEP else re.escape(key)) + _pattern(child)
        for key, child in _children(node)
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if _END in node else body
