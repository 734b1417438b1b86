package io.lockstep.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets: what an agent makes at first start — its data directory, tls/, the key store, its password and the API token —
 * is its owner's only from the moment it exists, and the key store's password is never on a command line where any
 * local user reads it ({@code ps}, {@code /proc/<pid>/cmdline}).
 */
class CredentialsTest {

    @TempDir
    Path dir;

    @Test
    void keytoolIsNeverGivenTheKeyStorePasswordOnItsCommandLine() throws Exception {
        Path data = dir.resolve("agent-data");
        CompletableFuture<Credentials> made = CompletableFuture.supplyAsync(() -> {
            try {
                return Credentials.ensure(data, "host-a");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        // read every child's argv as another user would, from /proc, while keytool runs
        List<List<String>> seen = new ArrayList<>();
        while (!made.isDone()) {
            ProcessHandle.current().descendants().forEach(p -> {
                try {
                    byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline"));
                    List<String> argv = List.of(new String(raw, StandardCharsets.UTF_8).split("\0"));
                    if (argv.stream().anyMatch(a -> a.endsWith("keytool")) && !seen.contains(argv)) {
                        seen.add(argv);
                    }
                } catch (java.io.IOException e) {
                    // gone meanwhile
                }
            });
            Thread.onSpinWait();
        }
        Credentials c = made.get(60, TimeUnit.SECONDS);
        String password = Files.readString(data.resolve("tls").resolve("password")).trim();
        assertEquals(password, c.keyStorePassword());
        assertTrue(c.fingerprint().matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), c.fingerprint()); // the key store opens with it
        assertFalse(seen.isEmpty(), "keytool's command line was read while it ran");
        for (List<String> argv : seen) {
            for (String arg : argv) {
                assertFalse(arg.contains(password), "keytool's argv carries the key store password: " + argv);
            }
            assertTrue(argv.contains("-storepass:file"), argv.toString());
        }
        assertEquals(c.fingerprint(), Credentials.ensure(data, "host-a").fingerprint(), "a later start reuses the key store");
    }

    @Test
    void theDataDirectoryTlsKeyStoreAndSecretsAreCreatedOwnerOnlyUnderUmask022() throws Exception {
        Path data = dir.resolve("agent-data");
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", "umask 022 && exec \"$@\"", "sh",
                ProcessHandle.current().info().command().orElse("java"), "-cp", System.getProperty("java.class.path"), UmaskChild.class.getName(),
                dir.toString(), data.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, out);
        } finally {
            p.destroyForcibly();
        }
        assertEquals("rw-r--r--", mode(dir.resolve("probe")), "the child ran under umask 022: a plain new file is world-readable");
        assertEquals("rwx------", mode(data), "the data directory");
        assertEquals("rwx------", mode(data.resolve("tls")), "tls/");
        for (String f : new String[] {"tls/agent.p12", "tls/password", "token"}) {
            assertEquals("rw-------", mode(data.resolve(f)), f);
        }
        try (var files = Files.list(data.resolve("tls"))) {
            assertEquals(List.of("agent.p12", "password"), files.map(f -> f.getFileName().toString()).sorted().toList(), "no copy left behind");
        }
    }

    static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    /** Run under umask 022: a probe file the plain way in {@code args[0]}, then an agent's credentials in {@code args[1]}. */
    public static final class UmaskChild {
        public static void main(String[] args) throws Exception {
            Files.createFile(Path.of(args[0]).resolve("probe"));
            Credentials.ensure(Path.of(args[1]), "host-a");
        }
    }
}
