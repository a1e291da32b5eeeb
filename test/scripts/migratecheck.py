#!/usr/bin/env python3
# ===- migratecheck.py - what pgmigrate.py and sqlitemigrate.py share ------===#
#
# Running schemac and reading files for the migration checkers; a step that
# fails raises CheckFailed with the reason.
#
# ===------------------------------------------------------------------------===#
import subprocess


class CheckFailed(Exception):
    """A step failed; the message says which and why."""


def schemac(binary, args, what):
    """Runs schemac and returns its stdout; its diagnostics go to stderr."""
    try:
        result = subprocess.run(
            [binary, *args], stdout=subprocess.PIPE, encoding="utf-8"
        )
    except OSError as error:
        raise CheckFailed(f"cannot run {binary}: {error}") from error
    if result.returncode != 0:
        raise CheckFailed(f"{what} failed (exit {result.returncode})")
    return result.stdout


def read(path, what):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError as error:
        raise CheckFailed(f"cannot read {what}: {error}") from error
