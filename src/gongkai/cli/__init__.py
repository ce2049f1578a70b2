"""The ``gongkai`` command line: one module per command, each a thin shell over :mod:`gongkai.api`.

:mod:`gongkai.cli.app` holds the Typer application and what commands share; importing
this package registers the commands (``extract``, ``check``, ``rules``, ``write``,
``template``, ``deadline``, ``fee``, ``db``, ``agency``, ``calendar``, ``cases`` (``due``, ``report``,
``add``, ``event``, ``show``, ``void``, ``void-event``, ``history``), ``reviews``, ``documents``, ``items``,
``figures``, ``import``, ``export`` (``applications``; ``cells``, ``reports``, ``findings``),
``report-corpus``, ``serve``, ``user``).  Heavy modules are imported inside the commands that need them.
"""

from gongkai.cli import (  # noqa: F401  (registers the commands)
    agency,
    calendar,
    cases,
    cases_add,
    cases_event,
    cases_history,
    cases_report,
    cases_show,
    cases_void,
    check,
    db,
    deadline,
    documents,
    exports,
    exports_corpus,
    extract,
    fee,
    figures,
    imports,
    items,
    report_corpus,
    reviews,
    rules,
    serve,
    template,
    users,
    write,
)
from gongkai.cli.app import app, main, run

__all__ = ["app", "main", "run"]
