"""Threads (pages guessed a forum): what of a thread's own chrome the filters must not take
for the end of the thread."""

from __future__ import annotations

import json

import boilerstrip

QUESTION = (
    "I am catering my first event for forty people next month and I own one chafing dish, "
    "a rice cooker and some plastic plates. What am I missing and what should I prepare?"
)
ANSWERS = (
    "Check everything and then check it again. Test your recipes ahead of time and find out "
    "what can be made in advance without losing quality, then write a checklist of it all.",
    "Visit the hall before the day of the event, so that you know where the fridges, the "
    "ovens and the sinks are, and ask how early you may arrive to set the tables up.",
    "Bring extras of everything you can think of, because something is going to spill and "
    "there will be more guests than the host told you about when you agreed on the menu.",
)


NAMES = ("mike", "joe", "ann")
MENU = "<nav><a href='/'>Home</a> <a href='/questions'>Questions</a> <a href='/tags'>Tags</a></nav>"


def _post(text: str, author: str) -> str:
    return (
        f"<div class='post'><p>{text}</p><div class='actions'>Share</div>"
        f"<div class='signature'>answered by {author}</div>"
        "<div class='comments-link'>Add a comment</div></div>"
    )


def _page(schema_type: str) -> str:
    data = json.dumps({"@type": schema_type})
    posts = _post(QUESTION, "kumiko") + "<h2>3 Answers</h2>"
    posts += "".join(_post(text, name) for text, name in zip(ANSWERS, NAMES, strict=True))
    return (
        f"<html><head><title>Catering for the first time</title>"
        f"<script type='application/ld+json'>{data}</script></head><body>"
        f"{MENU}"
        f"<h1>Catering for the first time</h1>{posts}"
        "<footer><a href='/about'>About</a> <a href='/privacy'>Privacy policy</a></footer>"
        "</body></html>"
    )


def test_a_comment_prompt_under_every_post_does_not_end_the_thread() -> None:
    # "Add a comment" stands under the question and under each answer: the posts' chrome.
    result = boilerstrip.extract(_page("QAPage"))
    assert result.metadata.page_type == "forum"
    for text in (QUESTION, *ANSWERS):
        assert text in result.body
    assert "Add a comment" not in result.body


def test_on_an_article_the_first_comment_prompt_past_the_body_still_cuts() -> None:
    result = boilerstrip.extract(_page("NewsArticle"))
    assert result.metadata.page_type == "article"
    assert QUESTION in result.body
    assert ANSWERS[-1] not in result.body


REMARKS = (
    "Thanks, the checklist idea saved my first event from a disaster last spring.",
    "Do not forget a fire extinguisher, because you never know what can happen there.",
)


def _answer(text: str, prop: str, remark: str | None) -> str:
    comments = (
        ""
        if remark is None
        else (
            f"<ul class='comments-list'><li class='comment' itemprop='comment'><span>{remark}"
            "</span></li></ul>"
        )
    )
    return f"<div itemprop='{prop}' class='answer'><p>{text}</p>{comments}</div>"


def _qa_page(accepted: str, suggested: str) -> str:
    answers = _answer(ANSWERS[0], accepted, REMARKS[0])
    answers += _answer(ANSWERS[1], suggested, REMARKS[1])
    answers += _answer(ANSWERS[2], suggested, None)
    return (
        "<html><head><title>Catering for the first time</title></head><body>"
        f"{MENU}"
        f"<h1>Catering for the first time</h1><div class='question'><p>{QUESTION}</p></div>"
        f"{answers}<footer><a href='/about'>About</a> <a href='/privacy'>Privacy policy</a>"
        "</footer></body></html>"
    )


def test_comments_on_marked_answers_are_not_posts() -> None:
    result = boilerstrip.extract(_qa_page("acceptedAnswer", "suggestedAnswer"))
    for text in (QUESTION, *ANSWERS):
        assert text in result.body
    for remark in REMARKS:
        assert remark not in result.body
    codes = {d.code for d in result.removed if any(r in d.block.text for r in REMARKS)}
    assert codes == {"answer_comment"}


def test_without_marked_answers_comments_are_posts() -> None:
    # A forum whose replies are "comments": no schema.org answer, so they stay.
    result = boilerstrip.extract(_qa_page("reply", "reply"))
    assert not any(d.code == "answer_comment" for d in result.removed)


def _thread(posts: int) -> str:
    post = (
        "<div class='post'><div class='user'>alice</div><div class='stats'>Joined: Mar 2020"
        "</div><div class='stats'>Posts: 1,234</div><p>{}</p></div>"
    )
    body = "".join(post.format(text) for text in (QUESTION, *ANSWERS)[:posts])
    return (
        "<html><head><title>Catering for the first time</title></head><body>"
        f"{MENU}<h1>Catering for the first time</h1>{body}"
        "<footer><a href='/about'>About</a> <a href='/privacy'>Privacy policy</a></footer>"
        "</body></html>"
    )


def test_a_posts_furniture_labels_are_not_its_text() -> None:
    result = boilerstrip.extract(_thread(4))
    assert result.metadata.page_type == "forum"
    assert ANSWERS[1] in result.body
    assert "Posts: 1,234" not in result.body
    assert "Joined: Mar 2020" not in result.body
    assert {d.code for d in result.removed if d.text == "Posts: 1,234"} == {"post_label"}


def test_a_comments_header_over_the_replies_does_not_end_a_thread() -> None:
    page = _thread(4).replace("<div class='post'>", "<h2>Comments</h2><div class='post'>", 2)
    page = page.replace("<h2>Comments</h2>", "", 1)  # one header, over the replies
    result = boilerstrip.extract(page)
    assert result.metadata.page_type == "forum"
    for text in (QUESTION, *ANSWERS):
        assert text in result.body


def test_a_thread_tables_column_term_still_ends_the_thread() -> None:
    similar = ("Catering for a wedding", "Chafing dish fuel", "Rice for forty", "Buffet lines")
    table = "".join(
        f"<div class='similar'><a href='/t{n}'>{title}</a><dl><dt>Replies</dt><dd>{n}</dd>"
        "</dl></div>"
        for n, title in enumerate(similar)
    )
    result = boilerstrip.extract(_thread(4).replace("<footer>", f"{table}<footer>"))
    assert ANSWERS[-1] in result.body
    assert {d.code for d in result.removed if d.text == "Replies"} == {"comment_section"}


def test_a_later_post_in_the_same_positive_run_is_an_island_too() -> None:
    # Weights past the body's span: a long post, its chrome, a shorter post, chrome. The run
    # stays positive throughout, and its best prefix is the first post alone; the second is
    # a post as well, not the first's tail.
    from boilerstrip.filters.content import _with_islands

    weights = [100.0, -30.0, -30.0, 25.0, -10.0, -10.0]
    assert _with_islands([-5.0, *weights], [(0, 0)], 1) == [(0, 0), (1, 1), (4, 4)]


def test_a_short_line_under_every_post_is_chrome_but_a_repeated_quote_is_not() -> None:
    quoted = "Rent the chafing dishes"
    page = _thread(4).replace(
        "<div class='user'>", "<div class='edit'>last edited by</div><div>", 4
    )
    page = page.replace(f"<p>{ANSWERS[1]}", f"<blockquote>{quoted}</blockquote><p>{ANSWERS[1]}")
    page = page.replace(f"<p>{ANSWERS[2]}", f"<blockquote>{quoted}</blockquote><p>{ANSWERS[2]}")
    page = page.replace(f"<p>{QUESTION}", f"<blockquote>{quoted}</blockquote><p>{QUESTION}")
    result = boilerstrip.extract(page)
    assert "last edited by" not in result.body
    assert {d.code for d in result.removed if d.text == "last edited by"} == {"post_chrome"}
    assert not any(d.code == "post_chrome" for d in result.removed if d.text == quoted)
    for text in (QUESTION, *ANSWERS):
        assert text in result.body


def test_a_one_line_reply_on_the_posts_path_is_a_post() -> None:
    # The question is the body's span, the answers islands between their chrome; a one-line
    # answer weighs under an island's sum, but it stands where the answers do.
    reply = "Rent the dishes from a party shop."
    bar = "".join(
        f"<div class='bar'><a href='/u{n}'>Report</a> <a href='/q{n}'>Share this</a></div>"
        for n in range(3)
    )
    answers = "".join(
        f"{bar}<div class='answer'><p>{text}</p></div>" for text in (ANSWERS[0], reply, ANSWERS[1])
    )
    question = f"<p>{QUESTION}</p><p>{QUESTION.replace('forty', 'fifty')}</p>"
    page = (
        "<html><head><title>Catering for the first time</title></head><body>"
        f"{MENU}<h1>Catering for the first time</h1><div class='question'>{question}</div>"
        f"{answers}{bar}<footer><a href='/about'>About</a></footer></body></html>"
    )
    result = boilerstrip.extract(page, url="https://forum.example.com/t/catering/1")
    assert result.metadata.page_type == "forum"
    assert ANSWERS[1] in result.body
    assert reply in result.body
