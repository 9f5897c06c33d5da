package ae.rta.cctv.vms.domain;

/**
 * What a camera says of its stream before any video is pulled (its session description).
 *
 * @param videoCodec {@code H.264}, {@code H.265}, ... or null when it names none this reader knows
 * @param width picture width in pixels, 0 when the description does not carry it
 * @param height picture height in pixels, 0 when unknown
 * @param audio whether the stream has an audio track
 * @param audioCodec {@code AAC}, {@code G.711 A-law}, ... or null
 * @param transport how the camera serves its media: {@code tcp} (interleaved), {@code udp} (it refused TCP), or null
 *     when that was not asked
 */
public record StreamDescription(String videoCodec, int width, int height, boolean audio, String audioCodec,
        String transport) {

    public static final StreamDescription NONE = new StreamDescription(null, 0, 0, false, null, null);

    /** The same description with how the camera serves its media. */
    public StreamDescription withTransport(String transport) {
        return new StreamDescription(videoCodec, width, height, audio, audioCodec, transport);
    }

    /** {@code WIDTHxHEIGHT}, or null when unknown. */
    public String resolution() {
        return width > 0 && height > 0 ? width + "x" + height : null;
    }
}
