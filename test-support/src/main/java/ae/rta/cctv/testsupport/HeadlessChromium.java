package ae.rta.cctv.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver (packages {@code chromium} and
 * {@code chromium-driver}, installed by {@code ./cctv test}; nothing is downloaded). It decodes H.264 in MSE, hls.js
 * and WebRTC. Flags from {@code TOOLING.md}: without the background-networking ones Chromium's calls home are
 * refused by this machine's closed network.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private com.sun.net.httpserver.HttpServer blankPages;
    private final java.util.Map<String, Path> served = new java.util.concurrent.ConcurrentHashMap<>();

    private HeadlessChromium(ChromeDriver driver) {
        this.driver = driver;
    }

    public static HeadlessChromium start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("Chromium and chromedriver are not installed: run the tests through ./cctv test, "
                    + "which installs Debian's chromium and chromium-driver packages");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--autoplay-policy=no-user-gesture-required", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return new HeadlessChromium(driver);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * Opens an empty page of an origin of its own (served on loopback by the test): scripts run there call the
     * services cross-origin, as the dashboard does. The services' own responses carry a CSP that forbids scripts.
     */
    public synchronized void openBlankPage() {
        openBlankPage(java.util.Map.of());
    }

    /** As {@link #openBlankPage()}, the page also serving {@code files} (by path, such as {@code /hls.min.js}). */
    public synchronized void openBlankPage(java.util.Map<String, Path> files) {
        if (blankPages == null) {
            try {
                blankPages = com.sun.net.httpserver.HttpServer.create(
                        new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            blankPages.createContext("/", exchange -> {
                Path file = served.get(exchange.getRequestURI().getPath());
                byte[] page = file != null ? Files.readAllBytes(file)
                        : "<!doctype html><html><head><title>test page</title></head><body></body></html>"
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", file != null ? "text/javascript" : "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
                exchange.close();
            });
            blankPages.start();
        }
        served.putAll(files);
        driver.get("http://127.0.0.1:" + blankPages.getAddress().getPort() + "/");
    }

    /** Runs a script in the page and returns what it returns (a promise is awaited). */
    public Object eval(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    @Override
    public synchronized void close() {
        driver.quit();
        if (blankPages != null) {
            blankPages.stop(0);
        }
    }
}
