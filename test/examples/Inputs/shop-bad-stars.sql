insert into customers (id, email) values (1, 'a@b');
insert into products (sku, title) values ('P', 'p');
insert into reviews (id, sku, stars) values (1, 'P', 6);
