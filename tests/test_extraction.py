"""``careergap.extraction``: mentions grouped by line, and the hand-spelled ``extract --json``.

The JSON is written piece by piece for speed; these tests hold it to exactly the bytes
``json.dumps(payload, indent=2, ensure_ascii=False)`` prints, so consumers see no change.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from careergap.extraction import extract_json_chunks, mentions_by_skill
from careergap.matching import Mention

Skills = list[tuple[str, str, list[tuple[int, str]]]]

#: Strings JSON must escape or may pass through: quotes, backslashes, control characters,
#: the JavaScript line separators, non-BMP characters, non-ASCII letters.
AWKWARD = ['say "hi"', "C:\\path\\to", "tab\there\x01\x1f\x7f", "\u2028\u2029", "😀 Zoë İ", ""]


def _reference(version: int, source: str, skills: Skills) -> str:
    payload: dict[str, Any] = {
        "schema_version": version,
        "source": source,
        "skills": [
            {"id": sid, "name": name, "mentions": [{"line": n, "text": t} for n, t in lines]}
            for sid, name, lines in skills
        ],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def _ours(version: int, source: str, skills: Skills) -> str:
    return "".join(extract_json_chunks(version, source, iter(skills)))


def test_json_is_byte_for_byte_json_dumps() -> None:
    skills: Skills = [
        ("python", "Python", [(1, "Python and C"), (7, AWKWARD[0])]),
        ("weird", AWKWARD[1], [(n, text) for n, text in enumerate(AWKWARD, start=2)]),
    ]
    assert _ours(1, "posting.txt", skills) == _reference(1, "posting.txt", skills)


def test_json_without_skills_or_mentions() -> None:
    assert (
        _ours(1, "-", [])
        == _reference(1, "-", [])
        == ('{\n  "schema_version": 1,\n  "source": "-",\n  "skills": []\n}\n')
    )
    lonely: Skills = [("go", "Go", [])]
    assert _ours(1, "-", lonely) == _reference(1, "-", lonely)


def test_json_streams_one_piece_per_skill() -> None:
    skills: Skills = [(f"s{i}", f"S{i}", [(i, "text")]) for i in range(5)]
    pieces = list(extract_json_chunks(1, "f", skills))
    assert len(pieces) == 6  # the head with the first skill, four more, the closing brackets
    assert json.loads("".join(pieces))["skills"][4] == {
        "id": "s4",
        "name": "S4",
        "mentions": [{"line": 4, "text": "text"}],
    }


@settings(max_examples=300, deadline=None)
@given(
    source=st.text(),
    skills=st.lists(
        st.tuples(
            st.text(),
            st.text(),
            st.lists(st.tuples(st.integers(min_value=1, max_value=10**9), st.text())),
        ),
        max_size=4,
    ),
)
def test_json_matches_json_dumps_for_any_text(source: str, skills: Skills) -> None:
    assert _ours(1, source, skills) == _reference(1, source, skills)


def test_mentions_grouped_by_skill_and_line() -> None:
    text = "  Python, Go and Python  \nnothing here\r\nGo: yes\nlast Python"
    at = text.index
    mentions = [
        Mention("python", 2, 8, "Python"),
        Mention("go", at("Go"), at("Go") + 2, "Go"),
        Mention("python", at("Python  "), at("Python  ") + 6, "Python"),
        Mention("go", at("Go:"), at("Go:") + 2, "Go"),
        Mention("python", at("last") + 5, len(text), "Python"),
    ]
    expected = {
        "go": [(1, "Python, Go and Python"), (3, "Go: yes")],
        "python": [(1, "Python, Go and Python"), (4, "last Python")],
    }
    found = mentions_by_skill(text, mentions)
    assert found == expected
    assert list(found) == ["go", "python"]  # skills sorted by id, whatever the mention order
    assert mentions_by_skill(text, list(reversed(mentions))) == expected


def test_mentions_on_the_first_character_of_a_line() -> None:
    text = "R\nR\n\nR"
    mentions = [Mention("r", i, i + 1, "R") for i, c in enumerate(text) if c == "R"]
    assert mentions_by_skill(text, mentions) == {"r": [(1, "R"), (2, "R"), (4, "R")]}
    assert mentions_by_skill(text, []) == {}
