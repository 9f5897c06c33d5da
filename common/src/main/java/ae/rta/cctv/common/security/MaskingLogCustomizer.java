package ae.rta.cctv.common.security;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * The last guard before a JSON log line (ECS, Logstash, GELF) leaves the process: every text member of it, the message
 * and the stack trace included, goes through {@link Secrets#mask}. It catches what the services' own masking cannot
 * see: libraries' exception messages with a URL's login in them (a database or Redis URL, an HTTP client's request
 * line). Set by {@code logging.structured.json.customizer} in {@code cctv-common.properties}.
 */
public final class MaskingLogCustomizer implements StructuredLoggingJsonMembersCustomizer<Object> {

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, Secrets::mask));
    }
}
