"""The checked test corpus (:mod:`tests.batch.corpus_files`)."""

from tests.batch.corpus_files import checked

__all__ = ["checked"]
