package org.gcmreview.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;
import org.mockito.Mockito;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Log and audit text cannot carry a line break or another control character; addresses are validated. */
class LogTextTest {

    @Test
    void lineBreaksAndControlCharactersBecomeVisibleEscapes() {
        String forged = "alice\r\n2026-12-02 INFO audit LOGIN_SUCCEEDED by admin\u0000\u001b[31m\u2028";
        String neutral = LogText.neutral(forged);
        assertThat(neutral).doesNotContain("\r", "\n", "\u0000", "\u001b", "\u2028")
                .isEqualTo("alice\\u000d\\u000a2026-12-02 INFO audit LOGIN_SUCCEEDED by admin\\u0000\\u001b[31m\\u2028");
        assertThat(LogText.neutral("Amina Otieno, Nairobi – عربي")).isEqualTo("Amina Otieno, Nairobi – عربي");
        assertThat(LogText.neutral(null)).isNull();
    }

    @Test
    void onlyLiteralIpAddressesAreAddresses() {
        assertThat(LogText.ipAddress("203.0.113.7")).hasValue("203.0.113.7");
        // IPv6 in its RFC 5952 text, whatever spelling the request carried
        assertThat(LogText.ipAddress("2001:db8::1")).hasValue("2001:db8::1");
        assertThat(LogText.ipAddress("2001:0DB8:000a:0:0:0:0:1c91")).hasValue("2001:db8:a::1c91");
        assertThat(LogText.ipAddress("0:0:0:0:0:0:0:1")).hasValue("::1");
        assertThat(LogText.ipAddress("2001:db8:0:0:1:0:0:1")).hasValue("2001:db8::1:0:0:1");
        assertThat(LogText.ipAddress("2001:db8:1:1:1:1:0:1")).hasValue("2001:db8:1:1:1:1:0:1");
        assertThat(LogText.ipAddress("127.0.0.1\r\nforged")).isEmpty();
        assertThat(LogText.ipAddress("999.1.1.1")).isEmpty();
        assertThat(LogText.ipAddress("evil.example")).isEmpty();
        assertThat(LogText.ipAddress("1.2.3.4, 5.6.7.8")).isEmpty();
        assertThat(LogText.ipAddress(null)).isEmpty();
    }

    /** The audit log stores no line break, whatever an entry was given, alone or several in one statement. */
    @Test
    void theAuditLogNeutralisesEveryField() {
        JdbcClient jdbc = Mockito.mock(JdbcClient.class);
        // a real database is not needed to see what is handed to it: capture the parameters
        List<Object> params = new ArrayList<>();
        JdbcClient.StatementSpec spec = Mockito.mock(JdbcClient.StatementSpec.class);
        Mockito.when(jdbc.sql(ArgumentMatchers.anyString())).thenReturn(spec);
        Mockito.when(spec.params(ArgumentMatchers.anyList())).thenAnswer(call -> {
            params.addAll(call.getArgument(0));
            return spec;
        });
        AuditLog log = new AuditLog(jdbc);
        log.record(AuditEntry.of("bob\nadmin", "LOGIN_FAILED", null, "sign_in", "1.2.3.4",
                "wrong\r\nLOGIN_SUCCEEDED"));
        log.recordAll(List.of(AuditEntry.of("carol", "SUBMITTED\r\nforged", "KEN", "contribution", "7", null),
                AuditEntry.of("dave\u2028", "SUBMITTED", "KEN", "contribution", "8", "a\nb")));

        assertThat(params).hasSize(18)
                .allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain("\n", "\r", "\u2028"));
        // each entry's six values in the order of the insert's columns: actor first, then action
        assertThat(params.get(0)).isEqualTo("bob\\u000aadmin");
        assertThat(params.get(7)).isEqualTo("SUBMITTED\\u000d\\u000aforged");
        assertThat(params.get(12)).isEqualTo("dave\\u2028");
        Mockito.verify(spec, Mockito.times(2)).update();
    }
}
