package ae.rta.cctv.common.media;

import ae.rta.cctv.common.domain.DecodeSpan;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the layout of a fragmented MP4 (ISO BMFF) file without decoding any video: the init section
 * ({@code ftyp}+{@code moov}), the video track's codec, size and timescale, and every fragment ({@code moof}+{@code mdat})
 * with its byte range, time and whether it starts on a keyframe. This is what lets playback address any moment of a
 * stored segment by byte range.
 */
public final class Fmp4 {

    /** One fragment. @param offsetMs its start from the segment's first fragment */
    public record Fragment(int seq, long offsetMs, long durationMs, long byteOffset, long size, boolean keyframe) {
    }

    /**
     * A file's layout.
     *
     * @param initSize bytes of ftyp + moov at the start of the file
     * @param codec the sample entry type of the video track, such as {@code avc1}
     * @param codecs its RFC 6381 codec string, such as {@code avc1.42c01e}
     * @param firstDecodeTime the first fragment's decode time ({@code tfdt}) in {@code timescale} units: segments of
     *     one recording run continue each other's timeline, so the next file of the run starts where this one ends
     * @param endDecodeTime where the last fragment ends, in {@code timescale} units
     * @param audioCodecs the RFC 6381 codec string of the file's audio track ({@code mp4a.40.2}), null when it has none
     */
    public record Layout(long initSize, String codec, String codecs, int width, int height, long timescale, long durationMs,
            List<Fragment> fragments, long firstDecodeTime, long endDecodeTime, String audioCodecs) {

        /** The file's place on its run's decode timeline. */
        public DecodeSpan decodeSpan() {
            return new DecodeSpan(timescale, firstDecodeTime, Math.max(firstDecodeTime, endDecodeTime));
        }
    }

    /** Not a fragmented MP4 this system can index; the message says why. */
    public static final class NotFragmentedMp4Exception extends Exception {
        public NotFragmentedMp4Exception(String message) {
            super(message);
        }
    }

    private static final int NON_SYNC = 0x00010000;
    private static final int MAX_BOX_HEADER_READ = 64 * 1024 * 1024;

    private Fmp4() {
    }

    /**
     * Reads a file's layout. A fragment is indexed by its video track's run; a fragment that holds only audio (a muxer
     * may flush one before the first keyframe or at the end) joins the byte range of the fragment before it.
     *
     * @throws NotFragmentedMp4Exception when the file is not a fragmented MP4 with a video track
     */
    public static Layout inspect(SeekableByteChannel file) throws IOException, NotFragmentedMp4Exception {
        long size = file.size();
        long position = 0;
        long initEnd = -1;
        Track track = null;
        List<Fragment> fragments = new ArrayList<>();
        long firstDecodeTime = -1;
        long endDecodeTime = 0;
        long moofStart = -1;
        long moofSize = 0;
        FragmentTiming pending = null;
        while (position + 8 <= size) {
            ByteBuffer header = read(file, position, 16 <= size - position ? 16 : (int) (size - position));
            long boxSize = Integer.toUnsignedLong(header.getInt(0));
            String type = type(header, 4);
            int headerSize = 8;
            if (boxSize == 1) {
                if (header.limit() < 16) {
                    throw new NotFragmentedMp4Exception("truncated box header at " + position);
                }
                boxSize = header.getLong(8);
                headerSize = 16;
            } else if (boxSize == 0) {
                boxSize = size - position;
            }
            if (boxSize < headerSize || position + boxSize > size) {
                if (type.equals("mdat") || type.equals("moof")) {
                    break; // a fragment cut short by a crash: the file is indexed up to its last complete one
                }
                throw new NotFragmentedMp4Exception("box " + type + " at " + position + " runs past the end of the file");
            }
            switch (type) {
                case "moov" -> {
                    track = moov(payload(file, position + headerSize, boxSize - headerSize));
                    initEnd = position + boxSize;
                }
                case "moof" -> {
                    if (track == null) {
                        throw new NotFragmentedMp4Exception("a fragment comes before the movie header");
                    }
                    FragmentTiming timing = moof(payload(file, position + headerSize, boxSize - headerSize), track);
                    pending = timing != null ? timing : fragments.isEmpty() ? null : NO_VIDEO;
                    moofStart = position;
                    moofSize = boxSize;
                }
                case "mdat" -> {
                    if (pending == NO_VIDEO) {
                        Fragment before = fragments.removeLast();
                        fragments.add(new Fragment(before.seq(), before.offsetMs(), before.durationMs(),
                                before.byteOffset(), position + boxSize - before.byteOffset(), before.keyframe()));
                        pending = null;
                    } else if (pending != null) {
                        if (firstDecodeTime < 0) {
                            firstDecodeTime = pending.decodeTime();
                        }
                        endDecodeTime = pending.decodeTime() + pending.duration();
                        long offsetMs = (pending.decodeTime() - firstDecodeTime) * 1000 / track.timescale();
                        long durationMs = pending.duration() * 1000 / track.timescale();
                        fragments.add(new Fragment(fragments.size(), offsetMs, durationMs, moofStart, moofSize + boxSize,
                                pending.keyframe()));
                        pending = null;
                    }
                }
                default -> {
                }
            }
            position += boxSize;
        }
        if (track == null || initEnd < 0) {
            throw new NotFragmentedMp4Exception("no movie header (moov): not an MP4");
        }
        if (fragments.isEmpty()) {
            throw new NotFragmentedMp4Exception("no fragments (moof/mdat): not a fragmented MP4, or empty");
        }
        Fragment last = fragments.getLast();
        return new Layout(initEnd, track.codec(), track.codecs(), track.width(), track.height(), track.timescale(),
                last.offsetMs() + last.durationMs(), List.copyOf(fragments), Math.max(0, firstDecodeTime), endDecodeTime,
                track.audioCodecs());
    }

    /**
     * The video track of an init section.
     *
     * @param codec the sample entry type, such as {@code avc1}
     * @param codecs the RFC 6381 codec string a browser's {@code MediaSource.isTypeSupported} needs, such as
     *     {@code avc1.42c01e}; the bare sample entry type when it has no decoder configuration this reader knows
     * @param audioCodecs the codec string of the init section's audio track ({@code mp4a.40.2} for AAC-LC), null when
     *     it has none
     */
    public record Track(long id, long timescale, String codec, String codecs, int width, int height,
            long defaultDuration, int defaultFlags, String audioCodecs) {

        /** The MIME type with codecs (video, then audio when there is some), for Media Source Extensions. */
        public String mimeType() {
            return "video/mp4; codecs=\"" + codecs + (audioCodecs == null ? "" : "," + audioCodecs) + "\"";
        }
    }

    /** What one fragment's {@code moof} says of the video track. @param decodeTime in track timescale units */
    public record FragmentTiming(long decodeTime, long duration, boolean keyframe) {
    }

    /**
     * Reads the video track from a {@code moov} box's payload (the bytes after its 8-byte header), as a live stream
     * delivers it.
     *
     * @throws NotFragmentedMp4Exception when it has no video track
     */
    public static Track track(ByteBuffer moovPayload) throws NotFragmentedMp4Exception {
        return moov(moovPayload.slice());
    }

    /**
     * Reads the video track's timing from a {@code moof} box's payload.
     *
     * @return null when the fragment has no run of that track (it holds audio only)
     * @throws NotFragmentedMp4Exception when the fragment is malformed
     */
    public static FragmentTiming timing(ByteBuffer moofPayload, Track track) throws NotFragmentedMp4Exception {
        return moof(moofPayload.slice(), track);
    }

    /* Marks a fragment without a video run while its mdat is read. */
    private static final FragmentTiming NO_VIDEO = new FragmentTiming(-1, 0, false);

    private static Track moov(ByteBuffer moov) throws NotFragmentedMp4Exception {
        Track video = null;
        String audio = null;
        java.util.Map<Long, long[]> trex = new java.util.HashMap<>();
        for (Box box : children(moov)) {
            if (box.type().equals("trak")) {
                Track t = trak(box.payload());
                if (t != null && t.codec() != null && video == null) {
                    video = t;
                } else if (t != null && t.codec() == null && audio == null) {
                    audio = t.audioCodecs();
                }
            } else if (box.type().equals("mvex")) {
                for (Box extends_ : children(box.payload())) {
                    if (extends_.type().equals("trex")) {
                        ByteBuffer b = extends_.payload();
                        trex.put(Integer.toUnsignedLong(b.getInt(4)),
                                new long[] {Integer.toUnsignedLong(b.getInt(12)), b.getInt(20)});
                    }
                }
            }
        }
        if (video == null) {
            throw new NotFragmentedMp4Exception("no video track");
        }
        long[] defaults = trex.getOrDefault(video.id(), new long[] {0, 0});
        return new Track(video.id(), video.timescale(), video.codec(), video.codecs(), video.width(), video.height(),
                defaults[0], (int) defaults[1], audio);
    }

    private static Track trak(ByteBuffer trak) throws NotFragmentedMp4Exception {
        long id = 0;
        int width = 0;
        int height = 0;
        long timescale = 0;
        String handler = "";
        String[] codec = {"", ""};
        for (Box box : children(trak)) {
            ByteBuffer b = box.payload();
            if (box.type().equals("tkhd")) {
                int version = b.get(0);
                id = Integer.toUnsignedLong(b.getInt(version == 1 ? 20 : 12));
                int dims = b.limit() - 8;
                width = b.getInt(dims) >>> 16;
                height = b.getInt(dims + 4) >>> 16;
            } else if (box.type().equals("mdia")) {
                for (Box m : children(b)) {
                    ByteBuffer p = m.payload();
                    if (m.type().equals("mdhd")) {
                        timescale = Integer.toUnsignedLong(p.getInt(p.get(0) == 1 ? 20 : 12));
                    } else if (m.type().equals("hdlr")) {
                        handler = type(p, 8);
                    } else if (m.type().equals("minf")) {
                        codec = sampleEntry(p);
                    }
                }
            }
        }
        if (handler.equals("soun")) {
            return new Track(id, timescale, null, null, 0, 0, 0, 0, codec[1]); // an audio track: its codecs only
        }
        if (!handler.equals("vide")) {
            return null;
        }
        if (timescale <= 0) {
            throw new NotFragmentedMp4Exception("the video track has no timescale");
        }
        return new Track(id, timescale, codec[0], codec[1], width, height, 0, 0, null);
    }

    /*
     * The first sample entry's type and RFC 6381 codec string: avc1/avc3 take profile, compatibility and level from
     * avcC; hvc1/hev1 take profile space and idc, compatibility flags, tier, level and constraint flags from hvcC.
     */
    private static String[] sampleEntry(ByteBuffer minf) throws NotFragmentedMp4Exception {
        for (Box stbl : children(minf)) {
            if (stbl.type().equals("stbl")) {
                for (Box stsd : children(stbl.payload())) {
                    ByteBuffer p = stsd.payload();
                    if (stsd.type().equals("stsd") && p.limit() >= 16) {
                        String type = type(p, 12);
                        return new String[] {type, codecs(type, p)};
                    }
                }
            }
        }
        return new String[] {"unknown", "unknown"};
    }

    /* A visual sample entry: 8 bytes of box header, 78 of fields, then its child boxes (avcC among them). */
    private static String codecs(String type, ByteBuffer stsd) throws NotFragmentedMp4Exception {
        if (type.equals("mp4a")) {
            return mp4aCodecs(stsd);
        }
        boolean avc = type.equals("avc1") || type.equals("avc3");
        boolean hevc = type.equals("hvc1") || type.equals("hev1");
        if (!avc && !hevc) {
            return type;
        }
        int entryStart = 8;
        int entrySize = stsd.getInt(entryStart);
        int childrenStart = entryStart + 8 + 78;
        if (entrySize < 8 + 78 || entryStart + entrySize > stsd.limit()) {
            return type;
        }
        for (Box child : children(stsd.slice(childrenStart, entrySize - 8 - 78))) {
            ByteBuffer c = child.payload();
            if (avc && child.type().equals("avcC") && c.limit() >= 4) {
                return String.format("%s.%02x%02x%02x", type, c.get(1) & 0xFF, c.get(2) & 0xFF, c.get(3) & 0xFF);
            }
            if (hevc && child.type().equals("hvcC") && c.limit() >= 13) {
                return hevcCodecs(type, c);
            }
        }
        return type;
    }

    /*
     * An audio sample entry (ISO/IEC 14496-12 12.2.3): 8 bytes of box header, 28 of fields, then esds. RFC 6381 3.3:
     * mp4a.<objectTypeIndication, hex>.<audio object type, decimal> (the first five bits of the AudioSpecificConfig,
     * ISO/IEC 14496-3 1.6.2.1), e.g. mp4a.40.2 for AAC-LC.
     */
    private static String mp4aCodecs(ByteBuffer stsd) throws NotFragmentedMp4Exception {
        int entryStart = 8;
        int entrySize = stsd.getInt(entryStart);
        int childrenStart = entryStart + 8 + 28;
        if (entrySize < 8 + 28 || entryStart + entrySize > stsd.limit()) {
            return "mp4a";
        }
        for (Box child : children(stsd.slice(childrenStart, entrySize - 8 - 28))) {
            if (child.type().equals("esds")) {
                String found = esdsCodecs(child.payload());
                return found == null ? "mp4a" : found;
            }
        }
        return "mp4a";
    }

    /* ISO/IEC 14496-1 7.2.6: ES_Descriptor (tag 3) > DecoderConfigDescriptor (tag 4) > DecoderSpecificInfo (tag 5). */
    static String esdsCodecs(ByteBuffer esds) {
        int at = 4; // version and flags
        int objectType = -1;
        while (at + 2 <= esds.limit()) {
            int tag = esds.get(at++) & 0xFF;
            int length = 0;
            for (int i = 0; i < 4 && at < esds.limit(); i++) {
                int b = esds.get(at++) & 0xFF;
                length = (length << 7) | (b & 0x7F);
                if ((b & 0x80) == 0) {
                    break;
                }
            }
            if (tag == 3) {
                if (at + 3 > esds.limit()) {
                    return null;
                }
                int flags = esds.get(at + 2) & 0xFF;
                at += 3;
                if ((flags & 0x80) != 0) {
                    at += 2; // dependsOn_ES_ID
                }
                if ((flags & 0x40) != 0 && at < esds.limit()) {
                    at += 1 + (esds.get(at) & 0xFF); // URL
                }
                if ((flags & 0x20) != 0) {
                    at += 2; // OCR_ES_Id
                }
            } else if (tag == 4) {
                if (at + 13 > esds.limit()) {
                    return null;
                }
                objectType = esds.get(at) & 0xFF;
                at += 13;
            } else if (tag == 5) {
                if (objectType < 0 || at >= esds.limit()) {
                    return null;
                }
                int audioObjectType = (esds.get(at) & 0xFF) >> 3;
                if (audioObjectType == 31 && at + 1 < esds.limit()) {
                    audioObjectType = 32 + (((esds.get(at) & 0x07) << 3) | ((esds.get(at + 1) & 0xFF) >> 5));
                }
                return String.format(java.util.Locale.ROOT, "mp4a.%x.%d", objectType, audioObjectType);
            } else {
                at += length;
            }
        }
        return objectType < 0 ? null : String.format(java.util.Locale.ROOT, "mp4a.%x", objectType);
    }

    /*
     * ISO/IEC 14496-15 Annex E: <type>.<profile space letter, if any><profile idc>.<compatibility flags, bit-reversed,
     * hex>.<L|H tier><level idc>.<constraint flag bytes, hex, trailing zero bytes left out>, e.g. hvc1.1.6.L93.B0.
     */
    static String hevcCodecs(String type, ByteBuffer hvcC) {
        int b1 = hvcC.get(1) & 0xFF;
        int space = b1 >> 6;
        boolean highTier = (b1 & 0x20) != 0;
        int profile = b1 & 0x1F;
        int compatibility = Integer.reverse(hvcC.getInt(2));
        StringBuilder codecs = new StringBuilder(type).append('.');
        if (space > 0) {
            codecs.append((char) ('A' + space - 1));
        }
        codecs.append(profile).append('.').append(Integer.toHexString(compatibility).toUpperCase(java.util.Locale.ROOT))
                .append('.').append(highTier ? 'H' : 'L').append(hvcC.get(12) & 0xFF);
        int last = 11;
        while (last >= 6 && hvcC.get(last) == 0) {
            last--;
        }
        for (int i = 6; i <= last; i++) {
            codecs.append('.').append(String.format("%02X", hvcC.get(i) & 0xFF));
        }
        return codecs.toString();
    }

    private static FragmentTiming moof(ByteBuffer moof, Track track) throws NotFragmentedMp4Exception {
        for (Box box : children(moof)) {
            if (!box.type().equals("traf")) {
                continue;
            }
            long defaultDuration = track.defaultDuration();
            int defaultFlags = track.defaultFlags();
            long decodeTime = 0;
            long duration = 0;
            boolean keyframe = false;
            boolean ours = false;
            for (Box t : children(box.payload())) {
                ByteBuffer b = t.payload();
                switch (t.type()) {
                    case "tfhd" -> {
                        int flags = b.getInt(0) & 0xFFFFFF;
                        ours = Integer.toUnsignedLong(b.getInt(4)) == track.id();
                        int at = 8;
                        if ((flags & 0x1) != 0) {
                            at += 8;
                        }
                        if ((flags & 0x2) != 0) {
                            at += 4;
                        }
                        if ((flags & 0x8) != 0) {
                            defaultDuration = Integer.toUnsignedLong(b.getInt(at));
                            at += 4;
                        }
                        if ((flags & 0x10) != 0) {
                            at += 4;
                        }
                        if ((flags & 0x20) != 0) {
                            defaultFlags = b.getInt(at);
                        }
                    }
                    case "tfdt" -> decodeTime = b.get(0) == 1 ? b.getLong(4) : Integer.toUnsignedLong(b.getInt(4));
                    case "trun" -> {
                        int flags = b.getInt(0) & 0xFFFFFF;
                        long count = Integer.toUnsignedLong(b.getInt(4));
                        int at = 8;
                        if ((flags & 0x1) != 0) {
                            at += 4;
                        }
                        Integer firstFlags = null;
                        if ((flags & 0x4) != 0) {
                            firstFlags = b.getInt(at);
                            at += 4;
                        }
                        for (long i = 0; i < count; i++) {
                            long sampleDuration = defaultDuration;
                            int sampleFlags = defaultFlags;
                            if ((flags & 0x100) != 0) {
                                sampleDuration = Integer.toUnsignedLong(b.getInt(at));
                                at += 4;
                            }
                            if ((flags & 0x200) != 0) {
                                at += 4;
                            }
                            if ((flags & 0x400) != 0) {
                                sampleFlags = b.getInt(at);
                                at += 4;
                            }
                            if ((flags & 0x800) != 0) {
                                at += 4;
                            }
                            if (i == 0) {
                                int effective = firstFlags != null ? firstFlags : sampleFlags;
                                keyframe = (effective & NON_SYNC) == 0;
                            }
                            duration += sampleDuration;
                        }
                    }
                    default -> {
                    }
                }
            }
            if (ours) {
                return new FragmentTiming(decodeTime, duration, keyframe);
            }
        }
        return null;
    }

    private record Box(String type, ByteBuffer payload) {
    }

    private static List<Box> children(ByteBuffer parent) throws NotFragmentedMp4Exception {
        List<Box> boxes = new ArrayList<>();
        int at = 0;
        while (at + 8 <= parent.limit()) {
            long size = Integer.toUnsignedLong(parent.getInt(at));
            String type = type(parent, at + 4);
            int header = 8;
            if (size == 1) {
                size = parent.getLong(at + 8);
                header = 16;
            } else if (size == 0) {
                size = parent.limit() - at;
            }
            if (size < header || at + size > parent.limit()) {
                throw new NotFragmentedMp4Exception("box " + type + " overruns its parent");
            }
            boxes.add(new Box(type, parent.slice(at + header, (int) size - header)));
            at += (int) size;
        }
        return boxes;
    }

    private static ByteBuffer payload(SeekableByteChannel file, long position, long length)
            throws IOException, NotFragmentedMp4Exception {
        if (length > MAX_BOX_HEADER_READ) {
            throw new NotFragmentedMp4Exception("a header box is larger than " + MAX_BOX_HEADER_READ + " bytes");
        }
        return read(file, position, (int) length);
    }

    private static ByteBuffer read(SeekableByteChannel file, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        file.position(position);
        while (buffer.hasRemaining() && file.read(buffer) > 0) {
            // keep reading
        }
        return buffer.flip();
    }

    private static String type(ByteBuffer buffer, int at) {
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            bytes[i] = at + i < buffer.limit() ? buffer.get(at + i) : (byte) '?';
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
