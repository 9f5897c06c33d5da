package ae.rta.cctv.launcher;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads. Not a parser: it removes what cannot be a metric name (strings, label
 * matchers, ranges, grouping clauses, Grafana variables), then keeps the identifiers that are neither functions
 * (followed by a parenthesis), keywords nor numbers. Good for the expressions of the alert rules and dashboards, which
 * are checked by promtool and Grafana for syntax anyway.
 */
final class PromQlNames {

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
            "group_left", "group_right", "bool", "offset", "atan2", "inf", "nan");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern TOKEN = Pattern.compile("(\\d[\\w.]*)|([A-Za-z_:][A-Za-z0-9_:]*)(\\s*\\()?");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([A-Za-z_:][A-Za-z0-9_:]*)");

    private PromQlNames() {
    }

    static Set<String> of(String expression) {
        Set<String> names = new TreeSet<>();
        // Grafana's label_values(metric, label) names a metric and a label: keep the metric only.
        Matcher labelValues = LABEL_VALUES.matcher(expression);
        if (labelValues.find()) {
            names.add(labelValues.group(1));
            return names;
        }
        String e = expression
                .replaceAll("\"(\\\\.|[^\"\\\\])*\"", " ")   // strings
                .replaceAll("'(\\\\.|[^'\\\\])*'", " ")
                .replaceAll("`[^`]*`", " ")
                .replaceAll("\\{[^}]*}", " ")                  // label matchers
                .replaceAll("\\[[^]]*]", " ")                  // ranges and subqueries
                .replaceAll("\\$\\{[^}]*}|\\$\\w+", " ")       // Grafana variables
                .replaceAll("#[^\\n]*", " ");                   // comments
        e = GROUPING.matcher(e).replaceAll(" ");
        Matcher m = TOKEN.matcher(e);
        while (m.find()) {
            String word = m.group(2);
            if (word == null || m.group(3) != null || KEYWORDS.contains(word.toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            names.add(word);
        }
        return names;
    }
}
