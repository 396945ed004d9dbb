"""Plain text to segments: paragraphs at blank lines, lines inside them, wrapped prose joined.

Scraped text comes in three layouts: one block per line (html-text, inscriptis), paragraphs
separated by blank lines, and prose hard-wrapped at a fixed width (mail, WET files, ``fmt``).
Every line becomes its own segment unless the document is hard-wrapped, in which case filled
lines are joined back into the paragraph they were cut from.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import itemgetter
from typing import Final

import regex

from boilerstrip.blocks import BlockKind
from boilerstrip.compiled import MODULE

# A document counts as hard-wrapped when most of its longer lines end within this many
# characters of the common width, and that width is one a wrapping tool would choose.
_WRAP_SLACK = 25
_WRAP_MIN_WIDTH = 40
_WRAP_MAX_WIDTH = 120
_WRAP_MIN_SHARE = 0.6
_WRAP_MIN_LINES = 4
# A line longer than this is no paragraph but a flattened page: it is cut into sentences.
_SPLIT_LINE_CHARS = 3000
# A sentence runs to terminal punctuation (and closing quotes) followed by space, or to the end.
_SENTENCE = regex.compile(r"\S.*?(?:[.!?。！？…]+[\"'”’»)\]]*(?:\s+|$)|$)")


# A block-to-be: ``(text, kind, start, end, line, group)``, its text, the value of its
# ``BlockKind``, its offsets into the normalised source, its 1-based line and the number of
# the blank-line separated paragraph it stands in. A plain tuple of strings and integers, not
# a named tuple holding the enum: the cyclic GC stops tracking such a tuple the first time it
# looks at it, where it walks every instance of a class on each pass. One is made per line;
# on a 10 MB page those passes had cost a third of the call.
Segment = tuple[str, str, int, int, int, int]
TEXT: Final = 0
KIND: Final = 1
START: Final = 2
END: Final = 3
LINE: Final = 4
GROUP: Final = 5
_LINE = BlockKind.LINE.value
_PARAGRAPH = BlockKind.PARAGRAPH.value
_SENTENCE_KIND = BlockKind.SENTENCE.value
_text_of = itemgetter(TEXT)


# A caller's clock is looked at every this many lines: often enough to stop a long call
# in time, rarely enough to cost nothing on a page.
_CHECK_EVERY = 512


def _no_check() -> None:
    return None


def segment_text(text: str, check: Callable[[], object] = _no_check) -> list[Segment]:
    """Segments of already normalised ``text`` (see ``normalize.normalize_text``).

    ``check`` is called every 512 lines, so a caller can stop a long call (see ``deadline``).
    """
    lines = split_lines(text, _LINE, check)
    width = _wrap_width(lines)
    segments = lines if width is None else _joined_wraps(lines, width)
    return split_long_lines(segments)


def _joined_wraps(lines: list[Segment], width: int) -> list[Segment]:
    """Segments of hard-wrapped text: filled lines joined to the line that follows them."""
    segments: list[Segment] = []
    run: list[Segment] = []
    for line in lines:
        if run and not _continues(run[-1], line, width):
            segments.append(_segment_of(run))
            run = []
        run.append(line)
    if run:
        segments.append(_segment_of(run))
    return segments


def split_long_lines(segments: list[Segment]) -> list[Segment]:
    """Cut lines longer than any paragraph into sentences.

    Some converters (and copy-paste) flatten a whole page onto one line; judging it as one
    block would keep or drop menus and article together. Its sentences are judged instead,
    and rendering joins consecutive sentences of one line back with a space. ``segments``
    itself comes back when no line is that long (one C-level scan finds out).
    """
    if max(map(len, map(_text_of, segments)), default=0) <= _SPLIT_LINE_CHARS:
        return segments
    result: list[Segment] = []
    for segment in segments:
        text, _, offset, _, line, group = segment
        if len(text) <= _SPLIT_LINE_CHARS:
            result.append(segment)
            continue
        for match in _SENTENCE.finditer(text):
            sentence = match.group()
            start = offset + match.start()
            end = start + len(sentence.rstrip())
            result.append((sentence.strip(), _SENTENCE_KIND, start, end, line, group))
    return result


def python_split_lines(text: str, kind: str, check: Callable[[], object]) -> list[Segment]:
    """Every non-empty line as a segment of its own of ``kind`` (a ``BlockKind`` value);
    ``check`` is called every 512 lines."""
    lines: list[Segment] = []
    offset, group = 0, 0
    for number, raw in enumerate(text.split("\n"), start=1):
        if not number % _CHECK_EVERY:
            check()
        if raw:
            lines.append((raw, kind, offset, offset + len(raw), number, group))
        elif lines:
            group += 1
        offset += len(raw) + 1
    return lines


# The compiled twin where it was built (``boilerstrip.compiled``).
split_lines: Callable[[str, str, Callable[[], object]], list[Segment]] = (
    python_split_lines if MODULE is None else MODULE.split_lines
)


def _wrap_width(lines: list[Segment]) -> int | None:
    """The column the text is wrapped at, or ``None`` when it is not hard-wrapped."""
    lengths = sorted(n for n in map(len, map(_text_of, lines)) if n >= _WRAP_MIN_WIDTH)
    if len(lengths) < _WRAP_MIN_LINES:
        return None
    width = lengths[int(len(lengths) * 0.9)]
    if not _WRAP_MIN_WIDTH <= width <= _WRAP_MAX_WIDTH:
        return None
    filled = sum(1 for n in lengths if width - _WRAP_SLACK <= n <= width + 2)
    return width if filled / len(lengths) >= _WRAP_MIN_SHARE else None


def _continues(previous: Segment, line: Segment, width: int) -> bool:
    """Whether ``line`` is the wrapped continuation of ``previous``."""
    if line[GROUP] != previous[GROUP]:
        return False
    return len(previous[TEXT]) >= width - _WRAP_SLACK


def _segment_of(run: list[Segment]) -> Segment:
    first, last = run[0], run[-1]
    if len(run) == 1:
        return first
    text = first[TEXT]
    for line in run[1:]:
        text = _join_wrapped(text, line[TEXT])
    return (text, _PARAGRAPH, first[START], last[END], first[LINE], first[GROUP])


def _join_wrapped(head: str, tail: str) -> str:
    # A hyphen that ends a filled line before a lower-case word joined a compound there
    # ("well-" + "known"); keep the hyphen, drop the break.
    if head.endswith("-") and len(head) > 1 and head[-2].isalpha() and tail[:1].islower():
        return head + tail
    return head + " " + tail
