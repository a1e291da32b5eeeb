-- A database the way a person writes it by hand, not made by schemac:
-- type aliases, SERIAL, inline REFERENCES, unnamed constraints, quoted
-- defaults, CREATE INDEX ... USING gin, comments added afterwards.

CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');

CREATE TABLE accounts (
  id SERIAL PRIMARY KEY,
  login VARCHAR(20) NOT NULL UNIQUE,
  email varchar(255) NOT NULL,
  is_admin bool DEFAULT 'f' NOT NULL,
  karma int4 DEFAULT '0',
  balance decimal(8,2) NOT NULL DEFAULT 0,
  mood mood DEFAULT 'ok',
  created timestamp with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  meta json,
  CHECK (karma >= -100),
  CONSTRAINT login_lower CHECK (login = lower(login))
);

CREATE TABLE posts (
  id bigserial PRIMARY KEY,
  account_id integer NOT NULL REFERENCES accounts ON DELETE CASCADE,
  title varchar(200) NOT NULL CHECK (char_length(title) > 3),
  body text DEFAULT '' NOT NULL,
  tags text[] NOT NULL DEFAULT '{}'::text[],
  score float8 DEFAULT 0.0,
  published boolean NOT NULL DEFAULT FALSE,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'live', 'gone')),
  UNIQUE (account_id, title)
);

CREATE TABLE post_likes (
  post_id int8 REFERENCES posts(id) ON DELETE CASCADE,
  account_id int4 REFERENCES accounts(id),
  liked_at timestamptz DEFAULT now(),
  PRIMARY KEY (post_id, account_id)
);

CREATE SEQUENCE ticket_seq START 100 INCREMENT BY 2;

CREATE TABLE tickets (
  no integer NOT NULL DEFAULT nextval('ticket_seq') PRIMARY KEY,
  subject text NOT NULL,
  opened date DEFAULT CURRENT_DATE,
  due interval DEFAULT '7 days'
);
ALTER SEQUENCE ticket_seq OWNED BY tickets.no;

CREATE INDEX posts_tags_idx ON posts USING gin (tags);
CREATE INDEX ON posts (account_id, published) WHERE published;
CREATE INDEX posts_title_prefix ON posts (title varchar_pattern_ops);
CREATE INDEX accounts_meta_idx ON accounts USING hash (login);
CREATE UNIQUE INDEX accounts_email_ci ON accounts (lower(email));
CREATE INDEX ON post_likes (liked_at DESC);

CREATE VIEW live_posts AS SELECT id, title FROM posts WHERE status = 'live';

COMMENT ON TABLE accounts IS 'People who can sign in';
COMMENT ON COLUMN accounts.karma IS 'Reputation';
COMMENT ON INDEX accounts_email_ci IS 'Case-insensitive e-mail';
COMMENT ON TYPE mood IS 'How they feel';
