"""Worker processes that read a large folder never outlive careergap."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from careergap.corpus import readahead
from careergap.files.loader import read_user_data_batch

#: A process that starts a child the way the pool starts a worker, then dies from a signal
#: (as from `kill PID` or a closed terminal: no clean-up runs). The child would sleep a minute.
DRIVER = """
import os, signal, sys, time
from pathlib import Path
from careergap.corpus import readahead
from careergap.files.loader import read_user_data_batch

parent = os.getpid()  # taken before the fork, as the pool passes it to its workers
child = os.fork()
if child == 0:
    readahead.exit_when_orphaned(parent, 0.05)
    time.sleep(60)
    os._exit(0)
Path(sys.argv[1]).write_text(str(child))
os.kill(os.getpid(), signal.SIGKILL)
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"  # a zombie has exited; only its exit status is left for init


@pytest.mark.skipif(not hasattr(os, "fork") or not Path("/proc/self/stat").exists(), reason="Linux")
def test_a_worker_exits_soon_after_careergap_is_killed(tmp_path: Path) -> None:
    pid_file = tmp_path / "child.txt"
    proc = subprocess.run(
        [sys.executable, "-c", DRIVER, str(pid_file)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=tmp_path,  # careergap as installed, not whatever the working directory holds
        check=False,
    )
    assert proc.returncode == -signal.SIGKILL
    child = int(pid_file.read_text())
    deadline = time.monotonic() + 10
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    if _alive(child):  # do not leave it behind when the test fails
        os.kill(child, signal.SIGKILL)
        pytest.fail("the orphaned worker is still running")


def test_the_pool_starts_every_worker_with_the_orphan_watch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import concurrent.futures

    seen: dict[str, Any] = {}

    class Pool:
        def __init__(self, workers: int, **kwargs: Any) -> None:
            seen.update(kwargs)
            raise OSError("no processes here")  # then the caller reads serially

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Pool)
    monkeypatch.setattr(readahead, "usable_cpus", lambda: 2)
    monkeypatch.setattr(readahead, "CHUNK_FILES", 1)
    paths = [tmp_path / "a.yaml", tmp_path / "b.yaml"]
    assert list(readahead._read_ahead(paths, read_user_data_batch)) == []
    assert seen["initializer"] is readahead.exit_when_orphaned
    assert seen["initargs"] == (os.getpid(), readahead.ORPHAN_CHECK_SECONDS)
