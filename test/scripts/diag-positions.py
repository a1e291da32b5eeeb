#!/usr/bin/env python3
"""Prints one line per diagnostic of a schemac JSON or SARIF document read
from stdin: `CODE LINE:COLUMN` with 1-based line and column, so a lit test can
check the same positions in every format (LSP JSON is 0-based, SARIF 1-based).
"""
import json
import sys

doc = json.load(sys.stdin)
if isinstance(doc, list):  # LSP-shaped JSON
    for d in doc:
        start = d["range"]["start"]
        print(f'{d["code"]} {start["line"] + 1}:{start["character"] + 1}')
else:  # SARIF 2.1.0
    for result in doc["runs"][0]["results"]:
        region = result["locations"][0]["physicalLocation"]["region"]
        print(f'{result["ruleId"]} {region["startLine"]}:{region["startColumn"]}')
