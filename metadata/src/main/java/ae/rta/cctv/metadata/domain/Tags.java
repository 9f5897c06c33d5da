package ae.rta.cctv.metadata.domain;

import ae.rta.cctv.common.domain.PrintableText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Tags are short words or phrases people file things under; compared without case, kept in the order given. */
public final class Tags {

    public static final int MAX_TAGS = 20;
    public static final int MAX_LENGTH = 40;

    private Tags() {
    }

    /**
     * The tags as stored: stripped, lower-case, without repeats.
     *
     * @param tags null for none
     * @throws IllegalArgumentException for a blank, too long or control-character tag, or more than {@value #MAX_TAGS}
     */
    public static List<String> of(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        Set<String> normalised = new LinkedHashSet<>();
        for (String tag : tags) {
            normalised.add(one(tag));
        }
        if (normalised.size() > MAX_TAGS) {
            throw new IllegalArgumentException("at most " + MAX_TAGS + " tags");
        }
        return List.copyOf(new ArrayList<>(normalised));
    }

    /** One tag as stored. @throws IllegalArgumentException as {@link #of(List)} */
    public static String one(String tag) {
        if (tag == null || tag.isBlank() || tag.strip().length() > MAX_LENGTH || !PrintableText.isLine(tag)) {
            throw new IllegalArgumentException("a tag must be 1 to " + MAX_LENGTH + " characters on one line");
        }
        return tag.strip().toLowerCase(Locale.ROOT);
    }
}
