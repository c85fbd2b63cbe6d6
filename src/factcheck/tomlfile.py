"""TOML read from a user's file, failing in one way only: :class:`tomllib.TOMLDecodeError`.

tomllib recurses once per level of nesting, so a file of ``a = [[[[...`` a thousand deep raises
Python's RecursionError rather than a decode error; no real configuration nests that deep. The
readers of configuration, reference and vocabulary files go through :func:`loads` and :func:`load`
so that each reports such a file as the invalid TOML it is, in its own words.
"""

from __future__ import annotations

import tomllib
from typing import Any, BinaryIO

#: The decode error's message for a file nested too deeply.
TOO_DEEP = "arrays or tables nested too deeply"


def loads(text: str) -> dict[str, Any]:
    """:func:`tomllib.loads`, with nesting too deep as a decode error."""
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise tomllib.TOMLDecodeError(TOO_DEEP) from None


def load(stream: BinaryIO) -> dict[str, Any]:
    """:func:`tomllib.load`, with nesting too deep as a decode error."""
    try:
        return tomllib.load(stream)
    except RecursionError:
        raise tomllib.TOMLDecodeError(TOO_DEEP) from None


__all__ = ["TOO_DEEP", "load", "loads"]
