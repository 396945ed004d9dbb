"""Nothing lost: do clean article bodies come through ``boilerstrip.clean`` whole?

The true article bodies of the data sets (scrapinghub: all 181; wcxb-dev: its article pages)
are cleaned on their own, in two modes:

- ``text``: the body as plain text (``input_format="text"``), one paragraph a line as shipped;
- ``html``: the body wrapped in a plain page, ``<html><head><title>`` (wcxb's true title,
  "Article" for scrapinghub, which has none) ``</title></head><body><article>``, one ``<p>`` per
  line of the body, HTML-escaped, ``</article></body></html>``.

For each mode it prints the share of the bodies' words (``\\w+`` runs, as a multiset) that
survive, over all words (micro) and as the mean of the pages' shares; where the lost words
went, summed by filter, category and reason code over all pages; and the pages that lose the
most words with the removals that took them. Words the rendered document never held (lost
before any filter: decoding, parsing, segmenting) are counted apart as ``unrendered``.

    python -m benchmarks.passthrough                  # both data sets, both modes
    python -m benchmarks.passthrough --modes html --worst 30
    python -m benchmarks.passthrough --dataset scrapinghub --causes 40
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import boilerstrip
from benchmarks.corpus import SCRAPINGHUB, WCXB, load_scrapinghub, load_wcxb, present_root

WORD = re.compile(r"\w+")
MODES = ("text", "html")
# The bar: at least this share of a clean body's words survive, in both modes.
TARGET = 0.99
NO_TITLE = "Article"
SNIPPET = 90


@dataclass(frozen=True, slots=True)
class Body:
    dataset: str
    page_id: str
    title: str
    text: str


@dataclass(frozen=True, slots=True)
class Loss:
    """The body words one removal took: which filter, why, and the block's text."""

    filter: str
    category: str
    code: str
    words: int
    detail: str
    text: str


@dataclass(frozen=True, slots=True)
class Outcome:
    body: Body
    mode: str
    words: int
    survived: int
    unrendered: int
    losses: tuple[Loss, ...]

    @property
    def lost(self) -> int:
        return self.words - self.survived

    @property
    def share(self) -> float:
        return self.survived / self.words if self.words else 1.0


def words(text: str) -> Counter[str]:
    return Counter(WORD.findall(text))


def wrap_html(title: str, text: str) -> str:
    """``text`` as a plain article page: one ``<p>`` per non-blank line, all escaped."""
    paragraphs = "".join(
        f"<p>{html.escape(line.strip())}</p>\n" for line in text.splitlines() if line.strip()
    )
    return (
        f"<html><head><title>{html.escape(title)}</title></head>\n<body><article>\n"
        f"{paragraphs}</article></body></html>\n"
    )


def source_of(body: Body, mode: str) -> str:
    return wrap_html(body.title, body.text) if mode == "html" else body.text


def measure(body: Body, mode: str) -> Outcome:
    """Clean ``body`` in ``mode`` and account for its words: survived, never rendered, and
    taken by each removal (the page's ``<title>`` line is not part of the body)."""
    result = boilerstrip.extract(source_of(body, mode), input_format=mode)
    truth = words(body.text)
    losses = []
    for decision in result.removed:
        block = decision.block
        taken = sum((words(block.text) & truth).values())
        if taken and not (block.dom is not None and block.dom.tag == "title"):
            losses.append(
                Loss(
                    decision.filter,
                    decision.category.value,
                    decision.code,
                    taken,
                    decision.reason,
                    block.text,
                )
            )
    return Outcome(
        body,
        mode,
        sum(truth.values()),
        sum((truth & words(result.body)).values()),
        sum((truth - words(result.document.text)).values()),
        tuple(losses),
    )


def _wcxb_titles(root: Path) -> dict[str, str]:
    titles: dict[str, str] = {}
    for path in (root / "wcxb-dev" / "ground-truth").glob("*.json"):
        record = json.loads(path.read_text(encoding="utf-8"))
        titles[path.stem] = str(record["ground_truth"].get("title") or "")
    return titles


def load_bodies(root: Path, dataset: str) -> list[Body]:
    """The non-empty true bodies: scrapinghub's 181, wcxb-dev's article pages."""
    bodies: list[Body] = []
    if dataset in (SCRAPINGHUB, "all"):
        bodies += [
            Body(SCRAPINGHUB, p.page_id, NO_TITLE, p.truth)
            for p in load_scrapinghub(root)
            if p.truth.strip()
        ]
    if dataset in (WCXB, "all"):
        titles = _wcxb_titles(root)
        bodies += [
            Body(WCXB, p.page_id, titles.get(p.page_id) or NO_TITLE, p.truth)
            for p in load_wcxb(root, frozenset({"article"}))
        ]
    return bodies


# --- reporting -------------------------------------------------------------------------------
def shares(outcomes: list[Outcome]) -> tuple[float, float]:
    """Surviving share of all the bodies' words (micro) and the mean of the pages' shares."""
    total = sum(o.words for o in outcomes)
    micro = sum(o.survived for o in outcomes) / total if total else 1.0
    mean = sum(o.share for o in outcomes) / len(outcomes) if outcomes else 1.0
    return micro, mean


def summary(outcomes: list[Outcome]) -> str:
    total = sum(o.words for o in outcomes)
    survived = sum(o.survived for o in outcomes)
    micro, mean = shares(outcomes)
    whole = sum(1 for o in outcomes if o.lost == 0)
    unrendered = sum(o.unrendered for o in outcomes)
    verdict = "ok" if min(micro, mean) >= TARGET else f"BELOW {TARGET:.0%}"
    return (
        f"{len(outcomes):>4} pages {total:>8} words  micro {micro:.4f}  mean {mean:.4f}  "
        f"lost {total - survived:>6}  unrendered {unrendered:>4}  "
        f"pages whole {whole}/{len(outcomes)}  {verdict}"
    )


def causes(outcomes: Iterable[Outcome], top: int) -> list[str]:
    """Lost words summed by filter / category / code, most first, with a page count per data
    set and the largest block as an example."""
    taken: Counter[tuple[str, str, str]] = Counter()
    by_dataset: dict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
    example: dict[tuple[str, str, str], Loss] = {}
    for outcome in outcomes:
        for loss in outcome.losses:
            key = (loss.filter, loss.category, loss.code)
            taken[key] += loss.words
            by_dataset[key][outcome.body.dataset] += 1
            if key not in example or loss.words > example[key].words:
                example[key] = loss
    total = sum(taken.values())
    lines = [f"  {'filter / category / code':<48} {'words':>6} {'share':>6}  removals"]
    for key, count in taken.most_common(top):
        sites = ", ".join(f"{d} {n}" for d, n in sorted(by_dataset[key].items()))
        lines.append(f"  {' / '.join(key):<48} {count:>6} {count / total:>6.1%}  {sites}")
        lines.append(f"      e.g. {_snippet(example[key].text)}  [{example[key].detail}]")
    return lines


def worst(outcomes: list[Outcome], count: int) -> list[str]:
    lines = []
    ranked = sorted((o for o in outcomes if o.lost), key=lambda o: (-o.lost, o.share))
    for outcome in ranked[:count]:
        body = outcome.body
        lines.append(
            f"  {body.dataset}:{body.page_id[:16]}  lost {outcome.lost} of {outcome.words} "
            f"({1 - outcome.share:.1%}), unrendered {outcome.unrendered}"
        )
        for loss in sorted(outcome.losses, key=lambda item: -item.words)[:4]:
            lines.append(
                f"      {loss.words:>5} {loss.filter}/{loss.category}/{loss.code} "
                f"[{loss.detail[:60]}] {_snippet(loss.text)}"
            )
    return lines


def _snippet(text: str) -> str:
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= SNIPPET else flat[: SNIPPET - 3] + "...")


def report(outcomes: list[Outcome], mode: str, top: int, count: int) -> list[str]:
    lines = [f"== mode {mode}"]
    for dataset in sorted({o.body.dataset for o in outcomes}):
        lines.append(
            f"  {dataset:<12} " + summary([o for o in outcomes if o.body.dataset == dataset])
        )
    lines.append(f"  {'together':<12} " + summary(outcomes))
    lines += ["", f"-- where the lost words went ({mode})", *causes(outcomes, top)]
    lines += ["", f"-- the {count} pages that lose most ({mode})", *worst(outcomes, count), ""]
    return lines


def _first_of_each(bodies: list[Body], limit: int) -> list[Body]:
    """The first ``limit`` bodies of each data set, for a quick run."""
    return [b for d in (SCRAPINGHUB, WCXB) for b in [x for x in bodies if x.dataset == d][:limit]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--dataset", choices=(SCRAPINGHUB, WCXB, "all"), default="all")
    parser.add_argument("--modes", default=",".join(MODES), help="text,html or one of them")
    parser.add_argument("--worst", type=int, default=15, help="pages listed per mode")
    parser.add_argument("--causes", type=int, default=25, help="loss causes listed per mode")
    parser.add_argument("--limit", type=int, default=0, help="first N bodies of each set")
    args = parser.parse_args(argv)
    modes = [m for m in args.modes.split(",") if m]
    if not modes or any(m not in MODES for m in modes):
        parser.error(f"--modes takes {', '.join(MODES)}")
    root = present_root()
    if root is None:
        return 0
    bodies = load_bodies(root, args.dataset)
    if args.limit:
        bodies = _first_of_each(bodies, args.limit)
    below = False
    for mode in modes:
        outcomes = [measure(body, mode) for body in bodies]
        print("\n".join(report(outcomes, mode, args.causes, args.worst)), flush=True)
        for dataset in {o.body.dataset for o in outcomes}:
            below = (
                below or min(shares([o for o in outcomes if o.body.dataset == dataset])) < TARGET
            )
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
