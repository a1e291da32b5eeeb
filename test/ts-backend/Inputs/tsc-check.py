#!/usr/bin/env python3
# ===- tsc-check.py - type-check emitted TypeScript with the pinned tsc -----===#
#
# Usage: tsc-check.py FILE.ts...
#
# Runs `tsc --noEmit --strict` from the npm test project test/ts/ (pinned
# typescript and drizzle-orm) on the given files. The files live in a lit
# temporary folder outside test/ts/, so this links test/ts/node_modules
# beside them (module resolution searches upward from each file) and writes
# a tsconfig.json there. Exits with tsc's status; its messages go to stdout.
#
# ===------------------------------------------------------------------------===#
import json
import os
import shutil
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
project = os.path.normpath(os.path.join(here, "..", "..", "ts"))
modules = os.path.join(project, "node_modules")
tsc = os.path.join(modules, "typescript", "bin", "tsc")

files = [os.path.abspath(f) for f in sys.argv[1:]]
if not files:
    sys.exit("usage: tsc-check.py FILE.ts...")
if not os.path.exists(tsc):
    sys.exit(f"tsc-check.py: {tsc} is missing: run test/ts/install.sh")
folder = os.path.dirname(files[0])
link = os.path.join(folder, "node_modules")
if not os.path.lexists(link):
    os.symlink(modules, link)
config = {
    "compilerOptions": {
        "strict": True,
        "noEmit": True,
        "target": "ES2022",
        "module": "NodeNext",
        "moduleResolution": "NodeNext",
        "skipLibCheck": True,
        "types": [],
    },
    "files": files,
}
with open(os.path.join(folder, "tsconfig.json"), "w") as f:
    json.dump(config, f, indent=2)
node = shutil.which("node") or "node"
result = subprocess.run(
    [node, tsc, "--noEmit", "--strict", "-p", os.path.join(folder, "tsconfig.json")],
    cwd=folder,
)
sys.exit(result.returncode)
