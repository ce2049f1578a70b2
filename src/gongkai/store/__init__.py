"""The case register's store: SQLAlchemy models, Alembic migrations, the engine and a small repository API.

SQLite (a file in the user's data directory) by default, PostgreSQL through ``GONGKAI_DATABASE_URL``.
Records are never hard-deleted (voided with a reason); every change is written to ``audit_log`` in
the same transaction. Migrations are never applied implicitly: ``gongkai db upgrade`` applies them.
"""
