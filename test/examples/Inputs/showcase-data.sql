-- Rows for showcase-postgresql.test: exercises defaults, generated columns,
-- cascades and the deferred order <-> order_lines cycle.
\set QUIET on
insert into users (email) values ('a@example.com');
select email, role, email_lower, active from users;
insert into tickets (number, title, priority, kind) values (1, 'crash', 1, 'bug');
select label, count(*) from tickets group by label;
begin;
set constraints shop.orders_favourite_fkey deferred;
insert into shop.orders (id, buyer_id, favourite) values (10, 1, 20);
insert into shop.order_lines (id, order_id, product, quantity, price) values (20, 10, 'pen', 5, 2.50);
commit;
select amount from shop.order_lines;
update shop.orders set favourite = null;
delete from shop.orders;
select count(*) from shop.order_lines;
