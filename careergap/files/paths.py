"""Where careergap's packaged data and the user's own files live."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

#: Overrides every per-user directory (history, own postings, cache); tests set it.
HOME_ENV = "CAREERGAP_HOME"


def data_file(name: str) -> Path:
    """Path of a packaged data file (``careergap/data/NAME``)."""
    return Path(str(resources.files("careergap") / "data" / name))


def bundled_postings_dir() -> Path:
    """The curated corpus: inside the wheel when installed, ``postings/`` in a source checkout."""
    installed = Path(str(resources.files("careergap") / "_postings"))
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "postings"  # careergap/files/paths.py


def _user_dir(kind: str) -> Path:
    home = os.environ.get(HOME_ENV)
    if home:
        return Path(home) / kind
    # Lazy: platformdirs only when CAREERGAP_HOME does not say where (start-up).
    import platformdirs

    if kind == "config":
        return Path(platformdirs.user_config_dir("careergap"))
    if kind == "cache":
        return Path(platformdirs.user_cache_dir("careergap"))
    return Path(platformdirs.user_data_dir("careergap"))


def user_config_dir() -> Path:
    return _user_dir("config")


def user_data_dir() -> Path:
    return _user_dir("data")


def user_cache_dir() -> Path:
    return _user_dir("cache")


#: Folder (inside the user data dir) holding the user's postings (careergap.corpus.userpostings).
USER_POSTINGS_FOLDER = "postings"


def user_postings_dir() -> Path:
    """Where the postings a person stores with `postings add` live; here, not with the code that
    stores them, so finding the corpus's folders imports none of it (start-up)."""
    return user_data_dir() / USER_POSTINGS_FOLDER
