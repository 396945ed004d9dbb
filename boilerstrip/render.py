"""Output formats, each a pure function of a ``Result``: text, Markdown and JSON."""

from __future__ import annotations

import itertools
import json
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
    """The body: lines of one paragraph on their own lines, paragraphs one blank line apart."""
    return "\n\n".join(_paragraph_text(p) for p in _paragraphs(result.kept))


def _paragraph_text(blocks: list[Block]) -> str:
    text = blocks[0].text
    for previous, block in itertools.pairwise(blocks):
        # Sentences cut from one flattened line go back together on that line.
        same_line = block.kind is BlockKind.SENTENCE and previous.line == block.line
        text += (" " if same_line else "\n") + block.text
    return text


def render_markdown(result: Result) -> str:
    """The body as Markdown, the title as a first-level heading."""
    parts = [f"# {result.metadata.title}"] if result.metadata.title else []
    for paragraph in _paragraphs(result.kept):
        parts.append("\n".join(_markdown_line(b) for b in paragraph))
    return "\n\n".join(parts)


def _markdown_line(block: Block) -> str:
    if block.kind is BlockKind.HEADING:
        return f"## {block.text}"
    if block.kind is BlockKind.LIST_ITEM:
        return f"- {block.text}"
    if block.kind is BlockKind.QUOTE:
        return f"> {block.text}"
    return block.text


def result_to_dict(result: Result) -> dict[str, object]:
    """Metadata, body and every block with its verdict: the JSON shape, as plain data."""
    meta = result.metadata
    return {
        "title": meta.title,
        "byline": meta.byline,
        "date": meta.date,
        "language": meta.language,
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
