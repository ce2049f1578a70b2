"""Session and CSRF tokens; the passwords themselves are :mod:`gongkai.store.passwords`'."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from gongkai.store.passwords import MIN_PASSWORD_CHARS, dummy_hash, hash_password, verify_password


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    """What the store keeps of a session token (the cookie alone logs in)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode("utf-8"), b.encode("utf-8"))


__all__ = [
    "MIN_PASSWORD_CHARS",
    "dummy_hash",
    "hash_password",
    "new_token",
    "same",
    "token_digest",
    "verify_password",
]
