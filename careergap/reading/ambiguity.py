"""Named rules for skill names that are also ordinary words, letters or other acronyms.

The extractor (:mod:`careergap.reading.extractor`) finds every candidate mention; :func:`judge`
then decides each ambiguous one from the text around it, by the named rules of
:mod:`careergap.reading.ambiguous_forms` and, for the forms the taxonomy marks
``needs_context``, by technical words nearby (:func:`rules_with_context`).

A rule can reject a mention from what comes before or after it, or from words near it (DFT
next to "Fourier"); it can also demand positive context (``needs``): a capitalised "Go" is only
the language next to "in", "written in", "developer"... or inside a list of other skills.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Mapping
from dataclasses import replace

from careergap.reading.ambiguous_forms import RULES, SINGLE_LETTER
from careergap.reading.formrule import Rule, Verdict
from careergap.reading.formrule import rx as _rx

__all__ = ["RULES", "TECHNICAL_CONTEXT", "Rule", "Verdict", "judge", "list_neighbour"]

#: Characters of context looked at on each side (within the same line).
CONTEXT_CHARS = 60
#: Characters either side searched by the ``*_near`` patterns (topic words such as "Fourier").
NEAR_CHARS = 120


# --- everyday words the taxonomy marks as needing technical context ---------------------------

#: Words that make the text around a mention technical: an everyday-word form marked
#: ``needs_context`` in skills.yaml ("optimization", "autonomy", "healthcare") counts only
#: with one of these within NEAR_CHARS on its line, or as an item in a list of other skills.
TECHNICAL_NEAR = _rx(
    r"(?i:\b(?:algorithm|model(?:s|ed|ing|ling)?\b|data(?:sets?|bases?)?\b|software|"
    r"code\b|coding|program(?:s|ming)?\b|compil|kernels?\b|[cgt]pus?\b|hardware|circuit|"
    r"chips?\b|silicon|asic|fpga|rtl\b|neural|(?:machine|deep|reinforcement|statistical|"
    r"supervised|unsupervised|representation|transfer|federated|meta|active)[\s-]+learning|"
    r"learning\s+(?:rate|algorithms?|models?)|\bml\b|\bai\b|training|inference|"
    r"statistic|numeric|convex|linear|nonlinear|stochastic|gradient|solver|simulat|"
    r"performance|latency|throughput|memory|comput|systems?\b|engineer|pipelines?\b|"
    r"sql\b|quer(?:y|ies)|cloud|distributed|network|robot|perception|planning|"
    r"control(?:s|lers?)?\b|sensors?|lidar|radar|drones?\b|uavs?\b|vehicles?\b|embedded|"
    r"firmware|apis?\b|framework|librar|analytics|analysis|heuristic|mathemat|"
    r"quantitative|imaging|genomic|bioinformatic|clinical|medical|ehrs?\b|"
    r"vba|macros?\b|pivot|formulas?\b|encryption|cryptograph|vulnerabilit|threat|"
    r"penetration|malware|exploit|attacks?\b|firewall|authentication|protocols?\b|"
    r"devices?\b|technical|technolog|scientific|research|python|java|c\+\+|matlab|"
    r"tensorflow|pytorch|cuda|linux|"
    # testing and front-end work: "unit tests with Karma and Jasmine", "Ember for the front end"
    r"unit[\s-]+tests?\b|test(?:s|ing)?[\s-]+(?:frameworks?|runners?|suites?|automation|"
    r"harness)|automated[\s-]+tests?\b|end[\s-]+to[\s-]+end|e2e\b|front[\s-]?end|back[\s-]?end|"
    r"javascript|typescript|\bjs\b|node\.?js|angular|react\b|browsers?\b|css\b|html|"
    r"web[\s-]+(?:apps?|applications?|development|services?)|mobile[\s-]+apps?|ios\b|android|"
    # operations: "operations and monitoring experience" next to the infrastructure
    r"infrastructure|devops|\bsre\b|docker|kubernetes|servers?\b|production\s+(?:systems?|"
    r"environments?|services?)|incidents?\b|uptime|alert|logging|observability|"
    r"ci\s*/\s*cd|continuous\s+(?:integration|delivery|deployment)))"
)
#: The rule for a form marked ``needs_context`` that has no named rule of its own.
TECHNICAL_CONTEXT = Rule(
    why="an everyday word that names a skill only in technical context (skills.yaml needs_context)",
    needs="always",
    accept_near=TECHNICAL_NEAR,
)


def rules_with_context(context_keys: Iterable[str]) -> dict[str, Rule]:
    """RULES plus a rule for every form key the taxonomy marks ``needs_context``.

    A marked form with a named rule keeps its rejections and must also find positive context
    (its own or TECHNICAL_NEAR); a marked form without one gets TECHNICAL_CONTEXT. The one
    place where the taxonomy's marks become rules, so new everyday-word aliases need no code.
    """
    rules = dict(RULES)
    for key in context_keys:
        named = RULES.get(key)
        if named is None:
            rules[key] = TECHNICAL_CONTEXT
            continue
        near = TECHNICAL_NEAR
        if named.accept_near is not None:
            near = _rx(f"(?:{named.accept_near.pattern})|(?:{TECHNICAL_NEAR.pattern})")
        rules[key] = replace(named, needs="always", accept_near=near)
    return rules


#: What may sit between two items of one list: "A, B", "A/B", "A and/or B", "A (B)", "A | B".
#: At least one separator is required: "beam lithography" is a compound, not a list.
_LIST_GAP = re.compile(
    r"[ \t]*(?:[,/|;&(+][ \t,/|;&()+]*(?:(?i:and/or|and|or)\b[ \t]*)?|"
    r"\)?[ \t]*(?i:and/or|and|or|as\s+well\s+as|plus)\b[ \t,/|;&()]*)"
)


def _window(text: str, start: int, end: int, size: int) -> tuple[str, str]:
    before = text[max(0, start - size) : start]
    after = text[end : end + size]
    return before[before.rfind("\n") + 1 :], after.split("\n", 1)[0]


def _rejected(rule: Rule, surface: str, before: str, after: str, near: str) -> bool:
    if rule.reject_surface and rule.reject_surface.search(surface):
        return True
    if rule.reject_before and rule.reject_before.search(before):
        return True
    if rule.reject_after and rule.reject_after.match(after):
        return True
    if any(b.search(before) and a.match(after) for b, a in rule.reject_around):
        return True
    if rule.reject_near and rule.reject_near.search(near):
        return not (rule.unless_near and rule.unless_near.search(near))
    return False


def _accepted(rule: Rule, before: str, after: str, near: str) -> bool:
    return bool(
        (rule.accept_before and rule.accept_before.search(before))
        or (rule.accept_after and rule.accept_after.match(after))
        or (rule.accept_near and rule.accept_near.search(near))
    )


def judge(
    key: str, surface: str, text: str, start: int, end: int, rules: Mapping[str, Rule] = RULES
) -> Verdict:
    """Decide one candidate mention of form ``key`` at ``text[start:end]``.

    ``rules``: RULES, or :func:`rules_with_context` for a taxonomy with marked forms.
    """
    rule = rules.get(key)
    single = len(key) == 1
    if rule is None and not single:
        return Verdict.ACCEPT
    before, after = _window(text, start, end, CONTEXT_CHARS)
    near_before, near_after = _window(text, start, end, NEAR_CHARS)
    near = f"{near_before} {near_after}"
    if single and _rejected(SINGLE_LETTER, surface, before, after, near):
        return Verdict.REJECT
    if rule is None:
        return Verdict.ACCEPT
    if _rejected(rule, surface, before, after, near):
        return Verdict.REJECT
    if before[-2:-1].isalpha() and before.endswith("-"):  # "charged-beam", "spark-ignition"
        return Verdict.REJECT
    needs_context = rule.needs == "always" or (rule.needs == "lowercase" and surface[:1].islower())
    if not needs_context or _accepted(rule, before, after, near):
        return Verdict.ACCEPT
    return Verdict.NEEDS_LIST


#: Between two capitalised names of a list whose commas were lost ("Scala Java Go",
#: "Openshift Rancher"), as in scraped or tokenised ads.
_NAME_GAP = re.compile(r"[ \t]+")


def list_neighbour(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """True if the nearest accepted mention on either side is the next item of the same list.

    ``spans`` are the accepted mentions' (start, end), sorted and non-overlapping. A run of
    names of one case with only spaces between ("Scala Java Go", "django go docker") is a list
    too when it holds at least three names; two ("Go Python") are not. A lower-case line of
    nothing but skills is a list as well (:func:`_tag_line`).
    """
    at = bisect.bisect_left(spans, (start, start))
    if at > 0 and _LIST_GAP.fullmatch(text, spans[at - 1][1], start):
        return True
    if at < len(spans) and _LIST_GAP.fullmatch(text, end, spans[at][0]):
        return True
    upper = text[start : start + 1].isupper()
    if not upper and _tag_line(text, start, end, spans, at):
        return True
    if at > 1 and _named_pair(text, spans[at - 1], (start, end), upper):
        return _named_pair(text, spans[at - 2], spans[at - 1], upper)
    if at + 1 < len(spans) and _named_pair(text, (start, end), spans[at], upper):
        return _named_pair(text, spans[at], spans[at + 1], upper)
    if at > 0 and at < len(spans) and _named_pair(text, spans[at - 1], (start, end), upper):
        return _named_pair(text, (start, end), spans[at], upper)  # "django go docker"
    return False


#: Around a tag line's items: a bullet before the first, punctuation after the last.
_TAG_LINE_EDGES = " \t-*•·>.;:,"
#: Fewest items a tag line holds: "python sql airflow"; two words ("python airflow") may be prose.
MIN_TAG_ITEMS = 3


def _tag_line(text: str, start: int, end: int, spans: list[tuple[int, int]], at: int) -> bool:
    """True when the mention's line is nothing but skills with spaces between them, at least
    :data:`MIN_TAG_ITEMS` of them: a lower-case tag line ("spring java cloud", "python sql
    airflow"), as scraped ads and stack lists give them. The mention is one item; the others
    are accepted mentions, and the items together cover the whole line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end < 0:
        line_end = len(text)
    line = text[line_start:line_end]
    first = line_start + len(line) - len(line.lstrip(_TAG_LINE_EDGES))
    last = line_start + len(line.rstrip(_TAG_LINE_EDGES))
    lo = bisect.bisect_left(spans, (first, first), 0, at)
    hi = bisect.bisect_left(spans, (last, last), at)
    items = [*spans[lo:at], (start, end), *spans[at:hi]]
    if len(items) < MIN_TAG_ITEMS or items[0][0] != first or items[-1][1] != last:
        return False
    return all(
        _NAME_GAP.fullmatch(text, one[1], two[0]) or _LIST_GAP.fullmatch(text, one[1], two[0])
        for one, two in itertools.pairwise(items)
    )


def _named_pair(
    text: str, first: tuple[int, int], second: tuple[int, int], upper: bool = True
) -> bool:
    """Two names with only spaces (or a list separator) between them, both capitalised
    (``upper``) or both lower-case, as a scraped tag run gives them ("php go python")."""
    return (
        text[first[0] : first[0] + 1].isupper() is upper
        and text[second[0] : second[0] + 1].isupper() is upper
        and bool(
            _NAME_GAP.fullmatch(text, first[1], second[0])
            or _LIST_GAP.fullmatch(text, first[1], second[0])
        )
    )
