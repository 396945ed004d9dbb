"""Unit tests of the legal, related-content and comment-section filters."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from boilerstrip.filters import CommentsFilter, LegalFilter, RelatedFilter

if TYPE_CHECKING:
    from conftest import Kit


class TestLegal:
    @pytest.mark.parametrize(
        "line",
        [
            "© 2016 Example News",
            "Copyright 2019 Acme Corp. All rights reserved.",
            "(c) Acme Media",
            "2020 © Foo Media Group",
        ],
    )
    def test_copyright_lines(self, kit: type[Kit], line: str) -> None:
        result = kit.run([*kit.prose, line], LegalFilter())
        assert kit.code(result, line) == ("legal", "copyright")

    def test_legal_labels_and_notices(self, kit: type[Kit]) -> None:
        lines = ["Privacy Policy", "Terms of Use", "All rights reserved.", "Terms and conditions"]
        result = kit.run([*kit.prose, *lines], LegalFilter())
        assert kit.code(result, "Privacy Policy") == ("legal", "legal_label")
        assert kit.code(result, "Terms of Use") == ("legal", "legal_notice")
        assert kit.code(result, "All rights reserved.") == ("legal", "legal_notice")
        assert kit.code(result, "Terms and conditions") == ("legal", "legal_notice")

    def test_long_prose_about_a_privacy_policy_is_kept(self, kit: type[Kit]) -> None:
        prose = (
            "The company updated its privacy policy last week after regulators in several "
            "countries complained that the old version was hard to read and did not explain "
            "how data was shared."
        )
        result = kit.run([*kit.prose, prose], LegalFilter())
        assert kit.verdict(result, prose) is None

    def test_short_sentence_naming_terms_of_use_is_kept(self, kit: type[Kit]) -> None:
        prose = "Nobody in the room had read the terms of use before signing."
        result = kit.run([*kit.prose, prose], LegalFilter())
        assert kit.verdict(result, prose) is None

    def test_prose_about_copyright_is_kept(self, kit: type[Kit]) -> None:
        prose = "The copyright of the photograph belonged to the man who took it, the court found."
        result = kit.run([*kit.prose, prose], LegalFilter())
        assert kit.verdict(result, prose) is None


class TestRelated:
    ITEMS = ("Schools get new funds", "Bus lines to expand", "Parks budget doubles")

    def test_header_and_listed_items(self, kit: type[Kit]) -> None:
        result = kit.run([*kit.prose, "Related articles", *self.ITEMS], RelatedFilter())
        assert kit.code(result, "Related articles") == ("related", "related_header")
        for item in self.ITEMS:
            assert kit.code(result, item) == ("related", "related_item")
            decision = kit.verdict(result, item)
            assert decision is not None and "Related articles" in decision.reason

    def test_listing_stops_at_prose(self, kit: type[Kit]) -> None:
        lines = [kit.prose[0], "Most read", *self.ITEMS, *kit.prose[1:]]
        result = kit.run(lines, RelatedFilter())
        assert kit.code(result, "Most read") == ("related", "related_header")
        assert [b.text for b in result.kept] == [kit.prose[0], *kit.prose[1:]]

    def test_read_more_teaser(self, kit: type[Kit]) -> None:
        teaser = "Read more: Council to vote on parks plan"
        result = kit.run([*kit.prose, teaser], RelatedFilter())
        assert kit.code(result, teaser) == ("related", "read_more_teaser")

    def test_prose_with_read_more_is_kept(self, kit: type[Kit]) -> None:
        prose = (
            "Readers who want to read more about the budget can find the full text of the "
            "plan on the city website, along with the minutes of the meeting."
        )
        result = kit.run([*kit.prose, prose], RelatedFilter())
        assert kit.verdict(result, prose) is None
        assert result.removed == ()

    def test_read_more_under_every_teaser_takes_no_headline(self, kit: type[Kit]) -> None:
        # A press page: each story's headline and summary, then its "Read more" link. The
        # link goes; the next story's headline is no related item of it.
        stories = [
            ("Reading Corps brings high-impact tutoring to schools", "Tutors teach children."),
            ("This nonprofit runs the three largest tutoring programs", "Tutoring is booming."),
            ("Florida Early Learning Corps receives a $1M investment", "Lawmakers welcomed it."),
            ("AmeriCorps delivers a large grant to Poughkeepsie", "The director presented it."),
        ]
        lines = ["Our programs in the news"]
        for headline, summary in stories:
            lines += [headline, summary, "Read more"]
        result = kit.run(lines, RelatedFilter())
        for headline, _ in stories:
            assert kit.verdict(result, headline) is None
        assert kit.code(result, "Read more") == ("related", "related_header")

    def test_sentences_after_a_header_are_not_items(self, kit: type[Kit]) -> None:
        sentence = "The next vote is due in May."
        result = kit.run([*kit.prose, "Related articles", sentence], RelatedFilter())
        assert kit.code(result, "Related articles") == ("related", "related_header")
        assert kit.verdict(result, sentence) is None


class TestComments:
    COMMENTS = (
        "Great article, thanks for writing it. I learned a lot about the budget today.",
        "I disagree with the council on this one, they should fund the parks instead.",
    )

    @pytest.mark.parametrize("header", ["12 Comments", "Comments (3)", "Leave a comment"])
    def test_section_after_article_is_removed(self, kit: type[Kit], header: str) -> None:
        result = kit.run([*kit.prose, header, *self.COMMENTS], CommentsFilter())
        assert [b.text for b in result.kept] == list(kit.prose)
        for text in (header, *self.COMMENTS):
            assert kit.code(result, text) == ("comment", "comment_section")
        assert all(header in d.reason for d in result.removed)

    def test_header_before_article_does_not_cut_it(self, kit: type[Kit]) -> None:
        result = kit.run(["Comments (3)", *kit.prose], CommentsFilter())
        assert result.removed == ()

    def test_prose_mentioning_comments_is_kept(self, kit: type[Kit]) -> None:
        prose = (
            "Many readers wrote comments about the proposal, and the council said it had read "
            "every one of them before the vote, which took place late at night."
        )
        lines = [kit.prose[0], prose, *kit.prose[1:]]
        assert kit.run(lines, CommentsFilter()).removed == ()

    def test_single_reply_label_does_not_open_a_section(self, kit: type[Kit]) -> None:
        lines = [*kit.prose[:2], "Reply", kit.prose[2]]
        assert kit.run(lines, CommentsFilter()).removed == ()

    TEASERS = (
        (
            "Altman Solon opens a Dubai office",
            "The strategy firm follows its Riyadh launch with a second Gulf hub and plans "
            "to hire senior leaders for media, sports and digital platforms in the region.",
        ),
        (
            "CYLAD opens an office in Vienna",
            "The management consultancy's tenth office will serve clients in Austria and "
            "across central Europe, led by a partner who joined from a rival last year.",
        ),
        (
            "Proudfoot joins Nextcontinent",
            "The operations consultancy becomes the newest member of the global network, "
            "which pools independent firms to serve multinational clients together.",
        ),
        (
            "Mercer widens its pension reach",
            "Mercer Germany now approaches clients across the DACH region with a joint "
            "consulting offer, combining actuarial and investment teams under one lead.",
        ),
    )

    def _news_index(self, label: str) -> list[str]:
        lines = ["Consultancy Middle East", "Industry News"]
        for title, summary in self.TEASERS:
            lines += [label, title, "November 27, 2025", summary]
        return lines

    def test_a_label_under_every_teaser_opens_no_section(self, kit: type[Kit]) -> None:
        # A news index files each teaser under "Comment" (its opinion column); a thread's
        # header stands once, a label recurring item after item is the items'.
        result = kit.run([*self._news_index("Comment"), "Privacy"], CommentsFilter())
        for title, summary in self.TEASERS:
            assert kit.verdict(result, title) is None
            assert kit.verdict(result, summary) is None

    def test_the_thread_header_after_labelled_teasers_still_cuts(self, kit: type[Kit]) -> None:
        lines = [*self._news_index("12 comments"), "Comments (3)", *self.COMMENTS]
        result = kit.run(lines, CommentsFilter())
        assert kit.verdict(result, self.TEASERS[-1][1]) is None
        assert kit.code(result, self.COMMENTS[0]) == ("comment", "comment_section")

    def test_a_column_label_after_the_thread_still_ends_it(self, kit: type[Kit]) -> None:
        # The table of similar threads after a thread repeats its "Replies" column: fewer
        # words than the thread's, so its first one still opens the end of the page.
        similar = ["Car rental or car rent?", "Is 'a data' correct?", "Who or whom?", "Fewer"]
        table = [line for title in similar for line in ("Replies", "2", title)]
        result = kit.run([*kit.prose, *self.COMMENTS, *table], CommentsFilter())
        assert kit.code(result, similar[0]) == ("comment", "comment_section")
        assert kit.verdict(result, kit.prose[-1]) is None
