package com.example.hublinks.report;

import com.example.hublinks.roster.ReasonTally;
import com.example.hublinks.roster.RejectedRow;
import com.example.hublinks.support.ExitCodes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** report.html is built from HR's data: nothing in it may become markup, and a guard stop says why. */
class ReportPageTest {

    @Test
    void rosterTextIsEscapedAndAGuardStopShowsItsReasons() {
        RunReport report = new RunReport("nightly", "2026-02-02", "STOPPED_BY_GUARD", ExitCodes.GUARD_STOPPED,
                new RunReport.CatalogInfo("file", false, "2026-02-02T02:15:00Z", null), new RunReport.RosterInfo(null, null),
                new RunReport.Counts(3, 2, 0, 0, 0, 0, 0, Map.of("email", 0L), 0),
                List.of(new RunReport.StepTiming("importRoster", "COMPLETED", 1.25)),
                List.of("2 of 3 rows were rejected (66.7%)"),
                List.of(new ReasonTally.Reason("team '…' is not in the eduMe catalog", 2, List.of(7L, 9L))), List.of(),
                List.of(), new RunReport.Courses(List.of(), List.of()),
                new RunReport.Delivery(0, 0, 0, 0, List.of()), null);
        String page = ReportPage.render(report, List.of(new RejectedRow(7, "team", "unknown team '<script>alert(1)</script>'")),
                Map.of("R&D <east> (9)", 1L));

        assertThat(page).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("R&amp;D &lt;east&gt; (9)").contains("class=\"status stop\"").contains("STOPPED_BY_GUARD")
                .contains("2 of 3 rows were rejected").contains("The first 1 of 2 rejected rows").contains("1.3")
                .contains("Rejects by reason").contains("<td>team &#39;…&#39; is not in the eduMe catalog</td><td class=\"n\">2</td><td>7, 9</td>");
    }
}
