#!/usr/bin/env python3
"""Fuzz the file readers: articles from bytes, factcheck.toml, pyproject.toml, reference facts.

    python tests/fuzz/fuzz_readers.py -max_total_time=600 -artifact_prefix=/tmp/ [CORPUS_DIR]
"""

import sys

from fuzz_main import main

if __name__ == "__main__":
    sys.exit(main("readers"))
