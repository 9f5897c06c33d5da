-- How an administrator says a camera's media must be reached (auto: interleaved TCP, then UDP when the camera refuses
-- TCP; tcp or udp only). Null is auto. What the health probes find is kept in memory and used when this is auto.
ALTER TABLE camera ADD COLUMN transport text CHECK (transport IS NULL OR transport IN ('auto', 'tcp', 'udp'));
