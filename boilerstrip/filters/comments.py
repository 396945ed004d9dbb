"""Comment sections: everything from a comments header after the article onwards."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import regex

from boilerstrip.blocks import Block, BlockKind
from boilerstrip.filters.base import Context, DocumentFilter
from boilerstrip.filters.phrases import phrase_of, phrase_words
from boilerstrip.metadata import lone_byline_or_date
from boilerstrip.page_cues import label_of
from boilerstrip.page_type import PageType
from boilerstrip.records import MIN_RECORDS
from boilerstrip.result import Category, Removal

# Substrings every counted header has; only blocks holding one are looked at.
_HEADER_STEMS = (
    "comment",
    "kommentar",
    "koment",
    "reacties",
    "respons",
    "repl",
    "reaction",
    "thought",
    *("评论", "評論", "跟贴", "跟帖", "留言", "コメント"),
)
# "34 responses to “<the article's headline>”" quotes the headline, so it can run long.
_MAX_COUNTED_HEADER_WORDS = 30
_COUNT_HEADER = regex.compile(
    r"^[\[(]?\s*(?:\d+\s+)?(?:comments?|kommentare?|commentaires?|comentarios?|commenti|comentários?|"
    r"reacties|komentarz[ey]?|responses?|replies|reactions?|thoughts?)"
    r"(?:\s*\(\d+\)|\s+(?:to|on)\s+.{1,200})?:?\s*[\])]?$",
    regex.IGNORECASE,
)

_TERM_TAG = "dt"
_FORUM = "forum"  # the page type of a label (``page_cues.label_of``)


def _is_defined_term(block: Block) -> bool:
    """A definition list's term written as one ("response:" defining a hook in Requests'
    reference): it names what its definition describes and heads no comments. A bare
    "Replies" term is a thread table's column, which does open the list of other threads.
    wcxb-dev HTML documentation 0.906 -> 0.909 (a page 0.36 -> 0.98 recall), others unchanged."""
    return _is_term(block) and block.text.rstrip().endswith(":")


# Chinese and Japanese headers put the count before or after the word, with a counter word
# (条, 件) and often a qualifier: "热门评论 10 条", "全部评论 70 条", "4,060 条评论", "跟贴 1199",
# "コメント（3件）". Written without spaces, they hold too few words for the phrase lexicon,
# whose phrases are space-separated. Prompts ("我要评论", "write a comment") are not counted
# headers: the lexicon's phrases of several words open the section (``phrase_words``: "我要评论"
# is two). guancha's comment box stood between its article and "全部评论 23 条": CJK zh+ja
# 0.969 -> 0.970.
_CJK_COUNT_HEADER = regex.compile(
    r"^(?:[\d,]+\s*[条件]\s*)?(?:热门|全部|最新|最热|网友|精彩|读者|用户)?"
    r"(?:评论|評論|跟贴|跟帖|留言|コメント)"
    r"(?:\s*[(（]?\s*[\d,]+\s*[条件]?\s*[)）]?)?\s*[:：]?$"
)


# "joetoronto says:", "Alex on September 17, 2018 at 6:34 am said:", "Anna schreibt:".
_AUTHOR_LINE = regex.compile(
    r"^\S.{0,80}?\s(?:says|said|wrote|writes|replied|sagt|schreibt|dit|écrit|a écrit|dice|"
    r"escribió|scrive|ha scritto|escreveu|diz|zegt|schreef|pisze|napisał)\s*:?$",
    regex.IGNORECASE,
)
# A comment's relative time stamp in Chinese or Japanese: "3小时前", "40分钟前", "2日前".
_CJK_AGO = regex.compile(
    r"^\d+\s*(?:秒|分钟|分鐘|分|小时|小時|時間|天|日|周|週間|个月|か月|ヶ月|年)前$"
)
_DIGITS = regex.compile(r"\d+")
# How many blocks after a header are searched for a comment's author line.
_AUTHOR_LOOKAHEAD = 5


def _authors_follow(ctx: Context, header: Block) -> bool:
    """Whether a comment's author line or time stamp follows ``header`` closely."""
    start = header.index + 1
    following = ctx.document.blocks[start : start + _AUTHOR_LOOKAHEAD]
    return any(
        b.stats.words <= 20
        and (
            _AUTHOR_LINE.match(b.text) is not None
            or _CJK_AGO.match(b.text) is not None
            or lone_byline_or_date(b) is not None
        )
        for b in following
    )


def _label_of(block: Block) -> str:
    return _DIGITS.sub("0", block.text.lower())


def _item_labels(ctx: Context, candidates: set[int], kept: Sequence[Block]) -> set[str]:
    """Counted headers that recur as often as a listing's items and enclose more of the
    page's kept words than come before them ("Comment" as a news index's category line,
    "12 comments" under every teaser): the items' label, where a thread has one header. A
    "Replies" column in the table of similar threads after a thread recurs too, but around
    fewer words than the thread's: its first one still ends the thread.

    wcxb-dev text F1 listing 0.600 -> 0.609, every other type, scrapinghub and HTML
    unchanged. Every recurring label (not only those enclosing most words): forum 0.680 ->
    0.679; prose weight instead of words: listing 0.604 (a grid of titles weighs nothing).
    Multi-word phrases ("Add a comment" under every answer) stay headers: taken for labels
    they gained forum pages and lost the Q&A pages whose related questions follow."""
    blocks = ctx.document.blocks
    found: dict[str, list[int]] = {}
    for index in sorted(candidates):
        if _COUNT_HEADER.match(blocks[index].text) is not None:
            found.setdefault(_label_of(blocks[index]), []).append(index)
    recurring = {label: i for label, i in found.items() if len(i) >= MIN_RECORDS}
    if not recurring:
        return set()
    # Kept words up to each block, to count any stretch of the page in one pass.
    upto = [0] * (len(blocks) + 1)
    for block in kept:
        upto[block.index + 1] = block.stats.words
    for index in range(len(blocks)):
        upto[index + 1] += upto[index]
    return {
        label
        for label, indexes in recurring.items()
        if upto[indexes[-1] + 1] - upto[indexes[0]] > upto[indexes[0]]
    }


# On a page guessed a forum the replies are the thread: no comments header opens a section
# there ("Comments" over a Vanilla thread's replies, "Sort by oldest first", "Add a comment"
# under each Q&A post past a quarter of the page's prose had each removed every later post),
# except a thread table's column term (a ``<dt>`` "Replies": the similar threads listed after
# it). wcxb-dev HTML forum 0.763 -> 0.788 when only headers recurring under two posts opened
# none (eight Q&A threads, recall 0.12-0.37 -> 0.69-1.00), 0.807 -> 0.814 when none does
# (four threads recall 0.16-0.50 -> 0.69-0.97; a truth holding the first post only loses
# precision 0.97 -> 0.68); text forum 0.683 -> 0.686; other types unchanged. The column term
# opening none too took two threads' similar-thread lists (forum 0.813).
def _is_term(block: Block) -> bool:
    """A definition list's term: a table of threads' column label."""
    return block.dom is not None and block.dom.tag == _TERM_TAG


# HTML: a Q&A page marks its answers with schema.org's properties (itemprop="acceptedAnswer",
# "suggestedAnswer"); there the short remarks under the question and each answer (class or
# itemprop "comment") are comments on the posts, not the thread's posts: the question and its
# answers are the content. wcxb-dev HTML forum 0.788 -> 0.797 (eleven Q&A threads, precision
# 0.23-0.82 -> 0.32-0.97; one loses the short opening lines of an answer, recall 0.89 ->
# 0.80), every other type unchanged. A forum whose replies are "comments" marks no answers.
_ANSWER_WORDS = frozenset({"acceptedanswer", "suggestedanswer"})
_COMMENT_WORDS = frozenset({"comment", "comments"})


def _comments_on_answers(ctx: Context, kept: Sequence[Block]) -> list[Block]:
    """HTML, a page that marks schema.org answers: the kept blocks inside its comments
    (``_COMMENT_WORDS``); none elsewhere."""
    if ctx.document.source_kind != "html":
        return []
    if not any(_marked(b, _ANSWER_WORDS) for b in ctx.document.blocks):
        return []
    return [b for b in kept if _marked(b, _COMMENT_WORDS)]


def _marked(block: Block, words: frozenset[str]) -> bool:
    """Whether the class/id/itemprop words of ``block``'s element path hold one of ``words``."""
    return block.dom is not None and not words.isdisjoint(block.dom.attr_words)


# On a page guessed a forum, a short line that is a label of a post's furniture ("Posts:
# 65,703", "Joined: Oct 2011", "Reply", "Quote", "Click to expand...": the page-type guess's
# forum labels, ``page_cues.label_of``) is chrome between the posts, not a post's text; one
# that could open a comment section is left to that test (a "Replies" column still ends the
# thread). wcxb-dev HTML forum 0.803 -> 0.807 (31 threads up, none down), text forum 0.685
# -> 0.686, other types unchanged. Up to six words: labels are one to four.
_POST_LABEL_MAX_WORDS = 6
# One removal each: a thread repeats its furniture post after post.
_POST_LABEL = Removal(Category.COMMENT, "post_label", "a label of a post's furniture")
_POST_CHROME = Removal(Category.COMMENT, "post_chrome", "a short line repeated post after post")


def _post_furniture(
    ctx: Context,
    kept: Sequence[Block],
    taken: set[int],
    is_header: Callable[[Block, Context], bool],
) -> Iterator[Block]:
    """On a page guessed a forum, the kept blocks (not ``taken``) that are forum labels."""
    if ctx.page_type is not PageType.FORUM:
        return
    for block in kept:
        if block.index in taken or block.stats.words > _POST_LABEL_MAX_WORDS:
            continue
        found = label_of(block.words)
        if found is not None and found[0] == _FORUM and not is_header(block, ctx):
            yield block


# On a page guessed a forum, a short line that is no sentence and recurs post after post
# ("last edited by", "L Offline", "1 Reply Last reply Reply Quote 0", a badge) is the posts'
# chrome: forum labels (above) name only some of it. Code lines (a script quoted in several
# answers) and quotes (a post quoting an earlier one) recur as content, and lines ending as
# a sentence or a greeting's colon are a writer's. wcxb-dev HTML forum 0.818 -> 0.823 (38
# threads up, 6 down by up to 0.007; with quotes counted one lost its quoted options, -0.051;
# with code lines, a Q&A thread's scripts, -0.231), text forum 0.686 -> 0.688, other types
# unchanged.
_CHROME_MAX_WORDS = 6
_CHROME_MIN_REPEATS = 3
_SENTENCE_ENDS = (".", "!", "?", ":")
_QUOTE_TAG = "blockquote"


def _recurring_chrome(
    ctx: Context,
    kept: Sequence[Block],
    taken: set[int],
    is_header: Callable[[Block, Context], bool],
) -> Iterator[Block]:
    """On a page guessed a forum, the kept blocks (not ``taken``) that are short chrome lines
    recurring ``_CHROME_MIN_REPEATS`` times or more (``_label_of``: digits as 0)."""
    if ctx.page_type is not PageType.FORUM:
        return
    lines = [b for b in kept if b.index not in taken and _may_be_chrome(b)]
    counts = Counter(_label_of(b) for b in lines)
    for block in lines:
        if counts[_label_of(block)] >= _CHROME_MIN_REPEATS and not is_header(block, ctx):
            yield block


def _may_be_chrome(block: Block) -> bool:
    """A short line that is not code, not quoted and does not end as a sentence."""
    dom = block.dom
    return (
        block.stats.words <= _CHROME_MAX_WORDS
        and block.kind is not BlockKind.CODE
        and block.kind is not BlockKind.QUOTE
        and not (dom is not None and (dom.tag == _QUOTE_TAG or _QUOTE_TAG in dom.ancestors))
        and not block.text.rstrip().endswith(_SENTENCE_ENDS)
    )


@dataclass(frozen=True)
class CommentsFilter(DocumentFilter):
    """Finds a comments header that follows most of the article and removes what follows it.

    A header counts only after the body has started and after ``min_body_share`` of the
    page's prose weight, so a "Comments (3)" link in a share bar above the article does not
    cut the article (comments themselves are prose, so the share cannot be high).
    """

    max_header_words: int = 8
    min_body_share: float = 0.25
    # "Comments are closed for this post, but ..." is a prompt, not a header: it goes alone.
    max_prompt_words: int = 40
    name: str = "comments"

    def run(self, ctx: Context, kept: Sequence[Block]) -> Iterator[tuple[Block, Removal]]:
        on_answers = _comments_on_answers(ctx, kept)
        taken = {block.index for block in on_answers}
        if on_answers:
            removal = Removal(
                Category.COMMENT, "answer_comment", "a comment on a question or an answer"
            )
            yield from ((block, removal) for block in on_answers)
        for block in _post_furniture(ctx, kept, taken, self._is_header):
            taken.add(block.index)
            yield block, _POST_LABEL
        for block in _recurring_chrome(ctx, kept, taken, self._is_header):
            taken.add(block.index)
            yield block, _POST_CHROME
        start = self._section_start(ctx, kept, taken)
        section_from = kept[start].index if start is not None else len(ctx.document.blocks)
        # Prompts and headers that open no section go alone ("Leave a reply" after one
        # paragraph): leaving them would let a second cleaning open a section there.
        prompts = self._prompts(ctx, before=section_from)
        yield from ((block, removal) for block, removal in prompts if block.index not in taken)
        if start is None:
            return
        header = kept[start]
        removal = Removal(
            Category.COMMENT,
            "comment_section",
            f"in the comment section that starts at {header.text!r} (block {header.index})",
        )
        for block in kept[start:]:
            if block.index not in taken:
                yield block, removal

    def _prompts(self, ctx: Context, before: int) -> Iterator[tuple[Block, Removal]]:
        for block in ctx.kept_among(ctx.blocks_with("comment")):
            if block.index >= before:
                return
            phrase = phrase_of(ctx, block, "comment")
            if (
                phrase is not None
                and phrase_words(phrase.phrase) > 1
                and block.stats.words <= self.max_prompt_words
            ):
                yield (
                    block,
                    Removal(
                        Category.COMMENT, "comment_prompt", f"comment prompt {phrase.phrase!r}"
                    ),
                )

    def _section_start(self, ctx: Context, kept: Sequence[Block], taken: set[int]) -> int | None:
        """Position in ``kept`` of the first comments header far enough into the article,
        other than the blocks ``taken`` already (comments on answers)."""
        candidates = set(ctx.blocks_with("comment")) | set(ctx.blocks_containing(*_HEADER_STEMS))
        if not candidates:
            return None
        positive = [max(0.0, ctx.scores[b.index].weight) for b in kept]
        total = sum(positive)
        body_start = ctx.page.body_start or 0
        labels = _item_labels(ctx, candidates, kept)
        thread = ctx.page_type is PageType.FORUM
        seen = 0.0
        for position, block in enumerate(kept):
            seen += positive[position]
            if block.index not in candidates or block.index <= body_start or block.index in taken:
                continue
            if not self._is_header(block, ctx) or (labels and _label_of(block) in labels):
                continue
            if thread and not _is_term(block):
                continue
            if seen >= self.min_body_share * total or _authors_follow(ctx, block):
                return position
        return None

    def _is_header(self, block: Block, ctx: Context) -> bool:
        words = block.stats.words
        if _is_defined_term(block):
            return False
        if not 0 < words <= _MAX_COUNTED_HEADER_WORDS:
            return False
        # Single-word labels ("Reply", "Report") also sit in share bars and embeds, so only
        # counted headers and multi-word comment phrases open a section.
        if _COUNT_HEADER.match(block.text) is not None:
            return True
        if _CJK_COUNT_HEADER.match(block.text) is not None:
            return True
        if words > self.max_header_words:
            return False
        phrase = phrase_of(ctx, block, "comment")
        return phrase is not None and phrase_words(phrase.phrase) > 1
