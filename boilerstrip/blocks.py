"""The one block type and the document that holds the blocks of one source."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from boilerstrip.segment.html_meta import PageMeta


class BlockKind(StrEnum):
    """What a block is, as far as its source tells."""

    PARAGRAPH = "paragraph"
    LINE = "line"
    HEADING = "heading"
    LIST_ITEM = "list_item"
    TABLE_CELL = "table_cell"
    QUOTE = "quote"
    CODE = "code"
    CAPTION = "caption"
    SENTENCE = "sentence"  # a sentence cut from a line far longer than any paragraph


class TextStats(NamedTuple):
    """Shallow text features of a block, computed once when the document is built.

    Immutable like every evidence type; a named tuple because one is built per line of every
    page and it costs a third of a frozen dataclass.
    """

    words: int
    chars: int
    stopwords: int
    sentences: int
    capitalised: int
    digits: int
    ends_sentence: bool
    has_comma: bool

    @property
    def stopword_share(self) -> float:
        return self.stopwords / self.words if self.words else 0.0

    @property
    def capitalised_share(self) -> float:
        return self.capitalised / self.words if self.words else 0.0


class DomEvidence(NamedTuple):
    """What an HTML source adds to a block; absent for plain text.

    ``attr_words`` merges the class/id/role/aria-label/itemprop words of the block's element
    and its ancestors; ``own_words`` keeps them apart, one set per element, the block's own
    first and then its ancestors' in ``ancestors`` order, so a rule can ask what the block's
    nearest elements say they are (a page-wide wrapper's words mark every block). A block that
    is a whole table row (``<tr>``) has its ``cells``' texts, whitespace-normalised like block
    text (empty cells kept, so columns line up), and ``header_row`` when it stands in a
    ``<thead>`` or all its cells are ``<th>``; other blocks have none.

    Immutable like every evidence type; a named tuple, as ``Block`` is, because one is built
    for every block of every page.
    """

    tag: str
    ancestors: tuple[str, ...] = ()
    attr_words: frozenset[str] = frozenset()
    link_share: float = 0.0
    depth: int = 0
    own_words: tuple[frozenset[str], ...] = ()
    cells: tuple[str, ...] = ()
    header_row: bool = False


class Block(NamedTuple):
    """One unit of the source that filters judge as a whole.

    ``start``/``end`` are character offsets into ``Document.text`` and ``line`` the 1-based
    line of ``start``, so every block maps back to the (normalised) input. ``group`` numbers
    the blank-line separated paragraph a line came from. ``words`` are its lower-cased words,
    tokenised once for every filter.

    Immutable; a named tuple rather than a frozen dataclass because one is built for every
    line of every page and a dataclass's checked ``__init__`` cost five times as much.
    """

    # The field hides the tuple method of that name, which a block has no use for.
    index: int  # type: ignore[assignment]
    text: str
    kind: BlockKind
    start: int
    end: int
    line: int
    group: int
    stats: TextStats
    words: tuple[str, ...] = ()
    dom: DomEvidence | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """A segmented source: its normalised text, its language guess and its blocks."""

    text: str
    blocks: tuple[Block, ...]
    language: str
    source_kind: str = "text"
    # What an HTML page's markup says about it (head, JSON-LD); None for plain text.
    page: PageMeta | None = None

    def __len__(self) -> int:
        return len(self.blocks)
