package com.example.hublinks.link;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a seamless link back into its parts and checks its signature: the support tool behind
 * {@code hublinks verify}. Catalog checks (is the team known, is the course published) are the
 * caller's: this class knows links only.
 */
public final class LinkVerifier {

    private static final Pattern SIGNATURE = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern TEAMS = Pattern.compile("\\d+(,\\d+)*");

    private final LinkSigner signer;

    public LinkVerifier(LinkSigner signer) {
        this.signer = signer;
    }

    public LinkInspection inspect(String link) {
        List<String> problems = new ArrayList<>();
        String trimmed = link.strip();
        int sigAt = trimmed.lastIndexOf("&sig=");
        String unsigned = sigAt < 0 ? trimmed : trimmed.substring(0, sigAt);
        String signature = sigAt < 0 ? null : trimmed.substring(sigAt + "&sig=".length());

        int pathAt = unsigned.indexOf("/e/");
        int queryAt = unsigned.indexOf('?');
        if (pathAt < 0 || queryAt < pathAt) {
            problems.add("not a seamless link: expected {base}/e/{kind}/…?…&sig=…");
            return new LinkInspection(null, "", List.of(), null, problems);
        }
        String base = unsigned.substring(0, pathAt);
        if (!base.equals(signer.format().baseUrl())) {
            problems.add("base URL is " + base + ", the job signs for " + signer.format().baseUrl());
        }
        String[] path = unsigned.substring(pathAt + 3, queryAt).split("/", -1);
        LinkKind kind = LinkKind.fromPathCode(path[0]);
        String target = path.length > 1 ? UriComponent.decode(path[1]) : "";
        if (kind == null) {
            problems.add("unknown link kind /e/" + path[0] + "/");
        } else if (kind.needsTarget() && target.isBlank()) {
            problems.add("a " + kind.settingName() + " link needs an id after /e/" + kind.pathCode() + "/");
        }

        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : unsigned.substring(queryAt + 1).split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            if (params.putIfAbsent(name, value) != null) {
                problems.add("parameter " + name + " appears twice");
            } else if (!name.equals("e") && !name.equals("g")) {
                problems.add("unexpected parameter '" + name + "'");
            }
        }
        String user = params.get("e");
        if (user == null || user.isEmpty()) {
            problems.add("missing e (the learner's external user id)");
        }
        List<Long> teams = new ArrayList<>();
        String g = params.get("g");
        if (g != null && TEAMS.matcher(g).matches()) {
            for (String team : g.split(",")) {
                teams.add(Long.parseLong(team));
            }
        } else if (g != null) {
            problems.add("g must be team ids separated by commas, found '" + g + "'");
        } else if (kind != null && kind.needsTeams()) {
            problems.add("missing g (the team the learner joins)");
        }

        if (signature == null) {
            problems.add("missing sig (the signature)");
        } else if (!SIGNATURE.matcher(signature).matches()) {
            problems.add("sig must be 64 lower-case hex characters");
        } else if (!signer.hasValidSignature(unsigned, signature)) {
            problems.add("bad signature: the link was changed after signing, or signed with another secret");
        }
        return new LinkInspection(kind, target, teams, user == null ? null : UriComponent.decode(user), problems);
    }
}
