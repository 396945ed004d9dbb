"""Unit tests of the promotion families: advertisement, newsletter, cookie and social."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from boilerstrip.filters import AdvertisementFilter, CookieFilter, NewsletterFilter, SocialFilter

if TYPE_CHECKING:
    from conftest import Kit


class TestAdvertisement:
    @pytest.mark.parametrize(
        ("line", "code"),
        [
            ("Advertisement", "advertisement_label"),
            ("Sponsored", "advertisement_label"),
            ("Shop now and save 20% on all items", "call_to_action"),
            ("Start your free trial today", "call_to_action"),
            ("Join now", "call_to_action"),
            ("Download the app for iPhone and Android", "call_to_action"),
        ],
    )
    def test_ad_lines_removed_with_code(self, kit: type[Kit], line: str, code: str) -> None:
        result = kit.run([kit.prose[0], line, *kit.prose[1:]], AdvertisementFilter())
        assert kit.code(result, line) == ("advertisement", code)
        assert result.removed[0].filter == "advertisement"

    def test_by_author_promo_after_body(self, kit: type[Kit]) -> None:
        promo = "The Art of Budgets - by John Doe"
        result = kit.run([*kit.prose, promo], AdvertisementFilter())
        assert kit.code(result, promo) == ("advertisement", "by_author_promo")

    def test_call_to_action_before_headline_says_so(self, kit: type[Kit]) -> None:
        lines = ["Order now for free delivery", "Menu", "Council Approves New Budget"]
        result = kit.run([*lines, *kit.prose], AdvertisementFilter())
        decision = kit.verdict(result, lines[0])
        assert decision is not None and decision.code == "call_to_action"
        assert "before the headline" in decision.reason

    def test_prose_quoting_a_call_to_action_is_kept(self, kit: type[Kit]) -> None:
        prose = (
            "When the store opened, a sign in the window told passers-by to join now and get "
            "a free gift, which drew a long line of shoppers by noon."
        )
        result = kit.run([*kit.prose, prose], AdvertisementFilter())
        assert kit.verdict(result, prose) is None
        assert result.removed == ()

    def test_short_finished_sentence_with_phrase_is_kept(self, kit: type[Kit]) -> None:
        # A finished sentence of eight words or more is prose, not a banner.
        prose = "She said the team wanted to learn more about the town."
        result = kit.run([*kit.prose, prose], AdvertisementFilter())
        assert kit.verdict(result, prose) is None

    def test_by_in_prose_is_not_a_promo(self, kit: type[Kit]) -> None:
        prose = "The plan was drafted by Mary Jones - by far the longest serving member."
        result = kit.run([*kit.prose, prose], AdvertisementFilter())
        assert kit.verdict(result, prose) is None


class TestNewsletter:
    @pytest.mark.parametrize(
        ("line", "code"),
        [
            ("Sign up for our newsletter to get the latest news", "subscription_prompt"),
            ("Already a subscriber? Log in", "subscription_prompt"),
            ("Enter your email address", "subscription_prompt"),
            ("Newsletter", "newsletter_label"),
        ],
    )
    def test_prompts_removed_with_code(self, kit: type[Kit], line: str, code: str) -> None:
        result = kit.run([*kit.prose, line], NewsletterFilter())
        assert kit.code(result, line) == ("newsletter", code)

    def test_long_prose_mentioning_sign_in_is_kept(self, kit: type[Kit]) -> None:
        prose = (
            "Many readers told us that they sign in to several news sites every morning "
            "before work, and that they find the number of passwords they need to remember "
            "tiring and confusing in the long run."
        )
        result = kit.run([*kit.prose, prose], NewsletterFilter())
        assert kit.verdict(result, prose) is None

    def test_article_without_prompts_is_untouched(self, kit: type[Kit]) -> None:
        assert kit.run(kit.prose, NewsletterFilter()).removed == ()


class TestCookie:
    def test_consent_paragraph_removed(self, kit: type[Kit]) -> None:
        notice = (
            "We use cookies to improve your experience. By continuing to browse, you agree "
            "to our cookie policy."
        )
        result = kit.run([notice, *kit.prose], CookieFilter())
        assert kit.code(result, notice) == ("cookie", "consent_notice")

    def test_notice_agreeing_to_the_privacy_policy_removed(self, kit: type[Kit]) -> None:
        # Its only cookie phrase ("cookie policy") is not the site's voice: the agreement is.
        notice = (
            "To make Example work, we log user data. By using Example, you agree to our "
            "Privacy Policy, including cookie policy."
        )
        result = kit.run([notice, *kit.prose], CookieFilter())
        assert kit.code(result, notice) == ("cookie", "consent_notice")

    @pytest.mark.parametrize("line", ["Accept all", "Cookies", "Cookie settings", "Reject all"])
    def test_consent_buttons_are_labels(self, kit: type[Kit], line: str) -> None:
        result = kit.run([line, *kit.prose], CookieFilter())
        assert kit.code(result, line) == ("cookie", "cookie_label")

    def test_prose_with_cookie_word_only_is_kept(self, kit: type[Kit]) -> None:
        prose = "The bakery sold more than a thousand cookies at the fair on Saturday."
        result = kit.run([*kit.prose, prose], CookieFilter())
        assert kit.verdict(result, prose) is None

    def test_article_sentence_about_consent_rules_is_kept(self, kit: type[Kit]) -> None:
        prose = (
            "The regulator said that websites must ask before they set advertising cookies, "
            "and that a banner reading accept all cookies is not enough on its own under the "
            "new rules that take effect next year after a long consultation."
        )
        result = kit.run([*kit.prose, prose])
        assert kit.verdict(result, prose) is None


class TestSocial:
    @pytest.mark.parametrize(
        ("line", "code"),
        [
            ("Share this article", "share_prompt"),
            ("Copy link", "share_prompt"),
            ("Tweet this", "share_prompt"),
            ("Follow us on Twitter", "network_links"),
            ("Facebook Twitter WhatsApp", "network_links"),
            ("Share", "social_label"),
            ("3.4K shares", "counter"),
            ("12 comments", "counter"),
            ("1,024 likes · 12 comments", "counter"),
        ],
    )
    def test_social_lines_removed_with_code(self, kit: type[Kit], line: str, code: str) -> None:
        result = kit.run([*kit.prose, line], SocialFilter())
        assert kit.code(result, line) == ("social", code)

    def test_prose_mentioning_follow_us_is_kept(self, kit: type[Kit]) -> None:
        prose = "Reporters who follow us on Twitter will know that we share this story every year."
        result = kit.run([*kit.prose, prose], SocialFilter())
        assert kit.verdict(result, prose) is None

    def test_sentence_naming_one_network_is_kept(self, kit: type[Kit]) -> None:
        prose = "She deleted her Facebook account last year."
        result = kit.run([*kit.prose, prose], SocialFilter())
        assert kit.verdict(result, prose) is None

    def test_sentence_naming_two_networks_is_kept(self, kit: type[Kit]) -> None:
        prose = "The company said its staff use Facebook and Twitter to reach younger readers."
        result = kit.run([*kit.prose, prose], SocialFilter())
        assert kit.verdict(result, prose) is None

    def test_numbers_in_prose_are_not_counters(self, kit: type[Kit]) -> None:
        prose = "About 12 comments were received, most of them from parents."
        result = kit.run([*kit.prose, prose], SocialFilter())
        assert kit.verdict(result, prose) is None

    def test_two_counter_lines_in_a_row_are_both_removed(self, kit: type[Kit]) -> None:
        result = kit.run([*kit.prose, "5 shares", "12 comments"], SocialFilter())
        assert kit.code(result, "5 shares") == ("social", "counter")
        assert kit.code(result, "12 comments") == ("social", "counter")
