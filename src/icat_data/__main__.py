"""``python -m icat_data``: the same as the ``icat-data`` command."""

import sys

from ._cli import main

sys.exit(main())
