"""A YAML file becomes a pydantic model here, with one error policy for every file careergap reads.

The policy: every problem of a file is reported at once, each as ``path:LINE: field: message``
(a :class:`careergap.errors.Problem`), sorted by line, the line found by walking pydantic's
``err["loc"]`` along the file's YAML nodes. Who wrote the file decides the exception: a file a
person writes (a profile, their postings) raises :class:`ValidationFailed`; careergap's own data
(``trusted=True``: the packaged taxonomy, role families, resources and bundled postings) raises
:class:`DataError`, as a bug in shipped data. An unreadable file is refused by
``careergap.files.loader`` in the same ``path:LINE`` words before any model is built.

Valid files take the fast road (data without nodes); the nodes are composed only to locate the
problems of a file that failed, so locating costs nothing on the way that matters.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, NoReturn, TypeVar, cast

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from careergap.errors import DataError, InputFileError, Problem, ValidationFailed
from careergap.files import loader
from careergap.files.loader import YamlDoc

T = TypeVar("T")

#: A located problem before it names its file: (where in the data, message).
Finding = tuple[Sequence[str | int], str]
#: How a caller words pydantic's errors for its readers: (error, document) -> finding.
Reword = Callable[[ErrorDetails, YamlDoc], Finding]
#: Checks a model's type cannot express (an id unknown to the taxonomy...), each located.
Check = Callable[[Any], Iterable[Finding]]

#: Marks "the caller has not read the file yet" (``None`` is valid YAML data).
_UNREAD: Any = object()


def read_model(
    path: Path,
    shape: type[T],
    *,
    trusted: bool = False,
    data: Any = _UNREAD,
    reword: Reword | None = None,
    check: Check | None = None,
) -> T:
    """The YAML file at ``path`` as ``shape`` (a model class, or a type such as
    ``list[Skill]``), or every problem of the file at once, located (see the module docstring).

    ``data`` is the file's data when the caller has read it already (a folder read in bulk);
    ``reword`` rephrases pydantic's messages; ``check`` adds problems the type cannot see.
    """
    if data is _UNREAD:
        data = _read_trusted(path) if trusted else loader.read_user_yaml(path).data
    try:
        value = _validate(shape, data)
    except ValidationError as exc:
        doc = _document(path, trusted)
        _raise(located(doc, model_findings(exc, doc, reword)), trusted)
    if check is not None:
        findings = list(check(value))
        if findings:
            _raise(located(_document(path, trusted), findings), trusted)
    return value


def validate_document(
    doc: YamlDoc, shape: type[T], reword: Reword | None = None
) -> tuple[T | None, list[Problem]]:
    """``doc``'s data as ``shape`` and no problems, or None and every problem, located: for a
    caller that reports more than the model's problems (the profile resolves names too)."""
    try:
        return _validate(shape, doc.data), []
    except ValidationError as exc:
        return None, located(doc, model_findings(exc, doc, reword))


def model_findings(
    exc: ValidationError, doc: YamlDoc, reword: Reword | None = None
) -> list[Finding]:
    """Each pydantic error as (where, message), reworded when the caller says how."""
    if reword is not None:
        return [reword(err, doc) for err in exc.errors(include_url=False)]
    return [(tuple(err["loc"]), err["msg"]) for err in exc.errors(include_url=False)]


def located(doc: YamlDoc, findings: Iterable[Finding]) -> list[Problem]:
    """Findings as Problems naming ``doc``'s file and the line of each (its nearest written
    parent when the entry itself is absent), sorted by line, field, then message."""
    problems = [
        Problem(
            str(doc.path),
            doc.nearest_line(where),
            ".".join(str(part) for part in where) or None,
            message,
        )
        for where, message in findings
    ]
    return sorted(problems, key=problem_order)


def problem_order(problem: Problem) -> tuple[int, str, str]:
    """Problems sort by line, then field, then message (deterministic output)."""
    return (problem.line or 0, problem.field or "", problem.message)


def _validate(shape: type[T], data: Any) -> T:
    if isinstance(shape, type) and issubclass(shape, BaseModel):
        return shape.model_validate(data)
    validated: T = _adapter(cast(Any, shape)).validate_python(data)
    return validated


@lru_cache(maxsize=16)
def _adapter(shape: Any) -> TypeAdapter[Any]:
    """One adapter per shape (``list[Skill]``...): building one costs more than validating."""
    return TypeAdapter(shape)


def _read_trusted(path: Path) -> Any:
    try:
        return loader.load_trusted_yaml(path)
    except InputFileError as exc:  # unreadable shipped data is a bug in careergap's data
        raise DataError(str(exc)) from None


def _document(path: Path, trusted: bool) -> YamlDoc:
    if not trusted:
        return loader.read_user_yaml(path)
    try:
        return loader.trusted_doc(path)
    except InputFileError as exc:
        raise DataError(str(exc)) from None


def _raise(problems: list[Problem], trusted: bool) -> NoReturn:
    if trusted:
        raise DataError("\n".join(str(p) for p in problems))
    raise ValidationFailed(problems)
