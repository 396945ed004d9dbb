"""Built-in filters, one family per module, registered under their names in default order."""

from boilerstrip.filters.base import BlockFilter, Context, DocumentFilter, Favor, Filter
from boilerstrip.filters.comments import CommentsFilter
from boilerstrip.filters.content import MainBodyFilter
from boilerstrip.filters.dom import DomFilter
from boilerstrip.filters.duplicates import DuplicatesFilter
from boilerstrip.filters.headline import HeadlineFilter
from boilerstrip.filters.legal import LegalFilter
from boilerstrip.filters.navigation import NavigationFilter
from boilerstrip.filters.promo import (
    AdvertisementFilter,
    CookieFilter,
    NewsletterFilter,
    SocialFilter,
)
from boilerstrip.filters.registry import mark_builtin, register
from boilerstrip.filters.related import RelatedFilter
from boilerstrip.filters.rules import FunctionRule, PatternRule, PhraseRule
from boilerstrip.filters.site import SiteTemplateFilter

# The default order: metadata first (the headline anchors other rules), block-level families
# next, then the passes that need to know what those removed. Duplicates go before the
# main-body span, so a repeat removed inside the body cannot leave boilerplate stranded at
# the span's edge (which a second cleaning would then trim: clean must be idempotent).
# The site template (a no-op without ``template=``) runs last: it trims what the site repeats
# inside the body and cannot move the span (see filters/site.py for the measurements).
BUILTIN_FILTERS: tuple[Filter, ...] = (
    HeadlineFilter(),
    DomFilter(),
    AdvertisementFilter(),
    NewsletterFilter(),
    CookieFilter(),
    SocialFilter(),
    LegalFilter(),
    NavigationFilter(),
    RelatedFilter(),
    CommentsFilter(),
    DuplicatesFilter(),
    MainBodyFilter(),
    SiteTemplateFilter(),
)
DEFAULT_ORDER: tuple[str, ...] = tuple(f.name for f in BUILTIN_FILTERS)

for _builtin in BUILTIN_FILTERS:
    register(_builtin.name, _builtin)
mark_builtin(*DEFAULT_ORDER)

__all__ = [
    "BUILTIN_FILTERS",
    "DEFAULT_ORDER",
    "AdvertisementFilter",
    "BlockFilter",
    "CommentsFilter",
    "Context",
    "CookieFilter",
    "DocumentFilter",
    "DomFilter",
    "DuplicatesFilter",
    "Favor",
    "Filter",
    "FunctionRule",
    "HeadlineFilter",
    "LegalFilter",
    "MainBodyFilter",
    "NavigationFilter",
    "NewsletterFilter",
    "PatternRule",
    "PhraseRule",
    "RelatedFilter",
    "SiteTemplateFilter",
    "SocialFilter",
]
