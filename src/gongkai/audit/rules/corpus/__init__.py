"""Cross-report rules (family X): a report compared with the rest of a corpus.

They need the whole corpus (``needs_corpus``), so the per-report runner skips them; the corpus runner
(:mod:`gongkai.batch`) finds the reports involved and builds each finding with the rule's helper.
"""

from gongkai.audit.rules.corpus import copied_narrative  # noqa: F401
