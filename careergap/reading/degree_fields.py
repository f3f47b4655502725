"""A field of study named as a degree's subject is not a demand for the skill of that name.

"Degree in Computer Science, Physics or Electrical Engineering", "MSc in Bioinformatics",
"Computer Science or related field", "a Computer Science degree": the mention names what the
candidate studied. "Degree in CS and experience with Python" keeps Python.
"""

from __future__ import annotations

import re

from careergap.reading.clauses import WINDOW_CHARS

#: A field of study named as a degree's subject: "degree in Computer Science, Physics or
#: Electrical Engineering", "Study of computer science", "MSc in Bioinformatics", "degree in
#: EEE/ECE/CS/Maths". The words between the degree word and the mention may only be more
#: fields (joined by "or", "," or "/", with or without spaces), never a
#: requirement word: "degree in CS and experience with Python" keeps Python.
_DEGREE_BEFORE = re.compile(
    r"\b(?:degrees?|bachelor(?:'|’)?s?|masters?(?:'|’)?s?|b\.?\s?sc?|m\.?\s?sc?|b\.?\s?eng|"
    r"m\.?\s?eng|b\.?\s?s|m\.?\s?s|ph\.?\s?d|doctorate|diploma|graduate|graduated|"
    r"stud(?:y|ies|ied|ying)|major(?:ed|ing)?)\b"
    r"\.?(?:\s+(?:degree|program(?:me)?|studies|level)|\s+or\s+higher)?(?:\s*\([^)]{0,60}\))?"
    r"\s+(?:(?:with\s+(?:a\s+)?(?:focus|specialization|major)\s+)?(?:in|of|on)\s+)"
    r"(?:(?!(?:experience|knowledge|skills?|with|using|including|plus|proficien\w*|"
    r"familiar\w*|background|strong|good|solid|proven|excellent|deep|hands-on|expert\w*|"
    r"understanding|ability|able|years?|\d)\b)"
    r"[\w&.+'’-]+(?:,?\s+|\s*/\s*)){0,8}?(?:(?:or|and|and/or)\s+|/\s*|\(\s*)?$",
    re.IGNORECASE,
)
#: ... or a field followed by the degree: "Computer Science or related field", "(Engineering or
#: Computer Science) BS/MS degree", "a Computer Science degree".
_DEGREE_AFTER = re.compile(
    r"^(?:[ \t,/()]+(?:or|and|engineering|sciences?|[A-Z][\w&-]*)){0,6}[ \t,/()]*"
    r"(?:(?:BS|MS|BSc|MSc|PhD|B\.S\.|M\.S\.)(?:\s*/\s*(?:BS|MS|MSc|PhD))*\s+)?"
    r"(?:degree|diploma|or\s+(?:a\s+|an\s+)?(?:related|similar|comparable|equivalent|"
    r"relevant|another\s+(?:technical|quantitative))\s+(?:technical\s+|quantitative\s+|"
    r"scientific\s+)?(?:fields?|areas?|disciplines?|subjects?|majors?|degrees?|studies))\b",
)
#: Cue words (:func:`careergap.reading.linecues.cue_words`) without one of which no mention on
#: a line is a degree's subject.
DEGREE_WORDS = frozenset(
    "degree degrees bachelor bachelors bachelor's master masters master's bs ms bsc msc beng "
    "meng phd doctorate diploma graduate graduated study studies studied studying major field "
    "fields".split()
)


def names_degree_field(text: str, end: int, before: str, after: str) -> bool:
    """Whether the mention ending at ``end`` names a degree's subject: ``before`` and
    ``after``, its clause on either side."""
    return bool(
        _DEGREE_BEFORE.search(before)
        or _DEGREE_AFTER.match(after)
        # "( Engineering or Computer Science ) BS/MS degree": past the parenthesis
        or _DEGREE_AFTER.match(text[end : end + WINDOW_CHARS])
    )
