"""cattrs converters between the JSON data files and the records, in both directions, and
the shapes of the files that are not lists of records.

Structuring is strict: cattrs by default turns ``5`` into ``"5"`` for a ``str`` field and a
string into a tuple of its characters; in a data file either is a mistake to report, not fix.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Callable, Mapping
from typing import Any, Literal, get_args, get_origin

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.errors import ForbiddenExtraKeysError
from cattrs.gen import make_dict_structure_fn

from ._limits import shown
from ._models import Disagreement, PartialDate, ReportedCount, Source

__all__ = [
    "EditionFile",
    "ManifestFile",
    "describe_error",
    "structure_converter",
    "structure_source",
]


@attrs.frozen
class EditionFile:
    """``edition.json``: what the data edition says about itself."""

    data_version: str
    as_of: datetime.date
    known_gaps: tuple[str, ...]
    reported_counts: tuple[ReportedCount, ...]
    disagreements: tuple[Disagreement, ...]


@attrs.frozen
class ManifestFile:
    """``manifest.json``: hashes and counts written by ``tools/regenerate.py``."""

    data_version: str
    files: dict[str, str]
    counts: dict[str, int]
    digest: str


_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _strict(kind: type) -> Callable[[object, type], Any]:
    def structure(value: object, _type: type) -> object:
        if type(value) is not kind:
            raise TypeError(f"expected {kind.__name__}, got {type(value).__name__} {value!r}")
        return value

    return structure


def _is_vocabulary(type_: Any) -> bool:
    origin: Any = get_origin(type_)
    return origin is Literal


def _is_homogeneous_tuple(type_: Any) -> bool:
    return get_origin(type_) is tuple and get_args(type_)[1:] == (Ellipsis,)


def _structure_date(value: object, _type: type) -> datetime.date:
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO date string, got {type(value).__name__} {value!r}")
    # fromisoformat alone would take "20190502" and week dates on Python 3.11+ but not on
    # 3.10: the schema's form is checked first, so every Python reads the same files alike.
    if _ISO_DAY.fullmatch(value) is None:
        raise ValueError(f"{shown(value)} is not an ISO date: expected YYYY-MM-DD")
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise ValueError(f"{value!r} is not a valid date: {error}") from None


def _structure_partial_date(value: object, _type: type) -> PartialDate:
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO date string, got {type(value).__name__} {value!r}")
    return _partial_date(value)


@functools.lru_cache(maxsize=1024)
def _partial_date(text: str) -> PartialDate:
    # One record per distinct date: records are immutable, so sharing is safe, and the
    # compiled file then holds each date once (a quarter fewer objects to unpickle).
    return PartialDate.from_iso(text)


def structure_converter(
    sources: Mapping[str, Source], *, detailed: bool = True
) -> cattrs.Converter:
    """A converter that reads records, resolving source ids against ``sources``.

    ``detailed=False`` is faster but its errors do not say where in a record they are; the
    loader uses it first and asks a detailed converter only to word an error.
    """
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=detailed)
    for kind in (str, int, bool):
        converter.register_structure_hook(kind, _strict(kind))
    # A vocabulary field is read as text and checked by its record's own validator, whose
    # message lists the allowed values; cattrs' Literal check would say it less plainly.
    converter.register_structure_hook_func(_is_vocabulary, _strict(str))
    converter.register_structure_hook(datetime.date, _structure_date)
    converter.register_structure_hook(PartialDate, _structure_partial_date)

    def tuple_factory(type_: Any, conv: cattrs.Converter) -> Callable[[object, type], Any]:
        items = homogenous_tuple_structure_factory(type_, conv)

        def structure(value: object, t: type) -> object:
            if not isinstance(value, list):
                raise TypeError(f"expected a JSON array, got {type(value).__name__} {value!r}")
            return items(value, t)

        return structure

    converter.register_structure_hook_factory(_is_homogeneous_tuple, tuple_factory)

    def resolve_source(value: object, _type: type) -> Source:
        if not isinstance(value, str):
            raise TypeError(f"expected a source id, got {type(value).__name__} {value!r}")
        try:
            return sources[value]
        except KeyError:
            raise ValueError(f"unknown source id {value!r} (not in sources.json)") from None

    converter.register_structure_hook(Source, resolve_source)
    return converter


def structure_source(converter: cattrs.Converter) -> Callable[[Any, Any], Source]:
    """Structure a full source object (``converter`` resolves nested sources by id instead)."""
    return make_dict_structure_fn(Source, converter, _cattrs_forbid_extra_keys=True)


def describe_error(error: Exception, path: str) -> str:
    """One readable line per problem in ``error``, each ending with where it is."""
    return "; ".join(cattrs.transform_error(error, path=path, format_exception=_format))


def _format(error: BaseException, _type: Any) -> str:
    if isinstance(error, ForbiddenExtraKeysError):
        return "unknown field(s) " + ", ".join(sorted(error.extra_fields))
    if isinstance(error, KeyError):
        return "required field missing"
    return str(error)
