"""One way from a YAML file to a model: every problem at once, each naming file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel, ConfigDict, Field

from careergap.errors import DataError, InputFileError, ValidationFailed
from careergap.files.modelfile import read_model


class Item(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    size: int = Field(ge=0)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_file_becomes_the_model(tmp_path: Path) -> None:
    path = write(tmp_path, "name: a\nsize: 3\n")
    assert read_model(path, Item) == Item(name="a", size=3)
    assert read_model(path, Item, trusted=True) == Item(name="a", size=3)


def test_every_problem_of_a_user_file_is_located_and_sorted(tmp_path: Path) -> None:
    path = write(tmp_path, "size: -1\ncolour: red\n")
    with pytest.raises(ValidationFailed) as info:
        read_model(path, Item)
    assert [str(p) for p in info.value.problems] == [
        f"{path}:1: name: Field required",
        f"{path}:1: size: Input should be greater than or equal to 0",
        f"{path}:2: colour: Extra inputs are not permitted",
    ]


def test_a_trusted_file_is_a_data_error_with_the_same_lines(tmp_path: Path) -> None:
    path = write(tmp_path, "- name: a\n  size: 1\n- name: b\n  size: x\n")
    with pytest.raises(DataError) as info:
        read_model(path, list[Item], trusted=True)
    assert str(info.value) == (
        f"{path}:4: 1.size: Input should be a valid integer, unable to parse string as an integer"
    )


def test_invalid_yaml_names_file_and_line_in_both_kinds(tmp_path: Path) -> None:
    path = write(tmp_path, "name: a\nsize: [1\n")
    with pytest.raises(DataError, match=rf"^{path}:3:1: invalid YAML: "):
        read_model(path, Item, trusted=True)
    with pytest.raises(InputFileError, match=rf"^{path}:3:1: invalid YAML: "):
        read_model(path, Item)


def test_data_read_already_is_used_and_its_problems_located_from_the_file(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, "name: a\nsize: 2\n")
    assert read_model(path, Item, data={"name": "b", "size": 1}) == Item(name="b", size=1)
    with pytest.raises(ValidationFailed, match=rf"^{path}:2: size: Input should be"):
        read_model(path, Item, data={"name": "a", "size": -2})


def test_a_check_beyond_the_type_is_located_too(tmp_path: Path) -> None:
    path = write(tmp_path, "name: a\nsize: 2\n")

    def even_names(item: Item) -> list[tuple[tuple[str], str]]:
        return [(("name",), "must be two letters")] if len(item.name) != 2 else []

    with pytest.raises(ValidationFailed, match=rf"^{path}:1: name: must be two letters$"):
        read_model(path, Item, check=even_names)
