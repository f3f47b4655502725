"""A posting line's own cues, whatever heading stands above it: equal-opportunity and legal
text, benefits and pay, how to apply, company prose ("we are a ...", "Acme is a leading ...")
and product prose ("we are building an IoT platform ..."). Cheap word sets gate every pattern,
so an ordinary requirement line costs one set test.

Pure functions over one line (or sentence) of text.
"""

from __future__ import annotations

import bisect
import functools
import re

from careergap.models import PostingSection as Section
from careergap.reading.headings import BULLET

#: A line's own benefits/legal/apply cue moves it out of the demands only up to this length.
MAX_CUE_WORDS = 40
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
    r"business|unicorn|team|group)\b)|powers|serves|is part of|counts among|is (?:so |very )?proud|"
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
    r"clients|technology|services?|apps?|applications?|systems?|"
    r"infrastructure)\s+(?:is|are|helps?|enables?|uses?|monitors?|powers?|"
    r"love|brings?|makes?|allows?|lets?|holds?|serves?|processes|handles?|runs?|stores?)\b|"
    r"\bit\s+involves\b.*\blatest\s+technolog)"
)


@functools.lru_cache(maxsize=256)  # asked once per broad mention of the same sentence
def is_product_prose(sentence: str) -> bool:
    """ "We are developing an IoT platform ...": a sentence about what the company builds."""
    return bool(_PRODUCT_LINE.search(sentence))


#: An appositive that says what a product is: "into the Databricks product, a unified analytics
#: platform that helps manage data processing and machine learning workloads". Its fields are
#: the product's, not the job's (its own words included: "analytics"). It runs to the end of
#: its sentence or the next ";".
_PRODUCT_APPOSITIVE = re.compile(
    r",\s+(?:a|an|the|our)\s+(?:[\w-]+,?\s+){0,4}?(?:platform|product|suite|service|solution|"
    r"engine|tool|system|software|framework|database|company|start-?up|provider|leader)s?"
    r"\s+(?:that|which|for|used|built|designed|helping|enabling|powering|trusted)\b",
    re.IGNORECASE,
)


def in_product_appositive(text: str, start: int) -> bool:
    """Whether the mention at ``text[start:]`` sits in an appositive that says what a product
    or company is (:data:`_PRODUCT_APPOSITIVE`), within its own sentence."""
    if ", " not in text:
        return False
    sentence_start, sentence_end = sentence_around(text, start, start)
    for match in _PRODUCT_APPOSITIVE.finditer(text, sentence_start, sentence_end):
        if match.start() >= start:
            return False
        if ";" not in text[match.start() : start]:
            return True
    return False


#: The employer named by its possessive before what the business has: "Grow Databricks'
#: machine learning capabilities", "Snowflake's customers". A name the posting asks for is
#: asked with other words ("experience with Snowflake's query engine" names no business).
_EMPLOYER_POSSESSIVE = re.compile(
    r"(?:'s?|’s?)\s+(?:[\w-]+\s+){0,3}?(?:capabilities|revenue|customers|clients|mission|growth|"
    r"business|roadmap|success|vision|culture|adoption|users|strategy|future|market|"
    r"market[\s-]share|footprint|offerings)\b",
    re.IGNORECASE,
)


def is_employer_possessive(text: str, end: int) -> bool:
    """Whether the mention ending at ``end`` is the employer in :data:`_EMPLOYER_POSSESSIVE`."""
    return text[end : end + 1] in ("'", "’") and _EMPLOYER_POSSESSIVE.match(text, end) is not None


#: Words that put a line about the job itself, not the company, even if it starts "We are".
_JOB_WORDS = re.compile(
    r"\b(?:you|your|looking for|seeking|hiring|candidate|will be responsible|must|should|"
    r"required|requirements?|experience (?:with|in)|knowledge of|proficien|need|needs|require|"
    r"requires|expect|want)\b",
    re.IGNORECASE,
)

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
ABOUT_PHRASES = re.compile(r" (?:is (?:a|an|the) |was founded|has been |is part of |is proud )")
#: Currency signs: a pay figure is benefits text.
MONEY = re.compile(r"[$£€]")


ALL_CUE_WORDS = LEGAL_WORDS | APPLY_WORDS | BENEFITS_WORDS | ABOUT_WORDS


#: Punctuation to spaces, so str.split (C speed) gives the words.
_PUNCTUATION = str.maketrans({c: " " for c in "!\"#%&'()*+,-./:;<=>?@[\\]^_`{|}~’“”"})


def words_of(text: str) -> frozenset[str]:
    """The lower-case words of a text, punctuation dropped."""
    return frozenset(text.lower().translate(_PUNCTUATION).split())


#: The lower-case words of a text, for the cheap tests that gate the cue patterns (cached: a
#: line is asked for its words by several readers in turn).
cue_words = functools.lru_cache(maxsize=1024)(words_of)


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


@functools.lru_cache(maxsize=256)  # asked once per mention on the line
def sentence_breaks(text: str) -> tuple[list[int], list[int]]:
    """The starts and the ends of the :data:`SENTENCE_BREAK` runs of a line, read once."""
    spans = [brk.span() for brk in SENTENCE_BREAK.finditer(text)]
    return [s for s, _ in spans], [e for _, e in spans]


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The (start, end) of the sentence of ``text`` holding ``text[start:end]`` (a mention's
    offsets, so ``text[start]`` is no space): the text after the last break that ends before
    ``start`` (what ``SENTENCE_BREAK.finditer(text, 0, start)`` finds: a break ending at
    ``start`` cannot see the capital after it) up to the first break at ``end`` or after."""
    starts, ends = sentence_breaks(text)
    before = bisect.bisect_left(ends, start)
    after = bisect.bisect_left(starts, end)
    sentence_start = ends[before - 1] if before else 0
    return sentence_start, (starts[after] if after < len(starts) else len(text))


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
    body = BULLET.sub("", text, count=1).strip()
    return bool(_ABOUT_LINE.search(body)) and not _JOB_WORDS.search(body)
