"""Read a large folder of posting files on every core, in file order, first error first.

A first run over a big ``--postings`` folder spends its time reading each posting: parsing it
and, in ``store/streamed``, extracting its demands. :func:`read_ahead` hands chunks of files to
worker processes running a given task (``store/streamed.compile_batch`` for the corpus build,
``loader.read_user_data_batch`` for :func:`read_folder`), which send back plain data (cheap to
pickle: no nodes, no models); the caller takes the results in order.
A file a worker could not read comes back as None and is read again here, in order, so the
error raised is exactly the one a serial read raises at that file, and nothing after it is
looked at. If processes cannot be started (or a worker dies) the rest is read serially.

A speed trick that pays rent (issue 14): on an idle 2-core machine, a first ``match --postings``
over 10k generated postings took 38.6 s wall with the workers (which read, check and extract
every posting, ``store/streamed``) and 48.4 s without, 20% less, for 33% more CPU
(``tests/benchmarks/bench_tricks.py --only worker-pool --runs 1``, load 1.2-1.4). On a machine
whose cores are busy it gains nothing (-2% wall under load 7.5-9.7).
"""

from __future__ import annotations

import os
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import closing
from pathlib import Path
from typing import Any, TypeVar

from careergap.files.loader import read_user_data, read_user_data_batch

T = TypeVar("T")
#: A worker's task: the paths of one chunk -> one result per path, in order, stopping after the
#: first path it could not handle (None): the caller handles that one, and the rest, itself.
#: A top-level function, so a fresh worker process can import it.
Batch = Callable[[list[str]], list[T | None]]

#: Below this many files, starting worker processes (~0.3 s, each re-imports careergap) costs
#: more than it saves.
PARALLEL_MIN_FILES = 2000
#: Files per task: big enough that pickling and scheduling are a small share, small enough
#: that every worker stays busy to the end and an early bad file stops the work soon.
CHUNK_FILES = 500
#: Tasks queued per worker: enough to keep it busy, few enough that results the caller has
#: not consumed yet (plain data, ~10 kB a file) never pile up in memory.
TASKS_AHEAD_PER_WORKER = 2
#: Workers are forked (instant, nothing re-imported) when this process runs no other thread;
#: with one running (a progress bar), a fork would copy its locks in whatever state they are
#: in, so they are started fresh instead, which re-imports the main module (guarded in every
#: script careergap installs; a script of yours must use ``if __name__ == "__main__"``).
FORK_METHOD, FRESH_METHOD = "fork", "spawn"
#: How often a worker checks that careergap is still there. A careergap killed by a signal
#: (SIGTERM, a closed terminal) runs no clean-up, and its workers would otherwise wait forever,
#: holding its stdout and stderr open.
ORPHAN_CHECK_SECONDS = 0.5


def read_folder(paths: Sequence[Path]) -> Generator[tuple[Path, dict[str, Any]], None, None]:
    """``(path, read_user_data(path))`` for each path in order; raises at the first bad file.

    Large folders are read ahead by worker processes; the results are the same either way.
    """

    with closing(read_ahead(paths, read_user_data_batch)) as results:
        for path, data in results:
            yield path, (data if data is not None else read_user_data(path))


def read_ahead(
    paths: Sequence[Path], batch: Batch[T]
) -> Generator[tuple[Path, T | None], None, None]:
    """Each path with ``batch``'s result for it, worked out ahead by worker processes when
    there are enough paths, else None: the caller then handles that path itself, in this
    process (as it must for a path a worker could not handle, so that its error is raised here,
    in path order). Close the generator to stop the workers early."""
    ahead = _read_ahead(paths, batch) if len(paths) >= PARALLEL_MIN_FILES else iter(())
    try:
        for path in paths:
            yield path, next(ahead, None)
    finally:
        close = getattr(ahead, "close", None)
        if close is not None:
            close()


def exit_when_orphaned(parent: int, every: float) -> None:
    """In a worker: end this process as soon as ``parent`` is no longer its parent."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="careergap-orphan-watch", daemon=True).start()


def usable_cpus() -> int:
    """CPUs this process may run on (its affinity mask where the platform has one)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def _read_ahead(paths: Sequence[Path], batch: Batch[T]) -> Iterator[T | None]:
    """One result per path, in order, from worker processes: ``batch``'s, or None to handle it
    here.

    Stops early (the caller reads the rest itself) when workers cannot run.
    """
    # Lazy: worker processes only for large folders; `match` on a warm cache never starts them.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    chunks = [
        [str(path) for path in paths[start : start + CHUNK_FILES]]
        for start in range(0, len(paths), CHUNK_FILES)
    ]
    workers = min(usable_cpus(), len(chunks))
    if workers < 2:
        return
    alone = threading.active_count() == 1
    method = (
        FORK_METHOD
        if alone and FORK_METHOD in multiprocessing.get_all_start_methods()
        else FRESH_METHOD
    )
    try:
        pool = ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context(method),
            initializer=exit_when_orphaned,
            initargs=(os.getpid(), ORPHAN_CHECK_SECONDS),
        )
        pending = deque(
            pool.submit(batch, chunk) for chunk in chunks[: workers * TASKS_AHEAD_PER_WORKER]
        )
    except (OSError, RuntimeError, ImportError, NotImplementedError):
        return  # no processes here (sandbox, no semaphores): the caller reads serially
    try:
        for index, chunk in enumerate(chunks):
            try:
                results = pending.popleft().result()
                following = index + len(pending) + 1
                if following < len(chunks):
                    pending.append(pool.submit(batch, chunks[following]))
            except Exception:  # noqa: BLE001 - a dead worker or pickling trouble, not a bad file
                return
            yield from results
            yield from [None] * (len(chunk) - len(results))
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
