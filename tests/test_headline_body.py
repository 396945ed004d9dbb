"""Where a page that is not a stated article begins its body: right after its headline."""

from __future__ import annotations

import boilerstrip

MENU = "".join(f"<li><a href='/{w.lower()}'>{w}</a></li>" for w in ("Home", "Pricing", "About"))
PLANS = ("Starter plan", "Unlimited projects", "Team plan", "Priority support")
PROSE = (
    "Our writers have helped more than ten thousand people land interviews, and every "
    "package comes with a guarantee that you will hear back from employers within sixty days. "
)


def _page(head: str, dateline: str = "") -> str:
    plans = dateline + "".join(f"<h2>{plan}</h2><p>$49 a month</p>" for plan in PLANS)
    return (
        f"<html><head><title>Resume writing</title>{head}</head><body><nav><ul>{MENU}</ul>"
        f"</nav><main><h1>Land your next job faster</h1>{plans}<p>{PROSE * 3}</p>"
        f"<p>{PROSE * 2}</p></main><footer><ul>{MENU}</ul></footer></body></html>"
    )


def test_short_lines_under_the_headline_are_the_body() -> None:
    body = boilerstrip.clean(_page(""))
    for plan in PLANS:
        assert plan in body
    assert PROSE.strip() in body


def test_a_stated_article_keeps_its_body_from_the_first_paragraph() -> None:
    # A news story's deck and widgets between headline and text are no part of it.
    body = boilerstrip.clean(_page('<meta property="og:type" content="article">'))
    assert "Starter plan" not in body
    assert PROSE.strip() in body


def test_a_dateline_under_the_headline_says_a_story() -> None:
    # A story no markup states, with its dateline and widgets before the text.
    body = boilerstrip.clean(_page("", "<div>2019-09-07 09:59 Source: Daily News</div>"))
    assert "Starter plan" not in body
    assert PROSE.strip() in body
