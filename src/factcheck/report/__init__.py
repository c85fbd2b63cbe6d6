"""The report stage: findings with coverage, then what suppressions and the baseline set aside.

- :mod:`factcheck.report.report`: :class:`Report`, its JSON and its notebook views;
- :mod:`factcheck.report.fingerprint`: content fingerprints of findings;
- :mod:`factcheck.report.suppressions`: inline comments, front matter and ``per-file-ignores``
  (FC901/FC902 are reported here);
- :mod:`factcheck.report.baseline`: the findings a project has accepted;
- :mod:`factcheck.report.unreadable`: files the run could not read (FC001).
"""

from factcheck.report.report import SCHEMA_VERSION, Report
from factcheck.report.unreadable import UNREADABLE, Unreadable

__all__ = ["SCHEMA_VERSION", "UNREADABLE", "Report", "Unreadable"]
