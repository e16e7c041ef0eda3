package com.example.hublinks.roster;

import java.util.List;

/** A roster row's team cell as the catalog resolves it: the team ids found, and why the others were not. */
record ResolvedTeams(List<Long> ids, List<String> problems) {

    public ResolvedTeams {
        ids = List.copyOf(ids);
        problems = List.copyOf(problems);
    }
}
