"""A person's own postings: parsed like curated ones, stored in the corpus format, removable."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from careergap.corpus import userpostings
from careergap.corpus.userpostings import parse_posting, remove, save, stored
from careergap.errors import CareergapError, ValidationFailed
from careergap.files.loader import read_user_yaml
from careergap.models import Posting

SKILLS = {"python": "Python", "kubernetes": "Kubernetes", "terraform": "Terraform", "go": "Go"}


@dataclass(frozen=True)
class _Mention:
    skill_id: str
    start: int
    end: int


def _find(text: str) -> list[_Mention]:
    found = [
        _Mention(sid, m.start(), m.end())
        for sid, name in SKILLS.items()
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)
    ]
    return sorted(found, key=lambda m: (m.start, m.end))


AD = """Senior Platform Engineer

- 5+ years of Python in production
- Kubernetes at scale
- Terraform is a plus

Preferred qualifications:
- Go
We offer competitive salary and great benefits.
"""


def test_title_lines_and_markers() -> None:
    pasted = parse_posting(AD, "mlops", _find)
    posting = pasted.posting
    assert posting.title == "Senior Platform Engineer"
    assert posting.families == ("mlops",)
    assert [(ln.line, ln.text, ln.required) for ln in posting.lines] == [
        (3, "5+ years of Python in production", True),
        (4, "Kubernetes at scale", True),
        (5, "Terraform is a plus", False),
        (8, "Go", False),
    ]
    assert pasted.skill_ids == ["go", "kubernetes", "python", "terraform"]
    assert posting.id.startswith("user-senior-platform-engineer-")


def test_a_job_board_title_line_gives_company_and_location() -> None:
    text = "ML Engineer · Example Corp · Berlin, Germany\n- Python\n"
    posting = parse_posting(text, "mle", _find).posting
    assert (posting.title, posting.company, posting.location) == (
        "ML Engineer",
        "Example Corp",
        "Berlin, Germany",
    )
    assert posting.id.startswith("user-ml-engineer-")


def test_explicit_title_keeps_the_first_line_as_a_requirement() -> None:
    posting = parse_posting("Python and Kubernetes\n", "mlops", _find, title="SRE").posting
    assert posting.title == "SRE"
    assert [ln.text for ln in posting.lines] == ["Python and Kubernetes"]


def test_same_text_same_id_different_text_different_id() -> None:
    a = parse_posting(AD, "mlops", _find).posting.id
    assert parse_posting(AD, "mlops", _find).posting.id == a
    assert parse_posting(AD + "- Python again\n", "mlops", _find).posting.id != a


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "-: the posting text is empty; paste the job ad's text"),
        ("  \n\t\n", "-: the posting text is empty; paste the job ad's text"),
        (
            "Chef\n- cooking pasta\n- washing dishes\n",
            "-: no known skills found in the posting; nothing was saved "
            "(see what careergap can read with `careergap extract FILE`)",
        ),
    ],
)
def test_bad_text_gets_a_clear_message(text: str, message: str) -> None:
    with pytest.raises(CareergapError) as err:
        parse_posting(text, "mlops", _find)
    assert str(err.value) == message


def test_save_writes_the_corpus_format_and_the_pasted_text() -> None:
    pasted = parse_posting(AD, "mlops", _find)
    path = save(pasted)
    assert path == userpostings.postings_dir() / f"{pasted.posting.id}.yaml"
    assert Posting.model_validate(read_user_yaml(path).data) == pasted.posting
    text_file = Path(pasted.posting.source)
    assert text_file.read_text(encoding="utf-8") == AD
    # the line numbers point at the pasted text
    assert text_file.read_text(encoding="utf-8").splitlines()[4] == "- Terraform is a plus"
    assert stored() == [pasted.posting]


def test_saving_twice_is_refused() -> None:
    pasted = parse_posting(AD, "mlops", _find)
    save(pasted)
    with pytest.raises(CareergapError, match="already stored as user-senior"):
        save(pasted)


def test_remove_deletes_both_files_and_only_user_postings() -> None:
    pasted = parse_posting(AD, "mlops", _find)
    save(pasted)
    removed = remove(pasted.posting.id)
    assert sorted(p.suffix for p in removed) == [".txt", ".yaml"]
    assert stored() == []
    with pytest.raises(CareergapError) as err:
        remove(pasted.posting.id)
    assert (
        str(err.value) == f"no posting of yours has id {pasted.posting.id!r}; you have added none"
    )
    with pytest.raises(CareergapError, match="only postings you added can be removed"):
        remove("mle-0001")


def test_a_damaged_stored_posting_is_named() -> None:
    folder = userpostings.postings_dir()
    folder.mkdir(parents=True)
    (folder / "user-x.yaml").write_text("id: user-x\ntitle: X\n", encoding="utf-8")
    with pytest.raises(ValidationFailed, match=r"user-x.yaml:1: families: Field required"):
        stored()
