"""A worker process freezes its heap once, after start-up (the parent's imports: tests/architecture)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from tests.batch.reports import SAMPLES


def _python(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_worker_check_batch_freezes_the_heap_once() -> None:
    text = sorted(str(p) for p in SAMPLES.glob("*.txt"))[:2]
    out = _python(
        f"""
        import gc
        from gongkai.batch.worker import Job, Work, check_batch
        before = gc.get_freeze_count()
        check_batch([Job(0, {text[0]!r})], Work())
        first = gc.get_freeze_count()
        check_batch([Job(1, {text[1]!r})], Work())
        print(before, first > 0, gc.get_freeze_count() == first)
        """
    )
    assert out == "0 True True"  # frozen at the first task only: later garbage is still collected


def test_worker_pool_initializer_freezes_the_heap() -> None:
    out = _python(
        """
        import gc
        from gongkai.batch.worker import limit_memory
        limit_memory(None)
        print(gc.get_freeze_count() > 0)
        """
    )
    assert out == "True"
