package ae.rta.cctv.playback.application;

import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.common.client.GrantChecks;
import ae.rta.cctv.common.security.GrantedLinks;
import ae.rta.cctv.common.security.UrlSigner;
import ae.rta.cctv.common.web.ProblemException;
import ae.rta.cctv.playback.application.port.out.Footage;
import ae.rta.cctv.playback.domain.PlaybackSource;
import ae.rta.cctv.playback.application.port.out.Upstream;
import ae.rta.cctv.playback.domain.Timeline;
import ae.rta.cctv.playback.domain.UpstreamPlaylist;
import java.util.List;
import ae.rta.cctv.playback.domain.VodPlaylist;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Turns a camera and a time range into something a player plays. From stored footage when it covers enough of the
 * range: a VOD playlist of byte ranges of the stored files themselves, no transmuxing, built from the index at each
 * request (nothing to prepare, nothing to clean up). Every link a player is handed (playlist, media byte ranges,
 * cached upstream pieces) is signed for what it reaches and the api's grant, and carries the grant's ticket, a few
 * minutes long, which the player renews through the api (ADR 13). A link is served only while its ticket is current
 * and the api says its grant holds (asked at most every 30 s, by {@link GrantChecks}).
 */
public final class Playback {

    /**
     * The answer to "play this range": where it comes from, how much is stored, what to play.
     *
     * @param filling holes of a LOCAL range being fetched from the camera's upstream VMS: the playlist lists them
     *     as they arrive (an EVENT playlist until they are in)
     */
    public record Answer(PlaybackSource source, double coverage, String playlistUrl, Instant expiresAt,
            List<VodPlaylist.Hole> filling, java.util.UUID grant) {
    }

    /**
     * What a request for a signed link presents: the grant and its ticket, the link's own signature, and where it
     * comes from (for the audit of a playback's first fetch). Any may be null.
     */
    public record Presented(String grant, Long expires, String ticket, String signature, String sourceIp) {
    }

    /**
     * @param minLocalCoverage the share stored footage must cover to play LOCAL
     * @param upstreamMaxRange the longest range fetched from the upstream VMS in one request (and the most hole
     *     time one LOCAL answer fills)
     * @param firstSegmentTimeout how long an UPSTREAM answer waits for the first fetched segment
     * @param fillGaps whether holes of LOCAL ranges are fetched from the upstream VMS
     */
    public record Settings(java.util.function.Supplier<String> publicUrl, double minLocalCoverage, Duration maxRange, Duration linkTtl,
            Duration targetSegment, Duration upstreamMaxRange, Duration firstSegmentTimeout, boolean fillGaps) {
    }

    /* Holes shorter than this are not worth a replay. */
    private static final Duration MIN_FILL = Duration.ofSeconds(2);

    /* What upstream playlist and cache links are signed as, beside LOCAL playlists' (camera, start, end, expiry). */
    private static final String UPSTREAM = "upstream";
    private static final String CACHE = "cache";

    private final Footage footage;
    private final UrlSigner signer;
    private final Settings settings;
    private final Clock clock;
    private final Timer playlistTime;
    private final Counter answersLocal;
    private final Counter answersUpstream;

    private final Upstream upstream;
    private final UpstreamCache cache;
    private final GrantedLinks links;
    private final GrantChecks grants;

    public Playback(Footage footage, Upstream upstream, UpstreamCache cache, UrlSigner signer, GrantedLinks links,
            GrantChecks grants, Settings settings, Clock clock, MeterRegistry registry) {
        this.footage = footage;
        this.upstream = upstream;
        this.cache = cache;
        this.signer = signer;
        this.links = links;
        this.grants = grants;
        this.settings = settings;
        this.clock = clock;
        this.playlistTime = Timer.builder("cctv.playback.playlist.build")
                .description("Building a VOD playlist from the segment index (storage call included)")
                .publishPercentileHistogram().register(registry);
        this.answersLocal = Counter.builder("cctv.playback.answers").tag("source", "local")
                .description("Playback requests answered, by source").register(registry);
        this.answersUpstream = Counter.builder("cctv.playback.answers").tag("source", "upstream")
                .description("Playback requests answered, by source").register(registry);
    }

    /**
     * LOCAL when stored footage covers enough of the range, else UPSTREAM: the range is fetched from the camera's
     * upstream VMS into the cache (the answer waits for the first fetched segment; a cached range answers at once).
     * Under the threshold, stored footage still plays LOCAL (holes and all, coverage as it is) when the camera has no
     * upstream that keeps recordings, the upstream cannot say now, or the range is longer than an upstream is asked for.
     *
     * @param grant the api's grant the links name
     * @throws ProblemException 400 for an empty or too long range; 409 when nothing is stored and the camera's
     *     upstream keeps no recordings; 502 when the upstream (or vms, asked where it is) does not deliver; 503 when
     *     storage does not answer
     */
    public Answer answer(CameraId camera, Instant start, Instant end, java.util.UUID grant) {
        checkRange(start, end);
        Footage.Recorded recorded = call(() -> footage.recorded(camera, start, end));
        double coverage = recorded.coverage();
        double rounded = Math.round(coverage * 10_000) / 10_000.0;
        GrantedLinks.Ticket ticket = links.ticket(grant, clock.instant().plus(settings.linkTtl()));
        Instant expires = ticket.expires();
        String range = "start=" + start + "&end=" + end + "&" + ticket.query();
        if (coverage >= settings.minLocalCoverage()) {
            return local(camera, start, end, grant, rounded, range, expires, fill(camera, holes(recorded.ranges(), start, end)));
        }
        boolean tooLong = Duration.between(start, end).compareTo(settings.upstreamMaxRange()) > 0;
        if (coverage > 0) {
            // The threshold only chooses between sources: with no upstream to fill from, or a range longer than the
            // upstream is asked for at once, what is stored plays with its holes (issue 19 item 7).
            if (tooLong) { // fill asks the upstream itself and fills nothing when it keeps nothing
                return local(camera, start, end, grant, rounded, range, expires,
                        fill(camera, holes(recorded.ranges(), start, end)));
            }
            if (upstreamReplayIfAny(camera, start, end).isEmpty()) {
                return local(camera, start, end, grant, rounded, range, expires, List.of());
            }
        } else {
            if (tooLong) {
                throw ProblemException.badRequest(String.format(java.util.Locale.ROOT, "Nothing is stored in this "
                        + "range, so it must come from the camera's upstream VMS, which is asked for at most %d minutes "
                        + "at a time: ask for a shorter range.", settings.upstreamMaxRange().toMinutes()));
            }
            if (upstreamReplay(camera, start, end).isEmpty()) {
                throw ProblemException.conflict("Nothing is stored in this range (coverage 0.0%) and this camera's "
                        + "upstream keeps no recordings this system can fetch.");
            }
        }
        List<UpstreamCache.Piece> pieces = cache.ensure(camera, start, end, true);
        UpstreamCache.Piece first = pieces.get(0);
        if (!first.awaitFirstSegment(settings.firstSegmentTimeout())) {
            throw new ProblemException(org.springframework.http.HttpStatus.BAD_GATEWAY, "Upstream did not deliver",
                    "The camera's upstream VMS did not deliver the footage" + (first.failure() == null
                            ? " within " + settings.firstSegmentTimeout().toSeconds() + " s" : ": " + first.failure())
                            + "; try again shortly.");
        }
        answersUpstream.increment();
        return new Answer(PlaybackSource.UPSTREAM, rounded, settings.publicUrl().get() + "/playback/v1/cameras/" + camera
                + "/upstream.m3u8?" + range + "&sig=" + signer.sign(UPSTREAM, camera.toString(), start.toString(),
                end.toString(), grant.toString()), expires, List.of(), grant);
    }

    private Answer local(CameraId camera, Instant start, Instant end, java.util.UUID grant, double coverage, String range,
            Instant expires, List<VodPlaylist.Hole> filling) {
        answersLocal.increment();
        return new Answer(PlaybackSource.LOCAL, coverage, settings.publicUrl().get() + "/playback/v1/cameras/" + camera
                + "/vod.m3u8?" + range + "&sig=" + signer.sign(camera.toString(), start.toString(), end.toString(),
                grant.toString()), expires, filling, grant);
    }

    /* The stretches of [start, end) of at least MIN_FILL that no recorded range covers. Ranges in time order. */
    private static List<VodPlaylist.Hole> holes(List<Timeline.Span> ranges, Instant start, Instant end) {
        return Timeline.uncovered(start, end, ranges).stream()
                .filter(u -> Duration.between(u.start(), u.end()).compareTo(MIN_FILL) >= 0)
                .map(u -> new VodPlaylist.Hole(u.start(), u.end())).toList();
    }

    /*
     * Starts fetching the holes of a LOCAL range from the camera's upstream VMS, when it keeps recordings: at most
     * upstreamMaxRange of hole time, earliest first. Best effort: an upstream that cannot be asked leaves the holes.
     */
    private List<VodPlaylist.Hole> fill(CameraId camera, List<VodPlaylist.Hole> holes) {
        if (!settings.fillGaps() || holes.isEmpty()) {
            return List.of();
        }
        if (upstreamReplayIfAny(camera, holes.get(0).start(), holes.get(0).end()).isEmpty()) {
            return List.of();
        }
        List<VodPlaylist.Hole> filling = new java.util.ArrayList<>();
        Duration left = settings.upstreamMaxRange();
        for (VodPlaylist.Hole h : holes) {
            Duration length = Duration.between(h.start(), h.end());
            if (length.compareTo(left) > 0) {
                break;
            }
            cache.ensure(camera, h.start(), h.end(), true);
            filling.add(h);
            left = left.minus(length);
        }
        return filling;
    }

    /**
     * The playlist of a range fetched from upstream, as far as it has come (pieces evicted since are fetched again).
     *
     * @throws ProblemException 403 for a signature that does not match, a ticket that has expired or a grant that no
     *     longer holds; 503 when the api cannot say
     */
    public String upstreamPlaylist(CameraId camera, Instant start, Instant end, Presented link) {
        if (link.signature() == null || link.grant() == null || !signer.verify(link.signature(), UPSTREAM, camera.toString(),
                start.toString(), end.toString(), link.grant())) {
            throw ProblemException.forbidden("The playlist URL's signature does not match: use the URL GET /api/v1/playback returned.");
        }
        GrantedLinks.Ticket ticket = admit(camera, link, "playlist");
        checkRange(start, end);
        List<UpstreamPlaylist.Piece> views = new java.util.ArrayList<>();
        for (UpstreamCache.Piece p : cache.ensure(camera, start, end, false)) {
            views.add(view(camera, p, ticket));
        }
        return UpstreamPlaylist.render(views, start, end);
    }

    /**
     * A file of a cached piece, for a signed link.
     *
     * @throws ProblemException 403 for a bad signature, an expired ticket or a grant that no longer holds; 404 for a
     *     file that is not (or no longer) there
     */
    public java.nio.file.Path cachedFile(CameraId camera, long piece, String file, Presented link) {
        if (link.signature() == null || link.grant() == null || !signer.verify(link.signature(), CACHE, camera.toString(),
                Long.toString(piece), link.grant())) {
            throw ProblemException.forbidden("The media link's signature does not match.");
        }
        admit(camera, link, "cache");
        if (!file.matches("init\\.mp4|seg_\\d{5}\\.m4s")) {
            throw ProblemException.notFound("No such file in a cached piece.");
        }
        java.nio.file.Path path = cache.file(camera, Instant.ofEpochSecond(piece), file);
        if (path == null || !java.nio.file.Files.isRegularFile(path)) {
            throw ProblemException.notFound("That piece of upstream footage is not in the cache (any more): reload the playlist.");
        }
        return path;
    }

    /**
     * Admits a link whose own signature holds: its ticket must be current and the api must say its grant holds (for
     * this camera); the first such answer for a playback is its audited first fetch. @return the link's ticket
     *
     * @throws ProblemException 403 when not, 503 when the api cannot say
     */
    private GrantedLinks.Ticket admit(CameraId camera, Presented link, String use) {
        GrantedLinks.Ticket ticket = ticket(link);
        requireGrant(camera, ticket.grant(), link, use);
        return ticket;
    }

    /** The link's ticket when it is current. @throws ProblemException 403 when it is not */
    private GrantedLinks.Ticket ticket(Presented link) {
        GrantedLinks.TicketCheck check = links.check(link.grant(), link.expires(), link.ticket(), clock.instant());
        if (check != GrantedLinks.TicketCheck.VALID) {
            throw ProblemException.forbidden(GrantedLinks.refusal(check));
        }
        java.util.UUID grant = ae.rta.cctv.common.web.RequestValues.uuid("grant", link.grant());
        return new GrantedLinks.Ticket(grant, Instant.ofEpochSecond(link.expires()), link.ticket());
    }

    /** @throws ProblemException 403 when the api says the grant no longer holds (for this camera), 503 when it cannot */
    private void requireGrant(CameraId camera, java.util.UUID grant, Presented link, String use) {
        GrantChecks.GrantStatus status;
        try {
            status = grants.check(grant, new GrantChecks.GrantUse(use, link.sourceIp(), false));
        } catch (GrantChecks.UnavailableException e) {
            throw ProblemException.unavailable("Whether this link still holds cannot be checked now; try again shortly.");
        }
        if (!status.valid() || !camera.toString().equals(status.cameraId())) {
            throw ProblemException.forbidden("This link no longer holds (" + (status.valid() ? "another camera's grant"
                    : status.reason()) + "): ask GET /api/v1/playback again.");
        }
    }

    /**
     * The playlist a signed URL names.
     *
     * @throws ProblemException 403 for a signature that does not match, an expired ticket or a grant that no longer
     *     holds; 400 for a bad range; 503 when the api cannot say whether the grant holds
     */
    public VodPlaylist.Rendered playlist(CameraId camera, Instant start, Instant end, Presented link) {
        if (link.signature() == null || link.grant() == null || !signer.verify(link.signature(), camera.toString(),
                start.toString(), end.toString(), link.grant())) {
            throw ProblemException.forbidden("The playlist URL's signature does not match: use the URL GET /api/v1/playback returned.");
        }
        GrantedLinks.Ticket ticket = ticket(link);
        checkRange(start, end);
        String ticketQuery = ticket.query();
        VodPlaylist.MediaLinks media = (s, offset, size) -> links.mediaLink(s.mediaUrl(), s.objectKey(), offset, size,
                ticket.grant(), ticketQuery);
        return playlistTime.record(() -> {
            // the api's word on the grant (a remote call on a playback's first fetch) is asked while storage answers
            java.util.Map<String, String> mdc = org.slf4j.MDC.getCopyOfContextMap();
            java.util.concurrent.CompletableFuture<Void> admitted = java.util.concurrent.CompletableFuture.runAsync(() -> {
                if (mdc != null) {
                    org.slf4j.MDC.setContextMap(mdc);
                }
                requireGrant(camera, ticket.grant(), link, "playlist");
            }, task -> Thread.ofVirtual().start(task));
            List<VodPlaylist.StoredSegment> stored = call(() -> footage.playable(camera, start, end, SERVICE_LINKS));
            try {
                admitted.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
            long target = settings.targetSegment().toMillis();
            if (!settings.fillGaps()) {
                return VodPlaylist.render(stored, h -> List.of(), media, start, end, target);
            }
            return VodPlaylist.render(stored, h -> cache.present(camera, h.start(), h.end()).stream()
                    .map(p -> view(camera, p, ticket)).toList(), media, start, end, target);
        });
    }

    /* Storage's whole-object links in a playable answer are for services; players get byte-range links instead. */
    private static final Duration SERVICE_LINKS = Duration.ofMinutes(1);

    /* A cached piece as a playlist lists it: its segments so far and signed links to its files. */
    private UpstreamPlaylist.Piece view(CameraId camera, UpstreamCache.Piece p, GrantedLinks.Ticket ticket) {
        String piece = Long.toString(p.start().getEpochSecond());
        return new UpstreamPlaylist.Piece(p.start(), p.segments(), p.complete() || p.failed(),
                settings.publicUrl().get() + "/playback/v1/cache/" + camera + "/" + piece,
                "?" + ticket.query() + "&sig=" + signer.sign(CACHE, camera.toString(), piece, ticket.grant().toString()));
    }

    /** The longest span one timeline may draw, and the most buckets it may have. */
    public static final Duration MAX_TIMELINE = Duration.ofDays(31);
    public static final int MAX_BUCKETS = 20_000;

    /**
     * The recorded ranges, holes with reasons, and per-bucket coverage of a range at {@code resolution} (null: about
     * 1,440 buckets, whole seconds).
     *
     * @throws ProblemException 400 for an empty or too long range or a resolution that makes too many buckets
     */
    public Timeline timeline(CameraId camera, Instant start, Instant end, Duration resolution) {
        if (!end.isAfter(start)) {
            throw ProblemException.badRequest("end must be after start.");
        }
        Duration span = Duration.between(start, end);
        if (span.compareTo(MAX_TIMELINE) > 0) {
            throw ProblemException.badRequest("A timeline may span at most " + MAX_TIMELINE.toDays() + " days.");
        }
        Duration step = resolution != null ? resolution
                : Duration.ofSeconds(Math.max(1, (span.toSeconds() + 1439) / 1440));
        if (step.toMillis() < 1000) {
            throw ProblemException.badRequest("resolution must be at least one second (PT1S).");
        }
        if (span.toMillis() / step.toMillis() > MAX_BUCKETS) {
            throw ProblemException.badRequest("That resolution makes more than " + MAX_BUCKETS + " buckets for this range: "
                    + "ask for a coarser one (at least PT" + (span.toSeconds() / MAX_BUCKETS + 1) + "S).");
        }
        Footage.Recorded recorded = call(() -> footage.recorded(camera, start, end));
        return Timeline.of(start, end, step, recorded.ranges(), recorded.gaps());
    }

    private void checkRange(Instant start, Instant end) {
        if (!end.isAfter(start)) {
            throw ProblemException.badRequest("end must be after start.");
        }
        if (Duration.between(start, end).compareTo(settings.maxRange()) > 0) {
            throw ProblemException.badRequest("A playback range may span at most " + settings.maxRange().toHours() + " hours.");
        }
    }

    private java.util.Optional<Upstream.Replay> upstreamReplay(CameraId camera, Instant start, Instant end) {
        try {
            return upstream.replay(camera, start, end);
        } catch (Footage.UnavailableException e) {
            throw new ProblemException(org.springframework.http.HttpStatus.BAD_GATEWAY, "Upstream did not deliver",
                    "The camera's upstream VMS cannot replay the range now (" + e.getMessage() + "); try again shortly.");
        }
    }

    /* The upstream's replay of the range, or none when it keeps none or cannot say now (stored footage then plays). */
    private java.util.Optional<Upstream.Replay> upstreamReplayIfAny(CameraId camera, Instant start, Instant end) {
        try {
            return upstream.replay(camera, start, end);
        } catch (Footage.UnavailableException e) {
            return java.util.Optional.empty();
        }
    }

    private static <T> T call(java.util.function.Supplier<T> storage) {
        try {
            return storage.get();
        } catch (Footage.UnavailableException e) {
            throw ProblemException.unavailable("Stored footage cannot be read now (" + e.getMessage() + "); try again shortly.");
        }
    }
}
