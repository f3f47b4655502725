"""Mentions that name colleagues, not what the job needs.

"Work closely with product management", "partner with data scientists", "planning for the
Text-To-Speech core engineering team", "a group of engineers, product managers and designers":
the skill names other people or their team. Read inside the mention's clause
(:mod:`careergap.reading.clauses`); a way of working is still a demand ("join our agile team").
"""

from __future__ import annotations

import re

#: Working with someone: what follows names colleagues when a people word comes after it.
_WITH_PEOPLE_BEFORE = re.compile(
    r"(?:\b(?:work(?:s|ed|ing)?|collaborat\w*|partner(?:s|ed|ing)?|liais\w*|interfac\w*|"
    r"coordinat\w*|engag\w*|align\w*|team(?:s|ed|ing)?(?:\s+up)?|cooperat\w*|consult\w*|"
    r"communicat\w*|sync\w*)\s+(?:[\w-]+\s+){0,2}?(?:with|alongside)|\balongside|"
    r"\b(?:used|built|owned|run|operated|maintained)\s+by\s+(?:our|the|other)|"
    r"\bin\s+partnership\s+with|\btogether\s+with|\bsupport(?:s|ing)?\s+(?:our|the)|"
    r"\b(?:part\s+of|join(?:s|ing)?|member\s+of)\s+(?:our|the|a|an)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:team|group)\s+of|"
    # "we are a team of ML researchers", "the group is a diverse team of silicon design engineers"
    r"\b(?:is|are)\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:team|group|community|mix|crew)\s+of|"
    r"\bin\s+conjunction\s+with|"
    # a team's name: "join our Data & Analytics team", "a member of our Software Engineering Group"
    r"\b(?:part\s+of|join(?:s|ing)?|member\s+of)\s+(?:our|the|a|an)(?=\s))"
    r"\s+(?:[\w/+&-]+,?\s+){0,6}$",
    re.IGNORECASE,
)
#: A team named for whom the work is done: "planning for the Text-To-Speech core engineering
#: team", "alignment across Speech teams" (only with a people word after the mention).
_FOR_TEAM_BEFORE = re.compile(
    r"(?<!looking )(?<!searching )(?<!seeking )(?<!hiring )"
    r"\b(?:for|across|within|among|between)(?:\s+(?:the|our|a|an|other|all|multiple|several|"
    r"various|partner|sister))?\s+(?:[\w/+&-]+,?\s+){0,6}$",
    re.IGNORECASE,
)
#: ...and a group after the mention: a team, or people in the plural ("planning for the TTS core
#: team", "tools for machine learning engineers"), never the one person being hired.
_GROUP_AFTER = re.compile(
    r"^[\s-]*(?:(?:and|or)\s+)?(?:(?!(?:for|with|and|or|to|in|of|on|at|by|from|as)\b)[\w-]+\s+){0,2}"
    r"(?:teams?|groups?|orgs?|organi[sz]ations?|departments?|functions|partners|clients|customers|"
    r"users|stakeholders|colleagues|engineers|scientists|researchers|developers|designers|"
    r"analysts|architects)\b",
    re.IGNORECASE,
)
#: How a team works, not who it is: "join our agile team" asks for Agile.
_WAY_OF_WORKING = re.compile(r"(?i:agile|scrum|kanban|lean)\b")
_PEOPLE = (
    r"teams?|engineers?|scientists?|researchers?|managers?|management|leads?|leaders?|"
    r"leadership|stakeholders?|partners?|colleagues|counterparts|designers?|analysts?|"
    r"architects?|developers?|experts?|specialists?|groups?|organi[sz]ations?|orgs?|peers|"
    r"folks|practitioners|owners?|functions?|departments?|staff|people|personnel|customers|"
    r"clients|users|solvers|thinkers|builders|innovators|professionals|individuals|talents?|"
    r"enthusiasts|minds"
)
#: A run of people nouns: "a group of engineers product managers designers SRE network QA and
#: support specialists" names colleagues, each item of it too.
_PEOPLE_LIST_BEFORE = re.compile(
    rf"\b(?:group|team|teams|community|mix|crew)\s+of\s+(?:[\w/-]+\s+){{0,3}}?(?:{_PEOPLE})"
    rf"\s+(?:[\w/-]+\s+){{0,8}}$",
    re.IGNORECASE,
)
_PEOPLE_LIST_AFTER = re.compile(
    rf"^\s*(?:,\s*|[\w/-]+,?\s+){{0,4}}?(?:and\s+)?(?:[\w-]+\s+)?(?:{_PEOPLE})\b",
    re.IGNORECASE,
)
#: A people word right after the mention, at most two words on ("data science teams", "ML
#: engineers", "Text-To-Speech core engineering team")...
_PEOPLE_AFTER = re.compile(
    rf"^[\s-]*(?:(?:and|or)\s+)?"
    rf"(?:(?!(?:for|with|and|or|to|in|of|on|at|by|from|as)\b)[\w-]+\s+){{0,2}}"
    rf"(?:{_PEOPLE})\b",
    re.IGNORECASE,
)
#: ...or the mention itself names people ("product management", "data scientists").
_PEOPLE_SURFACE = re.compile(rf"\b(?:{_PEOPLE})$", re.IGNORECASE)

#: Cue words (:func:`careergap.reading.linecues.cue_words`) of the tests: a line without a
#: group word holds no people list, one without a colleague word no colleague...
_GROUP_WORDS = frozenset("group team teams community mix crew".split())
COLLEAGUE_WORDS = frozenset(
    "with alongside support supports supporting part join joins joining member group team teams "
    "community mix crew for across within among between".split()
)
#: ...and a line without a people word names nobody (the gate of the fast path).
PEOPLE_WORDS = frozenset(
    word + plural
    for word in (
        "team engineer scientist researcher manager lead leader stakeholder partner colleague "
        "counterpart designer analyst architect developer expert specialist group organization "
        "organisation org peer owner function department practitioner folk customer client user "
        "solver thinker builder innovator professional individual talent enthusiast mind"
    ).split()
    for plural in ("", "s")
) | {"management", "leadership", "staff", "people", "personnel"}


def names_colleagues(
    text: str, start: int, end: int, before: str, after: str, words: frozenset[str]
) -> bool:
    """Whether the mention at ``text[start:end]`` names colleagues: ``before`` and ``after``,
    its clause on either side; ``words``, the line's cue words."""
    if (
        not words.isdisjoint(_GROUP_WORDS)
        and " of " in before
        and _PEOPLE_LIST_AFTER.match(after)
        and _PEOPLE_LIST_BEFORE.search(before)
        and not _WAY_OF_WORKING.match(text, start, end)
    ):
        return True
    return bool(
        not words.isdisjoint(COLLEAGUE_WORDS)
        and not _WAY_OF_WORKING.match(text, start, end)
        and (
            # The anchored tests after the mention first: they rarely pass, the searches of
            # everything before it are the slow part.
            (
                (_PEOPLE_AFTER.match(after) or _PEOPLE_SURFACE.search(text[start:end]))
                and _WITH_PEOPLE_BEFORE.search(before)
            )
            or (_GROUP_AFTER.match(after) and _FOR_TEAM_BEFORE.search(before))
        )
    )
