package ae.rta.cctv.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class RequestPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/internal/cameras", "/%69nternal/cameras", "/%2569nternal/cameras", "/internal;x/cameras",
            "/internal;/cameras", "//internal/cameras", "/INTERNAL/cameras", "/Internal/cameras", "/internal%2Fcameras",
            "/internal%2fcameras", "/internal%5Ccameras", "/internal\\cameras", "/x/../internal/cameras",
            "/x/%2e%2e/internal/cameras", "/./internal/cameras", "/%2F/internal/cameras", "/internal", "/internal/",
            "/%49%4E%54%45%52%4E%41%4C/cameras", "/ internal/cameras", "/internal%20/cameras"})
    void everySpellingOfAnInternalPathReadsAsInternal(String raw) {
        assertThat(RequestPaths.isUnder(raw, "/internal")).as(raw).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/cameras", "/internals", "/health", "/api/v1/internal-notes", "/"})
    void otherPathsAreNotInternal(String raw) {
        assertThat(RequestPaths.isUnder(raw, "/internal")).as(raw).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/internal;x/cameras", "//internal/cameras", "/internal%2Fcameras", "/a%5Cb", "/a\\b",
            "/a/./b", "/a/../b", "/a/..", "/a/%2e%2e/b", "/a%2E", "/a%25b", "/a%00b", "/a%3Bb", "/a%zz", "/a%f",
            "/a%FF", "/a%ED%A0%80", "/a%C0%AF", "relative"})
    void irregularPathsAreNamed(String raw) {
        assertThat(RequestPaths.irregularity(raw)).as(raw).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/cameras/3f2c1d4e-0000-4000-8000-000000000001", "/health", "/%69nternal/cameras",
            "/api/v1/search", "/media/a-b_c~d", "/api/v1/cameras/%D8%B4%D8%A7%D8%B1%D8%B9", "/"})
    void plainPathsPass(String raw) {
        assertThat(RequestPaths.irregularity(raw)).as(raw).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"%FF", "%ED%A0%80", "%C0%AF", "%E2%82", "%zz", "%"})
    void strictDecodingRefusesWhatIsNotUtf8(String text) {
        assertThat(RequestPaths.strictDecode(text)).as(text).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "%D8%B4", "%F0%9F%93%B7", "a+b"})
    void strictDecodingReadsUtf8(String text) {
        assertThat(RequestPaths.strictDecode(text)).as(text).isPresent();
    }
}
