"""Large regular expressions compiled once per Python version, not once per process.

The gazetteer (extract/regions.py) is one 200 KB pattern with a named group per place;
Python's `re` takes about 0.3 s to compile it, and every process that reads a place pays
that: each worker pool's fork server, the job's single writer (dedup reads places in firm
names), each `kzmon extract`. `re` keeps no compiled pattern across processes and offers no
way to save one, so this module keeps what its compiler produces (the opcode list and the
group tables: plain integers and strings, written with `marshal`, which cannot carry code)
in a `__pycache__` file beside this module, keyed by the pattern, the flags and the exact
interpreter, the way Python keeps .pyc files. Loading it takes about 10 ms.

This uses CPython's internals (`re._parser`, `re._compiler`, `_sre.compile`), the same calls
`re.compile` makes. Anything unexpected (another interpreter, a format that changed, a
cache that cannot be read or written) falls back to `re.compile`, so the result is always
the pattern `re.compile` would give.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
import tempfile
from pathlib import Path

CACHE_DIR = Path(__file__).resolve().parent / "__pycache__"


def compile_cached(pattern: str, flags: int = 0, name: str = "pattern") -> re.Pattern:
    """re.compile(pattern, flags), from the cache when this interpreter compiled it before.
    `name` says which pattern it is: saving a new version of it (the gazetteer edited) removes
    the files of its older versions, so the cache does not grow with every edit."""
    try:
        import _sre
        from re import _compiler, _parser
    except ImportError:  # not CPython
        return re.compile(pattern, flags)
    key = hashlib.sha1(f"{sys.hexversion}\x00{_sre.MAGIC}\x00{flags}\x00{pattern}".encode("utf-8")).hexdigest()
    stem = f"regex-{sys.implementation.cache_tag}-{name}-"
    path = CACHE_DIR / f"{stem}{key[:20]}.marshal"
    try:
        return _sre.compile(pattern, *marshal.loads(path.read_bytes()))
    except (OSError, ValueError, EOFError, TypeError, RuntimeError):
        pass
    try:
        parsed = _parser.parse(pattern, flags)
        code = [int(op) for op in _compiler._code(parsed, flags)]
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for group, number in groupindex.items():
            indexgroup[number] = group
        # the arguments of _sre.compile after the pattern, as re._compiler.compile passes them
        table = (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
        compiled = _sre.compile(pattern, *table)
    except Exception:  # noqa: BLE001 - internals of another version: the public way
        return re.compile(pattern, flags)
    _save(path, marshal.dumps(table))
    for old in CACHE_DIR.glob(f"{stem}{'?' * 20}.marshal"):   # this name's files only, not "<name>-more"
        if old != path:
            try:
                old.unlink()
            except OSError:
                pass
    return compiled


def _save(path: Path, data: bytes) -> None:
    """Written whole or not at all (several processes may compile the same pattern at once)."""
    tmp = None
    try:
        path.parent.mkdir(exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError:  # a read-only install: compiled again next time, as re would
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
