"""The mechanical half of making an HTML golden fixture (``fixtures/html/SOURCES.md``).

Two commands, run from the repository root:

- ``python -m benchmarks.fixture_snippets propose <wcxb file_id>`` prints the candidates: for
  must-keep, a sentence from the first, one-third, two-thirds and last prose paragraph of the
  truth and the short lines (subheadings, list items, rows) around its middle, picked by
  position from the truth alone; for must-remove, WCXB's own ``without`` snippets, then the
  lines of the html-text rendering, each marked with whether it qualifies (visible in the
  page, absent from the truth as text and as a ``\\w+`` token run, not the title or an h1).
  Choosing among them (no bylines, dates, or content) is left to a person.
- ``python -m benchmarks.fixture_snippets check <fixture name> ...`` checks a written
  ``<name>.json`` against its truth and page by the same rules and exits 1 on any failure.

Nothing here runs boilerstrip: the snippets are chosen before its output is looked at.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from benchmarks.corpus import datasets_root, decode_html

REPO: Path = Path(__file__).resolve().parents[1]
FIXTURE_DIR: Path = REPO / "fixtures" / "html"
_WS = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s+")
# Elements whose text is never shown. <noscript> is not one: SOURCES.md's rule names only the
# hidden attribute and hiding styles, and some forums (Discourse) serve their posts in it.
_UNSEEN_TAGS = frozenset({"head", "script", "style", "template"})
_HIDING_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# Inline elements join their text to the neighbours' without a space; the rest break words.
_INLINE_TAGS = frozenset(
    "a abbr b bdi bdo cite code data dfn em i kbd mark q s samp small span strong sub sup "
    "time u var wbr font label".split()
)
_MIN_PROSE_WORDS = 12
_MAX_SHORT_WORDS = 10


def unspaced(text: str) -> str:
    """The text without any whitespace: CSS may set inline links on lines of their own."""
    return _WS.sub("", text)


def collapse(text: str) -> str:
    """Collapse every run of whitespace to one space and strip the ends."""
    return _WS.sub(" ", text).strip()


def token_run(text: str) -> str:
    """The text's ``\\w+`` tokens, lowercased, one space apart, padded to match whole words."""
    return " " + " ".join(t.lower() for t in _WORD.findall(text)) + " "


def _is_hidden(element: Any) -> bool:
    if not isinstance(element.tag, str):  # comments, processing instructions
        return True
    if element.tag.lower() in _UNSEEN_TAGS or element.get("hidden") is not None:
        return True
    return bool(_HIDING_STYLE.search(element.get("style") or ""))


def _visible_parts(element: Any, out: list[str]) -> None:
    if not _is_hidden(element):
        inline = element.tag.lower() in _INLINE_TAGS
        out.append("" if inline else " ")
        out.append(element.text or "")
        for child in element:
            _visible_parts(child, out)
        out.append("" if inline else " ")
    out.append(element.tail or "")


def visible_text(html: str) -> str:
    """The page's text outside hidden, ``display:none`` and ``visibility:hidden`` elements."""
    import lxml.html

    root = lxml.html.document_fromstring(html)
    body = root.find("body")
    out: list[str] = []
    _visible_parts(root if body is None else body, out)
    return collapse("".join(out))


@dataclass(frozen=True)
class Page:
    """One wcxb-dev page: its HTML, truth, the ground-truth record and the text rendering."""

    html: str
    truth: str
    record: dict[str, Any]
    rendering: list[str]

    @cached_property
    def visible(self) -> str:
        return visible_text(self.html)

    @cached_property
    def visible_unspaced(self) -> str:
        return unspaced(self.visible)

    @cached_property
    def title_and_h1(self) -> list[str]:
        import lxml.html

        # The page's own headline: its <title> and first <h1> (listings give cards h1s too).
        root = lxml.html.document_fromstring(self.html)
        found = [
            collapse(e.text_content())
            for e in (root.find(".//title"), root.find(".//h1"))
            if e is not None
        ]
        return [t for t in found if t]


def load_wcxb(file_id: str) -> Page:
    root = datasets_root() / "wcxb-dev"
    record: dict[str, Any] = json.loads(
        (root / "ground-truth" / f"{file_id}.json").read_text(encoding="utf-8")
    )
    html = decode_html(gzip.decompress((root / "html" / f"{file_id}.html.gz").read_bytes()))
    rendering = (root / "text" / f"{file_id}.txt").read_text(encoding="utf-8").splitlines()
    truth = str(record["ground_truth"]["main_content"])
    return Page(html=html, truth=truth, record=record, rendering=rendering)


def keep_problems(page: Page, snippet: str) -> list[str]:
    """Why ``snippet`` may not be a must-keep (empty when it may)."""
    s = collapse(snippet)
    problems = []
    if s not in collapse(page.truth):
        problems.append("not in the truth")
    if unspaced(s) not in page.visible_unspaced:
        problems.append("not in the visible text")
    if _is_title_or_h1(page, s):
        problems.append("the title or an h1")
    return problems


def _is_title_or_h1(page: Page, s: str) -> bool:
    return any(s in t for t in page.title_and_h1)


def remove_problems(page: Page, snippet: str) -> list[str]:
    """Why ``snippet`` may not be a must-remove (empty when it may)."""
    s = collapse(snippet)
    problems = []
    if s.lower() in collapse(page.truth).lower():
        problems.append("in the truth as text")
    if token_run(s) in token_run(page.truth):
        problems.append("in the truth as a token run")
    if unspaced(s) not in page.visible_unspaced:
        problems.append("not in the visible text")
    if not any(s in collapse(line) for line in page.rendering):
        problems.append("not within one line of the rendering")
    if _is_title_or_h1(page, s):
        problems.append("the title or an h1")
    return problems


def _paragraphs(truth: str) -> list[str]:
    return [collapse(p) for p in re.split(r"\n\s*\n", truth) if p.strip()]


def keep_candidates(truth: str) -> list[str]:
    """A sentence from the first, 1/3, 2/3 and last prose paragraph; short lines mid-page."""
    paras = _paragraphs(truth)
    prose = [p for p in paras if len(_WORD.findall(p)) >= _MIN_PROSE_WORDS]
    picks: list[str] = []
    if prose:
        for i in sorted({0, len(prose) // 3, 2 * len(prose) // 3, len(prose) - 1}):
            picks.append(_SENTENCE_END.split(prose[i])[0])
    lines = [collapse(x) for x in truth.splitlines() if x.strip()]
    short = [x for x in lines if 1 < len(_WORD.findall(x)) <= _MAX_SHORT_WORDS]
    mid = len(short) // 2
    picks.extend(short[max(0, mid - 3) : mid + 3])
    return picks


def propose(file_id: str, max_lines: int) -> None:
    page = load_wcxb(file_id)
    ground = page.record["ground_truth"]
    internal = page.record.get("_internal", {}).get("page_type", {})
    print(f"{file_id} {page.record.get('url')} type={internal.get('primary')}")
    print("title:", ground.get("title"), "| author:", ground.get("author"))
    print("== must_keep candidates (position in the truth)")
    for s in keep_candidates(page.truth):
        print(_mark(keep_problems(page, s)), s)
    print("== must_remove: WCXB without")
    for s in ground.get("without") or []:
        print(_mark(remove_problems(page, s)), s)
    print(f"== must_remove: rendering lines that qualify (at most {max_lines}, spread evenly)")
    qualifying: list[str] = []
    for line in page.rendering:
        s = collapse(line)
        if len(_WORD.findall(s)) > 1 and s not in qualifying and not remove_problems(page, s):
            qualifying.append(s)
    step = max(1.0, len(qualifying) / max_lines)
    for k in range(min(max_lines, len(qualifying))):
        print(f"  ok [{int(k * step)}]", qualifying[int(k * step)][:160])


def _mark(problems: list[str]) -> str:
    return "  ok" if not problems else f"  NO ({'; '.join(problems)})"


def check(name: str) -> list[str]:
    """Every rule a fixture's snippets break, as messages (empty when it is sound)."""
    spec: dict[str, Any] = json.loads((FIXTURE_DIR / f"{name}.json").read_text(encoding="utf-8"))
    dataset, _, file_id = str(spec["source"]).partition("/")
    if dataset != "wcxb-dev":
        print(f"{name}: skipped, only wcxb-dev sources are checked here, not {dataset}")
        return []
    page = load_wcxb(file_id)
    failures = []
    shipped = gzip.decompress((FIXTURE_DIR / f"{name}.html.gz").read_bytes())
    original = datasets_root() / "wcxb-dev" / "html" / f"{file_id}.html.gz"
    if shipped != gzip.decompress(original.read_bytes()):
        failures.append(f"{name}: html differs from {original}")
    if (FIXTURE_DIR / f"{name}.truth.txt").read_text(encoding="utf-8") != page.truth:
        failures.append(f"{name}: truth.txt differs from the ground truth's main_content")
    for kind, rule in (("must_keep", keep_problems), ("must_remove", remove_problems)):
        for snippet in spec[kind]:
            problems = rule(page, snippet)
            if problems:
                failures.append(f"{name}: {kind} {snippet!r}: {'; '.join(problems)}")
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    sub = parser.add_subparsers(dest="command", required=True)
    proposer = sub.add_parser("propose")
    proposer.add_argument("file_id")
    proposer.add_argument("--max-lines", type=int, default=60)
    sub.add_parser("check").add_argument("names", nargs="+")
    args = parser.parse_args(argv)
    if args.command == "propose":
        propose(args.file_id, args.max_lines)
        return 0
    failures = [f for name in args.names for f in check(name)]
    print("\n".join(failures) if failures else f"{len(args.names)} fixture(s) sound")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
