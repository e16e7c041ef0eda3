package com.example.hublinks.campaign;

import com.example.hublinks.link.IssuedLink;
import com.example.hublinks.link.LinkKind;
import com.example.hublinks.roster.Learner;
import com.example.hublinks.support.OutputDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import tools.jackson.databind.json.JsonMapper;

/** The three campaign files as comms tools import them, written and published owner-only. */
class ExportFilesTest {

    @TempDir
    Path out;

    static final CampaignRow ZOE = new CampaignRow(new Learner("E1", "Zoë", "=cmd|' /C calc'!A0", "zoe@example.com",
            "+447958573780", List.of(5L), null, 2), new IssuedLink(LinkKind.DASHBOARD, "",
            "https://learn.edume.com/e/d/?g=5&e=E1&sig=ab"), "new");
    static final CampaignRow NO_PHONE = new CampaignRow(new Learner("E2", "Sam", "Lee, Jr.", "sam@example.com",
            null, List.of(5L), null, 3), new IssuedLink(LinkKind.DASHBOARD, "",
            "https://learn.edume.com/e/d/?g=5&e=E2&sig=cd"), "changed");

    @Test
    void writesTheThreeFilesOwnerOnlyWithExcelsBomWhenAskedFor() throws Exception {
        OutputDirectory dir = export(true, "Hi {first_name}, your training: {link}");

        byte[] email = Files.readAllBytes(dir.file(ExportFiles.EMAIL));
        assertThat(new String(email, StandardCharsets.UTF_8)).isEqualTo("\uFEFFemail,first_name,last_name,external_user_id,link\r\n"
                + "zoe@example.com,Zoë,'=cmd|' /C calc'!A0,E1,https://learn.edume.com/e/d/?g=5&e=E1&sig=ab\r\n"
                + "sam@example.com,Sam,\"Lee, Jr.\",E2,https://learn.edume.com/e/d/?g=5&e=E2&sig=cd\r\n");
        assertThat(email).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(dir.rows(ExportFiles.EMAIL)).isEqualTo(2);

        assertThat(Files.readString(dir.file(ExportFiles.SMS))).isEqualTo("phone_number,external_user_id,message,segments,encoding\r\n"
                + "+447958573780,E1,\"Hi Zoë, your training: https://learn.edume.com/e/d/?g=5&e=E1&sig=ab\",1,UCS-2\r\n");
        assertThat(Files.readString(dir.file(ExportFiles.INAPP))).contains("\"external_user_id\":\"E1\"")
                .contains("\"state\":\"changed\"").hasLineCount(2);

        for (String name : ExportFiles.ALL) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.file(name)))).isEqualTo("rw-------");
            assertThat(dir.part(name)).doesNotExist();
            assertThat(dir.sha256(name)).isEqualTo(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(dir.file(name)))));
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.path()))).isEqualTo("rwx------");
    }

    @Test
    void noBomByDefault() throws Exception {
        OutputDirectory dir = export(false, "{link}");
        assertThat(Files.readString(dir.file(ExportFiles.EMAIL))).startsWith("email,first_name");
    }

    @Test
    void smallFilesAreOwnerOnlyFromTheFirstByte() throws Exception {
        OutputDirectory dir = new OutputDirectory(out.resolve("small")).create();
        dir.write("report.json", "{}\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.file("report.json")))).isEqualTo("rw-------");
        assertThat(dir.part("report.json")).doesNotExist();
    }

    @Test
    void exportPartsAreOwnerOnlyFromTheFirstByteAndARestartAddsToThem() throws Exception {
        Path probe = Files.createFile(out.resolve("probe")); // as a file is created here without asking for more
        assumeTrue(Files.getPosixFilePermissions(probe).contains(PosixFilePermission.OTHERS_READ),
                "this process's umask already keeps new files from others: nothing to tell apart");
        OutputDirectory dir = new OutputDirectory(out, "job", LocalDate.of(2026, 3, 2)).create();
        Files.writeString(dir.part(ExportFiles.EMAIL), "left by an earlier attempt\n"); // replaced, not added to
        Map<String, ItemStreamWriter<CampaignRow>> writers = ExportFiles.writers(dir, campaign(false, "{link}"),
                JsonMapper.builder().build());
        ExecutionContext saved = new ExecutionContext();
        for (Map.Entry<String, ItemStreamWriter<CampaignRow>> writer : writers.entrySet()) {
            writer.getValue().open(saved); // email.csv and sms.csv have their header now
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.part(writer.getKey()))))
                    .as(writer.getKey()).isEqualTo("rw-------");
            writer.getValue().write(new Chunk<>(ZOE));
            writer.getValue().update(saved);
            writer.getValue().close();
        }
        // a restart from that commit adds to the parts instead of starting them again
        for (ItemStreamWriter<CampaignRow> writer : writers.values()) {
            writer.open(saved);
            writer.write(new Chunk<>(NO_PHONE));
            writer.close();
        }
        assertThat(Files.readString(dir.part(ExportFiles.EMAIL))).isEqualTo(
                "email,first_name,last_name,external_user_id,link\r\n"
                + "zoe@example.com,Zoë,'=cmd|' /C calc'!A0,E1,https://learn.edume.com/e/d/?g=5&e=E1&sig=ab\r\n"
                + "sam@example.com,Sam,\"Lee, Jr.\",E2,https://learn.edume.com/e/d/?g=5&e=E2&sig=cd\r\n");
        assertThat(Files.readString(dir.part(ExportFiles.INAPP))).hasLineCount(2);
    }

    private CampaignSettings campaign(boolean bom, String sms) {
        return new CampaignSettings(CampaignSettings.Audience.CHANGED, out,
                new CampaignSettings.Email(true, false, "learning@example.com", "s", bom, null, null, 10, 3,
                        Duration.ofSeconds(1)),
                new CampaignSettings.Sms(true, sms), new CampaignSettings.Inapp(true));
    }

    private OutputDirectory export(boolean bom, String sms) throws Exception {
        CampaignSettings campaign = campaign(bom, sms);
        OutputDirectory dir = new OutputDirectory(out, "job", LocalDate.of(2026, 3, 2)).create();
        Map<String, ItemStreamWriter<CampaignRow>> writers = ExportFiles.writers(dir, campaign, JsonMapper.builder().build());
        for (ItemStreamWriter<CampaignRow> writer : writers.values()) {
            writer.open(new ExecutionContext());
            writer.write(new Chunk<>(ZOE, NO_PHONE));
            writer.close();
        }
        ExportFiles.ALL.forEach(dir::publish);
        return dir;
    }
}
