"""Whitespace and invisible-character clean-up applied to every text before segmenting.

Words are never altered: only spaces, line breaks and characters that render as nothing change.
``normalize_text`` is the compiled twin of ``python_normalize_text`` where it was built
(``boilerstrip.compiled``): the same passes over the characters, in one C function.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import regex

from boilerstrip.compiled import MODULE

# Line and paragraph separators other than "\n" (form feed, NEL, U+2028/9) end a line too.
_LINE_BREAKS = regex.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")
_SURROGATES = regex.compile(r"[\ud800-\udfff]")
_SPACE_RUNS = regex.compile(r" {2,}")
# A plain ASCII pattern: the stdlib engine substitutes it faster.
_BLANK_LINE_RUNS = re.compile(r"\n{3,}")


# C0/C1 controls (NUL included) carry no text; tab and the line breaks above excepted. Zero-
# width space, word joiner, BOM and soft hyphen only hide or hint at breaks; ZWJ/ZWNJ are kept
# because they change how Persian, Indic and emoji sequences read.
# These two are searched in every page and rarely found: the stdlib engine scans such
# classes about twice as fast as ``regex`` (which wins on the patterns above).
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u200b\u2060\ufeff\u00ad]+")
_ODD_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")


def python_normalize_text(text: str) -> str:
    """Return ``text`` with unified line breaks, single spaces and no invisible noise.

    Lines are stripped and runs of spaces collapse to one; blank lines are kept (they mark
    paragraphs) but runs of them collapse to one blank line.
    """
    text = _LINE_BREAKS.sub("\n", text)
    if _SURROGATES.search(text) is not None:
        text = _SURROGATES.sub("\ufffd", text)
    # Searching first is cheap; most pages have nothing to replace.
    if _INVISIBLE.search(text) is not None:
        text = _INVISIBLE.sub("", text)
    if _ODD_SPACES.search(text) is not None:
        text = _ODD_SPACES.sub(" ", text)
    if "  " in text:
        text = _SPACE_RUNS.sub(" ", text)
    # Lines stripped (space runs are single by now), runs of blank lines cut to one, none at
    # either end: C-level string passes instead of a Python loop over every line.
    text = text.replace(" \n", "\n").replace("\n ", "\n").strip(" \n")
    if "\n\n\n" in text:
        text = _BLANK_LINE_RUNS.sub("\n\n", text)
    return text


normalize_text: Callable[[str], str] = (
    python_normalize_text if MODULE is None else MODULE.normalize_text
)
