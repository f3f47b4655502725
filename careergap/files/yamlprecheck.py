"""What the raw text of a user YAML file proves before it is parsed, so the reader can skip work.

``loader.read_user_yaml`` runs a separate pass over the YAML event stream to refuse aliases and
nesting deeper than ``MAX_NESTING`` before the (recursive) composer sees the file. That pass costs
as much as composing; :func:`events_need_checking` says when it provably cannot refuse anything,
nor fail in a way composing would report differently. The argument, for libyaml's scanner and
parser (which PyYAML's C loader uses for both passes):

- **Aliases.** An alias token starts with ``*``; no ``*`` in the text, no alias.
- **Anchors.** Composing refuses a duplicate anchor where the event pass would read on and
  might report a later error first. An anchor starts with ``&`` followed by a name character at
  a token start; a token never starts right after a letter or digit (inside ``R&D`` the ``&``
  is part of a plain scalar), so without such an ``&`` there is no anchor.
- **One document.** Composing stops after the first document; the event pass reads every one.
  A second document (or a directive) needs a ``---`` or ``...`` marker at the start of a line.
  With neither, both passes read the same events to the end and raise the same first error.
- **Nesting.** Every block mapping or sequence is opened by a token that pushes a new indent,
  at a column strictly greater than every open indent, so ``c + 1`` block collections are open
  at most when the deepest was opened at column ``c``; each open block mapping may hold one
  indentless sequence (``key:`` then ``- item`` at the same column) on top, hence twice that.
  A token can push an indent only where a simple key is allowed: at a line's first token, or
  after the indicators ``-``, ``?``, ``:``, ``,`` on the same line. After any other token on a
  line, a push needs a ``,`` (a flow entry, which the block parser refuses before any deeper
  event) or a ``:`` ending a multi-line plain scalar (whose block-mapping start the parser
  refuses). So every block collection starts at most at a line's *reach*: the length of its
  leading run of spaces, tabs, ``- ? : ,`` and BOMs. Flow collections add at most two levels
  per ``[`` or ``{`` (a sequence plus a single-pair mapping inside it).

So nesting is at most ``2 * (max reach + 1) + 2 * (number of '[' and '{')``. Lines start after
LF, CR, NEL, LS and PS, as they do for libyaml. Any doubt means "check": the slow pass is always
correct, this only decides when it can be skipped.
"""

from __future__ import annotations

import re
from functools import cache

#: Line breaks other than LF that start a new line (column 0) for libyaml: CR, NEL, LS, PS.
_OTHER_BREAKS = ("\r", "\x85", "\u2028", "\u2029")
#: What may come before a line's first content token (see the module docstring).
_PREFIX_CLASS = "[ \t?:,\ufeff-]"
#: Lines starting like this may begin a second document (``---``, ``...``) or hide one behind
#: BOMs, which libyaml skips at column 0; such files always get the event pass.
_SUSPECT_LINE_STARTS = ("\n---", "\n...", "\n\ufeff")
#: Characters an anchor name is made of (libyaml's "alphanumeric": ASCII letters, digits, _ -).
_ANCHOR_NAME = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-")
#: A token never starts right after these (``R&D`` is one plain scalar), so neither does an anchor.
_WORD_CHARS = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


@cache
def _long_prefix(reach: int) -> re.Pattern[str]:
    """A line whose leading run of prefix characters is ``reach`` or longer."""
    return re.compile(f"\n{_PREFIX_CLASS}{{{reach},}}")


def _as_lines(text: str) -> str:
    """The text with a LF before every line, whatever break ended the previous one."""
    for brk in _OTHER_BREAKS:
        if brk in text:
            text = text.replace(brk, "\n")
    return "\n" + text


def _may_anchor(text: str) -> bool:
    at = text.find("&")
    while at >= 0:
        if (at == 0 or text[at - 1] not in _WORD_CHARS) and text[at + 1 : at + 2] in _ANCHOR_NAME:
            return True
        at = text.find("&", at + 1)
    return False


def nesting_bound(text: str) -> int:
    """An upper bound of the nesting depth of the YAML in ``text`` (see the module docstring)."""
    reach = max(len(found) - 1 for found in re.findall(f"\n{_PREFIX_CLASS}*", _as_lines(text)))
    return 2 * (reach + 1) + 2 * (text.count("[") + text.count("{"))


def events_need_checking(text: str, max_nesting: int) -> bool:
    """False only when the event pass provably finds no alias, no nesting deeper than
    ``max_nesting`` and no error that composing the text would not report identically."""
    if "*" in text or _may_anchor(text):
        return True
    lines = _as_lines(text)
    if any(start in lines for start in _SUSPECT_LINE_STARTS):
        return True
    # nesting <= 2 * (reach + 1) + 2 * flows <= max_nesting  <=>  reach < max_nesting // 2 - flows
    too_far = max_nesting // 2 - text.count("[") - text.count("{")
    return too_far <= 0 or _long_prefix(too_far).search(lines) is not None
