"""Structure rules (S1xx): sections, tables, rows, labels and cells as the template lays them out."""

from gongkai.audit.rules.structure import (  # noqa: F401  (importing registers the rules)
    annotated_cell,
    blank_cells,
    blank_template,
    cell_count,
    column_label_missing,
    foreign_heading,
    generic_headers,
    label_misprinted,
    label_renamed,
    low_confidence,
    marker_cells,
    nonstandard_layout,
    outdated_format,
    row_label_missing,
    row_missing,
    section_misnumbered,
    section_missing,
    table_missing,
    unparseable_cell,
    unplaced_row,
)
