"""The formats for tools: ``json`` (see :meth:`Report.to_json`, the scorers' contract) and
``jsonl``, one finding a line with the same fields, for streaming and ``grep``."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.output import Options
    from factcheck.report import Report


def render_jsonl(report: Report, options: Options) -> str:
    rows = report.to_dict(options.root)["findings"]
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
