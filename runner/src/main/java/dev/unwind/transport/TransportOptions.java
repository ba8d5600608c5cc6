package dev.unwind.transport;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Connection settings from the command line.
 *
 * @param hostKeyChecking {@code strict}, {@code accept-new} or {@code off}
 * @param password        the {@code -k} login password, or null
 * @param becomePassword  the {@code -K} sudo password, or null
 */
public record TransportOptions(String user, Path privateKey, Path keyPassphraseFile, String hostKeyChecking,
                               String password, String becomePassword, Duration connectTimeout, int forks) {

    public static TransportOptions defaults() {
        return new TransportOptions(null, null, null, "strict", null, null, Duration.ofSeconds(10), 20);
    }

    @Override
    public String toString() {
        return "TransportOptions[user=" + user + ", privateKey=" + privateKey + ", hostKeyChecking=" + hostKeyChecking
                + ", forks=" + forks + "]";
    }
}
