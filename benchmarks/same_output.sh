#!/usr/bin/env bash
# Every output of a refactor, for comparing two versions byte for byte: `factcheck check` in every
# format with --jobs 1 and 2, and factcheck.check() rendered in every format, on the seeds and on a
# generated corpus.
#
#   git worktree add /tmp/before <commit>
#   python benchmarks/corpus.py /tmp/c10k --docs 10000 --seed 7
#   benchmarks/same_output.sh /tmp/before/src /tmp/out-before /tmp/c10k
#   benchmarks/same_output.sh "$PWD/src" /tmp/out-after /tmp/c10k
#   diff -r /tmp/out-before /tmp/out-after
#
# SRC is put first on PYTHONPATH, so one virtual environment runs either version.
set -uo pipefail
SRC=$1; OUT=$2; CORPUS=${3:-}
PY=${PYTHON:-.venv/bin/python}
mkdir -p "$OUT"
corpora=(seeds)
[ -n "$CORPUS" ] && corpora+=("$CORPUS")
for corpus in "${corpora[@]}"; do
  name=$(basename "$corpus")
  if [ "$corpus" = seeds ]; then args=(seeds/ --reference seeds/reference.toml); else args=("$corpus"); fi
  for j in 1 2; do
    for f in text concise json jsonl sarif github html; do
      PYTHONPATH=$SRC $PY -c "import sys; from factcheck.cli import main; sys.exit(main())" check "${args[@]}" \
        --jobs $j --format $f > "$OUT/cli-$name-j$j.$f" 2> "$OUT/cli-$name-j$j.$f.err"
      echo "rc=$?" >> "$OUT/cli-$name-j$j.$f.err"
    done
    PYTHONPATH=$SRC $PY - "$corpus" $j "$OUT/lib-$name-j$j" <<'PY'
import sys
import factcheck
from factcheck.output import FORMATS, render
corpus, jobs, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
reference = "seeds/reference.toml" if corpus == "seeds" else None
report = factcheck.check([corpus], reference=reference, jobs=jobs)
for fmt in FORMATS:
    with open(f"{out}.{fmt}", "w", encoding="utf-8") as handle:
        handle.write(render(report, fmt))
PY
  done
done
