"""Read a posting the way a hiring manager does: which part of the ad each line belongs to.

One reader for every posting text careergap sees (the curated corpus, ``postings add``,
``extract``). A line belongs to a section by the heading above it ("About us", "What you'll
do", "Minimum qualifications", "Nice to have", "Tech stack", "Benefits", "Equal opportunity",
"How to apply"; markdown headings, bold lines and bare labels alike), and, where no heading
says otherwise, by cues of its own: benefits words, an equal-opportunity sentence, "click to
apply", company prose ("we are a ...", "our products power ..."). Only the DEMAND_SECTIONS
carry demands; the other lines are kept for display and score nothing.

Pure functions over lines of text: no I/O, no taxonomy.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# DEMAND_SECTIONS lives in models, so scoring can use it without compiling the patterns below.
from careergap.models import DEMAND_SECTIONS  # noqa: F401 - part of this module's interface
from careergap.models import PostingSection as Section

#: The section of a line nothing places elsewhere: posting text is read as demands by default.
DEFAULT_SECTION: Section = "requirements"
#: Why a line of each non-demand section is not a demand (shown by ``postings add``).
SKIP_REASONS: dict[str, str] = {
    "title": "the title",
    "about": "company prose",
    "benefits": "benefits and pay",
    "legal": "equal-opportunity and legal text",
    "apply": "how to apply",
}
#: A line's own benefits/legal/apply cue moves it out of the demands only up to this length.
MAX_CUE_WORDS = 40
#: A heading is short: longer lines ending with ":" are lead-ins ("Experience with:").
MAX_HEADING_WORDS = 8

_BULLET = re.compile(r"^[ \t]*(?:[-*+•·▪◦][ \t]+|\d{1,2}[.)][ \t]+)?")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}[ \t]*(.+?)[ \t#]*$")
_EMPHASIS = re.compile(r"^(\*\*|__)(.+?)\1\s*:?\s*$|^(\*\*|__)(.+?):\s*\3\s*$")
#: "Title: Staff Engineer", "Location: Remote": a metadata label with its value.
_LABEL = re.compile(
    r"^(?:job\s+|position\s+|role\s+)?(?:title|company|location|department|team|"
    r"employment\s+type|job\s+type|type|salary|pay|compensation|reports?\s+to|level|"
    r"seniority|req(?:uisition)?\s*(?:id|#|number)|job\s+id|posted|date\s+posted|industry|"
    r"industries|company\s+size|company\s+type|experience\s+level|location\s+options)\s*:\s*\S",
    re.IGNORECASE,
)
#: What a metadata label's line is: the job title, pay, or facts about the employer.
_LABEL_SECTION = {
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

#: Sentences that are equal-opportunity or legal text wherever they stand.
_LEGAL_LINE = re.compile(
    r"equal (?:employment )?opportunity|affirmative action|without regard to|"
    r"regardless of (?:race|gender|age|sex|religion)|protected veteran|sexual orientation|"
    r"gender identity|reasonable accommodations?|e-?verify|do not discriminate|"
    r"does not discriminate|national origin|pay transparency|background check|"
    r"celebrate diversity|"
    r"privacy (?:notice|policy)|applicants? (?:with|who require)|"
    r"data protection (?:statement|notice|policy|declaration|information)",
    re.IGNORECASE,
)
#: Benefits, pay and perks wherever they stand.
_BENEFITS_LINE = re.compile(
    r"\b(?:vision|dental|medical|health|life|disability)(?:,|\s+and)?\s+(?:insurance|"
    r"coverage|plans?|benefits)|\bdental\b|\b401\(?k\)?|paid (?:time off|leave|holidays?)|"
    r"\bPTO\b|parental leave|maternity|paternity|\bsalary\b|base pay|pay range|"
    r"compensation (?:package|range)|total compensation|competitive (?:salary|compensation|"
    r"pay|benefits)|stock options|\bRSUs?\b|equity (?:package|grants?|compensation)|"
    r"\$\s?\d|£\s?\d|€\s?\d|"
    r"relocation (?:assistance|package|support)|visa sponsorship|free (?:lunch|snacks|meals)|"
    r"gym (?:membership|access)|wellness (?:program|stipend|allowance)|stipend|commuter|"
    r"remote[- ]friendly|flexible (?:working )?(?:hours|"
    r"schedule|work)|work[- ]life balance|generous (?:leave|vacation|pto)|vacation|"
    r"tuition (?:reimbursement|assistance)|learning (?:budget|allowance)|perks|"
    r"healthcare (?:benefits|plans?|coverage)|employee (?:discount|assistance)|"
    r"\blaptops?\b|equipment we provide|choice of (?:equipment|hardware|laptop)|"
    r"language (?:classes|courses|lessons)|health checks|"
    r"(?:training|coaching|guidance) (?:by|from) (?:\w+ )?mentors",
    re.IGNORECASE,
)
#: Instructions for applying.
_APPLY_LINE = re.compile(
    r"\bclick (?:here |below |the button )?to apply|\bapply (?:now|today|here|online|via|"
    r"through)\b|\bsend (?:us )?(?:your|a) (?:cv|r[ée]sum[ée]|application)|"
    r"\bsubmit (?:your|an?) (?:cv|r[ée]sum[ée]|application)|^(?:how )?to apply\b|"
    r"\bto apply(?:,| for this| please| send| visit| click)|"
    r"applications? (?:will be|are) (?:reviewed|accepted)|\brecruiters?\b.*\b(?:contact|reach)|"
    r"\bjob (?:id|ref(?:erence)?)\b",
    re.IGNORECASE,
)
#: Company prose: what the company is or does, not what the job needs.
_ABOUT_LINE = re.compile(
    r"^(?:(?i:at|here at) [A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*)*,? )?"
    r"(?i:(?:we(?:'|’)?re|we are) (?:a|an|the|one|proud|passionate|committed|part|based|"
    r"headquartered|backed|growing|optimistic|on a mission|united|\d+)|we have|we were|we power|"
    r"we embrace|we custom|as one of the leading|"
    r"we serve|we help|"
    r"we provide|we deliver|we enable|we believe|we value|we care|"
    r"our (?:mission|products?|platform|customers?|clients|technology|company|vision|goal|"
    r"culture|investors?|founders?|story|solutions?|software|services?|values))\b|"
    r"^[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,3}(?:'s?|’s?)? (?:[\w-]+ ){0,4}"
    r"(?:is (?:a|an|the) (?:(?:leading|fast[- ]growing|global|world[- ]leading|pioneering|"
    r"well[- ]funded|venture[- ]backed|award[- ]winning)\b|(?:[\w-]+,? ){0,3}(?:company|"
    r"start-?up|leader|provider|platform|organi[sz]ation|firm|lab|pioneer|maker|manufacturer|"
    r"business|unicorn|team|group)\b)|powers|serves|"
    r"was founded|has been (?:named|recognized|ranked))\b|"
    r"(?i:\b(?:founded in|headquartered|backed by|series [a-e]\b|fortune \d+|publicly traded|"
    r"industry[- ]leading customers|our customers include))",
)
#: What the company builds or sells: "We are developing an IoT platform with machine learning",
#: "Our software monitors millions of devices". Such a sentence names the product's fields, not
#: the job's skills; the tools it names are still the team's stack ("We are building it on
#: Kafka"), so only broad skills (fields, methods, domains) in it are not demands.
_PRODUCT_LINE = re.compile(
    r"(?i:\b(?:we(?:'|’)?re|we are|we(?:'|’)?ve been|we have been)\s+(?:currently\s+|now\s+)?"
    r"(?:developing|building|creating|revolutioni[sz]ing|transforming|changing|reinventing|"
    r"shaping|pioneering|making)\b|"
    r"\bwe\s+(?:develop|build|create|make|design|sell|offer|provide|deliver)\s+"
    r"(?:a|an|the|our|innovative|cutting|leading|world|revolutionary|state|next|solutions|"
    r"products|software|platforms?|systems?)\b|"
    r"\bour\s+(?:[\w-]+\s+){0,2}?(?:products?|platforms?|software|solutions?|customers|"
    r"clients|technology|services?)\s+(?:is|are|helps?|enables?|uses?|monitors?|powers?|"
    r"love|brings?|makes?|allows?|lets?)\b|"
    r"\bit\s+involves\b.*\blatest\s+technolog)"
)


def is_product_prose(sentence: str) -> bool:
    """ "We are developing an IoT platform ...": a sentence about what the company builds."""
    return bool(_PRODUCT_LINE.search(sentence))


#: Words that put a line about the job itself, not the company, even if it starts "We are".
_JOB_WORDS = re.compile(
    r"\b(?:you|your|looking for|seeking|hiring|candidate|will be responsible|must|should|"
    r"required|requirements?|experience (?:with|in)|knowledge of|proficien|need|needs|require|"
    r"requires|expect|want)\b",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class LineSection:
    """Where one line of a posting belongs, and whether it is a heading (no content)."""

    section: Section
    heading: bool = False

    @property
    def demand(self) -> bool:
        """True when the line states what the job needs."""
        return not self.heading and self.section in DEMAND_SECTIONS


def heading_text(line: str) -> str | None:
    """The text of a heading line (markdown, bold, a short label ending in ":" or a bare
    known heading), without marks; None for an ordinary line."""
    if line.count(" ") > MAX_HEADING_WORDS + 2 and line.lstrip()[:1] not in ("#", "*", "_"):
        return None  # a long sentence: the common case, decided without a regex
    body = _BULLET.sub("", line, count=1).strip()
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
    body = _BULLET.sub("", line, count=1).strip().rstrip("*_ ")
    if body.endswith(":") and len(text.split()) <= MAX_LABEL_WORDS and not _LEAD_IN.match(text):
        for section, words in _LABEL_WORDS:
            if words.search(text):
                return section
    return None


#: Words one of which every sentence of each kind holds: the patterns above run only on lines
#: that have one (a C-speed set test instead of a slow case-insensitive regex on every line).
LEGAL_WORDS = frozenset(
    "equal affirmative regard regardless veteran orientation identity accommodation "
    "accommodations verify discriminate origin transparency background diversity privacy "
    "applicants applicant protection".split()
)
APPLY_WORDS = frozenset(
    "click apply send submit applications recruiter recruiters id ref reference".split()
)
BENEFITS_WORDS = frozenset(
    "insurance coverage plans plan benefits dental 401 paid pto parental maternity paternity "
    "salary pay compensation competitive stock rsu rsus equity relocation visa lunch snacks "
    "meals gym wellness stipend commuter friendly flexible balance generous vacation tuition "
    "budget allowance perks discount assistance laptop laptops equipment classes courses lessons "
    "checks mentors".split()
)
ABOUT_WORDS = frozenset(
    "we our powers serves founded headquartered backed series fortune publicly customers".split()
)
#: Phrases that gate company prose but are too common as single words ("Acme is a ...").
ABOUT_PHRASES = re.compile(r" (?:is (?:a|an|the) |was founded|has been )")
#: Currency signs: a pay figure is benefits text.
MONEY = re.compile(r"[$£€]")


_ALL_CUE_WORDS = LEGAL_WORDS | APPLY_WORDS | BENEFITS_WORDS | ABOUT_WORDS


#: Punctuation to spaces, so str.split (C speed) gives the words.
_PUNCTUATION = str.maketrans({c: " " for c in "!\"#%&'()*+,-./:;<=>?@[\\]^_`{|}~’“”"})


def _words(text: str) -> frozenset[str]:
    return frozenset(text.lower().translate(_PUNCTUATION).split())


#: The lower-case words of a text, for the cheap tests that gate the cue patterns (cached: a
#: line is asked for its words by several readers in turn).
cue_words = functools.lru_cache(maxsize=1024)(_words)


def line_cue(text: str, words: frozenset[str] | None = None) -> Section | None:
    """The section one line places itself in by its own words, whatever heading is above it:
    legal, benefits and apply text anywhere; None when the line has no such cue."""
    words = cue_words(text) if words is None else words
    if not words.isdisjoint(LEGAL_WORDS) and _LEGAL_LINE.search(text):
        return "legal"
    if not words.isdisjoint(APPLY_WORDS) and _APPLY_LINE.search(text):
        return "apply"
    money = MONEY.search(text) is not None
    if (money or not words.isdisjoint(BENEFITS_WORDS)) and _BENEFITS_LINE.search(text):
        return "benefits"
    return None


#: Between two sentences of one line.
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def first_sentence(text: str) -> str:
    """The first sentence of a line (the whole line when it has one)."""
    brk = SENTENCE_BREAK.search(text)
    return text[: brk.start()] if brk else text


def own_cue(line: str) -> Section | None:
    """The section a line's first sentence puts the whole line in, by :func:`line_cue`; None
    for a long run-on sentence, whose cues are read per mention (careergap.reading.nondemand)."""
    sentence = first_sentence(line)
    return line_cue(sentence) if len(sentence.split()) <= MAX_CUE_WORDS else None


@functools.lru_cache(maxsize=1024)  # asked once per mention of the same sentence
def is_company_prose(text: str) -> bool:
    """ "We are a ...", "Our products power ...", "Acme is a leading ...": about the company."""
    if cue_words(text).isdisjoint(ABOUT_WORDS) and not ABOUT_PHRASES.search(text):
        return False
    body = _BULLET.sub("", text, count=1).strip()
    return bool(_ABOUT_LINE.search(body)) and not _JOB_WORDS.search(body)


def read_sections(
    lines: Iterable[str], words_out: list[frozenset[str] | None] | None = None
) -> list[LineSection]:
    """The section of every line, in order (blank lines keep the section they sit in).

    A known heading opens its section; "Title:"-style labels are title metadata. Within the
    demand sections (and before any heading), a line's own cue moves it out: benefits,
    equal-opportunity and apply text anywhere, company prose where no heading set the
    section to one that states demands. ``words_out`` receives each line's :func:`cue_words`
    (None where they were not needed), so a caller reading mentions need not split it again.
    """
    out: list[LineSection] = []
    keep = words_out.append if words_out is not None else None
    current: Section = DEFAULT_SECTION
    chosen = False  # a heading set ``current``
    first = True  # no content line yet
    for line in lines:
        words = None
        if not line.strip():
            out.append(LineSection(current, heading=True))
        elif (opened := heading_section(line)) is not None:
            current, chosen = opened, True
            out.append(LineSection(opened, heading=True))
        elif first and not chosen and is_title_line(line):
            out.append(LineSection("title"))
            first = False
        else:
            if current in DEMAND_SECTIONS:
                words = _words(line)
            out.append(LineSection(_line_section(line, current, chosen, words)))
            first = False
        if keep is not None:
            keep(words)
    return out


#: Longest title line, in words.
MAX_TITLE_WORDS = 16
#: Words that name a role in a title ("Senior Machine Learning Engineer").
_ROLE_WORD = re.compile(
    r"\b(?:engineer|scientist|developer|researcher|intern|manager|director|architect|analyst|"
    r"lead|head|specialist|consultant|programmer|designer|officer|vp|president|technician|"
    r"administrator|associate|fellow|postdoc)s?\b",
    re.IGNORECASE,
)
#: Words that make a line a requirement sentence, never a title.
_SENTENCE_WORDS = re.compile(
    r"\b(?:experience|years?|knowledge|familiar\w*|proficien\w*|ability|understanding|"
    r"skills|degree|we|you|our|must|should|with|using)\b",
    re.IGNORECASE,
)


#: Anonymised names in published postings ("<ORGANIZATION>", "<LOCATION>"): not words of a title.
_PLACEHOLDER = re.compile(r"<[A-Z_]{2,}>")


def is_title_line(line: str) -> bool:
    """A short first line that names a role, or a job board's "Title · Company · Place"."""
    body = _PLACEHOLDER.sub(" ", _BULLET.sub("", line, count=1)).strip()
    if len(body.split()) > MAX_TITLE_WORDS:
        return False
    if " · " in body:
        return True
    return (
        True
        and not body.endswith((".", ",", ";", ":"))
        and bool(_ROLE_WORD.search(body))
        and not _SENTENCE_WORDS.search(body)
    )


def _line_section(
    line: str, current: Section, chosen: bool, words: frozenset[str] | None
) -> Section:
    label = _LABEL.match(_BULLET.sub("", line, count=1).strip()) if ":" in line else None
    if label:
        key = label.group(0).split(":")[0].strip().casefold()
        return _LABEL_SECTION.get(key, "about")  # type: ignore[return-value]
    if words is None or current not in DEMAND_SECTIONS or _cheap_cue_free(line, words):
        return current
    cue = own_cue(line)
    if cue is not None:
        return cue
    if (not chosen or current == "responsibilities") and is_company_prose(line):
        return "about"
    return current


def _cheap_cue_free(line: str, words: frozenset[str]) -> bool:
    """True when a line holds none of the words any line cue or company prose needs."""
    return (
        words.isdisjoint(_ALL_CUE_WORDS)
        and not MONEY.search(line)
        and not ABOUT_PHRASES.search(line)
    )


def sections_of(text: str) -> list[LineSection]:
    """:func:`read_sections` of a whole text split at "\\n" (one entry per line)."""
    return read_sections(text.split("\n"))


def skipped(lines: Sequence[str], read: Sequence[LineSection]) -> list[tuple[int, str, str]]:
    """(1-based line, text, reason) of each non-blank content line that is not a demand."""
    return [
        (number, line.strip(), SKIP_REASONS[part.section])
        for number, (line, part) in enumerate(zip(lines, read, strict=True), start=1)
        if line.strip() and not part.heading and not part.demand
    ]


#: Labels that job boards run together on one line when an ad is pasted or scraped flat
#: ("... Role: Database Administrator Industry: Adserver ... Technologies python mysql Job
#: description Your Tasks ... Job benefits: Free fruit ..."), with the section each opens.
#: Capitalised as boards print them, so a sentence's "role" or "industry" is never one.
_INLINE_LABELS: dict[str, Section] = {
    "Job description": "responsibilities",
    "Your Tasks": "responsibilities",
    "Your tasks": "responsibilities",
    "Tasks/Responsibilities": "responsibilities",
    "Responsibilities": "responsibilities",
    "Your Skills": "requirements",
    "Your skills": "requirements",
    "Your Profile": "requirements",
    "Your profile": "requirements",
    "Requirements": "requirements",
    "Qualifications": "requirements",
    "Technologies": "stack",
    "Job benefits": "benefits",
    "Benefits": "benefits",
    "What we offer": "benefits",
    "We offer": "benefits",
    "Your Prospects": "benefits",
    "Company description": "about",
    "About us": "about",
    "About Us": "about",
    "Location options": "about",
    "Job type": "about",
    "Experience level": "about",
    "Role": "about",
    "Industry": "about",
    "Company size": "about",
    "Company type": "about",
    "Date posted": "about",
    "Likes": "about",
}
_INLINE_LABEL = re.compile(
    r"(?<![\w/-])(?:"
    + "|".join(re.escape(k) for k in sorted(_INLINE_LABELS, key=len, reverse=True))
    + r")(?![\w/-])(?:\s*:)?"
)
#: Metadata labels whose value is a few words ("Industry: Adserver Programmatic Advertising"):
#: after this many words the text goes back to the section it was in.
MAX_INLINE_VALUE_WORDS = 6
#: Fewest labels that make a line a run-together header (one label is an ordinary sentence).
MIN_INLINE_LABELS = 2
_METADATA_LABELS = frozenset(
    "Location options|Job type|Experience level|Role|Industry|Company size|Company type|"
    "Date posted|Likes".split("|")
)


def inline_sections(
    line: str, section: Section, first: bool = False
) -> list[tuple[int, Section]] | None:
    """(offset, section) from each offset on, for a line that runs several of a board's labels
    together; None for an ordinary line (its ``section`` holds throughout). ``first``: the line
    is the ad's first, so what stands before the first label may be the title."""
    labels = list(_INLINE_LABEL.finditer(line))
    if len(labels) < MIN_INLINE_LABELS:
        return None
    head = "title" if first and is_title_line(line[: labels[0].start()]) else section
    out: list[tuple[int, Section]] = [(0, head)]
    body: Section = section if section != "title" else DEFAULT_SECTION
    for i, match in enumerate(labels):
        name = match.group(0).rstrip(": \t")
        opened = _INLINE_LABELS[name]
        out.append((match.start(), opened))
        if name in _METADATA_LABELS:
            nxt = labels[i + 1].start() if i + 1 < len(labels) else len(line)
            words = list(re.finditer(r"\S+", line[match.end() : nxt]))
            if len(words) > MAX_INLINE_VALUE_WORDS:
                out.append((match.end() + words[MAX_INLINE_VALUE_WORDS].start(), body))
        else:
            body = opened
    return out


def section_at(segments: Sequence[tuple[int, Section]], offset: int) -> Section:
    """The section of the segment holding ``offset`` (:func:`inline_sections`)."""
    found = segments[0][1]
    for start, section in segments:
        if start > offset:
            break
        found = section
    return found
