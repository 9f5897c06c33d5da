package ae.rta.cctv.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

final class FileRangesTest {

    @Test
    void aSingleRangeIsAnsweredAndAnUnsatisfiableOneIsEmpty() {
        assertThat(FileRanges.slice(null, 100, null)).hasValue(new FileRanges.Slice(0, 99, false));
        assertThat(FileRanges.slice("bytes=10-19", 100, null)).hasValue(new FileRanges.Slice(10, 19, true));
        assertThat(FileRanges.slice("bytes=90-", 100, null)).hasValue(new FileRanges.Slice(90, 99, true));
        assertThat(FileRanges.slice("bytes=-5", 100, null)).hasValue(new FileRanges.Slice(95, 99, true));
        assertThat(FileRanges.slice("bytes=50-500", 100, null)).hasValue(new FileRanges.Slice(50, 99, true));
        assertThat(FileRanges.slice("bytes=100-", 100, null)).isEqualTo(Optional.empty());
        assertThat(FileRanges.slice("bytes=-0", 100, null)).isEqualTo(Optional.empty());
        assertThat(FileRanges.slice("bytes=0-1,5-6", 100, null)).as("several ranges: ignored").hasValue(new FileRanges.Slice(0, 99, false));
    }

    @Test
    void aLinksWindowBoundsWhatIsServed() {
        FileRanges.Window window = FileRanges.Window.parse("10-19");
        assertThat(FileRanges.slice(null, 100, window)).hasValue(new FileRanges.Slice(10, 19, true));
        assertThat(FileRanges.slice("bytes=12-15", 100, window)).hasValue(new FileRanges.Slice(12, 15, true));
        assertThatThrownBy(() -> FileRanges.slice("bytes=0-19", 100, window)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> FileRanges.slice("bytes=10-", 100, window)).isInstanceOf(ProblemException.class);
        assertThat(FileRanges.slice(null, 15, window)).as("a window past the object's end").isEmpty();
        assertThatThrownBy(() -> FileRanges.Window.parse("19-10")).isInstanceOf(IllegalArgumentException.class);
    }
}
