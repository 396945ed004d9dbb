"""HTML-to-text converters, to check that text-mode scores do not hinge on one converter's layout.

Each converter is built lazily so that a missing package only matters when it is asked for.
"""

from __future__ import annotations

from collections.abc import Callable

Converter = Callable[[str], str]

SHIPPED = "shipped"


def _html_text() -> Converter:
    import html_text

    def convert(html: str) -> str:
        # The settings the shipped `text/` files were made with. Typed through a variable:
        # without the bench extra the package is missing and mypy sees Any.
        text: str = html_text.extract_text(html, guess_layout=True)
        return text

    return convert


def _inscriptis() -> Converter:
    import inscriptis

    def convert(html: str) -> str:
        text: str = inscriptis.get_text(html)
        return text

    return convert


def _bs4() -> Converter:
    from bs4 import BeautifulSoup

    def convert(html: str) -> str:
        return BeautifulSoup(html, "lxml").get_text("\n")

    return convert


def _trafilatura_txt() -> Converter:
    from trafilatura import html2txt

    def convert(html: str) -> str:
        text: str = html2txt(html)
        return text

    return convert


def _lxml_text() -> Converter:
    import lxml.etree
    import lxml.html

    # lxml refuses str input that carries an XML encoding declaration, so it gets UTF-8 bytes
    # with the encoding stated on the parser instead.
    parser = lxml.html.HTMLParser(encoding="utf-8")

    def convert(html: str) -> str:
        try:
            root = lxml.html.fromstring(html.encode("utf-8", errors="replace"), parser=parser)
        except (lxml.etree.ParserError, ValueError):
            return ""  # an empty or markup-free document has no text to give
        text: str = root.text_content()
        return text

    return convert


_FACTORIES: dict[str, Callable[[], Converter]] = {
    "html-text": _html_text,
    "inscriptis": _inscriptis,
    "bs4": _bs4,
    "trafilatura-txt": _trafilatura_txt,
    "lxml-text": _lxml_text,
}

NAMES = (SHIPPED, *_FACTORIES)


def build(name: str) -> Converter:
    """The converter called `name`; ImportError when its package is not installed."""
    return _FACTORIES[name]()
