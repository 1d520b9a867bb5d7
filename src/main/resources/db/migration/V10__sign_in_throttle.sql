-- Sign-in attempts per username + client address (access/SignInThrottle), shared by every app
-- instance. failures: wrong passwords in the window; pending: attempts admitted and still being
-- checked. Changed only under the row's lock; a correct password clears the row; the window runs
-- from the pair's first attempt and everything resets once it has passed.
create table sign_in_attempt (
    key_hash     char(64)    primary key,  -- SHA-256 of lower(username) | address: never the name itself
    window_start timestamptz not null,
    failures     integer     not null,
    pending      integer     not null
);

create index sign_in_attempt_window_idx on sign_in_attempt (window_start);
