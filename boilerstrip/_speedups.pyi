"""Types of the optional compiled module (boilerstrip/csrc/); see boilerstrip.compiled."""

from collections.abc import Callable, Sequence

from boilerstrip.blocks import Block, BlockKind, DomEvidence, TextStats
from boilerstrip.lexicon.phrases import Lexicon, PhraseMatch
from boilerstrip.prose import ProseScore

VERSION: int

def words_of(text: str, /) -> tuple[str, tuple[str, ...], bool]: ...
def measure(
    text: str,
    initials: str,
    lowered: tuple[str, ...],
    stopwords: frozenset[str],
    cjk: bool,
    plain: bool = False,
) -> TextStats: ...
def add_words(
    segments: Sequence[tuple[str, str, int, int, int, int]],
    words: dict[str, tuple[str, tuple[str, ...], bool]],
    /,
) -> None: ...
def add_blocks(
    segments: Sequence[tuple[str, str, int, int, int, int]],
    words: dict[str, tuple[str, tuple[str, ...], bool]],
    stats: dict[str, TextStats],
    stopwords: frozenset[str],
    cjk: bool,
    kinds: dict[str, BlockKind],
    evidence: Sequence[DomEvidence | None] | None,
    blocks: list[Block],
    /,
) -> None: ...
def sample_words(
    segments: Sequence[tuple[str, str, int, int, int, int]],
    words: dict[str, tuple[str, tuple[str, ...], bool]],
    limit: int,
    /,
) -> list[str]: ...
def reaches(words: Sequence[str], code_point: int, /) -> bool: ...
def stopword_hits(
    sample: Sequence[str], owners: dict[str, tuple[str, ...]], /
) -> dict[str, int]: ...
def prose_scores(
    coefficients: tuple[float, ...],
    score_type: type[ProseScore],
    empty_score: ProseScore,
    blocks: Sequence[Block],
    has_stopwords: bool,
    /,
) -> list[ProseScore]: ...
def split_lines(
    text: str, kind: str, check: Callable[[], object], /
) -> list[tuple[str, str, int, int, int, int]]: ...
def sentence_keys(edge: str, text: str, /) -> list[str]: ...
def lower(text: str, /) -> str: ...
def add_vocabulary(
    blocks: Sequence[Block],
    lexicon: Lexicon,
    limits: tuple[int, int, frozenset[str]],
    seen: dict[tuple[str, ...], tuple[PhraseMatch | None, tuple[PhraseMatch, ...]]],
    labels: list[PhraseMatch | None],
    phrases: list[tuple[PhraseMatch, ...]],
    hits: dict[str, list[int]],
    /,
) -> None: ...
def configure(
    word_table: bytes,
    stats_type: type[TextStats],
    block_type: type[Block],
    python_words_of: Callable[[str], tuple[str, tuple[str, ...], bool]],
    python_measure: Callable[..., TextStats],
    /,
) -> None: ...
def normalize_text(text: str, /) -> str: ...
