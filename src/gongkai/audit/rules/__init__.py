"""All rule families; importing this package registers every rule."""

from gongkai.audit.rules import arithmetic, consistency, corpus, metadata, structure  # noqa: F401
