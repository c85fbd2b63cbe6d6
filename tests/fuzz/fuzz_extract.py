#!/usr/bin/env python3
"""Fuzz front matter parsing, extraction, attribution and checking (see README.md).

    python tests/fuzz/fuzz_extract.py -max_total_time=600 -artifact_prefix=/tmp/ [CORPUS_DIR]
"""

import sys

from fuzz_main import main

if __name__ == "__main__":
    sys.exit(main("extract"))
