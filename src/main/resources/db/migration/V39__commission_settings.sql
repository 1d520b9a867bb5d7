-- The commission's name and logo as an organiser sets them (settings/CommissionSettings); the
-- configuration (juryroom.web.commission-name, -logo) stays the default for what is not set here.
-- One row, made here, so a change is an update (whose trigger fires once). The logo is the clean copy
-- that storage's privacy scrubber made of the upload (metadata removed), small enough (1 MiB) to live
-- in the row, so a change is one transaction.
create table commission_settings (
    id          smallint     primary key default 1 check (id = 1),
    name        varchar(120),
    logo        bytea,
    logo_type   varchar(40),
    logo_sha256 char(64),
    updated_at  timestamptz,
    updated_by  bigint       references app_user (id) on delete set null,
    check ((logo is null) = (logo_type is null) and (logo is null) = (logo_sha256 is null))
);
insert into commission_settings (id) values (1);

-- Every published gallery shows the name and logo: a change is a public change of each published
-- competition (V27's table, whose V36 trigger notifies every instance), in the same transaction.
create function commission_public_change() returns trigger language plpgsql as $$
begin
    insert into public_change (competition_id) select id from competition where status = 'PUBLISHED';
    return null;
end $$;
create trigger commission_settings_public_change after update on commission_settings
    for each statement execute function commission_public_change();
