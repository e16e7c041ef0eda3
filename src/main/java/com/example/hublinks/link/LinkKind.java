package com.example.hublinks.link;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of eduMe seamless link (DESIGN §1), each with its path prefix. */
public enum LinkKind {
    DASHBOARD("d", true, false),
    KNOWLEDGE_HUB("kh", false, true),
    COURSE("c", true, true),
    MODULE("m", true, true),
    LESSON("l", true, true),
    SURVEY("s", true, true),
    GUIDE("gd", true, true);

    private final String pathCode;
    private final boolean needsTeams;
    private final boolean needsTarget;
    private final String settingName;

    LinkKind(String pathCode, boolean needsTeams, boolean needsTarget) {
        this.settingName = name().toLowerCase(Locale.ROOT).replace('_', '-'); // ROOT: "GUIDE" is "guıde" in Turkish
        this.pathCode = pathCode;
        this.needsTeams = needsTeams;
        this.needsTarget = needsTarget;
    }

    public String pathCode() {
        return pathCode;
    }

    /** Whether the link carries {@code g=} (every kind but knowledge-hub). */
    public boolean needsTeams() {
        return needsTeams;
    }

    /** Whether the link points at an id (a course, module, hub…) rather than the team dashboard. */
    public boolean needsTarget() {
        return needsTarget;
    }

    /** The name used in job definitions and on the command line: {@code knowledge-hub}. */
    public String settingName() {
        return settingName;
    }

    public static LinkKind fromPathCode(String code) {
        for (LinkKind kind : values()) {
            if (kind.pathCode.equals(code)) {
                return kind;
            }
        }
        return null;
    }

    public static LinkKind fromSettingName(String name) {
        for (LinkKind kind : values()) {
            if (kind.settingName().equalsIgnoreCase(name.trim()) || kind.name().equalsIgnoreCase(name.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a link kind; use one of " + settingNames());
    }

    public static String settingNames() {
        return Arrays.stream(values()).map(LinkKind::settingName).collect(Collectors.joining(", "));
    }
}
