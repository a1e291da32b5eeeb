// ===- migrate.mjs - drizzle-orm's own migrator on a migrations folder ----===//
//
//   node test/ts/migrate.mjs postgresql URL DIR
//   node test/ts/migrate.mjs sqlite FILE DIR
//
// Runs drizzle-orm's runtime `migrate(db, { migrationsFolder: DIR })`, the
// one a TypeScript application calls at start-up, with node-postgres or
// better-sqlite3 (pinned in package-lock.json), then prints how many
// migrations that run recorded. On failure it prints the error and exits 1.
// test/diff/layouts-drizzle.test runs it on folders `schemac generate
// --layout drizzle` wrote.
//
// ===--------------------------------------------------------------------===//
import process from "node:process";

const [dialect, target, folder] = process.argv.slice(2);
if (!dialect || !target || !folder) {
  console.error("usage: migrate.mjs postgresql|sqlite URL|FILE DIR");
  process.exit(2);
}

/// Runs the migrator; returns [rows recorded before, rows after].
async function postgresql() {
  const { default: pg } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  // Quiet NOTICEs ("schema drizzle already exists, skipping").
  client.on("notice", () => {});
  const count = async () => {
    const r = await client.query(
      "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'drizzle' " +
        "AND tablename = '__drizzle_migrations'");
    if (r.rows[0].n === 0) return 0;
    return (await client.query(
      "SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations")).rows[0].n;
  };
  try {
    const before = await count();
    await migrate(drizzle(client), { migrationsFolder: folder });
    return [before, await count()];
  } finally {
    await client.end();
  }
}

async function sqlite() {
  const { default: Database } = await import("better-sqlite3");
  const { drizzle } = await import("drizzle-orm/better-sqlite3");
  const { migrate } = await import("drizzle-orm/better-sqlite3/migrator");
  const file = new Database(target);
  const count = () => {
    const exists = file.prepare(
      "SELECT count(*) AS n FROM sqlite_master WHERE name = '__drizzle_migrations'").get();
    if (exists.n === 0) return 0;
    return file.prepare("SELECT count(*) AS n FROM __drizzle_migrations").get().n;
  };
  try {
    const before = count();
    migrate(drizzle(file), { migrationsFolder: folder });
    return [before, count()];
  } finally {
    file.close();
  }
}

try {
  const runners = { postgresql, sqlite };
  if (!runners[dialect]) throw new Error(`unknown dialect '${dialect}'`);
  const [before, after] = await runners[dialect]();
  console.log(`drizzle: ${after - before} migrations applied, ${after} recorded`);
} catch (error) {
  console.error(`drizzle: ${error.message}${error.cause ? ` (${error.cause.message})` : ""}`);
  process.exit(1);
}
