-- A to-do app's database, written by hand the way SQLite tutorials do:
-- INTEGER PRIMARY KEY rowids, inline REFERENCES, unnamed UNIQUE and CHECK,
-- BOOLEAN stored as 0/1, dates as TEXT with datetime defaults.
PRAGMA foreign_keys = ON;

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email VARCHAR(255) NOT NULL UNIQUE,
  name TEXT,
  is_admin BOOLEAN NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE lists (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  owner_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  title VARCHAR(100) NOT NULL,
  color TEXT DEFAULT 'blue' CHECK (color IN ('blue', 'green', 'red')),
  archived BOOLEAN DEFAULT 0,
  UNIQUE (owner_id, title)
);

CREATE TABLE items (
  id INTEGER PRIMARY KEY,
  list_id INTEGER NOT NULL REFERENCES lists ON DELETE CASCADE,
  body TEXT NOT NULL CHECK (length(body) > 0),
  done BOOLEAN NOT NULL DEFAULT 0,
  priority INTEGER NOT NULL DEFAULT 2 CHECK (priority BETWEEN 1 AND 3),
  due_date TEXT,
  position REAL,
  created_at TEXT NOT NULL DEFAULT (datetime('now')),
  updated_at TEXT
);

CREATE TABLE item_tags (
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  tag VARCHAR(30) NOT NULL COLLATE NOCASE,
  PRIMARY KEY (item_id, tag)
);

CREATE INDEX items_open ON items(list_id, priority) WHERE done = 0;
CREATE INDEX idx_items_due ON items (due_date);
CREATE UNIQUE INDEX users_email_lower ON users (lower(email));

CREATE VIEW open_items AS
  SELECT i.id, i.body, l.title AS list
  FROM items i JOIN lists l ON l.id = i.list_id
  WHERE i.done = 0;
