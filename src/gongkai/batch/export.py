"""Corpus exports a researcher loads in one line: cells, reports or findings as Parquet or CSV.

``pandas.read_parquet("cells.parquet")`` or ``pd.read_csv("reports.csv")``: typed columns in
Parquet (whole numbers, decimals, dates, text; repeated text dictionary-encoded), UTF-8 CSV with a
byte-order mark so that Excel shows the Chinese. The rows are streamed from the store in slices
(:mod:`gongkai.batch.export_rows`) and written in record batches, so memory stays flat however many
reports the store holds; the file is written beside its target and renamed into place when whole.
Which results are read: see :mod:`gongkai.batch.stored`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from gongkai.batch.export_rows import KINDS, Columns, Kind, Layout, Type, slices
from gongkai.errors import UsageError

if TYPE_CHECKING:
    import pyarrow as pa
    from sqlalchemy import Engine

Format = Literal["parquet", "csv"]
SUFFIXES: dict[str, Format] = {".parquet": "parquet", ".csv": "csv"}
ROW_GROUP_VALUES = 1 << 21
"""Values (rows × columns) gathered before a Parquet row group is written: a few tens of megabytes."""
BOM = b"\xef\xbb\xbf"


def export_format(path: Path) -> Format:
    """The format a target's suffix names.

    Raises:
        UsageError: the suffix is neither ``.parquet`` nor ``.csv``.
    """
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        shown = path.suffix or "（无后缀）"
        raise UsageError(f"不支持的导出格式 {shown}：文件名应以 .parquet 或 .csv 结尾（{path.name}）")
    return fmt


def _arrow_type(kind: Type) -> pa.DataType:
    import pyarrow as pa

    types = {
        "string": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "date": pa.date32(),
        "timestamp": pa.timestamp("us", tz="UTC"),
    }
    return types[kind]


def arrow_schema(layout: Layout) -> pa.Schema:
    import pyarrow as pa

    return pa.schema([(name, _arrow_type(kind)) for name, kind in layout.columns()])


def _batches(engine: Engine, layout: Layout, schema: pa.Schema) -> Iterator[pa.RecordBatch]:
    import pyarrow as pa

    from gongkai.store.engine import reader

    with reader(engine).connect() as connection:
        for columns in slices(connection, layout):
            yield pa.RecordBatch.from_pydict(columns, schema=schema)


def _parquet(path: Path, schema: pa.Schema, batches: Iterator[pa.RecordBatch]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows, held = 0, 0
    pending: list[pa.RecordBatch] = []
    group = max(1, ROW_GROUP_VALUES // len(schema))
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        for batch in batches:
            pending.append(batch)
            held += batch.num_rows
            if held >= group:
                writer.write_table(pa.Table.from_batches(pending, schema), row_group_size=group)
                rows, pending, held = rows + held, [], 0
        if pending or rows == 0:
            writer.write_table(pa.Table.from_batches(pending, schema), row_group_size=group)
            rows += held
    return rows


def _csv(path: Path, schema: pa.Schema, batches: Iterator[pa.RecordBatch]) -> int:
    import pyarrow.csv as pacsv

    rows = 0
    with path.open("wb") as fh:
        fh.write(BOM)  # a BOM lets Excel open a Chinese CSV correctly (as ``check -f csv`` writes)
        with pacsv.CSVWriter(fh, schema) as writer:
            for batch in batches:
                writer.write_batch(batch)
                rows += batch.num_rows
    return rows


def export_corpus(
    engine: Engine, kind: Kind, path: Path, *, provenance: bool = False, all_versions: bool = False
) -> int:
    """Write the store's ``kind`` rows to ``path`` (format from its suffix); returns the rows written.

    Raises:
        UsageError: an unknown kind or suffix.
        OutputError: the file cannot be written (nothing is left behind, an old file is kept).
    """
    from gongkai.files import replacing

    if kind not in KINDS:
        raise UsageError(f"不支持的导出内容 {kind}（可选：{'、'.join(KINDS)}）")
    fmt = export_format(path)
    layout = Layout(kind, provenance=provenance, all_versions=all_versions)
    schema = arrow_schema(layout)
    with replacing(path) as tmp:
        write = _parquet if fmt == "parquet" else _csv
        return write(tmp, schema, _batches(engine, layout, schema))


def columns_of(layout: Layout) -> list[str]:
    """The column names of an export (the header of its CSV)."""
    return [name for name, _ in layout.columns()]


__all__ = ["BOM", "Columns", "Format", "Layout", "arrow_schema", "columns_of", "export_corpus", "export_format"]
