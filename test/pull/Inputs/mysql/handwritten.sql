-- A database written by hand, the way people write MySQL DDL: INT(11),
-- BOOLEAN, inline KEY definitions, ENUM, unnamed constraints, inline
-- REFERENCES, CURRENT_TIMESTAMP defaults, utf8mb4 table options.

CREATE TABLE users (
  id INT(11) NOT NULL AUTO_INCREMENT,
  email VARCHAR(255) NOT NULL,
  name VARCHAR(100) DEFAULT NULL,
  is_admin BOOLEAN NOT NULL DEFAULT FALSE,
  status ENUM('active','banned','deleted') NOT NULL DEFAULT 'active',
  karma INT UNSIGNED DEFAULT 0,
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  profile JSON,
  PRIMARY KEY (id),
  UNIQUE KEY email (email),
  KEY idx_status_created (status, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='Registered users';

CREATE TABLE posts (
  id BIGINT(20) UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id INT(11) NOT NULL,
  title VARCHAR(200) NOT NULL COMMENT 'Shown in lists',
  body TEXT,
  views INT(10) UNSIGNED NOT NULL DEFAULT '0',
  rating DECIMAL(3,1) DEFAULT NULL,
  published TINYINT(1) NOT NULL DEFAULT 0,
  published_at DATETIME DEFAULT NULL,
  slug VARCHAR(200) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  KEY (user_id),
  UNIQUE (slug),
  CONSTRAINT fk_posts_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CHECK (views >= 0),
  CONSTRAINT rating_range CHECK (rating BETWEEN 0 AND 10)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE comments (
  id INT NOT NULL AUTO_INCREMENT,
  post_id BIGINT UNSIGNED NOT NULL REFERENCES posts (id),
  author VARCHAR(80) NOT NULL DEFAULT 'anonymous',
  body MEDIUMTEXT NOT NULL,
  score SMALLINT DEFAULT -1 CHECK (score >= -1),
  created DATE NOT NULL DEFAULT (CURRENT_DATE),
  PRIMARY KEY (id),
  INDEX comments_post (post_id, created DESC),
  INDEX comments_body (body(100)) COMMENT 'prefix search'
);

CREATE TABLE tags (
  post_id BIGINT UNSIGNED NOT NULL,
  tag CHAR(20) NOT NULL,
  PRIMARY KEY (post_id, tag),
  FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE
);

CREATE VIEW recent_posts AS
  SELECT p.id, p.title, u.email
  FROM posts p JOIN users u ON u.id = p.user_id
  WHERE p.published = 1;
