"""Bounds on what callers can pass in, and how a value is echoed back in an error.

Every query's cost must be bounded by design, whatever a caller passes: a name, topic or date
text longer than any the data can hold is refused before any work is done on it, and an error
message shows at most a short excerpt of what it was given.
"""

from __future__ import annotations

__all__ = ["MAX_DATE_TEXT", "MAX_NAME", "check_length", "shown"]

#: No ICAT name, acronym, alias or topic is longer; the loader checks that the data agrees.
MAX_NAME = 200
#: No way of writing a date needs more ("Wednesday, 2 September 2026 10:00:00 +02:00").
MAX_DATE_TEXT = 64

_EXCERPT = 80
# Integers beyond this are described by size: printing one could exceed Python's limit on
# int-to-str conversion (4300 digits) and would be no help to read.
_LARGEST_SHOWN = 10**18


def shown(value: object) -> str:
    """``repr(value)``, cut to a short excerpt for long text and huge integers."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > _LARGEST_SHOWN:
        return f"an integer of {value.bit_length()} bits"
    if isinstance(value, str) and len(value) > _EXCERPT:
        return f"{value[:_EXCERPT]!r}... ({len(value):,} characters)"
    return repr(value)


def check_length(text: str, name: str, limit: int = MAX_NAME) -> str:
    """``text``, or a ``ValueError`` if it is longer than any value of its kind can be."""
    if len(text) > limit:
        raise ValueError(
            f"{name} {shown(text)} is too long: no value it could match is over {limit} characters"
        )
    return text
