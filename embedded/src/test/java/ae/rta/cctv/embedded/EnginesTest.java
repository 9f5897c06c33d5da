package ae.rta.cctv.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class EnginesTest {

    @TempDir
    Path dir;

    @Test
    void postgresKeepsDataAcrossRestarts() throws Exception {
        Path data = dir.resolve("pg");
        try (PostgresEngine pg = PostgresEngine.start(data, 0);
                Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password());
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (v text)");
            s.execute("INSERT INTO kept VALUES ('still here')");
        }
        assertThat(Files.exists(data.resolve("postmaster.pid"))).isFalse();
        try (PostgresEngine pg = PostgresEngine.start(data, 0);
                Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
        }
    }

    @Test
    void redisAnswersAndComesBackAfterStop() throws Exception {
        try (RedisEngine redis = RedisEngine.start(dir.resolve("redis"), 0)) {
            assertThat(ping(redis.port())).isEqualTo("+PONG");
            redis.stop();
            assertThat(FreePorts.isFree(redis.port())).isTrue();
            redis.start();
            assertThat(ping(redis.port())).isEqualTo("+PONG");
        }
    }

    private static String ping(int port) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }
}
