package ae.rta.cctv.live.domain;

import java.nio.ByteBuffer;

/**
 * The init section ({@code ftyp}+{@code moov}) of one upstream session. A player needs it before any fragment; a
 * new one (the camera reconnected, or changed resolution) starts a new generation.
 *
 * @param bytes read-only; take {@link #bytes()}{@code .duplicate()} to read it
 * @param mimeType the MIME type with codecs, such as {@code video/mp4; codecs="avc1.42c01e"}
 * @param codecs the RFC 6381 codec string alone
 * @param timescale units per second of the fragments' decode times
 * @param generation counts the upstream sessions of one pull from 1
 */
public record InitSection(ByteBuffer bytes, String mimeType, String codecs, int width, int height, long timescale,
        int generation) {

    public InitSection {
        bytes = bytes.asReadOnlyBuffer();
        if (timescale <= 0) {
            throw new IllegalArgumentException("timescale must be positive");
        }
    }
}
