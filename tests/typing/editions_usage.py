"""The editions API as a user types it: checked by mypy --strict and pyright, never run."""

from __future__ import annotations

import datetime
import pathlib

import icat_data
from icat_data import Check, Edition, Organization, Release, UnknownEditionError

ledger: tuple[Release, ...] = icat_data.editions()
released: datetime.date = ledger[0].date
commit: str | None = ledger[0].commit
note: str | None = ledger[0].note

then: Edition = icat_data.edition("2026.11.22.1")
current: Edition = icat_data.edition()
name: str = then.name
data_version: str = then.data_version
release: Release | None = then.release
members: tuple[Organization, ...] = then.members(on=2019)
is_member: bool = then.is_member("DPKO", on="2019-06-30")
found: Organization | None = then.find_organization("UN Women")
digest: str = then.manifest().digest
descriptor: pathlib.Path = then.write_datapackage("out")

checks: tuple[Check, ...] = icat_data.verify()
subject: str = checks[0].subject
lookup: type[LookupError] = UnknownEditionError

icat_data.edition(2026)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
then.chairs_for(2019.0)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
ledger[0].version = "9"  # type: ignore[misc]  # pyright: ignore[reportAttributeAccessIssue]
