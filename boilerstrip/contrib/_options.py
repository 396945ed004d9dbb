"""What the integrations share: clean() options checked once, page URLs, paragraphs.

Engines call the cleaning function once per page, often in other processes, long after
the pipeline was configured: a bad option must fail when the step is built, with a message
naming it, not on the millionth page in a worker's log.
"""

from __future__ import annotations

from collections.abc import Mapping
from numbers import Real
from typing import Any
from urllib.parse import urlsplit

import boilerstrip
from boilerstrip.errors import InvalidOptionError

# The keyword options of clean()/extract() that hold for a whole run; ``url`` is per page.
CLEAN_OPTIONS = ("favor", "timeout", "max_bytes", "language", "input_format", "pipeline")


def checked_options(options: Mapping[str, Any], where: str) -> dict[str, Any]:
    """``options`` as a dict once every name and value is one clean() takes.

    ``where`` names the caller's setting in the messages ("BOILERSTRIP_OPTIONS").
    Raises InvalidOptionError.
    """
    if not isinstance(options, Mapping):
        raise InvalidOptionError(
            f"{where} must be a mapping of clean() options, got {type(options).__name__}"
        )
    unknown = sorted(str(name) for name in options if name not in CLEAN_OPTIONS)
    if unknown:
        raise InvalidOptionError(
            f"{where}: unknown clean() option(s) {', '.join(unknown)}; "
            f"the options are {', '.join(CLEAN_OPTIONS)}"
        )
    chosen = dict(options)
    _check_types(chosen, where)
    # clean() itself judges favor and input_format; an empty page costs nothing. The limits
    # stay out of this trial run: a tiny timeout is a valid option that this call could spend.
    trial = {name: value for name, value in chosen.items() if name not in ("timeout", "max_bytes")}
    try:
        boilerstrip.clean("", **trial)
    except InvalidOptionError as error:
        raise InvalidOptionError(f"{where}: {error}") from None
    return chosen


def _check_types(options: dict[str, Any], where: str) -> None:
    """The type checks clean() leaves to the first page that reaches them."""
    timeout = options.get("timeout")
    if timeout is not None and not (_is_number(timeout) and timeout > 0):
        raise InvalidOptionError(
            f"{where}: timeout must be a positive number of seconds or None, got {timeout!r}"
        )
    max_bytes = options.get("max_bytes")
    if max_bytes is not None and not (_is_int(max_bytes) and max_bytes >= 0):
        raise InvalidOptionError(
            f"{where}: max_bytes must be a whole number of bytes >= 0 or None, got {max_bytes!r}"
        )
    language = options.get("language")
    if language is not None and not isinstance(language, str):
        raise InvalidOptionError(
            f"{where}: language must be a language code such as 'en' or None, "
            f"got {type(language).__name__}"
        )
    pipeline = options.get("pipeline")
    if pipeline is not None and not isinstance(pipeline, boilerstrip.Pipeline):
        raise InvalidOptionError(
            f"{where}: pipeline must be a boilerstrip.Pipeline or None, "
            f"got {type(pipeline).__name__}"
        )


def _is_number(value: object) -> bool:
    return isinstance(value, Real) and not isinstance(value, bool)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def web_url(value: object) -> str | None:
    """``value`` if it is an absolute http(s) URL, the only kind clean(url=) takes; else None.

    Records carry all sorts in their URL field (``file://`` paths, relative links, None);
    those pages are still cleaned, only without the URL.
    """
    if not isinstance(value, str) or any(c.isspace() for c in value):
        return None
    try:
        parts = urlsplit(value)
        host = parts.hostname
        _ = parts.port  # a port that is not a number raises ValueError
    except ValueError:
        return None
    return value if parts.scheme.lower() in ("http", "https") and host else None


def paragraphs_of(body: str) -> list[str]:
    """The paragraphs of a clean() body.

    clean() puts one blank line between paragraphs and none inside one (a block is at most
    a line), so splitting there gives back exactly the paragraphs it joined.
    """
    return body.split("\n\n") if body else []
