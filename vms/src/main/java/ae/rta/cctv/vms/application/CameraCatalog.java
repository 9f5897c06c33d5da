package ae.rta.cctv.vms.application;

import ae.rta.cctv.common.domain.PrintableText;
import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.web.ProblemException;
import ae.rta.cctv.vms.application.port.out.CameraRepository;
import ae.rta.cctv.vms.domain.Camera;
import ae.rta.cctv.vms.domain.CameraHealth;
import ae.rta.cctv.vms.domain.CameraSource;
import ae.rta.cctv.vms.domain.Credentials;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/** Adding, finding and removing cameras. Every input is checked before anything is written. */
public final class CameraCatalog {

    private final CameraRepository cameras;
    private final StreamAddressPolicy addresses;
    private final List<String> upstreamServers;

    /** @param upstreamServers the ids of the configured XProtect servers */
    public CameraCatalog(CameraRepository cameras, StreamAddressPolicy addresses, List<String> upstreamServers) {
        this.cameras = cameras;
        this.addresses = addresses;
        this.upstreamServers = List.copyOf(upstreamServers);
    }

    /**
     * A camera to add.
     *
     * @param source {@code type} ("rtsp"), {@code url}, optional {@code subUrl}, {@code username}, {@code password}
     */
    public record NewCamera(String name, String nameAr, String agency, Boolean ptz, SourceSpec source) {
    }

    /**
     * The source part of a new camera, as given.
     *
     * @param transport how its media must be reached: {@code auto} (the default: interleaved TCP, then UDP when the
     *     camera refuses TCP), {@code tcp}, {@code udp}, or {@code http} (RTSP tunnelled over HTTP, to the URL's host
     *     and port)
     */
    public record SourceSpec(String type, String url, String subUrl, String username, String password, String address,
            String server, String cameraId, String transport) {

        /** The transport, checked: null when none was given. */
        public String checkedTransport() {
            if (transport == null || transport.isBlank()) {
                return null;
            }
            String t = transport.strip().toLowerCase(Locale.ROOT);
            if (!t.equals("auto") && !t.equals("tcp") && !t.equals("udp") && !t.equals("http")) {
                throw new IllegalArgumentException("source.transport must be auto, tcp, udp or http");
            }
            return t;
        }
    }

    /**
     * @throws IllegalArgumentException for a bad name, URL, address or credentials (400)
     * @throws ProblemException 400 for an unknown agency or a source type not supported yet
     */
    public Camera add(NewCamera request) {
        if (request.source() == null || request.source().type() == null) {
            throw new IllegalArgumentException("source.type is required");
        }
        AgencyCode agency = new AgencyCode(request.agency() == null ? "" : request.agency());
        if (!cameras.findAgencyCodes().contains(agency)) {
            throw ProblemException.badRequest("agency " + agency + " does not exist");
        }
        CameraSource source = source(request.source());
        String transport = request.source().checkedTransport();
        Camera camera = new Camera(CameraId.random(), request.name(), request.nameAr(), agency, source,
                Boolean.TRUE.equals(request.ptz()), CameraHealth.UNKNOWN);
        cameras.addIfAbsent(camera);
        if (transport != null) {
            cameras.setTransport(camera.id(), transport);
        }
        return camera;
    }

    /**
     * A camera built from {@code spec} as {@link #add} would build it, checked the same way, and not saved: what a
     * connection test probes before an administrator saves a camera.
     *
     * @throws IllegalArgumentException for a bad URL, address or credentials (400)
     */
    public Camera candidate(SourceSpec spec) {
        if (spec == null || spec.type() == null) {
            throw new IllegalArgumentException("source.type is required");
        }
        spec.checkedTransport();
        return new Camera(CameraId.random(), "connection test", null, new AgencyCode("TEST"), source(spec), false,
                CameraHealth.UNKNOWN);
    }

    private CameraSource source(SourceSpec spec) {
        return switch (spec.type().toLowerCase(Locale.ROOT)) {
            case "rtsp" -> {
                URI main = addresses.check("source.url", spec.url());
                URI sub = spec.subUrl() == null || spec.subUrl().isBlank() ? null : addresses.check("source.subUrl", spec.subUrl());
                Credentials credentials = null;
                if (spec.username() != null || spec.password() != null) {
                    if (spec.username() == null || spec.password() == null) {
                        throw new IllegalArgumentException("source.username and source.password go together");
                    }
                    credentials = new Credentials(spec.username(), spec.password());
                }
                yield new CameraSource.Rtsp(main, sub, credentials);
            }
            case "onvif" -> {
                URI device = addresses.checkService("source.address", spec.address());
                if (spec.username() == null || spec.password() == null) {
                    throw new IllegalArgumentException("an ONVIF camera needs source.username and source.password");
                }
                yield new CameraSource.Onvif(device, new Credentials(spec.username(), spec.password()));
            }
            case "milestone" -> {
                if (spec.server() == null || !upstreamServers.contains(spec.server())) {
                    throw ProblemException.badRequest("source.server must be a configured XProtect server: " + upstreamServers);
                }
                yield new CameraSource.Milestone(spec.server(), spec.cameraId());
            }
            default -> throw new IllegalArgumentException("source.type must be rtsp, onvif or milestone");
        };
    }

    /**
     * Adds an agency.
     *
     * @throws IllegalArgumentException for a bad code or name
     * @throws ProblemException 409 when the code is taken
     */
    public AgencyCode addAgency(String code, String name, String nameAr) {
        AgencyCode agency = new AgencyCode(code == null ? "" : code);
        String checkedName = requireText("name", name);
        String checkedNameAr = nameAr == null || nameAr.isBlank() ? null : requireText("nameAr", nameAr);
        if (!cameras.addAgencyIfAbsent(agency, checkedName, checkedNameAr)) {
            throw ProblemException.conflict("An agency with code " + agency + " exists.");
        }
        return agency;
    }

    private static String requireText(String field, String value) {
        if (value == null || value.isBlank() || value.strip().length() > Camera.MAX_NAME_LENGTH
                || !PrintableText.isLine(value)) {
            throw new IllegalArgumentException(field + " must be 1 to " + Camera.MAX_NAME_LENGTH + " printable characters");
        }
        return value.strip();
    }

    /**
     * How to reach a camera's media now: what an administrator set, else what its probes found, else {@code auto}.
     *
     * @param found what the health probes found ({@code tcp}, {@code udp}), or null
     */
    public String transport(CameraId id, String found) {
        return cameras.transport(id).filter(t -> !t.equals("auto")).orElse(found == null ? "auto" : found);
    }

    /** The longest approval reference an administrator may give. */
    public static final int MAX_APPROVAL_LENGTH = 200;

    /**
     * Turns a camera's sound on (kept in recording, live, playback and export) or off (the default). Turning it on
     * needs the approval it rests on, in words ({@code RTA-PRIV-2026-0142}): Dubai's rules forbid recording sound
     * from cameras unless approved.
     *
     * @param approval the approval reference; required when {@code enabled}, ignored when not
     * @return the approval now in force, or null when audio is off
     * @throws IllegalArgumentException when enabling without a printable approval of 1 to 200 characters
     * @throws ProblemException 404 for no such camera
     */
    public String setAudio(CameraId id, boolean enabled, String approval, java.time.Instant at) {
        get(id);
        String kept = null;
        if (enabled) {
            if (approval == null || approval.isBlank() || approval.strip().length() > MAX_APPROVAL_LENGTH
                    || !PrintableText.isLine(approval)) {
                throw new IllegalArgumentException("approval must name the approval the camera's audio is kept under "
                        + "(1 to " + MAX_APPROVAL_LENGTH + " printable characters): recording sound needs one");
            }
            kept = approval.strip();
        }
        cameras.setAudio(id, kept, at);
        return kept;
    }

    /** The approval each camera whose audio is on rests on; cameras not in the map keep no sound. */
    public Map<CameraId, String> audioApprovals() {
        return cameras.audioApprovals();
    }

    public List<Camera> all() {
        return cameras.findAll();
    }

    /** @throws ProblemException 404 for no such camera */
    public Camera get(CameraId id) {
        return cameras.findById(id).orElseThrow(() -> ProblemException.notFound("No camera has id " + id + "."));
    }

    /** @throws ProblemException 404 for no such camera */
    public void remove(CameraId id) {
        if (!cameras.delete(id)) {
            throw ProblemException.notFound("No camera has id " + id + ".");
        }
    }
}
