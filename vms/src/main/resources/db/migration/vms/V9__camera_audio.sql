-- Whether a camera's sound is kept (recorded, played live and back, exported). Off by default: Dubai's rules forbid
-- recording sound from cameras unless approved, so an administrator turns it on naming the approval it rests on.
ALTER TABLE camera ADD COLUMN audio_approval text;
ALTER TABLE camera ADD COLUMN audio_changed_at timestamptz;
