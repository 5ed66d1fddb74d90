"""The ``icat-data`` command's entry point: a module outside the package, so that it runs
before ``icat_data`` is imported.

Importing the package and its command line takes a moment, and ``icat_data._cli.main`` can
only answer a Ctrl-C once it is running: pressed while the import ran, Ctrl-C used to end in
a traceback. Here the import itself is guarded, and answered as the command line answers
Ctrl-C: a newline on stderr and exit status 130. It imports nothing Python has not already
loaded at startup, so that the window before the guard is as short as it can be.
"""

import sys

__all__ = ["main"]


def main() -> int:
    """Import the command line and run it; Ctrl-C while it imports: a newline, 130."""
    try:
        from icat_data._cli import main as run
    except KeyboardInterrupt:
        try:  # stderr may be closed (None) or gone: the status is then all that tells
            sys.stderr.write("\n")
            sys.stderr.flush()
        except (AttributeError, OSError):
            pass
        return 130
    return run()
