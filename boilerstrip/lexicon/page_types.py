"""Words that tell what kind of page a page is (``page_cues`` counts them, ``page_type``
weighs them): interface labels each type shows, URL path words, and schema.org types.

Labels are matched against a short block's lower-cased words with numbers left out ("Posts:
1,234" is ``posts``); every entry is one a page of that type shows as a line of its own, and
that articles rarely do. One entry per line, sorted, so a missing comma cannot join two.
"""

from __future__ import annotations

# Lines of a discussion thread's post furniture: XenForo, phpBB, vBulletin, Discourse,
# Invision, Stack Exchange.
FORUM_LABELS: tuple[str, ...] = (
    "accepted answer",
    "add a comment",
    "answered",
    "asked",
    "click to expand",
    "joined",
    "last edited",
    "link to comment",
    "member",
    "members online",
    "messages",
    "new member",
    "new posts",
    "original poster",
    "post reply",
    "posts",
    "quote",
    "reaction score",
    "replies",
    "reply",
    "reply with quote",
    "similar threads",
    "thread starter",
    "topic replies views activity",
    "well known member",
    "your answer",
)
# First words of a post's byline or counter lines: "Posted by x", "Joined Mar 2020".
FORUM_PREFIXES: tuple[str, ...] = (
    "joined",
    "replied",
)
# A shop's buying furniture, in the languages of the lexicon.
PRODUCT_LABELS: tuple[str, ...] = (
    "add to bag",
    "add to basket",
    "add to cart",
    "add to wish list",
    "add to wishlist",
    "afegir a la cistella",
    "agregar al carrito",
    "aggiungi al carrello",
    "ajouter au panier",
    "buy it now",
    "dodaj do koszyka",
    "in den warenkorb",
    "in stock",
    "in winkelwagen",
    "lägg i varukorgen",
    "out of stock",
    "product details",
    "quantity",
    "sold out",
    "specifications",
    "write a review",
    "añadir al carrito",
    "в корзину",
)
# A catalogue page's controls over many products.
COLLECTION_LABELS: tuple[str, ...] = (
    "filter by",
    "filter by price",
    "sort",
    "sort by",
    "sort by price",
    "view as",
)
# Documentation sites' navigation and reference headings.
DOCUMENTATION_LABELS: tuple[str, ...] = (
    "api reference",
    "edit on github",
    "edit this page",
    "parameters",
    "return value",
    "see also",
    "synopsis",
    "syntax",
    "was this page helpful",
)
# A list of teasers' furniture: each item's link on, the pages after.
LISTING_LABELS: tuple[str, ...] = (
    "continue reading",
    "load more",
    "newer posts",
    "older posts",
    "read more",
    "show more",
    "view more",
)
# A business's calls to action.
SERVICE_LABELS: tuple[str, ...] = (
    "book a demo",
    "book now",
    "contact sales",
    "contact us today",
    "free estimate",
    "get a demo",
    "get a quote",
    "get a free quote",
    "get in touch",
    "get started",
    "get started for free",
    "how it works",
    "request a demo",
    "request a quote",
    "schedule a consultation",
    "start free trial",
    "start your free trial",
    "talk to sales",
    "try it free",
    "why choose us",
)

# URL path segments (lower-cased, split on "/", ".", "-" and "_" where noted by the caller).
FORUM_PATH_WORDS: tuple[str, ...] = (
    "discussion",
    "discussions",
    "forum",
    "forums",
    "questions",
    "showthread",
    "thread",
    "threads",
    "viewtopic",
)
# Path words of forums that other sites use too (Discourse's "/t/slug/id"): a forum label
# must agree.
FORUM_WEAK_PATH_WORDS: tuple[str, ...] = (
    "t",
    "topic",
    "topics",
)
PRODUCT_PATH_WORDS: tuple[str, ...] = (
    "dp",
    "itm",
    "product",
    "products",
)
COLLECTION_PATH_WORDS: tuple[str, ...] = (
    "c",
    "catalog",
    "collections",
    "product-category",
    "shop",
)
DOCUMENTATION_PATH_WORDS: tuple[str, ...] = (
    "api",
    "doc",
    "docs",
    "documentation",
    "man",
    "manual",
    "reference",
)
# Blogs' and shops' lists of their items; prices tell the two apart.
LIST_PATH_WORDS: tuple[str, ...] = (
    "categories",
    "category",
    "tag",
    "tags",
)
# Hosts' first labels: "forum.example.com", "docs.example.com".
FORUM_HOST_LABELS: tuple[str, ...] = (
    "bbs",
    "community",
    "discuss",
    "forum",
    "forums",
)
DOCUMENTATION_HOST_LABELS: tuple[str, ...] = (
    "developer",
    "devdocs",
    "doc",
    "docs",
    "documentation",
)

# schema.org types a page's structured data names for its main thing.
FORUM_SCHEMA_TYPES: tuple[str, ...] = (
    "DiscussionForumPosting",
    "QAPage",
)
PRODUCT_SCHEMA_TYPES: tuple[str, ...] = (
    "IndividualProduct",
    "Product",
    "ProductGroup",
    "ProductModel",
)
COLLECTION_SCHEMA_TYPES: tuple[str, ...] = (
    "CollectionPage",
    "OfferCatalog",
    "SearchResultsPage",
)
DOCUMENTATION_SCHEMA_TYPES: tuple[str, ...] = (
    "APIReference",
    "TechArticle",
)
ARTICLE_SCHEMA_TYPES: tuple[str, ...] = (
    "AnalysisNewsArticle",
    "Article",
    "BlogPosting",
    "NewsArticle",
    "OpinionNewsArticle",
    "Recipe",
    "Report",
    "ReportageNewsArticle",
    "ReviewNewsArticle",
    "ScholarlyArticle",
)
SERVICE_SCHEMA_TYPES: tuple[str, ...] = (
    "FinancialProduct",
    "ProfessionalService",
    "Service",
)
