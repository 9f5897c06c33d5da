package ae.rta.cctv.playback.it;

import static org.assertj.core.api.Assertions.assertThat;

import ae.rta.cctv.testsupport.Ffmpeg;
import ae.rta.cctv.testsupport.FileModes;
import ae.rta.cctv.testsupport.ServiceHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Evidence export end to end (acceptance 6 of the playback issue): ten minutes asked through the api from a moment
 * inside a stored second, written by the playback service, downloaded through its signed link, played by FFmpeg,
 * hashed, its manifest verified by the api and by the documented command, and tampering caught.
 */
final class ExportFlowTest {

    private static final PlaybackSystem system = PlaybackSystem.get();
    private static final Instant T0 = Instant.parse("2026-09-01T06:00:00Z");
    /* Half a second into a stored second: the footage has a keyframe each second, so the file keeps 0.5 s before. */
    private static final Instant START = T0.plusMillis(60_500);
    private static final Instant END = START.plus(Duration.ofMinutes(10));
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static Path dir;
    private static String camera;
    private static String admin;

    @BeforeAll
    static void importTwelveMinutes() throws Exception {
        dir = Files.createTempDirectory("export-flow");
        camera = system.addCamera("Export camera " + System.nanoTime());
        system.importFootage(camera, T0, PlaybackSystem.footage(dir, 12));
        admin = system.token("admin");
    }

    private static Map<String, String> auth(String token) {
        return Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json");
    }

    private static ServiceHttp.Response export(String token, String cameraId, String start, String end) {
        return system.apiHttp.send("POST", "/api/v1/exports", PlaybackSystem.JSON.writeValueAsString(
                Map.of("cameraId", cameraId, "start", start, "end", end)), auth(token));
    }

    private static JsonNode finished(String id) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> {
            ServiceHttp.Response r = system.apiHttp.get("/api/v1/exports/" + id, auth(admin));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            last[0] = PlaybackSystem.JSON.readTree(r.body());
            assertThat(last[0].get("status").asString()).as(r.body()).isNotEqualTo("FAILED");
            return "DONE".equals(last[0].get("status").asString());
        });
        return last[0];
    }

    private static byte[] download(String url) throws Exception {
        HttpResponse<byte[]> r = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private static JsonNode verifyFile(String id, byte[] file) throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(PlaybackSystem.url(system.api)
                        + "/api/v1/exports/" + id + "/verify")).header("Authorization", "Bearer " + admin)
                .header("Content-Type", "video/mp4").POST(HttpRequest.BodyPublishers.ofByteArray(file)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return PlaybackSystem.JSON.readTree(r.body());
    }

    @Test
    void aTenMinuteExportPlaysHashesAndItsSignedManifestVerifies() throws Exception {
        ServiceHttp.Response created = export(admin, camera, START.toString(), END.toString());
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        JsonNode job = PlaybackSystem.JSON.readTree(created.body());
        assertThat(job.get("status").asString()).isIn("QUEUED", "RUNNING");
        String id = job.get("id").asString();
        assertThat(created.headers().firstValue("Location").orElse(null)).isEqualTo("/api/v1/exports/" + id);

        JsonNode done = finished(id);
        assertThat(done.get("progress").asDouble()).isEqualTo(1.0);
        byte[] mp4 = download(done.get("downloadUrl").asString());
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(mp4));
        assertThat(sha256).isEqualTo(done.get("sha256").asString());
        assertThat((long) mp4.length).isEqualTo(done.get("sizeBytes").asLong());

        // the MP4 plays: FFmpeg decodes ten minutes of frames (25 fps) without an error
        Path file = dir.resolve("export.mp4");
        Files.write(file, mp4);
        Process decode = new ProcessBuilder(Ffmpeg.ffmpeg().toString(), "-v", "error", "-i", file.toString(), "-f", "null", "-")
                .redirectErrorStream(true).start();
        String errors = new String(decode.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(decode.waitFor()).as(errors).isZero();
        assertThat(errors).isBlank();
        assertThat(PlaybackSystem.probe(file, "format=duration")).isBetween(599.5, 600.5);
        assertThat(PlaybackSystem.probe(file, "stream=nb_frames")).isBetween(15_000.0 - 2, 15_000.0 + 2 + 13);
        // faststart: the index comes before the media; it opens at the asked moment through an edit list that skips
        // the 0.5 s between the keyframe it starts from and the asked start
        assertThat(indexOf(mp4, "moov")).isLessThan(indexOf(mp4, "mdat"));
        assertThat(editListSkipSeconds(mp4)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.05));

        // the manifest: signed, names the file's hash and the stored segments it came from
        String manifest = new String(download(done.get("manifestUrl").asString()), StandardCharsets.UTF_8);
        JsonNode m = PlaybackSystem.JSON.readTree(manifest);
        assertThat(m.get("exportId").asString()).isEqualTo(id);
        assertThat(m.get("cameraId").asString()).isEqualTo(camera);
        assertThat(m.get("exportedBy").asString()).isEqualTo("admin");
        assertThat(m.get("file").get("sha256").asString()).isEqualTo(sha256);
        assertThat(m.get("file").get("firstKeyframeAt").asString()).isEqualTo(START.minusMillis(500).toString());
        assertThat(m.get("sourceSegments").size()).isEqualTo(11); // minutes 1 to 11 of the recording
        assertThat(m.get("sourceSegments").get(0).get("sha256").asString()).hasSize(64);
        assertThat(m.get("sourceSegments").get(0).get("origin").asString()).as("imported, not recorded").isEqualTo("imported");
        assertThat(m.get("containsImportedFootage").asBoolean()).isTrue();
        String signature = done.get("signature").asString();
        assertThat(verify(manifest, signature, sha256).get("valid").asBoolean()).isTrue();
        assertThat(verifyFile(id, mp4).get("valid").asBoolean()).isTrue();
        // issue 18: the export's files are for the service's user alone
        assertThat(FileModes.assertOwnerOnly(system.data.resolve("exports").resolve(id))).isEqualTo(3);

        // one changed byte in the file, or in the manifest, fails verification
        byte[] tampered = mp4.clone();
        tampered[tampered.length / 2] ^= 0x01;
        JsonNode bad = verifyFile(id, tampered);
        assertThat(bad.get("valid").asBoolean()).isFalse();
        assertThat(bad.get("fileMatches").asBoolean()).isFalse();
        String changed = manifest.replace(START.plus(Duration.ofMinutes(10)).toString(), START.plus(Duration.ofMinutes(9)).toString());
        assertThat(changed).isNotEqualTo(manifest);
        JsonNode forged = verify(changed, signature, sha256);
        assertThat(forged.get("valid").asBoolean()).isFalse();
        assertThat(forged.get("signatureValid").asBoolean()).isFalse();

        // the documented offline command agrees, with the public key anyone may fetch
        ServiceHttp.Response key = system.apiHttp.get("/api/v1/exports/public-key", Map.of());
        assertThat(key.status()).as(key.body()).isEqualTo(200);
        Path pem = dir.resolve("key.pem");
        Files.writeString(pem, PlaybackSystem.JSON.readTree(key.body()).get("pem").asString());
        Path manifestFile = dir.resolve("manifest.json");
        Files.writeString(manifestFile, manifest);
        Path sig = dir.resolve("manifest.sig");
        Files.write(sig, download(done.get("signatureUrl").asString()));
        assertThat(verifyCommand(file, manifestFile, sig, pem)).isZero();
        Files.write(file, tampered);
        assertThat(verifyCommand(file, manifestFile, sig, pem)).isEqualTo(1);

        // audited, every download too, and the footage is under an evidence hold
        ServiceHttp.Response audit = system.apiHttp.get("/api/v1/audit?action=EXPORT", auth(admin));
        assertThat(audit.body()).contains(camera);
        JsonNode downloads = PlaybackSystem.JSON.readTree(system.apiHttp.get("/api/v1/audit?action=EXPORT_DOWNLOAD&size=200",
                auth(admin)).body()).get("items");
        List<String> ofThisExport = new java.util.ArrayList<>();
        downloads.forEach(row -> {
            if (row.get("detail").asString().contains(id)) {
                ofThisExport.add(row.get("detail").asString());
            }
        });
        assertThat(ofThisExport).as("the MP4, the manifest and the signature, each downloaded once")
                .hasSize(3).anyMatch(d -> d.contains("export.mp4")).anyMatch(d -> d.contains("manifest.json"));
        org.springframework.jdbc.core.simple.JdbcClient storageDb = org.springframework.jdbc.core.simple.JdbcClient.create(
                system.storage.getBean(javax.sql.DataSource.class));
        assertThat(storageDb.sql("SELECT count(*) FROM evidence_hold WHERE reference = ? AND released_at IS NULL")
                .param("export:" + id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void badExportRequestsAreRefusedWithProblems() throws Exception {
        assertThat(export(admin, camera, END.toString(), START.toString()).status()).isEqualTo(400);
        assertThat(export(admin, camera, START.toString(), START.plus(Duration.ofHours(5)).toString()).status()).isEqualTo(400);
        assertThat(export(admin, camera, "yesterday", END.toString()).status()).isEqualTo(400);
        ServiceHttp.Response unknown = export(admin, java.util.UUID.randomUUID().toString(), START.toString(), END.toString());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        ServiceHttp.Response nothing = export(admin, camera, T0.minus(Duration.ofDays(1)).toString(),
                T0.minus(Duration.ofDays(1)).plusSeconds(60).toString());
        assertThat(nothing.status()).as(nothing.body()).isEqualTo(409);
        ServiceHttp.Response viewer = export(system.token("metro.viewer"), camera, START.toString(), END.toString());
        assertThat(viewer.status()).isEqualTo(403);
        assertThat(system.apiHttp.get("/api/v1/exports/" + java.util.UUID.randomUUID(), auth(admin)).status()).isEqualTo(404);

        // a download link is good for its export and file only, and not once changed
        ServiceHttp.Response created = export(admin, camera, T0.plusSeconds(5).toString(), T0.plusSeconds(20).toString());
        JsonNode done = finished(PlaybackSystem.JSON.readTree(created.body()).get("id").asString());
        String url = done.get("downloadUrl").asString();
        assertThat(status(url.replace("export.mp4", "manifest.json"))).isEqualTo(403);
        assertThat(status(url.replaceAll("sig=[^&]+", "sig=AAAA"))).isEqualTo(403);
        assertThat(status(url)).isEqualTo(200);
    }

    private static int status(String url) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static JsonNode verify(String manifest, String signature, String sha256) {
        ServiceHttp.Response r = system.apiHttp.send("POST", "/api/v1/exports/verify", PlaybackSystem.JSON.writeValueAsString(
                Map.of("manifest", manifest, "signature", signature, "sha256", sha256)), auth(admin));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return PlaybackSystem.JSON.readTree(r.body());
    }

    private static int verifyCommand(Path media, Path manifest, Path sig, Path key) throws Exception {
        Path script = Path.of("..", "bin", "verify-export").toAbsolutePath().normalize();
        Process p = new ProcessBuilder(script.toString(), media.toString(), manifest.toString(), sig.toString(), key.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        System.out.println("bin/verify-export: " + out.strip());
        return code;
    }

    private static int indexOf(byte[] data, String box) {
        byte[] name = box.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 4; i < data.length - 4; i++) {
            for (int j = 0; j < 4; j++) {
                if (data[i + j] != name[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /* The first edit list entry's media_time over the track's timescale (the moov sits at the front: faststart). */
    private static double editListSkipSeconds(byte[] mp4) {
        ByteBuffer b = ByteBuffer.wrap(mp4);
        int mdhd = indexOf(mp4, "mdhd");
        int version = mp4[mdhd + 4];
        long timescale = version == 1 ? b.getInt(mdhd + 4 + 4 + 16) & 0xffffffffL : b.getInt(mdhd + 4 + 4 + 8) & 0xffffffffL;
        int elst = indexOf(mp4, "elst");
        assertThat(elst).as("an edit list").isPositive();
        int elstVersion = mp4[elst + 4];
        int entry = elst + 4 + 4 + 4;
        long mediaTime = elstVersion == 1 ? b.getLong(entry + 8) : b.getInt(entry + 4);
        return (double) mediaTime / timescale;
    }
}
