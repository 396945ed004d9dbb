"""The optional compiled module, ``boilerstrip._speedups``: whether it runs, and loading it.

``boilerstrip/csrc/`` holds C twins of the per-character and per-line work (normalising the
text, tokenising and measuring each line, making its block, the prose scores, phrase look-ups,
sentence keys, the language guess's counts); ``setup.py`` builds it where a C compiler is
found and the install goes on without it otherwise. The Python code it mirrors stays the
reference: the twins return the same values (tests/test_speedups*.py), and the Python code
runs where the module was not built, is of another version, or is switched off by setting
``BOILERSTRIP_PURE_PYTHON`` to anything but ``""`` or ``"0"``.
"""

from __future__ import annotations

import os
from types import ModuleType

# The SPEEDUPS_VERSION (csrc/speedups.h) that this code was written against.
VERSION = 8
PURE_PYTHON_VARIABLE = "BOILERSTRIP_PURE_PYTHON"


def load() -> ModuleType | None:
    """``boilerstrip._speedups`` when it was built for this code and is not switched off.

    A build of another version is ignored: an editable install keeps the compiled module in
    the source tree, where it would outlive a change to the code it mirrors.
    """
    if os.environ.get(PURE_PYTHON_VARIABLE, "") not in ("", "0"):
        return None
    try:
        from boilerstrip import _speedups
    except ImportError:
        return None
    return _speedups if getattr(_speedups, "VERSION", None) == VERSION else None


# Loaded once per process: each module with a twin picks its function at import.
MODULE = load()
ACTIVE = MODULE is not None
