"""The optional C extension; everything else is in pyproject.toml.

``optional=True``: where it cannot be compiled (no C compiler, no Python headers) the
install goes on without it and boilerstrip runs its Python code, which gives the same
results more slowly (``boilerstrip.compiled.ACTIVE`` tells which runs).
"""

import os
import platform
from glob import glob

from setuptools import Extension, setup

# Prose scores are doubles that must round exactly as Python's: no fused multiply-add
# (GCC contracts a * b + c by default on some targets), and on 32-bit x86 SSE2 arithmetic
# rather than the x87's wider registers. MSVC does neither by default.
_EXACT_FLOATS = [] if os.name == "nt" else ["-ffp-contract=off"]
if os.name != "nt" and platform.machine().lower() in ("i386", "i486", "i586", "i686", "x86"):
    _EXACT_FLOATS += ["-msse2", "-mfpmath=sse"]

setup(
    ext_modules=[
        Extension(
            "boilerstrip._speedups",
            sorted(glob("boilerstrip/csrc/*.c")),
            include_dirs=["boilerstrip/csrc"],
            depends=["boilerstrip/csrc/speedups.h"],
            extra_compile_args=_EXACT_FLOATS,
            optional=True,
        ),
    ]
)
