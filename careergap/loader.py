"""All YAML reading and writing. The only module that imports ``yaml``.

Packaged data is trusted and loaded with the fast C loader when present. User files go
through the hardened reader (size limit, UTF-8, duplicate keys, alias bombs, no tags).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

try:  # libyaml is several times faster; fall back to the pure-Python loader.
    _FastLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _FastLoader = yaml.SafeLoader


def load_trusted_yaml(path: Path) -> Any:
    """Load a YAML file shipped with careergap (or written by its own pipeline)."""
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_FastLoader)  # noqa: S506 - a SafeLoader subclass


def dump_yaml(data: Any) -> str:
    """Dump data as stable, human-readable YAML (key order kept, unicode kept)."""
    return yaml.dump(data, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)
