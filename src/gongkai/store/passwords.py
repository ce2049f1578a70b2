"""Users' passwords: argon2 hashes, and the shortest password accepted (the CLI and the web app alike)."""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_HASHER = PasswordHasher()
MIN_PASSWORD_CHARS = 8


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify_password(stored: str, password: str) -> bool:
    try:
        return _HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


@cache
def dummy_hash() -> str:
    """Verified against when the user does not exist, so a login takes as long either way."""
    return hash_password("not a password of anyone")


__all__ = ["MIN_PASSWORD_CHARS", "dummy_hash", "hash_password", "verify_password"]
