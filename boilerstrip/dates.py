"""Finding a calendar date in a short line and writing it as ISO 8601 (YYYY-MM-DD)."""

from __future__ import annotations

import datetime as dt

import regex

from boilerstrip.lexicon.months import MONTHS

_MONTH = r"(?P<month>[\p{L}]{3,12})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º|\.)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# Tried in order; the first one that yields a valid date wins.
_PATTERNS: tuple[regex.Pattern[str], ...] = (
    regex.compile(rf"\b{_YEAR}-(?P<mnum>[01]?\d)-(?P<day>[0-3]?\d)(?!\d)"),
    regex.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),
    regex.compile(rf"\b{_DAY}\s+(?:de\s+)?{_MONTH},?\s+(?:de\s+)?{_YEAR}\b"),
    regex.compile(rf"\b(?P<day>[0-3]?\d)\.(?P<mnum>[01]?\d)\.{_YEAR}\b"),
    regex.compile(rf"\b(?P<mnum>[01]?\d)/(?P<day>[0-3]?\d)/{_YEAR}\b"),
    regex.compile(rf"\b{_YEAR}/(?P<mnum>[01]?\d)/(?P<day>[0-3]?\d)\b"),
)
# Every pattern holds a year: a line without one (most lines looked at) is ruled out by a
# single scan instead of six. The same engine and \d as the patterns, so it cannot disagree.
_YEAR_ANYWHERE = regex.compile(r"(?:19|20)\d\d")


def find_date(text: str) -> tuple[str, tuple[int, int]] | None:
    """The first date in ``text`` as (ISO string, (start, end) of the match)."""
    if _YEAR_ANYWHERE.search(text) is None:
        return None
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            iso = _iso(match)
            if iso is not None:
                return iso, match.span()
    return None


def _iso(match: regex.Match[str]) -> str | None:
    groups = match.groupdict()
    if groups.get("month") is not None:
        month = MONTHS.get(groups["month"].lower())
    else:
        month = int(groups["mnum"])
    if month is None:
        return None
    try:
        return dt.date(int(groups["year"]), month, int(groups["day"])).isoformat()
    except ValueError:
        return None
