#!/usr/bin/env python3
# ===- pull.py - time `schemac pull` against pg_dump --schema-only ----------===#
#
#   pull.py [--schemac PATH] [--sizes N ...] [--repeat R] [--seed S]
#
# Run it under test/scripts/with-postgres.sh, which starts a private
# PostgreSQL 15 and exports PGHOST/PGPORT/PGUSER. For each N it generates a
# schema with gen_schema.py, loads `schemac export --dialect postgresql` of
# it into a fresh database, then times, R times each and in the same run:
#   pg_dump --schema-only     the baseline: reading the catalogs as SQL
#   schemac pull --format json / --format dsl
# and prints the median wall time, peak RSS (GNU time) and the ratio of each
# to pg_dump (1.00 = as fast; below 1 = faster). See bench/README.md.
#
# ===------------------------------------------------------------------------===#
import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import urllib.parse

from run import GENERATOR, REPO, human_bytes, measure, version

PG_BINDIR = os.environ.get("SCHEMAC_PG_BINDIR", "/usr/lib/postgresql/15/bin")


def pg_tool(name):
    path = os.path.join(PG_BINDIR, name)
    return path if os.access(path, os.X_OK) else shutil.which(name)


def psql(db, *args, **kwargs):
    env = dict(os.environ, PGOPTIONS="-c client_min_messages=warning")
    return subprocess.run([pg_tool("psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1",
                           "-d", db, *args], check=True, env=env, **kwargs)


def main():
    parser = argparse.ArgumentParser(description="Times schemac pull against pg_dump.")
    parser.add_argument("--schemac", default=os.path.join(REPO, "build", "bin", "schemac"))
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], metavar="N")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if "PGHOST" not in os.environ:
        sys.exit("bench: no server; run under test/scripts/with-postgres.sh")
    time_tool = shutil.which("time", path="/usr/bin:/bin")
    pg_dump = pg_tool("pg_dump")
    dump_version = subprocess.run([pg_dump, "--version"], capture_output=True,
                                  text=True).stdout.strip()
    print(f"schemac: {version(args.schemac)}; {dump_version}; {platform.node()}, "
          f"{os.cpu_count()} cores; median of {args.repeat} runs, seed {args.seed}; "
          f"peak RSS from {'GNU time' if time_tool else 'wait4'}\n")
    print("| tables | command | median | vs pg_dump | peak RSS | vs pg_dump | output |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="schemac-pull-bench.") as work:
        for count in sorted(args.sizes):
            schema = os.path.join(work, f"bench-{count}.schema")
            sql = os.path.join(work, f"bench-{count}.sql")
            subprocess.run([sys.executable, GENERATOR, str(count), "--seed",
                            str(args.seed), "-o", schema], check=True)
            subprocess.run([args.schemac, "export", schema, "--dialect", "postgresql",
                            "--no-config", "-o", sql], check=True)
            db = f"pull_bench_{count}"
            psql("postgres", "-c", f'DROP DATABASE IF EXISTS "{db}"')
            psql("postgres", "-c", f'CREATE DATABASE "{db}"')
            psql(db, "-1", "-f", sql, stdout=subprocess.DEVNULL)
            url = f"postgresql:///{db}?" + urllib.parse.urlencode(
                {"host": os.environ["PGHOST"], "port": os.environ.get("PGPORT", "5432"),
                 "user": os.environ.get("PGUSER", "postgres")})
            outs = [os.path.join(work, name) for name in ("dump.sql", "pull.json", "pull.schema")]
            rows = [
                ("pg_dump --schema-only", [pg_dump, "--schema-only", "-d", db, "-f", outs[0]]),
                ("schemac pull --format json", [args.schemac, "pull", "--url", url,
                                                "--format", "json", "-o", outs[1]]),
                ("schemac pull --format dsl", [args.schemac, "pull", "--url", url,
                                               "--format", "dsl", "-o", outs[2]]),
            ]
            # Round robin, so that a change in the machine's load hits every
            # command alike.
            all_runs = {label: [] for label, _ in rows}
            for _ in range(args.repeat):
                for label, argv in rows:
                    all_runs[label].append(measure(argv, time_tool))
            base = None
            for (label, _), out in zip(rows, outs):
                runs = all_runs[label]
                median = statistics.median(t for t, _ in runs)
                peak = max(rss for _, rss in runs)
                base = base or (median, peak)
                print(f"| {count} | {label} | {median * 1000:.0f} ms | "
                      f"{median / base[0]:.2f} | {peak / 1024:.1f} MB | "
                      f"{peak / base[1]:.2f} | {human_bytes(os.path.getsize(out))} |",
                      flush=True)
            psql("postgres", "-c", f'DROP DATABASE "{db}"')
    print("\nratios: schemac / pg_dump in the same run; the bar is 1.00 or below.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
