"""Reading the world-knowledge files (extract/data/*.yaml).

Every worker process reads them once at start-up, on every run; libyaml's C loader does that
5-10x faster than the pure-Python one (about 0.2 s of each worker's start-up), and gives the
same data (tests/test_data_files.py compares both on every file). Without libyaml, the Python
loader is used."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(source: str | Path | Any) -> Any:
    """A YAML file (a path) or stream/text, read with the fastest safe loader available."""
    if isinstance(source, Path):
        source = source.read_text(encoding="utf-8")
    return yaml.load(source, Loader=LOADER)  # noqa: S506 (a safe loader)
