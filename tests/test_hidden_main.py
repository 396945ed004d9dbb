"""A page whose main element holds its text hidden (for a script to show) while its menus are
shown around it is read with its hidden elements shown."""

from __future__ import annotations

import boilerstrip

_PROSE = (
    "Meet the yin to your yang: this bold dark roast has your back all day long, a balanced "
    "blend of arabica beans for a smooth flavour and robusta beans for natural strength."
)
# Enough shown menu text that the page is no near-empty shell (2,000 characters).
_MENU = "".join(f"<li><a href='/c/{i}'>Coffee category number {i}</a></li>" for i in range(90))


def _page(main: str, after: str = "") -> str:
    return (
        "<html><head><title>Dark Roast Coffee | Shop</title></head><body>"
        f"<header><nav><ul>{_MENU}</ul></nav></header><main>{main}</main>{after}"
        "<footer><p>© 2026 Coffee Co. All rights reserved.</p></footer></body></html>"
    )


def _paragraphs(label: str, count: int) -> str:
    return "".join(f"<p>{_PROSE} {label} {i}.</p>" for i in range(count))


def test_a_main_element_sent_hidden_is_read() -> None:
    hidden = f"<div class='lockdown-content' style='display:none;'>{_paragraphs('Hidden', 8)}</div>"
    body = boilerstrip.clean(_page(hidden))
    assert "Hidden 0." in body and "Hidden 7." in body


def test_a_hidden_panel_beside_more_shown_text_stays_hidden() -> None:
    # The main element shows most of its text: its hidden element is a closed extra.
    hidden = f"<div style='display:none'>{_paragraphs('Hidden', 8)}</div>"
    body = boilerstrip.clean(_page(_paragraphs("Shown", 12) + hidden))
    assert "Shown 11." in body
    assert "Hidden 0." not in body


def test_hidden_text_outside_the_main_element_stays_hidden() -> None:
    hidden = f"<div style='display:none'>{_paragraphs('Hidden', 8)}</div>"
    body = boilerstrip.clean(_page(_paragraphs("Shown", 2), after=hidden))
    assert "Shown 1." in body
    assert "Hidden 0." not in body
