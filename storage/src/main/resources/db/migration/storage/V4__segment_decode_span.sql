-- Where each file sits on its recording run's decode timeline (issue 19 item 8): files of one run continue each other
-- (the next file's first decode time is where this one ends), so playback lists them without a discontinuity.
-- NULL for files indexed before this was kept: they play with a discontinuity each, as before.
ALTER TABLE segment
    ADD COLUMN decode_timescale bigint,
    ADD COLUMN decode_first bigint,
    ADD COLUMN decode_end bigint;
