-- Single sign-on with OpenID Connect (org.gcmreview.identity.SingleSignOn, issue 18.1).
--
-- A person who signs in through a provider and whose claims do not say what they are is PENDING: the account
-- exists, reaches nothing but the "waits for approval" page, and keeps the country it claimed (if any) so that
-- this country's coordinator can find it. An administrator or that coordinator then gives it its role.
alter table app_user drop constraint app_user_role_check;
alter table app_user add constraint app_user_role_check check (role in
    ('COORDINATOR', 'MINISTRY', 'STAKEHOLDER', 'REGIONAL_SECRETARIAT', 'IMRF_SECRETARIAT', 'ADMIN', 'PENDING'));

-- The link between a provider's person and an account: by issuer and subject, the only pair a provider promises
-- never to give anyone else (an e-mail address can change hands, so it never links on its own).
create table sso_identity (
    issuer text not null,
    subject varchar(255) not null,
    user_id bigint not null unique references app_user (id),
    provider varchar(40) not null,
    linked_at timestamptz not null default now(),
    last_sign_in timestamptz not null default now(),
    primary key (issuer, subject)
);
