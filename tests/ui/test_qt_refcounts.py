"""The installed PySide6 keeps Python's reference counts of True and False.

PySide6 6.12.0 dropped a reference to True on every Signal.emit() and disconnect(). On
Python 3.11, where True is not immortal, the program then aborted after some thousands of
signals ("Fatal Python error: bool_dealloc"), which a long working day reaches. The
dependency is pinned below that release; this test fails on any version with the fault.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest
from PySide6.QtCore import QObject, Signal


class _Sender(QObject):
    plain = Signal()
    carrying = Signal(object, int)


def _drop(step: Callable[[], object], runs: int = 200) -> tuple[int, int]:
    step()
    true_before, false_before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(runs):
        step()
    return true_before - sys.getrefcount(True), false_before - sys.getrefcount(False)


@pytest.fixture
def sender(qapp: object) -> _Sender:
    return _Sender()


def test_emitting_a_signal_keeps_the_counts(sender: _Sender) -> None:
    received: list[object] = []
    sender.carrying.connect(lambda value, _n: received.append(value))
    assert _drop(sender.plain.emit) == (0, 0)
    assert _drop(lambda: sender.carrying.emit(None, 1)) == (0, 0)
    assert len(received) == 201


def test_connecting_and_disconnecting_keeps_the_counts(sender: _Sender) -> None:
    def receiver() -> None:
        return None

    def once() -> None:
        sender.plain.connect(receiver)
        sender.plain.disconnect(receiver)

    assert _drop(once) == (0, 0)
    sender.plain.emit()  # nothing connected any more: no error, nothing called
