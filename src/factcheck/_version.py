"""The installed version, from the package metadata (``pyproject.toml``'s ``version``).

Kept apart from the package face so that modules that only need the version (the CLI, SARIF, the
archive's code fingerprint) do not import the whole pipeline.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("factcheck")
except PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0.0.0+unknown"
