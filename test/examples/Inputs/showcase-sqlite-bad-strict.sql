insert into projects (name, priority) values ('a', 'high');
