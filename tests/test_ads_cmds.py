"""`postings add` on a folder of 50 real saved ads, run as the installed `careergap` command.

The fixture folder (tests/fixtures/ads, written by tests/fixtures/make_ads.py) holds 46 real ads
as text, Markdown and HTML, 3 re-posts of them, one ad saved in Windows-1252 and a stylesheet.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from careergap.errors import CareergapError

ADS = Path(__file__).resolve().parent / "fixtures" / "ads"
GOLD = Path(__file__).resolve().parent / "gold"
CAREERGAP = Path(sys.executable).with_name("careergap")


def careergap(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CAREERGAP_TODAY": "2026-12-03"}
    return subprocess.run(
        [str(CAREERGAP), *args], capture_output=True, text=True, env=env, timeout=300, check=False
    )


def stored_dir() -> Path:
    return Path(os.environ["CAREERGAP_HOME"]) / "data" / "postings"


def test_a_folder_of_fifty_ads_goes_in_with_one_command_and_a_second_run_adds_nothing() -> None:
    assert len([p for p in ADS.rglob("*") if p.suffix in (".txt", ".md", ".html")]) == 50
    first = careergap("postings", "add", str(ADS), "--role", "data-engineer", "--json")
    assert first.returncode == 1, first.stderr  # a file was refused: bad input, the rest stored
    assert first.stderr.splitlines()[-1] == (
        "error: 2 files refused (see the table); the others were handled"
    )
    report = json.loads(first.stdout)
    assert report["schema_version"] == 1
    assert report["summary"] == {
        "files": 50,
        "added": 45,
        "duplicates": 3,
        "refused": 2,
        "other_files": 1,
    }
    by_name = {Path(f["path"]).name: f for f in report["files"]}
    # every re-post names the posting it repeats: the ad it was saved from
    added_from = {Path(f["path"]).stem: f["id"] for f in report["files"] if f["status"] == "added"}
    for repost, original, how in (
        ("skillspan-tech-dev-14-saved-again.html", "skillspan-tech-dev-14", "same text"),
        ("skillspan-tech-dev-19-copy.txt", "skillspan-tech-dev-19", "same text"),
        ("skillspan-tech-dev-28-reposted.md", "skillspan-tech-dev-28", "near-identical"),
    ):
        assert by_name[repost]["status"] == "duplicate"
        assert by_name[repost]["duplicate_of"]["id"] == added_from[original]
        assert by_name[repost]["match"].startswith(how)
    assert by_name["skillspan-tech-train-26-cp1252.txt"]["reason"].startswith(
        "line 7: is not valid UTF-8: byte 0x80"
    )
    assert by_name["skillspan-tech-train-33.txt"]["reason"].startswith(
        "no known skills found in the posting"
    )
    # each added ad is stored whole: its YAML and its text, nothing half-written
    folder = stored_dir()
    assert len(list(folder.glob("*.yaml"))) == len(list(folder.glob("*.txt"))) == 45
    assert not [p for p in folder.iterdir() if p.suffix not in (".yaml", ".txt")]
    # dates: the day it was added, and the date the ad states (SkillSpan ads: "Date posted:")
    for entry in report["files"]:
        if entry["status"] != "added":
            continue
        assert entry["added"] == "2026-12-03"
        gold_id = Path(entry["path"]).stem
        half = "seed" if gold_id.startswith("seed-") else "outside"
        text = yaml.safe_load((GOLD / half / f"{gold_id}.yaml").read_text())["text"]
        stated = text.split("Date posted: ", 1)[1][:10] if "Date posted: " in text else None
        assert entry["posted"] == stated, gold_id
    # a web page is stored as the ad's text, without the page's furniture
    page = by_name["seed-000-L107.html"]["id"]
    text = (folder / f"{page}.txt").read_text()
    assert "Software/Data Engineer - AI Cognition" in text
    assert "Job board" not in text and "dataLayer" not in text and "Search" not in text

    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    second = careergap("postings", "add", str(ADS), "--role", "data-engineer")
    assert second.returncode == 1
    assert (
        "50 files: 0 added, 48 duplicates, 2 refused (1 other file in the folders not read: "
        "not .txt, .md or .html)." in " ".join(second.stdout.split())
    )
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_one_ad_that_repeats_a_stored_one_is_refused_by_name() -> None:
    ad = ADS / "skillspan" / "other" / "skillspan-tech-dev-14.txt"
    assert careergap("postings", "add", str(ad), "--role", "data-engineer").returncode == 0
    repost = ADS / "skillspan" / "reposts" / "skillspan-tech-dev-14-saved-again.html"
    again = careergap("postings", "add", str(repost), "--role", "data-engineer")
    assert again.returncode == 1
    stored_id = next(stored_dir().glob("*.yaml")).stem
    assert again.stderr.startswith("error: ")
    assert f"duplicate of your posting {stored_id} (Senior Embedded Systems" in again.stderr
    assert again.stderr.rstrip().endswith("same text; nothing was saved")


def test_title_is_for_one_ad_only_and_a_dry_run_stores_nothing() -> None:
    refused = careergap("postings", "add", str(ADS / "seeds"), "-r", "mlops", "--title", "X")
    assert refused.returncode == 2
    assert "--title names one ad" in refused.stderr
    dry = careergap("postings", "add", str(ADS / "seeds"), "-r", "mlops", "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    assert json.loads(dry.stdout)["summary"]["added"] == 11
    assert not stored_dir().exists()


DV_ADS = Path(__file__).resolve().parent / "fixtures" / "dv-ads"
DV_PERSONA = Path(__file__).resolve().parent / "personas" / "design-verification.yaml"


def test_with_mine_ranking_and_gaps_come_only_from_own_postings(tmp_path: Path) -> None:
    profile = tmp_path / "arjun.yaml"  # a copy: history is filed by the profile's path
    profile.write_bytes(DV_PERSONA.read_bytes())
    for folder, role in (
        ("design-verification", "dv"),
        ("formal-verification", "formal-verification"),
    ):
        added = careergap("postings", "add", str(DV_ADS / folder), "--role", role)
        assert added.returncode == 0, added.stderr
    ranked = json.loads(careergap("match", str(profile), "--mine", "--json").stdout)
    assert ranked["selection"] == {"mine": True, "half_life_days": None, "scored_postings": 4}
    sampled = {f["id"]: f["postings"] for f in ranked["families"] if f["postings"]}
    assert sampled == {"design-verification": 1, "formal-verification": 3}
    assert all(f["own_postings"] == f["postings"] for f in ranked["families"])
    assert ranked["families"][0]["id"] in sampled  # ranked on own postings, before the empty ones
    fv = next(f for f in ranked["families"] if f["id"] == "formal-verification")
    assert fv["more_postings_needed"] > 0
    assert fv["add_command"] == "careergap postings add ADS/ --role formal-verification"

    own_dir = str(stored_dir())
    for mine in (True, False):
        args = ["gaps", "-p", str(profile), "--role", "formal-verification", "--all", "--json"]
        gaps = json.loads(careergap(*args, *(["--mine"] if mine else [])).stdout)["gaps"]
        sources = {g["quote"]["source"] for g in gaps if g["quote"]}
        from_own = {s for s in sources if s.startswith(own_dir)}
        if mine:
            assert sources and from_own == sources  # every quote is from the person's own ads
        else:
            assert from_own != sources  # the curated corpus speaks too

    text = careergap("match", str(profile), "--mine", "--no-record")
    assert "19 more families have no posting of yours" in " ".join(text.stdout.split())
    assert "only your postings (--mine)" in " ".join(text.stdout.split())
    careergap("match", str(profile))  # the whole corpus, recorded too
    snapshots = json.loads(careergap("progress", "-p", str(profile), "--json").stdout)["snapshots"]
    stamps = [s["corpus"] for s in snapshots]
    assert [(s["mine"], s["postings"]) for s in stamps] == [
        (True, 4),
        (False, stamps[1]["postings"]),
    ]
    assert stamps[0]["fingerprint"] != stamps[1]["fingerprint"]


def test_mine_without_postings_of_ones_own_says_how_to_add_them() -> None:
    result = careergap("match", str(DV_PERSONA), "--mine", "--no-record")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        "error: --mine: you have stored no postings of your own yet; add the ads you collect "
        "with `careergap postings add FOLDER --role ROLE`\n"
    )


def test_half_life_from_the_option_or_the_profile(tmp_path: Path) -> None:
    profile = tmp_path / "me.yaml"
    profile.write_text(DV_PERSONA.read_text() + "recency_half_life_days: 730\n")
    by_profile = json.loads(careergap("match", str(profile), "--no-record", "--json").stdout)
    assert by_profile["selection"]["half_life_days"] == 730
    by_option = careergap("match", str(profile), "--half-life", "90", "--no-record", "--json")
    assert json.loads(by_option.stdout)["selection"]["half_life_days"] == 90
    bad = tmp_path / "bad.yaml"
    bad.write_text(DV_PERSONA.read_text() + "recency_half_life_days: 0\n")
    refused = careergap("validate", str(bad))
    assert refused.returncode == 1
    assert "recency_half_life_days" in refused.stdout + refused.stderr


def test_a_failure_mid_batch_leaves_the_postings_stored_before_it_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The third posting's YAML cannot be written (a full disk): the two before it are stored
    whole, the third leaves nothing behind, the table says so, and a second run adds the rest."""
    from typer.testing import CliRunner

    from careergap.cli import app
    from careergap.corpus import userpostings

    real_write = userpostings.write_text_atomic
    yamls: list[Path] = []

    def failing_write(path: Path, text: str) -> None:
        if path.suffix == ".yaml":
            yamls.append(path)
            if len(yamls) == 3:
                raise CareergapError(f"{path}: cannot write: No space left on device")
        real_write(path, text)

    monkeypatch.setattr(userpostings, "write_text_atomic", failing_write)
    folder = ADS / "skillspan" / "data"
    result = CliRunner().invoke(app, ["postings", "add", str(folder), "-r", "data-engineer"])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: stopped: ")
    assert "No space left on device" in result.stderr
    assert "run the same command again to add the rest" in " ".join(result.stderr.split())
    assert "not stored:" in result.stdout
    stored = sorted(p.name for p in stored_dir().iterdir())
    assert len(stored) == 4  # two postings, each its YAML and its text; nothing of the third
    assert {p.rsplit(".", 1)[0] for p in stored} == {p.stem for p in yamls[:2]}

    monkeypatch.setattr(userpostings, "write_text_atomic", real_write)
    again = CliRunner().invoke(app, ["postings", "add", str(folder), "-r", "data-engineer"])
    summary = " ".join(again.stdout.split())
    assert "7 files: 4 added, 2 duplicates, 1 refused." in summary, summary
