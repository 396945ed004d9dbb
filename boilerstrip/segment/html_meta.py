"""What an HTML page says about itself in its markup: Open Graph and ``<meta>`` tags, JSON-LD,
``<link rel=canonical>``, ``<html lang>`` and ``<time datetime>``.

The HTML walk (``segment.html.walk_root``) hands over the candidate elements it met, so the
tree is not traversed a second time (lxml's C iterator, filtered by tag, finds them when no
walk did); every value is checked for its type, bounded in size and whitespace-normalised, so junk
markup gives ``None`` fields, never an exception. Choosing between these values and what the
text itself shows (the headline, a byline line) is ``metadata.report_metadata``'s job.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import regex

from boilerstrip.dates import find_date
from boilerstrip.normalize import normalize_text


@dataclass(frozen=True, slots=True)
class PageMeta:
    """The page's own statements about the article; ``None`` where it says nothing usable.

    ``date`` comes from JSON-LD or ``article:published_time``; ``time_date`` from the first
    ``<time datetime>``, kept apart because a page's first ``<time>`` may date a sidebar item.
    Dates are ISO 8601 (YYYY-MM-DD); ``language`` is a primary subtag ("en" for "en-US").
    """

    title: str | None = None
    author: str | None = None
    date: str | None = None
    time_date: str | None = None
    language: str | None = None
    canonical_url: str | None = None
    site_name: str | None = None
    # What kind of page it says it is (``page_type`` reads these): the schema.org types of
    # its JSON-LD nodes and microdata items, distinct, in order of first appearance, and its
    # ``og:type`` lower-cased.
    schema_types: tuple[str, ...] = ()
    og_type: str | None = None
    # What the page says its content is, in a sentence or two: a product node's JSON-LD
    # ``description``, else the description ``<meta>`` elements'. Shops write the product's
    # description there, word for word as on the page.
    description: str | None = None


# Longer values are not metadata but a page stuffing its head; they are cut before any work.
_MAX_VALUE_CHARS = 1000
# JSON-LD: a page's structured data is a few kB; bigger blocks (product catalogues, whole
# article bodies) are skipped rather than parsed, and so are pages with dozens of them.
_MAX_JSON_LD_CHARS = 200_000
_MAX_JSON_LD_SCRIPTS = 16
# Nodes of one JSON-LD block considered (its top level and its @graph), and authors named.
_MAX_NODES = 200
_MAX_AUTHORS = 5
_META_KEYS = frozenset(
    {
        "og:title",
        "og:site_name",
        "og:type",
        "og:url",
        "author",
        "article:author",
        "article:published_time",
        "description",
        "og:description",
        "twitter:description",
    }
)
# Distinct schema.org types kept; a page naming more is a catalogue, and its first ones tell.
_MAX_SCHEMA_TYPES = 32
# Microdata items read for their type: the first ones of a page (its main entity and the
# repeated items after it) say what it is; a catalogue of thousands is not read through.
_MAX_ITEMS = 200
# @type values of a node whose description is the product's (not a review's or an offer's).
_PRODUCT_TYPES = frozenset({"Product", "ProductGroup", "IndividualProduct", "ProductModel"})
# @type values of the node that describes the article itself.
_ARTICLE_TYPE_ENDS = ("Article", "Posting", "Report", "Review")
_LANGUAGE_TAG = regex.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*")
_LEADING_BY = regex.compile(r"^(?:by|von|par|por|di|door)\s*:?\s+", regex.IGNORECASE)
_JSON_WRAPPERS = regex.compile(r"^\s*(?://\s*)?(?:<!--|<!\[CDATA\[)|(?://\s*)?(?:-->|\]\]>)\s*$")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def page_meta(root: Any, marked: Iterable[Any] | None = None) -> PageMeta:
    """The metadata the markup of ``root`` (an lxml element, or ``None``) states. ``marked``:
    its ``<meta>``, ``<link>``, ``<script>`` and ``<time>`` elements (others are ignored) in
    document order, when a walk has already collected them; else they are looked up."""
    if root is None or not isinstance(getattr(root, "tag", None), str):
        return PageMeta()
    if marked is None:
        marked = root.iter("meta", "link", "script", "time")
    metas, canonical, scripts, time_date = _collect(marked)
    nodes = _json_ld_nodes(scripts)
    linked = _linked_data(nodes)

    def meta(key: str) -> str | None:
        return _text(metas.get(key))

    return PageMeta(
        title=_first(meta("og:title"), linked.headline),
        author=_first(_author(meta("author")), _author(meta("article:author")), linked.author),
        date=_first(linked.date, _iso_date(meta("article:published_time"))),
        time_date=time_date,
        language=language_code(_text(root.get("lang") or root.get(_XML_LANG))),
        canonical_url=_canonical(_text(canonical), meta("og:url")),
        site_name=_site_name(_first(meta("og:site_name"), linked.publisher)),
        schema_types=_schema_types(nodes, root),
        og_type=_lowered(meta("og:type")),
        description=_first(
            _product_description(nodes),
            meta("description"),
            meta("og:description"),
            meta("twitter:description"),
        ),
    )


def _lowered(value: str | None) -> str | None:
    return value.lower() if value else None


def _first(*values: str | None) -> str | None:
    return next((v for v in values if v), None)


def _collect(marked: Iterable[Any]) -> tuple[dict[str, str], str | None, list[str], str | None]:
    """The ``<meta>`` values read (raw, by name/property), the canonical link, JSON-LD script
    texts and the first ``<time datetime>`` date, from the candidate elements."""
    metas: dict[str, str] = {}
    canonical: str | None = None
    scripts: list[str] = []
    time_date: str | None = None
    for element in marked:
        tag = element.tag
        if tag == "meta":
            _add_meta(element, metas)
        elif tag == "link":
            if canonical is None and "canonical" in (element.get("rel") or "").lower().split():
                canonical = element.get("href")
        elif tag == "script":
            if len(scripts) < _MAX_JSON_LD_SCRIPTS and _is_json_ld(element):
                scripts.append(element.text)
        elif tag == "time" and time_date is None:
            time_date = _iso_date(_text(element.get("datetime")))
    return metas, canonical, scripts, time_date


def _is_json_ld(element: Any) -> bool:
    kind = element.get("type") or ""
    # The type first: reading .text copies the script, and pages inline large ones.
    return kind.strip().lower() == "application/ld+json" and bool(element.text)


def _add_meta(element: Any, metas: dict[str, str]) -> None:
    """Keep the first non-blank value of each key read; pages hold dozens of others."""
    key = element.get("property") or element.get("name") or element.get("itemprop")
    if not key:
        return
    key = key.strip().lower()
    if key in _META_KEYS and key not in metas:
        value = element.get("content")
        if value and not value.isspace():
            metas[key] = value


def _text(value: object) -> str | None:
    """``value`` as one clean line, or ``None`` when it is not a non-blank string."""
    if not isinstance(value, str):
        return None
    cleaned = normalize_text(" ".join(value[:_MAX_VALUE_CHARS].split()))
    return cleaned or None


def _author(value: str | None) -> str | None:
    """A person's name from a meta value: "By " dropped, profile links are not names."""
    if value is None or "://" in value or value.startswith(("/", "www.")):
        return None
    return _LEADING_BY.sub("", value) or None


def _canonical(*candidates: str | None) -> str | None:
    """The first absolute http(s) URL among ``candidates``, else the first relative one (for
    the caller's ``url=`` to complete)."""
    given = [c for c in candidates if c]
    return next((c for c in given if is_web_url(c)), given[0] if given else None)


def is_web_url(url: str) -> bool:
    """Whether ``url`` is an absolute http or https URL with a host and no blanks in it."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
        _ = parts.port  # a port that is not a number raises ValueError here
    except ValueError:
        return False
    blank = any(c.isspace() for c in url)
    return parts.scheme.lower() in ("http", "https") and bool(host) and not blank


def _site_name(value: str | None) -> str | None:
    """A site's name; one written as a URL ("https://www.example.in") becomes its host."""
    if value is None or not value.lower().startswith(("http://", "https://", "www.")):
        return value
    try:
        host = urlsplit(value if "://" in value else f"http://{value}").hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def _iso_date(value: str | None) -> str | None:
    found = find_date(value[:64]) if value else None
    return found[0] if found is not None else None


def language_code(value: str | None) -> str | None:
    """The primary language subtag of a BCP 47 tag, lower-cased: "en-US" -> "en"."""
    match = _LANGUAGE_TAG.fullmatch(value) if value else None
    return match.group(1).lower() if match is not None else None


# --- JSON-LD ---------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _LinkedData:
    headline: str | None = None
    author: str | None = None
    date: str | None = None
    publisher: str | None = None


def _json_ld_nodes(scripts: list[str]) -> list[dict[str, Any]]:
    """The nodes of every JSON-LD block, in order (see ``_nodes``)."""
    nodes: list[dict[str, Any]] = []
    for script in scripts:
        nodes.extend(_nodes(_parsed_json(script)))
    return nodes


def _schema_types(nodes: list[dict[str, Any]], root: Any) -> tuple[str, ...]:
    """The distinct schema.org types the page's JSON-LD nodes and microdata items name
    ("Product", not "https://schema.org/Product"), bounded by ``_MAX_SCHEMA_TYPES``."""
    found: dict[str, None] = {}
    for node in nodes:
        found.update(dict.fromkeys(_types(node)))
    # An XPath over the parsed tree runs in C; only the attribute values come to Python.
    for value in root.xpath("descendant-or-self::*/@itemtype")[:_MAX_ITEMS]:
        found.update(dict.fromkeys(str(value).split()))
    names = (_text(_type_name(name)) for name in found)
    return tuple(dict.fromkeys(n for n in names if n))[:_MAX_SCHEMA_TYPES]


def _type_name(value: str) -> str:
    """A schema.org type's name: "Product" of "https://schema.org/Product" or "schema:Product"."""
    return value.rstrip("/").rsplit("/", 1)[-1].rsplit(":", 1)[-1]


def _linked_data(nodes: list[dict[str, Any]]) -> _LinkedData:
    """What the first article node of the page's JSON-LD nodes says (a page's other nodes,
    breadcrumbs and web-site descriptions, name the publisher at most)."""
    by_id = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str)}
    article = next((n for n in nodes if _is_article(n)), None)
    if article is None:
        article = next((n for n in nodes if "datePublished" in n), {})
    website = next((n for n in nodes if "WebSite" in _types(n)), {})
    publisher = _resolved(article.get("publisher"), by_id)
    return _LinkedData(
        headline=_text(article.get("headline")),
        author=_names(article.get("author"), by_id),
        date=_iso_date(_text(article.get("datePublished"))),
        publisher=_first(_name_of(publisher), _text(website.get("name"))),
    )


def _product_description(nodes: list[dict[str, Any]]) -> str | None:
    """The ``description`` of the first product node that has one."""
    for node in nodes:
        if not _PRODUCT_TYPES.isdisjoint(map(_type_name, _types(node))):
            description = _text(node.get("description"))
            if description:
                return description
    return None


def _parsed_json(script: str) -> object:
    if len(script) > _MAX_JSON_LD_CHARS:
        return None
    try:
        # strict=False: pages put raw line breaks and tabs inside JSON-LD strings.
        return json.loads(_JSON_WRAPPERS.sub("", script), strict=False)
    except (ValueError, RecursionError):
        return None


def _nodes(data: object) -> Iterator[dict[str, Any]]:
    """The objects of a JSON-LD block: its top level (one object or a list) and the members
    of any ``@graph``; nested objects are reached through the properties that name them."""
    pending = [data]
    seen = 0
    while pending and seen < _MAX_NODES:
        item = pending.pop()
        seen += 1
        if isinstance(item, list):
            pending.extend(reversed(item[:_MAX_NODES]))
        elif isinstance(item, dict):
            graph = item.get("@graph")
            if isinstance(graph, list):
                pending.extend(reversed(graph[:_MAX_NODES]))
            yield item


def _types(node: dict[str, Any]) -> list[str]:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return [k for k in kinds if isinstance(k, str)]


def _is_article(node: dict[str, Any]) -> bool:
    return any(k.endswith(_ARTICLE_TYPE_ENDS) for k in _types(node))


def _resolved(value: object, by_id: dict[str, dict[str, Any]]) -> object:
    """A ``{"@id": ...}`` reference replaced by the node it names (one level)."""
    if isinstance(value, dict) and "name" not in value and isinstance(value.get("@id"), str):
        return by_id.get(value["@id"], value)
    return value


def _name_of(value: object) -> str | None:
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, list) and value:
        value = value[0]
    return _text(value)


def _names(value: object, by_id: dict[str, dict[str, Any]]) -> str | None:
    """Author names joined with commas: a string, a Person/Organization, or a list of them."""
    items = value[:_MAX_AUTHORS] if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        name = _author(_name_of(_resolved(item, by_id)))
        if name and name not in names:
            names.append(name)
    return ", ".join(names) or None
