"""``careergap skills`` and ``careergap extract``: tables, --json contracts and input errors.

Most tests pin the small fixture taxonomy so their expectations do not move with the shipped data;
one test checks the real packaged taxonomy end to end.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careergap.cli import app
from careergap.files.escaping import for_json
from careergap.files.paths import data_file
from careergap.reading.taxonomy import Taxonomy, load_taxonomy

FIXTURE = Path(__file__).parent / "fixtures" / "taxonomy_small.yaml"

POSTING = """\
Senior ML Engineer

  We use C/C++ and Python every day.
Send your CV to jobs@example.com
Experience with PyTorch or TensorFlow; Python tooling.
"""


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def small(monkeypatch: pytest.MonkeyPatch) -> Taxonomy:
    taxonomy = load_taxonomy(FIXTURE)
    monkeypatch.setattr("careergap.reading.taxonomy.load_taxonomy", lambda path=None: taxonomy)
    return taxonomy


@pytest.fixture
def posting(tmp_path: Path) -> Path:
    path = tmp_path / "posting.txt"
    path.write_text(POSTING, encoding="utf-8")
    return path


# --- skills ---------------------------------------------------------------------------------


def test_skills_json_lists_every_skill_sorted_by_id(runner: CliRunner, small: Taxonomy) -> None:
    result = runner.invoke(app, ["skills", "--json"])
    assert result.exit_code == 0
    assert result.stderr == ""
    payload = json.loads(result.stdout)
    assert payload["schema_version"] == 1
    ids = [s["id"] for s in payload["skills"]]
    assert ids == sorted(small.skills)
    go = next(s for s in payload["skills"] if s["id"] == "go")
    assert go == {"id": "go", "name": "Go", "category": "language", "aliases": ["Golang", "Go"]}


def test_skills_query_ranks_the_exact_hit_first(runner: CliRunner, small: Taxonomy) -> None:
    result = runner.invoke(app, ["skills", "verilog", "--json", "--limit", "2"])
    assert result.exit_code == 0
    assert [s["id"] for s in json.loads(result.stdout)["skills"]] == ["verilog", "sva"]


def test_skills_table(runner: CliRunner, small: Taxonomy) -> None:
    result = runner.invoke(app, ["skills", "pytorch"])
    assert result.exit_code == 0
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0].strip() == "Skills matching 'pytorch'"
    assert lines[2].split() == ["┃", "id", "┃", "name", "┃", "category", "┃", "aliases", "┃"]
    assert lines[4].split()[:4] == ["│", "pytorch", "│", "PyTorch"]


def test_skills_without_a_hit_says_so_on_stderr(runner: CliRunner, small: Taxonomy) -> None:
    result = runner.invoke(app, ["skills", "zzqqxx"])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == "no skill matches 'zzqqxx'\n"
    empty = runner.invoke(app, ["skills", "zzqqxx", "--json"])
    assert json.loads(empty.stdout) == {"schema_version": 1, "skills": []}


def test_skills_limit_must_be_positive(runner: CliRunner, small: Taxonomy) -> None:
    result = runner.invoke(app, ["skills", "--limit", "0"])
    assert result.exit_code == 2
    assert result.stdout == ""


def test_skills_lists_the_packaged_taxonomy(runner: CliRunner) -> None:
    if not data_file("skills.yaml").is_file():
        pytest.skip("careergap/data/skills.yaml is not written yet")
    result = runner.invoke(app, ["skills", "--json"])
    assert result.exit_code == 0, result.stderr
    ids = [s["id"] for s in json.loads(result.stdout)["skills"]]
    assert ids == sorted(load_taxonomy().skills)


# --- extract --------------------------------------------------------------------------------


def test_extract_json_lists_skills_with_their_lines(
    runner: CliRunner, small: Taxonomy, posting: Path
) -> None:
    result = runner.invoke(app, ["extract", str(posting), "--json"])
    assert result.exit_code == 0
    assert result.stderr == ""
    payload = json.loads(result.stdout)
    assert payload["schema_version"] == 1
    assert payload["source"] == str(posting)
    assert [s["id"] for s in payload["skills"]] == [
        "c",
        "cpp",
        "machine-learning",
        "python",
        "pytorch",
        "tensorflow",
    ]
    python = next(s for s in payload["skills"] if s["id"] == "python")
    assert python == {
        "id": "python",
        "name": "Python",
        "mentions": [
            {
                "line": 3,
                "text": "We use C/C++ and Python every day.",
                "section": "requirements",
                "demand": True,
            },
            {
                "line": 5,
                "text": "Experience with PyTorch or TensorFlow; Python tooling.",
                "section": "requirements",
                "demand": True,
            },
        ],
    }


def test_extract_json_is_laid_out_as_json_dumps(
    runner: CliRunner, small: Taxonomy, tmp_path: Path
) -> None:
    # The JSON is spelled out by hand for speed: its bytes must stay what json.dumps prints.
    path = tmp_path / 'ad "quoted".txt'
    path.write_text('Python\tand "TensorFlow"\\ \u2028 Zoë\nRust\n\nnothing\n', encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--json"])
    assert result.exit_code == 0
    assert result.stderr == ""
    payload = json.loads(result.stdout)
    assert [(s["id"], [m["line"] for m in s["mentions"]]) for s in payload["skills"]] == [
        ("python", [1]),
        ("rust", [2]),
        ("tensorflow", [1]),
    ]
    assert payload["skills"][0]["mentions"][0]["text"] == 'Python\tand "TensorFlow"\\ \u2028 Zoë'
    assert result.stdout == for_json(json.dumps(payload, indent=2, ensure_ascii=False)) + "\n"
    assert "\\u2028" in result.stdout  # kept, but not raw: a terminal may act on it


def test_extract_json_without_skills(runner: CliRunner, small: Taxonomy) -> None:
    result = runner.invoke(app, ["extract", "-", "--json"], input="Go above and beyond.\n")
    assert result.exit_code == 0
    assert result.stderr == ""
    assert json.loads(result.stdout) == {"schema_version": 1, "source": "-", "skills": []}


def test_extract_json_to_a_stream_without_a_byte_buffer(
    small: Taxonomy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from careergap.cli.taxonomy_cmds import extract

    text_only = io.StringIO()  # no .buffer: the UTF-8 pieces are decoded and written as text
    path = tmp_path / "cv.txt"
    path.write_text("Zoë writes Rust\n", encoding="utf-8")
    monkeypatch.setattr("sys.stdout", text_only)
    extract(str(path), as_json=True)
    assert json.loads(text_only.getvalue())["skills"] == [
        {
            "id": "rust",
            "name": "Rust",
            "mentions": [
                {"line": 1, "text": "Zoë writes Rust", "section": "requirements", "demand": True}
            ],
        }
    ]


def test_extract_table(runner: CliRunner, small: Taxonomy, posting: Path) -> None:
    result = runner.invoke(app, ["extract", str(posting)])
    assert result.exit_code == 0
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0].strip() == f"6 skills in {posting}"
    assert "mentions" in lines[2] and "first line" in lines[2]
    python_row = next(line for line in lines if "│ Python " in line)
    assert python_row.split("│")[2].strip() == "2"
    assert "3: We use C/C++ and Python every day." in python_row


def test_extract_reads_stdin(runner: CliRunner, small: Taxonomy) -> None:
    result = runner.invoke(app, ["extract", "-", "--json"], input="Rust and Go\n")
    assert result.exit_code == 0
    payload = json.loads(result.stdout)
    assert payload["source"] == "-"
    assert [s["id"] for s in payload["skills"]] == ["go", "rust"]


def test_extract_without_skills(runner: CliRunner, small: Taxonomy) -> None:
    result = runner.invoke(app, ["extract", "-"], input="Go above and beyond.\n")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == "no known skills found in -\n"


@pytest.mark.parametrize("text", ["", "  \n\t\n"])
def test_extract_of_empty_stdin_is_an_error(runner: CliRunner, small: Taxonomy, text: str) -> None:
    """Text that names no skill is exit 0 (above); no text at all is a mistake worth saying."""
    result = runner.invoke(app, ["extract", "-", "--json"], input=text)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == "error: <stdin>: is empty; there is no text to find skills in\n"


def test_extract_a_missing_file(runner: CliRunner, small: Taxonomy, tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    result = runner.invoke(app, ["extract", str(missing)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"error: {missing}: no such file\n"


def test_extract_a_directory(runner: CliRunner, small: Taxonomy, tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr == f"error: {tmp_path}: is a directory, not a text file\n"


def test_extract_non_utf8(runner: CliRunner, small: Taxonomy, tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Python café".encode("latin-1"))
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: {path}:1:11: is not valid UTF-8: byte 0xe9 at byte offset 10; "
        "save the file as UTF-8\n"
    )


def test_extract_too_large(
    runner: CliRunner, small: Taxonomy, posting: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("careergap.engine.texts.MAX_TEXT_BYTES", 10)
    result = runner.invoke(app, ["extract", str(posting)])
    assert result.exit_code == 1
    size = posting.stat().st_size
    assert (
        result.stderr
        == f"error: {posting}: is {size:,} bytes; careergap reads files up to 10 bytes\n"
    )
    stdin = runner.invoke(app, ["extract", "-"], input="x" * 11)
    assert stdin.exit_code == 1
    assert (
        stdin.stderr == "error: <stdin>: is larger than 10 bytes; careergap reads up to 10 bytes\n"
    )


def test_extract_needs_a_source(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract"])
    assert result.exit_code == 2
    assert result.stdout == ""
