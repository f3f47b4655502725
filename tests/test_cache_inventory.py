"""Deciding whether the corpus changed: sizes and mtimes first, content hashes when they differ."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from careergap.store.cache_inventory import files_record, fingerprint, input_files


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name in ("b.yaml", "a.yaml", "notes.txt"):
        (tmp_path / name).write_text(f"id: {name}\n", encoding="utf-8")
    (tmp_path / "old.yaml").write_text("id: old\n", encoding="utf-8")
    for path in tmp_path.iterdir():
        os.utime(path, ns=(0, 10**18))  # long before the racy window
    return tmp_path


def test_lists_the_yaml_files_in_name_order_after_the_data_files(folder: Path) -> None:
    inventory = input_files([folder])
    assert inventory is not None
    names = [Path(n).name for n in inventory.names]
    assert names == ["skills.yaml", "families.yaml", "a.yaml", "b.yaml", "old.yaml"]
    assert input_files([folder / "missing"]) is None


def test_same_stats_reuse_the_digests_and_a_change_of_content_changes_the_key(
    folder: Path,
) -> None:
    first = fingerprint(input_files([folder]), {}, "salt")  # type: ignore[arg-type]
    assert first is not None and first.rehashed
    again = fingerprint(input_files([folder]), files_record(first.files), "salt")  # type: ignore[arg-type]
    assert again is not None and (again.key, again.rehashed) == (first.key, False)

    # Same size, same mtime, other bytes: by design (as git) this is not noticed...
    path = folder / "a.yaml"
    path.write_text("id: a.yamX\n", encoding="utf-8")
    os.utime(path, ns=(0, 10**18))
    same = fingerprint(input_files([folder]), files_record(first.files), "salt")  # type: ignore[arg-type]
    assert same is not None and same.key == first.key
    # ...but any new mtime makes the file be hashed again, and the key follows its content.
    os.utime(path, ns=(0, 10**18 + 1))
    changed = fingerprint(input_files([folder]), files_record(first.files), "salt")  # type: ignore[arg-type]
    assert changed is not None and changed.rehashed and changed.key != first.key
    assert fingerprint(input_files([folder]), {}, "other salt").key != changed.key  # type: ignore[arg-type,union-attr]


def test_a_file_written_just_now_keeps_no_mtime_in_the_record(folder: Path) -> None:
    (folder / "new.yaml").write_text("id: new\n", encoding="utf-8")  # mtime: now
    scan = fingerprint(input_files([folder]), {}, "salt")  # type: ignore[arg-type]
    assert scan is not None
    record = dict(zip(scan.files["names"], files_record(scan.files)["mtimes"], strict=True))
    assert record[str(folder / "new.yaml")] == -1
    assert record[str(folder / "old.yaml")] == 10**18


def test_a_damaged_record_only_costs_a_rehash(folder: Path) -> None:
    good = fingerprint(input_files([folder]), {}, "salt")  # type: ignore[arg-type]
    for known in ({"names": 3}, {"names": [[1]], "sizes": [], "mtimes": [], "digests": []}, []):
        scan = fingerprint(input_files([folder]), known, "salt")  # type: ignore[arg-type]
        assert scan is not None and scan.key == good.key  # type: ignore[union-attr]
