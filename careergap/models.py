"""pydantic models for everything careergap loads from YAML. Models do no I/O."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

LEVEL_MIN = 0
LEVEL_MAX = 5
#: What each profile level means; shown in the README and in `careergap init` output.
LEVEL_NAMES = {0: "none", 1: "aware", 2: "beginner", 3: "working", 4: "strong", 5: "expert"}


class Frozen(BaseModel):
    # defer_build: each model's validator is built when it first validates, so a command
    # builds only those it uses (a cached `match` validates no posting): start-up,
    # tests/benchmarks/bench_startup.py.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


# --- taxonomy -------------------------------------------------------------------------------


class RelatedSkill(Frozen):
    """A skill that gives partial credit for another (e.g. SVA -> formal property verification)."""

    id: str
    weight: float = Field(gt=0, le=0.5)


#: What kind of thing a skill is. The first group is technical: what a person studies and
#: practises for a role, ranked as a gap. The second is everything else a posting asks for.
TECHNICAL_CATEGORIES = (
    "language",  # programming, query, hardware-description and assertion languages
    "framework",
    "library",
    "tool",  # a named software product that is not one of the more specific kinds below
    "eda-tool",  # a chip-design tool, by vendor and flow stage
    "platform",
    "cloud",  # a cloud provider or one of its services
    "database",
    "standard",  # a specification, interface protocol or file format
    "hardware",
    "instrument",  # lab equipment: oscilloscope, logic analyzer...
    "hardware-methodology",  # chip design and silicon life-cycle practice
    "method",  # a technique: gradient boosting, RAG, static timing analysis...
    "practice",  # an engineering practice: CI/CD, code review, unit testing...
    "field",  # a technical field of study: machine learning, computer architecture...
    "math",
)
NON_TECHNICAL_CATEGORIES = (
    "soft-skill",  # communication, leadership, teamwork...
    "human-language",  # English, Japanese...
    "education",  # a degree or academic credential
    "domain",  # a business or application domain: healthcare, automotive, finance...
)
SkillCategory = Literal[
    "language",
    "framework",
    "library",
    "tool",
    "eda-tool",
    "platform",
    "cloud",
    "database",
    "standard",
    "hardware",
    "instrument",
    "hardware-methodology",
    "method",
    "practice",
    "field",
    "math",
    "soft-skill",
    "human-language",
    "education",
    "domain",
]


class Skill(Frozen):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9+#.-]*$")
    name: str = Field(min_length=1)
    category: SkillCategory
    aliases: tuple[str, ...] = ()
    #: Surface forms matched only with this exact case and only as a whole token (R, C, Go, CV...).
    exact: tuple[str, ...] = ()
    #: Forms (of the name, aliases or exact) that are also everyday words ("optimization",
    #: "autonomy", "healthcare"): they count only in technical context
    #: (careergap.reading.ambiguity).
    needs_context: tuple[str, ...] = ()
    parents: tuple[str, ...] = ()
    related: tuple[RelatedSkill, ...] = ()
    #: Where the skill was taken from: ``SEEDFILE:LINE`` for a seed line, or
    #: ``onet:FILE:LINE``, ``esco:FILE:LINE``, ``skx:FILE:LINE`` for a row of an outside taxonomy
    #: (see the header of careergap/data/skills.yaml).
    sources: tuple[str, ...] = ()

    @property
    def technical(self) -> bool:
        """True for what a person studies for a role; False for soft skills, human languages,
        degrees and business domains, which scoring shows apart."""
        return self.category in TECHNICAL_CATEGORIES


# --- role families and postings -------------------------------------------------------------


class RoleFamily(Frozen):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str
    aliases: tuple[str, ...] = ()
    description: str


#: The part of a posting a line belongs to (careergap.reading.sections); only responsibilities,
#: requirements, preferred and stack lines carry demands.
PostingSection = Literal[
    "title",
    "about",
    "responsibilities",
    "requirements",
    "preferred",
    "stack",
    "benefits",
    "legal",
    "apply",
]


#: Sections whose lines state what the job needs (careergap.reading.sections reads them); the
#: title is one: "Android Software Engineer" asks for Android as plainly as a bullet does.
DEMAND_SECTIONS: frozenset[str] = frozenset(
    {"title", "responsibilities", "requirements", "preferred", "stack"}
)


class RequirementLine(Frozen):
    """One line of a posting with its seed line number, and the section it belongs to."""

    line: int = Field(ge=1)
    text: str = Field(min_length=1)
    required: bool = True
    section: PostingSection = "requirements"


#: Every posting a person stored with `postings add` has an id starting with this.
USER_POSTING_PREFIX = "user-"


class Posting(Frozen):
    id: str
    title: str
    company: str | None = None
    location: str | None = None
    families: tuple[str, ...] = Field(min_length=1)
    #: ``postings`` are real job ads; ``notes`` are topic lists from the seed notes, weighted lower.
    kind: Literal["posting", "notes"] = "posting"
    #: ``SEEDFILE:START-END`` for curated postings; a file path for a user's own postings.
    source: str
    #: Sources of re-pasted copies merged into this posting.
    duplicates: tuple[str, ...] = ()
    lines: tuple[RequirementLine, ...] = Field(min_length=1)
    #: The day the person stored it with `postings add` (None for the curated corpus).
    added: date | None = None
    #: The day the ad says it was posted, and the line of its text that says so
    #: (careergap.reading.dating); None when it states none. The seeds state none.
    posted: date | None = None
    posted_line: int | None = Field(default=None, ge=1)


# --- study resources ------------------------------------------------------------------------

ResourceKind = Literal[
    "book",
    "course",
    "lecture",
    "conference",
    "practice",
    "docs",
    "article",
    "wikipedia",
    "repository",
    "topic-notes",
]


class Resource(Frozen):
    title: str
    kind: ResourceKind
    url: str | None = None
    why: str
    #: ``SEEDFILE:LINE`` or ``SEEDFILE:START-END``.
    source: str
    #: For topic-notes: the sub-topics to study.
    topics: tuple[str, ...] = ()
