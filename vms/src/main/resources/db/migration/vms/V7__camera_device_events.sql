-- What cameras report of their scene (ONVIF events: motion, tampering) joins the status changes in one ordered
-- stream, told apart by kind (GET /internal/camera-events?after=&kind=). A status change has a status; motion and
-- tampering have active (started true, ended false) and, in reason, what the camera said.
ALTER TABLE camera_status_event
    ADD COLUMN kind   text NOT NULL DEFAULT 'STATUS' CHECK (kind IN ('STATUS', 'MOTION', 'TAMPERING')),
    ADD COLUMN active boolean,
    ALTER COLUMN status DROP NOT NULL,
    ADD CONSTRAINT camera_status_event_shape CHECK (
        (kind = 'STATUS' AND status IS NOT NULL AND active IS NULL)
        OR (kind <> 'STATUS' AND status IS NULL AND active IS NOT NULL));
CREATE INDEX camera_status_event_timeline ON camera_status_event (camera_id, at);

-- How the camera's event subscription stands ("subscribed", "the device offers no events", or why it failed).
ALTER TABLE camera ADD COLUMN events_state text CHECK (events_state IS NULL OR length(events_state) <= 500);
