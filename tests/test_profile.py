"""The profile format, its validation (every problem at once, with lines) and discovery."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careergap.errors import CareergapError, InputFileError, ProfileNotFound, ValidationFailed
from careergap.reading.profile import LoadedProfile, check_profile, find_profile, load_profile

#: A fixture taxonomy: id -> display name. Only `.skills[id].name` is used by the profile code.
SKILLS = {
    "python": "Python",
    "pytorch": "PyTorch",
    "sva": "SVA",
    "sql": "SQL",
    "kubernetes": "Kubernetes",
}
ALIASES = {"python": "python", "pytorch": "pytorch", "torch": "pytorch", "sva": "sva"}
ALIASES |= {"sql": "sql", "kubernetes": "kubernetes", "k8s": "kubernetes"}
#: Near-misses the fake resolver suggests for, like rapidfuzz would.
TYPOS = {"pytorh": "pytorch", "pyton": "python"}

TAXONOMY = SimpleNamespace(skills={sid: SimpleNamespace(name=name) for sid, name in SKILLS.items()})


@dataclass(frozen=True)
class FakeResolution:
    skill_id: str | None
    suggestion: str | None
    score: float
    method: str


def fake_resolve(name: str, taxonomy: object, *, fuzzy: bool = True) -> FakeResolution:
    """Stands in for careergap.reading.matching.resolve_skill: exact aliases after case folding."""
    key = name.lower()
    if key in ALIASES:
        return FakeResolution(ALIASES[key], None, 100.0, "alias")
    if key == "kubernetess":
        return FakeResolution("kubernetes", None, 97.0, "fuzzy")
    return FakeResolution(None, TYPOS.get(key), 80.0 if key in TYPOS else 0.0, "none")


def _profile(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "me.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _load(path: Path) -> LoadedProfile:
    return load_profile(path, TAXONOMY, resolve=fake_resolve)


def _errors(path: Path) -> list[str]:
    with pytest.raises(ValidationFailed) as info:
        _load(path)
    return [str(p) for p in info.value.problems]


EXAMPLE = """\
name: Ada            # optional
target_roles: [ML Engineer, Formal Verification Engineer]
skills:
  Python: 4
  PyTorch: {level: 3, since: 2024-03, evidence: "https://github.com/ada/detector", note: "x"}
  SVA: 1
  k8s:
    level: 2
    since: 2023-11-05
"""


def test_the_documented_example_loads(tmp_path: Path) -> None:
    path = _profile(tmp_path, EXAMPLE)
    profile = _load(path)
    assert profile.path == path
    assert profile.name == "Ada"
    assert profile.target_roles == ["ML Engineer", "Formal Verification Engineer"]
    assert profile.levels == {"python": 4, "pytorch": 3, "sva": 1, "kubernetes": 2}
    assert profile.warnings == []
    torch = profile.entries["pytorch"]
    assert (torch.name, torch.line, torch.entry.since) == ("PyTorch", 5, "2024-03")
    assert torch.entry.evidence == "https://github.com/ada/detector"
    k8s = profile.entries["kubernetes"]
    assert (k8s.name, k8s.line, k8s.entry.since) == ("k8s", 7, date(2023, 11, 5))


def test_every_key_is_optional(tmp_path: Path) -> None:
    profile = _load(_profile(tmp_path, "skills: {SQL: 0}\n"))
    assert (profile.name, profile.target_roles, profile.levels) == (None, [], {"sql": 0})


def test_an_empty_skills_section_is_a_warning_not_an_error(tmp_path: Path) -> None:
    path = _profile(tmp_path, "name: Ada\nskills:\n")
    profile = _load(path)
    assert profile.levels == {}
    assert [str(w) for w in profile.warnings] == [
        f"{path}:2: skills: no skills listed yet; every family will score 0%"
    ]


def test_unknown_skill_is_a_warning_with_a_suggestion_and_is_ignored(tmp_path: Path) -> None:
    path = _profile(tmp_path, "skills:\n  Python: 4\n  Pytorh: 3\n  Haskel: 2\n")
    profile = _load(path)
    assert profile.levels == {"python": 4}
    assert [str(w) for w in profile.warnings] == [
        f"{path}:3: skills.Pytorh: unknown skill 'Pytorh' — did you mean PyTorch? (ignored)",
        f"{path}:4: skills.Haskel: unknown skill 'Haskel'; see `careergap skills Haskel` (ignored)",
    ]


def test_a_close_spelling_is_used_but_warned_about(tmp_path: Path) -> None:
    path = _profile(tmp_path, "skills:\n  Kubernetess: 2\n")
    profile = _load(path)
    assert profile.levels == {"kubernetes": 2}
    assert [str(w) for w in profile.warnings] == [
        f"{path}:2: skills.Kubernetess: read 'Kubernetess' as Kubernetes (a close spelling); "
        "write the exact name to silence this warning"
    ]


def test_two_names_for_one_skill_warn_and_keep_the_higher_level(tmp_path: Path) -> None:
    path = _profile(tmp_path, "skills:\n  PyTorch: 3\n  SQL: 2\n  torch: 4\n")
    profile = _load(path)
    assert profile.levels == {"pytorch": 4, "sql": 2}
    assert profile.entries["pytorch"].name == "torch"
    assert [str(w) for w in profile.warnings] == [
        f"{path}:4: skills.torch: 'torch' and 'PyTorch' (line 2) are the same skill, PyTorch; "
        "using 'torch', the higher level"
    ]
    lower = _profile(tmp_path, "skills:\n  PyTorch: {level: 4}\n  torch: 2\n")
    assert _load(lower).levels == {"pytorch": 4}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("C/C++", {"c", "cpp"}),
        ("DRC/LVS", {"drc", "lvs"}),
        ("algorithms and data structures", {"algorithms", "data-structures"}),
        ("A/B testing", {"a-b-testing"}),  # a skill whose own name has a slash stays one skill
        ("CI/CD", {"ci-cd"}),
    ],
)
def test_a_compound_name_stands_for_each_of_its_parts(
    tmp_path: Path, name: str, expected: set[str]
) -> None:
    from careergap.reading.taxonomy import load_taxonomy

    path = _profile(tmp_path, f"skills:\n  {name}: 4\n")
    profile = load_profile(path, load_taxonomy())
    assert profile.levels == dict.fromkeys(expected, 4)
    assert profile.warnings == []


def test_a_compound_and_a_plain_name_for_one_part_keep_the_higher_level(tmp_path: Path) -> None:
    from careergap.reading.taxonomy import load_taxonomy

    path = _profile(tmp_path, "skills:\n  C/C++: 3\n  C++: 5\n")
    profile = load_profile(path, load_taxonomy())
    assert profile.levels == {"c": 3, "cpp": 5}
    assert len(profile.warnings) == 1 and "the higher level" in str(profile.warnings[0])


BAD_VALUES = [
    (
        "level too high",
        "skills:\n  SQL: 7\n",
        "2: skills.SQL: level must be a whole number from 0 to 5, got 7",
    ),
    (
        "negative level",
        "skills:\n  SQL: -1\n",
        "2: skills.SQL: level must be a whole number from 0 to 5, got -1",
    ),
    (
        "huge level",
        "skills:\n  SQL: 99999999999999999999\n",
        "2: skills.SQL: level must be a whole number from 0 to 5, got 99999999999999999999",
    ),
    (
        "float level",
        "skills:\n  SQL: 2.5\n",
        "2: skills.SQL: level must be a whole number from 0 to 5, got 2.5",
    ),
    (
        "string level",
        "skills:\n  SQL: '3'\n",
        "2: skills.SQL: level must be a whole number from 0 to 5, got '3'",
    ),
    (
        "bool level",
        "skills:\n  SQL: yes\n",
        "2: skills.SQL: level must be a whole number from 0 to 5, got true",
    ),
    (
        "null level",
        "skills:\n  SQL:\n",
        "2: skills.SQL: level must be a whole number from 0 to 5, got None",
    ),
    (
        "long form level",
        "skills:\n  SQL:\n    level: 6\n",
        "3: skills.SQL.level: level must be a whole number from 0 to 5, got 6",
    ),
    (
        "missing level",
        "skills:\n  SQL: {since: 2024-01}\n",
        "2: skills.SQL: missing required key 'level'",
    ),
    (
        "unknown entry key",
        "skills:\n  SQL:\n    level: 2\n    lvl: 3\n",
        "4: skills.SQL.lvl: unknown key; expected one of: level, since, evidence, note",
    ),
    (
        "unknown top key",
        "skils:\n  SQL: 2\n",
        "1: skils: unknown key; expected one of: name, target_roles, recency_half_life_days, "
        "skills",
    ),
    (
        "bad since",
        "skills:\n  SQL: {level: 2, since: March}\n",
        "2: skills.SQL.since: must be YYYY-MM or YYYY-MM-DD, got 'March'",
    ),
    (
        "bare year since",
        "skills:\n  SQL: {level: 2, since: 2020}\n",
        "2: skills.SQL.since: must be YYYY-MM or YYYY-MM-DD, got 2020",
    ),
    (
        "month 13",
        "skills:\n  SQL: {level: 2, since: 2024-13}\n",
        "2: skills.SQL.since: '2024-13' is not a real date",
    ),
    (
        "since with time",
        "skills:\n  SQL: {level: 2, since: 2024-01-02 10:00:00}\n",
        "2: skills.SQL.since: must be YYYY-MM or YYYY-MM-DD, got 2024-01-02 10:00:00",
    ),
    (
        "number evidence",
        "skills:\n  SQL: {level: 2, evidence: 42}\n",
        "2: skills.SQL.evidence: must be text, got 42",
    ),
    (
        "skills as list",
        "skills: [Python, SQL]\n",
        "1: skills: must be a mapping of skill name "
        "to level (like 'Python: 3'), got ['Python', 'SQL']",
    ),
    (
        "skills as text",
        "skills: Python\n",
        "1: skills: must be a mapping of skill name to level (like 'Python: 3'), got 'Python'",
    ),
    (
        "entry as list",
        "skills:\n  SQL: [3]\n",
        "2: skills.SQL: level must be a whole number from 0 to 5, got [3]",
    ),
    (
        "roles as text",
        "target_roles: ML Engineer\n",
        "1: target_roles: must be a list (like '[ML Engineer]'), got 'ML Engineer'",
    ),
    ("role as number", "target_roles: [ML, 3]\n", "1: target_roles.1: must be text, got 3"),
    ("name as list", "name: [Ada]\n", "1: name: must be text, got ['Ada']"),
    ("blank skill name", "skills:\n  '': 3\n", "1: skills: a skill name is empty"),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in BAD_VALUES], ids=[c[0] for c in BAD_VALUES]
)
def test_bad_values_are_located_problems(tmp_path: Path, text: str, expected: str) -> None:
    path = _profile(tmp_path, text)
    assert _errors(path) == [f"{path}:{expected}"]


def test_all_problems_are_reported_at_once_in_line_order(tmp_path: Path) -> None:
    path = _profile(
        tmp_path,
        "name: Ada\ncolour: blue\nskills:\n  SQL: 9\n  Python: {level: 2, since: soon}\n"
        "  torch: 3\n  PyTorch: 1\n",
    )
    assert _errors(path) == [
        f"{path}:2: colour: unknown key; expected one of: name, target_roles, "
        "recency_half_life_days, skills",
        f"{path}:4: skills.SQL: level must be a whole number from 0 to 5, got 9",
        f"{path}:5: skills.Python.since: must be YYYY-MM or YYYY-MM-DD, got 'soon'",
    ]


def test_check_profile_returns_errors_and_warnings_together(tmp_path: Path) -> None:
    path = _profile(tmp_path, "skills:\n  SQL: 9\n  Pyton: 2\n")
    check = check_profile(path, TAXONOMY, resolve=fake_resolve)
    assert check.profile is None
    assert [(p.line, p.field) for p in check.errors] == [(2, "skills.SQL")]
    assert [(p.line, p.field) for p in check.warnings] == [(3, "skills.Pyton")]


def test_unreadable_file_is_an_input_error(tmp_path: Path) -> None:
    path = _profile(tmp_path, "skills:\n  SQL: 1\n  SQL: 2\n")
    with pytest.raises(InputFileError, match=r"me\.yaml:3: duplicate key 'SQL'"):
        _load(path)


def test_the_default_resolver_is_careergap_matching(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys
    import types

    fake_module = types.ModuleType("careergap.reading.matching")
    fake_module.resolve_skill = fake_resolve  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "careergap.reading.matching", fake_module)
    profile = load_profile(_profile(tmp_path, "skills: {torch: 2}\n"), TAXONOMY)
    assert profile.levels == {"pytorch": 2}


# --- arbitrary input never escapes as anything but CareergapError --------------------------

#: Fragments that steer generated text into YAML's interesting corners.
YAMLISH = st.sampled_from(
    [
        "skills:",
        "\n",
        "  ",
        "\t",
        ":",
        " ",
        "-",
        "[",
        "]",
        "{",
        "}",
        ",",
        "&a",
        "*a",
        "!!python/",
        "!x",
        "'",
        '"',
        "#",
        "level",
        "3",
        "9",
        "-1",
        "2.5",
        "yes",
        "null",
        "2024-02-30",
        "2024-03",
        "since",
        "?",
        "|",
        ">",
        "%YAML 1.1",
        "---",
        "...",
        "\x00",
        "\x85",
        "\ufeff",
        "Python",
        "é",
    ]
)


def _assert_loads_or_clean_error(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "me.yaml"
        path.write_bytes(data)
        try:
            _load(path)
        except CareergapError as exc:
            assert str(exc).startswith(str(path))


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_arbitrary_bytes_load_or_fail_cleanly(data: bytes) -> None:
    _assert_loads_or_clean_error(data)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(YAMLISH, max_size=40).map("".join))
def test_arbitrary_yamlish_text_loads_or_fails_cleanly(text: str) -> None:
    _assert_loads_or_clean_error(text.encode("utf-8"))


# --- discovery ----------------------------------------------------------------------------


def test_explicit_path_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "me.yaml").write_text("skills: {}\n")
    monkeypatch.setenv("CAREERGAP_PROFILE", "env.yaml")
    assert find_profile(Path("given.yaml")) == Path("given.yaml")


def test_environment_variable_comes_next(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "me.yaml").write_text("skills: {}\n")
    monkeypatch.setenv("CAREERGAP_PROFILE", "env.yaml")
    assert find_profile(None) == Path("env.yaml")


@pytest.mark.parametrize(
    ("present", "expected"),
    [(["me.yaml", "careergap.yaml"], "me.yaml"), (["careergap.yaml"], "careergap.yaml")],
)
def test_local_files_come_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, present: list[str], expected: str
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CAREERGAP_PROFILE", "")
    for name in present:
        (tmp_path / name).write_text("skills: {}\n")
    assert find_profile(None) == Path(expected)


def test_user_config_dir_is_last(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    config = Path(os.environ["CAREERGAP_HOME"]) / "config"
    config.mkdir(parents=True)
    (config / "profile.yaml").write_text("skills: {}\n")
    assert find_profile(None) == config / "profile.yaml"


def test_no_profile_says_how_to_create_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ProfileNotFound) as info:
        find_profile(None)
    message = str(info.value)
    assert message.startswith("no profile found: pass one (careergap validate me.yaml)")
    assert "careergap init" in message
    assert "copy an example from profiles/" in message


def test_the_real_resolver_on_a_small_taxonomy(tmp_path: Path) -> None:
    pytest.importorskip("careergap.reading.matching")
    from careergap.models import Skill
    from careergap.reading.taxonomy import Taxonomy

    taxonomy = Taxonomy(
        [
            Skill(id="pytorch", name="PyTorch", category="framework", aliases=("torch",)),
            Skill(id="python", name="Python", category="language"),
            Skill(id="tensorflow", name="TensorFlow", category="framework", aliases=("TF",)),
        ]
    )
    path = _profile(tmp_path, "skills:\n  pytorch: 3\n  Tensor-Flow: 2\n  Pytorh: 1\n")
    profile = load_profile(path, taxonomy)
    assert profile.levels == {"pytorch": 3, "tensorflow": 2}
    assert [str(w) for w in profile.warnings] == [
        f"{path}:4: skills.Pytorh: unknown skill 'Pytorh' — did you mean PyTorch? (ignored)"
    ]


def test_the_unknown_skill_hint_is_quoted_for_the_shell(tmp_path: Path) -> None:
    """The hint is a command to paste: a name with a space or a quote is one shell word."""
    path = _profile(tmp_path, "skills:\n  Zqx Wvy: 2\n  \"Zq'x\": 1\n")
    warnings = [str(w) for w in _load(path).warnings]
    assert "see `careergap skills 'Zqx Wvy'` (ignored)" in warnings[0]
    assert "see `careergap skills 'Zq'\"'\"'x'` (ignored)" in warnings[1]
