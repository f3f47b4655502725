"""Loading the corpus at run time: bundled postings, user folders, clean errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from careergap.corpus.load import load_corpus
from careergap.errors import CareergapError

GOOD = """\
id: mine-001
title: Verification Engineer
families: [design-verification]
source: my-ads/dv.txt
lines:
- line: 3
  text: SystemVerilog and UVM testbenches
- line: 4
  text: Formal tools are a plus
  required: false
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_bundled_corpus_is_sorted_and_indexed_by_family() -> None:
    corpus = load_corpus()
    ids = [p.id for p in corpus.postings]
    assert ids == sorted(ids)
    fv = corpus.by_family("formal-verification")
    assert fv and all("formal-verification" in p.families for p in fv)
    postings, notes = corpus.counts("formal-verification")
    assert postings == sum(1 for p in fv if p.kind == "posting")
    assert notes == sum(1 for p in fv if p.kind == "notes")


def test_extra_folder_adds_postings(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    write(folder, "dv.yaml", GOOD)
    before = load_corpus().counts("design-verification")
    corpus = load_corpus([folder])
    assert corpus.counts("design-verification") == (before[0] + 1, before[1])
    assert corpus.get("mine-001").lines[1].required is False


def test_bad_field_names_file_and_line(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    path = write(folder, "bad.yaml", GOOD.replace("- line: 4", "- line: -4"))
    with pytest.raises(CareergapError) as err:
        load_corpus([folder])
    assert str(err.value).startswith(f"{path}:8: lines.1.line: ")


def test_unknown_family_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    path = write(folder, "bad.yaml", GOOD.replace("design-verification", "astronaut"))
    with pytest.raises(CareergapError) as err:
        load_corpus([folder])
    assert str(err.value) == (
        f"{path}: families: unknown role family 'astronaut' (see `careergap roles` for the ids)"
    )


def test_duplicate_id_names_both_files(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    write(folder, "a.yaml", GOOD)
    write(folder, "b.yaml", GOOD)
    with pytest.raises(CareergapError, match="also used by .*a.yaml"):
        load_corpus([folder])


def test_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CareergapError, match="not a folder of postings"):
        load_corpus([tmp_path / "nope"])


def test_short_line_numbers_in_ids_are_accepted() -> None:
    assert load_corpus().get("p-002-776").id == "p-002-00776"


def test_unknown_posting_id_is_an_error_with_a_hint() -> None:
    with pytest.raises(CareergapError) as err:
        load_corpus().get("p-002-0077x")
    assert str(err.value).startswith("unknown posting 'p-002-0077x' — did you mean p-002-")
    assert str(err.value).endswith("(see `careergap postings list`)")
