"""Output formats, each a pure function of a ``Result``: text, Markdown and JSON."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from boilerstrip.blocks import Block, BlockKind

if TYPE_CHECKING:
    from boilerstrip.result import Result


# Blocks of these kinds that follow each other in one source paragraph (HTML: one list,
# table or pre) print on consecutive lines; everything else is a paragraph of its own.
_LINE_KINDS = frozenset(
    {BlockKind.LINE, BlockKind.SENTENCE, BlockKind.LIST_ITEM, BlockKind.TABLE_CELL, BlockKind.CODE}
)


def _paragraphs(blocks: tuple[Block, ...]) -> list[list[Block]]:
    """Kept blocks grouped into paragraphs: lines of one source paragraph stay together."""
    paragraphs: list[list[Block]] = []
    for block in blocks:
        if paragraphs and _same_paragraph(paragraphs[-1][-1], block):
            paragraphs[-1].append(block)
        else:
            paragraphs.append([block])
    return paragraphs


def _same_paragraph(previous: Block, block: Block) -> bool:
    return (
        block.group == previous.group
        and block.index == previous.index + 1
        and block.kind in _LINE_KINDS
        and previous.kind in _LINE_KINDS
    )


def render_text(result: Result) -> str:
    """The body: lines of one paragraph on their own lines, paragraphs one blank line apart.

    Written piece by piece rather than through ``_paragraphs``: a list per paragraph is an
    object for the cyclic GC to walk, and a page of one-line paragraphs has a million.
    """
    pieces: list[str] = []
    previous: Block | None = None
    for block in result.kept:
        if previous is None:
            pass
        elif not _same_paragraph(previous, block):
            pieces.append("\n\n")
        elif block.kind is BlockKind.SENTENCE and previous.line == block.line:
            pieces.append(" ")  # sentences cut from one flattened line go back on that line
        else:
            pieces.append("\n")
        pieces.append(block.text)
        previous = block
    return "".join(pieces)


def render_markdown(result: Result) -> str:
    """The body as Markdown, the title as a first-level heading.

    From HTML: headings at their level, nested lists, tables as pipe tables, ``<pre>`` as
    fenced code and quotes, with the characters that would change the meaning of plain text
    escaped. Plain text has no structure to show: its paragraphs print as they are.
    """
    if result.document.source_kind != "html":
        return _text_markdown(result)
    title = result.metadata.title
    parts = [_heading(1, title)] if title else []
    alternate = after_list = False
    for unit in _units(result.kept):
        # Two lists a blank line apart would be read as one: each changes the markers of
        # the list right before it.
        alternate = after_list and not alternate
        parts.append(_markdown_unit(unit, alternate))
        after_list = unit[-1].kind is BlockKind.LIST_ITEM
    return "\n\n".join(parts)


def _text_markdown(result: Result) -> str:
    parts = [f"# {result.metadata.title}"] if result.metadata.title else []
    parts.extend("\n".join(b.text for b in p) for p in _paragraphs(result.kept))
    return "\n\n".join(parts)


# --- Markdown from HTML: units -----------------------------------------------------------------
# Kinds whose consecutive blocks make one Markdown construct; any other block stands alone.
_UNIT_KINDS: dict[BlockKind, str] = {
    BlockKind.LINE: "lines",
    BlockKind.SENTENCE: "lines",
    BlockKind.LIST_ITEM: "list",
    BlockKind.TABLE_CELL: "table",
    BlockKind.CODE: "code",
    BlockKind.QUOTE: "quote",
}
_LIST_TAGS = frozenset({"ul", "ol", "dl", "menu", "dir"})
_ITEM_TAGS = frozenset({"li", "dt", "dd"})


def _units(blocks: tuple[Block, ...]) -> list[list[Block]]:
    """Kept blocks cut into the runs that render as one Markdown block (a list, a table...)."""
    units: list[list[Block]] = []
    for block in blocks:
        if units and _continues(units[-1][-1], block):
            units[-1].append(block)
        else:
            units.append([block])
    return units


def _continues(previous: Block, block: Block) -> bool:
    unit = _UNIT_KINDS.get(block.kind)
    if unit is None or unit != _UNIT_KINDS.get(previous.kind):
        return False
    same_group = block.group == previous.group
    if unit == "lines":
        return same_group and block.index == previous.index + 1
    if unit == "table":
        # Tables are not grouped apart from each other; a second header row starts a new one.
        return same_group and not (_is_header(block) and not _is_header(previous))
    if unit == "code":
        return same_group
    # A nested list, and each paragraph of a quote, has a group of its own.
    return same_group or block.index == previous.index + 1


def _markdown_unit(unit: list[Block], after_list: bool) -> str:
    first = unit[0]
    if first.kind is BlockKind.HEADING:
        text = _heading(_heading_level(first), first.text)
    elif first.kind is BlockKind.LIST_ITEM:
        text = _markdown_list(unit, after_list)
    elif first.kind is BlockKind.TABLE_CELL and len(unit) > 1:
        text = pipe_table([_row_cells(block) for block in unit])
    elif first.kind is BlockKind.CODE:
        text = _fenced([block.text for block in unit])
    else:
        # Paragraphs, lines, quotes, captions, and a one-row table (a layout table, mostly).
        text = _prose(unit)
    return _quoted(text, _quote_depth(first))


def _tags(block: Block) -> tuple[str, ...]:
    """The block's element and its ancestors, nearest first; nothing for plain text."""
    return (block.dom.tag, *block.dom.ancestors) if block.dom is not None else ()


def _is_header(block: Block) -> bool:
    """A header row: in a ``<thead>``, or all ``<th>`` cells."""
    return block.dom is not None and block.dom.header_row


def _quote_depth(block: Block) -> int:
    depth = _tags(block).count("blockquote")
    return max(depth, 1) if block.kind is BlockKind.QUOTE else depth


def _quoted(text: str, depth: int) -> str:
    if depth == 0:
        return text
    prefix = "> " * depth
    return "\n".join(prefix + line if line else prefix.rstrip() for line in text.split("\n"))


# --- Markdown from HTML: constructs ------------------------------------------------------------
def _heading_level(block: Block) -> int:
    tag = block.dom.tag if block.dom is not None else ""
    return int(tag[1]) if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456" else 2


def _heading(level: int, text: str) -> str:
    # A run of '#' at the end would be read as the heading's closing sequence and dropped.
    return "#" * level + " " + _CLOSING_HASHES.sub(r"\1\\\2", escape_inline(text))


def _prose(unit: list[Block]) -> str:
    """Paragraphs of a unit, a blank line apart; lines of one paragraph with hard breaks."""
    paragraphs: list[list[str]] = []
    previous: Block | None = None
    for block in unit:
        if previous is None or block.group != previous.group:
            paragraphs.append([block.text])
        elif block.kind is BlockKind.SENTENCE and previous.line == block.line:
            paragraphs[-1][-1] += " " + block.text
        else:
            paragraphs[-1].append(block.text)
        previous = block
    # A backslash at the end of a line is CommonMark's visible hard line break.
    return "\n\n".join("\\\n".join(escape_line(line) for line in p) for p in paragraphs)


def _markdown_list(unit: list[Block], alternate: bool) -> str:
    """List items, nested by their lists' depth; ordered items numbered from 1 per list.

    ``alternate`` marks items with ``*`` and ``1)``, which start a new list right after one
    marked with ``-`` and ``1.``.
    """
    bullet, delimiter = ("*", ")") if alternate else ("-", ".")
    lines: list[str] = []
    levels: list[tuple[bool, int, int]] = []  # per open level: ordered, last number, width
    base = min(_list_depth(block) for block in unit)
    for block in unit:
        # Never deeper than one level below the previous item (its parent may be removed):
        # an item indented past its parent's content would be read as code.
        depth = min(_list_depth(block) - base, len(levels))
        ordered = _nearest(block, _LIST_TAGS) == "ol"
        number = 1
        if depth < len(levels) and levels[depth][0] == ordered:
            number = levels[depth][1] + 1
        elif depth == 0 and levels:
            # Markdown starts a new list here anyway (bullets after numbers): show it.
            lines.append("")
        del levels[depth:]
        marker = f"{number}{delimiter}" if ordered else bullet
        indent = " " * sum(width for _, _, width in levels)
        levels.append((ordered, number, len(marker) + 1))
        lines.append(f"{indent}{marker} {escape_line(block.text)}")
    return "\n".join(lines)


def _list_depth(block: Block) -> int:
    # A definition (<dd>) sits one level under its term (<dt>).
    lists = sum(1 for tag in _tags(block) if tag in _LIST_TAGS)
    return lists + (_nearest(block, _ITEM_TAGS) == "dd")


def _nearest(block: Block, tags: frozenset[str]) -> str | None:
    return next((tag for tag in _tags(block) if tag in tags), None)


def _row_cells(block: Block) -> tuple[str, ...]:
    # A row a block element or a <br> inside a cell cut has no cells of its own: one cell.
    return (block.dom.cells if block.dom is not None else ()) or (block.text,)


def pipe_table(rows: list[tuple[str, ...]]) -> str:
    """A GitHub-flavoured pipe table: the first row is the header, short rows are padded."""
    width = max(len(row) for row in rows)

    def line(cells: tuple[str, ...]) -> str:
        padded = [*cells, *[""] * (width - len(cells))]
        return "| " + " | ".join(escape_inline(cell).replace("|", "\\|") for cell in padded) + " |"

    separator = "| " + " | ".join(["---"] * width) + " |"
    return "\n".join([line(rows[0]), separator, *(line(row) for row in rows[1:])])


def _fenced(lines: list[str]) -> str:
    """Code between backtick fences longer than any backtick run inside it."""
    longest = max((len(run) for line in lines for run in _BACKTICKS.findall(line)), default=0)
    fence = "`" * max(3, longest + 1)
    return "\n".join([fence, *lines, fence])


# --- Markdown escaping -------------------------------------------------------------------------
# Inline characters that would change the meaning of plain text: a backslash that would escape
# the next character, backticks, '*' that could open or close emphasis (one between spaces
# cannot), '_' at a word edge (inside a word it never emphasises), '[' of an inline link, '<'
# of a tag or autolink, '&' of an entity.
_INLINE_SPECIAL = re.compile(
    r"\\(?=[!-/:-@\[-`{-~]|$)|`|(?<=\S)\*|\*(?=\S)|(?<![^\W_])_|_(?![^\W_])"
    r"|\[(?=[^\]\[]*\]\()|<(?=[A-Za-z/!?])|&(?=#?\w+;)"
)
# Line starts that would open a block: ATX heading, bullet, quote, thematic break, setext
# underline, code fence, link reference definition.
_BLOCK_START = re.compile(
    r"(?:#{1,6}|[-+*])(?:\s|$)|>|[-=]+\s*$|[-_*](?:\s*[-_*]){2,}\s*$|~~~|\[[^\]]*\]:"
)
_ORDERED_START = re.compile(r"\d{1,9}(?=[.)](?:\s|$))")
_CLOSING_HASHES = re.compile(r"(^|\s)(#+)$")
_BACKTICKS = re.compile(r"`+")


def escape_inline(text: str) -> str:
    """``text`` with the characters escaped that Markdown would read as inline markup."""
    return _INLINE_SPECIAL.sub(lambda match: "\\" + match.group(0), text)


def escape_line(text: str) -> str:
    """A line of plain text as Markdown: inline markup escaped, and a start that would open
    a heading, list, quote, rule or fence."""
    text = escape_inline(text)
    ordered = _ORDERED_START.match(text)
    if ordered is not None:
        return text[: ordered.end()] + "\\" + text[ordered.end() :]
    return "\\" + text if _BLOCK_START.match(text) else text


def result_to_dict(result: Result) -> dict[str, object]:
    """Metadata, body and every block with its verdict: the JSON shape, as plain data."""
    meta = result.metadata
    return {
        "title": meta.title,
        "byline": meta.byline,
        "date": meta.date,
        "language": meta.language,
        "url": meta.url,
        "canonical_url": meta.canonical_url,
        "site_name": meta.site_name,
        "page_type": meta.page_type.value,
        "page_type_evidence": meta.page_type_evidence,
        "body": render_text(result),
        "removed": [
            {
                "block": d.block.index,
                "line": d.block.line,
                "text": d.text,
                "category": d.category.value,
                "filter": d.filter,
                "code": d.code,
                "reason": d.reason,
            }
            for d in result.removed
        ],
        "counts": result.counts(),
    }


def render_json(result: Result) -> str:
    return json.dumps(result_to_dict(result), ensure_ascii=False, indent=2)
