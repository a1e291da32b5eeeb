#!/usr/bin/env python3
# ===- migratefault.py - `schemac migrate` under kills and concurrency -----===#
#
#   migratefault.py --dialect D --schemac PATH [--test ID] kill
#                   [--runs 50] [--count 20] [--seed S]
#       Makes a migrations folder of COUNT migrations (each creates a table
#       and logs its name in `migration_log`, which has no key, so a
#       migration applied twice leaves two rows), then RUNS times: starts
#       `schemac migrate` on a fresh database, kills it with SIGKILL after a
#       random delay, and runs it again to the end. Every time the database
#       must end with every migration applied exactly once: COUNT history
#       rows, COUNT log rows, one per name.
#   migratefault.py --dialect D --schemac PATH [--test ID] concurrent
#                   [--processes 2] [--count 20] [--rounds 5]
#       Starts PROCESSES `schemac migrate` runs at once on a fresh database,
#       ROUNDS times; all must succeed and apply each migration exactly once.
#   migratefault.py resum DIR
#       Rewrites DIR/schemac.sum for the files as they are (the algorithm of
#       migrate/MigrationFolder.cpp, written again here), so tests can make
#       folders by hand.
#
# Prints one line per round; exits 1 with the reason on the first failure.
# Servers as for pullcheck.py (with-postgres.sh, with-mariadb.sh).
#
# ===------------------------------------------------------------------------===#
import argparse
import base64
import hashlib
import os
import random
import signal
import subprocess
import sys
import tempfile
import time

FILES = ("down.sql", "migration.sql", "snapshot.json")


def compute_sum(folder):
    names = sorted(n for n in os.listdir(folder)
                   if len(n) > 15 and n[14] == "_" and n[:14].isdigit()
                   and os.path.isdir(os.path.join(folder, n)))
    digest = b""
    lines = []
    for name in names:
        for file in FILES:
            relative = f"{name}/{file}"
            h = hashlib.sha256()
            h.update(digest if digest else bytes(32))
            h.update(relative.encode())
            h.update(b"\0")
            with open(os.path.join(folder, relative), "rb") as f:
                h.update(f.read())
            digest = h.digest()
            lines.append(f"{relative} h1:{base64.b64encode(digest).decode()}")
    head = base64.b64encode(digest if digest else bytes(32)).decode()
    return f"h1:{head}\n" + "".join(line + "\n" for line in lines)


def resum(folder):
    with open(os.path.join(folder, "schemac.sum"), "w") as f:
        f.write(compute_sum(folder))


def make_folder(folder, count):
    os.makedirs(folder)
    for i in range(count):
        name = f"2026010100{i:04d}_step{i:04d}"
        os.makedirs(os.path.join(folder, name))
        sql = ""
        if i == 0:
            sql += "CREATE TABLE migration_log (name varchar(100) NOT NULL);\n"
        sql += (f"CREATE TABLE t_{i:04d} (id integer NOT NULL PRIMARY KEY);\n"
                f"INSERT INTO migration_log (name) VALUES ('{name}');\n")
        for file, text in (("migration.sql", sql), ("down.sql", ""),
                           ("snapshot.json", "{}\n")):
            with open(os.path.join(folder, name, file), "w") as f:
                f.write(text)
    resum(folder)


class Target:
    """A fresh database per round: create() returns its URL."""

    def __init__(self, dialect, test_id, work):
        self.dialect = dialect
        self.work = work
        self.created = []
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        if dialect == "postgresql":
            import pgmigrate
            import pgtest
            self.server, self.url_of = pgmigrate.Server(), pgtest.database_url
            self.base = f"f_{pgtest.test_hash(test_id)}_{os.getpid()}"
        elif dialect == "mysql":
            import mysqlmigrate
            import mysqltest
            self.server, self.url_of = mysqlmigrate.Server(), mysqltest.database_url
            self.base = f"f_{mysqltest.test_hash(test_id)}_{os.getpid()}"

    def create(self, n):
        if self.dialect == "sqlite":
            path = os.path.join(self.work, f"round{n}.db")
            self.created.append(path)
            return f"sqlite:{path}"
        db = f"{self.base}_{n}"
        self.server.drop(db)
        self.server.create(db)
        self.created.append(db)
        return self.url_of(db)

    def count(self, url, sql):
        if self.dialect == "sqlite":
            out = subprocess.run(["sqlite3", url[len("sqlite:"):], sql],
                                 capture_output=True, text=True, check=True)
            return out.stdout.strip()
        db = self.created[-1]
        if self.dialect == "postgresql":
            out = self.server.run(db, ["-c", sql], capture_output=True,
                                  stdin=subprocess.DEVNULL)
        else:
            out = self.server.run(db, ["-N", "-e", sql], capture_output=True,
                                  stdin=subprocess.DEVNULL)
        if out.returncode:
            raise SystemExit(f"migratefault: {sql!r} failed: {out.stderr}")
        return out.stdout.strip()

    def history(self):
        return ('schemac."__schemac_migrations"' if self.dialect == "postgresql"
                else "__schemac_migrations")

    def cleanup(self):
        if self.dialect != "sqlite":
            for db in self.created:
                self.server.drop(db)


def verify(target, url, count, what):
    rows = target.count(url, "SELECT COUNT(*), COUNT(DISTINCT name) FROM migration_log")
    history = target.count(url, f"SELECT COUNT(*) FROM {target.history()} "
                                "WHERE status = 'applied'")
    fields = rows.replace("|", " ").replace("\t", " ").split()
    if fields != [str(count), str(count)] or history != str(count):
        raise SystemExit(f"migratefault: {what}: expected {count} migrations "
                         f"applied once each, found log rows (all, distinct) "
                         f"{fields} and {history} history rows")


def migrate_cmd(args, url, folder):
    return [args.schemac, "migrate", "--url", url, "--dir", folder,
            "--lock-timeout", "120"]


def run_kill(args, target, folder):
    rng = random.Random(args.seed)
    # How long a whole run takes, to spread the kills over it.
    url = target.create("timing")
    start = time.monotonic()
    subprocess.run(migrate_cmd(args, url, folder), check=True,
                   stdout=subprocess.DEVNULL)
    full = time.monotonic() - start
    verify(target, url, args.count, "an uninterrupted run")
    for n in range(args.runs):
        url = target.create(n)
        delay = rng.uniform(0, full)
        proc = subprocess.Popen(migrate_cmd(args, url, folder),
                                stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        again = subprocess.run(migrate_cmd(args, url, folder),
                               capture_output=True, text=True)
        if again.returncode != 0:
            raise SystemExit(f"migratefault: run {n}: the run after a kill at "
                             f"{delay * 1000:.0f} ms failed:\n{again.stderr}")
        verify(target, url, args.count, f"run {n} (killed at {delay * 1000:.0f} ms)")
    print(f"kill: {args.runs} runs killed at random points, each finished "
          f"with all {args.count} migrations applied exactly once")


def run_concurrent(args, target, folder):
    for n in range(args.rounds):
        url = target.create(f"c{n}")
        procs = [subprocess.Popen(migrate_cmd(args, url, folder),
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True)
                 for _ in range(args.processes)]
        results = [(p.wait(), p.stdout.read(), p.stderr.read()) for p in procs]
        for code, out, err in results:
            if code != 0:
                raise SystemExit(f"migratefault: round {n}: a concurrent run "
                                 f"failed (exit {code}):\n{err}")
        applied = sum(out.count("\napplied ") + out.startswith("applied ")
                      for _, out, _ in results)
        if applied != args.count:
            raise SystemExit(f"migratefault: round {n}: the runs reported "
                             f"{applied} applied migrations, not {args.count}")
        verify(target, url, args.count, f"round {n}")
    print(f"concurrent: {args.rounds} rounds of {args.processes} runs at once, "
          f"each migration applied exactly once")


def main():
    parser = argparse.ArgumentParser(prog="migratefault.py")
    parser.add_argument("--dialect", choices=("postgresql", "mysql", "sqlite"))
    parser.add_argument("--schemac")
    parser.add_argument("--test")
    commands = parser.add_subparsers(dest="command", required=True)
    kill = commands.add_parser("kill")
    kill.add_argument("--runs", type=int, default=50)
    kill.add_argument("--count", type=int, default=20)
    kill.add_argument("--seed", type=int, default=1)
    conc = commands.add_parser("concurrent")
    conc.add_argument("--processes", type=int, default=2)
    conc.add_argument("--count", type=int, default=20)
    conc.add_argument("--rounds", type=int, default=5)
    rs = commands.add_parser("resum")
    rs.add_argument("dir")
    args = parser.parse_args()
    if args.command == "resum":
        resum(args.dir)
        return 0
    if not args.dialect or not args.schemac:
        parser.error("--dialect and --schemac are required")
    with tempfile.TemporaryDirectory(prefix="migratefault.") as work:
        folder = os.path.join(work, "migrations")
        make_folder(folder, args.count)
        target = Target(args.dialect, args.test, work)
        try:
            if args.command == "kill":
                run_kill(args, target, folder)
            else:
                run_concurrent(args, target, folder)
        finally:
            target.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
