insert into projects (name) values ('a'); insert into tasks (id, project_id, title, state) values (1, 1, 't', 'done');
