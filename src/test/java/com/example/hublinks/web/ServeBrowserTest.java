package com.example.hublinks.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.hublinks.HublinksApplication;
import com.example.hublinks.job.NightlyRun;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * HR's upload as HR meet it: Debian's Chromium (headless, through its chromium-driver) against
 * {@code hublinks serve} on a free port. Signs in, uploads a roster with rejects, reads the counts
 * and the grouped reasons, makes it tonight's roster, and the next night signs its new learners.
 * A wrong password, a form without its CSRF token and an ops user are refused. The check page's
 * screenshot is the README's (target/screenshots/hr-upload-check.png, copied to docs/).
 */
@SpringBootTest(classes = HublinksApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.additional-location=file:jobs/sample-nightly.yml",
        "spring.main.web-application-type=servlet",
        "hublinks.serve.port=0",
        "hublinks.guard.max-reject-share=0.1",
        "EDUME_WEBHOOK_SECRET=demo-webhook-secret"})
@ActiveProfiles(WebProcess.SERVE_PROFILE)
class ServeBrowserTest {

    static final Path HOME = ServeFixture.home("serve-browser-test");
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    static WebDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    NightlyRun nightlyRun;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void installation(DynamicPropertyRegistry registry) {
        ServeFixture.settings(HOME, "serve-browser-test").forEach(s -> registry.add(s[0], () -> s[1]));
    }

    @BeforeAll
    static void chromium() {
        File binary = new File(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        File driver = new File(System.getProperty("chromium.driver", "/usr/bin/chromedriver"));
        assertThat(binary).as("Debian's chromium: apt-get install chromium chromium-driver (.ci/run does)").isFile();
        assertThat(driver).as("Debian's chromium-driver: apt-get install chromium chromium-driver (.ci/run does)").isFile();
        ChromeOptions options = new ChromeOptions().setBinary(binary)
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1280,1000", "--lang=en-GB");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver).usingAnyFreePort()
                .build(), options);
    }

    @AfterAll
    static void closeChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void signedOut() {
        open("/login");
        browser.manage().deleteAllCookies();
    }

    @Test
    void hrUploadsARosterWithRejectsSeesTheGroupedReasonsAndTheNextNightUsesIt() throws Exception {
        assertThat(nightlyRun.run(new NightlyRun.Request(LocalDate.of(2026, 11, 30), null, false, false)).exitCode())
                .isZero(); // the night the check compares with
        Path upload = ServeFixture.rosterWithRejects(HOME);

        open("/");
        assertThat(browser.getCurrentUrl()).endsWith("/login"); // signed out: the sign-in page first
        signIn(ServeFixture.HR, ServeFixture.HR_PASSWORD);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Tonight's roster");
        browser.findElement(By.id("file")).sendKeys(upload.toString());
        browser.findElement(By.id("check")).click();

        waitFor(By.id("counts"));
        assertThat(text("read")).isEqualTo("57");
        assertThat(text("usable")).isEqualTo("53");
        assertThat(text("rejected")).isEqualTo("4");
        assertThat(text("verdict")).contains("would publish").contains("Compared with the night of 2026-11-30: 50 learners");
        List<List<String>> reasons = browser.findElements(By.cssSelector("#reasons tr")).stream().skip(1)
                .map(row -> row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
        assertThat(reasons).hasSize(3);
        assertThat(reasons.get(0).get(0)).contains("is not a valid address");
        assertThat(reasons.get(0).subList(1, 3)).containsExactly("2",
                ServeFixture.lineOf(upload, "E9101") + ", " + ServeFixture.lineOf(upload, "E9102"));
        assertThat(reasons).anySatisfy(r -> assertThat(r).containsExactly(r.get(0), "1",
                String.valueOf(ServeFixture.lineOf(upload, "E9103"))).first().asString().contains("not in the eduMe catalog"));
        assertThat(browser.findElement(By.id("rejects-csv")).getAttribute("href")).endsWith("/rejects.csv");
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve("hr-upload-check.png"), ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));

        browser.findElement(By.id("use")).click();
        waitFor(By.id("accepted"));
        assertThat(text("accepted")).contains("roster-with-rejects.csv is the roster of tonight's run");
        assertThat(Files.readAllBytes(HOME.resolve("roster.csv"))).isEqualTo(Files.readAllBytes(upload));
        try (var kept = Files.list(HOME.resolve(RosterReplacement.HISTORY))) {
            assertThat(kept.toList()).singleElement().satisfies(previous -> assertThat(Files.readAllBytes(previous))
                    .isEqualTo(Files.readAllBytes(ServeFixture.SAMPLE_ROSTER)));
        }
        assertThat(jdbc.queryForMap("select accepted_by, file_name, rows_read, rows_usable, rows_rejected, accept_shrink"
                + " from roster_acceptance")).containsEntry("ACCEPTED_BY", "hr1")
                .containsEntry("FILE_NAME", "roster-with-rejects.csv").containsEntry("ROWS_READ", 57L)
                .containsEntry("ROWS_USABLE", 53L).containsEntry("ROWS_REJECTED", 4L).containsEntry("ACCEPT_SHRINK", false);

        NightlyRun.Outcome night = nightlyRun.run(new NightlyRun.Request(LocalDate.of(2026, 12, 1), null, false, false));
        assertThat(night.exitCode()).as(night.message()).isZero();
        assertThat(jdbc.queryForList("select distinct external_user_id from learner_link where external_user_id like 'E9%'"
                + " and state <> 'removed' order by 1", String.class)).containsExactly("E9001", "E9002", "E9003");
    }

    @Test
    void aWrongPasswordIsRefused() {
        open("/");
        signIn(ServeFixture.HR, "not-the-password");
        assertThat(browser.getCurrentUrl()).endsWith("/login?error");
        assertThat(text("problem")).isEqualTo("Wrong user name or password.");
        open("/");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
    }

    @Test
    void anUploadWithoutItsCsrfTokenIsRefused() throws Exception {
        long uploadsBefore = uploads();
        open("/");
        signIn(ServeFixture.HR, ServeFixture.HR_PASSWORD);
        WebElement form = browser.findElement(By.id("upload"));
        assertThat(form.getAttribute("action")).contains("_csrf=");
        ((ChromeDriver) browser).executeScript("arguments[0].setAttribute('action', '/rosters')", form); // as a forged form
        browser.findElement(By.id("file")).sendKeys(ServeFixture.SAMPLE_ROSTER.toAbsolutePath().toString());
        browser.findElement(By.id("check")).click();

        waitFor(By.id("status"));
        assertThat(text("status")).startsWith("403");
        assertThat(uploads()).isEqualTo(uploadsBefore);
    }

    /** How many uploads the server has kept. */
    private static long uploads() throws Exception {
        Path dir = HOME.resolve("out/sample-nightly/uploads");
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var uploads = Files.list(dir)) {
            return uploads.count();
        }
    }

    @Test
    void opsSeeTheNightsButCannotUpload() {
        open("/nights");
        signIn(ServeFixture.OPS, ServeFixture.OPS_PASSWORD);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Nights");
        assertThat(browser.findElements(By.linkText("Upload a roster"))).isEmpty();

        open("/");
        assertThat(text("status")).startsWith("403");
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    /** Signs in on the sign-in page, and waits until the browser has left it for the next page. */
    private void signIn(String user, String password) {
        waitFor(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        WebElement button = browser.findElement(By.id("signin"));
        button.click();
        new WebDriverWait(browser, Duration.ofMinutes(1)).until(ExpectedConditions.stalenessOf(button));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** Waits for the page that shows it (a check of a large roster takes a while); no time is measured. */
    private WebElement waitFor(By element) {
        return new WebDriverWait(browser, Duration.ofMinutes(2)).until(ExpectedConditions.presenceOfElementLocated(element));
    }
}
