"""The skill taxonomy: loading, validation and the graph questions (parents, related, ancestors).

The packaged ``careergap/data/skills.yaml`` is a list of :class:`careergap.models.Skill`. It is
validated once per process: unique ids, no two skills sharing a surface form after folding,
and every ``parents``/``related`` reference pointing at a real skill without cycles. Any
inconsistency is a :class:`DataError` naming the skill, because a broken taxonomy silently
mis-scores every posting.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, get_args

from pydantic import ValidationError

from careergap.errors import DataError
from careergap.files import compiled
from careergap.files.modelfile import read_model
from careergap.files.paths import data_file
from careergap.models import NON_TECHNICAL_CATEGORIES, RelatedSkill, Skill, SkillCategory
from careergap.reading.folding import fold

#: File name of the packaged taxonomy inside ``careergap/data``.
SKILLS_FILE = "skills.yaml"
#: How a person reads each non-technical category (models.NON_TECHNICAL_CATEGORIES): a posting
#: asks for these, but coverage and gaps leave them out and views list them as "also asked".
APART_LABELS = {
    "soft-skill": "soft skill",
    "human-language": "language",
    "education": "education",
    "domain": "domain",
}
#: Kinds shown apart that still count in coverage: a credential (a research or publication
#: record, a degree) is asked for as skills are and says which family a person is in, but no
#: study plan closes it, so it is never a gap (scoring.gaps.rank_gaps ``never``).
CREDENTIAL_KINDS = frozenset({"education"})
#: A taxonomy's folded names and its folded aliases, each form -> skill id (Taxonomy.folded_names).
FoldedNames = tuple[dict[str, str], dict[str, str]]


#: Categories whose skills name a field, method, practice or domain rather than a tool: in a
#: posting's title or its product prose they name the role or the product, not a demand.
BROAD_CATEGORIES = frozenset(
    {
        "field",
        "domain",
        "method",
        "practice",
        "math",
        "soft-skill",
        "education",
        "hardware-methodology",
    }
)


#: What a skill's place in the taxonomy depends on: its name, category, parents and related
#: skills ((id, weight), ...), the facts every scoring command reads about every skill.
Facts = tuple[str, str, tuple[str, ...], tuple[tuple[str, float], ...]]


class Taxonomy:
    """Canonical skills by id (insertion-sorted by id) and the relations between them."""

    def __init__(self, skills: Iterable[Skill], source: str = "<memory>"):
        self.source = source
        #: The content key of the file it was read from (careergap.files.compiled), None in memory.
        self.key: str | None = None
        ordered = sorted(skills, key=lambda s: s.id)
        found: dict[str, Skill] = {}
        for skill in ordered:
            if skill.id in found:
                raise DataError(f"{source}: skill {skill.id!r}: duplicate id")
            found[skill.id] = skill
        self.skills: Mapping[str, Skill] = found
        self._facts: dict[str, Facts] = {
            s.id: (s.name, s.category, s.parents, tuple((r.id, r.weight) for r in s.related))
            for s in found.values()
        }
        _check_references(self._facts, source)
        _check_forms(found, source)
        self._folded: FoldedNames | None = None
        self._umbrellas: frozenset[str] | None = None
        _check_cycles(self, source)

    @classmethod
    def checked_before(
        cls,
        skills: Mapping[str, Skill],
        facts: dict[str, Facts],
        source: str,
        key: str,
        folded: FoldedNames,
        umbrellas: frozenset[str],
    ) -> Taxonomy:
        """A taxonomy read back from its compiled form (:func:`load_taxonomy`): skills in id
        order whose forms were checked, and folded, when it was written, with its umbrella
        skills; references and cycles, which a hand edit could break, are checked again."""
        self = cls.__new__(cls)
        self.source, self.key, self.skills, self._folded = source, key, skills, folded
        self._facts, self._umbrellas = facts, umbrellas
        _check_references(facts, source)
        _check_cycles(self, source)
        return self

    def folded_names(self) -> FoldedNames:
        """(folded name or id -> id, folded alias or exact form -> id): what an exact lookup of
        a typed name reads (careergap.reading.matching.name_index). Kept in the compiled
        taxonomy: folding every form of every skill cost a scoring command ~5% of its start-up
        (tests/benchmarks/bench_startup.py)."""
        if self._folded is None:
            names: dict[str, str] = {}
            aliases: dict[str, str] = {}
            for skill in self.skills.values():
                names.setdefault(fold(skill.name), skill.id)
                for form in (*skill.aliases, *skill.exact):
                    aliases.setdefault(fold(form), skill.id)
            for skill_id in self.skills:  # ids are typed too ("pytorch"); a real form wins
                key = fold(skill_id)
                if key not in names and key not in aliases:
                    names[key] = skill_id
            self._folded = (names, aliases)
        return self._folded

    def __len__(self) -> int:
        return len(self.skills)

    def __iter__(self) -> Iterator[Skill]:
        return iter(self.skills.values())

    def __contains__(self, skill_id: object) -> bool:
        return skill_id in self.skills

    def get(self, skill_id: str) -> Skill | None:
        """The skill with this id, or None."""
        return self.skills.get(skill_id)

    @functools.cached_property
    def broad_ids(self) -> frozenset[str]:
        """Ids of the skills in BROAD_CATEGORIES."""
        return frozenset(sid for sid, f in self._facts.items() if f[1] in BROAD_CATEGORIES)

    def name(self, skill_id: str) -> str:
        """Display name of a skill; the id itself when unknown (so messages never crash)."""
        facts = self._facts.get(skill_id)
        return facts[0] if facts else skill_id

    def names(self) -> dict[str, str]:
        """Every skill's display name by id, in id order (read without building the skills)."""
        return {sid: facts[0] for sid, facts in self._facts.items()}

    def categories(self) -> dict[str, str]:
        """Every skill's category by id, in id order."""
        return {sid: facts[1] for sid, facts in self._facts.items()}

    def relations(self) -> Iterator[tuple[str, tuple[str, ...], tuple[tuple[str, float], ...]]]:
        """Each skill's id, parents and related skills ((id, weight), ...), in id order: what
        partial credit is made of (careergap.store.workspace.partial_sources)."""
        for sid, (_name, _category, parents, related) in self._facts.items():
            yield sid, parents, related

    def parents(self, skill_id: str) -> tuple[str, ...]:
        """Direct parents as listed in the data."""
        facts = self._facts.get(skill_id)
        return facts[2] if facts else ()

    def children(self, skill_id: str) -> list[str]:
        """Skills that list ``skill_id`` as a parent, sorted by id."""
        return [sid for sid, facts in self._facts.items() if skill_id in facts[2]]

    def related(self, skill_id: str) -> list[tuple[str, float]]:
        """Related skills with their partial-credit weight, both directions, best first.

        A relation is symmetric (knowing SVA helps with formal verification and vice versa);
        when both directions are listed the larger weight wins. Ties break by id.
        """
        return list(self._related.get(skill_id, ()))

    @functools.cached_property
    def _related(self) -> dict[str, tuple[tuple[str, float], ...]]:
        return _symmetric_related(self._facts)

    def ancestors(self, skill_id: str) -> list[str]:
        """Parents, grandparents...: breadth first, nearest first, each once."""
        seen: list[str] = []
        frontier = list(self.parents(skill_id))
        while frontier:
            nxt: list[str] = []
            for sid in frontier:
                if sid not in seen and sid != skill_id:
                    seen.append(sid)
                    nxt.extend(self.parents(sid))
            frontier = nxt
        return seen


def apart_kinds(taxonomy: Taxonomy) -> dict[str, str]:
    """Skill id -> "soft skill", "language", "education" or "domain", each non-technical skill."""
    return {
        sid: APART_LABELS.get(category, category)
        for sid, category in taxonomy.categories().items()
        if category in NON_TECHNICAL_CATEGORIES
    }


def load_taxonomy(path: Path | None = None) -> Taxonomy:
    """Load and validate a taxonomy (the packaged one by default); cached per process."""
    resolved = (path or data_file(SKILLS_FILE)).resolve()
    return _load_cached(resolved)


@functools.lru_cache(maxsize=8)
def _load_cached(path: Path) -> Taxonomy:
    try:
        key = compiled.content_key(path.read_bytes())
    except FileNotFoundError:
        raise DataError(f"{path}: taxonomy file not found") from None
    except OSError as exc:
        raise DataError(f"{path}: cannot read taxonomy: {exc.strerror or exc}") from None
    stored = _from_body(compiled.read(compiled.TAXONOMY_KIND, key), str(path), key)
    if stored is not None:
        return stored
    taxonomy = Taxonomy(read_model(path, list[Skill], trusted=True), str(path))
    taxonomy.key = key
    names, aliases = taxonomy.folded_names()
    body = {
        "skills": _rows(taxonomy),
        "names": names,
        "aliases": aliases,
        "umbrellas": sorted(umbrella_skills(taxonomy)),
    }
    compiled.write(compiled.TAXONOMY_KIND, key, body)
    return taxonomy


#: A compiled row: id, name, category, aliases, exact, needs_context, parents, related
#: ([[id, weight], ...]) and sources, in the order of the Skill model's fields.
_CATEGORIES = frozenset(get_args(SkillCategory))


def _rows(taxonomy: Taxonomy) -> list[list[Any]]:
    """The compiled form of a checked taxonomy: one row per skill, in id order."""
    return [
        [
            s.id,
            s.name,
            s.category,
            list(s.aliases),
            list(s.exact),
            list(s.needs_context),
            list(s.parents),
            [[r.id, r.weight] for r in s.related],
            list(s.sources),
        ]
        for s in taxonomy.skills.values()
    ]


def _from_body(body: Any, source: str, key: str) -> Taxonomy | None:
    """The taxonomy from its compiled form (its skills' rows and folded names), or None when
    it is not what :func:`_load_cached` writes (then the file is re-read from YAML and the
    compiled form rewritten).

    The body's digest matched (careergap.files.compiled), so it is what careergap wrote from a
    checked taxonomy, and its values are not type-checked again one by one (as the compiled
    corpus, careergap.store.cache_codec); what a hand edit that redid the digest could break
    and would make answers loop or crash is checked: the layout, each category, the id order,
    references and parent cycles. Each skill's model is built from its row when first asked
    for (:class:`CompiledSkills`): a scoring command reads the names and relations of every
    skill but the whole record of only a few.
    """
    try:
        rows, names, aliases = body["skills"], body["names"], body["aliases"]
        umbrellas = frozenset(body["umbrellas"])
        by_id: dict[str, list[Any]] = {}
        facts: dict[str, Facts] = {}
        for row in rows:
            sid, name, category, _aliases, _exact, _needs, parents, related, _sources = row
            if not (name and category in _CATEGORIES):
                return None
            by_id[sid] = row
            facts[sid] = (name, category, tuple(parents), tuple(map(tuple, related)))
        if type(names) is not dict or type(aliases) is not dict:
            return None
    except (KeyError, TypeError, ValueError):
        return None
    if len(by_id) != len(rows) or list(by_id) != sorted(by_id):
        return None
    try:
        return Taxonomy.checked_before(
            CompiledSkills(by_id), facts, source, key, (names, aliases), umbrellas
        )
    except (DataError, TypeError, AttributeError):
        return None


class CompiledSkills(Mapping[str, Skill]):
    """A compiled taxonomy's skills by id (in id order), each :class:`Skill` built from its row
    on first use. The rows were checked when they were written: constructed, not re-validated."""

    def __init__(self, rows: dict[str, list[Any]]):
        self._rows = rows
        self._built: dict[str, Skill] = {}

    def __getitem__(self, skill_id: str) -> Skill:
        skill = self._built.get(skill_id)
        if skill is None:
            sid, name, category, aliases, exact, needs, parents, related, sources = self._rows[
                skill_id
            ]
            skill = self._built[skill_id] = Skill.model_construct(
                id=sid,
                name=name,
                category=category,
                aliases=tuple(aliases),
                exact=tuple(exact),
                needs_context=tuple(needs),
                parents=tuple(parents),
                related=tuple(RelatedSkill.model_construct(id=r, weight=w) for r, w in related),
                sources=tuple(sources),
            )
        return skill

    def __contains__(self, skill_id: object) -> bool:
        return skill_id in self._rows

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


def taxonomy_from_data(raw: Any, source: str) -> Taxonomy:
    """Build a Taxonomy from parsed YAML (a list of skill mappings), naming the bad entry."""
    if not isinstance(raw, list):
        raise DataError(f"{source}: expected a list of skills, got {type(raw).__name__}")
    skills: list[Skill] = []
    for index, entry in enumerate(raw):
        label = entry.get("id", f"#{index + 1}") if isinstance(entry, dict) else f"#{index + 1}"
        try:
            skills.append(Skill.model_validate(entry))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "entry"
            raise DataError(f"{source}: skill {label!r}: {where}: {first['msg']}") from None
    return Taxonomy(skills, source)


def surface_forms(skill: Skill) -> list[str]:
    """Every way the data says a skill may be written: name, aliases and exact forms."""
    return [skill.name, *skill.aliases, *skill.exact]


def _check_references(facts: Mapping[str, Facts], source: str) -> None:
    for sid, (_name, _category, parents, related) in facts.items():
        for parent in parents:
            if parent not in facts:
                raise DataError(f"{source}: skill {sid!r}: unknown parent {parent!r}")
            if parent == sid:
                raise DataError(f"{source}: skill {sid!r}: is its own parent")
        for rel_id, _weight in related:
            if rel_id not in facts:
                raise DataError(f"{source}: skill {sid!r}: unknown related skill {rel_id!r}")
            if rel_id == sid:
                raise DataError(f"{source}: skill {sid!r}: is related to itself")


def _check_forms(skills: dict[str, Skill], source: str) -> None:
    """Two skills must never share a surface form after folding, or a name would be ambiguous."""
    owner: dict[str, str] = {}
    for skill in skills.values():
        for form in surface_forms(skill):
            key = fold(form)
            if not key:
                raise DataError(
                    f"{source}: skill {skill.id!r}: form {form!r} is empty after folding"
                )
            other = owner.setdefault(key, skill.id)
            if other != skill.id:
                raise DataError(
                    f"{source}: skill {skill.id!r}: form {form!r} collides with skill {other!r}"
                )
        forms = {fold(form) for form in surface_forms(skill)}
        for form in skill.needs_context:
            if fold(form) not in forms:
                raise DataError(
                    f"{source}: skill {skill.id!r}: needs_context form {form!r} is not one of "
                    "its name, aliases or exact forms"
                )


def _symmetric_related(facts: Mapping[str, Facts]) -> dict[str, tuple[tuple[str, float], ...]]:
    best: dict[str, dict[str, float]] = {}
    for sid, (_name, _category, _parents, related) in facts.items():
        for rel_id, weight in related:
            for a, b in ((sid, rel_id), (rel_id, sid)):
                row = best.setdefault(a, {})
                row[b] = max(row.get(b, 0.0), weight)
    return {
        sid: tuple(sorted(row.items(), key=lambda kv: (-kv[1], kv[0])))
        for sid, row in sorted(best.items())
    }


def _check_cycles(taxonomy: Taxonomy, source: str) -> None:
    """A parent cycle would make every 'learn the prerequisite first' plan loop forever."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    for root in taxonomy.skills:
        if state.get(root):
            continue
        stack: list[tuple[str, Iterator[str]]] = [(root, iter(taxonomy.parents(root)))]
        state[root] = 1
        while stack:
            node, parents = stack[-1]
            nxt = next(parents, None)
            if nxt is None:
                state[node] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                raise DataError(f"{source}: skill {nxt!r}: parent cycle through {node!r}")
            elif not state.get(nxt):
                state[nxt] = 1
                stack.append((nxt, iter(taxonomy.parents(nxt))))


#: An ancestor of more than this share of all skills (computer science, engineering
#: fundamentals...) is too broad to stand in for any one of them, so it never lends...
UMBRELLA_SHARE = 0.2
#: ...as long as it covers at least this many skills (small taxonomies have no umbrellas).
UMBRELLA_MIN = 50


@functools.lru_cache(maxsize=4)
def umbrella_skills(taxonomy: Taxonomy) -> frozenset[str]:
    """Skills so broad (ancestors of a large share of the taxonomy) that they stand for no one
    skill: they lend no study resources and are no one's prerequisite in a plan. Kept in the
    compiled taxonomy: counting every skill's ancestors cost `gaps` and `plan` ~7 ms a run."""
    if taxonomy._umbrellas is not None:
        return taxonomy._umbrellas
    descendants: dict[str, int] = {}
    for sid in taxonomy.skills:
        for ancestor in taxonomy.ancestors(sid):
            descendants[ancestor] = descendants.get(ancestor, 0) + 1
    limit = max(UMBRELLA_MIN, UMBRELLA_SHARE * len(taxonomy.skills))
    return frozenset(sid for sid, n in descendants.items() if n > limit)


def specific_ancestors(taxonomy: Taxonomy, skill_id: str) -> list[str]:
    """A skill's ancestors, nearest first, without the umbrella skills."""
    umbrellas = umbrella_skills(taxonomy)
    return [a for a in taxonomy.ancestors(skill_id) if a not in umbrellas]
