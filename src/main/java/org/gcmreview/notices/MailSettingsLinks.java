package org.gcmreview.notices;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The signed link in every notice mail that opens the recipient's mail settings without signing in: the user id
 * and an HMAC-SHA256 of it under a key kept in the database (made once, shared by every node, kept across
 * restarts). The link only ever changes its owner's notice settings, so it needs no expiry; it is not a sign-in.
 */
@Component
class MailSettingsLinks {

    static final String PATH = "/notices/mail-settings";

    private final JdbcClient jdbc;
    private final String publicUrl;
    private volatile byte[] key;

    MailSettingsLinks(JdbcClient jdbc, @Value("${gcm.consultation.public-url:http://localhost:8080}") String publicUrl) {
        this.jdbc = jdbc;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** A path of the application as a link for a mail. */
    String absolute(String path) {
        return publicUrl + path;
    }

    String url(long userId) {
        return publicUrl + PATH + "?token=" + token(userId);
    }

    String token(long userId) {
        return userId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(String.valueOf(userId)));
    }

    /** The user a token was made for; empty for anything else. */
    Optional<Long> userOf(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 1 || !token.substring(0, dot).matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        byte[] expected = token(Long.parseLong(token.substring(0, dot))).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.US_ASCII))
                ? Optional.of(Long.parseLong(token.substring(0, dot))) : Optional.empty();
    }

    private byte[] mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        byte[] known = key;
        if (known == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            // the first node to get here makes the key; every other node reads it
            jdbc.sql("insert into notice_link_key (id, secret) values (1, ?) on conflict (id) do nothing")
                    .param(fresh).update();
            known = jdbc.sql("select secret from notice_link_key where id = 1").query(byte[].class).single();
            key = known;
        }
        return known;
    }
}
