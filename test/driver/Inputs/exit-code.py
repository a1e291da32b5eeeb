#!/usr/bin/env python3
# ===- exit-code.py - run a command and print its exit code ---------------===#
#
#   exit-code.py COMMAND ARGS...
#
# Forwards the command's stdout and stderr, then prints "exit code: N" on
# stdout, so lit tests can check the exact code (`not` only knows != 0).
# Exits 0 unless the command could not be started or was killed by a signal.
#
# ===------------------------------------------------------------------------===#
import subprocess
import sys

result = subprocess.run(sys.argv[1:])
sys.stdout.flush()
if result.returncode < 0:
    print(f"killed by signal {-result.returncode}")
    sys.exit(1)
print(f"exit code: {result.returncode}")
