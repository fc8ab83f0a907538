-- What participants hear of each other's coming and going.
ALTER TABLE conferences ADD COLUMN entry_exit_beep boolean NOT NULL DEFAULT false;
ALTER TABLE conferences ADD COLUMN only_person_prompt boolean NOT NULL DEFAULT false;
