-- An organiser can deactivate a school's or a juror's account: it cannot sign in, its history stays.
alter table app_user add column deactivated_at timestamptz;
