"""careergap never touches the network: every command runs with socket creation made to fail.

A CLI that scores a private skill profile has no business phoning home, and it must work on a
plane. Socket creation, name resolution and connection helpers are replaced by a guard that
records the attempt and raises; each command must still succeed and the guard must stay silent.
"""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from careergap.cli import app

PROFILE = "name: Ada\ntarget_roles: [MLOps]\nskills:\n  Python: 3\n  SQL: 2\n  Docker: 1\n"
LATER = PROFILE.replace("Python: 3", "Python: 4")
AD = "Senior ML Engineer\nStrong Python and PyTorch.\nKubernetes is a plus.\n"
CV = "Jane Doe\nFive years of Python, SQL and Docker.\n"

#: (command line, needs the seed documents). PROFILE, LATER, AD, CV, HOME, SEEDS are filled in.
COMMANDS: list[tuple[list[str], bool]] = [
    (["--help"], False),
    (["--version"], False),
    (["validate", "PROFILE"], False),
    (["match", "PROFILE"], False),
    (["match", "PROFILE", "--json"], False),
    (["gaps", "--profile", "PROFILE"], False),
    (["gaps", "--role", "mlops", "--profile", "PROFILE"], False),
    (["explain", "--role", "mlops", "--profile", "PROFILE"], False),
    (["whatif", "--add", "Kubernetes=3", "--profile", "PROFILE"], False),
    (["plan", "--role", "mlops", "--profile", "PROFILE"], False),
    (["skills"], False),
    (["skills", "pytorch"], False),
    (["resources", "Python"], False),
    (["extract", "AD"], False),
    (["roles"], False),
    (["init", "HOME/new.yaml"], False),
    (["init", "HOME/cv.yaml", "--from-text", "CV"], False),
    (["progress"], False),
    (["diff", "PROFILE", "LATER"], False),
    (["report", "PROFILE", "-o", "HOME/report.html"], False),
    (["report", "PROFILE", "-o", "HOME/report.md"], False),
    (["postings", "list"], False),
    (["postings", "add", "AD", "--role", "mlops"], False),
    (["corpus", "build", "--seeds", "SEEDS", "--out", "HOME/corpus"], True),
]


class NetworkAttempt(AssertionError):
    pass


@pytest.fixture
def attempts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make every way of opening a connection raise, and record who tried."""
    seen: list[str] = []

    def guard(name: str) -> Any:
        def refuse(*args: Any, **kwargs: Any) -> Any:
            seen.append(f"{name}{args!r}")
            raise NetworkAttempt(f"network access attempted: {name}")

        return refuse

    class NoSocket(socket.socket):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            guard("socket.socket")(*args, **kwargs)

    monkeypatch.setattr(socket, "socket", NoSocket)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "socketpair", "fromfd"):
        monkeypatch.setattr(socket, name, guard(f"socket.{name}"))
    return seen


@pytest.mark.parametrize("argv,needs_seeds", COMMANDS, ids=[" ".join(argv) for argv, _ in COMMANDS])
def test_command_runs_without_network(
    argv: list[str],
    needs_seeds: bool,
    attempts: list[str],
    tmp_path: Path,
    request: pytest.FixtureRequest,
) -> None:
    slots = {"HOME": tmp_path}
    for name, text in (("PROFILE", PROFILE), ("LATER", LATER), ("AD", AD), ("CV", CV)):
        path = tmp_path / f"{name.lower()}.txt"
        path.write_text(text, encoding="utf-8")
        slots[name] = path
    if needs_seeds:
        slots["SEEDS"] = request.getfixturevalue("seeds_dir")
    args = []
    for arg in argv:
        for name, value in slots.items():
            arg = arg.replace(name, str(value)) if arg.startswith(name) else arg
        args.append(arg)
    result = CliRunner().invoke(app, args)
    assert attempts == []
    assert result.exit_code == 0, result.output
    assert "network access attempted" not in result.output


def test_the_guard_really_blocks(attempts: list[str]) -> None:
    with pytest.raises(NetworkAttempt):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(NetworkAttempt):
        socket.socket()
    assert len(attempts) == 2
