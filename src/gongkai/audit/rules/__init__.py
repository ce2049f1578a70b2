"""All rule families; importing this package registers every rule."""

from gongkai.audit.rules import arithmetic, consistency, metadata, structure  # noqa: F401
