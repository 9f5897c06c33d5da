package ae.rta.cctv.vms.domain;

import java.net.URI;
import java.util.Objects;

/** How the system reaches a camera's video; each kind is served by its own connector. */
public sealed interface CameraSource {

    SourceType type();

    /**
     * A camera at fixed RTSP URLs.
     *
     * @param sub the sub-stream, or null when the camera has only one
     * @param credentials its login, or null
     */
    record Rtsp(URI main, URI sub, Credentials credentials) implements CameraSource {
        public Rtsp {
            Objects.requireNonNull(main, "main");
        }

        @Override
        public SourceType type() {
            return SourceType.RTSP;
        }
    }

    /**
     * An ONVIF device, asked for its stream URLs ({@code GetStreamUri}) and driven through its PTZ service.
     *
     * @param deviceService the device service URL, e.g. {@code http://10.0.0.5/onvif/device_service}
     */
    record Onvif(URI deviceService, Credentials credentials) implements CameraSource {
        public Onvif {
            Objects.requireNonNull(deviceService, "deviceService");
            Objects.requireNonNull(credentials, "credentials");
        }

        @Override
        public SourceType type() {
            return SourceType.ONVIF;
        }
    }

    /**
     * A camera of an agency's Milestone XProtect system, reached through its Open Network Bridge.
     *
     * @param server the configured XProtect server's id
     * @param cameraGuid the camera's id in XProtect
     */
    record Milestone(String server, String cameraGuid) implements CameraSource {
        private static final java.util.regex.Pattern GUID =
                java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

        public Milestone {
            Objects.requireNonNull(server, "server");
            if (cameraGuid == null || !GUID.matcher(cameraGuid).matches()) {
                throw new IllegalArgumentException("source.cameraId must be the camera's XProtect GUID");
            }
            cameraGuid = cameraGuid.toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public SourceType type() {
            return SourceType.MILESTONE;
        }
    }

    /** A demo camera of the built-in simulator. */
    record Simulator() implements CameraSource {
        @Override
        public SourceType type() {
            return SourceType.SIMULATOR;
        }
    }
}
