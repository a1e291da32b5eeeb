-- The task refers to a project inserted later in the same transaction: the
-- foreign key is checked at COMMIT.
begin;
insert into tasks (id, project_id, title, estimate, spent) values (1, 1, 'plan', 2, 0);
insert into projects (name) values ('Alpha');
commit;
insert into tasks (id, project_id, parent_id, title, estimate, spent) values (2, 1, 1, 'do', 1, 2);
select id, name, created_at from projects;
select id, project_id, left_over, late from tasks order by id;
select lower(name), n from busy_projects;
-- Deleting task 1 sets its child's parent to the default (NULL); AUTOINCREMENT
-- never hands out a deleted id again.
delete from tasks where id = 1;
insert into projects (name) values ('Beta');
delete from projects where name = 'Beta';
insert into projects (name) values ('Gamma');
select max(id), count(*) - 2 from projects;
select count(*) from tasks where parent_id is null and id = 2;
