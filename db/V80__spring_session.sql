-- HTTP sessions in the database (Spring Session JDBC), shared by every app node: a user signed in on one node
-- is signed in on all of them, and a node can be stopped or killed without signing anybody out.
-- Spring Session's own schema for PostgreSQL (spring-session-jdbc 3.5, schema-postgresql.sql), created here by
-- Flyway instead of spring.session.jdbc.initialize-schema, so every node and every environment gets the same
-- tables at the same time as the rest of the schema. Expired sessions are deleted by every node's cleanup job.
create table spring_session (
    primary_id char(36) not null,
    session_id char(36) not null,
    creation_time bigint not null,
    last_access_time bigint not null,
    max_inactive_interval int not null,
    expiry_time bigint not null,
    principal_name varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36) not null,
    attribute_name varchar(200) not null,
    attribute_bytes bytea not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);
