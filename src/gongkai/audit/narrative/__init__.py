"""Numeric claims in narrative text (“受理申请31件”, “上年结转4件”, “现行有效行政规范性文件393件”).

Pure functions over strings: :func:`paragraphs` joins wrapped source lines back into
paragraphs (so “不予公开答复 2⏎件” reads as one claim), :func:`find_claims` lists the
counts a paragraph states.  All regexes are compiled at import; results for a text are
cached.  Patterns are tight on purpose: an ambiguous sentence yields no claim rather than
a wrong one, and in an enumeration (“、” “，” “；”) each number belongs to its own item.

Modules: :mod:`.text` (normalising, paragraphs, clauses, the claim record), :mod:`.claims`
(table-3 claims and :func:`find_claims`), :mod:`.review` (行政复议 / 行政诉讼),
:mod:`.table2` (规章 and 行政规范性文件).
"""

from gongkai.audit.narrative.claims import CATEGORY_ROWS, KINDS, find_claims
from gongkai.audit.narrative.table2 import TABLE2_NOUNS
from gongkai.audit.narrative.text import Claim, Paragraph, normalise, paragraphs

__all__ = ["CATEGORY_ROWS", "KINDS", "TABLE2_NOUNS", "Claim", "Paragraph", "find_claims", "normalise", "paragraphs"]
