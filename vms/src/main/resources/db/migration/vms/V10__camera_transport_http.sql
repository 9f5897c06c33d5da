-- RTSP tunnelled over HTTP, for cameras reached only through their HTTP port.
ALTER TABLE camera DROP CONSTRAINT IF EXISTS camera_transport_check;
ALTER TABLE camera ADD CONSTRAINT camera_transport_check
    CHECK (transport IS NULL OR transport IN ('auto', 'tcp', 'udp', 'http'));
