"""Reading quantities out of prose: :func:`scan` is the whole public surface."""

from factcheck.extract.scanner import scan

__all__ = ["scan"]
