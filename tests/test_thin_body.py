"""A page of short entries under a one-paragraph intro: the entries are its body (HTML)."""

from __future__ import annotations

import boilerstrip

MENU = "".join(
    f"<li><a href='/{w.lower()}'>{w}</a></li>" for w in ("Home", "About", "Trails", "Events")
)
TRAILS = ("Anthills", "Burroughs Park", "Carl Barton", "Cypress Creek", "Double Lake", "Timberlane")
INTRO = (
    "The Greater Houston Off-Road Biking Association builds, maintains and rides the local trails."
)


def _entry(name: str, miles: int) -> str:
    return (
        f"<h2>{name}</h2><div>Difficulty: Beginner to intermediate</div>"
        f"<div>Length: {miles} miles</div><div>Trail steward: Dave Ruiz</div>"
        f"<div><a href='/map/{miles}'>View Trailforks map</a></div>"
    )


def _page(intro: str) -> str:
    entries = "".join(_entry(name, miles) for miles, name in enumerate(TRAILS, start=3))
    return (
        f"<html><head><title>Trails</title></head><body><nav><ul>{MENU}</ul></nav>"
        f"<main><h1>Trails</h1><p>{intro}</p>{entries}</main>"
        f"<footer><ul>{MENU}</ul><p>Copyright 2026 GHORBA. All rights reserved.</p></footer>"
        "</body></html>"
    )


def test_entries_after_a_thin_intro_are_kept() -> None:
    body = boilerstrip.clean(_page(INTRO))
    assert INTRO in body
    for name in TRAILS:
        assert name in body
    assert "Length: 8 miles" in body
    assert "All rights reserved" not in body


def test_a_full_article_does_not_take_what_follows_it() -> None:
    intro = " ".join([INTRO] * 6)
    body = boilerstrip.clean(_page(intro))
    assert intro in body
    assert "Length: 8 miles" not in body
