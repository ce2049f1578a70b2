"""The 2021 format as data, and the AnnualReport model.  Imports nothing else of gongkai."""

from gongkai.model.report import (
    AnnualReport,
    Cell,
    ColumnEvidence,
    Metadata,
    Provenance,
    RowEvidence,
    Section,
    TableData,
    TextLine,
    UnplacedRow,
)
from gongkai.model.template import SECTIONS, TABLE2, TABLE2_2019, TABLE3, TABLE4, TABLES, ColumnSpec, RowSpec, TableSpec

__all__ = [
    "SECTIONS",
    "TABLE2",
    "TABLE2_2019",
    "TABLE3",
    "TABLE4",
    "TABLES",
    "AnnualReport",
    "Cell",
    "ColumnEvidence",
    "ColumnSpec",
    "Metadata",
    "Provenance",
    "RowEvidence",
    "RowSpec",
    "Section",
    "TableData",
    "TableSpec",
    "TextLine",
    "UnplacedRow",
]
