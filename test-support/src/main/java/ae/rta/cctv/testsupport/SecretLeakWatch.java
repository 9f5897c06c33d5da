package ae.rta.cctv.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * Watches the two places of this JVM where a secret shows outside the services' answers: every log event (message
 * and exception chain, at every level the loggers let through) and the command line of every child process, as
 * {@code ps} shows it ({@code /proc/<pid>/cmdline}), sampled every 50 ms. Start it after the services have started:
 * each Spring application start resets the logging configuration.
 */
public final class SecretLeakWatch implements AutoCloseable {

    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private final Set<String> commandLines = ConcurrentHashMap.newKeySet();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
            }
            logLines.add(line.toString());
        }
    };
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "secret-leak-watch");
        t.setDaemon(true);
        return t;
    });

    private SecretLeakWatch() {
        appender.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        appender.start();
        root().addAppender(appender);
        sampler.scheduleWithFixedDelay(this::sample, 0, 50, TimeUnit.MILLISECONDS);
    }

    public static SecretLeakWatch start() {
        return new SecretLeakWatch();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private void sample() {
        ProcessHandle.current().descendants().forEach(p -> p.info().arguments().ifPresent(args ->
                commandLines.add(p.info().command().orElse("?") + " " + String.join(" ", args))));
    }

    /** Every log line seen so far: logger, message and the messages of the exception chain. */
    public List<String> logLines() {
        return List.copyOf(logLines);
    }

    /** The distinct command lines seen of child processes whose program is {@code program} (its file name). */
    public List<String> commandLines(String program) {
        sample();
        return commandLines.stream().filter(c -> {
            String command = c.substring(0, c.indexOf(' '));
            return command.equals(program) || command.endsWith("/" + program);
        }).sorted().toList();
    }

    /** Fails when any log line or child command line seen so far contains one of {@code secrets}. */
    public void assertNoneContains(String... secrets) {
        sample();
        for (String secret : secrets) {
            assertThat(logLines).as("log lines containing a secret").noneMatch(l -> l.contains(secret));
            assertThat(commandLines).as("child process command lines containing a secret").noneMatch(c -> c.contains(secret));
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        root().detachAppender(appender);
        appender.stop();
    }
}
