"""Shared evidence for the phrase-driven filter families."""

from __future__ import annotations

import regex

from boilerstrip.blocks import Block
from boilerstrip.filters.base import Context
from boilerstrip.lexicon import PhraseMatch


def phrase_of(ctx: Context, block: Block, category: str) -> PhraseMatch | None:
    """The first phrase of ``category`` in ``block``, if any."""
    for match in ctx.phrases(block):
        if match.category == category:
            return match
    return None


def label_of(ctx: Context, block: Block, category: str) -> PhraseMatch | None:
    """The label of ``category`` the whole block is, if it is one."""
    match = ctx.label(block)
    return match if match is not None and match.category == category else None


def is_sentence(block: Block) -> bool:
    """Whether the block reads as a finished sentence rather than a label or a link."""
    stats = block.stats
    return stats.ends_sentence and stats.words >= 8


def words_note(block: Block) -> str:
    return f"{block.stats.words}-word line"


_HAN = regex.compile(r"\p{Han}")
# Chinese words are mostly one or two characters: stats count two Han characters a word.
_HAN_PER_WORD = 2


def phrase_words(phrase: str) -> int:
    """How many words a lexicon phrase holds: its spaced words, or for Chinese and Japanese
    written without spaces one per two Han characters ("评论" one, "我要评论" two, "有料会員限定"
    three). Kana are not counted: "コメント" is one word."""
    return max(len(phrase.split()), -(-len(_HAN.findall(phrase)) // _HAN_PER_WORD))
