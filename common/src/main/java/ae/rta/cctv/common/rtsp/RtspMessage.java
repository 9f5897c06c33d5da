package ae.rta.cctv.common.rtsp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One RTSP request or response (RFC 2326): start line, headers in their order, body. Also reads the binary
 * interleaved frames ({@code $}, channel, 16-bit length, payload) that share a TCP connection with the messages.
 */
public record RtspMessage(String startLine, List<String> headers, byte[] body) {

    /** Where the interleaved frames read on the way to the next message go. */
    public interface Frames {
        void frame(byte[] frame) throws IOException;
    }

    public RtspMessage {
        headers = List.copyOf(headers);
    }

    /** The next message, handing the interleaved frames before it to {@code frames}; null at the end of the stream. */
    public static RtspMessage next(InputStream in, Frames frames) throws IOException {
        if (!in.markSupported()) {
            throw new IllegalArgumentException("a buffered stream is needed");
        }
        while (true) {
            in.mark(1);
            int b = in.read();
            if (b < 0) {
                return null;
            }
            if (b != '$') {
                in.reset();
                return read(in);
            }
            byte[] header = in.readNBytes(3);
            if (header.length < 3) {
                return null;
            }
            int length = ((header[1] & 0xff) << 8) | (header[2] & 0xff);
            byte[] frame = new byte[4 + length];
            frame[0] = '$';
            System.arraycopy(header, 0, frame, 1, 3);
            if (in.readNBytes(frame, 4, length) < length) {
                return null;
            }
            frames.frame(frame);
        }
    }

    /** The next message (no interleaved frames expected); null at the end of the stream. */
    public static RtspMessage read(InputStream in) throws IOException {
        String start = line(in);
        while (start != null && start.isEmpty()) {
            start = line(in);
        }
        if (start == null) {
            return null;
        }
        if (start.split(" ", 3).length < 3) {
            throw new IOException("not an RTSP message: " + start);
        }
        List<String> headers = new ArrayList<>();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            headers.add(h);
        }
        RtspMessage m = new RtspMessage(start, headers, new byte[0]);
        String length = m.header("Content-Length");
        try {
            return length == null ? m : new RtspMessage(start, headers, in.readNBytes(Integer.parseInt(length)));
        } catch (NumberFormatException e) {
            throw new IOException("bad Content-Length: " + length);
        }
    }

    public boolean isResponse() {
        return startLine.startsWith("RTSP/");
    }

    /** A request's method. */
    public String method() {
        return startLine.split(" ", 3)[0];
    }

    /** A request's URL. */
    public String uri() {
        return startLine.split(" ", 3)[1];
    }

    /** A response's status code. */
    public int status() {
        return Integer.parseInt(startLine.split(" ", 3)[1]);
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> all = headers(name);
        return all.isEmpty() ? null : all.getFirst();
    }

    /** Every value of a header, in order. */
    public List<String> headers(String name) {
        return headers.stream().filter(h -> named(h, name)).map(h -> h.substring(name.length() + 1).strip()).toList();
    }

    /** The CSeq header as a number. @throws IOException when it is missing or not a number */
    public int cseq() throws IOException {
        try {
            return Integer.parseInt(header("CSeq"));
        } catch (NumberFormatException e) {
            throw new IOException("an RTSP message without a valid CSeq");
        }
    }

    public RtspMessage withStartLine(String line) {
        return new RtspMessage(line, headers, body);
    }

    /** This message with the headers of these names left out. */
    public RtspMessage without(String... names) {
        return new RtspMessage(startLine, headers.stream().filter(h -> {
            for (String n : names) {
                if (named(h, n)) {
                    return false;
                }
            }
            return true;
        }).toList(), body);
    }

    /** This message with a header added at the end (a null value adds nothing). */
    public RtspMessage with(String name, Object value) {
        if (value == null) {
            return this;
        }
        List<String> more = new ArrayList<>(headers);
        more.add(name + ": " + value);
        return new RtspMessage(startLine, more, body);
    }

    /** This message with a header's values replaced by one. */
    public RtspMessage replacing(String name, Object value) {
        return without(name).with(name, value);
    }

    public byte[] bytes() {
        StringBuilder text = new StringBuilder(startLine).append("\r\n");
        headers.forEach(h -> text.append(h).append("\r\n"));
        byte[] head = text.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    private static boolean named(String header, String name) {
        return header.length() > name.length() && header.charAt(name.length()) == ':'
                && header.regionMatches(true, 0, name, 0, name.length());
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        for (int b = in.read(); ; b = in.read()) {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (b == '\n') {
                String s = line.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            if (line.size() > 8192) {
                throw new IOException("RTSP header line too long");
            }
            line.write(b);
        }
    }

    @Override
    public String toString() {
        return startLine;
    }
}
