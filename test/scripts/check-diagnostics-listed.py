#!/usr/bin/env python3
# ===- check-diagnostics-listed.py - every diagnostic code is documented ----===#
#
#   check-diagnostics-listed.py DiagnosticCodes.def diagnostics.md
#
# Fails, naming each missing code, unless every DIAG(..., "code", ...) of the
# .def file appears as `code` (in backquotes) in the markdown file.
#
# ===------------------------------------------------------------------------===#
import re
import sys


def main():
    if len(sys.argv) != 3:
        print("usage: check-diagnostics-listed.py CODES.def DOC.md", file=sys.stderr)
        return 2
    def_path, doc_path = sys.argv[1:]
    try:
        with open(def_path, encoding="utf-8") as f:
            codes = re.findall(r'^\s*DIAG\(\s*\w+\s*,\s*"([^"]+)"', f.read(), re.M)
        with open(doc_path, encoding="utf-8") as f:
            doc = f.read()
    except OSError as error:
        print(f"error: {error}")
        return 1
    if not codes:
        print(f"error: no DIAG entries found in {def_path}")
        return 1
    missing = [code for code in codes if f"`{code}`" not in doc]
    for code in missing:
        print(f"error: {doc_path}: diagnostic code `{code}` is not documented")
    print(f"{len(codes) - len(missing)} of {len(codes)} diagnostic codes documented")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
