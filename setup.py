"""The optional C extension; everything else is in pyproject.toml.

``optional=True``: where it cannot be compiled (no C compiler, no Python headers) the
install goes on without it and boilerstrip runs its Python code, which gives the same
results more slowly (``boilerstrip.stats.COMPILED`` tells which runs).
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension("boilerstrip._speedups", ["boilerstrip/_speedups.c"], optional=True),
    ]
)
