-- Issue 9: an upload in flight beats on its PENDING row (UploadsInFlight), so every instance's
-- reconciler judges a PENDING row by its last sign of life, not by when it was created.
alter table entry_file add column heartbeat_at timestamptz not null default now();

drop index entry_file_pending_idx;
create index entry_file_pending_idx on entry_file (heartbeat_at) where status = 'PENDING';
