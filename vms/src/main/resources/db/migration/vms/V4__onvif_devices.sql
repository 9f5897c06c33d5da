-- The ONVIF device service address of ONVIF cameras (http or https), whose stream URLs are asked of the device.
ALTER TABLE camera ADD COLUMN device_address text CHECK (device_address IS NULL OR length(device_address) <= 2048);
