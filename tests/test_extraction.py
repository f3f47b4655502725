"""``careergap.reading.extraction`` (mentions grouped by line) and ``careergap.views.extraction``
(the hand-spelled ``extract --json``).

The JSON is written piece by piece for speed; these tests hold it to exactly the bytes
``emit_json`` prints (json.dumps, then ``escaping.for_json``), so consumers see no change.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from careergap.files.escaping import for_json
from careergap.reading.extraction import first_lines, line_numbers
from careergap.reading.extractor import Mention
from careergap.views.extraction import extract_json_chunks

Skills = list[tuple[str, str, list[int]]]

#: Strings JSON must escape or may pass through: quotes, backslashes, control characters,
#: the JavaScript line separators, non-BMP characters, non-ASCII letters.
AWKWARD = ['say "hi"', "C:\\path\\to", "tab\there\x01\x1f\x7f", "\u2028\u2029", "😀 Zoë İ", ""]


def _reference(
    version: int,
    source: str,
    lines: list[str],
    skills: Skills,
    sections: list[str] | None = None,
    not_demands: frozenset[tuple[str, int]] = frozenset(),
) -> str:
    payload: dict[str, Any] = {
        "schema_version": version,
        "source": source,
        "skills": [
            {
                "id": sid,
                "name": name,
                "mentions": [
                    {
                        "line": n,
                        "text": lines[n - 1].strip(),
                        "section": sections[n - 1] if sections else "requirements",
                        "demand": (sid, n) not in not_demands,
                    }
                    for n in numbers
                ],
            }
            for sid, name, numbers in skills
        ],
    }
    return for_json(json.dumps(payload, indent=2, ensure_ascii=False, allow_nan=False)) + "\n"


def _ours(
    version: int,
    source: str,
    lines: list[str],
    skills: Skills,
    sections: list[str] | None = None,
    not_demands: frozenset[tuple[str, int]] = frozenset(),
) -> str:
    chunks = extract_json_chunks(version, source, lines, skills, sections, not_demands)
    return b"".join(chunks).decode()


def test_json_is_byte_for_byte_json_dumps() -> None:
    lines = ["Python and C", *AWKWARD, f"  {AWKWARD[0]}\t"]
    skills: Skills = [
        ("python", "Python", [1, len(lines)]),
        ("weird", AWKWARD[1], list(range(2, len(lines) + 1))),
    ]
    assert _ours(1, "posting.txt", lines, skills) == _reference(1, "posting.txt", lines, skills)


def test_json_names_each_mentions_section_and_whether_it_is_a_demand() -> None:
    lines = ["About us", "We power robots.", "Requirements", "Python, not Java"]
    sections = ["about", "about", "requirements", "requirements"]
    skills: Skills = [("java", "Java", [4]), ("python", "Python", [4]), ("robots", "R", [2])]
    not_demands = frozenset({("java", 4), ("robots", 2)})
    ours = _ours(1, "f", lines, skills, sections, not_demands)
    assert ours == _reference(1, "f", lines, skills, sections, not_demands)
    found = {s["id"]: s["mentions"][0] for s in json.loads(ours)["skills"]}
    assert (found["java"]["section"], found["java"]["demand"]) == ("requirements", False)
    assert (found["python"]["section"], found["python"]["demand"]) == ("requirements", True)
    assert (found["robots"]["section"], found["robots"]["demand"]) == ("about", False)


def test_json_without_skills_or_mentions() -> None:
    empty = '{\n  "schema_version": 1,\n  "source": "-",\n  "skills": []\n}\n'
    assert _ours(1, "-", [], []) == _reference(1, "-", [], []) == empty
    lonely: Skills = [("go", "Go", [])]
    assert _ours(1, "-", ["Go"], lonely) == _reference(1, "-", ["Go"], lonely)


def test_json_streams_one_piece_per_skill() -> None:
    lines = [f"line {i}" for i in range(1, 6)]
    skills: Skills = [(f"s{i}", f"S{i}", [i]) for i in range(1, 6)]
    pieces = list(extract_json_chunks(1, "f", lines, skills))
    assert len(pieces) == 6  # the head with the first skill, four more, the closing brackets
    assert json.loads(b"".join(pieces))["skills"][4] == {
        "id": "s5",
        "name": "S5",
        "mentions": [{"line": 5, "text": "line 5", "section": "requirements", "demand": True}],
    }


@settings(max_examples=300, deadline=None)
@given(
    source=st.text(),
    lines=st.lists(st.text(), min_size=1, max_size=8),
    skills=st.lists(
        st.tuples(st.text(), st.text(), st.sets(st.integers(min_value=1, max_value=8))),
        max_size=4,
    ),
)
def test_json_matches_json_dumps_for_any_text(
    source: str, lines: list[str], skills: list[tuple[str, str, set[int]]]
) -> None:
    numbered: Skills = [
        (sid, name, sorted(n for n in numbers if n <= len(lines))) for sid, name, numbers in skills
    ]
    assert _ours(1, source, lines, numbered) == _reference(1, source, lines, numbered)


def test_lines_grouped_by_skill() -> None:
    text = "  Python, Go and Python  \nnothing here\r\nGo: yes\nlast Python"
    at = text.index
    mentions = [
        Mention("python", 2, 8, "Python"),
        Mention("go", at("Go"), at("Go") + 2, "Go"),
        Mention("python", at("Python  "), at("Python  ") + 6, "Python"),
        Mention("go", at("Go:"), at("Go:") + 2, "Go"),
        Mention("python", at("last") + 5, len(text), "Python"),
    ]
    lines = text.split("\n")
    found = line_numbers(lines, mentions)
    assert found == {"go": [1, 3], "python": [1, 4]}
    assert list(found) == ["go", "python"]  # skills sorted by id, whatever the mention order
    assert line_numbers(lines, list(reversed(mentions))) == found
    assert first_lines(text, mentions) == {
        "go": (1, "Python, Go and Python"),
        "python": (1, "Python, Go and Python"),
    }
    assert first_lines(text, mentions[3:]) == {"go": (3, "Go: yes"), "python": (4, "last Python")}


def test_mentions_on_the_first_character_of_a_line() -> None:
    text = "R\nR\n\nR"
    mentions = [Mention("r", i, i + 1, "R") for i, c in enumerate(text) if c == "R"]
    assert line_numbers(text.split("\n"), mentions) == {"r": [1, 2, 4]}
    assert first_lines(text, mentions[1:]) == {"r": (2, "R")}
    assert line_numbers([""], []) == {}
    assert first_lines("", []) == {}
