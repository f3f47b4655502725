"""init: a commented profile that parses, CV skills with their lines, no silent overwrite."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from careergap.errors import CareergapError
from careergap.files.loader import read_user_yaml
from careergap.reading import initprofile
from careergap.reading.initprofile import FoundSkill, render_profile, skills_in_text, write_profile

NAMES = {"python": "Python", "sql": "SQL", "docker": "Docker", "csharp": "C#", "yes": "yes"}


@dataclass(frozen=True)
class _Mention:
    skill_id: str
    surface: str


def _find(line: str) -> list[_Mention]:
    """A stand-in extractor: whole-word, case-insensitive names."""
    return [
        _Mention(sid, m.group(0))
        for sid, name in NAMES.items()
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", line, re.IGNORECASE)
    ]


CV = """Ada Lovelace
Data engineer, 2021-2025

Built pipelines in Python and SQL on Docker.
Reporting in SQL for finance.
"""


def test_skills_in_text_keep_first_line_and_list_the_others() -> None:
    found = skills_in_text(CV, _find, NAMES)
    assert [(f.skill_id, f.line, f.also) for f in found] == [
        ("docker", 4, ()),
        ("python", 4, ()),
        ("sql", 4, (5,)),
    ]
    assert found[0].text == "Built pipelines in Python and SQL on Docker."


def test_template_without_cv_parses_and_explains_levels(tmp_path: Path) -> None:
    text = render_profile()
    assert "# Levels: 0 none, 1 aware, 2 beginner, 3 working, 4 strong, 5 expert." in text
    path = tmp_path / "me.yaml"
    path.write_text(text, encoding="utf-8")
    assert read_user_yaml(path).data == {"skills": None}


def test_cv_skills_are_prefilled_at_level_2_with_their_line(tmp_path: Path) -> None:
    found = skills_in_text(CV, _find, NAMES)
    text = render_profile(found, cv_name="cv.txt")
    assert "  SQL: 2  # cv.txt:4 (also 5): Built pipelines in Python and SQL on Docker.\n" in text
    path = tmp_path / "me.yaml"
    path.write_text(text, encoding="utf-8")
    assert read_user_yaml(path).data["skills"] == {"Docker": 2, "Python": 2, "SQL": 2}


def test_awkward_names_are_quoted_so_they_stay_text(tmp_path: Path) -> None:
    found = [
        FoundSkill("yes", "yes", 1, "x"),
        FoundSkill("csharp", "C#", 2, "y"),
        FoundSkill("odd", "Key: value", 3, "z"),
        FoundSkill("num", "3", 4, "w"),
    ]
    path = tmp_path / "me.yaml"
    path.write_text(render_profile(found, name="Ada", target_roles=["ML Engineer"]), "utf-8")
    data = read_user_yaml(path).data
    assert data["skills"] == {"yes": 2, "C#": 2, "Key: value": 2, "3": 2}
    assert data["name"] == "Ada"
    assert data["target_roles"] == ["ML Engineer"]


def test_long_cv_lines_are_shortened_in_comments() -> None:
    found = [FoundSkill("python", "Python", 1, "Python " + "x" * 200)]
    line = render_profile(found).splitlines()[-1]
    assert line.endswith("…")
    assert len(line) < 100


# --- writing ------------------------------------------------------------------------------


def test_never_overwrites_without_force(tmp_path: Path) -> None:
    path = tmp_path / "me.yaml"
    path.write_text("skills:\n  Python: 5\n", encoding="utf-8")
    with pytest.raises(CareergapError) as err:
        write_profile(path, "skills: {}\n")
    assert (
        str(err.value) == f"{path}: already exists; not overwriting it (use --force to replace it)"
    )
    assert path.read_text(encoding="utf-8") == "skills:\n  Python: 5\n"
    write_profile(path, "skills: {}\n", force=True)
    assert path.read_text(encoding="utf-8") == "skills: {}\n"


def test_failed_rename_leaves_the_old_file_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "me.yaml"
    path.write_text("skills:\n  Python: 5\n", encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(CareergapError, match="cannot write: No space left on device"):
        write_profile(path, "skills:\n  Python: 1\n", force=True)
    assert path.read_text(encoding="utf-8") == "skills:\n  Python: 5\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["me.yaml"]


def test_killed_write_leaves_the_old_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The process dies after half the new text is on disk but before the rename."""
    path = tmp_path / "me.yaml"
    old = "skills:\n  Python: 5\n"
    path.write_text(old, encoding="utf-8")

    def killed(fd: int) -> None:
        os.write(fd, b"half a prof")
        raise KeyboardInterrupt  # stands in for SIGKILL: nothing after this line runs

    monkeypatch.setattr(os, "fsync", killed)
    with pytest.raises(KeyboardInterrupt):
        write_profile(path, render_profile(), force=True)
    assert path.read_text(encoding="utf-8") == old


def test_missing_folder_and_directory_targets_are_clear(tmp_path: Path) -> None:
    with pytest.raises(CareergapError, match="the folder .* does not exist"):
        write_profile(tmp_path / "nope" / "me.yaml", "skills: {}\n")
    with pytest.raises(CareergapError, match="is a directory"):
        write_profile(tmp_path, "skills: {}\n")


def test_read_cv_errors(tmp_path: Path) -> None:
    with pytest.raises(CareergapError, match="no such file"):
        initprofile.read_cv(tmp_path / "cv.txt")
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    with pytest.raises(CareergapError, match="is empty"):
        initprofile.read_cv(empty)


def test_cv_in_a_cv_is_the_document_not_computer_vision() -> None:
    from careergap.reading.extractor import Extractor
    from careergap.reading.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    names = {sid: s.name for sid, s in taxonomy.skills.items()}
    text = "Jane Doe — CV\nComputer vision engineer: OpenCV, PyTorch\n"
    found = {f.skill_id: f.line for f in skills_in_text(text, Extractor(taxonomy).find, names)}
    assert found["computer-vision"] == 2
    assert found["opencv"] == 2
