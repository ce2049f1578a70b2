"""The ``gongkai`` command line: one module per command, each a thin shell over :mod:`gongkai.api`.

:mod:`gongkai.cli.app` holds the Typer application and what commands share; importing
this package registers the commands (``extract``, ``check``, ``rules``, ``write``,
``template``, ``deadline``, ``fee``, ``db``, ``agency``, ``calendar``, ``cases``, ``import``,
``export``).  Heavy modules are imported inside the commands that need them.
"""

from gongkai.cli import (  # noqa: F401  (registers the commands)
    agency,
    calendar,
    cases,
    cases_report,
    check,
    db,
    deadline,
    exports,
    extract,
    fee,
    imports,
    rules,
    template,
    write,
)
from gongkai.cli.app import app, main, run

__all__ = ["app", "main", "run"]
