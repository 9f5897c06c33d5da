package ae.rta.cctv.api.adapter.in.web;

import java.util.List;

/** The routes {@link AccessPolicy} names, as {@code METHOD /pattern}: for documentation and coverage checks. */
public final class AccessPolicyRules {

    private AccessPolicyRules() {
    }

    public static List<String> all() {
        return AccessPolicy.RULES.stream().map(r -> r.method().name() + " " + r.pattern()).toList();
    }
}
