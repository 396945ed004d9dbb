"""What a site template gains: F1 with and without one on the wcxb-dev sites with 5+ pages.

Run from the repository root:  python -m benchmarks.site_template --help

Pages are grouped by the host of their ground-truth URL (without "www."); sites with at least
``--min-site-pages`` pages are measured, in text mode (the shipped ``text/`` files) and in
HTML mode. Each page is cleaned three ways:

- ``none``: no template (the default pipeline as every other benchmark runs it);
- ``loo``: with a template learned from the site's OTHER pages (leave-one-out), the honest
  setting: a template learned beforehand, cleaning a page it has not seen;
- ``in``: with a template learned from all the site's pages, the page itself included, by
  ``learn_templates_by_host`` (a batch learning its templates on the fly in two passes).

F1 is the scrapinghub benchmark's (benchmarks/metric.py), per site and over all the pages.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks import corpus, report
from benchmarks.metric import PageCounts, Scores, aggregate, page_counts
from boilerstrip import Pipeline, SiteTemplate
from boilerstrip.blocks import Block
from boilerstrip.document import build_document
from boilerstrip.filters.site import SiteTemplateFilter
from boilerstrip.template import TemplateLearner, host_of, learn_templates_by_host

MODES = ("text", "html")
SETTINGS = ("none", "loo", "in")
_FILTER = "site_template"


@dataclass(frozen=True, slots=True)
class SitePage:
    """A benchmark page with the site it belongs to."""

    host: str
    page: corpus.Page

    def source(self, mode: str) -> str:
        return self.page.read_text() if mode == "text" else self.page.read_html()


@dataclass(frozen=True, slots=True)
class Outcome:
    """One page cleaned in one mode and setting, scored, with the template's removals."""

    host: str
    mode: str
    setting: str
    counts: PageCounts
    removed: int


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.site_template", description=__doc__)
    parser.add_argument("--modes", default="text,html", help="comma-separated: text,html")
    parser.add_argument("--min-site-pages", type=int, default=5)
    parser.add_argument("--min-share", type=float, default=SiteTemplateFilter.min_share)
    parser.add_argument("--min-pages", type=int, default=SiteTemplateFilter.min_pages)
    parser.add_argument(
        "--before",
        default=None,
        help="run the template pass before this filter instead of its default place "
        "('end': after every other filter)",
    )
    parser.add_argument("--json", type=Path, help="also write the outcomes to this JSON file")
    return parser.parse_args(argv)


def site_pages(root: Path, min_pages: int) -> list[SitePage]:
    """The wcxb-dev pages with a truth, of the hosts with at least ``min_pages`` of them."""
    folder = root / "wcxb-dev"
    pages = corpus.load_wcxb(root, frozenset(corpus.WCXB_TYPES))
    by_host: dict[str, list[SitePage]] = {}
    for page in pages:
        record = json.loads((folder / "ground-truth" / f"{page.page_id}.json").read_text("utf-8"))
        url = str(record.get("url") or "")
        if not url.startswith(("http://", "https://")):
            continue  # a page without its URL belongs to no site we can tell
        host = host_of(url)
        by_host.setdefault(host, []).append(SitePage(host, page))
    return [p for group in by_host.values() if len(group) >= min_pages for p in group]


def pipeline_for(args: argparse.Namespace) -> Pipeline:
    """The default pipeline with the template pass as the arguments set it."""
    filter_ = SiteTemplateFilter(min_pages=args.min_pages, min_share=args.min_share)
    pipeline = Pipeline.default().replace(_FILTER, filter_)
    if args.before is None:
        return pipeline
    pipeline = pipeline.without(_FILTER)
    if args.before == "end":
        return pipeline.add(filter_)
    return pipeline.add(filter_, before=args.before)


def loo_templates(pages: Sequence[SitePage], mode: str) -> list[SiteTemplate]:
    """Per page, the template learned from the other pages of its site.

    Each page is segmented once (as ``extract`` segments it) and its blocks handed to a
    learner per held-out page: the same counts ``SiteTemplate.learn`` makes, without
    segmenting every page once per other page of its site.
    """
    blocks: list[tuple[Block, ...]] = [
        build_document(p.source(mode), input_format=mode).blocks for p in pages
    ]
    templates: list[SiteTemplate] = []
    for held_out, page in enumerate(pages):
        learner = TemplateLearner(page.host)
        for other, (site_page, page_blocks) in enumerate(zip(pages, blocks, strict=True)):
            if other != held_out and site_page.host == page.host:
                learner.add_blocks(page_blocks)
        templates.append(learner.template())
    return templates


def run_mode(pages: Sequence[SitePage], mode: str, pipeline: Pipeline) -> list[Outcome]:
    """Every page of ``pages`` cleaned in ``mode`` in the three settings, scored."""
    records = [(f"https://{p.host}/", p.source(mode)) for p in pages]
    in_sample = learn_templates_by_host(records, input_format=mode)
    templates: dict[str, list[SiteTemplate | None]] = {
        "none": [None] * len(pages),
        "loo": list(loo_templates(pages, mode)),
        "in": [in_sample[p.host] for p in pages],
    }
    outcomes: list[Outcome] = []
    for setting in SETTINGS:
        for site_page, template in zip(pages, templates[setting], strict=True):
            result = pipeline.extract(site_page.source(mode), input_format=mode, template=template)
            removed = sum(1 for d in result.decisions if d.filter == _FILTER)
            counts = page_counts(site_page.page.truth, result.body)
            outcomes.append(Outcome(site_page.host, mode, setting, counts, removed))
    return outcomes


def scores_of(outcomes: Sequence[Outcome], host: str | None, mode: str, setting: str) -> Scores:
    return aggregate(
        o.counts
        for o in outcomes
        if o.mode == mode and o.setting == setting and (host is None or o.host == host)
    )


def site_rows(outcomes: Sequence[Outcome], hosts: Sequence[str], mode: str) -> list[list[str]]:
    """Per site and over all sites: F1 in each setting, the gains, template removals/page."""
    rows: list[list[str]] = []
    for host in [*hosts, None]:
        f1 = {s: scores_of(outcomes, host, mode, s).f1 for s in SETTINGS}
        pages = [o for o in outcomes if o.mode == mode and (host is None or o.host == host)]
        per_page = {
            s: sum(o.removed for o in pages if o.setting == s) / (len(pages) / len(SETTINGS))
            for s in ("loo", "in")
        }
        rows.append(
            [
                host or "ALL",
                mode,
                str(len(pages) // len(SETTINGS)),
                f"{f1['none']:.3f}",
                f"{f1['loo']:.3f}",
                f"{f1['in']:.3f}",
                f"{f1['loo'] - f1['none']:+.3f}",
                f"{f1['in'] - f1['none']:+.3f}",
                f"{per_page['loo']:.1f}",
                f"{per_page['in']:.1f}",
            ]
        )
    return rows


def summary_rows(outcomes: Sequence[Outcome], modes: Sequence[str]) -> list[list[str]]:
    """Over all sites: precision, recall and F1 per mode and setting."""
    rows: list[list[str]] = []
    for mode in modes:
        for setting in SETTINGS:
            scores = scores_of(outcomes, None, mode, setting)
            rows.append(
                [
                    setting,
                    mode,
                    str(scores.pages),
                    f"{scores.precision:.3f}",
                    f"{scores.recall:.3f}",
                    f"{scores.f1:.3f}",
                ]
            )
    return rows


SITE_HEADERS = (
    "site", "mode", "pages", "F1 none", "F1 loo", "F1 in", "gain loo", "gain in",
    "rm/page loo", "rm/page in",
)  # fmt: skip
SUMMARY_HEADERS = ("template", "mode", "pages", "precision", "recall", "F1")


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    unknown = [m for m in modes if m not in MODES]
    if unknown:
        print(f"unknown mode {unknown[0]!r}; choose from {', '.join(MODES)}", file=sys.stderr)
        return 2
    root = corpus.present_root()
    if root is None or not (root / "wcxb-dev").is_dir():
        print("wcxb-dev is missing: nothing to measure.")
        return 0
    pages = site_pages(root, args.min_site_pages)
    hosts = sorted({p.host for p in pages}, key=lambda h: (-sum(p.host == h for p in pages), h))
    pipeline = pipeline_for(args)
    print(f"{len(pages)} pages of {len(hosts)} sites; pipeline {list(pipeline.names)}")
    print(f"min_share={args.min_share} min_pages={args.min_pages}\n")
    outcomes = [o for mode in modes for o in run_mode(pages, mode, pipeline)]
    lines = [row for mode in modes for row in site_rows(outcomes, hosts, mode)]
    print(report.format_text_table(SITE_HEADERS, lines))
    print()
    print(report.format_text_table(SUMMARY_HEADERS, summary_rows(outcomes, modes)))
    if args.json is not None:
        dumped = [
            {"host": o.host, "mode": o.mode, "setting": o.setting, "removed": o.removed}
            | {"tp": o.counts.tp, "fp": o.counts.fp, "fn": o.counts.fn}
            for o in outcomes
        ]
        args.json.write_text(json.dumps(dumped, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
