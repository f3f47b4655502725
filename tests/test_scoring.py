"""The scoring model on hand-computed corpora, plus hypothesis properties."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careergap.reading.requirements import Requirement
from careergap.scoring.demand import FamilyDemand, compile_family
from careergap.scoring.entries import Entry
from careergap.scoring.gaps import rank_cross_gaps, rank_gaps
from careergap.scoring.score import (
    PARTIAL_CAP,
    CreditModel,
    FamilyScore,
    ledger,
    rank_families,
    score_entry,
    score_family,
)


def req(*options: str, weight: float = 1.0, target: int = 3, line: int = 1) -> Requirement:
    return Requirement(options=options, weight=weight, target=target, line=line, text="t")


def D(entries: list[Entry]) -> FamilyDemand:  # noqa: N802 - reads as a constructor
    return compile_family(entries)


def entry(eid: str, *reqs: Requirement, kind: str = "posting") -> Entry:
    return Entry(eid, eid.upper(), kind, ("fam",), "seed.txt", reqs)  # type: ignore[arg-type]


# Posting A: python (req), tensorflow|pytorch (req), docker (preferred).
A = entry("a", req("python", line=10), req("tensorflow", "pytorch", line=11),
          req("docker", weight=0.5, line=12))  # fmt: skip
# Posting B: sql at level 4 (req), python (preferred).
B = entry("b", req("sql", target=4, line=20), req("python", weight=0.5, line=21))
PROFILE = CreditModel({"python": 3, "pytorch": 2})


def test_posting_coverage_by_hand() -> None:
    # A: (1 + 2/3 + 0 * 0.5) / 2.5 ; B: (0 + 1 * 0.5) / 1.5
    assert score_entry(A, PROFILE).coverage == pytest.approx((1 + 2 / 3) / 2.5)
    assert score_entry(B, PROFILE).coverage == pytest.approx(0.5 / 1.5)
    # Required-only coverage decides "qualifies": A (1 + 2/3) / 2 >= 0.7, B 0 / 1.
    assert score_entry(A, PROFILE).qualifies
    assert not score_entry(B, PROFILE).qualifies


def test_family_coverage_is_mean_of_postings() -> None:
    fam = score_family("fam", "Family", D([B, A]), PROFILE)
    assert fam.coverage == pytest.approx(((1 + 2 / 3) / 2.5 + 0.5 / 1.5) / 2)
    assert (fam.postings, fam.notes, fam.qualifying) == (2, 0, 1)
    assert fam.low_sample


def test_notes_weigh_half_a_posting() -> None:
    notes = entry("n", req("verilog"), kind="notes")
    fam = score_family("fam", "Family", D([A, notes]), PROFILE)
    a_cov = (1 + 2 / 3) / 2.5
    assert fam.coverage == pytest.approx((a_cov * 1 + 0 * 0.5) / 1.5)
    assert (fam.postings, fam.notes) == (1, 1)


def test_entries_without_requirements_are_not_counted() -> None:
    fam = score_family("fam", "Family", D([A, entry("empty")]), PROFILE)
    assert fam.postings == 1
    assert fam.coverage == pytest.approx((1 + 2 / 3) / 2.5)


def test_gaps_by_hand() -> None:
    gaps = rank_gaps(D([A, B]), PROFILE)
    # sql: B's whole required line (weight 1 of 1.5), B is half the family.
    # docker: 0.5 * 0.5 / 2.5; pytorch and tensorflow: the missing third of A's any-of line.
    expected = [
        ("sql", 0.5 * 1 / 1.5),
        ("docker", 0.5 * 0.5 / 2.5),
        ("pytorch", 0.5 * (1 / 3) / 2.5),
        ("tensorflow", 0.5 * (1 / 3) / 2.5),
    ]
    assert [(g.skill_id, pytest.approx(g.impact)) for g in gaps] == expected
    sql = gaps[0]
    assert (sql.have, sql.target, sql.demand) == (0, 4, 0.5)
    assert sql.evidence.source == "seed.txt:20"


def test_impact_equals_coverage_gained() -> None:
    before = score_family("fam", "F", D([A, B]), PROFILE).coverage
    for gap in rank_gaps(D([A, B]), PROFILE):
        after = score_family("fam", "F", D([A, B]), PROFILE.with_levels({gap.skill_id: 5})).coverage
        assert after - before == pytest.approx(gap.impact)


def test_ledger_sums_to_coverage_and_multiplies_out() -> None:
    rows = ledger(D([A, B]), PROFILE)
    fam = score_family("fam", "F", D([A, B]), PROFILE)
    assert sum(r.contribution for r in rows) == pytest.approx(fam.coverage)
    for row in rows:
        assert row.demand * row.weight * row.credit == pytest.approx(row.contribution)
    python = next(r for r in rows if r.skill_id == "python")
    assert python.demand == 1.0 and python.credit == 1.0


def test_partial_credit_is_capped_and_labelled() -> None:
    model = CreditModel({"docker": 5}, {"kubernetes": (("docker", 0.9),)})
    credit = model.credit(req("kubernetes"))
    assert credit.partial and credit.by == "docker" and credit.option == "kubernetes"
    assert credit.value == PARTIAL_CAP
    weak = CreditModel({"docker": 1}, {"kubernetes": (("docker", 0.3),)})
    assert weak.credit(req("kubernetes")).value == pytest.approx(0.3 * 1 / 3)
    # Direct credit wins over partial when it is larger.
    both = CreditModel({"docker": 5, "kubernetes": 3}, {"kubernetes": (("docker", 0.5),)})
    assert both.credit(req("kubernetes")).partial is False


def test_cross_gaps_sum_over_families() -> None:
    per_family = {"f1": rank_gaps(D([A]), PROFILE), "f2": rank_gaps(D([B]), PROFILE)}
    cross = rank_cross_gaps(per_family)
    assert cross[0].skill_id == "sql"
    docker = next(g for g in cross if g.skill_id == "docker")
    assert [f for f, _ in docker.families] == ["f1"]


# --- properties -----------------------------------------------------------------------------

SKILLS = ["s0", "s1", "s2", "s3", "s4", "s5"]
requirements = st.builds(
    lambda opts, w, t, line: Requirement(tuple(dict.fromkeys(opts)), w, t, line, "x"),
    st.lists(st.sampled_from(SKILLS[:5]), min_size=1, max_size=3),
    st.sampled_from([1.0, 0.5]),
    st.integers(1, 5),
    st.integers(1, 99),
)
entries = st.lists(
    st.builds(
        lambda i, reqs, kind: Entry(f"e{i}", "t", kind, ("f",), "seed", tuple(reqs)),
        st.integers(0, 10_000),
        st.lists(requirements, max_size=6),
        st.sampled_from(["posting", "notes"]),
    ),
    min_size=1,
    max_size=6,
    unique_by=lambda e: e.id,
)
levels = st.dictionaries(st.sampled_from(SKILLS[:5]), st.integers(0, 5))
partials = st.just({"s0": (("s1", 0.5),), "s2": (("s3", 0.3),)})


@settings(max_examples=200, deadline=None)
@given(entries, levels, partials)
def test_coverage_in_unit_interval(es: list[Entry], lv: dict[str, int], pm: dict) -> None:
    model = CreditModel(lv, pm)
    fam = score_family("f", "F", D(es), model)
    assert 0.0 <= fam.coverage <= 1.0
    for e in es:
        assert 0.0 <= score_entry(e, model).coverage <= 1.0


@settings(max_examples=300, deadline=None)
@given(entries, levels, partials)
def test_compiled_family_scores_like_its_postings_one_by_one(
    es: list[Entry], lv: dict[str, int], pm: dict
) -> None:
    """The compiled demand is an optimisation: coverage and "qualifies" equal the definition."""
    model = CreditModel(lv, pm)
    scored = [score_entry(e, model) for e in es if e.requirements]
    weight = sum(s.entry.weight for s in scored)
    expected = sum(s.entry.weight * s.coverage for s in scored) / weight if weight else 0.0
    fam = score_family("f", "F", D(es), model)
    assert fam.coverage == pytest.approx(expected, abs=1e-12)
    postings = [s for s in scored if s.entry.kind == "posting"]
    assert fam.postings == len(postings)
    assert fam.notes == len(scored) - len(postings)
    assert fam.qualifying == sum(1 for s in postings if s.qualifies)


@settings(max_examples=200, deadline=None)
@given(entries, levels, partials, st.sampled_from(SKILLS[:5]), st.integers(1, 5))
def test_raising_a_level_never_lowers_coverage(
    es: list[Entry], lv: dict[str, int], pm: dict, skill: str, bump: int
) -> None:
    model = CreditModel(lv, pm)
    before = score_family("f", "F", D(es), model).coverage
    raised = model.with_levels({skill: min(5, lv.get(skill, 0) + bump)})
    assert score_family("f", "F", D(es), raised).coverage >= before - 1e-12


@settings(max_examples=200, deadline=None)
@given(entries, levels, st.integers(1, 5))
def test_undemanded_skill_changes_nothing(es: list[Entry], lv: dict[str, int], lvl: int) -> None:
    model = CreditModel(lv)
    before = score_family("f", "F", D(es), model)
    after = score_family("f", "F", D(es), model.with_levels({"s5": lvl}))
    assert after.coverage == before.coverage
    assert rank_gaps(D(es), model) == rank_gaps(D(es), model.with_levels({"s5": lvl}))


@settings(max_examples=200, deadline=None)
@given(requirements, st.data())
def test_any_of_satisfied_by_any_alternative(r: Requirement, data: st.DataObject) -> None:
    option = data.draw(st.sampled_from(r.options))
    assert CreditModel({option: r.target}).credit(r).value == 1.0


@settings(max_examples=100, deadline=None)
@given(entries, levels, st.randoms(use_true_random=False))
def test_order_is_deterministic(es: list[Entry], lv: dict[str, int], rnd: random.Random) -> None:
    model = CreditModel(lv)
    shuffled = list(es)
    rnd.shuffle(shuffled)
    assert rank_gaps(D(es), model) == rank_gaps(D(shuffled), model)
    fams = [score_family(f"f{i}", f"F{i % 2}", D(es[: i + 1]), model) for i in range(len(es))]
    ranked = rank_families(fams)
    rnd.shuffle(fams)
    assert [f.family_id for f in rank_families(fams)] == [f.family_id for f in ranked]


def test_rank_families_ties_break_by_name() -> None:
    def fam(fid: str, name: str, cov: float) -> FamilyScore:
        return FamilyScore(fid, name, cov, 5, 0, 0)

    ranked = rank_families([fam("b", "Beta", 0.5), fam("a", "Alpha", 0.5), fam("c", "C", 0.9)])
    assert [f.family_id for f in ranked] == ["c", "a", "b"]


def test_gap_quotes_prefer_a_line_that_asks_for_the_skill() -> None:
    prose = Requirement(
        ("genai",), 1.0, 3, 5, "Our GenAI engine powers the best models in the world"
    )
    demand = Requirement(("genai",), 1.0, 3, 9, "Experience with GenAI techniques")
    first = Entry("a", "A", "posting", ("f",), "seed.txt", (prose, req("x"), req("y")))
    second = Entry("b", "B", "posting", ("f",), "seed.txt", (demand, req("x"), req("y")))
    (gap,) = [g for g in rank_gaps(D([first, second]), CreditModel({})) if g.skill_id == "genai"]
    assert gap.evidence.source == "seed.txt:9"


def test_gap_sources_say_when_one_posting_supplies_most_of_a_gap() -> None:
    from careergap.scoring.gaps import gap_sources

    c = entry("c", req("python"), req("docker"), req("sql"), req("spark"))
    demand = D([A, B, c])
    found = gap_sources(demand, PROFILE, ["sql", "docker", "spark"])
    # SQL is most of B (required, beside a preferred line the profile meets) and a quarter of C.
    assert found["sql"].postings == 2 and found["sql"].top_share > 0.5
    assert found["sql"].one_posting
    assert found["spark"].postings == 1 and found["spark"].top_share == pytest.approx(1.0)
    # Docker is preferred in A (0.5 of 2.5 = 20% of A) and required in C (25% of C): C supplies
    # a little over half of it.
    a_share, c_share = 0.5 / 2.5, 1 / 4
    assert found["docker"].top_share == pytest.approx(c_share / (a_share + c_share))
    assert found["docker"].one_posting


def test_apart_skills_are_never_gaps_but_stay_in_demand() -> None:
    soft = entry("s", req("python"), req("communication"), req("sql"))
    demand = compile_family([soft], frozenset({"communication"}))
    assert demand.also_asked() == [("communication", 1.0)]
    gaps = rank_gaps(demand, CreditModel({}))
    assert "communication" not in {g.skill_id for g in gaps}
    # Coverage counts the two technical asks only.
    assert score_family("f", "F", demand, CreditModel({"python": 3})).coverage == pytest.approx(0.5)


def test_gaps_one_posting_supplies_come_after_the_ones_the_family_shares() -> None:
    """The formal-verification case: one short ad asks for OCaml, which then outweighs what
    every posting asks for; it is listed after the shared gaps, and says "(1 posting)"."""
    from careergap.scoring.gaps import TIER_ONE_POSTING, TIER_SHARED, TIER_WEAK

    odd = entry("odd", req("ocaml"), req("sva"))
    long_ads = [
        entry(
            f"p{i}",
            req("sva"),
            req("cdc"),
            req("python"),
            req("tcl"),
            req("uvm"),
            req("c"),
            req("git"),
        )
        for i in range(3)
    ]
    note = entry("n", req("sva"), req("formal"), kind="notes")
    model = CreditModel({"sva": 3, "python": 3, "tcl": 3, "uvm": 3, "c": 3, "git": 3})
    gaps = rank_gaps(D([odd, *long_ads, note]), model)
    by_id = {g.skill_id: g for g in gaps}
    assert by_id["ocaml"].impact > by_id["cdc"].impact  # half of one posting, a seventh of 3
    assert [g.skill_id for g in gaps] == ["cdc", "ocaml", "formal"]
    assert [g.tier for g in gaps] == [TIER_SHARED, TIER_ONE_POSTING, TIER_WEAK]
    # An umbrella whose level the profile's own skills show goes last too.
    inferred = rank_gaps(D([odd, *long_ads, note]), model, shown={"cdc"})
    assert [g.skill_id for g in inferred] == ["ocaml", "cdc", "formal"]
    # `match` asks for the first few only: the same gaps, in the same order, as the full list's.
    for limit in (0, 1, 2, 5):
        first = rank_gaps(D([odd, *long_ads, note]), model, shown={"cdc"}, limit=limit)
        assert first == inferred[:limit]


def test_cross_gaps_keep_the_tier_of_the_family_they_weigh_most_in() -> None:
    from careergap.scoring.gaps import TIER_ONE_POSTING, TIER_SHARED, Gap

    def gap(skill: str, impact: float, tier: int) -> Gap:
        return Gap(skill, impact, 0.1, 0, 3, None, tier)  # type: ignore[arg-type]

    per_family = {
        "mle": [gap("genai", 0.02, TIER_SHARED), gap("tts", 0.001, TIER_SHARED)],
        "mlops": [gap("tts", 0.03, TIER_ONE_POSTING), gap("genai", 0.01, TIER_SHARED)],
    }
    ranked = rank_cross_gaps(per_family)
    # Text-to-speech weighs more in all, but nearly all of it is one MLOps posting's.
    assert [(g.skill_id, g.tier) for g in ranked] == [("genai", 0), ("tts", TIER_ONE_POSTING)]
    assert ranked[1].impact > ranked[0].impact


def test_one_posting_gaps_that_more_postings_ask_for_come_first() -> None:
    """In a small family, a gap two postings ask for comes before one that one posting asks for
    with more weight: one odd ad's skills do not crowd out what others repeat."""
    from careergap.scoring.gaps import TIER_ONE_POSTING

    odd = entry("odd", req("ocaml"), req("sva"))
    two = entry("two", req("ml"), req("sva"), req("x1"), req("x2"), req("x3"), req("x4"))
    other = entry("other", req("ml"), req("sva"), req("y1"), req("y2"))
    model = CreditModel({"sva": 3, **{f"x{i}": 3 for i in range(1, 5)}, "y1": 3, "y2": 3})
    gaps = {g.skill_id: g for g in rank_gaps(D([odd, two, other]), model)}
    assert gaps["ocaml"].impact > gaps["ml"].impact
    assert gaps["ml"].tier == gaps["ocaml"].tier == TIER_ONE_POSTING
    order = [g.skill_id for g in rank_gaps(D([odd, two, other]), model)]
    assert order.index("ml") < order.index("ocaml")


def test_another_familys_specialty_comes_after_what_this_family_shares() -> None:
    """Computer vision in a few MLOps postings, asked for in most vision postings: listed after
    the MLOps family's shared gaps, however much it weighs here."""
    from careergap.scoring.gaps import TIER_ELSEWHERE, TIER_SHARED, TIER_WEAK, is_elsewhere

    mine = ("k8s", "terraform", "python", "a", "b", "c")
    ads = [entry(f"p{i}", *(req(s) for s in mine)) for i in range(5)]
    ads += [entry(f"cv{i}", req("cv"), req("python")) for i in range(2)]
    model = CreditModel({"python": 3, "a": 3, "b": 3, "c": 3})
    elsewhere = {"cv": 0.9, "k8s": 0.2, "terraform": 0.1}
    gaps = rank_gaps(D(ads), model, elsewhere=elsewhere)
    assert [(g.skill_id, g.tier) for g in gaps] == [
        ("k8s", TIER_SHARED),
        ("terraform", TIER_SHARED),
        ("cv", TIER_ELSEWHERE),
    ]
    # Without another family asking for it three times as often, it ranks by impact as before.
    plain = rank_gaps(D(ads), model, elsewhere={"cv": 0.5})
    assert [(g.skill_id, g.tier) for g in plain][0] == ("cv", TIER_SHARED)
    # A skill most of the family asks for is its own, whatever other families do.
    assert not is_elsewhere(0.5, 1.0) and is_elsewhere(0.2, 0.6)
    # An umbrella the profile shows still goes last, after another family's specialty.
    shown = rank_gaps(D(ads), model, shown={"k8s"}, elsewhere=elsewhere)
    assert [(g.skill_id, g.tier) for g in shown][-1] == ("k8s", TIER_WEAK)


def test_a_near_equivalent_skill_within_a_level_makes_a_gap_weak() -> None:
    """Data structures 3 beside an ask for algorithms at 4: the taxonomy relates them at the
    full partial weight, so the gap is listed last; at level 1 it is a real gap."""
    from careergap.scoring.gaps import TIER_SHARED, TIER_WEAK

    ads = [entry(f"p{i}", req("algo", target=4), req("go")) for i in range(3)]
    sources = {"algo": (("ds", PARTIAL_CAP),)}
    near = rank_gaps(D(ads), CreditModel({"ds": 3}, sources))
    assert [(g.skill_id, g.tier) for g in near] == [("go", TIER_SHARED), ("algo", TIER_WEAK)]
    far = rank_gaps(D(ads), CreditModel({"ds": 1}, sources))
    assert {g.skill_id: g.tier for g in far}["algo"] == TIER_SHARED


def test_a_credential_counts_in_coverage_but_is_never_a_gap() -> None:
    """Research experience: a research family asks for it, so it counts in coverage, but no study
    plan closes it, so it is never listed as a gap."""
    ads = [entry(f"p{i}", req("research"), req("pytorch"), req("python")) for i in range(3)]
    model = CreditModel({"python": 3})
    assert {g.skill_id for g in rank_gaps(D(ads), model)} == {"research", "pytorch"}
    assert {g.skill_id for g in rank_gaps(D(ads), model, never={"research"})} == {"pytorch"}
    with_record = CreditModel({"python": 3, "research": 3})
    assert score_family("f", "F", D(ads), with_record).coverage == pytest.approx(2 / 3)
