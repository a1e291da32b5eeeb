#!/usr/bin/env python3
# ===- run.py - time schemac on synthetic schemas of growing size -----------===#
#
#   run.py [--schemac PATH] [--sizes N ...] [--repeat R] [--seed S]
#
# Builds nothing. For each N, generates a schema with gen_schema.py and runs
# `schemac check`, `schemac export --dialect postgresql`, `schemac compile
# --emit=json`, `schemac generate` (from an empty folder) and `schemac diff`
# (against a copy with 1% of the tables changed) R times each, then prints
# a markdown table: median wall time,
# time per table, the scaling factor against the smallest N (1.00 = linear),
# peak RSS (from wait4's rusage of each child), and input/output sizes. A
# `cat` of the input is timed as the pure I/O baseline. See bench/README.md.
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
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH)
GENERATOR = os.path.join(BENCH, "gen_schema.py")


def changed_copy(schema, path):
    """Writes `schema` with a nullable column added to every 100th table:
    two schemas that differ in 1% of their tables."""
    count = 0
    with open(schema, encoding="utf-8") as src, open(path, "w", encoding="utf-8") as dst:
        for line in src:
            dst.write(line)
            if line.startswith("table "):
                count += 1
                if count % 100 == 0:
                    dst.write("  bench_note text?\n")


def fresh_dir(path):
    """A `prepare` step: generate needs an empty migrations folder."""
    return lambda: shutil.rmtree(path, ignore_errors=True)


def commands(schemac, schema, changed, out_dir):
    """(label, argv, output file or None, prepare or None) per command."""
    sql = os.path.join(out_dir, "out.sql")
    json_out = os.path.join(out_dir, "out.json")
    migrations = os.path.join(out_dir, "migrations")
    common = ["--no-config"]
    return [
        ("cat (I/O baseline)", ["cat", schema], None, None),
        ("check", [schemac, "check", schema, *common], None, None),
        ("export postgresql", [schemac, "export", schema, "--dialect", "postgresql",
                               "-o", sql, *common], sql, None),
        ("compile --emit=json", [schemac, "compile", schema, "--emit=json",
                                 "-o", json_out, *common], json_out, None),
        ("generate (from empty)", [schemac, "generate", schema, "--out", migrations,
                                   "--dialect", "postgresql", "--name", "bench",
                                   "--timestamp", "20260101000000", *common],
         os.path.join(migrations, "20260101000000_bench", "snapshot.json"),
         fresh_dir(migrations)),
        ("diff (1% of tables changed)", [schemac, "diff", "--from", schema, "--to",
                                         changed, "--dialect", "postgresql",
                                         "-o", sql, *common], sql, None),
    ]


def measure(argv, time_tool):
    """Wall seconds and peak RSS in KiB of one run; exits if it fails.

    The kernel starts a child's peak RSS at its parent's (exec records the
    old address space's high-water mark), so wait4 on a child of this Python
    process reports at least this process's size. GNU time, a small process,
    reports the command's own peak; without it the `cat` row shows the floor.
    """
    # Outputs go to files: a full pipe could block the child.
    with tempfile.NamedTemporaryFile() as errors, tempfile.NamedTemporaryFile() as rss:
        if time_tool:
            argv = [time_tool, "-q", "-f", "%M", "-o", rss.name, *argv]
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            errors.seek(0)  # the child advanced the shared file offset
            text = errors.read(2000).decode(errors="replace")
            sys.exit(f"bench: {' '.join(argv)} failed ({proc.returncode}):\n{text}")
        peak = int(rss.read().split()[-1]) if time_tool else usage.ru_maxrss
    return elapsed, peak


def human_bytes(n):
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024


def version(schemac):
    result = subprocess.run([schemac, "--version"], capture_output=True, text=True)
    return result.stdout.strip() or "unknown version"


def main():
    parser = argparse.ArgumentParser(description="Benchmarks schemac on synthetic schemas.")
    parser.add_argument("--schemac", default=os.path.join(REPO, "build", "bin", "schemac"),
                        help="the binary to measure (default build/bin/schemac)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000],
                        metavar="N", help="table counts (default 1000 10000 100000)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per command (default 5)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    args = parser.parse_args()
    if not os.access(args.schemac, os.X_OK):
        sys.exit(f"bench: no schemac binary at {args.schemac} (build it, or pass --schemac)")
    sizes = sorted(args.sizes)
    time_tool = shutil.which("time", path="/usr/bin:/bin")
    rss_source = "GNU time" if time_tool else "wait4 (no /usr/bin/time: includes this script's size)"

    print(f"schemac: {version(args.schemac)}; {platform.node()}, {os.cpu_count()} cores, "
          f"{platform.platform()}; median of {args.repeat} runs, seed {args.seed}; "
          f"peak RSS from {rss_source}\n")
    print("| tables | input | command | median | per table | scaling | peak RSS | output |")
    print("|---:|---:|---|---:|---:|---:|---:|---:|")
    first = {}  # command label -> (tables, median) of the smallest N
    with tempfile.TemporaryDirectory(prefix="schemac-bench.") as work:
        for count in sizes:
            schema = os.path.join(work, f"bench-{count}.schema")
            # A child process generates: this process stays small (see measure).
            subprocess.run([sys.executable, GENERATOR, str(count), "--seed",
                            str(args.seed), "-o", schema], check=True)
            size = os.path.getsize(schema)
            changed = os.path.join(work, f"bench-{count}-changed.schema")
            changed_copy(schema, changed)
            for label, argv, output, prepare in commands(args.schemac, schema,
                                                         changed, work):
                runs = []
                for _ in range(args.repeat):
                    if prepare:
                        prepare()
                    runs.append(measure(argv, time_tool))
                median = statistics.median(t for t, _ in runs)
                peak = max(rss for _, rss in runs)
                base_count, base_median = first.setdefault(label, (count, median))
                scaling = (median / base_median) / (count / base_count)
                out_size = human_bytes(os.path.getsize(output)) if output else ""
                print(f"| {count} | {human_bytes(size)} | {label} | {median * 1000:.1f} ms "
                      f"| {median / count * 1e6:.2f} us | {scaling:.2f} "
                      f"| {peak / 1024:.1f} MB | {out_size} |", flush=True)
            os.remove(schema)
            os.remove(changed)
    print("\nscaling: (time / time at the smallest N) / (N / smallest N); 1.00 is linear.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
