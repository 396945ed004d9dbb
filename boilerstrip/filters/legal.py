"""Legal footers: copyright lines, rights reserved, terms and privacy links."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from boilerstrip.blocks import Block
from boilerstrip.filters.base import BlockFilter, Context
from boilerstrip.filters.phrases import is_sentence, label_of, phrase_of, words_note
from boilerstrip.result import Category, Removal

# "© 2019 Foo", "(c) Foo Inc", "Copyright © 2019", "2019 © Foo". The word "copyright" needs a
# year: "the copyright of the photograph" is prose.
_COPYRIGHT = regex.compile(
    r"(?:©|\([cC]\)|&copy;)\s*(?:\d{4}|\p{Lu})|\b(?i:copyright)\s*(?:©\s*)?(?:19|20)\d\d"
    r"|\b(?:19|20)\d\d\s*©"
)


# A photo or wire credit closing a paragraph of prose: "...と指摘している。(c)AFP/Aminu ABUBAKAR".
# The words before the notice (by their share of the block's characters) make a paragraph.
_CREDITED_PROSE_WORDS = 25
_SENTENCE_END = regex.compile(r"[.!?。！？][\"'”’」』)）]*\s*$")


def _credits_prose(block: Block, start: int) -> bool:
    """Whether the notice at ``start`` credits the paragraph of prose before it (a finished
    sentence of at least ``_CREDITED_PROSE_WORDS``) rather than standing as a footer.
    afpbb's Japanese articles lost their last paragraph: CJK ja F1 0.935 -> 0.955."""
    before = block.text[:start]
    if _SENTENCE_END.search(before) is None:
        return False
    return block.stats.words * len(before) >= _CREDITED_PROSE_WORDS * len(block.text)


@dataclass(frozen=True)
class LegalFilter(BlockFilter):
    """Copyright notices and legal link rows."""

    # A copyright notice can carry a long list of owners; past this it is a paragraph.
    max_copyright_words: int = 60
    # Legal phrases ("privacy policy") also occur in article prose about privacy.
    max_phrase_words: int = 25
    name: str = "legal"

    def candidates(self, ctx: Context) -> list[Block]:
        return ctx.kept_among(
            ctx.blocks_with("legal") + ctx.blocks_containing("©", "(c)", "&copy;", "copyright")
        )

    def check(self, block: Block, ctx: Context) -> Removal | None:
        label = label_of(ctx, block, "legal")
        if label is not None:
            return Removal(Category.LEGAL, "legal_label", f"legal link {block.text!r}")
        words = block.stats.words
        if words <= self.max_copyright_words:
            match = _COPYRIGHT.search(block.text)
            if match is not None and not _credits_prose(block, match.start()):
                return Removal(
                    Category.LEGAL,
                    "copyright",
                    f"copyright notice {match.group(0)!r} in a {words_note(block)}",
                )
        if words > self.max_phrase_words:
            return None
        phrase = phrase_of(ctx, block, "legal")
        if phrase is None or (is_sentence(block) and phrase.phrase != "all rights reserved"):
            return None
        return Removal(
            Category.LEGAL,
            "legal_notice",
            f"legal phrase {phrase.phrase!r} in a {words_note(block)}",
        )
