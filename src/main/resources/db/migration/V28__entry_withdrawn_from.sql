-- The status an entry had when its school withdrew it (DRAFT or SUBMITTED): the school may undo the
-- withdrawal before the deadline. Null for entries withdrawn otherwise (a guardian's consent withdrawn,
-- a safeguarding exclusion), which cannot come back.
alter table entry add column withdrawn_from varchar(20);
