"""Integrations with data engines: Scrapy, datatrove and Dask (each in its own module).

Nothing here is imported by ``import boilerstrip``. Each submodule imports its engine when
it is itself imported, so ``boilerstrip.contrib.scrapy`` needs the ``scrapy`` extra,
``boilerstrip.contrib.datatrove`` the ``datatrove`` extra and ``boilerstrip.contrib.dask``
the ``dask`` extra; a missing one fails with ``MissingExtraError`` (an ``ImportError``
too) naming the extra to install.
"""
