"""The installed version, from the package metadata (``pyproject.toml``'s ``version``).

Kept apart from the package face so that modules that only need the version (the CLI, SARIF, the
archive's code fingerprint) do not import the whole pipeline.
"""

from importlib.metadata import PackageNotFoundError, version

#: The distribution's name (``pip install factcheck-news``): ``factcheck`` on the registry is an
#: unrelated project, so the metadata is never looked up under the import name.
DISTRIBUTION = "factcheck-news"

try:
    __version__ = version(DISTRIBUTION)
except PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0.0.0+unknown"
