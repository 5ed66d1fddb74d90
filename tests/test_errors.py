"""Errors and records cross process boundaries unchanged: pickle, copy and process pools."""

from __future__ import annotations

import copy
import multiprocessing
import pickle
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor

import pytest

import icat_data
from icat_data import IcatDataError

COPIES: dict[str, Callable[[object], object]] = {
    **{
        f"pickle-{protocol}": (lambda p: lambda x: pickle.loads(pickle.dumps(x, protocol=p)))(
            protocol
        )
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1)
    },
    "copy": copy.copy,
    "deepcopy": copy.deepcopy,
}


def _raised(call: Callable[[], object]) -> IcatDataError:
    with pytest.raises(IcatDataError) as caught:
        call()
    return caught.value


ERRORS: dict[str, Callable[[], IcatDataError]] = {
    "UnknownOrganizationError": lambda: _raised(lambda: icat_data.get_organization("UNDOC")),
    "UnknownBriefError": lambda: _raised(lambda: icat_data.get_brief(999)),
    "OutOfCoverageError": lambda: _raised(lambda: icat_data.chairs_for(2020)),
    "OutOfCoverageError-with-years": lambda: icat_data.OutOfCoverageError(
        "no chair is recorded for 2020", year=2020, covered=(2021, 2019)
    ),
    "DataError": lambda: icat_data.DataError("briefs.json: a fault"),
}


@pytest.mark.parametrize("how", sorted(COPIES))
@pytest.mark.parametrize("name", sorted(ERRORS))
def test_every_error_survives_pickle_and_copy(name: str, how: str) -> None:
    error = ERRORS[name]()
    again = COPIES[how](error)
    assert type(again) is type(error)
    assert str(again) == str(error)
    assert vars(again) == vars(error)


@pytest.mark.parametrize("how", sorted(COPIES))
@pytest.mark.parametrize(
    "record",
    [
        icat_data.get_organization("UNODC"),
        icat_data.manifest(),
        icat_data.coverage(),
        icat_data.get_brief(12),
        icat_data.events()[0],
    ],
    ids=lambda r: type(r).__name__,
)
def test_every_record_survives_pickle_and_copy(record: object, how: str) -> None:
    again = COPIES[how](record)
    assert again == record
    assert hash(again) == hash(record)


def test_an_out_of_coverage_error_says_what_it_refused() -> None:
    error = ERRORS["OutOfCoverageError-with-years"]()
    assert isinstance(error, icat_data.OutOfCoverageError)
    assert (error.year, error.covered) == (2020, (2019, 2021))
    assert str(error) == "no chair is recorded for 2020"
    # Raised without them (a question about no year), both are None.
    assert vars(icat_data.OutOfCoverageError("no coordinator")) == {"year": None, "covered": None}


def _lookup_brief(number: int) -> object:
    return icat_data.get_brief(number)


def _lookup_organization(key: str) -> object:
    return icat_data.get_organization(key)


@pytest.mark.parametrize(
    ("call", "argument", "message"),
    [
        (_lookup_brief, 999, "no ICAT issue brief numbered 999"),
        (_lookup_organization, "UNDOC", "no ICAT organization is known as 'UNDOC'; did you"),
    ],
)
def test_an_error_raised_in_a_worker_process_reaches_the_parent_intact(
    call: Callable[[object], object], argument: object, message: str
) -> None:
    # "spawn" works on every platform and does not fork this multi-threaded test process.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        future = pool.submit(call, argument)
        with pytest.raises(IcatDataError) as caught:
            future.result(timeout=60)
    assert str(caught.value).startswith(message)
    assert str(caught.value).count("no ICAT") == 1
