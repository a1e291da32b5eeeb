# ===- lit.cfg.py - lit configuration of the schemac test suite -------------===#
#
# Loaded by the lit.site.cfg.py that CMake writes into build/test; that file
# sets the paths used here (schemac_bin_dir, llvm_tools_dir, python_executable,
# schemac_src_root). See docs/testing.md.
#
# ===------------------------------------------------------------------------===#
import os
import shlex
import shutil
import subprocess

import lit.formats

config.name = "schemac"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".test", ".schema"]
# Inputs/ holds files that other tests read; unit/ is GoogleTest (own CTest).
config.excludes = ["Inputs", "unit", "scripts", "CMakeLists.txt", "README.md"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.schemac_obj_root, "test")

# FileCheck, not, split-file and count come from LLVM 19, schemac from the build.
config.environment["PATH"] = os.pathsep.join(
    [config.schemac_bin_dir, config.llvm_tools_dir, config.environment["PATH"]]
)
config.environment["LC_ALL"] = "C.UTF-8"

scripts_dir = os.path.join(config.test_source_root, "scripts")
python = shlex.quote(config.python_executable)
schemac = shlex.quote(os.path.join(config.schemac_bin_dir, "schemac"))
pgtest = f"{python} {shlex.quote(os.path.join(scripts_dir, 'pgtest.py'))}"
pgmigrate = f"{python} {shlex.quote(os.path.join(scripts_dir, 'pgmigrate.py'))}"
sqlitetest = f"{python} {shlex.quote(os.path.join(scripts_dir, 'sqlitetest.py'))}"
sqlitemigrate = (
    f"{python} {shlex.quote(os.path.join(scripts_dir, 'sqlitemigrate.py'))}"
)
mysqltest = f"{python} {shlex.quote(os.path.join(scripts_dir, 'mysqltest.py'))}"
mysqlmigrate = (
    f"{python} {shlex.quote(os.path.join(scripts_dir, 'mysqlmigrate.py'))}"
)

config.substitutions.append(("%schemac", schemac))
config.substitutions.append(("%pg-exec", f"{pgtest} exec --test %t"))
config.substitutions.append(("%pg-psql", f"{pgtest} psql --test %t"))
config.substitutions.append(("%pg-with-url", f"{pgtest} with-url --test %t"))
config.substitutions.append(
    ("%pg-migrate-check", f"{pgmigrate} check --test %t --schemac {schemac}")
)
config.substitutions.append(("%sqlite-exec", sqlitetest))
config.substitutions.append(
    ("%sqlite-migrate-check", f"{sqlitemigrate} check --schemac {schemac}")
)
# lit replaces these in order, before its own %s and %t: no name may be a
# prefix of a later one (%mysql-exec, %mysql-sql and %mysql-migrate-check
# are not).
config.substitutions.append(("%mysql-exec", f"{mysqltest} exec --test %t"))
config.substitutions.append(("%mysql-sql", f"{mysqltest} sql --test %t"))
config.substitutions.append(("%mysql-with-url", f"{mysqltest} with-url --test %t"))
config.substitutions.append(
    ("%mysql-migrate-check", f"{mysqlmigrate} check --test %t --schemac {schemac}")
)
pullcheck = f"{python} {shlex.quote(os.path.join(scripts_dir, 'pullcheck.py'))}"
config.substitutions.append(("%pull-check", f"{pullcheck} --test %t --schemac {schemac}"))
config.substitutions.append(("%python", python))
config.substitutions.append(("%{scripts}", shlex.quote(scripts_dir)))
config.substitutions.append(("%{src_root}", shlex.quote(config.schemac_src_root)))
config.substitutions.append(("%{obj_root}", shlex.quote(config.schemac_obj_root)))

# PostgreSQL: the feature `postgresql` exists when a reachable server is
# described by SCHEMAC_TEST_PG_* (test/scripts/with-postgres.sh sets them).
# With --param require-postgresql=1 or SCHEMAC_REQUIRE_DB=1 a missing server
# is a configuration error instead of silently unsupported tests.
PG_VARS = [
    "SCHEMAC_TEST_PG_HOST",
    "SCHEMAC_TEST_PG_PORT",
    "SCHEMAC_TEST_PG_USER",
    "SCHEMAC_TEST_PG_PASSWORD",
    "SCHEMAC_PG_BINDIR",
]
for var in PG_VARS:
    if var in os.environ:
        config.environment[var] = os.environ[var]


def postgresql_reachable():
    host = os.environ.get("SCHEMAC_TEST_PG_HOST")
    if not host:
        return False, "SCHEMAC_TEST_PG_HOST is not set"
    bindir = os.environ.get("SCHEMAC_PG_BINDIR", "/usr/lib/postgresql/15/bin")
    cmd = [
        os.path.join(bindir, "pg_isready"),
        "-q",
        "-t",
        "10",
        "-h",
        host,
        "-p",
        os.environ.get("SCHEMAC_TEST_PG_PORT", "5432"),
    ]
    try:
        if subprocess.run(cmd).returncode == 0:
            return True, ""
    except OSError as error:
        return False, f"cannot run pg_isready: {error}"
    return False, f"no server answers at {host}"


require_env = os.environ.get("SCHEMAC_REQUIRE_DB") == "1"
require_db = lit_config.params.get("require-postgresql", "0") == "1" or require_env
pg_ok, pg_why = postgresql_reachable()
if pg_ok:
    config.available_features.add("postgresql")
elif require_db:
    lit_config.fatal(
        f"PostgreSQL is required but unavailable ({pg_why}); run the suite "
        "under test/scripts/with-postgres.sh"
    )
else:
    lit_config.note(f"PostgreSQL tests are unsupported: {pg_why}")

# MariaDB: the feature `mysql` exists when a server answers on the socket in
# SCHEMAC_TEST_MYSQL_SOCKET (test/scripts/with-mariadb.sh sets it). With
# --param require-mysql=1 or SCHEMAC_REQUIRE_DB=1 a missing server is a
# configuration error.
MYSQL_VARS = [
    "SCHEMAC_TEST_MYSQL_SOCKET",
    "SCHEMAC_TEST_MYSQL_USER",
    "SCHEMAC_TEST_MYSQL_PASSWORD",
]
for var in MYSQL_VARS:
    if var in os.environ:
        config.environment[var] = os.environ[var]


def mysql_reachable():
    socket = os.environ.get("SCHEMAC_TEST_MYSQL_SOCKET")
    if not socket:
        return False, "SCHEMAC_TEST_MYSQL_SOCKET is not set"
    admin = shutil.which("mariadb-admin") or shutil.which("mysqladmin")
    if not admin:
        return False, "mariadb-admin is not on PATH"
    cmd = [
        admin,
        "--no-defaults",
        "--protocol=socket",
        f"--socket={socket}",
        f"--user={os.environ.get('SCHEMAC_TEST_MYSQL_USER', 'root')}",
        "--connect-timeout=10",
        "ping",
    ]
    env = dict(os.environ)
    if "SCHEMAC_TEST_MYSQL_PASSWORD" in env:
        env["MYSQL_PWD"] = env["SCHEMAC_TEST_MYSQL_PASSWORD"]
    result = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if result.returncode == 0:
        return True, ""
    return False, f"no server answers at {socket}: {result.stderr.strip()}"


require_mysql = lit_config.params.get("require-mysql", "0") == "1" or require_env
mysql_ok, mysql_why = mysql_reachable()
if mysql_ok:
    config.available_features.add("mysql")
elif require_mysql:
    lit_config.fatal(
        f"MariaDB is required but unavailable ({mysql_why}); run the suite "
        "under test/scripts/with-mariadb.sh"
    )
else:
    lit_config.note(f"MariaDB tests are unsupported: {mysql_why}")

# SQLite needs no server: the `sqlite3` shell (Debian package sqlite3, listed
# in .ci/install-deps) runs each test's SQL on a fresh database file.
if shutil.which("sqlite3", path=config.environment["PATH"]):
    config.available_features.add("sqlite")
elif require_db:
    lit_config.fatal("sqlite3 is required but not on PATH")
else:
    lit_config.note("SQLite tests are unsupported: sqlite3 is not on PATH")

# --interactive is tested on a pseudo-terminal (test/diff/Inputs/on-tty.py).
try:
    import pty as _pty  # noqa: F401

    _master, _slave = os.openpty()
    os.close(_master)
    os.close(_slave)
    config.available_features.add("pty")
except (ImportError, OSError) as error:
    lit_config.note(f"pseudo-terminal tests are unsupported: {error}")

# Node: the feature `node` exists when test/ts's pinned npm packages
# (drizzle-orm and its drivers) are installed and load (test/ts/install.sh,
# which .ci/install-deps runs). When the suite requires its databases
# (--param require-postgresql=1, as CTest runs it, or SCHEMAC_REQUIRE_DB=1)
# or --param require-node=1, a missing install is a configuration error.
ts_dir = os.path.join(config.test_source_root, "ts")
node = shutil.which("node", path=config.environment["PATH"])
config.substitutions.append(("%{ts}", shlex.quote(ts_dir)))
config.substitutions.append(("%node", shlex.quote(node or "node")))
node_why = "node is not on PATH"
if node:
    loads = subprocess.run(
        [node, "-e", "require('drizzle-orm'); require('better-sqlite3'); require('pg')"],
        cwd=ts_dir,
        capture_output=True,
        text=True,
    )
    node_why = f"test/ts's packages do not load: {loads.stderr.strip()[-300:]}"
    if loads.returncode == 0:
        config.available_features.add("node")
if "node" not in config.available_features:
    if lit_config.params.get("require-node", "0") == "1" or require_db:
        lit_config.fatal(
            f"Node is required but unavailable ({node_why}); run test/ts/install.sh"
        )
    lit_config.note(f"Node tests are unsupported: {node_why}")
