"""Loading the corpus at run time: bundled postings, user folders, clean errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from careergap.corpus.load import load_corpus
from careergap.errors import CareergapError
from careergap.files.paths import bundled_postings_dir

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


# --- reading a large folder: worker processes, shared lines, the first error by file order ---


def _folder_of(tmp_path: Path, count: int) -> Path:
    folder = tmp_path / "many"
    for number in range(count):
        write(folder, f"p{number:03d}.yaml", GOOD.replace("mine-001", f"mine-{number:03d}"))
    return folder


def _read(folder: Path, parallel: bool) -> list[tuple[Path, object]] | str:
    """What ``_user_folder`` gives (or the error it raises), read serially or by workers."""
    from careergap.corpus import readahead
    from careergap.corpus.load import _user_folder

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(readahead, "PARALLEL_MIN_FILES", 1 if parallel else 10**9)
        patch.setattr(readahead, "CHUNK_FILES", 2)
        patch.setattr(readahead, "usable_cpus", lambda: 2)
        try:
            return _user_folder(folder)
        except CareergapError as exc:
            return f"{type(exc).__name__}: {exc}"


def test_workers_read_a_folder_exactly_as_a_serial_read(tmp_path: Path) -> None:
    folder = _folder_of(tmp_path, 9)
    serial = _read(folder, parallel=False)
    assert _read(folder, parallel=True) == serial
    assert [path.name for path, _ in serial] == [f"p{n:03d}.yaml" for n in range(9)]


def test_progress_counts_every_file_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from careergap.corpus import load

    monkeypatch.setattr(load, "PROGRESS_STEP", 4)
    counted: list[int] = []
    corpus = load.load_corpus([_folder_of(tmp_path, 9)], counted.append)
    bundled = len(list(bundled_postings_dir().glob("*.yaml")))
    assert sum(counted) == len(corpus.postings) == bundled + 9
    assert counted[1:] == [4, 4, 1], "the user folder is reported in steps, then the rest"


@pytest.mark.parametrize(
    ("bad_yaml", "bad_field"),
    [(3, 6), (6, 3), (4, 4 + 1), (8, 0)],
    ids=["yaml first", "field first", "same chunk", "first file"],
)
def test_the_first_bad_file_by_name_is_the_error(
    tmp_path: Path, bad_yaml: int, bad_field: int
) -> None:
    folder = _folder_of(tmp_path, 9)
    write(folder, f"p{bad_yaml:03d}.yaml", GOOD.replace("lines:\n", "lines:\n\t- x\n"))
    write(folder, f"p{bad_field:03d}.yaml", GOOD.replace("- line: 4", "- line: -4"))
    serial = _read(folder, parallel=False)
    first = min(bad_yaml, bad_field)
    assert isinstance(serial, str) and f"p{first:03d}.yaml:" in serial
    assert _read(folder, parallel=True) == serial


def test_without_worker_processes_the_folder_is_read_serially(tmp_path: Path) -> None:
    import concurrent.futures

    folder = _folder_of(tmp_path, 5)
    serial = _read(folder, parallel=False)

    def no_processes(*args: object, **kwargs: object) -> None:
        raise OSError("no semaphores here")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(concurrent.futures, "ProcessPoolExecutor", no_processes)
        assert _read(folder, parallel=True) == serial


def test_a_posting_read_from_a_folder_is_the_one_its_file_holds(tmp_path: Path) -> None:
    from careergap.files.loader import read_user_yaml
    from careergap.models import Posting

    folder = _folder_of(tmp_path, 3)
    loaded = _read(folder, parallel=True)
    assert not isinstance(loaded, str)
    (path_a, a), _, _ = loaded
    plain = Posting.model_validate(read_user_yaml(path_a).data)
    assert a == plain
    assert a.model_fields_set == plain.model_fields_set  # type: ignore[attr-defined]
    assert [line.model_fields_set for line in a.lines] == [  # type: ignore[attr-defined]
        line.model_fields_set for line in plain.lines
    ]
