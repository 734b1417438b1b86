package io.lockstep.agent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import io.lockstep.agent.client.AgentClient;
import io.lockstep.storage.file.OwnerOnly;

/**
 * What an agent creates at first start in its data directory and keeps: a self-signed TLS certificate
 * ({@code tls/agent.p12}, made by the JDK's own {@code keytool}; its SHA-256 fingerprint is what clients pin) and
 * the API token ({@code token}, readable by its owner only). Later starts reuse both.
 *
 * <p>Everything here is its owner's only from the moment it exists: folders are created 0700, files 0600. The key
 * store's password never appears on a command line (where {@code ps} and {@code /proc/<pid>/cmdline} show it to every
 * user): keytool reads it from the 0600 {@code tls/password} file ({@code -storepass:file}), writes the key store inside
 * the 0700 {@code tls/}, and its bytes are then copied into a file created 0600.
 */
public final class Credentials {

    private final Path keyStore;
    private final String keyStorePassword;
    private final String token;
    private final String fingerprint;
    private final Path tokenFile;

    private Credentials(Path keyStore, String keyStorePassword, String token, String fingerprint, Path tokenFile) {
        this.keyStore = keyStore;
        this.keyStorePassword = keyStorePassword;
        this.token = token;
        this.fingerprint = fingerprint;
        this.tokenFile = tokenFile;
    }

    public static Credentials ensure(Path dataDir, String host) throws IOException {
        Path tls = dataDir.resolve("tls");
        OwnerOnly.createDirectories(tls); // the data directory too, when it is new
        Path store = tls.resolve("agent.p12");
        Path passFile = tls.resolve("password");
        if (!Files.exists(store)) {
            secretText(passFile, 24);
            Path made = tls.resolve("agent.p12.keytool");
            Path tmp = tls.resolve("agent.p12.tmp");
            Files.deleteIfExists(made);
            Files.deleteIfExists(tmp);
            try {
                keytool(made, passFile, host);
                try (FileChannel out = OwnerOnly.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(made)); // keytool's file has the umask's mode
                    while (bytes.hasRemaining()) {
                        out.write(bytes);
                    }
                    out.force(true);
                }
                Files.move(tmp, store, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(made);
                Files.deleteIfExists(tmp);
            }
        }
        String pass = Files.readString(passFile, StandardCharsets.UTF_8).trim();
        Path tokenFile = dataDir.resolve("token");
        String token = secretText(tokenFile, 32);
        return new Credentials(store, pass, token, fingerprintOf(store, pass), tokenFile);
    }

    /** The hex secret in {@code file}, created with {@code bytes} random bytes and owner-only permissions when missing. */
    public static String secretText(Path file, int bytes) throws IOException {
        if (!Files.exists(file)) {
            byte[] b = new byte[bytes];
            new SecureRandom().nextBytes(b);
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            OwnerOnly.createFile(tmp);
            Files.writeString(tmp, HexFormat.of().formatHex(b) + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        String s = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (!s.matches("[0-9a-f]{32,}")) {
            throw new IOException(file + ": expected a hex secret of at least 16 bytes, found " + s.length() + " characters that are not one");
        }
        return s;
    }

    /** Has keytool make the key store {@code store}; it reads the password from {@code passFile}'s first line, never from its argv. */
    private static void keytool(Path store, Path passFile, String host) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        if (!Files.isExecutable(keytool)) {
            throw new IOException("cannot create the TLS certificate: expected the JDK's keytool at " + keytool + ", found none");
        }
        ProcessBuilder pb = new ProcessBuilder(keytool.toString(), "-genkeypair", "-keyalg", "EC", "-groupname", "secp256r1", "-alias", "agent",
                "-dname", "CN=" + host + ", OU=Lockstep agent", "-ext", "san=dns:localhost,ip:127.0.0.1,ip:::1", "-validity", "3650",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass:file", passFile.toString(), "-keypass:file", passFile.toString())
                .redirectErrorStream(true);
        Process p = pb.start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool could not create the certificate: " + out.trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool created the certificate");
        }
    }

    static String fingerprintOf(Path store, String pass) throws IOException {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, pass.toCharArray());
            Certificate c = ks.getCertificate("agent");
            return fingerprint(c.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IOException(store + ": not a readable PKCS12 key store (" + e.getMessage() + ")", e);
        }
    }

    /** SHA-256 of a DER certificate as upper-case hex pairs separated by ':' (as keytool and browsers show it). */
    public static String fingerprint(byte[] der) {
        return AgentClient.fingerprint(der);
    }

    public Path keyStore() {
        return keyStore;
    }

    public String keyStorePassword() {
        return keyStorePassword;
    }

    public String token() {
        return token;
    }

    public Path tokenFile() {
        return tokenFile;
    }

    public String fingerprint() {
        return fingerprint;
    }
}
