-- Footage that was imported (POST .../recordings/import), not recorded from the camera: marked so playback, the
-- timeline and export manifests say so. Imports so far are the segments no recorder's lease wrote.
ALTER TABLE segment ADD COLUMN imported boolean NOT NULL DEFAULT false;
UPDATE segment SET imported = true WHERE fencing_token < 0;
