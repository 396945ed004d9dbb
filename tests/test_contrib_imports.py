"""``import boilerstrip`` (and ``boilerstrip.contrib``) loads no engine: each is opt-in."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENGINES = (
    "scrapy",
    "twisted",
    "itemadapter",
    "dask",
    "distributed",
    "pandas",
    "datatrove",
    "warcio",
)


def test_importing_boilerstrip_loads_no_engine() -> None:
    # A fresh interpreter: this one may have imported the engines for other tests.
    probe = (
        "import sys, boilerstrip, boilerstrip.contrib, boilerstrip.contrib._options\n"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({ENGINES!r})))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
