package ae.rta.cctv.common.domain;

import java.util.regex.Pattern;

/** The code of an agency that owns cameras, such as {@code DUBAI_POLICE}: upper-case letters, digits and underscores. */
public record AgencyCode(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");

    /** @throws IllegalArgumentException when {@code value} is not of the agency-code form */
    public AgencyCode {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("agency must be 2 to 32 upper-case letters, digits or underscores");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
