package ae.rta.cctv.playback.application;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.media.Sha256;
import ae.rta.cctv.common.security.PrivateFiles;
import ae.rta.cctv.common.security.Secrets;
import ae.rta.cctv.common.security.UrlSigner;
import ae.rta.cctv.common.web.ProblemException;
import ae.rta.cctv.playback.application.port.out.EvidenceHolds;
import ae.rta.cctv.playback.application.port.out.ExportJobs;
import ae.rta.cctv.playback.application.port.out.ExportWriter;
import ae.rta.cctv.playback.application.port.out.Footage;
import ae.rta.cctv.playback.domain.EvidenceSignature;
import ae.rta.cctv.playback.domain.ExportJob;
import ae.rta.cctv.playback.domain.VodPlaylist;
import ae.rta.cctv.playback.domain.VodPlaylist.StoredSegment;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Evidence exports. Asking places an evidence hold on the range at once (so retention cannot take the footage while
 * the job waits) and queues a job; runners on any playback instance take queued jobs, write the MP4 by stream copy
 * from the stored segments, hash it, and sign a manifest that names the file's SHA-256 and every stored segment it
 * came from with theirs (and whether each was imported rather than recorded). Downloads are signed links naming the
 * api's grant, with its ticket of a few minutes; every download is checked with the api and audited by it.
 */
public final class Exports implements AutoCloseable {

    /*
     * Jobs live in the database, so a job survives the instance that queued it: a runner claims one with SKIP LOCKED,
     * reports progress (its heartbeat) every half second, and a job whose runner falls silent for a minute is queued
     * again (three runs at most). The exported file is written on the runner's disk (the export directory, a shared
     * volume when several instances run) and served from there.
     */
    private static final Logger log = LoggerFactory.getLogger(Exports.class);
    private static final JsonMapper MANIFEST_JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final Duration STALE = Duration.ofMinutes(1);
    private static final int MAX_ATTEMPTS = 3;
    public static final String MEDIA = "export.mp4";
    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "manifest.sig";

    /**
     * @param maxRange the longest range one export may span
     * @param directory where exported files are written
     * @param linkTtl how long a download link stays valid
     * @param workers how many exports one instance writes at once
     */
    public record Settings(Duration maxRange, Path directory, Duration linkTtl, Supplier<String> publicUrl, int workers,
            Duration targetSegment, String instance) {
    }

    /** A job and, once it is done, where to fetch its files. */
    public record View(ExportJob job, Map<String, String> links, Instant linksExpire) {
    }

    /** What a verification found. @param fileMatches null when no file hash was given */
    public record Verification(boolean valid, boolean signatureValid, Boolean fileMatches, String exportId, List<String> problems) {
    }

    private final ExportJobs jobs;
    private final Footage footage;
    private final EvidenceHolds holds;
    private final ExportWriter writer;
    private final EvidenceSignature signature;
    private final UrlSigner downloads;
    private final ae.rta.cctv.common.security.GrantedLinks tickets;
    private final ae.rta.cctv.common.client.GrantChecks grants;
    private final Settings settings;
    private final Clock clock;
    private final Semaphore free;
    private final ExecutorService runners = Executors.newVirtualThreadPerTaskExecutor();
    private final Object wake = new Object();
    private final AtomicInteger running = new AtomicInteger();
    private final Counter done;
    private final Counter failed;
    private final Timer duration;
    private volatile boolean open = true;
    private Thread dispatcher;

    public Exports(ExportJobs jobs, Footage footage, EvidenceHolds holds, ExportWriter writer, EvidenceSignature signature,
            UrlSigner downloads, ae.rta.cctv.common.security.GrantedLinks tickets, ae.rta.cctv.common.client.GrantChecks grants,
            Settings settings, Clock clock, MeterRegistry registry) {
        this.tickets = tickets;
        this.grants = grants;
        this.jobs = jobs;
        this.footage = footage;
        this.holds = holds;
        this.writer = writer;
        this.signature = signature;
        this.downloads = downloads;
        this.settings = settings;
        this.clock = clock;
        this.free = new Semaphore(settings.workers());
        this.done = Counter.builder("cctv.playback.exports").tag("outcome", "done")
                .description("Exports finished, by outcome").register(registry);
        this.failed = Counter.builder("cctv.playback.exports").tag("outcome", "failed")
                .description("Exports finished, by outcome").register(registry);
        this.duration = Timer.builder("cctv.playback.export").description("Writing one export, hashing and signing included")
                .publishPercentileHistogram().register(registry);
        Gauge.builder("cctv.playback.exports.running", running, AtomicInteger::get)
                .description("Exports this instance is writing now").register(registry);
    }

    /** Starts taking queued jobs (also those queued before a restart). */
    public synchronized void start() {
        if (dispatcher == null) {
            dispatcher = Thread.ofVirtual().name("export-dispatcher").start(this::dispatch);
        }
    }

    /**
     * Queues an export after putting the range under an evidence hold.
     *
     * @throws ProblemException 400 for a bad range, 409 when nothing is stored in it, 503 when storage is away
     */
    public ExportJob create(CameraId camera, Instant start, Instant end, String actor) {
        if (!end.isAfter(start)) {
            throw ProblemException.badRequest("end must be after start.");
        }
        if (Duration.between(start, end).compareTo(settings.maxRange()) > 0) {
            throw ProblemException.badRequest("An export may span at most " + describe(settings.maxRange()) + ".");
        }
        double coverage = call(() -> footage.coverage(camera, start, end));
        if (coverage <= 0) {
            throw ProblemException.conflict("Nothing is stored for this camera between " + start + " and " + end
                    + ": there is no footage to export.");
        }
        UUID id = UUID.randomUUID();
        UUID hold = call(() -> holds.place(camera, start, end, "evidence export by " + actor, "export:" + id));
        ExportJob job = ExportJob.queued(id, camera, start, end, actor, clock.instant(), hold);
        try {
            jobs.insert(job);
        } catch (RuntimeException e) {
            releaseQuietly(hold);
            throw e;
        }
        synchronized (wake) {
            wake.notifyAll();
        }
        return job;
    }

    /**
     * An export, with links to its files (once it is done) for {@code grant}.
     *
     * @param grant the api's grant the links name; null for none
     * @throws ProblemException 404 for an unknown export
     */
    public View get(UUID id, UUID grant) {
        return view(jobs.find(id).orElseThrow(() -> ProblemException.notFound("No export " + id + ".")), grant);
    }

    /** Exports without links (each is asked for with its own grant). */
    public List<View> list(String requestedBy, int page, int size) {
        return jobs.list(requestedBy, page, size).stream().map(j -> view(j, null)).toList();
    }

    public long count(String requestedBy) {
        return jobs.count(requestedBy);
    }

    /** What a download request presents: the grant and its ticket, the link's signature, and where it comes from. */
    public record Download(String grant, Long expires, String ticket, String signature, String sourceIp) {
    }

    /**
     * One of a finished export's files, for a signed link whose grant the api says holds; the api audits the download.
     *
     * @throws ProblemException 403 for a link that does not match, has expired or whose grant no longer holds, 404 when
     *     the export has no such file, 503 when the api cannot be asked
     */
    public Path file(UUID id, String name, Download link) {
        if (link.signature() == null || link.grant() == null
                || !downloads.verify(link.signature(), id.toString(), name, link.grant())) {
            throw ProblemException.forbidden("The download link's signature does not match: use the link GET /api/v1/exports/{id} gave.");
        }
        ae.rta.cctv.common.security.GrantedLinks.TicketCheck check = tickets.check(link.grant(), link.expires(), link.ticket(),
                clock.instant());
        if (check != ae.rta.cctv.common.security.GrantedLinks.TicketCheck.VALID) {
            throw ProblemException.forbidden(check == ae.rta.cctv.common.security.GrantedLinks.TicketCheck.EXPIRED
                    ? "The download link has expired: ask GET /api/v1/exports/{id} again."
                    : ae.rta.cctv.common.security.GrantedLinks.refusal(check));
        }
        ae.rta.cctv.common.client.GrantChecks.GrantStatus status;
        try {
            status = grants.checkNow(ae.rta.cctv.common.web.RequestValues.uuid("grant", link.grant()),
                    new ae.rta.cctv.common.client.GrantChecks.GrantUse(name, link.sourceIp(), true));
        } catch (ae.rta.cctv.common.client.GrantChecks.UnavailableException e) {
            throw ProblemException.unavailable("Whether this download link still holds cannot be checked now; try again shortly.");
        }
        if (!status.valid() || !id.toString().equals(status.target())) {
            throw ProblemException.forbidden("This download link no longer holds (" + (status.valid() ? "another export's grant"
                    : status.reason()) + "): ask GET /api/v1/exports/{id} again.");
        }
        ExportJob job = jobs.find(id).filter(j -> j.status() == ExportJob.Status.DONE)
                .orElseThrow(() -> ProblemException.notFound("Export " + id + " has no files (not finished)."));
        Path dir = settings.directory().resolve(job.id().toString());
        Path file = switch (name) {
            case MEDIA -> dir.resolve(MEDIA);
            case MANIFEST -> dir.resolve(MANIFEST);
            case SIGNATURE -> dir.resolve(SIGNATURE);
            default -> throw ProblemException.notFound("An export has " + MEDIA + ", " + MANIFEST + " and " + SIGNATURE + ".");
        };
        if (!Files.isRegularFile(file)) {
            throw ProblemException.notFound("Export " + id + "'s " + name + " is not on this instance's disk.");
        }
        return file;
    }

    /**
     * Checks a manifest's signature and, when {@code sha256} is given, that it names the file with that hash.
     * Works on any manifest this system signed, with no lookup: the signature is the proof.
     */
    public Verification verify(String manifest, String manifestSignature, String sha256) {
        List<String> problems = new ArrayList<>();
        if (manifest == null || manifest.isEmpty() || manifestSignature == null || manifestSignature.isBlank()) {
            throw ProblemException.badRequest("manifest (the manifest.json text, exactly) and signature (base64) are required.");
        }
        boolean signed = signature.verify(manifest, manifestSignature);
        if (!signed) {
            problems.add("The signature does not match the manifest: the manifest was changed or not signed by this system.");
        }
        String exportId = null;
        String named = null;
        try {
            tools.jackson.databind.JsonNode tree = MANIFEST_JSON.readTree(manifest);
            exportId = tree.path("exportId").asString(null);
            named = tree.path("file").path("sha256").asString(null);
        } catch (tools.jackson.core.JacksonException e) {
            problems.add("The manifest is not JSON.");
        }
        Boolean matches = null;
        if (sha256 != null && !sha256.isBlank()) {
            matches = sha256.strip().equalsIgnoreCase(named);
            if (!matches) {
                problems.add("The file's SHA-256 " + sha256.strip().toLowerCase(java.util.Locale.ROOT)
                        + " is not the one the manifest names (" + named + "): the file was changed.");
            }
        }
        return new Verification(signed && !Boolean.FALSE.equals(matches) && problems.isEmpty(), signed, matches, exportId,
                problems);
    }

    public String publicKeyPem() {
        return signature.publicKeyPem();
    }

    private View view(ExportJob job, UUID grant) {
        if (job.status() != ExportJob.Status.DONE || grant == null) {
            return new View(job, Map.of(), null);
        }
        ae.rta.cctv.common.security.GrantedLinks.Ticket ticket = tickets.ticket(grant, clock.instant().plus(settings.linkTtl()));
        Map<String, String> links = new LinkedHashMap<>();
        links.put("downloadUrl", link(job.id(), MEDIA, ticket));
        links.put("manifestUrl", link(job.id(), MANIFEST, ticket));
        links.put("signatureUrl", link(job.id(), SIGNATURE, ticket));
        return new View(job, links, ticket.expires());
    }

    private String link(UUID id, String name, ae.rta.cctv.common.security.GrantedLinks.Ticket ticket) {
        return settings.publicUrl().get() + "/playback/v1/exports/" + id + "/" + name + "?" + ticket.query() + "&sig="
                + downloads.sign(id.toString(), name, ticket.grant().toString());
    }

    private void dispatch() {
        Instant nextStaleCheck = Instant.EPOCH;
        while (open) {
            try {
                if (clock.instant().isAfter(nextStaleCheck)) {
                    int requeued = jobs.requeueStale(STALE, MAX_ATTEMPTS, clock.instant());
                    if (requeued > 0) {
                        log.info("{} export(s) whose runner fell silent queued again", requeued);
                    }
                    nextStaleCheck = clock.instant().plusSeconds(15);
                }
                free.acquire();
                Optional<ExportJob> job;
                try {
                    job = jobs.claim(settings.instance(), clock.instant());
                } catch (RuntimeException e) {
                    free.release();
                    throw e;
                }
                if (job.isPresent()) {
                    runners.submit(() -> {
                        try {
                            run(job.get());
                        } finally {
                            free.release();
                        }
                    });
                    continue;
                }
                free.release();
                synchronized (wake) {
                    wake.wait(1000);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("export queue cannot be read now: {}", e.toString());
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private void run(ExportJob job) {
        running.incrementAndGet();
        long began = System.nanoTime();
        Path dir = settings.directory().resolve(job.id().toString());
        try {
            List<StoredSegment> segments = footage.playable(job.camera(), job.start(), job.end(), Duration.ofHours(6));
            VodPlaylist.Rendered playlist = VodPlaylist.render(segments, job.start(), job.end(), settings.targetSegment().toMillis());
            if (playlist.segments() == 0) {
                throw new ExportWriter.ExportFailedException("nothing is stored in the range any more");
            }
            PrivateFiles.directories(dir);
            Path source = dir.resolve("source.m3u8");
            PrivateFiles.writeString(source, playlist.text());
            Duration offset = Duration.between(playlist.mediaStart(), job.start());
            if (offset.isNegative()) {
                offset = Duration.ZERO; // the footage starts after the asked start: the file opens at its first frame
            }
            Instant opensAt = playlist.mediaStart().plus(offset);
            Duration length = Duration.between(opensAt, job.end()).minusMillis(gapsAfter(playlist, opensAt));
            Path media = dir.resolve(MEDIA);
            long[] lastReport = {0};
            writer.write(source, offset, length, media, share -> {
                long now = System.nanoTime();
                if (now - lastReport[0] > 500_000_000L) {
                    lastReport[0] = now;
                    jobs.progress(job.id(), Math.min(0.99, share), clock.instant());
                }
            });
            Files.deleteIfExists(source);
            String sha256 = sha256(media);
            long size = Files.size(media);
            String manifest = manifest(job, segments, playlist, opensAt, length, sha256, size);
            String signed = signature.sign(manifest);
            PrivateFiles.writeString(dir.resolve(MANIFEST), manifest);
            PrivateFiles.write(dir.resolve(SIGNATURE), java.util.Base64.getDecoder().decode(signed));
            jobs.done(job.id(), sha256, size, manifest, signed, clock.instant());
            done.increment();
            log.info("export {} of camera {} done: {} bytes, sha256 {}", job.id(), job.camera(), size, sha256);
        } catch (Footage.UnavailableException | ExportWriter.ExportFailedException | IOException | UncheckedIOException e) {
            fail(job, e.getMessage());
        } catch (RuntimeException e) {
            log.warn("export {} failed", job.id(), e);
            fail(job, "unexpected error: " + e);
        } finally {
            duration.record(System.nanoTime() - began, TimeUnit.NANOSECONDS);
            running.decrementAndGet();
        }
    }

    private void fail(ExportJob job, String why) {
        String reason = Secrets.mask(why);
        log.warn("export {} of camera {} failed: {}", job.id(), job.camera(), reason);
        failed.increment();
        try {
            jobs.fail(job.id(), reason, clock.instant());
        } catch (RuntimeException e) {
            log.warn("export {} failure not recorded ({}); it will be queued again", job.id(), e.toString());
            return;
        }
        if (job.holdId() != null) {
            releaseQuietly(job.holdId());
        }
    }

    private void releaseQuietly(UUID hold) {
        try {
            holds.release(hold);
        } catch (RuntimeException e) {
            log.warn("evidence hold {} not released ({}); release it with DELETE /internal/holds/{}", hold, e, hold);
        }
    }

    private static long gapsAfter(VodPlaylist.Rendered playlist, Instant from) {
        long ms = 0;
        for (VodPlaylist.Hole h : playlist.gaps()) {
            Instant s = h.start().isBefore(from) ? from : h.start();
            if (h.end().isAfter(s)) {
                ms += h.end().toEpochMilli() - s.toEpochMilli();
            }
        }
        return ms;
    }

    /* The manifest: what was asked, what the file holds, and every stored segment it was cut from, with hashes. */
    private String manifest(ExportJob job, List<StoredSegment> segments, VodPlaylist.Rendered playlist, Instant opensAt,
            Duration length, String sha256, long size) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "rta-cctv-evidence-manifest/1");
        m.put("exportId", job.id().toString());
        m.put("cameraId", job.camera().toString());
        m.put("requested", Map.of("start", job.start().toString(), "end", job.end().toString()));
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("name", job.fileName());
        file.put("sizeBytes", size);
        file.put("sha256", sha256);
        file.put("container", "mp4 (faststart), video stream-copied from the recording, not re-encoded");
        file.put("firstKeyframeAt", playlist.mediaStart().toString());
        file.put("opensAt", opensAt.toString());
        file.put("durationSeconds", length.toMillis() / 1000.0);
        m.put("file", file);
        m.put("gaps", playlist.gaps().stream().map(h -> Map.of("start", h.start().toString(), "end", h.end().toString())).toList());
        // Footage imported from a file is not what a camera recorded: the manifest says so, per segment and in all.
        m.put("containsImportedFootage", segments.stream().anyMatch(StoredSegment::imported));
        m.put("sourceSegments", segments.stream().map(s -> {
            Map<String, Object> seg = new LinkedHashMap<>();
            seg.put("id", s.id());
            seg.put("start", s.start().toString());
            seg.put("end", s.end() == null ? null : s.end().toString());
            seg.put("bytes", s.bytes());
            seg.put("sha256", s.sha256());
            seg.put("origin", s.imported() ? "imported" : "recorded");
            return seg;
        }).toList());
        m.put("exportedBy", job.requestedBy());
        m.put("requestedAt", job.createdAt().toString());
        m.put("exportedAt", clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
        m.put("signature", "Ed25519 over the exact bytes of this file; public key: GET /api/v1/exports/public-key");
        return MANIFEST_JSON.writeValueAsString(m) + "\n";
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Sha256.hex(in);
        }
    }

    private static String describe(Duration d) {
        return d.toMinutes() % 60 == 0 ? d.toHours() + " hours" : d.toMinutes() + " minutes";
    }

    private static <T> T call(Supplier<T> storage) {
        try {
            return storage.get();
        } catch (Footage.UnavailableException e) {
            throw ProblemException.unavailable("Stored footage cannot be reached now (" + e.getMessage() + "); try again shortly.");
        }
    }

    @Override
    public void close() {
        open = false;
        if (dispatcher != null) {
            dispatcher.interrupt();
        }
        runners.shutdownNow();
    }
}
