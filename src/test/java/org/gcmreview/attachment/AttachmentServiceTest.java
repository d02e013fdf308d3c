package org.gcmreview.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.gcmreview.DatabaseTest;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.report.history.ReportTestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/** Storing evidence in PostgreSQL: what is kept, what is refused, and that a refusal or rollback keeps nothing. */
@DatabaseTest
@Import(AttachmentSlice.class)
class AttachmentServiceTest {

    @Autowired
    MessageSource messages;
    @Autowired
    AttachmentService attachments;
    @Autowired
    AttachmentRepository repository;
    @Autowired
    ReviewCycles cycles;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    TestUsers users;
    @Autowired
    ReportTestData data;

    CurrentUser coordinator;
    CurrentUser interior;
    long cycleId;
    long contributionId;

    @BeforeEach
    void aKenyanCycleWithAContribution() {
        coordinator = users.coordinator("KEN");
        interior = users.ministry("KEN", "INTERIOR");
        cycleId = data.cycle(coordinator);
        contributionId = data.contribution(cycleId, interior, 3);
    }

    static MockMultipartFile upload(String name, byte[] content) {
        // the client's Content-Type is deliberately wrong: it must play no part
        return new MockMultipartFile("evidence", name, "text/html", content);
    }

    Attachment store(String name, byte[] content) {
        return attachments.store(OwnerKind.CONTRIBUTION, contributionId, cycleId, "KEN", upload(name, content),
                interior);
    }

    @Test
    void storesEachAllowedKindWithTheTypeFoundInItsContent() {
        Map<String, byte[]> files = Map.of("report.pdf", SampleFiles.pdf(), "chart.png", SampleFiles.png(),
                "photo.jpeg", SampleFiles.jpeg(), "note.docx", SampleFiles.docx(), "data.xlsx", SampleFiles.xlsx());
        files.forEach((name, bytes) -> store(name, bytes));

        List<Map<String, Object>> rows = jdbc.sql("""
                select file_name, media_type, size_bytes, sha256, content, owner_kind, country_iso3, uploaded_by
                  from attachment where owner_kind = 'CONTRIBUTION' and owner_id = ? order by file_name""")
                .param(contributionId).query().listOfRows();
        assertThat(rows).extracting(r -> r.get("file_name") + " " + r.get("media_type")).containsExactly(
                "chart.png image/png",
                "data.xlsx application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "note.docx application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "photo.jpeg image/jpeg",
                "report.pdf application/pdf");
        for (Map<String, Object> row : rows) {
            byte[] original = files.get((String) row.get("file_name"));
            assertThat((byte[]) row.get("content")).isEqualTo(original);
            assertThat(row.get("size_bytes")).isEqualTo((long) original.length);
            assertThat(row.get("sha256")).isEqualTo(FileInspector.sha256(original));
            assertThat(row.get("owner_kind")).isEqualTo("CONTRIBUTION");
            assertThat(row.get("country_iso3")).isEqualTo("KEN");
            assertThat(row.get("uploaded_by")).isEqualTo(interior.id());
        }
        assertThat(jdbc.sql("""
                select count(*) from audit_event where action = 'ATTACHMENT_ADDED' and actor = ? and country_iso3 = 'KEN'""")
                .param(interior.username()).query(Integer.class).single()).isEqualTo(5);
    }

    @Test
    void aTraversalNameIsStoredAsItsLastSegment() {
        Attachment stored = store("../../etc/passwd.pdf", SampleFiles.pdf());
        assertThat(stored.fileName()).isEqualTo("passwd.pdf");
        assertThat(jdbc.sql("select file_name from attachment where public_id = ?").param(stored.publicId())
                .query(String.class).single()).isEqualTo("passwd.pdf");
    }

    static Stream<Arguments> refusedFiles() {
        return Stream.of(
                Arguments.of("minutes.pdf", SampleFiles.exe(), "\"minutes.pdf\" is not a file type that can be attached"),
                Arguments.of("letter.docx", SampleFiles.html(), "\"letter.docx\" is not a file type that can be attached"),
                Arguments.of("logo.png", SampleFiles.svg(), "\"logo.png\" is not a file type that can be attached"),
                Arguments.of("archive.docx", SampleFiles.plainZip(), "is a ZIP archive, not a Word or Excel document"),
                Arguments.of("bomb.docx", SampleFiles.zipBomb(FileInspector.DEFAULT_MAX_ZIP_EXPANDED_BYTES + 1),
                        "\"bomb.docx\" expands to more than 100 MB when opened"),
                Arguments.of("macro.docx", SampleFiles.docxWithMacros(), "contains macros"),
                Arguments.of("empty.pdf", new byte[0], "\"empty.pdf\" is empty"),
                Arguments.of("photo.jpg", SampleFiles.png(), "named like a .jpg file but its content is a PNG image"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedFiles")
    void aRefusedFileLeavesTheDatabaseUnchanged(String name, byte[] content, String message) {
        long attachmentsBefore = count("attachment");
        long auditBefore = count("audit_event");
        assertThatThrownBy(() -> store(name, content))
                .isInstanceOf(AttachmentRejectedException.class)
                .hasMessageContaining(message);
        assertThat(count("attachment")).isEqualTo(attachmentsBefore);
        assertThat(count("audit_event")).isEqualTo(auditBefore);
    }

    @Test
    void aFileOverTheConfiguredLimitIsRefused() {
        AttachmentService small = new AttachmentService(repository, cycles, audit,
                new AttachmentProperties(DataSize.ofKilobytes(2)), messages);
        long before = count("attachment");
        assertThatThrownBy(() -> small.store(OwnerKind.CONTRIBUTION, contributionId, cycleId, "KEN",
                upload("scan.png", java.util.Arrays.copyOf(SampleFiles.png(), 3 * 1024)), interior))
                .isInstanceOf(AttachmentRejectedException.class)
                .hasMessage("\"scan.png\" is 3 KB; files can be at most 2 KB.");
        assertThat(count("attachment")).isEqualTo(before);
        assertThat(small.maxSizeLabel()).isEqualTo("2 KB");
        assertThat(attachments.maxSizeLabel()).isEqualTo("10 MB");
    }

    @Test
    void whenTheCallersTransactionRollsBackNoAttachmentRemains() {
        long before = count("attachment");
        long auditBefore = count("audit_event");
        Attachment stored = transactions.execute(status -> {
            Attachment inside = store("report.pdf", SampleFiles.pdf());
            assertThat(repository.find(inside.publicId())).as("visible inside the transaction").isPresent();
            status.setRollbackOnly(); // e.g. the form's other writes failed
            return inside;
        });
        assertThat(repository.find(stored.publicId())).isEmpty();
        assertThat(count("attachment")).isEqualTo(before);
        assertThat(count("audit_event")).isEqualTo(auditBefore);

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            store("report.pdf", SampleFiles.pdf());
            throw new IllegalStateException("task completion failed");
        })).hasMessage("task completion failed");
        assertThat(count("attachment")).isEqualTo(before);
    }

    @Test
    void theOwnerMustBelongToTheCycleAndTheUserToItsCountry() {
        CurrentUser ghana = users.coordinator("GHA");
        long ghanaCycle = data.cycle(ghana);
        long ghanaSection = data.section(ghanaCycle, 4, "Objective 4");
        long before = count("attachment");

        assertThatThrownBy(() -> attachments.store(OwnerKind.REPORT_SECTION, ghanaSection, cycleId, "KEN",
                upload("a.pdf", SampleFiles.pdf()), coordinator)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> attachments.store(OwnerKind.CONTRIBUTION, contributionId, cycleId, "KEN",
                upload("a.pdf", SampleFiles.pdf()), ghana)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> attachments.store(OwnerKind.CONSULTATION_INPUT, contributionId, cycleId, "KEN",
                upload("a.pdf", SampleFiles.pdf()), coordinator)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> attachments.store(OwnerKind.CONTRIBUTION, contributionId, cycleId, "GHA",
                upload("a.pdf", SampleFiles.pdf()), coordinator)).isInstanceOf(IllegalArgumentException.class);
        assertThat(count("attachment")).isEqualTo(before);
    }

    @Test
    void everyOwnerKindCanCarryEvidence() {
        long section = data.section(cycleId, 5, "Objective 5");
        CurrentUser stakeholder = users.stakeholder("KEN", "Diaspora Forum");
        long input = data.consultationInput(cycleId, stakeholder, "Our view");
        attachments.store(OwnerKind.REPORT_SECTION, section, cycleId, "KEN", upload("s.pdf", SampleFiles.pdf()),
                coordinator);
        attachments.store(OwnerKind.CONSULTATION_INPUT, input, cycleId, "KEN", upload("i.png", SampleFiles.png()),
                stakeholder);
        assertThat(attachments.list(OwnerKind.REPORT_SECTION, section, coordinator)).extracting(Attachment::fileName)
                .containsExactly("s.pdf");
        assertThat(attachments.list(OwnerKind.CONSULTATION_INPUT, input, coordinator)).extracting(Attachment::fileName)
                .containsExactly("i.png");
    }

    @Test
    void nothingIsAddedOnceTheCycleIsPublished() {
        data.publish(cycleId);
        long before = count("attachment");
        assertThatThrownBy(() -> store("late.pdf", SampleFiles.pdf())).isInstanceOf(AttachmentLockedException.class);
        assertThat(count("attachment")).isEqualTo(before);
    }

    @Test
    void listsMarkWhatTheUserMayRemove() {
        CurrentUser labour = users.ministry("KEN", "LABOUR");
        store("a.pdf", SampleFiles.pdf());
        store("b.png", SampleFiles.png());
        assertThat(attachments.list(OwnerKind.CONTRIBUTION, contributionId, interior))
                .extracting(Attachment::fileName, Attachment::removable)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a.pdf", true),
                        org.assertj.core.groups.Tuple.tuple("b.png", true));
        assertThat(attachments.list(OwnerKind.CONTRIBUTION, contributionId, labour))
                .extracting(Attachment::removable).containsExactly(false, false);
        assertThat(attachments.list(OwnerKind.CONTRIBUTION, contributionId, coordinator))
                .extracting(Attachment::removable).containsExactly(true, true);
        // another country's user gets nothing, not an error
        assertThat(attachments.list(OwnerKind.CONTRIBUTION, contributionId, users.coordinator("GHA"))).isEmpty();
        data.publish(cycleId);
        assertThat(attachments.list(OwnerKind.CONTRIBUTION, contributionId, coordinator))
                .extracting(Attachment::removable).containsExactly(false, false);
    }

    @Test
    void listByOwnerGroupsTheFilesOfSeveralOwners() {
        long other = data.contribution(cycleId, interior, 4);
        store("a.pdf", SampleFiles.pdf());
        attachments.store(OwnerKind.CONTRIBUTION, other, cycleId, "KEN", upload("b.pdf", SampleFiles.pdf()), interior);
        Map<Long, List<Attachment>> byOwner = attachments.listByOwner(OwnerKind.CONTRIBUTION,
                List.of(contributionId, other), coordinator);
        assertThat(byOwner.get(contributionId)).extracting(Attachment::fileName).containsExactly("a.pdf");
        assertThat(byOwner.get(other)).extracting(Attachment::fileName).containsExactly("b.pdf");
        assertThat(attachments.listByOwner(OwnerKind.REPORT_SECTION, List.of(contributionId), coordinator)).isEmpty();
    }

    @Test
    void formsInspectOnlyTheFilesTheUserChose() {
        MultiValueMap<String, MultipartFile> files = new LinkedMultiValueMap<>();
        // what a browser sends for a file input left blank
        files.add("evidence", new MockMultipartFile("evidence", "", "application/octet-stream", new byte[0]));
        assertThat(attachments.inspectChosen(files, "evidence")).isEmpty();
        assertThat(attachments.inspectChosen(files, "other")).isEmpty();

        files.add("evidence", upload("a.pdf", SampleFiles.pdf()));
        files.add("evidence", upload("b.xlsx", SampleFiles.xlsx()));
        assertThat(attachments.inspectChosen(files, "evidence")).extracting(InspectedFile::fileName)
                .containsExactly("a.pdf", "b.xlsx");

        files.add("evidence", upload("c.pdf", new byte[0]));
        assertThatThrownBy(() -> attachments.inspectChosen(files, "evidence"))
                .isInstanceOf(AttachmentRejectedException.class).hasMessageContaining("\"c.pdf\" is empty");
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
