"""`careergap validate`: exit codes, stdout/stderr split, exact error lines, --strict and --json.

The taxonomy and resolver are fixtures (see test_profile) so these tests pin the command's
behaviour, not the shipped vocabulary.
"""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import pytest
from test_loader import ALIAS_BOMB, BAD_FILES
from test_profile import TAXONOMY, fake_resolve
from typer.testing import CliRunner

from careergap.cli import app


@pytest.fixture(autouse=True)
def _fixture_vocabulary(monkeypatch: pytest.MonkeyPatch) -> None:
    import careergap.reading.taxonomy

    fake_matching = types.ModuleType("careergap.reading.matching")
    fake_matching.resolve_skill = fake_resolve  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "careergap.reading.matching", fake_matching)
    monkeypatch.setattr(careergap.reading.taxonomy, "load_taxonomy", lambda *a, **k: TAXONOMY)


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str):  # noqa: ANN201 - click's Result
    return CliRunner().invoke(app, list(args))


VALID = "name: Ada\nskills:\n  Python: 4\n  PyTorch: {level: 3, since: 2024-03}\n  SQL: 2\n"


def test_valid_profile_prints_a_summary(in_tmp: Path) -> None:
    (in_tmp / "me.yaml").write_text(VALID)
    result = run("validate", "me.yaml")
    assert result.exit_code == 0
    assert result.stdout == "me.yaml: 3 skills resolved, 0 warnings\n"
    assert result.stderr == ""


def test_profile_is_discovered_when_not_given(in_tmp: Path) -> None:
    (in_tmp / "careergap.yaml").write_text("skills:\n  SQL: 1\n")
    result = run("validate")
    assert result.exit_code == 0
    assert result.stdout == "careergap.yaml: 1 skill resolved, 0 warnings\n"


def test_no_profile_anywhere_explains_how_to_make_one(in_tmp: Path) -> None:
    result = run("validate")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("error: no profile found: pass one")
    assert "careergap init" in result.stderr
    assert "Traceback" not in result.stderr


def test_warnings_go_to_stderr_and_still_exit_0(in_tmp: Path) -> None:
    (in_tmp / "me.yaml").write_text("skills:\n  Python: 4\n  Pytorh: 3\n")
    result = run("validate", "me.yaml")
    assert result.exit_code == 0
    assert result.stdout == "me.yaml: 1 skill resolved, 1 warning\n"
    assert result.stderr == (
        "warning: me.yaml:3: skills.Pytorh: unknown skill 'Pytorh' — did you mean PyTorch? "
        "(ignored)\n"
    )


def test_strict_turns_warnings_into_errors(in_tmp: Path) -> None:
    (in_tmp / "me.yaml").write_text("skills:\n  Python: 4\n  Pytorh: 3\n")
    result = run("validate", "me.yaml", "--strict")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "error: me.yaml:3: skills.Pytorh: unknown skill 'Pytorh' — did you mean PyTorch? "
        "(ignored)\n"
    )


def test_strict_passes_a_clean_profile(in_tmp: Path) -> None:
    (in_tmp / "me.yaml").write_text(VALID)
    assert run("validate", "me.yaml", "--strict").exit_code == 0


def test_every_problem_is_printed_at_once(in_tmp: Path) -> None:
    (in_tmp / "me.yaml").write_text(
        "name: Ada\nrole: ML\nskills:\n  SQL: 6\n  Python: 2.5\n  torch: 1\n  PyTorch: 2\n"
        "  Pyton: 3\n"
    )
    result = run("validate", "me.yaml")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "warning: me.yaml:7: skills.PyTorch: 'PyTorch' and 'torch' (line 6) are the same skill, "
        "PyTorch; using 'PyTorch', the higher level",
        "warning: me.yaml:8: skills.Pyton: unknown skill 'Pyton' — did you mean Python? (ignored)",
        "error: me.yaml:2: role: unknown key; expected one of: name, target_roles, "
        "recency_half_life_days, skills",
        "error: me.yaml:4: skills.SQL: level must be a whole number from 0 to 5, got 6",
        "error: me.yaml:5: skills.Python: level must be a whole number from 0 to 5, got 2.5",
    ]


#: The loader's bad files plus one only the model sees: (id, bytes, stderr after "error: me.yaml").
CLI_BAD_FILES = [*BAD_FILES, ("level as text", b"skills:\n  SQL: three\n", ":2: skills.SQL:")]


@pytest.mark.parametrize(
    ("data", "expected"), [c[1:] for c in CLI_BAD_FILES], ids=[c[0] for c in CLI_BAD_FILES]
)
def test_bad_files_exit_1_with_one_readable_message(
    in_tmp: Path, data: bytes, expected: str
) -> None:
    (in_tmp / "me.yaml").write_bytes(data)
    result = run("validate", "me.yaml")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"error: me.yaml{expected}")
    assert len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda d: d / "missing.yaml", "missing.yaml: no such file"),
        (lambda d: d, ": is a directory, not a YAML file"),
    ],
    ids=["missing path", "directory"],
)
def test_paths_that_are_not_files(in_tmp: Path, make, expected: str) -> None:  # noqa: ANN001
    result = run("validate", str(make(in_tmp)))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("error: ")
    assert result.stderr.rstrip("\n").endswith(expected)
    assert len(result.stderr.splitlines()) == 1


def test_huge_file_is_refused_fast(in_tmp: Path) -> None:
    with open(in_tmp / "me.yaml", "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    result = run("validate", "me.yaml")
    assert result.exit_code == 1
    assert (
        result.stderr == "error: me.yaml: is 52,428,800 bytes; careergap reads files up to 1 MB\n"
    )


def test_unreadable_file(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (in_tmp / "me.yaml").write_text(VALID)
    real_open = open

    def deny(file: object, *args: object, **kwargs: object) -> object:
        if str(file) == "me.yaml":
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", deny)
    result = run("validate", "me.yaml")
    assert result.exit_code == 1
    assert result.stderr == "error: me.yaml: cannot read: permission denied\n"


def test_alias_bomb_through_the_cli_is_refused(in_tmp: Path) -> None:
    (in_tmp / "me.yaml").write_text("skills: {}\n" + ALIAS_BOMB)
    result = run("validate", "me.yaml")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("error: me.yaml:3:")
    assert "aliases (*a) are not allowed" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_python_tag_never_runs(in_tmp: Path) -> None:
    marker = in_tmp / "pwned"
    (in_tmp / "me.yaml").write_text(f"skills: !!python/object/apply:os.system ['touch {marker}']\n")
    result = run("validate", "me.yaml")
    assert result.exit_code == 1
    assert result.stderr == (
        "error: me.yaml:1:9: the tag '!!python/object/apply:os.system' is not allowed\n"
    )
    assert not marker.exists()


# --- --json ---------------------------------------------------------------------------------


def test_json_for_a_valid_profile(in_tmp: Path) -> None:
    (in_tmp / "me.yaml").write_text("skills:\n  Python: 4\n  Pytorh: 3\n  k8s: {level: 2}\n")
    result = run("validate", "me.yaml", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {
        "schema_version": 1,
        "profile": "me.yaml",
        "valid": True,
        "skills": [
            {"name": "Python", "skill_id": "python", "level": 4, "line": 2},
            {"name": "k8s", "skill_id": "kubernetes", "level": 2, "line": 4},
        ],
        "problems": [
            {
                "line": 3,
                "field": "skills.Pytorh",
                "message": "unknown skill 'Pytorh' — did you mean PyTorch? (ignored)",
                "severity": "warning",
            }
        ],
    }
    assert result.stderr.startswith("warning: me.yaml:3:")


def test_json_strict_marks_warnings_as_errors(in_tmp: Path) -> None:
    (in_tmp / "me.yaml").write_text("skills:\n  Pytorh: 3\n")
    result = run("validate", "me.yaml", "--json", "--strict")
    assert result.exit_code == 1
    payload = json.loads(result.stdout)
    assert payload["valid"] is False
    assert [p["severity"] for p in payload["problems"]] == ["error"]


def test_json_for_invalid_values(in_tmp: Path) -> None:
    (in_tmp / "me.yaml").write_text("skills:\n  SQL: 9\n")
    result = run("validate", "me.yaml", "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == {
        "schema_version": 1,
        "profile": "me.yaml",
        "valid": False,
        "skills": [],
        "problems": [
            {
                "line": 2,
                "field": "skills.SQL",
                "message": "level must be a whole number from 0 to 5, got 9",
                "severity": "error",
            }
        ],
    }
    assert (
        result.stderr
        == "error: me.yaml:2: skills.SQL: level must be a whole number from 0 to 5, got 9\n"
    )


def test_json_for_an_unreadable_file(in_tmp: Path) -> None:
    (in_tmp / "me.yaml").write_text("skills:\n  SQL: 1\n  SQL: 2\n")
    result = run("validate", "me.yaml", "--json")
    assert result.exit_code == 1
    payload = json.loads(result.stdout)
    assert payload["valid"] is False
    assert [(p["line"], p["severity"]) for p in payload["problems"]] == [(3, "error")]
    assert payload["problems"][0]["message"].startswith("duplicate key 'SQL' (first on line 2)")


def test_json_output_is_deterministic(in_tmp: Path) -> None:
    (in_tmp / "me.yaml").write_text(VALID + "  Pyton: 1\n")
    assert (
        run("validate", "me.yaml", "--json").stdout == run("validate", "me.yaml", "--json").stdout
    )


def test_a_bad_file_is_reported_before_the_taxonomy_is_loaded(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import careergap.reading.taxonomy
    from careergap.errors import DataError

    def broken() -> None:
        raise DataError("skills.yaml: taxonomy file not found")

    monkeypatch.setattr(careergap.reading.taxonomy, "load_taxonomy", broken)
    (in_tmp / "me.yaml").write_text("- Python\n")
    result = run("validate", "me.yaml")
    assert result.exit_code == 1
    assert result.stderr == (
        "error: me.yaml:1: the top level is a list; expected 'key: value' lines\n"
    )


def test_help_names_the_argument_and_options() -> None:
    result = run("validate", "--help")
    assert result.exit_code == 0
    assert "Usage: careergap validate [OPTIONS] [PROFILE]" in result.stdout
    assert "--strict" in result.stdout and "--json" in result.stdout


def test_dash_reads_the_profile_from_stdin_and_names_it(in_tmp: Path) -> None:
    result = CliRunner().invoke(app, ["validate", "-"], input=VALID)
    assert (result.exit_code, result.stdout) == (0, "<stdin>: 3 skills resolved, 0 warnings\n")
    bad = "name: Ada\nskills:\n  Python: 9\n"
    result = CliRunner().invoke(app, ["validate", "-"], input=bad)
    assert result.exit_code == 1
    assert result.stderr.startswith("error: <stdin>:3: skills.Python: ")
    result = CliRunner().invoke(app, ["validate", "-", "--json"], input="")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["profile"] == "<stdin>"
    assert result.stderr == "error: <stdin>: is empty\n"
