package ae.rta.cctv.playback.domain;

import static org.assertj.core.api.Assertions.assertThat;

import ae.rta.cctv.playback.domain.VodPlaylist.Fragment;
import ae.rta.cctv.playback.domain.VodPlaylist.StoredSegment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VodPlaylistTest {

    private static final Instant T = Instant.parse("2026-10-01T08:00:00Z");

    /** A stored file of {@code seconds} one-second fragments, each a keyframe, 1000 bytes after an init of 500. */
    private static StoredSegment file(Instant start, int seconds, String url) {
        List<Fragment> fragments = new ArrayList<>();
        for (int i = 0; i < seconds; i++) {
            fragments.add(new Fragment(i * 1000L, 1000, 500 + i * 1000L, 1000, true));
        }
        return new StoredSegment(start, url, 500, fragments);
    }

    /** As {@link #file}, on a recording run's 90 kHz decode timeline from {@code decodeSeconds}. */
    private static StoredSegment runFile(Instant start, int seconds, String url, long decodeSeconds, String codec) {
        StoredSegment f = file(start, seconds, url);
        return new StoredSegment(f.start(), f.url(), f.initSize(), f.fragments(), url, start.plusSeconds(seconds), 0, null,
                false, null, null, codec, new ae.rta.cctv.common.domain.DecodeSpan(90_000, decodeSeconds * 90_000,
                (decodeSeconds + seconds) * 90_000));
    }

    private static List<String> lines(VodPlaylist.Rendered r) {
        return r.text().lines().toList();
    }

    @Test
    void groupsWholeFragmentsIntoByteRangesOfAboutTheTarget() {
        VodPlaylist.Rendered r = VodPlaylist.render(List.of(file(T, 60, "a")), T, T.plusSeconds(60), 4000);
        assertThat(r.segments()).isEqualTo(15);
        assertThat(r.mediaMillis()).isEqualTo(60_000);
        assertThat(lines(r)).contains("#EXT-X-MAP:URI=\"a\",BYTERANGE=\"500@0\"", "#EXT-X-BYTERANGE:4000@500",
                "#EXT-X-BYTERANGE:4000@4500", "#EXT-X-TARGETDURATION:4", "#EXT-X-ENDLIST");
        assertThat(r.gaps()).isEmpty();
    }

    @Test
    void startsAtTheKeyframeBeforeTheRangeAndStopsAtItsEnd() {
        List<Fragment> fragments = List.of(new Fragment(0, 1000, 500, 1000, true), new Fragment(1000, 1000, 1500, 900, false),
                new Fragment(2000, 1000, 2400, 1000, true), new Fragment(3000, 1000, 3400, 800, false));
        VodPlaylist.Rendered r = VodPlaylist.render(List.of(new StoredSegment(T, "a", 500, fragments)), T.plusMillis(1500),
                T.plusMillis(2500), 4000);
        assertThat(lines(r)).contains("#EXT-X-PROGRAM-DATE-TIME:2026-10-01T08:00:00.000Z", "#EXT-X-BYTERANGE:2900@500");
        assertThat(r.mediaMillis()).isEqualTo(3000);
    }

    @Test
    void eachStoredFileIsADiscontinuityAndHolesAreLeftOutButReported() {
        VodPlaylist.Rendered r = VodPlaylist.render(List.of(file(T, 60, "a"), file(T.plusSeconds(120), 60, "b")), T,
                T.plusSeconds(180), 6000);
        List<String> lines = lines(r);
        int b = lines.indexOf("#EXT-X-MAP:URI=\"b\",BYTERANGE=\"500@0\"");
        assertThat(lines.get(b - 1)).isEqualTo("#EXT-X-DISCONTINUITY");
        assertThat(lines.get(b + 1)).isEqualTo("#EXT-X-PROGRAM-DATE-TIME:2026-10-01T08:02:00.000Z");
        assertThat(lines.get(b + 3)).as("the segment after a discontinuity carries its init section too")
                .isEqualTo("#EXT-X-BYTERANGE:6500@0");
        assertThat(lines.get(b + 7)).as("the next one does not").isEqualTo("#EXT-X-BYTERANGE:6000@6500");
        assertThat(r.mediaMillis()).isEqualTo(120_000);
        assertThat(r.gaps()).containsExactly(new VodPlaylist.Hole(T.plusSeconds(60), T.plusSeconds(120)));
    }

    @Test
    void filesOfOneRunFollowEachOtherWithoutADiscontinuity() {
        // a, b and c are one run (b's decode time starts where a's ends); d restarts the timeline (a new run);
        // e continues d's timeline but after a hole of a minute (a player must be told the timestamps jump)
        VodPlaylist.Rendered r = VodPlaylist.render(List.of(runFile(T, 60, "a", 0, "avc1"),
                runFile(T.plusSeconds(60), 60, "b", 60, "avc1"), runFile(T.plusSeconds(120), 60, "c", 120, "avc1"),
                runFile(T.plusSeconds(180), 60, "d", 0, "avc1"), runFile(T.plusSeconds(300), 60, "e", 120, "avc1")),
                T, T.plusSeconds(360), 6000);
        List<String> lines = lines(r);
        assertThat(lines.stream().filter(l -> l.startsWith("#EXT-X-MAP:"))).as("each file its init section").hasSize(5);
        assertThat(lines.get(lines.indexOf("#EXT-X-MAP:URI=\"b\",BYTERANGE=\"500@0\"") - 1)).startsWith("a");
        assertThat(lines.get(lines.indexOf("#EXT-X-MAP:URI=\"c\",BYTERANGE=\"500@0\"") - 1)).startsWith("b");
        assertThat(lines.get(lines.indexOf("#EXT-X-MAP:URI=\"d\",BYTERANGE=\"500@0\"") - 1)).isEqualTo("#EXT-X-DISCONTINUITY");
        assertThat(lines.get(lines.indexOf("#EXT-X-MAP:URI=\"e\",BYTERANGE=\"500@0\"") - 1)).isEqualTo("#EXT-X-DISCONTINUITY");
        assertThat(lines.stream().filter(l -> l.equals("#EXT-X-DISCONTINUITY"))).hasSize(2);
    }

    @Test
    void aCodecChangeOrAnUnknownTimelineIsADiscontinuity() {
        VodPlaylist.Rendered r = VodPlaylist.render(List.of(runFile(T, 60, "a", 0, "avc1"),
                runFile(T.plusSeconds(60), 60, "b", 60, "hvc1"), file(T.plusSeconds(120), 60, "c")), T, T.plusSeconds(180), 6000);
        assertThat(lines(r).stream().filter(l -> l.equals("#EXT-X-DISCONTINUITY"))).hasSize(2);
    }

    @Test
    void nothingStoredIsAnEmptyPlaylistWithOneHole() {
        VodPlaylist.Rendered r = VodPlaylist.render(List.of(), T, T.plusSeconds(60), 4000);
        assertThat(r.segments()).isZero();
        assertThat(r.text()).endsWith("#EXT-X-ENDLIST\n");
        assertThat(r.gaps()).containsExactly(new VodPlaylist.Hole(T, T.plusSeconds(60)));
    }

    @Test
    void datesAndDurationsAreWrittenAsJavaTimeWouldWriteThem() {
        java.time.format.DateTimeFormatter iso = java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", java.util.Locale.ROOT).withZone(java.time.ZoneOffset.UTC);
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 10_000; i++) {
            long millis = random.nextLong(Instant.parse("1990-01-01T00:00:00Z").toEpochMilli(),
                    Instant.parse("2100-01-01T00:00:00Z").toEpochMilli());
            StringBuilder date = new StringBuilder();
            VodPlaylist.appendDateTime(date, millis);
            assertThat(date.toString()).isEqualTo(iso.format(Instant.ofEpochMilli(millis)));
            long duration = random.nextLong(0, 100_000);
            StringBuilder seconds = new StringBuilder();
            VodPlaylist.appendSeconds(seconds, duration);
            assertThat(seconds.toString()).isEqualTo(String.format(java.util.Locale.ROOT, "%.3f", duration / 1000.0));
        }
    }

    private static final VodPlaylist.Hole HOLE = new VodPlaylist.Hole(T.plusSeconds(60), T.plusSeconds(70));

    /** Fills {@link #HOLE}, and only it, with {@code piece}. */
    private static java.util.function.Function<VodPlaylist.Hole, List<UpstreamPlaylist.Piece>> only(UpstreamPlaylist.Piece piece) {
        return hole -> hole.equals(HOLE) ? List.of(piece) : List.of();
    }

    /** A fetched piece of {@code seconds} two-second segments. */
    private static UpstreamPlaylist.Piece piece(Instant start, int seconds, boolean complete) {
        List<UpstreamPlaylist.Segment> segments = new ArrayList<>();
        for (int i = 0; i < seconds / 2; i++) {
            segments.add(new UpstreamPlaylist.Segment(String.format("seg_%05d.m4s", i), 2000));
        }
        return new UpstreamPlaylist.Piece(start, segments, complete, "https://p/cache/" + start.getEpochSecond(), "?sig=s");
    }

    @Test
    void aHoleIsFilledFromAFetchedPieceWithItsOwnInitSectionAndDiscontinuities() {
        VodPlaylist.Rendered r = VodPlaylist.render(List.of(file(T, 60, "a"), file(T.plusSeconds(70), 50, "b")),
                only(piece(T.plusSeconds(60), 60, true)), T, T.plusSeconds(120), 4000);
        List<String> lines = lines(r);
        int map = lines.indexOf("#EXT-X-MAP:URI=\"https://p/cache/" + T.plusSeconds(60).getEpochSecond() + "/init.mp4?sig=s\"");
        assertThat(map).isPositive();
        assertThat(lines.get(map - 1)).isEqualTo("#EXT-X-DISCONTINUITY");
        assertThat(lines.get(map + 1)).isEqualTo("#EXT-X-PROGRAM-DATE-TIME:2026-10-01T08:01:00.000Z");
        assertThat(lines.stream().filter(l -> l.startsWith("https://p/cache/"))).as("only the hole's five segments")
                .hasSize(5).last().asString().endsWith("seg_00004.m4s?sig=s");
        assertThat(lines.get(lines.indexOf("#EXT-X-MAP:URI=\"b\",BYTERANGE=\"500@0\"") - 1)).isEqualTo("#EXT-X-DISCONTINUITY");
        assertThat(r.gaps()).isEmpty();
        assertThat(r.filledMillis()).isEqualTo(10_000);
        assertThat(r.complete()).isTrue();
        assertThat(lines).contains("#EXT-X-PLAYLIST-TYPE:VOD", "#EXT-X-ENDLIST");
    }

    @Test
    void whileAFillIsOnItsWayThePlaylistEndsThereAsAnEventPlaylist() {
        UpstreamPlaylist.Piece arriving = new UpstreamPlaylist.Piece(T.plusSeconds(60), piece(T, 6, false).segments(), false,
                "https://p/cache/x", "?sig=s");
        VodPlaylist.Rendered r = VodPlaylist.render(List.of(file(T, 60, "a"), file(T.plusSeconds(70), 50, "b")),
                only(arriving), T, T.plusSeconds(120), 4000);
        List<String> lines = lines(r);
        assertThat(lines).contains("#EXT-X-PLAYLIST-TYPE:EVENT").doesNotContain("#EXT-X-ENDLIST");
        assertThat(lines.getLast()).isEqualTo("https://p/cache/x/seg_00002.m4s?sig=s");
        assertThat(lines).noneMatch(l -> l.startsWith("#EXT-X-MAP:URI=\"b\""));
        assertThat(r.complete()).isFalse();
        assertThat(r.mediaMillis()).isEqualTo(66_000);
    }

    @Test
    void aFillThatHasNothingYetStillHoldsBackWhatComesAfterItsHole() {
        UpstreamPlaylist.Piece started = new UpstreamPlaylist.Piece(T.plusSeconds(60), List.of(), false, "https://p/cache/x", "?s");
        VodPlaylist.Rendered r = VodPlaylist.render(List.of(file(T, 60, "a"), file(T.plusSeconds(70), 50, "b")),
                only(started), T, T.plusSeconds(120), 4000);
        assertThat(lines(r)).contains("#EXT-X-PLAYLIST-TYPE:EVENT").doesNotContain("#EXT-X-ENDLIST")
                .noneMatch(l -> l.startsWith("#EXT-X-MAP:URI=\"b\""));
        assertThat(r.mediaMillis()).isEqualTo(60_000);
    }

    @Test
    void withoutAnyFillTheHolesStay() {
        List<StoredSegment> stored = List.of(file(T, 60, "a"), file(T.plusSeconds(70), 50, "b"));
        assertThat(VodPlaylist.render(stored, T, T.plusSeconds(120), 4000).gaps())
                .containsExactly(new VodPlaylist.Hole(T.plusSeconds(60), T.plusSeconds(70)));
        assertThat(VodPlaylist.render(stored, hole -> List.of(), T, T.plusSeconds(120), 4000).text())
                .isEqualTo(VodPlaylist.render(stored, T, T.plusSeconds(120), 4000).text());
    }
}
