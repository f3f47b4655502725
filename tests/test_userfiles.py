"""Reading a person's files with limits and writing them atomically (careergap.files.userfiles).

The byte-level refusals (size, NUL, UTF-8, directories, missing files) are exercised through
every reader in tests/test_loader.py and tests/test_bad_input.py; here: the text reader and the
atomic writer.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from careergap.files.userfiles import UserFileError, read_user_text, write_text_atomic


def test_read_user_text_reads_utf8_and_names_the_line_of_a_bad_byte(tmp_path: Path) -> None:
    good = tmp_path / "cv.txt"
    good.write_text("\ufeffPython and SQL\n", encoding="utf-8")
    assert read_user_text(good, 100) == "Python and SQL\n"  # a BOM is not text
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"line one\nline \xff two\n")
    with pytest.raises(UserFileError) as info:
        read_user_text(bad, 100)
    assert str(info.value).startswith(f"{bad}:2:6: is not valid UTF-8: byte 0xff")


def test_read_user_text_refuses_more_than_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 101)
    with pytest.raises(UserFileError, match="is 101 bytes; careergap reads files up to 100 bytes"):
        read_user_text(path, 100)


def test_write_text_atomic_replaces_and_keeps_mode(tmp_path: Path) -> None:
    path = tmp_path / "profile.yaml"
    write_text_atomic(path, "name: Zoë\n")
    assert path.read_text(encoding="utf-8") == "name: Zoë\n"
    path.chmod(0o600)
    write_text_atomic(path, "name: Ada\n")
    assert path.read_text(encoding="utf-8") == "name: Ada\n"
    assert path.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["profile.yaml"]  # no temp file left


def test_write_text_atomic_failure_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careergap.errors import CareergapError

    path = tmp_path / "profile.yaml"
    path.write_text("old\n", encoding="utf-8")

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(CareergapError, match="cannot write: No space left on device"):
        write_text_atomic(path, "new\n")
    assert path.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["profile.yaml"]
