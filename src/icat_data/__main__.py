"""``python -m icat_data``: the same as the ``icat-data`` command."""

import sys


def _run() -> int:
    try:
        from ._cli import main
    except KeyboardInterrupt:  # Ctrl-C while the command line loads: as main() answers it
        if sys.stderr is not None:
            sys.stderr.write("\n")
        return 130
    return main()


sys.exit(_run())
