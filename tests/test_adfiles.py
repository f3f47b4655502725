"""Finding and reading saved ads: every file ends as text or as a refusal with its reason."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from careergap.files.adfiles import MAX_AD_TEXT_BYTES, AdText, Refusal, find_ads, read_ad


def test_folders_are_walked_in_name_order_and_other_files_only_counted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "b" / "c.HTML").write_text("x")
    (tmp_path / "b" / "d.md").write_text("x")
    (tmp_path / "b" / "page.css").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / "loop").symlink_to(tmp_path)  # a link loop is not entered
    found = find_ads([tmp_path, tmp_path / "a.txt"])  # a file given twice is read once
    assert [p.relative_to(tmp_path).as_posix() for p in found.files] == [
        "a.txt",
        "b/c.HTML",
        "b/d.md",
    ]
    assert found.others == 1  # page.css; the linked folder is not entered


def test_named_paths_that_are_missing_or_not_ads_are_refused(tmp_path: Path) -> None:
    (tmp_path / "cv.pdf").write_bytes(b"%PDF")
    found = find_ads([tmp_path / "cv.pdf", tmp_path / "nope"])
    assert found.files == ()
    assert [(r.path.name, r.reason) for r in found.refused] == [
        ("cv.pdf", "unsupported file type .pdf: save the ad as .txt, .md or .html"),
        ("nope", "no such file or folder"),
    ]


def test_read_ad_refusals(tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Kubernetes\nSalary 50k €\n".encode("cp1252"))
    empty = tmp_path / "empty.md"
    empty.write_text("  \n\n")
    big = tmp_path / "big.txt"
    big.write_text("x" * (MAX_AD_TEXT_BYTES + 1))
    blank_page = tmp_path / "blank.html"
    blank_page.write_text("<html><script>only()</script></html>")
    reasons = {p.name: read_ad(p) for p in (latin, empty, big, blank_page)}
    assert all(isinstance(r, Refusal) for r in reasons.values())
    assert reasons["latin.txt"].reason.startswith("line 2: is not valid UTF-8: byte 0x80")  # type: ignore[union-attr]
    assert reasons["empty.md"].reason == "empty: no text in the file"  # type: ignore[union-attr]
    assert "careergap reads files up to 200,000 bytes" in reasons["big.txt"].reason  # type: ignore[union-attr]
    assert reasons["blank.html"].reason == "empty: no text in the file"  # type: ignore[union-attr]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX")
def test_a_fifo_in_a_folder_is_refused_not_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    found = find_ads([tmp_path])
    result = read_ad(found.files[0])
    assert isinstance(result, Refusal)
    assert result.reason == "is a named pipe (FIFO), not a text file"


def test_a_page_in_its_declared_charset_is_read(tmp_path: Path) -> None:
    page = tmp_path / "ad.htm"
    page.write_bytes('<meta charset="windows-1252"><li>Salary 50k €</li>'.encode("cp1252"))
    result = read_ad(page)
    assert isinstance(result, AdText)
    assert (result.text, result.kind) == ("- Salary 50k €", "html")
