"""The corpus runner: many documents checked in parallel (worker processes or a Dask cluster),
fetched from the web, kept in the store so a run can be resumed, and compared across reports."""
