"""Promotions: advertisements, newsletter/sign-in/paywall prompts, cookie notices, share lines.

Each family is one ``BlockFilter``: a whole-line label (``Advertisement``, ``Share``) or a
phrase of its category in a block short enough to be a prompt rather than article prose.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from boilerstrip.blocks import Block
from boilerstrip.filters.base import BlockFilter, Context
from boilerstrip.filters.phrases import (
    is_sentence,
    label_of,
    phrase_of,
    phrase_words,
    words_note,
)
from boilerstrip.result import Category, Removal

# "Title - by Author": a book or product promoted after the article.
_BY_AUTHOR_PROMO = regex.compile(
    r"^\S.{2,150}?\s[-–—|]\s*by\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}$",
)
# Counters that stand alone on a line: "12 comments", "3.4K shares", "1,024 likes".
_COUNTER = regex.compile(
    # Spaces only ([ ]), never \s: a match must not run on into the next line.
    r"^(?:\d[\d,.]*[ ]*[kKmM]?[ ]+(?:comments?|likes?|shares?|views?|reactions?|retweets?|"
    r"repl(?:y|ies)|votes?|reads?|kommentare?|commentaires?|comentarios?|commenti|"
    r"comentários?|reacties|komentarz[ey]?|aufrufe|vues|visitas|visualizzazioni)[ ]*[·|•]?[ ]*)+$",
    regex.IGNORECASE | regex.MULTILINE,
)


# Words of a consent notice's voice, the site speaking to the reader, in the lexicon's
# languages: "we use cookies", "wir verwenden", "nous utilisons", "utilizamos", "używamy"...
_NOTICE_VOICE = frozenset(
    "we our us you your this wir unsere sie ihre nous notre vous votre utilisons utilizamos "
    "usamos nuestro nuestra utilizziamo usiamo nostro noi wij onze gebruiken gebruikt "
    "używamy nasz nasza".split()
)


def _with_phrases(ctx: Context, category: Category) -> list[Block]:
    return ctx.kept_among(ctx.blocks_with(category.value))


def _labelled(ctx: Context, block: Block, category: Category) -> Removal | None:
    label = label_of(ctx, block, category.value)
    if label is None:
        return None
    return Removal(
        category, f"{category.value}_label", f"label {block.text!r} on a line of its own"
    )


@dataclass(frozen=True)
class AdvertisementFilter(BlockFilter):
    """Ad labels, calls to action in banners, and 'Title - by Author' promos after the body."""

    # A call to action inside a longer finished sentence is more likely prose that quotes one.
    max_words: int = 25
    name: str = "advertisement"

    def candidates(self, ctx: Context) -> list[Block]:
        return ctx.kept_among(
            ctx.blocks_with(Category.ADVERTISEMENT.value) + ctx.blocks_containing(" by ")
        )

    def check(self, block: Block, ctx: Context) -> Removal | None:
        found = _labelled(ctx, block, Category.ADVERTISEMENT)
        if found is not None:
            return found
        if block.stats.words <= self.max_words and not is_sentence(block):
            phrase = phrase_of(ctx, block, "advertisement")
            if phrase is not None:
                return Removal(
                    Category.ADVERTISEMENT,
                    "call_to_action",
                    f"call to action {phrase.phrase.upper()!r} in a {words_note(block)}"
                    + _where(ctx, block),
                )
        if _after_body_start(ctx, block) and _BY_AUTHOR_PROMO.match(block.text):
            return Removal(
                Category.ADVERTISEMENT,
                "by_author_promo",
                "'Title - by Author' promotion after the article starts",
            )
        return None


def _where(ctx: Context, block: Block) -> str:
    title_index = ctx.page.title_index
    if title_index is not None and block.index < title_index:
        return " before the headline"
    return ""


def _after_body_start(ctx: Context, block: Block) -> bool:
    start = ctx.page.body_start
    return start is not None and block.index > start


@dataclass(frozen=True)
class NewsletterFilter(BlockFilter):
    """Newsletter, subscription, sign-in and paywall prompts."""

    # Sign-up prompts are often a full sentence ("Sign up to get our best stories."), so a
    # sentence is allowed, but not a paragraph.
    max_words: int = 30
    name: str = "newsletter"

    def candidates(self, ctx: Context) -> list[Block]:
        return _with_phrases(ctx, Category.NEWSLETTER)

    def check(self, block: Block, ctx: Context) -> Removal | None:
        found = _labelled(ctx, block, Category.NEWSLETTER)
        if found is not None or block.stats.words > self.max_words:
            return found
        phrase = phrase_of(ctx, block, "newsletter")
        # A two-word phrase ("mailing list") also occurs in prose: in a finished sentence
        # only a longer, unmistakable prompt counts.
        if phrase is None or (is_sentence(block) and phrase_words(phrase.phrase) < 3):
            return None
        return Removal(
            Category.NEWSLETTER,
            "subscription_prompt",
            f"subscription prompt {phrase.phrase!r} in a {words_note(block)}",
        )


@dataclass(frozen=True)
class CookieFilter(BlockFilter):
    """Cookie and consent notices, which can run to a long paragraph."""

    max_words: int = 150
    name: str = "cookie"

    def candidates(self, ctx: Context) -> list[Block]:
        return _with_phrases(ctx, Category.COOKIE)

    def check(self, block: Block, ctx: Context) -> Removal | None:
        found = _labelled(ctx, block, Category.COOKIE)
        if found is not None or block.stats.words > self.max_words:
            return found
        phrase = phrase_of(ctx, block, "cookie")
        if phrase is None:
            return None
        # Article prose may quote "accept all cookies"; a notice speaks to the reader as the
        # site ("we use cookies", "you agree", "this site uses").
        if is_sentence(block) and not any(
            m.category == "cookie" and not _NOTICE_VOICE.isdisjoint(m.phrase.split())
            for m in ctx.phrases(block)
        ):
            return None
        return Removal(
            Category.COOKIE,
            "consent_notice",
            f"consent notice {phrase.phrase!r} ({words_note(block)})",
        )


@dataclass(frozen=True)
class SocialFilter(BlockFilter):
    """Share and follow lines, and like/comment/share counters."""

    max_words: int = 15
    # "Facebook Twitter WhatsApp", "Follow us on Instagram and YouTube": several networks in a
    # short line are a share/follow row; one network needs a verb beside it ("Share on X").
    min_networks: int = 2
    max_prompt_words: int = 8
    name: str = "social"

    def candidates(self, ctx: Context) -> list[Block]:
        networks, max_words = ctx.lexicon.networks, self.max_words
        with_networks = [
            b.index
            for b in ctx.document.blocks
            if b.stats.words <= max_words and not networks.isdisjoint(b.words)
        ]
        return ctx.kept_among(
            ctx.blocks_with(Category.SOCIAL.value) + ctx.blocks_matching(_COUNTER) + with_networks
        )

    def check(self, block: Block, ctx: Context) -> Removal | None:
        if block.stats.words <= self.max_words and _COUNTER.match(block.text):
            return Removal(Category.SOCIAL, "counter", f"engagement counter {block.text!r}")
        found = _labelled(ctx, block, Category.SOCIAL)
        if found is not None or block.stats.words > self.max_words:
            return found
        networks = sorted(ctx.lexicon.networks.intersection(block.words))
        verbs = ctx.lexicon.social_verbs
        # Prose may name networks too: a sentence counts only when it opens with the verb
        # ("Follow Newsbeat on Instagram, Facebook and YouTube.").
        if is_sentence(block) and (not block.words or block.words[0] not in verbs):
            networks = []
        if len(networks) >= self.min_networks or (
            networks
            and block.stats.words <= self.max_prompt_words
            and not verbs.isdisjoint(block.words)
        ):
            return Removal(
                Category.SOCIAL,
                "network_links",
                f"names {', '.join(networks)} in a {words_note(block)}",
            )
        phrase = phrase_of(ctx, block, "social")
        if phrase is None or is_sentence(block):
            return None
        return Removal(
            Category.SOCIAL,
            "share_prompt",
            f"share/follow prompt {phrase.phrase!r} in a {words_note(block)}",
        )
