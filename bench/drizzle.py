#!/usr/bin/env python3
# ===- drizzle.py - schemac generate against drizzle-kit generate -----------===#
#
#   drizzle.py [--schemac PATH] [--drizzle-kit PATH] [--sizes N ...]
#              [--repeat R] [--seed S] [--keep DIR]
#
# The head-to-head bench of issue 7. For each N it generates a schema with
# gen_schema.py, turns it into the equivalent drizzle-orm schema with
# `schemac export --format ts` (timed, but only for information), then times,
# R times each and interleaved in the same run:
#   schemac generate FILE --dialect postgresql --out DIR --no-config
#   drizzle-kit generate --config drizzle.config.json   (on schema.ts)
# each from a fresh empty migrations folder. Both outputs must hold exactly N
# CREATE TABLE statements, else it stops: it never times an error. It prints
# a markdown table of median wall times, peak RSS and the ratios
# drizzle-kit / schemac. See bench/README.md.
#
# ===------------------------------------------------------------------------===#
import argparse
import glob
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

from run import GENERATOR, REPO, human_bytes, version

TS_DIR = os.path.join(REPO, "test", "ts")
DRIZZLE_KIT = os.path.join(TS_DIR, "node_modules", ".bin", "drizzle-kit")
CREATE_TABLE = re.compile(r"^\s*CREATE\s+TABLE\b", re.IGNORECASE | re.MULTILINE)
SAMPLE_SECONDS = 0.02


def descendants(pid):
    """The pids below `pid`, from /proc/PID/task/TID/children."""
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        for children in glob.glob(f"/proc/{parent}/task/*/children"):
            try:
                with open(children) as f:
                    kids = [int(p) for p in f.read().split()]
            except OSError:
                continue
            found.extend(kids)
            todo.extend(kids)
    return found


def high_water_kib(pid):
    """VmHWM of one process in KiB: its own peak RSS since its last exec."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class TreeSampler(threading.Thread):
    """Samples the peak RSS of every process below `pid` until stopped.

    GNU time reports the largest single process of the tree it waits for;
    drizzle-kit is node plus an esbuild service process, so this also sums
    the last VmHWM seen of each process (an upper bound of their peak at the
    same instant). Sampled: a process that lives less than SAMPLE_SECONDS
    may be missed, so the caller takes the larger of this and GNU time's.
    """

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid = pid
        self.peaks = {}
        self.done = threading.Event()

    def run(self):
        while not self.done.is_set():
            for pid in descendants(self.pid):
                self.peaks[pid] = max(self.peaks.get(pid, 0), high_water_kib(pid))
            self.done.wait(SAMPLE_SECONDS)

    def total(self):
        self.done.set()
        self.join()
        return sum(self.peaks.values())


def measure(argv, time_tool, cwd=None):
    """Wall seconds, GNU time's peak RSS and the sampled tree RSS (KiB) of
    one run, its stdout and its CPU seconds (user + system, children that it
    waited for included); exits if the command fails."""
    with tempfile.NamedTemporaryFile() as out, tempfile.NamedTemporaryFile() as errors, \
            tempfile.NamedTemporaryFile() as rss:
        start = time.perf_counter()
        proc = subprocess.Popen([time_tool, "-q", "-f", "%M %U %S", "-o", rss.name, *argv],
                                stdout=out, stderr=errors, cwd=cwd)
        sampler = TreeSampler(proc.pid)
        sampler.start()
        _, status, _ = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        tree = sampler.total()
        code = os.waitstatus_to_exitcode(status)
        # The child wrote through a shared file offset: read from the start.
        out.seek(0)
        errors.seek(0)
        text = out.read().decode(errors="replace")
        if code != 0:
            fail(argv, f"exit code {code}", text + errors.read().decode(errors="replace"))
        # The last line: GNU time may write a note about a signal before it.
        peak, user, system = rss.read().decode().splitlines()[-1].split()
        peak = int(peak)
    return elapsed, peak, max(peak, tree), text, float(user) + float(system)


def fail(argv, why, output=""):
    sys.exit(f"bench: {' '.join(argv)}: {why}\n{output[-3000:]}")


def count_tables(paths, argv, expected, output):
    """Checks that the SQL files hold `expected` CREATE TABLE statements."""
    if not paths:
        fail(argv, "wrote no SQL file", output)
    count = 0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            count += len(CREATE_TABLE.findall(f.read()))
    if count != expected:
        fail(argv, f"{count} CREATE TABLE statements in {', '.join(paths)}, "
             f"expected {expected}", output)
    return sum(os.path.getsize(p) for p in paths)


def tool_version(argv):
    result = subprocess.run(argv, capture_output=True, text=True, cwd=TS_DIR)
    return " ".join(result.stdout.split()) or "unknown version"


def median_of(runs, index):
    return statistics.median(run[index] for run in runs)


def main():
    parser = argparse.ArgumentParser(
        description="Times schemac generate against drizzle-kit generate.")
    parser.add_argument("--schemac", default=os.path.join(REPO, "build", "bin", "schemac"),
                        help="the binary to measure (default build/bin/schemac)")
    parser.add_argument("--drizzle-kit", default=DRIZZLE_KIT,
                        help="drizzle-kit to compare with (default test/ts's pinned one)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000],
                        metavar="N", help="table counts (default 1000 5000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per command (default 3)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument("--keep", metavar="DIR",
                        help="work in DIR and keep the files (default: a temporary one)")
    args = parser.parse_args()
    if not os.access(args.schemac, os.X_OK):
        sys.exit(f"bench: no schemac binary at {args.schemac} (build it, or pass --schemac)")
    if not os.access(args.drizzle_kit, os.X_OK):
        sys.exit(f"bench: no drizzle-kit at {args.drizzle_kit} (run test/ts/install.sh)")
    time_tool = shutil.which("time", path="/usr/bin:/bin")
    if not time_tool:
        sys.exit("bench: needs GNU time at /usr/bin/time (Debian package `time`)")
    # schema.ts imports drizzle-orm: resolve it from drizzle-kit's packages.
    node_modules = os.path.dirname(os.path.dirname(os.path.abspath(args.drizzle_kit)))
    if os.path.basename(node_modules) != "node_modules":
        node_modules = os.path.join(TS_DIR, "node_modules")

    kit = tool_version([args.drizzle_kit, "--version"])
    node = tool_version(["node", "--version"])
    print(f"schemac: {version(args.schemac)}; {kit}; node {node}; {platform.node()}, "
          f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}; median of "
          f"{args.repeat} runs, seed {args.seed}\n")
    print("| tables | schema.ts | export --format ts | schemac generate "
          "| drizzle-kit generate | time ratio | schemac RSS | drizzle-kit RSS "
          "| RSS ratio | drizzle-kit tree RSS |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
        work = os.path.abspath(args.keep)
        context = None
    else:
        context = tempfile.TemporaryDirectory(prefix="schemac-drizzle-bench.")
        work = context.name
    try:
        link = os.path.join(work, "node_modules")
        if not os.path.lexists(link):
            os.symlink(node_modules, link)
        notes = [run_size(args, time_tool, work, count) for count in sorted(args.sizes)]
    finally:
        if context:
            context.cleanup()
    print()
    for note in notes:
        print(note)
    print("\ntime ratio: drizzle-kit median / schemac median; RSS ratio: drizzle-kit's "
          "largest process / schemac's. RSS is GNU time's maximum resident set size, that "
          "of the largest single process in the tree; tree RSS adds up the peaks of node "
          "and its esbuild child (sampled every 20 ms).")
    return 0


def run_size(args, time_tool, work, count):
    schema = os.path.join(work, f"bench-{count}.schema")
    subprocess.run([sys.executable, GENERATOR, str(count), "--seed", str(args.seed),
                    "-o", schema], check=True)
    schema_ts = os.path.join(work, "schema.ts")
    export = [args.schemac, "export", schema, "--dialect", "postgresql", "--format", "ts",
              "-o", schema_ts, "--no-config"]
    exports = [measure(export, time_tool) for _ in range(args.repeat)]

    migrations = os.path.join(work, "schemac-out")
    generate = [args.schemac, "generate", schema, "--dialect", "postgresql",
                "--out", migrations, "--no-config"]
    drizzle_out = os.path.join(work, "drizzle")
    config = os.path.join(work, "drizzle.config.json")
    with open(config, "w", encoding="utf-8") as f:
        f.write('{\n  "dialect": "postgresql",\n  "schema": "./schema.ts",\n'
                '  "out": "./drizzle"\n}\n')
    kit = [args.drizzle_kit, "generate", "--config", config]

    ours, theirs = [], []
    # Interleaved, so that a change in the shared machine's load hits both.
    for _ in range(args.repeat):
        shutil.rmtree(migrations, ignore_errors=True)
        ours.append(measure(generate, time_tool))
        sql_ours = count_tables(glob.glob(os.path.join(migrations, "*", "migration.sql")),
                                generate, count, ours[-1][3])
        shutil.rmtree(drizzle_out, ignore_errors=True)
        theirs.append(measure(kit, time_tool, cwd=work))
        sql_theirs = count_tables(glob.glob(os.path.join(drizzle_out, "*.sql")),
                                  kit, count, theirs[-1][3])

    t_ours, t_theirs = median_of(ours, 0), median_of(theirs, 0)
    m_ours = max(run[1] for run in ours)
    m_theirs = max(run[1] for run in theirs)
    tree_theirs = max(run[2] for run in theirs)
    print(f"| {count} | {human_bytes(os.path.getsize(schema_ts))} "
          f"| {median_of(exports, 0) * 1000:.0f} ms "
          f"| {t_ours * 1000:.0f} ms | {t_theirs * 1000:.0f} ms | {t_theirs / t_ours:.1f}x "
          f"| {m_ours / 1024:.1f} MB | {m_theirs / 1024:.1f} MB "
          f"| {m_theirs / m_ours:.1f}x | {tree_theirs / 1024:.1f} MB |", flush=True)
    if not args.keep:
        os.remove(schema)
    cpu_ours, cpu_theirs = median_of(ours, 4), median_of(theirs, 4)
    return (f"- {count} tables: {count} CREATE TABLE in each; migration.sql "
            f"{human_bytes(sql_ours)}, drizzle-kit's SQL {human_bytes(sql_theirs)}; "
            f"wall times (s): schemac {' '.join(f'{r[0]:.3f}' for r in ours)}, "
            f"drizzle-kit {' '.join(f'{r[0]:.2f}' for r in theirs)}; median CPU "
            f"(user+sys): schemac {cpu_ours:.3f} s, drizzle-kit {cpu_theirs:.2f} s "
            f"({cpu_theirs / max(cpu_ours, 0.001):.1f}x)")


if __name__ == "__main__":
    sys.exit(main())
