"""Folding: the one spelling of a skill name used for lookup ("Tensor-Flow" -> "tensorflow").

Shared by the taxonomy (no two skills may fold to the same form) and name resolution
(``careergap.reading.matching``); it depends on nothing else in careergap.
"""

from __future__ import annotations

import re
import unicodedata

#: A dot that starts a word is spelled out, so ".NET" folds to "dotnet" (its other spelling)
#: instead of colliding with a bare "net".
_LEADING_DOT = re.compile(r"(?<!\w)\.(?=\w)")
#: Everything but letters, digits, "+" and "#" is dropped: "+" and "#" are what tell C, C++ and
#: C# (and F#) apart, while hyphens, spaces and dots are spelling noise ("Tensor-Flow", "Node.js").
_FOLD_DROP = re.compile(r"[^\w+#]|_")


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
