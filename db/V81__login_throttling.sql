-- Login throttling, kept in the database so that it holds across app nodes: an attacker cannot spread guesses
-- over the nodes behind the load balancer, and a restart does not lift a lock.

-- One row per failed sign-in (wrong password or unknown user name). Counted per user name and per client
-- address over a sliding window; a successful sign-in deletes the user name's rows.
create table login_failure (
    id bigserial primary key,
    username varchar(200) not null,
    client_address varchar(64) not null,
    failed_at timestamptz not null default now()
);
create index login_failure_username_idx on login_failure (username, failed_at);
create index login_failure_address_idx on login_failure (client_address, failed_at);
create index login_failure_failed_at_idx on login_failure (failed_at);

-- A lock on a user name or a client address: no sign-in through it, even with the right password, until
-- locked_until.
create table login_lock (
    kind varchar(10) not null check (kind in ('USERNAME', 'ADDRESS')),
    subject varchar(200) not null,
    locked_until timestamptz not null,
    locked_at timestamptz not null default now(),
    primary key (kind, subject)
);
