"""Whitespace and invisible-character clean-up applied to every text before segmenting.

Words are never altered: only spaces, line breaks and characters that render as nothing change.
"""

from __future__ import annotations

import regex

# Line and paragraph separators other than "\n" (form feed, NEL, U+2028/9) end a line too.
_LINE_BREAKS = regex.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")
# Zero-width space, word joiner, BOM and soft hyphen only hide or hint at breaks; ZWJ/ZWNJ
# are kept because they change how Persian, Indic and emoji sequences read.
_INVISIBLE = regex.compile(r"[\u200b\u2060\ufeff\u00ad]")
# C0/C1 controls (NUL included) carry no text; tabs become spaces below instead.
_CONTROLS = regex.compile(r"[\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f]")
_SPACES = regex.compile(r"[\t \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_SURROGATES = regex.compile(r"[\ud800-\udfff]")


def normalize_text(text: str) -> str:
    """Return ``text`` with unified line breaks, single spaces and no invisible noise.

    Lines are stripped and runs of spaces collapse to one; blank lines are kept (they mark
    paragraphs) but runs of them collapse to one blank line.
    """
    text = _LINE_BREAKS.sub("\n", text)
    text = _SURROGATES.sub("\ufffd", text)
    text = _INVISIBLE.sub("", text)
    text = _CONTROLS.sub("", text)
    text = _SPACES.sub(" ", text)
    lines = [line.strip() for line in text.split("\n")]
    return _collapse_blank_lines(lines)


def _collapse_blank_lines(lines: list[str]) -> str:
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    while kept and not kept[-1]:
        kept.pop()
    return "\n".join(kept)
