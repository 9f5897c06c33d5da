package ae.rta.cctv.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Issue 18: a library's exception message with a URL's login in it reached the JSON log as it was. */
final class MaskingLogCustomizerTest {

    @Test
    void aJsonLogLineHasNoLoginInItsMessageOrStackTrace() throws Exception {
        Properties common = new Properties();
        try (var in = getClass().getResourceAsStream("/cctv-common.properties")) {
            common.load(in);
        }
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new PropertiesPropertySource("cctv-common", common));
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        context.putObject(Environment.class.getName(), environment);
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat("ecs");
        encoder.start();

        LoggingEvent event = new LoggingEvent(getClass().getName(), context.getLogger("ae.rta.cctv.test"), Level.WARN,
                "pull of {} failed", new IllegalStateException("I/O error on GET request for \"http://svc:pw-123@vms/x\""),
                new Object[] {"rtsp://op:s3cr3t@10.0.0.5/live"});
        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

        assertThat(line).contains("pull of rtsp://***@10.0.0.5/live failed").contains("http://***@vms/x")
                .doesNotContain("s3cr3t").doesNotContain("pw-123");
    }
}
