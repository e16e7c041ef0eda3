package com.example.hublinks.report;

import com.example.hublinks.reminder.ReminderSummary;
import com.example.hublinks.roster.ReasonTally;
import com.example.hublinks.roster.RejectedRow;
import com.example.hublinks.support.ExitCodes;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code report.html}: the night on one self-contained page for HR and ops (inline CSS and SVG,
 * nothing fetched): status, counts, the first rejects with a link to {@code rejects.csv},
 * learners per team as a bar chart, mandatory training's completion per team, time per step.
 * Every value from the roster is escaped.
 */
final class ReportPage {

    static final String NAME = "report.html";
    static final int FIRST_REJECTS = 20;

    private static final String CSS = """
            body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1d2430;margin:2rem auto;\
            max-width:1060px;padding:0 1rem}h1{font-size:1.6rem;margin:0 0 .2rem}h2{font-size:1.15rem;margin:2rem 0 .6rem}\
            h3{font-size:1rem;margin:1.2rem 0 .5rem}\
            .sub{color:#5b6575}.status{display:inline-block;padding:.15rem .6rem;border-radius:1rem;color:#fff;\
            font-weight:600}.ok{background:#1f8a4c}.stop{background:#c77700}.fail{background:#c0392b}\
            .cards{display:flex;flex-wrap:wrap;gap:.7rem}.card{border:1px solid #dde2ea;border-radius:.5rem;\
            padding:.6rem .9rem;min-width:7.5rem}.card b{display:block;font-size:1.4rem}.card span{color:#5b6575;\
            font-size:.85rem}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.35rem .6rem;\
            border-bottom:1px solid #e6e9ef;vertical-align:top}th{background:#f4f6f9}td.n{text-align:right;\
            font-variant-numeric:tabular-nums}.warn{background:#fff6e5;border-left:4px solid #c77700;padding:.5rem .8rem}\
            svg text{font:13px system-ui,sans-serif;fill:#1d2430}""";

    private ReportPage() {
    }

    static String render(RunReport report, List<RejectedRow> rejects, Map<String, Long> learnersPerTeam) {
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                .append("<title>hublinks ").append(esc(report.job())).append(' ').append(esc(report.runDate()))
                .append("</title><style>").append(CSS).append("</style></head><body>\n");
        String css = report.exitCode() == ExitCodes.OK ? "ok" : report.exitCode() == ExitCodes.GUARD_STOPPED ? "stop" : "fail";
        html.append("<h1>").append(esc(report.job())).append(" &middot; ").append(esc(report.runDate())).append("</h1>")
                .append("<p class=\"sub\"><span class=\"status ").append(css).append("\">").append(esc(report.status()))
                .append("</span> exit code ").append(report.exitCode()).append(" &middot; catalog: ")
                .append(esc(report.catalog().source())).append(report.catalog().stale() ? " (stale)" : "")
                .append(report.catalog().refreshedAt() == null ? "" : ", refreshed " + esc(report.catalog().refreshedAt()))
                .append("</p>\n");
        for (String reason : report.reasons()) {
            html.append("<p class=\"warn\">").append(esc(reason)).append("</p>\n");
        }
        counts(html, report.counts());
        reasons(html, report.rejectsByReason());
        rejects(html, rejects, report.counts().rejected());
        teams(html, learnersPerTeam);
        if (report.reminders() != null) {
            reminders(html, report.reminders());
        }
        steps(html, report.steps());
        if (report.counts().warnings() > 0) {
            html.append("<h2>Contacts dropped (").append(String.format(Locale.ROOT, "%,d", report.counts().warnings()))
                    .append(")</h2><p>Kept for the other channel; all are in <a href=\"").append(ReportTasklet.WARNINGS)
                    .append("\">").append(ReportTasklet.WARNINGS).append("</a>.</p><ul>");
            report.warnings().stream().limit(FIRST_REJECTS).forEach(w -> html.append("<li>").append(esc(w)).append("</li>"));
            html.append("</ul>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    private static void counts(StringBuilder html, RunReport.Counts c) {
        html.append("<h2>Counts</h2><div class=\"cards\">");
        card(html, "rows read", c.read());
        card(html, "rejected", c.rejected());
        card(html, "new links", c.newLinks());
        card(html, "changed", c.changed());
        card(html, "unchanged", c.unchanged());
        card(html, "removed", c.removed());
        c.exported().forEach((channel, rows) -> card(html, channel + " export", rows));
        html.append("</div>\n");
    }

    private static void card(StringBuilder html, String label, long value) {
        html.append("<div class=\"card\"><b>").append(String.format(Locale.ROOT, "%,d", value)).append("</b><span>")
                .append(esc(label)).append("</span></div>");
    }

    /** Rejects grouped by reason: what HR fixes first. */
    private static void reasons(StringBuilder html, List<ReasonTally.Reason> reasons) {
        if (reasons.isEmpty()) {
            return;
        }
        html.append("<h2>Rejects by reason</h2><table><tr><th>reason</th><th>rows</th><th>first lines</th></tr>");
        for (ReasonTally.Reason reason : reasons) {
            html.append("<tr><td>").append(esc(reason.reason())).append("</td><td class=\"n\">")
                    .append(String.format(Locale.ROOT, "%,d", reason.count())).append("</td><td>")
                    .append(esc(reason.firstLines().stream().map(String::valueOf).collect(Collectors.joining(", "))))
                    .append("</td></tr>");
        }
        html.append("</table>\n");
    }

    private static void rejects(StringBuilder html, List<RejectedRow> rejects, long total) {
        html.append("<h2>Rejected rows</h2>");
        if (rejects.isEmpty()) {
            html.append("<p>None: every row of the roster was usable.</p>\n");
            return;
        }
        String which = total > rejects.size() ? "The first " + rejects.size() + " of " + total + " rejected rows; all are"
                : total == 1 ? "One row was rejected; it is" : "All " + total + " rejected rows; they are";
        html.append("<p>").append(which).append(" in <a href=\"").append(ReportTasklet.REJECTS).append("\">")
                .append(ReportTasklet.REJECTS).append("</a>.</p><table><tr><th>line</th><th>column</th><th>reason</th></tr>");
        for (RejectedRow r : rejects) {
            html.append("<tr><td class=\"n\">").append(r.lineNo()).append("</td><td>").append(esc(r.column()))
                    .append("</td><td>").append(esc(r.reason())).append("</td></tr>");
        }
        html.append("</table>\n");
    }

    /** A horizontal bar per team, longest first, scaled to the largest team. */
    private static void teams(StringBuilder html, Map<String, Long> teams) {
        html.append("<h2>Learners per team</h2>");
        if (teams.isEmpty()) {
            html.append("<p>No learners.</p>\n");
            return;
        }
        List<Map.Entry<String, Long>> bars = teams.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).toList();
        long max = Math.max(1, bars.get(0).getValue());
        int row = 26;
        int label = 260;
        int width = 980;
        html.append(String.format(Locale.ROOT, "<svg width=\"%d\" height=\"%d\""
                + " role=\"img\" aria-label=\"learners per team\">", width, bars.size() * row + 4));
        for (int i = 0; i < bars.size(); i++) {
            long n = bars.get(i).getValue();
            double bar = Math.max(2, (width - label - 90) * (double) n / max);
            int y = i * row + 2;
            html.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", label - 8,
                            y + 17, esc(bars.get(i).getKey())))
                    .append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" rx=\"3\""
                            + " fill=\"#3b6fd8\"/>", label, y + 3, bar, row - 8))
                    .append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%,d</text>", label + bar + 6, y + 17, n));
        }
        html.append("</svg>\n");
    }

    /** Mandatory training: per course the four numbers, and per team the share who completed it as a bar. */
    private static void reminders(StringBuilder html, ReminderSummary reminders) {
        html.append("<h2>Mandatory training</h2>");
        if (reminders.unusableEvents() > 0) {
            html.append("<p class=\"warn\">").append(String.format(Locale.ROOT, "%,d", reminders.unusableEvents()))
                    .append(" learner event(s) from eduMe could not be used: ").append(esc(reminders.unusableByReason()
                            .entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                            .collect(Collectors.joining(", ")))).append("</p>\n");
        }
        for (ReminderSummary.Course course : reminders.courses()) {
            html.append("<h3>").append(esc(course.title() == null ? "course " + course.courseId()
                    : course.title() + " (" + course.courseId() + ")")).append("</h3>");
            if (course.note() != null) {
                html.append("<p class=\"warn\">").append(esc(course.note())).append("</p>");
            }
            html.append("<div class=\"cards\">");
            card(html, "assigned", course.assigned());
            card(html, "completed", course.completed());
            card(html, "reminded tonight", course.remindedTonight());
            card(html, "overdue", course.overdue());
            html.append("</div>\n");
            completion(html, course);
        }
    }

    /** One bar per team the course is assigned to: green for the share of its learners who completed it. */
    private static void completion(StringBuilder html, ReminderSummary.Course course) {
        if (course.teams().isEmpty()) {
            return;
        }
        int row = 26;
        int label = 260;
        int bar = 460; // leaves room for "1,234 of 5,678 completed (100%)" within the 980 pixels
        html.append(String.format(Locale.ROOT, "<svg width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"completion"
                + " per team\">", 980, course.teams().size() * row + 4));
        for (int i = 0; i < course.teams().size(); i++) {
            ReminderSummary.Team team = course.teams().get(i);
            double share = team.assigned() == 0 ? 0 : (double) team.completed() / team.assigned();
            int y = i * row + 2;
            String name = team.name() == null ? "team " + team.teamId() : team.name() + " (" + team.teamId() + ")";
            html.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", label - 8,
                            y + 17, esc(name)))
                    .append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"3\""
                            + " fill=\"#e6e9ef\"/>", label, y + 3, bar, row - 8))
                    .append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" rx=\"3\""
                            + " fill=\"#1f8a4c\"/>", label, y + 3, bar * share, row - 8))
                    .append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%,d of %,d completed (%.0f%%)</text>",
                            label + bar + 8, y + 17, team.completed(), team.assigned(), 100 * share));
        }
        html.append("</svg>\n");
    }

    private static void steps(StringBuilder html, List<RunReport.StepTiming> steps) {
        html.append("<h2>Time per step</h2><table><tr><th>step</th><th>status</th><th>seconds</th></tr>");
        for (RunReport.StepTiming step : steps) {
            html.append("<tr><td>").append(esc(step.name())).append("</td><td>").append(esc(step.status()))
                    .append(String.format(Locale.ROOT, "</td><td class=\"n\">%.1f</td></tr>", step.seconds()));
        }
        html.append("</table>\n");
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
