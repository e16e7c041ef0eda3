package com.example.hublinks.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.example.hublinks.support.SettingsException;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The jdbc roster source against an H2 database of HR's (not the application's own). */
class JdbcRosterH2Test extends JdbcRosterContract {

    static final String URL = "jdbc:h2:mem:hr-roster;DB_CLOSE_DELAY=-1";
    static final DataSource HR = new DriverManagerDataSource(URL, "hr_reader", "");

    @BeforeAll
    static void hrTable() throws Exception {
        createHrTable(HR);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        properties(registry, "jdbc-roster-h2-test", URL, "hr_reader");
    }

    @Override
    DataSource hrDatabase() {
        return HR;
    }

    @Test
    void thePasswordComesOnlyFromTheVariablePasswordEnvNames() {
        RosterSettings.Jdbc jdbc = new RosterSettings.Jdbc(URL, "hr_reader", "HR_DB_PASSWORD", "select 1");

        DriverManagerDataSource dataSource = (DriverManagerDataSource) JdbcRosterReader.dataSource(jdbc,
                name -> name.equals("HR_DB_PASSWORD") ? "from-the-environment" : null);
        assertThat(dataSource.getPassword()).isEqualTo("from-the-environment");

        SettingsException unset = SettingsException.findIn(catchThrowable(() -> JdbcRosterReader.dataSource(jdbc,
                name -> null)));
        assertThat(unset.key()).isEqualTo("hublinks.roster.jdbc.password-env");
        assertThat(unset.getMessage()).contains("HR_DB_PASSWORD").contains("is not set");
    }
}
