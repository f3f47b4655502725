"""The ``careergap`` command's entry point (``python -m careergap`` runs the same).

It owns two process-wide habits, set up before typer, rich or pydantic are imported so they
hold from the first moment careergap's own code runs:

- **Ctrl-C** prints ``interrupted`` on stderr and exits 130, whenever it comes: during
  start-up, while a command works (``finally`` blocks still run, so no temporary file is left
  behind), or while output is flushed at the end. A second Ctrl-C ends the process at once.
- **A closed pipe** (``careergap match me.yaml | head -1``) ends quietly with exit 0, as Unix
  tools do: the reader got what it wanted. Nothing more is written and Python's shutdown
  prints no "Exception ignored" about the lost stdout.

Only the standard library is imported here: everything heavy comes after the handler.
"""

from __future__ import annotations

import os
import signal
import sys

#: Exit code after Ctrl-C, as shells report a process ended by SIGINT (128 + 2).
INTERRUPTED_EXIT = 130
#: What Ctrl-C prints on stderr.
INTERRUPTED_MESSAGE = b"interrupted\n"

_interrupted = False


def _on_sigint(signum: int, frame: object) -> None:
    """First Ctrl-C: unwind (so clean-up runs); the entry point then says so and exits 130."""
    global _interrupted
    if _interrupted:
        _exit_interrupted()
    _interrupted = True
    raise KeyboardInterrupt


def _exit_interrupted() -> None:
    try:
        os.write(2, INTERRUPTED_MESSAGE)
    except OSError:  # stderr closed or a broken pipe: the exit code still says it
        pass
    os._exit(INTERRUPTED_EXIT)


def _silence(fd: int) -> None:
    """Point ``fd`` at the null device, so later writes and Python's final flush succeed."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, fd)
        os.close(null)
    except OSError:
        pass


def _exit_code(code: object) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)  # sys.exit("message"), as Python itself reports it
    return 1


def main() -> None:
    """Run the CLI with careergap's Ctrl-C and closed-pipe behaviour."""
    signal.signal(signal.SIGINT, _on_sigint)
    streams = (sys.stdout, sys.stderr)
    code: object = 0
    pipe_closed = False
    try:
        from careergap.cli import run  # typer, rich: after the handler is in place

        run()
    except SystemExit as exc:
        code = exc.code
    except KeyboardInterrupt:
        _exit_interrupted()
    except BrokenPipeError:
        pipe_closed = True
    if _interrupted:  # however it surfaced (typer turns it into a silent exit 130)
        _exit_interrupted()
    # From here on Ctrl-C can undo nothing: end at once, with the message.
    signal.signal(signal.SIGINT, lambda signum, frame: _exit_interrupted())
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except BrokenPipeError:
        pipe_closed = True
    # Our commands end a closed pipe with exit 0 themselves (cli._common.handle_errors); the
    # CLI framework, meeting one in its own output (--help), swaps in quiet stand-ins for
    # stdout and stderr and exits 1: that is a closed pipe too.
    if pipe_closed or (sys.stdout, sys.stderr) != streams:
        _silence(1)
        _silence(2)
        code = 0
    sys.exit(_exit_code(code))



if __name__ == "__main__":
    main()
