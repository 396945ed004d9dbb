"""``python -m boilerstrip``: the command line."""

import sys

from boilerstrip.cli import main

sys.exit(main())
