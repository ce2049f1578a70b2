"""Worker tasks for the pool tests (module-level, so worker processes import them by name)."""

from __future__ import annotations

import os
import time

from gongkai.batch.worker import Job, Outcome, Work, check_one


def hang_or_check(job: Job, work: Work) -> Outcome:
    """A document named ``hang`` never finishes (a reader stuck in a C call); others are checked."""
    if job.path.endswith("hang"):
        time.sleep(3600)
    return check_one(job, work)


def die_or_check(job: Job, work: Work) -> Outcome:
    """A document named ``die`` kills its worker (a crash in a native library); others are checked."""
    if job.path.endswith("die"):
        os._exit(3)
    return check_one(job, work)
