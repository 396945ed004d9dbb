"""What kind of page a page is: a guess from evidence that is already measured or cheap.

The guess is made once per call (``Context.page_type``), before any filter asks, so that
filters for one type of page can stand aside on the others. Evidence is weighed strongest
first and the first rule that fires decides, naming its evidence:

1. the page's own statements: its schema.org types (JSON-LD and microdata) and ``og:type``;
2. the cues its blocks show (``page_cues``): a forum's post furniture, a shop's prices and
   buttons, lines of code;
3. the words of its URL's path and host (the caller's ``url``, else the page's canonical
   URL), which only decide together with a cue of the same type, or alone for the types
   whose addresses are unmistakable;
4. the shape of its blocks: many linked headings and little prose make a list of teasers.

Anything else is an ``article``, the commonest type and the one the filters were built for;
the rules are written for precision, since a filter acting on a wrong guess does harm.
Every threshold is commented with its reason; docs/algorithm.md gives the measured accuracy.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise
from urllib.parse import urlsplit

from boilerstrip.blocks import Document
from boilerstrip.lexicon import page_types as vocabulary
from boilerstrip.page_cues import PageCues, page_cues
from boilerstrip.segment.html_meta import PageMeta, is_web_url


class PageType(StrEnum):
    """The kinds of page ``Metadata.page_type`` tells apart."""

    ARTICLE = "article"  # a news story, blog post, essay, recipe: prose under a headline
    FORUM = "forum"  # a discussion thread or Q&A page: posts by several people
    PRODUCT = "product"  # one thing for sale: its description, price and buy button
    LISTING = "listing"  # a list of teasers linking to articles (a blog index, a section)
    COLLECTION = "collection"  # a shop's list of products (a category, a search result)
    SERVICE = "service"  # a business's page about what it offers (a landing page)
    DOCUMENTATION = "documentation"  # a manual or reference page: code, parameters


# How the evidence of a guess the markup stated begins.
_SCHEMA_EVIDENCE = "schema.org"
_STATED_EVIDENCE = (_SCHEMA_EVIDENCE, "og:type")


@dataclass(frozen=True, slots=True)
class PageTypeGuess:
    """The type guessed and the evidence that decided it, for people ("json-ld Product")."""

    page_type: PageType
    evidence: str

    @property
    def declared_article(self) -> bool:
        """Whether the page says it is an article (schema.org or og:type), rather than only
        lacking the cues of another type: a listing often has none and falls back to article."""
        return self.page_type is PageType.ARTICLE and self.evidence.startswith(_STATED_EVIDENCE)

    @property
    def schema_article(self) -> bool:
        """Whether the page's schema.org data names it an article: a stronger statement
        than og:type, which most WordPress themes write on every page."""
        return self.page_type is PageType.ARTICLE and self.evidence.startswith(_SCHEMA_EVIDENCE)


@dataclass(frozen=True, slots=True)
class PageEvidence:
    """Everything the rules read: the block cues, the markup's statements, the URL's words."""

    cues: PageCues
    schema_types: frozenset[str]
    og_type: str | None
    path_words: frozenset[str]
    host_label: str
    # The markup names an author or a publication date: what a post has and a manual lacks.
    signed: bool = False
    # The URL is a site's home page (no path).
    home: bool = False


def guess_page_type(document: Document, url: str | None = None) -> PageTypeGuess:
    """The page type of ``document``; ``url`` (else the page's canonical URL) adds its words."""
    return decide(evidence_of(document, url))


def evidence_of(document: Document, url: str | None = None) -> PageEvidence:
    page = document.page if document.page is not None else PageMeta()
    address = url or page.canonical_url
    path_words, host_label = _url_words(address)
    return PageEvidence(
        page_cues(document.blocks),
        frozenset(page.schema_types),
        page.og_type,
        path_words,
        host_label,
        bool(page.author or page.date),
        _is_home(address),
    )


def decide(evidence: PageEvidence) -> PageTypeGuess:
    """The first rule of ``RULES`` that fires, else ``article``."""
    for rule in RULES:
        found = rule(evidence)
        if found is not None:
            return found
    return PageTypeGuess(PageType.ARTICLE, "no cue of another type")


def _url_words(url: str | None) -> tuple[frozenset[str], str]:
    """The words of ``url``'s path (segments, and their parts before a dot: "viewtopic" of
    "viewtopic.php"; one-letter ones not before an id, ``_names_a_path``) and its host's first
    label ("forum" of "forum.example.com")."""
    if not url:
        return frozenset(), ""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        return frozenset(), ""
    segments = [s for s in parts.path.lower().split("/") if s]
    words = {
        word
        for segment, after in pairwise([*segments, ""])
        for word in {segment, segment.split(".", 1)[0]}
        if _names_a_path(word, after)
    }
    labels = host.removeprefix("www.").split(".")
    return frozenset(words), labels[0] if len(labels) > 2 else ""


# A one-letter segment is a site's own path code: a shop's /c/ names the category that
# follows it ("/c/hiking-boots"), a forum's /t/ its thread ("/t/some-topic/123", "/t/123/"),
# but a newspaper's /c/ opens an article's opaque id or its date ("/c/7pldiU65MNU",
# "/c/2019-09-07/doc-..."): before those it is no word of the URL. ifeng and sina articles
# were read as product collections.
_OPAQUE_ID = re.compile(r"(?=[a-z]*\d)(?=\d*[a-z])[a-z\d]{8,}|\d{4}-\d{1,2}-\d{1,2}")


def _names_a_path(word: str, after: str) -> bool:
    if len(word) > 1:
        return True
    return _OPAQUE_ID.fullmatch(after) is None


def _is_home(url: str | None) -> bool:
    """Whether ``url`` is a web address with no path: a site's home page."""
    if url is None or not is_web_url(url):
        return False
    return urlsplit(url).path.strip("/") == ""


# --- the rules, strongest evidence first ------------------------------------------------------
Rule = Callable[[PageEvidence], PageTypeGuess | None]


def _found(page_type: PageType, evidence: str) -> PageTypeGuess:
    return PageTypeGuess(page_type, evidence)


def _declared(evidence: PageEvidence) -> PageTypeGuess | None:
    """What the page's structured data says its main thing is."""
    types = evidence.schema_types
    for kind, names in _DECLARED:
        hit = types.intersection(names)
        if hit:
            return _found(kind, f"schema.org {min(hit)}")
    og = evidence.og_type
    if og is not None and og in _OG_TYPES:
        return _found(_OG_TYPES[og], f"og:type {og}")
    # schema.org Comment items without an article: the posts of a thread. (An article's
    # comment section also marks its comments, but then the article says it is one.)
    if "Comment" in types and types.isdisjoint(vocabulary.ARTICLE_SCHEMA_TYPES):
        return _found(PageType.FORUM, "schema.org Comment items and no article")
    return None


# Checked in this order: a forum or product page may also call itself a WebPage or Article
# (the thread's page, the product's description), never the other way round.
_DECLARED: tuple[tuple[PageType, tuple[str, ...]], ...] = (
    (PageType.FORUM, vocabulary.FORUM_SCHEMA_TYPES),
    (PageType.PRODUCT, vocabulary.PRODUCT_SCHEMA_TYPES),
    (PageType.DOCUMENTATION, vocabulary.DOCUMENTATION_SCHEMA_TYPES),
    (PageType.COLLECTION, vocabulary.COLLECTION_SCHEMA_TYPES),
)
_OG_TYPES = {
    "product": PageType.PRODUCT,
    "product.item": PageType.PRODUCT,
    "product.group": PageType.COLLECTION,
}


# A thread shows its post furniture (Reply, Quote, Joined, Posts: n...) once per post: this
# many lines make several posts. Articles with a comment section show a few (4 of the 358
# even-numbered dev articles reach 5, 2 reach 8), and mostly one kind, "Reply" under each
# comment: a thread's furniture is of several kinds.
_FORUM_LABELS = 6
_FORUM_LABEL_KINDS = 2


def _forum_furniture(evidence: PageEvidence) -> PageTypeGuess | None:
    count = evidence.cues.labels["forum"]
    kinds = evidence.cues.distinct_labels["forum"]
    if count >= _FORUM_LABELS and kinds >= _FORUM_LABEL_KINDS:
        return _found(PageType.FORUM, f"{count} forum labels of {kinds} kinds")
    return None


# Documentation is made of code: this many lines of it, and this share of the page's blocks
# (a post with a snippet or two stays an article). Tutorials on blogs are code-heavy too, but
# they are signed or dated, and manuals are not (the veto is lifted by a docs label).
_CODE_LINES = 20
_CODE_SHARE = 0.1


def _code(evidence: PageEvidence) -> PageTypeGuess | None:
    cues = evidence.cues
    share = cues.share(cues.code_lines)
    if cues.code_lines < _CODE_LINES or share < _CODE_SHARE:
        return None
    if evidence.signed and not cues.labels["documentation"]:
        return None
    return _found(PageType.DOCUMENTATION, f"{cues.code_lines} code lines, {share:.0%} of blocks")


# A product page shows its price a few times (the price, a struck-out one, a bundle's); a
# category page one per product. From this many price lines a page sells many things.
_COLLECTION_PRICES = 12


def _shop(evidence: PageEvidence) -> PageTypeGuess | None:
    """Buying furniture (Add to cart, In stock...) beside prices."""
    cues = evidence.cues
    buttons = cues.labels["product"]
    if not buttons or not cues.prices:
        return None
    kind = PageType.COLLECTION if cues.prices >= _COLLECTION_PRICES else PageType.PRODUCT
    return _found(kind, f"{buttons} shop labels, {cues.prices} prices")


def _address(evidence: PageEvidence) -> PageTypeGuess | None:
    """The words of the URL, where they are specific to one type (or agree with a cue)."""
    words, host, cues = evidence.path_words, evidence.host_label, evidence.cues
    said = _said_by_address(words, host, cues)
    if said is None:
        return None
    kind, word = said
    return _found(kind, f"url word {word!r}")


def _said_by_address(
    words: frozenset[str], host: str, cues: PageCues
) -> tuple[PageType, str] | None:
    selling = cues.prices > 0 or cues.labels["product"] > 0
    checks = (
        (PageType.DOCUMENTATION, words & _DOCS_WORDS or {host} & _DOCS_HOSTS),
        (PageType.FORUM, words & _FORUM_WORDS or {host} & _FORUM_HOSTS),
        (PageType.FORUM, words & _WEAK_FORUM_WORDS if cues.labels["forum"] else set()),
        (PageType.PRODUCT, words & _PRODUCT_WORDS if selling else set()),
        (PageType.COLLECTION, words & _COLLECTION_WORDS),
        (PageType.COLLECTION, words & _LIST_WORDS if selling else set()),
        (PageType.LISTING, words & _LIST_WORDS),
    )
    for kind, hit in checks:
        if hit:
            return kind, min(hit)
    return None


_DOCS_WORDS = frozenset(vocabulary.DOCUMENTATION_PATH_WORDS)
_DOCS_HOSTS = frozenset(vocabulary.DOCUMENTATION_HOST_LABELS)
_FORUM_WORDS = frozenset(vocabulary.FORUM_PATH_WORDS)
_WEAK_FORUM_WORDS = frozenset(vocabulary.FORUM_WEAK_PATH_WORDS)
_FORUM_HOSTS = frozenset(vocabulary.FORUM_HOST_LABELS)
_PRODUCT_WORDS = frozenset(vocabulary.PRODUCT_PATH_WORDS)
_COLLECTION_WORDS = frozenset(vocabulary.COLLECTION_PATH_WORDS)
_LIST_WORDS = frozenset(vocabulary.LIST_PATH_WORDS)


def _declared_article(evidence: PageEvidence) -> PageTypeGuess | None:
    """An article the structured data names stops the shape rules below (a long article
    with a list of related stories must not become a listing)."""
    hit = evidence.schema_types.intersection(vocabulary.ARTICLE_SCHEMA_TYPES)
    if hit or evidence.og_type == "article":
        return _found(PageType.ARTICLE, f"schema.org {min(hit)}" if hit else "og:type article")
    return None


# A list of teasers: this many headings are links, and little of the page is prose.
_LINKED_HEADINGS = 10
_LIST_PROSE_SHARE = 0.25


def _teaser_list(evidence: PageEvidence) -> PageTypeGuess | None:
    cues = evidence.cues
    if cues.linked_headings >= _LINKED_HEADINGS and cues.prose_share < _LIST_PROSE_SHARE:
        kind = PageType.COLLECTION if cues.prices >= _COLLECTION_PRICES else PageType.LISTING
        if kind is PageType.LISTING and _holds_an_article(cues):
            return None
        return _found(kind, f"{cues.linked_headings} linked headings, {cues.prose_share:.0%} prose")
    return None


# A news portal's article sits among many linked headlines (guancha, 163.com: 38-72 of them,
# 4-23% prose), but its paragraphs stand in one run no link breaks: this many words of
# prose, and this share of the page's prose. A listing's summaries are split by their
# titles (wcxb-dev: the longest run 0-244 words, one listing 810 of its 1545).
_ARTICLE_RUN_WORDS = 300
_ARTICLE_RUN_SHARE = 0.6


def _holds_an_article(cues: PageCues) -> bool:
    run = cues.prose_run_words
    return run >= _ARTICLE_RUN_WORDS and run >= _ARTICLE_RUN_SHARE * cues.prose_words


def _home_page(evidence: PageEvidence) -> PageTypeGuess | None:
    """A site's home page is no one article: a shop's shows its products, a publication's its
    stories, and a business's what it offers (the commonest kind of home page)."""
    if not evidence.home:
        return None
    cues = evidence.cues
    if cues.prices >= _COLLECTION_PRICES:
        return _found(PageType.COLLECTION, f"home page, {cues.prices} prices")
    if cues.linked_headings >= _LINKED_HEADINGS:
        return _found(PageType.LISTING, f"home page, {cues.linked_headings} linked headings")
    return _found(PageType.SERVICE, "home page without prices or teasers")


# A business's page asks the reader to act ("Get started", "Contact sales", "Request a
# demo") again and again, and names no author or date. From this many of its calls to action
# an unsigned page with no other cue is a service page, whose sections the body keeps as
# islands: wcxb-dev HTML service 0.779 -> 0.788, text service 0.750 -> 0.758, the other types
# within 0.0001 (HTML guess accuracy 0.778 -> 0.793; text with the URL 0.735 -> 0.726, since
# plain text names no author to sign an article). From 3: HTML the same, text listing -0.001
# and article -0.0002. Checked last: a shop's buttons, a thread's furniture, the URL and the
# teaser shape are stronger evidence.
_SERVICE_CALLS = 4


def _calls_to_action(evidence: PageEvidence) -> PageTypeGuess | None:
    count = evidence.cues.labels["service"]
    if count < _SERVICE_CALLS or evidence.signed:
        return None
    return _found(PageType.SERVICE, f"{count} calls to action, unsigned")


RULES: Sequence[Rule] = (
    _declared,
    _forum_furniture,
    _code,
    _shop,
    _address,
    _declared_article,
    _teaser_list,
    _home_page,
    _calls_to_action,
)
