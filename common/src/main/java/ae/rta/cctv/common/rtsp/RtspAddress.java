package ae.rta.cctv.common.rtsp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Locale;
import javax.net.ssl.SSLSocketFactory;

/** Where an RTSP URL's server listens, and a connection to it: the one place that knows RTSP's default ports. */
public final class RtspAddress {

    /** RFC 2326 and RFC 7826: 554 for rtsp, 322 for rtsps. */
    public static final int RTSP_PORT = 554;
    public static final int RTSPS_PORT = 322;

    private RtspAddress() {
    }

    /** Whether the URL asks for TLS ({@code rtsps}). */
    public static boolean secure(URI url) {
        return "rtsps".equals(String.valueOf(url.getScheme()).toLowerCase(Locale.ROOT));
    }

    /** The URL's port, or the scheme's default. */
    public static int port(URI url) {
        return url.getPort() > 0 ? url.getPort() : secure(url) ? RTSPS_PORT : RTSP_PORT;
    }

    /** A connected socket (TLS for rtsps); closed again when the connection fails. */
    public static Socket connect(URI url, int timeoutMillis) throws IOException {
        Socket socket = secure(url) ? SSLSocketFactory.getDefault().createSocket() : new Socket();
        try {
            socket.connect(new InetSocketAddress(url.getHost(), port(url)), timeoutMillis);
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }
}
