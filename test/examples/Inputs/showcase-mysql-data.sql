insert into accounts (handle) values ('Ann');
insert into media (id, owner_id, kind, title, width, height, taken_year) values (10, 1, 'video', 'Holiday', 1920, 1080, 2024);
insert into tags (media_id, tag) values (10, 'sea');
update accounts set favourite = 10;
select id, lower(handle), handle_lower, karma, balance, settings from accounts;
select id, owner_id, kind, width, height, pixels, taken_year from media;
select id, lower(handle), title from media_owners;
delete from accounts where id = 1;
select (select count(*) from media), (select count(*) from tags);
