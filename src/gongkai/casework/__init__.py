"""The case register's facade (beside :mod:`gongkai.api`): what every shell (CLI, web) calls to run the
year's work — the store joined with the pure :mod:`gongkai.cases` logic. One module per job."""
