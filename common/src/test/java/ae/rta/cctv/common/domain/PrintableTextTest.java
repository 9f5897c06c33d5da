package ae.rta.cctv.common.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Regression: bidi overrides and zero-width characters were accepted in names, lone surrogates stored as '?'. */
final class PrintableTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"Gate \u202Egnp.exe", "a\u202Db", "a\u2066b\u2069", "ad\u200Bmin", "ad\u200Dmin", "x\uFEFF",
            "a\u2060b", "lone \uD800 half", "lone \uDC00 half", "tab\there", "line\nbreak", "nul\u0000"})
    void hiddenOrBrokenCharactersAreNotALine(String text) {
        assertThat(PrintableText.isLine(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Al Khail Road - Business Bay", "شارع الخيل - الخليج التجاري", "Gate 3 \u200F(north)",
            "\uD83D\uDCF7 Camera", "Metro: Union Station"})
    void namesPeopleTypeAreALine(String text) {
        assertThat(PrintableText.isLine(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"first line\nsecond line", "a\tb\r\nc"})
    void paragraphsMayBreakLines(String text) {
        assertThat(PrintableText.isParagraphs(text)).isTrue();
        assertThat(PrintableText.isParagraphs(text + "\u202E")).isFalse();
    }
}
