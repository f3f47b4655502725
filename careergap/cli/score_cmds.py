"""Scoring commands: match, gaps, explain, whatif."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from careergap.cli._common import command, emit_json, load, warn
from careergap.errors import CareergapError
from careergap.files.userfiles import is_stdin

if TYPE_CHECKING:
    from careergap.engine.session import Loaded

#: Missing skills listed per family in `match`.
TOP_MISSING = 3
#: Resources shown per gap unless --all.
RESOURCES_PER_GAP = 3
#: Gaps listed by `gaps` unless --limit or --all.
DEFAULT_GAP_LIMIT = 10

PROFILE_OPTION = typer.Option(
    None,
    "--profile",
    "-p",
    help="Profile YAML ('-' reads standard input). Default: $CAREERGAP_PROFILE, ./me.yaml, "
    "./careergap.yaml, "
    "then the user config dir.",
)
POSTINGS_OPTION = typer.Option(
    None, "--postings", help="Extra folder of postings YAML to add to the corpus (repeatable)."
)
JSON_OPTION = typer.Option(False, "--json", help="Machine-readable output (see README).")
MINE_OPTION = typer.Option(
    False, "--mine", help="Score only the postings you stored with `postings add`."
)
HALF_LIFE_OPTION = typer.Option(
    None,
    "--half-life",
    min=1,
    max=36500,
    metavar="DAYS",
    help="Weigh postings by age: 0.5 ** (age / DAYS) (see README). Default: the profile's "
    "recency_half_life_days, else off.",
)


def markets(ctx: Loaded, scores: Sequence[Any] | None = None) -> dict[str, Any]:
    """Each family's sample: careergap.engine.session.markets."""
    # Imported here: the engine loads pydantic and the corpus code, which `--help` must not pay for.
    from careergap.engine.session import markets as family_markets

    return family_markets(ctx, scores)


def print_samples(
    ctx: Loaded, samples: dict[str, Any], families: Sequence[tuple[str, str]]
) -> None:
    """After a gaps or plan view: which postings it rests on, and their age."""
    # Lazy: loaded when this command runs, so start-up (`--help`) imports only cli/.
    from careergap.engine import market
    from careergap.views import terminal as render

    lines = [
        f"{name}: {text}"
        for fid, name in families
        if (text := market.market_text(samples[fid], ctx.selection.mine))
    ]
    if ctx.selection.active:
        lines.insert(0, f"Postings scored: {ctx.selection.describe()}.")
    if lines:
        render.print_notes(lines)


@command("match")
def match_cmd(
    profile_arg: Path | None = typer.Argument(
        None, metavar="PROFILE", show_default=False, help="Profile YAML; '-' reads stdin."
    ),
    profile: Path | None = PROFILE_OPTION,
    top: int | None = typer.Option(None, "--top", min=1, help="Show only the N best families."),
    role: list[str] | None = typer.Option(None, "--role", "-r", help="Only these roles."),
    postings: list[Path] | None = POSTINGS_OPTION,
    mine: bool = MINE_OPTION,
    half_life: int | None = HALF_LIFE_OPTION,
    as_json: bool = JSON_OPTION,
    no_record: bool = typer.Option(
        False, "--no-record", help="Do not add this run to your history (see `progress`)."
    ),
) -> None:
    """Rank role families by how well your profile covers what their postings ask for."""
    # Lazy: loaded when this command runs, so start-up (`--help`) imports only cli/.
    from careergap.engine import market
    from careergap.engine import questions as engine
    from careergap.views import payloads
    from careergap.views import terminal as render

    ctx = load(profile or profile_arg, postings, mine, half_life)
    only = [ctx.family_id(r) for r in role or ()]
    ranked = engine.match(ctx.ws, ctx.levels, top_gaps=TOP_MISSING)
    wanted = set(dict.fromkeys(only)) or set(ctx.ws.families)
    results = [r for r in ranked if r.score.family_id in wanted][:top]
    samples = markets(ctx, [r.score for r in ranked])
    # History snapshot for `progress` and `report` (careergap/store/history.py); a profile read from
    # standard input has no file whose progress could be followed.
    if not no_record and not is_stdin(ctx.source):
        # Lazy: loaded when this command runs, so start-up (`--help`) imports only cli/.
        from careergap.engine.session import record_snapshot

        problem = record_snapshot(
            ctx.path, ctx.ws, ctx.levels, results, list(postings or ()), ctx.selection
        )
        if problem:
            warn(problem)
    names = ctx.names
    if as_json:
        payload = payloads.match_json(str(ctx.path), results, names, TOP_MISSING)
        emit_json(market.add_to_payload(payload, samples, ctx.selection, ctx.ws))
        return
    hidden = 0
    if ctx.selection.mine:  # families none of whose postings is the person's say nothing here
        shown = [r for r in results if r.score.postings or r.score.notes]
        hidden, results = len(results) - len(shown), shown
    total = ctx.ws.scored_postings
    families = len(ctx.ws.families)
    header = f"{ctx.path}: {len(ctx.levels)} skills · {total} scored postings · {families} families"
    if ctx.selection.active:
        header += f" · {ctx.selection.describe()}"
    rows = [
        (
            str(i),
            r.score.name,
            r.score.coverage,
            f"{r.score.qualifying}/{r.score.postings}",
            render.sample(r.score.postings, r.score.notes),
            r.score.low_sample,
            ", ".join(names[g.skill_id] for g in r.gaps[:TOP_MISSING]) or "-",
            (r.score.coverage_low, r.score.coverage_high),
            (r.score.rank_score or 0.0, r.score.focus),
        )
        for i, r in enumerate(results, 1)
    ]
    first_fit = (results[0].score.rank_score or 0.0) if results else 0.0
    notes = [
        market.market_text(
            samples[r.score.family_id],
            ctx.selection.mine,
            market.solid_note_wanted(i, r.score.rank_score or 0.0, first_fit),
        )
        for i, r in enumerate(results)
    ]
    footer = market.footer(samples.values(), ctx.selection, hidden)
    render.print_match(header, rows, notes, footer)


@command("gaps")
def gaps_cmd(
    role: str | None = typer.Option(None, "--role", "-r", help="Role family (any alias)."),
    profile: Path | None = PROFILE_OPTION,
    limit: int = typer.Option(DEFAULT_GAP_LIMIT, "--limit", "-n", min=1, help="Gaps to show."),
    show_all: bool = typer.Option(False, "--all", help="Every gap and every resource."),
    postings: list[Path] | None = POSTINGS_OPTION,
    mine: bool = MINE_OPTION,
    half_life: int | None = HALF_LIFE_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Your gaps for a role, ranked by the coverage they would add, with study resources.

    Without --role: what to learn next across your target_roles (or your 3 best families).
    """
    # Lazy: loaded when this command runs, so start-up (`--help`) imports only cli/.
    from careergap.engine import market
    from careergap.engine import questions as engine
    from careergap.engine.advice import attach_resources
    from careergap.views import payloads
    from careergap.views import terminal_gaps as render_gaps

    ctx = load(profile, postings, mine, half_life)
    ranked = engine.ranked_scores(ctx.ws, ctx.levels)  # every family's: the samples need them all
    samples = markets(ctx, ranked)
    per_gap = None if show_all else RESOURCES_PER_GAP
    if role is None:
        family_ids, cross = engine.cross_gaps(ctx.ws, ctx.levels, ctx.target_family_ids())
        cross = cross if show_all else cross[:limit]
        scores = [engine.family_gaps(ctx.ws, ctx.levels, fid, ranked).score for fid in family_ids]
        resources = attach_resources(ctx.ws, [g.skill_id for g in cross], per_gap)
        # Lazy: loaded when this command runs, so start-up (`--help`) imports only cli/.
        from careergap.engine.gapdetail import cross_unlocks

        unlocked = cross_unlocks(ctx.ws, ctx.levels, cross)
        if as_json:
            payload = payloads.cross_gaps_json(scores, cross, ctx.names, resources, unlocked)
            emit_json(market.add_to_payload(payload, samples, ctx.selection, ctx.ws))
        else:
            render_gaps.print_cross_gaps(scores, cross, ctx.names, resources, unlocked)
            print_samples(ctx, samples, [(s.family_id, s.name) for s in scores])
        return
    # Lazy: loaded when this command runs, so start-up (`--help`) imports only cli/.
    from careergap.engine.gapdetail import detail_gaps

    family_id = ctx.family_id(role)
    result = engine.family_gaps(ctx.ws, ctx.levels, family_id, ranked)
    gaps = list(result.gaps if show_all else result.gaps[:limit])
    details = detail_gaps(ctx.ws, ctx.levels, family_id, gaps)
    resources = attach_resources(ctx.ws, [g.skill_id for g in gaps], per_gap)
    sources = engine.family_gap_sources(ctx.ws, ctx.levels, family_id, [g.skill_id for g in gaps])
    if as_json:
        payload = payloads.gaps_json(result, details, ctx.names, resources, sources)
        emit_json(market.add_to_payload(payload, samples, ctx.selection, ctx.ws))
    else:
        render_gaps.print_gaps(result, details, ctx.names, resources, sources)
        print_samples(ctx, samples, [(family_id, result.score.name)])


@command("explain")
def explain_cmd(
    role: str = typer.Option(..., "--role", "-r", help="Role family (any alias)."),
    skill: str | None = typer.Option(
        None, "--skill", "-s", help="Show the postings that ask for one skill."
    ),
    profile: Path | None = PROFILE_OPTION,
    postings: list[Path] | None = POSTINGS_OPTION,
    show_all: bool = typer.Option(
        False, "--all", help="Every skill asked for, also the many that earn you no credit."
    ),
    as_json: bool = JSON_OPTION,
) -> None:
    """The ledger behind a family's score: demand x weight x credit = contribution per skill."""
    # Lazy: loaded when this command runs, so start-up (`--help`) imports only cli/.
    from careergap.engine import questions as engine
    from careergap.views import payloads
    from careergap.views import terminal_explain as render_explain

    ctx = load(profile, postings)
    family_id = ctx.family_id(role)
    score, rows = engine.explain(ctx.ws, ctx.levels, family_id)
    evidence = None
    apart = None
    if skill is not None:
        skill_id = engine.resolve_skill_name(skill, ctx.ws.taxonomy)
        rows = [r for r in rows if r.skill_id == skill_id]
        apart = engine.asked_apart(ctx.ws, family_id, skill_id)
        evidence = engine.evidence_for(ctx.ws, family_id, skill_id)
        if not evidence:
            raise CareergapError(
                f"no {score.name} posting asks for {ctx.names[skill_id]}; "
                f"`careergap gaps --role {role!r}` lists what they do ask for"
            )
    implied = ctx.ws.implied(ctx.levels)
    if as_json:
        emit_json(payloads.explain_json(score, rows, ctx.names, evidence, implied, apart))
    else:
        render_explain.print_explain(score, rows, ctx.names, evidence, implied, apart, show_all)


@command("whatif")
def whatif_cmd(
    add: list[str] = typer.Option(..., "--add", "-a", help="SKILL=LEVEL, e.g. 'Kubernetes=3'."),
    profile: Path | None = PROFILE_OPTION,
    top: int | None = typer.Option(None, "--top", min=1, help="Show only the N best families."),
    postings: list[Path] | None = POSTINGS_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Families re-ranked as if your profile had these levels. Your file is not touched."""
    # Lazy: loaded when this command runs, so start-up (`--help`) imports only cli/.
    from careergap.engine import questions as engine
    from careergap.views import payloads
    from careergap.views import terminal as render

    ctx = load(profile, postings)
    changes = engine.parse_level_changes(add, ctx.ws.taxonomy)
    rows = engine.whatif(ctx.ws, ctx.levels, changes)[:top]
    if as_json:
        emit_json(payloads.whatif_json(rows, changes))
    else:
        render.print_whatif(rows, changes, ctx.levels, ctx.names)


@command("plan")
def plan_cmd(
    role: str = typer.Option(..., "--role", "-r", help="Role family (any alias)."),
    weeks: int | None = typer.Option(
        None,
        "--weeks",
        "-w",
        min=1,
        max=520,
        help="Plan only what fits in N weeks at the documented pace (see README).",
    ),
    steps: int = typer.Option(10, "--steps", min=1, help="How many steps to plan."),
    profile: Path | None = PROFILE_OPTION,
    postings: list[Path] | None = POSTINGS_OPTION,
    mine: bool = MINE_OPTION,
    half_life: int | None = HALF_LIFE_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """A study plan: the gaps worth most per week of study, prerequisites first, week by week."""
    # Lazy: loaded when this command runs, so start-up (`--help`) imports only cli/.
    from careergap.engine import market
    from careergap.engine.advice import attach_resources, study_plan
    from careergap.views import payloads
    from careergap.views import terminal_plan as render_plan

    ctx = load(profile, postings, mine, half_life)
    samples = markets(ctx)
    family_id = ctx.family_id(role)
    result, plan = study_plan(ctx.ws, ctx.levels, family_id, steps, weeks)
    resources = attach_resources(ctx.ws, [s.gap.skill_id for s in plan.steps], RESOURCES_PER_GAP)
    if as_json:
        payload = payloads.plan_json(result, plan, ctx.names, resources)
        emit_json(market.add_to_payload(payload, samples, ctx.selection, ctx.ws))
    else:
        render_plan.print_plan(result, plan, ctx.names, resources)
        print_samples(ctx, samples, [(family_id, result.score.name)])
