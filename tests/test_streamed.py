"""The corpus compiled in one streamed pass: by workers or not, the same entries and errors as
loading every posting first and extracting them after."""

from __future__ import annotations

from pathlib import Path

import pytest

from careergap.corpus import readahead
from careergap.corpus.load import load_corpus
from careergap.errors import CareergapError
from careergap.reading.taxonomy import load_taxonomy
from careergap.store import streamed
from careergap.store.workspace import compile_entries

POSTING = """\
id: mine-{n:03d}
title: Verification Engineer
families: [{family}]
source: my-ads/dv.txt
lines:
- line: 3
  text: SystemVerilog and UVM testbenches, {n} years of Python
- line: 4
  text: Formal tools and Kubernetes are a plus
  required: false
- line: 5
  text: We build chips with C++ and Rust.
  section: about
"""


def _folder(tmp_path: Path, count: int = 9) -> Path:
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(count):
        family = "design-verification" if n % 2 else "rtl-fpga-design"
        (folder / f"p{n:03d}.yaml").write_text(POSTING.format(n=n, family=family))
    return folder


def _compile(folder: Path, parallel: bool) -> object:
    """What compile_corpus gives (or the error it raises), by workers or in this process."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(readahead, "PARALLEL_MIN_FILES", 1 if parallel else 10**9)
        patch.setattr(readahead, "CHUNK_FILES", 2)
        patch.setattr(readahead, "usable_cpus", lambda: 2)
        try:
            return streamed.compile_corpus([folder], load_taxonomy())
        except CareergapError as exc:
            return f"{type(exc).__name__}: {exc}"


def _reference(folder: Path) -> object:
    """Every posting loaded first, then extracted: what the streamed pass must equal."""
    try:
        corpus = load_corpus([folder])
    except CareergapError as exc:
        return f"{type(exc).__name__}: {exc}"
    mentions: dict[str, tuple[object, ...]] = {}
    entries = compile_entries(corpus.postings, load_taxonomy(), mentions=mentions)  # type: ignore[arg-type]
    return dict(corpus.families), entries, mentions


def _same(got: object, want: object) -> None:
    if isinstance(want, str):
        assert got == want
        return
    assert isinstance(got, tuple) and isinstance(want, tuple)
    families, entries, mentions = got
    assert list(families) == list(want[0])
    assert dict(sorted(entries.items())) == dict(sorted(want[1].items()))
    assert mentions == want[2]


def test_workers_compile_a_folder_exactly_as_loading_then_extracting(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    want = _reference(folder)
    assert not isinstance(want, str)
    assert any(e.requirements for e in want[1].values())  # the lines were read
    for parallel in (False, True):
        _same(_compile(folder, parallel), want)


@pytest.mark.parametrize(
    ("broken", "expected"),
    [
        ({3: ("mine-003", "mine-001")}, "posting id 'mine-001' is also used by"),
        ({2: ("rtl-fpga-design", "no-such-family")}, "unknown role family 'no-such-family'"),
        ({7: ("line: 4", "line: -4")}, "p007.yaml:"),
        # A file that cannot be read wins over an earlier duplicate id, as when every posting
        # is loaded before any is checked.
        ({1: ("mine-001", "mine-000"), 6: ("lines:\n", "lines:\n\t- x\n")}, "p006.yaml:"),
        ({0: ("lines:\n", "lines:\n\t- x\n"), 1: ("line: 4", "line: -4")}, "p000.yaml:"),
    ],
    ids=["duplicate id", "unknown family", "bad field", "bad file after a duplicate", "first"],
)
def test_a_bad_folder_raises_the_error_loading_it_raises(
    tmp_path: Path, broken: dict[int, tuple[str, str]], expected: str
) -> None:
    folder = _folder(tmp_path)
    for n, (old, new) in broken.items():
        path = folder / f"p{n:03d}.yaml"
        path.write_text(path.read_text().replace(old, new, 1))
    want = _reference(folder)
    assert isinstance(want, str) and expected in want
    for parallel in (False, True):
        _same(_compile(folder, parallel), want)


def test_a_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CareergapError, match="not a folder of postings"):
        streamed.compile_corpus([tmp_path / "nope"], load_taxonomy())
