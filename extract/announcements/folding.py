"""Case-insensitive regexes that scan lower-cased text: the same matches, several times faster.

Python's `re` cannot skip ahead in an IGNORECASE pattern: every alternative of a long cue list
is entered at every position. Compiled without the flag and run over `text.lower()`, the
engine tests each alternative's first letter before entering it, so a sentence costs a few
microseconds per cue list instead of tens. Offsets are unchanged because lower-casing keeps
the length of every character we accept; a text where it does not ("İ") and a pattern the
rewrite cannot lower safely fall back to the IGNORECASE pattern. Match objects read their
groups from the original text, so callers see what an IGNORECASE match would give them.
"""
from __future__ import annotations

import re
import sys
from typing import Iterator

FLAGS = re.IGNORECASE | re.UNICODE

_recent: list[tuple[str, str | None]] = []
_RECENT = 4


def lowered(text: str) -> str | None:
    """`text.lower()` when it keeps every offset, else None. The last few answers are remembered
    (by identity, a cheap test) because a sentence is scanned by many cue lists in a row,
    with scans of its slices in between."""
    for seen, low in _recent:
        if seen is text:
            return low
    low = text.lower()
    if len(low) != len(text):
        low = None
    _recent.insert(0, (text, low))
    del _recent[_RECENT:]
    return low


def _lower_source(source: str) -> str | None:
    """The pattern with its letters lower-cased, escapes and group names kept; None when unsure."""
    out: list[str] = []
    i, n = 0, len(source)
    while i < n:
        c = source[i]
        if c == "\\":
            nxt = source[i + 1:i + 2]
            if not nxt or nxt in "uUxN" or nxt.isdigit():
                return None     # a code point or back-reference escape: keep the exact pattern
            out.append(source[i:i + 2])
            i += 2
            continue
        if source.startswith("(?P<", i) or source.startswith("(?P=", i):
            close = source.find(">" if source[i + 3] == "<" else ")", i)
            out.append(source[i:close + 1])
            i = close + 1
            continue
        low = c.lower()
        if len(low) != 1:
            return None
        out.append(low)
        i += 1
    return "".join(out)


class FoldedMatch:
    """A match found in the lower-cased text, read back from the original."""
    __slots__ = ("_m", "string")

    def __init__(self, m: re.Match, original: str):
        self._m = m
        self.string = original

    def group(self, *indices):
        if not indices:
            indices = (0,)
        parts = []
        for i in indices:
            s, e = self._m.span(i)
            parts.append(None if s < 0 else self.string[s:e])
        return parts[0] if len(parts) == 1 else tuple(parts)

    __getitem__ = group

    def groups(self, default=None):
        return tuple(default if g is None else g for g in (self.group(i) for i in range(1, self._m.re.groups + 1)))

    def groupdict(self, default=None):
        return {name: (default if self.group(name) is None else self.group(name)) for name in self._m.re.groupindex}

    def start(self, group=0):
        return self._m.start(group)

    def end(self, group=0):
        return self._m.end(group)

    def span(self, group=0):
        return self._m.span(group)

    @property
    def lastgroup(self):
        return self._m.lastgroup

    @property
    def lastindex(self):
        return self._m.lastindex

    @property
    def re(self):
        return self._m.re

    @property
    def pos(self):
        return self._m.pos

    @property
    def endpos(self):
        return self._m.endpos


class FoldedPattern:
    """An IGNORECASE pattern with the interface of `re.Pattern` (search, match, fullmatch, finditer)."""
    __slots__ = ("pattern", "_exact", "_fast", "groups", "groupindex")

    def __init__(self, source: str):
        # The IGNORECASE pattern is compiled only when first needed (a text whose lower case
        # changes length, or a pattern without a fast form): compiling both cost each worker
        # about 45 ms CPU at start-up, and most runs never use the IGNORECASE one.
        self.pattern = source
        self._exact = None
        low = _lower_source(source)
        try:
            self._fast = re.compile(low, re.UNICODE) if low is not None else None
        except re.error:
            self._fast = None
        first = self._fast if self._fast is not None else self.exact
        self.groups = first.groups
        self.groupindex = first.groupindex

    @property
    def exact(self) -> re.Pattern:
        if self._exact is None:
            self._exact = re.compile(self.pattern, FLAGS)
        return self._exact

    def _target(self, text: str):
        low = lowered(text) if self._fast is not None else None
        return (self.exact, text) if low is None else (self._fast, low)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        rx, s = self._target(text)
        m = rx.search(s, pos, endpos)
        return m if m is None or s is text else FoldedMatch(m, text)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        rx, s = self._target(text)
        m = rx.match(s, pos, endpos)
        return m if m is None or s is text else FoldedMatch(m, text)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        rx, s = self._target(text)
        m = rx.fullmatch(s, pos, endpos)
        return m if m is None or s is text else FoldedMatch(m, text)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator:
        rx, s = self._target(text)
        if s is text:
            return rx.finditer(s, pos, endpos)
        return (FoldedMatch(m, text) for m in rx.finditer(s, pos, endpos))


def compile_folded(source: str) -> FoldedPattern:
    return FoldedPattern(source)
