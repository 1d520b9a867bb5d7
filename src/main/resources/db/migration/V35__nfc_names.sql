-- V33 brought the stored names into NFC but left out the children's first names and their guardians'
-- names; both are stored in NFC from now on too (common/NfcText), so the rows written before are
-- brought into the same form.
update participant set first_name = normalize(first_name, NFC) where first_name is not nfc normalized;
update guardian_consent set guardian_name = normalize(guardian_name, NFC) where guardian_name is not nfc normalized;
