package org.gcmreview.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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

    /** The audit log stores no line break, whatever an entry was given. */
    @Test
    void theAuditLogNeutralisesEveryField() {
        org.springframework.jdbc.core.simple.JdbcClient jdbc = org.mockito.Mockito.mock(
                org.springframework.jdbc.core.simple.JdbcClient.class);
        // a real database is not needed to see what is handed to it: capture the parameters
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        org.springframework.jdbc.core.simple.JdbcClient.StatementSpec spec = org.mockito.Mockito.mock(
                org.springframework.jdbc.core.simple.JdbcClient.StatementSpec.class);
        org.mockito.Mockito.when(jdbc.sql(org.mockito.ArgumentMatchers.anyString())).thenReturn(spec);
        org.mockito.Mockito.when(spec.param(org.mockito.ArgumentMatchers.anyString(), org.mockito.ArgumentMatchers.any()))
                .thenAnswer(call -> {
                    params.put(call.getArgument(0), call.getArgument(1));
                    return spec;
                });
        new AuditLog(jdbc).record(AuditEntry.of("bob\nadmin", "LOGIN_FAILED", null, "sign_in", "1.2.3.4",
                "wrong\r\nLOGIN_SUCCEEDED"));
        assertThat(params.values()).allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain("\n", "\r"));
        assertThat(params.get("actor")).isEqualTo("bob\\u000aadmin");
    }
}
