package com.example.hublinks.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.hublinks.cli.HublinksCommand;
import com.example.hublinks.support.ExitCodes;
import com.example.hublinks.support.SettingsException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

/** hublinks.reminders.* is checked at start: a wrong setting is exit 2 with the key's name, before any work. */
class ReminderSettingsTest {

    static final ReminderSettings.Email EMAIL = new ReminderSettings.Email(true, false, "s", null, null);
    static final ReminderSettings.Sms SMS = new ReminderSettings.Sms(true, "m");

    @Test
    void noCoursesIsNoRemindersAndCoursesNeedADueDateOrPeriod() {
        assertThat(new ReminderSettings(null, null, null, Period.ofDays(7), 3, EMAIL, SMS).enabled()).isFalse();
        assertThatThrownBy(() -> new ReminderSettings(List.of(123L), null, null, Period.ofDays(7), 3, EMAIL, SMS))
                .isInstanceOf(SettingsException.class).hasMessageStartingWith("hublinks.reminders.due:");
        assertThatThrownBy(() -> new ReminderSettings(List.of(123L), LocalDate.of(2027, 1, 31), Period.ofDays(14),
                Period.ofDays(7), 3, EMAIL, SMS)).hasMessageStartingWith("hublinks.reminders.due-after-enrolment:");
        assertThatThrownBy(() -> new ReminderSettings(List.of(123L), LocalDate.of(2027, 1, 31), null, Period.ZERO, 3,
                EMAIL, SMS)).hasMessageStartingWith("hublinks.reminders.every:");
        assertThatThrownBy(() -> new ReminderSettings(List.of(123L), LocalDate.of(2027, 1, 31), null, Period.ofDays(7), 0,
                EMAIL, SMS)).hasMessageStartingWith("hublinks.reminders.max:");
        assertThatThrownBy(() -> new ReminderSettings(List.of(123L), LocalDate.of(2027, 1, 31), null, Period.ofDays(7), 3,
                new ReminderSettings.Email(false, false, "s", null, null), new ReminderSettings.Sms(false, "m")))
                .hasMessageStartingWith("hublinks.reminders.email.enabled:");
        assertThat(new ReminderSettings(List.of(123L), null, Period.ofDays(14), Period.ofDays(7), 3, EMAIL, SMS)
                .dueFor(LocalDate.of(2026, 3, 2))).isEqualTo(LocalDate.of(2026, 3, 16));
    }

    @Test
    void onTheCommandLineAWrongValueIsExit2NamingTheKey() {
        StringWriter err = new StringWriter();
        int code = HublinksCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "run",
                "jobs/sample-nightly.yml", "--hublinks.reminders.courses=123", "--hublinks.reminders.due=31/01/2027",
                "--spring.datasource.url=jdbc:h2:mem:reminder-settings-test", "--hublinks.campaign.out-dir=target/test-out/x");
        assertThat(code).isEqualTo(ExitCodes.SETTINGS);
        assertThat(err.toString()).contains("hublinks.reminders.due").contains("31/01/2027");
    }
}
