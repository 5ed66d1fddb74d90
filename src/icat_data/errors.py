"""The one error hierarchy of icat_data.

Every error the package raises on purpose derives from
[`IcatDataError`][icat_data.IcatDataError], and each also derives from the standard exception
a caller would naturally catch (``KeyError``, ``LookupError``), so ``except KeyError`` keeps
working for code that does not know us.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ._limits import shown

__all__ = [
    "DataError",
    "IcatDataError",
    "OutOfCoverageError",
    "UnknownBriefError",
    "UnknownEditionError",
    "UnknownOrganizationError",
]


class IcatDataError(Exception):
    """Base class of every error raised by icat_data."""

    def __str__(self) -> str:
        # KeyError's own __str__ would quote the message; our messages are meant to be read.
        return str(self.args[0]) if self.args else ""


class UnknownOrganizationError(IcatDataError, KeyError, LookupError):
    """No organization in the data is known by ``key``.

    ``suggestions`` holds the closest known names, best first (possibly empty).
    """

    def __init__(self, key: str, suggestions: Sequence[str] = ()) -> None:
        self.key = key
        self.suggestions = tuple(suggestions)
        hint = (
            "did you mean " + " or ".join(repr(s) for s in self.suggestions) + "?"
            if self.suggestions
            else "try search_organizations() or organizations() for what the data holds."
        )
        super().__init__(f"no ICAT organization is known as {shown(key)}; {hint}")

    def __reduce__(self) -> tuple[Any, ...]:
        # pickle and copy rebuild an exception from self.args, which holds the message, not
        # the arguments: without this a copy would wrap the message a second time.
        return (type(self), (self.key, self.suggestions))


class UnknownBriefError(IcatDataError, KeyError, LookupError):
    """No numbered issue brief in the data has ``number``."""

    def __init__(self, number: int, known: Sequence[int]) -> None:
        self.number = number
        self.known = tuple(known)
        listed = ", ".join(str(n) for n in self.known) or "none"
        super().__init__(
            f"no ICAT issue brief numbered {shown(number)} is recorded; recorded numbers: {listed}"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        # As above: a process pool must get the same error back from a worker.
        return (type(self), (self.number, self.known))


class UnknownEditionError(IcatDataError, LookupError):
    """No released data edition or package version is named ``name``.

    ``known`` lists every name `edition()` takes; ``closest`` is the nearest of them.
    """

    def __init__(self, name: str, known: Sequence[str], closest: str | None = None) -> None:
        self.name = name
        self.known = tuple(known)
        self.closest = closest
        hint = f"did you mean {closest!r}? " if closest else ""
        super().__init__(
            f"no icat-data edition is named {shown(name)}; {hint}known: {', '.join(self.known)}"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.name, self.known, self.closest))


class OutOfCoverageError(IcatDataError, LookupError):
    """The question falls outside what the data's sources cover (e.g. a year with no chair).

    ``year`` is the year asked about and ``covered`` the years the data answers for, sorted,
    where the question was about a year; both are ``None`` otherwise.
    """

    def __init__(
        self, message: str, *, year: int | None = None, covered: Sequence[int] | None = None
    ) -> None:
        self.year = year
        self.covered = None if covered is None else tuple(sorted(covered))
        super().__init__(message)

    def __reduce__(self) -> tuple[Any, ...]:
        # As above; the keyword arguments travel in the state, which pickle sets on the copy.
        return (type(self), (self.args[0],), {"year": self.year, "covered": self.covered})


class DataError(IcatDataError):
    """Packaged or user-supplied data failed validation.

    The message names the file, the record and the field.
    """
