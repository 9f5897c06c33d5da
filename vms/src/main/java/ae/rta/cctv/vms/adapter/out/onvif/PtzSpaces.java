package ae.rta.cctv.vms.adapter.out.onvif;

import java.util.List;
import java.util.Locale;

/**
 * The coordinate spaces a PTZ node offers for each kind of move, with their ranges, as its
 * {@code GetConfigurationOptions} answers them (ONVIF PTZ Service Specification 5.2.4; {@code tt:PTZSpaces} in
 * onvif.xsd), and the mapping of this system's normalised commands into them.
 *
 * <p>The system speaks ONVIF's generic spaces (PTZ 5.7): pan and tilt -1..1, zoom 0 (wide) .. 1 (tele) as a position,
 * -1..1 as a translation or a velocity. A position maps linearly onto the device's range (its ends onto the range's
 * ends); a translation or velocity keeps its sign and 0 (0 stops, PTZ 5.3.3) and scales onto the range's end on its
 * side. An axis whose space is missing, or whose range is a single point, is left out of the request, which the
 * PTZ specification reads as "do not affect" (5.3.1 to 5.3.3).
 *
 * @param absolutePanTilt AbsolutePanTiltPositionSpace, or null when the node cannot move there absolutely
 * @param absoluteZoom AbsoluteZoomPositionSpace, or null
 * @param relativePanTilt RelativePanTiltTranslationSpace, or null
 * @param relativeZoom RelativeZoomTranslationSpace, or null
 * @param continuousPanTilt ContinuousPanTiltVelocitySpace, or null
 * @param continuousZoom ContinuousZoomVelocitySpace, or null
 */
public record PtzSpaces(Space absolutePanTilt, Space absoluteZoom, Space relativePanTilt, Space relativeZoom,
        Space continuousPanTilt, Space continuousZoom) {

    static final String PAN_TILT = "http://www.onvif.org/ver10/tptz/PanTiltSpaces/";
    static final String ZOOM = "http://www.onvif.org/ver10/tptz/ZoomSpaces/";

    /** One space: its URI and the range of x (and of y for pan/tilt; null for zoom). */
    public record Space(String uri, Range x, Range y) {
    }

    /** {@code tt:FloatRange}: Min and Max, inclusive. */
    public record Range(double min, double max) {
        boolean usable() {
            return Double.isFinite(min) && Double.isFinite(max) && max > min;
        }

        double position(double normalised, double from, double to) {
            return min + (normalised - from) / (to - from) * (max - min);
        }

        double signed(double normalised) {
            return normalised >= 0 ? normalised * Math.max(max, 0) : -normalised * Math.min(min, 0);
        }
    }

    /** A PTZ vector ({@code tt:PTZVector} / {@code tt:PTZSpeed}); null parts are left out of the request. */
    public record Vector(Double x, Double y, String panTiltSpace, Double zoom, String zoomSpace) {
        public boolean empty() {
            return x == null && zoom == null;
        }
    }

    /** The generic spaces with their standard ranges (PTZ 5.7), for a node whose options cannot be read. */
    public static final PtzSpaces GENERIC = new PtzSpaces(
            new Space(PAN_TILT + "PositionGenericSpace", new Range(-1, 1), new Range(-1, 1)),
            new Space(ZOOM + "PositionGenericSpace", new Range(0, 1), null),
            new Space(PAN_TILT + "TranslationGenericSpace", new Range(-1, 1), new Range(-1, 1)),
            new Space(ZOOM + "TranslationGenericSpace", new Range(-1, 1), null),
            new Space(PAN_TILT + "VelocityGenericSpace", new Range(-1, 1), new Range(-1, 1)),
            new Space(ZOOM + "VelocityGenericSpace", new Range(-1, 1), null));

    /**
     * The space to use among those a node lists for one kind of move: the generic one when listed with a usable
     * range, else the first with usable (finite, non-empty) ranges, else null.
     */
    static Space choose(List<Space> offered, String genericUri) {
        Space fallback = null;
        for (Space s : offered) {
            boolean usable = s.x().usable() && (s.y() == null || s.y().usable());
            if (usable && s.uri().equals(genericUri)) {
                return s;
            }
            if (usable && fallback == null) {
                fallback = s;
            }
        }
        return fallback;
    }

    /** An absolute position: pan, tilt -1..1 and zoom 0..1, each null to leave that axis out. */
    public Vector absolute(Double pan, Double tilt, Double zoom) {
        Double x = null;
        Double y = null;
        if (pan != null && tilt != null && absolutePanTilt != null) {
            x = absolutePanTilt.x().position(pan, -1, 1);
            y = absolutePanTilt.y().position(tilt, -1, 1);
        }
        Double z = zoom != null && absoluteZoom != null ? absoluteZoom.x().position(zoom, 0, 1) : null;
        return new Vector(x, y, x == null ? null : absolutePanTilt.uri(), z, z == null ? null : absoluteZoom.uri());
    }

    /** A translation: each -1..1 (a step of the full range in that direction). */
    public Vector relative(double pan, double tilt, double zoom) {
        return signed(relativePanTilt, relativeZoom, pan, tilt, zoom);
    }

    /** A velocity: each -1..1, 0 stops that axis. */
    public Vector continuous(double pan, double tilt, double zoom) {
        return signed(continuousPanTilt, continuousZoom, pan, tilt, zoom);
    }

    private static Vector signed(Space panTilt, Space zoomSpace, double pan, double tilt, double zoom) {
        Double x = panTilt == null ? null : panTilt.x().signed(pan);
        Double y = panTilt == null ? null : panTilt.y().signed(tilt);
        Double z = zoomSpace == null ? null : zoomSpace.x().signed(zoom);
        return new Vector(x, y, panTilt == null ? null : panTilt.uri(), z, zoomSpace == null ? null : zoomSpace.uri());
    }

    /** The vector as the children of a {@code tt:PTZVector} or {@code tt:PTZSpeed} (common.xsd Vector2D, Vector1D). */
    static String xml(Vector v) {
        StringBuilder out = new StringBuilder();
        if (v.x() != null) {
            out.append("<PanTilt xmlns=\"http://www.onvif.org/ver10/schema\" x=\"").append(num(v.x())).append("\" y=\"")
                    .append(num(v.y())).append('"').append(space(v.panTiltSpace())).append("/>");
        }
        if (v.zoom() != null) {
            out.append("<Zoom xmlns=\"http://www.onvif.org/ver10/schema\" x=\"").append(num(v.zoom())).append('"')
                    .append(space(v.zoomSpace())).append("/>");
        }
        return out.toString();
    }

    private static String space(String uri) {
        return uri == null ? "" : " space=\"" + OnvifXml.escape(uri) + "\"";
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
