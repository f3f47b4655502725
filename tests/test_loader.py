"""The hardened reader for hand-written YAML: every bad file gets one located, readable error."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from careergap.errors import InputFileError
from careergap.files.loader import (
    MAX_NESTING,
    dump_yaml,
    load_trusted_yaml,
    read_user_data,
    read_user_yaml,
)
from careergap.files.userfiles import MAX_USER_FILE_BYTES, UserFileError

#: A billion-laughs document: nine levels of nine aliases each (9**9 strings if expanded).
ALIAS_BOMB = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(8)
)

#: (case id, file bytes, exact error text after "<path>"). Each is a file a person could write.
BAD_FILES = [
    ("empty", b"", ": is empty"),
    # PyYAML's own builders crash on these (IndexError, KeyError, ValueError).
    ("empty !!int", b"name: Ada\nskills:\n  Python: !!int\n", ":3:11: '' is not a valid int"),
    ("!!bool maybe", b"name: !!bool maybe\n", ":1:7: 'maybe' is not a valid bool"),
    ("!!float dot", b"skills:\n  SQL: !!float .\n", ":2:8: '.' is not a valid float"),
    ("whitespace only", b"  \n\n", ": is empty"),
    ("only comments", b"# my profile\n", ": is empty (it holds only comments)"),
    (
        "non-utf8",
        b"name: Ada\nskills:\n  Caf\xe9: 3\n",
        ":3:6: is not valid UTF-8: byte 0xe9 at byte offset 23; save the file as UTF-8",
    ),
    (
        "nul byte",
        b"name: Ada\x00\n",
        ":1:10: contains a NUL byte (byte offset 9); is it a binary file?",
    ),
    (
        "tab indentation",
        b"skills:\n\tPython: 3\n",
        ":2:1: a tab is used for indentation; YAML needs spaces",
    ),
    (
        "tab after spaces",
        b"skills:\n  Python: 3\n  \tSQL: 2\n",
        ":3: a tab is used for indentation; YAML needs spaces",
    ),
    (
        "unclosed flow list",
        b"target_roles: [ML Engineer\nskills: {}\n",
        ":2:7: invalid YAML: did not find expected ',' or ']'",
    ),
    (
        "bad indentation",
        b"skills:\n  Python: 3\n   SQL: 2\n",
        ":3:7: invalid YAML: mapping values are not allowed in this context",
    ),
    (
        "two documents",
        b"name: A\n---\nname: B\n",
        ":2:1: invalid YAML: expected a single document in the stream but found another document",
    ),
    (
        "duplicate top-level key",
        b"name: Ada\nskills: {}\nname: Bob\n",
        ":3: duplicate key 'name' (first on line 1); YAML would silently keep only the last one",
    ),
    (
        "duplicate nested key",
        b"skills:\n  Python: 3\n  SQL: 1\n  Python: 4\n",
        ":4: duplicate key 'Python' (first on line 2); YAML would silently keep only the last one",
    ),
    (
        "alias",
        b"a: &x 3\nb: *x\n",
        ":2:4: aliases (*x) are not allowed in careergap files; write the value out in full",
    ),
    ("alias bomb", ALIAS_BOMB.encode(), ":2:8: aliases (*a) are not allowed in careergap files;"),
    (
        "python tag",
        b"skills: !!python/object/apply:os.system ['echo pwned']\n",
        ":1:9: the tag '!!python/object/apply:os.system' is not allowed",
    ),
    (
        "python object tag",
        b"name: !!python/object:collections.OrderedDict {}\n",
        ":1:7: the tag '!!python/object:collections.OrderedDict' is not allowed",
    ),
    ("custom tag", b"name: !custom Ada\n", ":1:7: the tag '!custom' is not allowed"),
    ("binary tag", b"name: !!binary QWRh\n", ":1:7: the tag '!!binary' is not allowed"),
    (
        "top-level list",
        b"- Python\n- SQL\n",
        ":1: the top level is a list; expected 'key: value' lines",
    ),
    (
        "top-level scalar",
        b"Python 3\n",
        ":1: the top level is a single value; expected 'key: value' lines",
    ),
    ("impossible date", b"since: 2024-02-30\n", ":1:8: '2024-02-30' is not a real date"),
    ("complex key", b"? [a, b]\n: 1\n", ":1:3: mapping keys must be plain text"),
    ("control character", b"name: Ad\x07a\n", ":1: contains the control character U+0007"),
    (
        "deep nesting",
        b"a: " + b"[" * 10_000 + b"]" * 10_000 + b"\n",
        f":1:{3 + MAX_NESTING}: nested deeper than {MAX_NESTING} levels",
    ),
    (
        "deep block nesting on one line",
        b"a:\n" + b"- " * 100_000 + b"x\n",
        f":2:{2 * MAX_NESTING - 1}: nested deeper than {MAX_NESTING} levels",
    ),
    (
        "deep block nesting by indentation",
        b"".join(b" " * i + b"k:\n" for i in range(100)) + b" " * 100 + b"v\n",
        f":{MAX_NESTING + 1}:{MAX_NESTING + 1}: nested deeper than {MAX_NESTING} levels",
    ),
    (
        "duplicate anchor",
        b"a: &x 1\nb: &x 2\n",
        ":2:4: invalid YAML: found duplicate anchor; first occurrence second occurrence",
    ),
    (
        "a mapping tag on text",
        b"a: !!map x\n",
        ":1:4: invalid YAML: expected a mapping node, but found scalar",
    ),
    (
        "a broken second document",  # not "expected a single document": every event is read
        b"a: 1\n---\nb: [\n",
        ":4:1: invalid YAML: did not find expected node content",
    ),
]


def _write(tmp_path: Path, data: bytes, name: str = "me.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "expected"), [case[1:] for case in BAD_FILES], ids=[case[0] for case in BAD_FILES]
)
@pytest.mark.parametrize("reader", [read_user_yaml, read_user_data])
def test_bad_files_give_one_located_error(
    tmp_path: Path, data: bytes, expected: str, reader: Callable[[Path], object]
) -> None:
    path = _write(tmp_path, data)
    with pytest.raises(InputFileError) as info:
        reader(path)
    assert str(info.value).startswith(f"{path}{expected}")
    assert "Traceback" not in str(info.value)


#: Flow nestings around libyaml's own limit (1,000 levels from libyaml 0.2.5 on, worded its own
#: way): careergap's refusal must come first whatever PyYAML and libyaml are installed.
DEEP_FLOWS = [
    ("[", "]", MAX_NESTING + 1, 0),
    ("[", "]", 999, 0),
    ("[", "]", 1_001, 0),
    ("[", "]", 50_000, 0),
    ("{a: ", "}", 1_001, 0),
    ("[{a: ", "}]", 1_001, 0),
    ("[", "]", 1_001, 2_000),  # the slow path reads everything before the failure again
]


@pytest.mark.parametrize(
    ("opener", "closer", "levels", "padding"),
    DEEP_FLOWS,
    ids=[f"{o}x{n}-after-{p}-lines" for o, _c, n, p in DEEP_FLOWS],
)
@pytest.mark.parametrize("reader", [read_user_yaml, read_user_data])
def test_deep_flow_nesting_gets_careergaps_message_at_any_depth(
    tmp_path: Path,
    opener: str,
    closer: str,
    levels: int,
    padding: int,
    reader: Callable[[Path], object],
) -> None:
    head = "".join(f"k{i}: v\n" for i in range(padding))
    path = _write(tmp_path, f"{head}a: {opener * levels}x{closer * levels}\n".encode())
    with pytest.raises(InputFileError) as info:
        reader(path)
    # The top-level mapping is level 1, so the value's 64th "[" or "{" opens level 65.
    line = f"a: {opener * levels}"
    column = [i for i, char in enumerate(line, 1) if char in "[{"][MAX_NESTING - 1]
    assert str(info.value) == (
        f"{path}:{padding + 1}:{column}: nested deeper than {MAX_NESTING} levels"
    )


def test_duplicates_are_all_reported_at_once(tmp_path: Path) -> None:
    path = _write(tmp_path, b"a: 1\nb:\n  c: 2\n  c: 3\na: 4\n")
    with pytest.raises(UserFileError) as info:
        read_user_yaml(path)
    assert [(p.line, p.message.split(";")[0]) for p in info.value.problems] == [
        (4, "duplicate key 'c' (first on line 3)"),
        (5, "duplicate key 'a' (first on line 1)"),
    ]


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match=r"nope\.yaml: no such file$"):
        read_user_yaml(tmp_path / "nope.yaml")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match=r": is a directory, not a YAML file$"):
        read_user_yaml(tmp_path)


def test_oversized_file_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.yaml"
    with open(path, "wb") as fh:  # sparse: 50 MB on paper, nothing on disk
        fh.truncate(50 * 1024 * 1024)

    def no_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("an oversized file must not be opened")

    monkeypatch.setattr("builtins.open", no_open)
    with pytest.raises(InputFileError) as info:
        read_user_yaml(path)
    assert str(info.value) == f"{path}: is 52,428,800 bytes; careergap reads files up to 1 MB"


def test_a_file_of_exactly_the_limit_is_read(tmp_path: Path) -> None:
    body = b"note: " + b"x" * (MAX_USER_FILE_BYTES - len(b"note: \n")) + b"\n"
    assert read_user_yaml(_write(tmp_path, body)).data["note"].startswith("xxx")


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, b"name: Ada\n")
    real_open = open

    def deny(file: object, *args: object, **kwargs: object) -> object:
        if Path(str(file)) == path:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    # chmod 000 does not stop root, so the refusal is simulated where the file is opened.
    monkeypatch.setattr("builtins.open", deny)
    with pytest.raises(InputFileError) as info:
        read_user_yaml(path)
    assert str(info.value) == f"{path}: cannot read: permission denied"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file_for_real(tmp_path: Path) -> None:
    path = _write(tmp_path, b"name: Ada\n")
    path.chmod(0)
    with pytest.raises(InputFileError, match="cannot read: permission denied"):
        read_user_yaml(path)


def test_alias_bomb_is_refused(tmp_path: Path) -> None:
    """Refused at its first alias; how fast is measured in tests/benchmarks/bench_bad_files.py
    (a wall-clock bound here would fail on a busy machine)."""
    path = _write(tmp_path, ALIAS_BOMB.encode())
    with pytest.raises(InputFileError, match=r":2:\d+: aliases \(\*a\) are not allowed"):
        read_user_yaml(path)


def test_python_tags_are_never_constructed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    path = _write(
        tmp_path,
        f"x: !!python/object/apply:os.system ['touch {marker}']\n".encode(),
    )
    with pytest.raises(InputFileError, match="is not allowed"):
        read_user_yaml(path)
    assert not marker.exists()


def test_keys_are_read_as_written_text(tmp_path: Path) -> None:
    doc = read_user_yaml(_write(tmp_path, b"skills:\n  3D: 1\n  yes: 2\n  1: 3\n  null: 4\n"))
    assert doc.data == {"skills": {"3D": 1, "yes": 2, "1": 3, "null": 4}}


def test_values_keep_yaml_types(tmp_path: Path) -> None:
    doc = read_user_yaml(_write(tmp_path, b"a: 3\nb: 2024-03\nc: true\nd: 1.5\ne: [x]\nf:\n"))
    assert doc.data == {"a": 3, "b": "2024-03", "c": True, "d": 1.5, "e": ["x"], "f": None}


def test_utf8_bom_and_non_ascii_are_fine(tmp_path: Path) -> None:
    doc = read_user_yaml(_write(tmp_path, "\ufeffname: Zoë\n".encode()))
    assert doc.data == {"name": "Zoë"}


def test_tabs_inside_values_are_fine(tmp_path: Path) -> None:
    doc = read_user_yaml(_write(tmp_path, b"note: 'a\tb'\nx:\t1\n"))
    assert doc.data == {"note": "a\tb", "x": 1}


def test_line_of_finds_keys_at_every_depth(tmp_path: Path) -> None:
    text = b"name: Ada\nskills:\n  Python: 4\n  PyTorch:\n    level: 3\nroles:\n  - ML\n  - EDA\n"
    doc = read_user_yaml(_write(tmp_path, text))
    assert doc.line_of(("name",)) == 1
    assert doc.line_of(("skills", "Python")) == 3
    assert doc.line_of(("skills", "PyTorch")) == 4
    assert doc.line_of(("skills", "PyTorch", "level")) == 5
    assert doc.line_of(("roles", 1)) == 8
    assert doc.line_of(("skills", "Rust")) is None
    assert doc.line_of(("roles", 5)) is None
    assert doc.nearest_line(("skills", "PyTorch", "since")) == 4
    assert doc.nearest_line(("skills", "Rust")) == 2


def test_trusted_loader_and_dump_round_trip(tmp_path: Path) -> None:
    data = {"b": [1, "two"], "a": {"ö": None}}
    path = tmp_path / "data.yaml"
    path.write_text(dump_yaml(data), encoding="utf-8")
    assert load_trusted_yaml(path) == data
    assert dump_yaml(data).splitlines()[0] == "b:"  # key order kept


def test_windows_line_endings_are_fine(tmp_path: Path) -> None:
    doc = read_user_yaml(_write(tmp_path, b"name: Ada\r\nskills:\r\n  SQL: 2\r\n"))
    assert doc.data == {"name": "Ada", "skills": {"SQL": 2}}
    assert doc.line_of(("skills", "SQL")) == 3


def test_dump_yaml_output_reads_back_as_a_user_file(tmp_path: Path) -> None:
    shared = ["Python", "SQL"]
    data = {"a": shared, "b": shared, "c": ("x", "y"), "name": "Zoë"}
    path = tmp_path / "out.yaml"
    path.write_text(dump_yaml(data), encoding="utf-8")
    assert read_user_yaml(path).data == {"a": shared, "b": shared, "c": ["x", "y"], "name": "Zoë"}
