"""Turn raw seed lines into requirement-line text, or say why a line is dropped.

Every rule here is a named pattern so the corpus README and the tests can point at it. The
normalisation is the same one the traceability test applies to the seed line, so each stored
requirement line can be found again on its own seed line.
"""

from __future__ import annotations

import re

#: A bullet marker at the start of a line (the seeds use -, * and + at every depth).
_BULLET = re.compile(r"^[ \t]*(?:[-*+][ \t]+)?")
#: Markdown links keep their text; the URL is page chrome.
_LINK = re.compile(r"\[([^\]]*)\]\(([^)]*)\)")
_URL = re.compile(r"<?https?://[^\s)>\]]+>?")
#: Paired ``***x***``, ``**x**`` and ``*x*`` emphasis; an unpaired star (``A*``) is text.
_EMPHASIS = re.compile(r"(?<![\w*])(\*{1,3})(?=[^\s*])(.+?)(?<=[^\s*])\1(?![\w*])")
_ESCAPE = re.compile(r"\\([#_*\[\]()])")
_SPACES = re.compile(r"\s+")


def normalize(raw: str) -> str:
    """The text of a seed line as stored: no indent, bullet, emphasis, link targets or URLs."""
    text = _BULLET.sub("", raw, count=1)
    text = _LINK.sub(lambda m: m.group(1), text)
    text = _URL.sub("", text)
    text = _EMPHASIS.sub(r"\2", text)
    text = _ESCAPE.sub(r"\1", text)
    text = text.replace("()", "")
    return _SPACES.sub(" ", text).strip()


def depth(raw: str) -> int:
    """Indent depth = number of TABs before the text (some seed lines use space+TAB)."""
    indent = raw[: len(raw) - len(raw.lstrip(" \t"))]
    return indent.count("\t")


# --- lines that are not posting text --------------------------------------------------------

#: ``- BLAH.`` placeholders and the ``[NAME](URL)`` template left in the seeds.
_PLACEHOLDER = re.compile(r"^\W*BLAH\W*$|\[NAME\]\(URL\)|^\W*(?:TBD|TODO|XXX)\W*$")
#: A line that is only links or URLs (project links, reference pages): no posting text.
_LINK_ONLY = re.compile(r"^(?:\s*(?:\[[^\]]*\]\([^)]*\)|<?https?://\S+>?)[\s,;:.]*)+$")

#: Equal-opportunity, benefits, pay and perks lines: they carry no skill.
_BOILERPLATE = re.compile(
    r"equal (?:employment )?opportunity|affirmative action|without regard to|"
    r"regardless of (?:race|gender|age)|protected veteran|sexual orientation|"
    r"reasonable accommodation|e-?verify|\bbase pay\b|pay range|salary range|\bsalary\b|"
    r"compensation package|total compensation|\bbenefits?\b.*\b(?:medical|dental|vision|"
    r"insurance|401|retirement|leave)\b|\b401\(?k\)?|paid time off|\bPTO\b|"
    r"parental leave|health insurance|stock options|\bRSUs?\b|\$\s?\d|"
    r"attractive compensation|competitive (?:salary|compensation|pay)|"
    r"relocation (?:assistance|package)|visa sponsorship|free (?:lunch|snacks|meals)|"
    r"gym membership|what we offer|perks",
    re.IGNORECASE,
)

#: Page chrome: buttons, metadata and bare section labels copied along with the ad.
_CHROME = re.compile(
    r"^(?:apply(?: now)?|save(?: job)?|share|show (?:more|less)|see more|report this job|"
    r"easy apply|posted .*ago|job id:?.*|req(?:uisition)? id:?.*|role number:?.*|"
    r"weekly hours:?.*|date posted:?.*|job type:?.*|full[- ]time|part[- ]time|"
    r"summary|description|key qualifications|education ?& ?experience|"
    r"additional requirements|responsibilities|job responsibilities|requirements|"
    r"qualifications|minimum qualifications|basic qualifications|"
    r"preferred qualifications|about (?:you|the (?:role|team|job))|the role|the team|"
    r"what you(?:'|’)?ll do|what you will do|what you bring|who you are|you have|"
    r"what we(?:'|’)?re looking for|your profile|job description|about us)\W*$",
    re.IGNORECASE,
)

#: A lead-in that makes the lines after it preferred (within one posting).
_PREFERRED_SECTION = re.compile(
    r"^(?:preferred(?: qualifications| skills| experience)?|nice[- ]to[- ]haves?|"
    r"bonus(?: points)?|pluses|desired(?: skills| qualifications)?|"
    r"additional (?:preferred )?qualifications|it(?:'|’)?s a plus if.*|"
    r"this is what gives you an edge|ideally,? you (?:also )?have)\W*$",
    re.IGNORECASE,
)
#: A lead-in that makes the lines after it required again.
_REQUIRED_SECTION = re.compile(
    r"^(?:minimum|minimum qualifications|basic qualifications|required(?: skills| "
    r"qualifications)?|requirements|key qualifications|must[- ]haves?|what you bring|"
    r"what you(?:'|’)?ll need|you have|qualifications)\W*$",
    re.IGNORECASE,
)

#: Inline markers that make one line preferred rather than required.
PREFERRED_MARKERS = (
    "a plus",
    "big plus",
    "strong plus",
    "huge plus",
    "is a plus",
    "are a plus",
    "plus points",
    "preferred",
    "preferable",
    "preferably",
    "bonus",
    "desired",
    "desirable",
    "ideally",
    "ideal:",
    "nice to have",
    "nice-to-have",
    "[plus]",
    "optional but valuable",
    "is an advantage",
    "an asset",
    "would be great",
    "gives you an edge",
)
#: The look-behind is shared, outside the alternatives: the same matches, and the regex engine
#: tests it once per position instead of once per marker (is_preferred runs on every clause of
#: every posting line: 6x faster on varied posting text, a tenth of a corpus build's reading).
_PREFERRED_INLINE = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(
        re.escape(m) + (r"(?![\w-])" if m[-1].isalnum() else "") for m in PREFERRED_MARKERS
    )
    + ")",
    re.IGNORECASE,
)


def is_placeholder(raw: str) -> bool:
    """``BLAH``, ``[NAME](URL)`` and empty links are template text, never posting text."""
    body = _BULLET.sub("", raw, count=1)
    if _PLACEHOLDER.search(body):
        return True
    return bool(re.fullmatch(r"\W*\[\s*\]\([^)]*\)\W*", body))


def is_link_only(raw: str) -> bool:
    """A line that is nothing but links or URLs."""
    return bool(_LINK_ONLY.match(_BULLET.sub("", raw, count=1)))


def is_boilerplate(text: str) -> bool:
    """EEO, benefits, salary and perks lines (normalised text)."""
    return bool(_BOILERPLATE.search(text))


def is_chrome(text: str) -> bool:
    """Buttons, job metadata and bare section labels (normalised text)."""
    return bool(_CHROME.match(text))


def section_flag(text: str) -> bool | None:
    """For a bare section label: False if it opens preferred lines, True if required ones."""
    if _PREFERRED_SECTION.match(text):
        return False
    if _REQUIRED_SECTION.match(text):
        return True
    return None


def is_preferred(text: str) -> bool:
    """True when the line carries an inline "nice to have" marker ("a plus", "ideally"...)."""
    return bool(_PREFERRED_INLINE.search(text))


def drop_reason(raw: str) -> str | None:
    """Why a raw line is not a requirement line, or None to keep it."""
    if is_placeholder(raw):
        return "placeholder"
    if is_link_only(raw):
        return "link"
    text = normalize(raw)
    if not re.search(r"[A-Za-z0-9]", text):
        return "empty"
    if is_chrome(text) or section_flag(text) is not None:
        return "chrome"
    if is_boilerplate(text):
        return "boilerplate"
    return None
