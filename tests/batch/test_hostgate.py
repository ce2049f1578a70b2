"""HostGate: per-host concurrency and spacing of starts, on a fake clock."""

from __future__ import annotations

import threading

from gongkai.batch.hostgate import HostGate, Reservation


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_hostgate_reservations_respect_concurrency_and_delay() -> None:
    clock = Clock()
    gate = HostGate(per_host=2, delay=1.0, clock=clock)
    with gate.condition:
        first = gate.try_reserve("a:80")
        assert isinstance(first, Reservation)
        assert gate.try_reserve("a:80") == 101.0  # spaced a second apart
        assert isinstance(gate.try_reserve("b:80"), Reservation)  # another host is free
        clock.now = 101.0
        second = gate.try_reserve("a:80")
        assert isinstance(second, Reservation)
        clock.now = 105.0
        assert gate.try_reserve("a:80") == float("inf")  # two in flight: wait for one to end
    gate.release("a:80")
    with gate.condition:
        assert isinstance(gate.try_reserve("a:80"), Reservation)


def test_hostgate_cancelled_reservation_does_not_delay_the_next_start() -> None:
    clock = Clock()
    gate = HostGate(per_host=1, delay=5.0, clock=clock)
    with gate.condition:
        unused = gate.try_reserve("a:80")
    assert isinstance(unused, Reservation)
    gate.cancel(unused)  # e.g. robots.txt already said no: no request was made
    with gate.condition:
        assert isinstance(gate.try_reserve("a:80"), Reservation)


def test_hostgate_crawl_delay_raises_the_spacing_of_one_host() -> None:
    clock = Clock()
    gate = HostGate(per_host=4, delay=1.0, clock=clock)
    gate.set_delay("a:80", 3.0)
    with gate.condition:
        assert isinstance(gate.try_reserve("a:80"), Reservation)
        assert gate.try_reserve("a:80") == 103.0
        assert isinstance(gate.try_reserve("b:80"), Reservation)
        assert gate.try_reserve("b:80") == 101.0


def test_hostgate_acquire_gives_up_when_cancelled() -> None:
    gate = HostGate(per_host=1, delay=0.0)
    assert gate.acquire("a:80")
    cancelled = threading.Event()
    outcome: list[bool] = []
    waiter = threading.Thread(target=lambda: outcome.append(gate.acquire("a:80", cancelled)))
    waiter.start()
    cancelled.set()
    with gate.condition:
        gate.condition.notify_all()
    waiter.join(2)
    assert outcome == [False]
    gate.release("a:80")
    assert gate.acquire("a:80")  # the waiter took nothing
