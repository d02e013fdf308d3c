package org.gcmreview.browser;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Every request the page asked for, read from Chromium's performance log (DevTools Network events). Unlike
 * Resource Timing it also lists requests that failed, which is what a blocked CDN request does on this machine.
 * Reading the log empties it, so each page load is read on its own.
 */
final class RequestLog {

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");
    /** scheme and host of a URL that goes over the network; data:, blob: and about: URLs never do */
    private static final Pattern NETWORK_URL = Pattern.compile("^(?:https?|wss?)://(?:[^@/?#]*@)?(\\[[^\\]]*]|[^:/?#]+)",
            Pattern.CASE_INSENSITIVE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private RequestLog() {
    }

    /** Forgets what was logged so far. */
    static void clear(WebDriver driver) {
        driver.manage().logs().get(LogType.PERFORMANCE);
    }

    /** URLs requested since the last read. */
    static List<String> read(WebDriver driver) {
        List<LogEntry> entries = driver.manage().logs().get(LogType.PERFORMANCE).getAll();
        return entries.stream()
                .map(entry -> parse(entry.getMessage()).path("message"))
                .filter(message -> "Network.requestWillBeSent".equals(message.path("method").asText()))
                .map(message -> message.path("params").path("request").path("url").asText())
                .toList();
    }

    /** The requests that went, or tried to go, to another machine (data: and about: URLs stay in the page). */
    static List<String> leavingLocalhost(List<String> urls) {
        return urls.stream().filter(RequestLog::leavesLocalhost).toList();
    }

    static boolean leavesLocalhost(String url) {
        Matcher network = NETWORK_URL.matcher(url);
        return network.find() && !LOCAL_HOSTS.contains(network.group(1).toLowerCase(Locale.ROOT));
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable performance log entry: " + json, e);
        }
    }
}
