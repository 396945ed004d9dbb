"""Exceptions raised by boilerstrip: every one is a ``BoilerstripError``."""

from __future__ import annotations


class BoilerstripError(Exception):
    """Base class of every error boilerstrip raises on purpose."""


class InputTypeError(BoilerstripError, TypeError):
    """The source is neither text nor bytes (nor a parsed document we know)."""


class InputTooLargeError(BoilerstripError, ValueError):
    """The source is larger than the ``max_bytes`` limit of the call."""


class InvalidOptionError(BoilerstripError, ValueError):
    """An option of a call has a value it does not take (``favor``, ``input_format``)."""


class RuleError(BoilerstripError, ValueError):
    """A user rule, rules file or filter specification is malformed."""


class UnknownFilterError(BoilerstripError, KeyError):
    """A filter name is not in the registry; the message lists the known ones."""

    def __str__(self) -> str:
        # KeyError quotes its argument; the message reads better unquoted.
        return str(self.args[0]) if self.args else ""


class FilterContractError(BoilerstripError, TypeError):
    """A filter returned something other than what its protocol promises."""


class RuleTimeoutError(BoilerstripError, TimeoutError):
    """A user pattern took longer than its time budget on one block."""


class ExtractionTimeoutError(BoilerstripError, TimeoutError):
    """A call to ``clean``/``extract`` ran past its ``timeout``."""


class TemplateError(BoilerstripError, ValueError):
    """A site template file or document is unreadable or not a site template."""

class MissingExtraError(BoilerstripError, ImportError):
    """An optional feature needs a package that is not installed; the message names the
    extra that brings it (``pip install "boilerstrip[progress]"``)."""


def missing_extra(package: str, extra: str, feature: str) -> MissingExtraError:
    """The error for ``feature`` needing ``package``, installed by ``boilerstrip[extra]``."""
    return MissingExtraError(
        f"{feature} needs the {package} package: pip install 'boilerstrip[{extra}]' "
        f"(or pip install {package})"
    )
