"""Negated and excluded mentions: the skill is named and explicitly not asked for.

"No Java experience is needed", "we do not use Hadoop", "Python instead of MATLAB", "without
Spark", "Docker is not required" -- unless the same sentence makes it a preference again
("not required but a plus"). Read inside the mention's clause (:mod:`careergap.reading.clauses`).
"""

from __future__ import annotations

import re

#: A negation or exclusion right before the mention (within its clause).
_NEGATED_BEFORE = re.compile(
    r"(?:"
    # "No Java experience", "no prior experience with Java", "zero knowledge of"
    r"\b(?:no|zero)\s+(?:(?:prior|previous|professional|formal|commercial|production|real)\s+)?"
    r"(?:(?:experience|knowledge|background|familiarity|expertise|skills?)\s+"
    r"(?:with|in|of|using)\s+)?(?:the\s+)?"
    # "we do not use Hadoop", "you don't need to know Rust", "does not require Go"
    r"|\b(?:do|does|did|will|would|won't|don't|doesn't|didn't|need|needs)\s*(?:not|n't)?\s*"
    r"(?<=\bnot |n't )(?:use|need|require|want|expect|work\s+with|rely\s+on|have|know)"
    r"(?:\s+(?:to|any|a|an|the|know|be|experience|experienced|in|with|using|prior|of))*\s+"
    # "instead of MATLAB", "without Spark", "other than Java", "Python, not Java"
    r"|\b(?:instead\s+of|rather\s+than|other\s+than|except(?:\s+for)?|excluding|apart\s+from|"
    r"without|not|nor|never|no\s+longer)\s+(?:any\s+|using\s+|the\s+|a\s+|an\s+)?"
    r")$",
    re.IGNORECASE,
)
#: Words after "not" that do not negate what follows ("not only Python", "not limited to").
_NOT_A_NEGATION = re.compile(
    r"\b(?:not|no)\s+(?:only|just|limited|merely|necessarily|afraid|shy|less|more|matter|"
    r"doubt|problem|exception|stranger)\b",
    re.IGNORECASE,
)
#: "Docker is not required", "Java experience not needed": the clause after the mention.
_NEGATED_AFTER = re.compile(
    r"^[\w\s,/+#.-]{0,40}?\b(?:is|are|isn't|aren't|be)?\s*(?:not|n't|never)\s+"
    r"(?:required|needed|necessary|a\s+(?:requirement|must|prerequisite)|mandatory|expected|"
    r"used|essential)\b",
    re.IGNORECASE,
)
#: ...unless the same clause turns it into a preference ("not required but a plus").
_STILL_WANTED = re.compile(
    r"\b(?:but|though)\b.*\b(?:plus|preferred|helpful|nice|bonus|advantage|welcome)\b",
    re.IGNORECASE,
)
#: Cheap test on a whole line: only lines with a negation word are read closely.
NEGATION_CUE = re.compile(
    r"\b(?:no|not|without|instead|rather|other\s+than|except|excluding|apart|never|nor|zero)\b|"
    r"n't\b",
    re.IGNORECASE,
)
#: Cue words (:func:`careergap.reading.linecues.cue_words`) without one of which no mention on
#: a line is negated.
NEGATION_WORDS = frozenset(
    "no not t without instead rather other except excluding apart never nor zero".split()
)


def is_negated(before: str, after: str, rest: str) -> bool:
    """Whether a mention is negated or excluded: ``before`` and ``after``, its clause on either
    side; ``rest``, the sentence after the mention, where "but a plus" may undo the negation."""
    negation = _NEGATED_BEFORE.search(before)
    if negation and not _NOT_A_NEGATION.match(before, negation.start()):
        return not _STILL_WANTED.search(rest)
    if _NEGATED_AFTER.match(after):
        return not _STILL_WANTED.search(rest)
    return False
