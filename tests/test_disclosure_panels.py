"""An accordion's closed panel is hidden until the reader opens it, but it is the page's
text (a shop category's buying guide); other hidden elements stay hidden."""

from __future__ import annotations

import pytest

import boilerstrip

_GUIDE = (
    "Measure your head's circumference by wrapping a flexible measuring tape around the "
    "largest portion of your head, then check the brand's sizing chart before you order."
)
_HIDDEN = "A hidden promotional message that nobody on the page can ever see or open."


def _page(panel_class: str) -> str:
    return (
        "<html><head><title>Bike helmets</title></head><body><main><h1>Bike helmets</h1>"
        "<p>Find the right helmet for every ride, from the daily commute to the trail.</p>"
        f"<div class='{panel_class}'><h3><button aria-expanded='false'>How to choose a "
        f"helmet</button></h3><div class='{panel_class}-content' style='max-height:0px;"
        f"display:none' aria-hidden='true'><p>{_GUIDE}</p></div></div>"
        f"<div style='display:none'><p>{_HIDDEN}</p></div></main></body></html>"
    )


@pytest.mark.parametrize("panel_class", ["cdr-accordion", "faq-collapse", "expandable"])
def test_a_closed_accordion_panel_is_read(panel_class: str) -> None:
    body = boilerstrip.clean(_page(panel_class))
    assert "flexible measuring tape" in body
    assert _HIDDEN not in body


def test_a_hidden_element_that_names_no_disclosure_stays_hidden() -> None:
    body = boilerstrip.clean(_page("promo-box"))
    assert "flexible measuring tape" not in body
