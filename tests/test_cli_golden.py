"""Exact text of every command at 80 and 120 columns, compared byte for byte with a golden
file under tests/golden/ (``NO_COLOR=1``, ``COLUMNS`` fixed, output piped).

When a change of yours alters what careergap prints, regenerate and review:

    pytest tests/test_cli_golden.py --update-goldens && git diff tests/golden

Each golden file holds the command line, the exit code, stdout and stderr. The corpus and
taxonomy are the shipped ones (no command can be pointed at a smaller one), so a change to
the data or to scoring shows up here as a diff to read, which is the point.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careergap.cli import app

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).resolve().parent / "golden"
WIDTHS = (80, 120)
#: Today's date in a report, replaced so that a golden file does not age.
DATE = re.compile(r"\b20\d\d-\d\d-\d\d\b")

AD = """Senior ML Platform Engineer
We build the platform our data scientists ship models on.
Requirements:
- 5+ years of Python and strong experience with Kubernetes and Docker
- Experience with Apache Spark or Kafka is a plus
"""
OLD_PROFILE = "name: Ada\nskills:\n  Python: 3\n  SQL: 2\n"
NEW_PROFILE = "name: Ada\nskills:\n  Python: 4\n  SQL: 2\n  Docker: 2\n  AMBA AXI: 1\n"

#: name -> (arguments, standard input). Paths are relative to a work folder that holds
#: profiles/ (the shipped examples), old.yaml, new.yaml and ad.txt.
CASES: dict[str, tuple[list[str], str | None]] = {
    "help": (["--help"], None),
    "match": (["match", "profiles/ml-engineer.yaml", "--top", "4", "--no-record"], None),
    "match-stdin": (["match", "-", "--top", "2", "--role", "mle", "--role", "mlops"], NEW_PROFILE),
    "gaps-role": (["gaps", "-p", "profiles/data-engineer.yaml", "--role", "de", "-n", "3"], None),
    "gaps-targets": (["gaps", "-p", "profiles/ml-engineer.yaml", "-n", "3"], None),
    "explain": (["explain", "-p", "profiles/eda-developer.yaml", "--role", "eda"], None),
    "explain-skill": (
        ["explain", "-p", "profiles/ml-engineer.yaml", "--role", "mle", "--skill", "Kubernetes"],
        None,
    ),
    "whatif": (["whatif", "-p", "old.yaml", "--add", "Kubernetes=3", "--top", "4"], None),
    "plan": (["plan", "-p", "profiles/data-engineer.yaml", "--role", "de", "--steps", "3"], None),
    "validate": (["validate", "new.yaml"], None),
    "validate-bad": (["validate", "-"], "skills:\n  Python: 9\n  Pytorh: 2\n"),
    "resources": (["resources", "kafka"], None),
    "resources-unknown": (["resources", "qwzxv"], None),
    "skills-query": (["skills", "verilog", "--limit", "5"], None),
    "extract": (["extract", "ad.txt"], None),
    "roles": (["roles"], None),
    "init": (["init", "mine.yaml", "--from-text", "ad.txt"], None),
    "progress-empty": (["progress", "-p", "old.yaml"], None),
    "diff": (["diff", "old.yaml", "new.yaml"], None),
    "report": (["report", "old.yaml"], None),
    "report-pdf": (["report", "old.yaml", "-o", "r.pdf"], None),
    "postings-list": (["postings", "list", "--role", "formal verification"], None),
    "postings-show": (["postings", "show", "p-002-00776"], None),
    "postings-add": (["postings", "add", "-", "--role", "mlops", "--dry-run"], AD),
    "postings-remove-unknown": (["postings", "remove", "u-nothing"], None),
    "corpus-build-help": (["corpus", "build", "-h"], None),
}


@pytest.fixture(scope="module")
def shared_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One user home for the module: the compiled corpus is cached once, not per case."""
    return tmp_path_factory.mktemp("golden-home")


@pytest.fixture
def work(tmp_path: Path, shared_home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    (tmp_path / "profiles").symlink_to(ROOT / "profiles")
    (tmp_path / "old.yaml").write_text(OLD_PROFILE, encoding="utf-8")
    (tmp_path / "new.yaml").write_text(NEW_PROFILE, encoding="utf-8")
    (tmp_path / "ad.txt").write_text(AD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CAREERGAP_HOME", str(shared_home))
    monkeypatch.setenv("NO_COLOR", "1")
    yield tmp_path


def _transcript(args: list[str], stdin: str | None, width: int) -> str:
    result = CliRunner().invoke(app, args, input=stdin, env={"COLUMNS": str(width)})
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return (
        f"$ careergap {shlex.join(args)}" + (" < stdin" if stdin is not None else "") + "\n"
        f"[exit {result.exit_code}]\n"
        f"--- stdout\n{DATE.sub('YYYY-MM-DD', result.stdout)}"
        f"--- stderr\n{result.stderr}"
    )


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", sorted(CASES))
def test_output_matches_its_golden_file(
    name: str, width: int, work: Path, request: pytest.FixtureRequest
) -> None:
    args, stdin = CASES[name]
    got = _transcript(args, stdin, width)
    golden = GOLDEN / f"{name}.{width}.txt"
    if request.config.getoption("--update-goldens"):
        golden.write_text(got, encoding="utf-8")
        return
    assert golden.is_file(), f"no {golden.name}: run pytest {__file__} --update-goldens"
    expected = golden.read_text(encoding="utf-8")
    assert got == expected, (
        f"{name} at {width} columns differs from {golden.relative_to(ROOT)}; if the change is "
        "intended: pytest tests/test_cli_golden.py --update-goldens && git diff tests/golden"
    )


def test_every_command_has_a_golden_case() -> None:
    """A new command needs its golden case: the list is checked against the app's commands."""
    from typer.main import get_command

    group = get_command(app)
    commands = set()
    for name, cmd in group.commands.items():  # type: ignore[attr-defined]
        subs = getattr(cmd, "commands", None)
        commands |= {f"{name} {sub}" for sub in subs} if subs else {name}
    covered = {
        " ".join(a for a in args[:2] if not a.startswith("-") and "/" not in a and "." not in a)
        for args, _ in CASES.values()
    }
    covered |= {c.split()[0] for c in covered if c}
    assert commands <= covered, sorted(commands - covered)


def test_golden_output_fits_its_width_without_trailing_spaces() -> None:
    """Results (stdout) fit the width, but for a URL, which runs past the edge whole rather
    than be split; messages on stderr are single lines, as error lines are."""
    for path in sorted(GOLDEN.glob("*.txt")):
        width = int(path.suffixes[-2].lstrip("."))
        text = path.read_text(encoding="utf-8")
        stdout = text[text.index("--- stdout\n") : text.rindex("--- stderr\n")]
        for number, line in enumerate(text.splitlines(), 1):
            assert line == line.rstrip(" "), f"{path.name}:{number}: trailing spaces"
        if path.name.startswith("report."):
            continue  # Markdown for a file, not a terminal: its table rows cannot wrap
        for line in stdout.splitlines():
            if "://" not in line:
                assert len(line) <= width, f"{path.name}: {len(line)} > {width}: {line}"
