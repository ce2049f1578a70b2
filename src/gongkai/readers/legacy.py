"""Placeholder until the legacy reader lands (issue 3)."""

from __future__ import annotations

from gongkai.errors import InputError
from gongkai.readers.raw import RawDocument


def read_legacy(data: bytes, path: str) -> RawDocument:
    raise InputError("E104", "暂不支持读取该格式")
