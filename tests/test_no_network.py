"""The suite runs with sockets disabled (pytest-socket), so no test can reach a network."""

from __future__ import annotations

import socket

import pytest
from pytest_socket import SocketBlockedError

import icat_data


# pytest-socket warns as it blocks; that warning is the expected outcome here.
@pytest.mark.filterwarnings("ignore:A test tried to use socket:UserWarning")
def test_sockets_are_blocked_and_the_data_needs_none() -> None:
    with pytest.raises(SocketBlockedError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    assert icat_data.chairs_for(2019)  # answered from the packaged files alone
