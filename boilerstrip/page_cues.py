"""What a page's blocks show about its type, counted in one bounded pass (``page_type`` weighs
the counts).

Every cue is cheap evidence the blocks already carry: short interface lines matched against
``lexicon.page_types`` by their words, price lines, lines of code, and for HTML the headings
that are links (a list of teaser cards). Only the first ``MAX_BLOCKS`` blocks are read: a
page's type shows in its first screens, and a huge page must not cost more here than a small
one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from boilerstrip.blocks import Block, BlockKind
from boilerstrip.lexicon import page_types as vocabulary

# Blocks read: ~10 screens of a busy page; later blocks are footers or more of the same.
MAX_BLOCKS = 3000
# A label is a short line; longer lines saying "reply" or "add to cart" are sentences.
_LABEL_MAX_WORDS = 6
# A price line is a price and a few words ("Sale price $19.99 USD", "Was £25 now £20").
_PRICE_MAX_WORDS = 8
# A line of prose for the prose share: a sentence-ending block of this many words.
_PROSE_MIN_WORDS = 25
# Lines read for code: longer ones are prose that may quote code.
_CODE_MAX_CHARS = 200
# A heading that is a link (a teaser's title) is nearly all link text.
_LINKED_SHARE = 0.8
# The kinds the per-block loops test, as module constants: Python 3.11 reads an enum
# member through ``EnumType.__getattr__``'s slot (~180 ns, nine times a constant's look-up).
_CODE, _HEADING = BlockKind.CODE, BlockKind.HEADING
# A line mostly link text (a teaser's title, a menu) ends a run of prose.
_RUN_BREAK_LINK_SHARE = 0.5

_LABELS: dict[str, str] = {
    **dict.fromkeys(vocabulary.SERVICE_LABELS, "service"),
    **dict.fromkeys(vocabulary.LISTING_LABELS, "listing"),
    **dict.fromkeys(vocabulary.COLLECTION_LABELS, "collection"),
    **dict.fromkeys(vocabulary.DOCUMENTATION_LABELS, "documentation"),
    **dict.fromkeys(vocabulary.PRODUCT_LABELS, "product"),
    **dict.fromkeys(vocabulary.FORUM_LABELS, "forum"),
}
_FORUM_PREFIXES = frozenset(vocabulary.FORUM_PREFIXES)
# The words a label can open with: a line opening with another word (most) is no label, which
# one set look-up tells.
_OPENERS = frozenset(label.split()[0] for label in _LABELS) | _FORUM_PREFIXES
# A currency sign or code beside an amount: "$19.99", "19,99 €", "EUR 25", "1.299 zł". The
# stdlib engine (no \p{..} classes needed): it runs on many short lines of every page.
_PRICE = re.compile(
    r"(?:[$€£¥₹₩₽]|\b(?:usd|eur|gbp|chf|cad|aud|inr|rs\.?|r\$))\s?\d"
    r"|\d(?:[\d.,\s]*\d)?\s?(?:[€£₽]|\b(?:eur|usd|gbp|chf|zł|kr|kč|lei|ft|руб)\b)",
    re.IGNORECASE,
)
# Lines shaped like source code: statement ends and braces, prompts and keywords opening a
# line, calls. Prose rarely ends a line in ";" or "{" or opens one with "def " or "$ ".
_CODE_ENDS = (";", "{", "}")
_CODE_STARTS = (
    "$ ",
    "#!",
    "#include",
    "//",
    "/*",
    ">>> ",
    "class ",
    "const ",
    "def ",
    "fn ",
    "from ",
    "function ",
    "import ",
    "let ",
    "pub ",
    "public ",
    "private ",
    "return ",
    "var ",
    "{",
    "}",
)
# Inside a line: a call ending it, an arrow, a path, a method call. Looked for only in lines
# holding "(", "=>" or "::" (most lines hold none), so most lines cost two substring tests.
_CODE_INSIDE = re.compile(r"\w\([^()]*\)\s*[;:{]?\s*$|=>|::\w|\w\.\w+\(")


class PageCues(NamedTuple):
    """Counts over a page's first ``MAX_BLOCKS`` blocks.

    ``labels`` counts the interface lines of each type ("forum", "product", ...) and
    ``distinct_labels`` the different ones among them;
    ``prose_words`` the words in sentence-ending blocks of at least 25 words (and
    ``prose_run_words`` those of the longest run of them between link lines); ``code_lines``
    HTML ``<pre>`` lines and, in any mode, lines shaped like code; ``linked_headings`` the
    headings that are links (HTML only: a list of teasers has one per item).
    """

    blocks: int
    words: int
    prose_words: int
    labels: Counter[str]
    distinct_labels: Counter[str]
    prices: int
    code_lines: int
    headings: int
    linked_headings: int
    # The prose words of the longest run of prose that no link line breaks (HTML): an
    # article's paragraphs in a row; a listing's summaries stand between linked titles.
    prose_run_words: int = 0

    def share(self, count: int) -> float:
        """``count`` per block read (0 for a page with none)."""
        return count / self.blocks if self.blocks else 0.0

    @property
    def prose_share(self) -> float:
        return self.prose_words / self.words if self.words else 0.0


def page_cues(blocks: Sequence[Block]) -> PageCues:
    """The cues of ``blocks`` (a document's, in order), the first ``MAX_BLOCKS`` of them."""
    read = blocks[:MAX_BLOCKS]
    labels: Counter[str] = Counter()
    seen: set[tuple[str, str]] = set()
    words = prose = prices = code = headings = run = longest = 0
    for block in read:
        count = block.stats.words
        words += count
        if count >= _PROSE_MIN_WORDS and block.stats.ends_sentence:
            prose += count
            run += count
            longest = max(longest, run)
        elif block.dom is not None and block.dom.link_share >= _RUN_BREAK_LINK_SHARE:
            run = 0
        if 0 < count <= _LABEL_MAX_WORDS and (
            block.words[0] in _OPENERS or block.words[0][:1].isdigit()
        ):
            found = label_of(block.words)
            if found is not None:
                labels[found[0]] += 1
                seen.add(found)
        if count <= _PRICE_MAX_WORDS and block.stats.digits and _PRICE.search(block.text):
            prices += 1
        if block.kind is _CODE or _is_code_line(block):
            code += 1
        headings += block.kind is _HEADING
    distinct = Counter(kind for kind, _ in seen)
    cues = (prices, code, headings, _linked_headings(read), longest)
    return PageCues(len(read), words, prose, labels, distinct, *cues)


def label_of(words: Sequence[str]) -> tuple[str, str] | None:
    """(page type, label) when ``words`` (a short line's) are an interface label: numbers
    are left out ("Posts: 1,234" is ``posts``), and a forum byline counts by its first word
    ("Joined Mar 2020")."""
    named = [w for w in words if not w[:1].isdigit()]
    if not named:
        return None
    label = " ".join(named)
    found = _LABELS.get(label)
    if found is not None:
        return found, label
    if named[0] in _FORUM_PREFIXES:
        return "forum", named[0]
    return None


def _is_code_line(block: Block) -> bool:
    text = block.text
    if len(text) > _CODE_MAX_CHARS:
        return False
    if text.endswith(_CODE_ENDS) or text.lstrip().startswith(_CODE_STARTS):
        return True
    inside = "(" in text or "=>" in text or "::" in text
    return inside and _CODE_INSIDE.search(text) is not None


def _linked_headings(blocks: Sequence[Block]) -> int:
    """HTML: the headings that are (nearly all) link text, a teaser's title; 0 for text."""
    return sum(
        1
        for block in blocks
        if block.kind is _HEADING
        and block.dom is not None
        and block.dom.link_share >= _LINKED_SHARE
    )
