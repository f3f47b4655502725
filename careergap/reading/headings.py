"""Posting headings: which section a heading line opens ("About us", "What you'll do",
"Minimum qualifications", "Nice to have", "Tech stack", "Benefits", "Equal opportunity", "How
to apply"; markdown headings, bold lines and bare labels alike), and metadata labels
("Title: ...", "Salary: ..."). Used by :func:`careergap.reading.sections.read_sections`.

Pure functions over one line of text.
"""

from __future__ import annotations

import re

from careergap.models import PostingSection as Section

#: A heading is short: longer lines ending with ":" are lead-ins ("Experience with:").
MAX_HEADING_WORDS = 8

BULLET = re.compile(r"^[ \t]*(?:[-*+•·▪◦][ \t]+|\d{1,2}[.)][ \t]+)?")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}[ \t]*(.+?)[ \t#]*$")
_EMPHASIS = re.compile(r"^(\*\*|__)(.+?)\1\s*:?\s*$|^(\*\*|__)(.+?):\s*\3\s*$")
#: "Title: Staff Engineer", "Location: Remote": a metadata label with its value.
LABEL = re.compile(
    r"^(?:job\s+|position\s+|role\s+)?(?:title|company|location|department|team|"
    r"employment\s+type|job\s+type|type|salary|pay|compensation|reports?\s+to|level|"
    r"seniority|req(?:uisition)?\s*(?:id|#|number)|job\s+id|posted|date\s+posted|industry|"
    r"industries|company\s+size|company\s+type|experience\s+level|location\s+options)\s*:\s*\S",
    re.IGNORECASE,
)
#: What a metadata label's line is: the job title, pay, or facts about the employer.
LABEL_SECTION = {
    "title": "title",
    "job title": "title",
    "position title": "title",
    "role title": "title",
    "salary": "benefits",
    "pay": "benefits",
    "compensation": "benefits",
}


def _alternatives(*words: str) -> str:
    return "|".join(words)


#: Heading text -> section, first match wins. Matched against the whole heading (lower case,
#: without a trailing colon), so "Experience with:" is a lead-in, not a "requirements" heading.
_HEADING_PARTS: tuple[tuple[Section, str], ...] = tuple(
    (
        (
            "preferred",
            _alternatives(
                r"(?:preferred|desired|desirable|additional|bonus|nice[- ]to[- ]have|"
                r"good[- ]to[- ]have)(?: (?:qualifications?|skills?|experience|requirements?|"
                r"points?))?",
                r"nice[- ]to[- ]haves?",
                r"(?:it(?:'|’)?s |would be )?(?:a )?(?:big |huge )?(?:plus|pluses|bonus)(?: if.*)?",
                r"even better(?: if.*)?",
                r"extra credit",
                r"ideally(?:,)?(?: you (?:also )?(?:have|bring))?.*",
                r"this is what gives you an edge",
                r"what (?:would )?(?:sets?|make) you stand out",
                r"you might also have",
                r"additional preferred qualifications",
            ),
        ),
        (
            "stack",
            _alternatives(
                r"(?:our |the )?(?:tech(?:nology)?|technical) stack",
                r"(?:our |the )?stack",
                r"tools (?:and|&) technolog(?:y|ies)(?: we use)?",
                r"technolog(?:y|ies)(?: we use| used)?",
                r"(?:our )?tools(?: we use)?",
                r"what we (?:use|work with)",
            ),
        ),
        (
            "requirements",
            _alternatives(
                r"(?:minimum|basic|required|essential|key|must[- ]have|core)?"
                r" ?(?:qualifications?|requirements?|skills?|experience)"
                r"(?: (?:and|&) (?:qualifications?|experience|skills?|education))?",
                r"(?:job |role )?requirements",
                r"what (?:you(?:'|’)?ll need|you need|you bring|you(?:'|’)?ll bring|we(?:'|’)?re "
                r"looking for|we are looking for|we look for|we need|you have|it takes)",
                r"who you are",
                r"about you",
                r"you (?:have|are|bring|need|should have|will have|might be)",
                r"you will (?:need|bring|have)",
                r"must[- ]haves?",
                r"your (?:profile|background|experience|skills|qualifications)",
                r"(?:education|education (?:and|&) experience)",
                r"skills (?:and|&) (?:experience|qualifications|abilities)",
                r"knowledge,? skills,? (?:and|&) abilities",
                r"(?:the )?ideal candidate",
                r"is this you\??",
                r"requirements? (?:and|&) qualifications?",
            ),
        ),
        (
            "responsibilities",
            _alternatives(
                r"(?:key |main |primary |core |job |your )?(?:responsibilities|duties)",
                r"what you(?:'|’)?ll (?:do|work on|be doing)|what you will (?:do|work on|be doing)",
                r"what you(?:'|’)?ll achieve|your (?:role|impact|mission|day|work)",
                r"in this role(?:,? you will)?",
                r"(?:about|the) (?:role|job|position|opportunity)",
                r"(?:role|job|position) (?:overview|summary|description|details)",
                r"(?:the )?(?:role|job|position|opportunity|overview|summary|description)",
                r"job description|day[- ]to[- ]day|a day in the life",
                r"what (?:the job|this role) (?:involves|is)",
                r"you will|you(?:'|’)?ll",
                r"(?:the )?projects?|what we(?:'|’)?re building|the work",
            ),
        ),
        (
            "about",
            _alternatives(
                r"industry|company (?:size|type)|experience level|location(?: options)?|"
                r"(?:job|employment|contract|work) type|date posted|seniority(?: level)?",
                r"about(?: us| the company| the team|"
                r" (?!\d|(?:\w+ )*(?:years?|months?)\b)[a-z][\w&.'-]*(?: [a-z][\w&.'-]*){0,2})?",
                r"who we are|our (?:company|story|mission|team|culture|values|vision)",
                r"company (?:overview|description|profile)|the (?:company|team)",
                r"why (?:us|join us|join|work (?:with|for|at) us)(?:\?)?",
                r"life at .*|our commitment.*",
            ),
        ),
        (
            "benefits",
            _alternatives(
                r"(?:our |the )?(?:benefits|perks)(?: (?:and|&) (?:perks|benefits|compensation))?",
                r"what we offer|we offer|what(?:'|’)?s in it for you|total rewards|compensation"
                r"(?: (?:and|&) benefits)?|salary(?: range)?|pay(?: range)?|rewards",
                r"(?:why you(?:'|’)?ll love|what you(?:'|’)?ll get|what you get).*",
            ),
        ),
        (
            "legal",
            _alternatives(
                r"equal (?:employment )?opportunit(?:y|ies).*|eeo.*|diversity.*",
                r"(?:reasonable )?accommodations?.*|privacy.*|legal.*|disclaimer.*",
                r"e-?verify.*|pay transparency.*|notice.*",
            ),
        ),
        (
            "apply",
            _alternatives(
                r"(?:how|ready) to apply.*|to apply|apply(?: now| today| here)?",
                r"(?:the )?(?:application|interview|hiring|recruit(?:ment|ing)) process",
                r"next steps|how we hire",
            ),
        ),
    )
)
#: All of them in one pattern (one match per line, not one per section): group ``sN`` is the
#: Nth entry, and the first that matches wins, as alternation does.
_HEADINGS = re.compile(
    "^(?:"
    + "|".join(f"(?P<s{i}>{pattern})" for i, (_, pattern) in enumerate(_HEADING_PARTS))
    + ")$"
)

_SPACES = re.compile(r"\s+")


def heading_text(line: str) -> str | None:
    """The text of a heading line (markdown, bold, a short label ending in ":" or a bare
    known heading), without marks; None for an ordinary line."""
    if line.count(" ") > MAX_HEADING_WORDS + 2 and line.lstrip()[:1] not in ("#", "*", "_"):
        return None  # a long sentence: the common case, decided without a regex
    body = BULLET.sub("", line, count=1).strip()
    if not body:
        return None
    marked = _MARKDOWN_HEADING.match(body)
    if marked and body.startswith("#"):
        return _clean_heading(marked.group(1))
    bold = _EMPHASIS.match(body)
    if bold:
        return _clean_heading(bold.group(2) or bold.group(4))
    if len(body.split()) <= MAX_HEADING_WORDS and not body.endswith((".", ",", ";")):
        return _clean_heading(body)
    return None


def _clean_heading(text: str) -> str:
    text = text.replace("*", "").replace("_", " ")
    return _SPACES.sub(" ", text).strip().rstrip(":?").strip().casefold()


def _compiled(
    pairs: tuple[tuple[Section, str], ...],
) -> tuple[tuple[Section, re.Pattern[str]], ...]:
    return tuple((section, re.compile(pattern)) for section, pattern in pairs)


#: A short label ending in ":" that no heading pattern knows is still a heading when its words
#: say which part of the ad follows ("Skills & requirements:", "Any of those will increase
#: your chances:", "Your main activities will be to:"). "Experience with:" is a lead-in.
_LABEL_WORDS: tuple[tuple[Section, re.Pattern[str]], ...] = _compiled(
    (
        ("benefits", r"\b(?:benefits?|perks|we offer|you get|what you get|rewards)\b"),
        ("preferred", r"\b(?:plus|bonus|nice|desired|desirable|preferred|advantage|chances|ideal)"),
        ("requirements", r"\b(?:requirements?|qualifications?|skills|you need|must|profile)\b"),
        ("responsibilities", r"\b(?:tasks|responsibilit\w+|duties|activities|you will do)\b"),
        ("about", r"\b(?:about us|company|who we are)\b"),
    )
)
#: A requirement's own lead-in, never a heading: "Experience with the following is a plus:".
_LEAD_IN = re.compile(
    r"(?:experience|knowledge|familiarity|proficiency|background|understanding|exposure|"
    r"expertise|working|hands-on|strong|solid|good|some|basic|ability)\b"
)
#: Longest unknown label the words above may classify.
MAX_LABEL_WORDS = 7


def heading_section(line: str) -> Section | None:
    """The section a heading line opens, or None if the line is not a known heading."""
    text = heading_text(line)
    if not text:
        return None
    known = _HEADINGS.match(text)
    if known and known.lastgroup:
        return _HEADING_PARTS[int(known.lastgroup[1:])][0]
    body = BULLET.sub("", line, count=1).strip().rstrip("*_ ")
    if body.endswith(":") and len(text.split()) <= MAX_LABEL_WORDS and not _LEAD_IN.match(text):
        for section, words in _LABEL_WORDS:
            if words.search(text):
                return section
    return None
