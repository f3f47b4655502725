"""The profile lifecycle through the CLI: init, match history, progress, diff, postings, report."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careergap.cli import app, life_cmds, score_cmds  # noqa: F401  (registers match and these commands)
from careergap.store import history
from careergap.views.terminal_life import sparkline

CV = """Ada Lovelace, machine learning engineer
Skills: Python, PyTorch, SQL
2022-2025: trained models in PyTorch at Example Corp.
"""

AD = """Senior ML Platform Engineer
- Strong Python and Kubernetes experience
- Terraform is a plus
"""


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work in a fresh directory, as a person with a new profile would."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return work


def _run(runner: CliRunner, *args: str, input: str | None = None):  # noqa: ANN202
    return runner.invoke(app, list(args), input=input)


def test_sparkline_scales_to_its_own_range() -> None:
    assert sparkline([0.1, 0.2, 0.3]) == "▁▅█"
    assert sparkline([0.5, 0.5]) == "▁▁"
    assert sparkline([0.50, 0.51]) == "▁▂"  # a 1-point wobble is not a cliff
    assert sparkline([0.1, None, 0.3]) == "▁ █"
    assert sparkline([]) == ""


# --- init -----------------------------------------------------------------------------------


def test_init_writes_a_template_and_never_overwrites_without_force(
    runner: CliRunner, home: Path
) -> None:
    first = _run(runner, "init")
    assert first.exit_code == 0, first.output
    text = (home / "me.yaml").read_text(encoding="utf-8")
    assert "# Levels: 0 none, 1 aware, 2 beginner, 3 working, 4 strong, 5 expert." in text

    (home / "me.yaml").write_text("skills:\n  Python: 5\n", encoding="utf-8")
    again = _run(runner, "init")
    assert again.exit_code == 1
    assert again.stdout == ""
    assert again.stderr == (
        "error: me.yaml: already exists; not overwriting it (use --force to replace it)\n"
    )
    assert (home / "me.yaml").read_text(encoding="utf-8") == "skills:\n  Python: 5\n"

    forced = _run(runner, "init", "--force")
    assert forced.exit_code == 0
    assert (home / "me.yaml").read_text(encoding="utf-8") == text


def test_init_from_a_cv_prefills_skills_with_their_line(runner: CliRunner, home: Path) -> None:
    (home / "cv.txt").write_text(CV, encoding="utf-8")
    result = _run(runner, "init", "ada.yaml", "--from-text", "cv.txt")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Wrote ada.yaml.\nFound ")
    text = (home / "ada.yaml").read_text(encoding="utf-8")
    assert "  Python: 2  # cv.txt:2: Skills: Python, PyTorch, SQL\n" in text
    assert "  PyTorch: 2  # cv.txt:2 (also 3): Skills: Python, PyTorch, SQL\n" in text
    check = _run(runner, "validate", "ada.yaml")
    assert check.exit_code == 0, check.output


def test_init_from_a_missing_cv_is_a_clear_error(runner: CliRunner, home: Path) -> None:
    result = _run(runner, "init", "--from-text", "nope.txt")
    assert result.exit_code == 1
    assert result.stderr == "error: nope.txt: no such file\n"
    assert not (home / "me.yaml").exists()


# --- match history and progress -------------------------------------------------------------


def _profile(home: Path, body: str = "skills:\n  Python: 3\n  SQL: 2\n") -> Path:
    path = home / "me.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_match_records_a_snapshot_unless_no_record(runner: CliRunner, home: Path) -> None:
    profile = _profile(home)
    assert _run(runner, "match", "--no-record").exit_code == 0
    assert history.snapshots() == []
    result = _run(runner, "match", "--top", "1", "--json")
    assert result.exit_code == 0, result.output
    snaps = history.snapshots(profile)
    assert len(snaps) == 1
    assert snaps[0].levels == {"python": 3, "sql": 2}
    families = json.loads(_run(runner, "roles", "--json").stdout)["families"]
    assert set(snaps[0].coverages) == {f["id"] for f in families}, "--top still records all"


def test_corrupt_history_keeps_match_working_and_progress_says_how_out(
    runner: CliRunner, home: Path
) -> None:
    profile = _profile(home)
    db = history.history_path()
    db.parent.mkdir(parents=True)
    db.write_bytes(b"not a database " * 100)

    matched = _run(runner, "match")
    assert matched.exit_code == 0
    assert "Coverage is guidance" in matched.stdout
    assert matched.stderr.startswith(f"warning: history not recorded: {db}: cannot use the")

    progress = _run(runner, "progress")
    assert progress.exit_code == 1
    assert progress.stdout == ""
    assert progress.stderr == (
        f"error: {db}: cannot use the history database (file is not a database). "
        "Your profile is not affected. "
        f"Move the file aside (e.g. `mv '{db}' '{db}.broken'`) and careergap starts a new "
        "history; use `careergap match --no-record` to skip recording meanwhile.\n"
    )
    assert profile.read_text(encoding="utf-8") == "skills:\n  Python: 3\n  SQL: 2\n"
    assert db.read_bytes() == b"not a database " * 100


MATCH_IN_A_PROCESS = textwrap.dedent(
    """
    import sys, time
    start = float(sys.argv[1])
    from careergap.cli import app
    from careergap.cli import score_cmds  # noqa: F401
    while time.time() < start:
        time.sleep(0.001)
    app(["match", "--json"])
    """
)


def test_two_concurrent_match_runs_both_record(home: Path) -> None:
    import time

    profile = _profile(home)
    start = str(time.time() + 3.0)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", MATCH_IN_A_PROCESS, start],
            cwd=home,
            env=dict(os.environ),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(2)
    ]
    outcomes = [(*proc.communicate(timeout=300), proc.returncode) for proc in procs]
    for out, err, code in outcomes:
        assert code == 0, err.decode()
        assert err.decode() == ""
        assert json.loads(out)["families"]
    assert len(history.snapshots(profile)) == 2


def test_progress_json_contract(runner: CliRunner, home: Path) -> None:
    _profile(home)
    assert _run(runner, "match").exit_code == 0
    _profile(home, "skills:\n  Python: 4\n  SQL: 2\n  Kubernetes: 3\n  Docker: 3\n")
    assert _run(runner, "match").exit_code == 0

    payload = json.loads(_run(runner, "progress", "--json").stdout)
    assert payload["schema_version"] == 1
    assert [sorted(s) for s in payload["snapshots"]] == [
        ["at", "corpus", "families", "profile"]
    ] * 2
    assert payload["causes"]["corpus_change"] == "same"
    assert all(s["profile"] == str((home / "me.yaml").resolve()) for s in payload["snapshots"])
    first, last = (s["families"] for s in payload["snapshots"])
    assert last["mlops-ml-platform"] > first["mlops-ml-platform"]

    only = json.loads(_run(runner, "progress", "--role", "MLOps", "--json").stdout)
    assert [list(s["families"]) for s in only["snapshots"]] == [["mlops-ml-platform"]] * 2


def test_progress_without_history(runner: CliRunner, home: Path) -> None:
    result = _run(runner, "progress")
    assert result.exit_code == 0
    assert result.stdout == "No snapshots yet: run `careergap match` to record one.\n"
    payload = json.loads(_run(runner, "progress", "--json").stdout)
    assert payload == {"schema_version": 1, "snapshots": [], "causes": None}


def test_progress_of_another_profile_points_at_profile_option(
    runner: CliRunner, home: Path
) -> None:
    (home / "work.yaml").write_text("skills:\n  Python: 3\n", encoding="utf-8")
    assert _run(runner, "match", "work.yaml").exit_code == 0
    _profile(home)
    result = _run(runner, "progress")
    assert result.exit_code == 0
    assert result.stderr == (
        "warning: no snapshots of me.yaml yet; other profiles have some (see --profile)\n"
    )
    theirs = _run(runner, "progress", "--profile", "work.yaml", "--json")
    assert len(json.loads(theirs.stdout)["snapshots"]) == 1


def test_progress_unknown_role(runner: CliRunner, home: Path) -> None:
    result = _run(runner, "progress", "--role", "Astronaut")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: unknown role 'Astronaut'")


# --- diff -----------------------------------------------------------------------------------


def test_diff_names_changed_skills_and_their_effect(runner: CliRunner, home: Path) -> None:
    (home / "old.yaml").write_text("skills:\n  Python: 3\n  Docker: 2\n", encoding="utf-8")
    (home / "new.yaml").write_text(
        "skills:\n  Python: 4\n  Docker: 2\n  Kubernetes: 3\n", encoding="utf-8"
    )
    result = _run(runner, "diff", "old.yaml", "new.yaml", "--json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["schema_version"] == 1
    assert [(c["skill_id"], c["before"], c["after"], c["change"]) for c in payload["changes"]] == [
        ("kubernetes", 0, 3, "gained"),
        ("python", 3, 4, "up"),
    ]
    mlops = next(f for f in payload["families"] if f["id"] == "mlops-ml-platform")
    assert mlops["after"] > mlops["before"]
    assert mlops["delta"] == pytest.approx(mlops["after"] - mlops["before"], abs=2e-4)

    table = _run(runner, "diff", "old.yaml", "new.yaml")
    assert table.exit_code == 0
    assert "Kubernetes" in table.stdout
    assert "gained" in table.stdout


def test_diff_of_a_broken_profile_points_at_the_line(runner: CliRunner, home: Path) -> None:
    (home / "old.yaml").write_text("skills:\n  Python: 3\n", encoding="utf-8")
    (home / "new.yaml").write_text("skills:\n  Python: 9\n", encoding="utf-8")
    result = _run(runner, "diff", "old.yaml", "new.yaml")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: new.yaml:2: skills.Python: level must be")


# --- your own postings ----------------------------------------------------------------------


def _count(runner: CliRunner, family: str) -> int:
    roles = json.loads(_run(runner, "roles", "--json").stdout)["families"]
    return next(f["postings"] for f in roles if f["id"] == family)


def test_postings_add_counts_in_the_corpus_and_remove_takes_it_out(
    runner: CliRunner, home: Path
) -> None:
    before = _count(runner, "mlops-ml-platform")
    (home / "ad.txt").write_text(AD, encoding="utf-8")
    added = _run(runner, "postings", "add", "ad.txt", "--role", "MLOps")
    assert added.exit_code == 0, added.output
    assert "Senior ML Platform Engineer" in added.stdout
    assert "Kubernetes" in added.stdout
    assert "preferred" in added.stdout
    assert added.stderr.startswith("Saved as user-senior-ml-platform-engineer-")
    assert _count(runner, "mlops-ml-platform") == before + 1

    listed = json.loads(_run(runner, "postings", "list", "--role", "mlops", "--json").stdout)
    ids = [p["id"] for p in listed["postings"] if p["id"].startswith("user-")]
    assert len(ids) == 1

    removed = _run(runner, "postings", "remove", ids[0])
    assert removed.exit_code == 0
    assert removed.stdout == f"Removed {ids[0]}.\n"
    assert _count(runner, "mlops-ml-platform") == before


def test_postings_add_from_stdin_dry_run_saves_nothing(runner: CliRunner, home: Path) -> None:
    result = _run(
        runner, "postings", "add", "-", "--role", "mlops", "--dry-run", "--json", input=AD
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["saved"] is None
    assert {"kubernetes", "python"} <= {s["id"] for s in payload["skills"]}
    assert [ln["required"] for ln in payload["lines"]] == [True, False]
    assert result.stderr == "Dry run: nothing saved.\n"


@pytest.mark.parametrize(
    ("args", "stdin", "stderr"),
    [
        (
            ["-", "--role", "mlops-ml-platform"],
            "",
            "error: -: the posting text is empty; paste the job ad's text\n",
        ),
        (
            ["-", "--role", "mlops-ml-platform"],
            "Chef\n- pasta and dishes\n",
            "error: -: no known skills found in the posting; nothing was saved "
            "(see what careergap can read with `careergap extract FILE`)\n",
        ),
    ],
)
def test_postings_add_bad_input(
    runner: CliRunner, home: Path, args: list[str], stdin: str, stderr: str
) -> None:
    result = _run(runner, "postings", "add", *args, input=stdin)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == stderr


def test_postings_add_unknown_role(runner: CliRunner, home: Path) -> None:
    result = _run(runner, "postings", "add", "-", "--role", "MLOp", input=AD)
    assert result.exit_code == 1
    assert result.stderr.startswith("error: unknown role 'MLOp' — did you mean")


# --- report ---------------------------------------------------------------------------------


def test_report_writes_html_and_markdown(runner: CliRunner, home: Path) -> None:
    _profile(home, "name: Ada\ntarget_roles: [MLOps]\nskills:\n  Python: 3\n  Docker: 2\n")
    html = _run(runner, "report", "-o", "report.html")
    assert html.exit_code == 0, html.output
    assert html.stderr == "Wrote report.html (html).\n"
    page = (home / "report.html").read_text(encoding="utf-8")
    assert "<h1>Ada&#x27;s skill gaps</h1>" in page
    assert "<svg" in page
    assert "<script" not in page

    md = _run(runner, "report", "--format", "md")
    assert md.exit_code == 0
    assert md.stdout.startswith("# Ada's skill gaps\n")
    assert "## Top gaps for MLOps" in md.stdout


def test_report_rejects_an_unknown_format(runner: CliRunner, home: Path) -> None:
    _profile(home)
    result = _run(runner, "report", "--format", "pdf")
    assert result.exit_code == 2
    assert "'pdf' is not one of md, html" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "r.pdf"], "careergap writes reports as Markdown or HTML, not .pdf"),
        (["-o", "r.docx", "--format", "md"], "not .docx"),
        (["-o", "r.html", "--format", "md"], "--format md disagrees with the file name 'r.html'"),
        (["-o", "r.md", "--format", "html"], "--format html disagrees with the file name 'r.md'"),
    ],
)
def test_report_refuses_a_file_name_that_is_not_its_format(
    runner: CliRunner, home: Path, args: list[str], message: str
) -> None:
    """`report -o r.pdf` used to write Markdown into r.pdf."""
    _profile(home)
    result = _run(runner, "report", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert list(home.iterdir()) == [home / "me.yaml"]


@pytest.mark.parametrize(
    ("name", "start"), [("r.HTM", "<!DOCTYPE html>"), ("r.markdown", "# "), ("r", "# ")]
)
def test_report_takes_its_format_from_the_suffix(
    runner: CliRunner, home: Path, name: str, start: str
) -> None:
    _profile(home)
    result = _run(runner, "report", "-o", name)
    assert result.exit_code == 0, result.output
    assert (home / name).read_text(encoding="utf-8").startswith(start)


def test_report_refuses_html_on_a_terminal_unless_dash_o_dash(home: Path) -> None:
    """HTML is for a browser: on a terminal it needs `-o -`; piped, it is printed."""
    import pty

    _profile(home)
    command = [sys.executable, "-m", "careergap", "report", "--format", "html"]
    outputs = {}
    for extra in ([], ["-o", "-"]):
        leader, follower = pty.openpty()
        proc = subprocess.Popen([*command, *extra], stdout=follower, stderr=subprocess.PIPE)
        os.close(follower)
        chunks = []
        while True:  # read as it comes: a terminal holds only a few kB
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the terminal's other side is closed and drained
                break
            if not chunk:
                break
            chunks.append(chunk)
        os.close(leader)
        _, err = proc.communicate(timeout=120)
        outputs[tuple(extra)] = (proc.returncode, b"".join(chunks), err)
    code, out, err = outputs[()]
    assert (code, out) == (2, b"")
    assert b"write it with -o report.html (or -o - to print it anyway)" in err
    code, out, err = outputs[("-o", "-")]
    assert code == 0, err
    assert out.startswith(b"<!DOCTYPE html>")
    piped = subprocess.run(command, capture_output=True, check=False, timeout=120)
    assert piped.returncode == 0 and piped.stdout.startswith(b"<!DOCTYPE html>")


# --- the whole loop -------------------------------------------------------------------------


def test_the_loop_end_to_end(runner: CliRunner, home: Path) -> None:
    """init from a CV, match, edit, match again, progress, diff, add a posting, report."""
    (home / "cv.txt").write_text(CV, encoding="utf-8")
    assert _run(runner, "init", "--from-text", "cv.txt").exit_code == 0
    assert _run(runner, "match").exit_code == 0

    profile = home / "me.yaml"
    (home / "before.yaml").write_text(profile.read_text(encoding="utf-8"), encoding="utf-8")
    edited = profile.read_text(encoding="utf-8") + "  Kubernetes: 3\n  Docker: 3\n"
    profile.write_text(edited, encoding="utf-8")
    assert _run(runner, "match").exit_code == 0

    shown = _run(runner, "progress")
    assert shown.exit_code == 0, shown.output
    assert shown.stdout.startswith("2 snapshots from ")
    assert "Kubernetes: 0 → 3 (new)" in shown.stdout

    diff = _run(runner, "diff", "before.yaml", "me.yaml")
    assert diff.exit_code == 0
    assert "Kubernetes" in diff.stdout and "Docker" in diff.stdout

    before = _count(runner, "mlops-ml-platform")
    (home / "ad.txt").write_text(AD, encoding="utf-8")
    assert _run(runner, "postings", "add", "ad.txt", "--role", "mlops").exit_code == 0
    assert _count(runner, "mlops-ml-platform") == before + 1

    report = _run(runner, "report", "-o", "report.md")
    assert report.exit_code == 0, report.output
    text = (home / "report.md").read_text(encoding="utf-8")
    assert "## Progress" in text
    assert "Kubernetes 0 → 3" in text


SECTIONED_AD = """\
Senior ML Platform Engineer · Acme Robotics · Remote
About us
Acme Robotics is a leading robotics company. Our products power autonomous vehicles.
Requirements
- Strong Python; familiarity with Kubernetes
- Terraform is a plus
Benefits
- Vision insurance, dental and a Python lunch-and-learn budget
Equal opportunity
Acme is an equal opportunity employer and values Kafka fans regardless of race.
How to apply
Click to apply with your CV and your Docker projects.
"""


def test_postings_add_stores_demands_only_and_says_what_it_skipped(
    runner: CliRunner, home: Path
) -> None:
    (home / "ad.txt").write_text(SECTIONED_AD, encoding="utf-8")
    added = _run(runner, "postings", "add", "ad.txt", "--role", "MLOps", "--json")
    assert added.exit_code == 0, added.output
    payload = json.loads(added.stdout)
    assert [(ln["line"], ln["section"]) for ln in payload["lines"]] == [
        (5, "requirements"),
        (6, "preferred"),
    ]
    assert {s["id"] for s in payload["skills"]} == {"python", "kubernetes", "terraform"}
    reasons = {skip["line"]: skip["reason"] for skip in payload["skipped"]}
    assert reasons[1] == "the title"
    assert reasons[3] == "company prose"
    assert reasons[8] == "benefits and pay"
    assert reasons[10] == "equal-opportunity and legal text"
    assert reasons[12] == "how to apply"
    from careergap.corpus.userpostings import postings_dir

    text = (postings_dir() / f"{payload['id']}.yaml").read_text(encoding="utf-8")
    assert "Vision insurance" not in text and "equal opportunity" not in text
