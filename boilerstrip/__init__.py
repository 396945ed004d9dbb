"""boilerstrip: strip web-page boilerplate and return the article body, with reasons."""

from boilerstrip.api import clean, extract
from boilerstrip.batch import BatchItem, PageResult, clean_many, extract_many
from boilerstrip.blocks import Block, BlockKind, Document, TextStats
from boilerstrip.errors import (
    BoilerstripError,
    ExtractionTimeoutError,
    FilterContractError,
    InputTooLargeError,
    InputTypeError,
    InvalidOptionError,
    MissingExtraError,
    RuleError,
    RuleTimeoutError,
    TemplateError,
    UnknownFilterError,
)
from boilerstrip.filters import BlockFilter, Context, DocumentFilter, Favor, PatternRule, PhraseRule
from boilerstrip.filters.registry import register, registered_names, rule, unregister
from boilerstrip.page_type import PageType
from boilerstrip.pipeline import Pipeline
from boilerstrip.result import Category, Decision, Metadata, Removal, Result
from boilerstrip.rules_file import load_rules
from boilerstrip.template import SiteTemplate, learn_templates_by_host

__version__ = "0.1.0"

__all__ = [
    "BatchItem",
    "Block",
    "BlockFilter",
    "BlockKind",
    "BoilerstripError",
    "Category",
    "Context",
    "Decision",
    "Document",
    "DocumentFilter",
    "ExtractionTimeoutError",
    "Favor",
    "FilterContractError",
    "InputTooLargeError",
    "InputTypeError",
    "InvalidOptionError",
    "Metadata",
    "MissingExtraError",
    "PageResult",
    "PageType",
    "PatternRule",
    "PhraseRule",
    "Pipeline",
    "Removal",
    "Result",
    "RuleError",
    "RuleTimeoutError",
    "SiteTemplate",
    "TemplateError",
    "TextStats",
    "UnknownFilterError",
    "__version__",
    "clean",
    "clean_many",
    "extract",
    "extract_many",
    "learn_templates_by_host",
    "load_rules",
    "register",
    "registered_names",
    "rule",
    "unregister",
]
