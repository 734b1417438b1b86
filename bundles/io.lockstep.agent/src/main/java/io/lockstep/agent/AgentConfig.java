package io.lockstep.agent;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * How one agent runs: its host name, the shared medium it mounts (a LUN file, or a logical unit of an iSCSI target), the
 * local directory for per-VM LUN files, the address it serves on (loopback, or its own address when the host has a
 * network namespace of its own: then {@code interface} names its link and {@code vmAddresses} the range VMs take
 * addresses from), its own data directory
 * (credentials, identity, what it ran), the datacenter secret file agents sign each other's requests with, and
 * the DoS guard's policy ({@code target}: suspend the VM under attack; {@code others}: suspend the host's other
 * VMs to protect them; {@code off}).
 * Read from a properties file; flags override it.
 */
public record AgentConfig(String host, String medium, Path datastore, String listenHost, int listenPort, Path dataDir, Path secretFile,
        String guardPolicy, String networkInterface, String vmAddresses) {

    public AgentConfig(String host, String medium, Path datastore, String listenHost, int listenPort, Path dataDir, Path secretFile) {
        this(host, medium, datastore, listenHost, listenPort, dataDir, secretFile, "target", null, null);
    }

    public AgentConfig(String host, String medium, Path datastore, String listenHost, int listenPort, Path dataDir, Path secretFile,
            String guardPolicy) {
        this(host, medium, datastore, listenHost, listenPort, dataDir, secretFile, guardPolicy, null, null);
    }

    /** Does this host have a network of its own (a namespace with {@link #networkInterface}), where VMs get addresses? */
    public boolean ownNetwork() {
        return networkInterface != null;
    }


    public AgentConfig {
        Names.check("host", host);
        if (medium == null || medium.isBlank()) {
            throw new IllegalArgumentException("medium: expected the shared medium (a LUN file path), found nothing");
        }
        if (datastore == null) {
            throw new IllegalArgumentException("datastore: expected the shared directory that holds the VM folders, found nothing");
        }
        if (dataDir == null) {
            throw new IllegalArgumentException("data: expected this agent's data directory, found nothing");
        }
        if (networkInterface != null && !networkInterface.matches("[A-Za-z0-9_.-]{1,15}")) {
            throw new IllegalArgumentException("interface: expected a network interface name (1-15 letters, digits, '_', '.', '-'), found '"
                    + networkInterface + "'");
        }
        if (networkInterface == null && vmAddresses != null) {
            throw new IllegalArgumentException("vm-addresses: a range of VM addresses needs the host's own network (interface=…); found no interface");
        }
        if (vmAddresses != null) {
            AddressRange.parse(vmAddresses);
        }
        boolean loopback = listenHost.equals("127.0.0.1") || listenHost.equals("localhost") || listenHost.equals("::1");
        if (!loopback && networkInterface == null) {
            throw new IllegalArgumentException("listen: expected a loopback address (127.0.0.1, localhost or ::1) — or the host's own address "
                    + "when it has a network namespace of its own (interface=…) — found " + listenHost);
        }
        if (listenPort < 0 || listenPort > 65535) {
            throw new IllegalArgumentException("listen: expected a port 0..65535, found " + listenPort);
        }
        if (guardPolicy == null) {
            guardPolicy = "target";
        }
        if (!guardPolicy.equals("target") && !guardPolicy.equals("others") && !guardPolicy.equals("off")) {
            throw new IllegalArgumentException("guard: expected target (suspend the VM under attack), others (suspend the other VMs of the host) "
                    + "or off, found '" + guardPolicy + "'");
        }
        if (secretFile == null) {
            throw new IllegalArgumentException("secret: expected the datacenter secret file, found nothing");
        }
    }

    /**
     * Reads {@code file} (keys: host, medium, datastore, listen, data, secret, guard, and for a host with a network of
     * its own: interface, vm-addresses FIRST-LAST); relative paths are taken from its directory. */
    public static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        return p;
    }

    public static AgentConfig of(Properties p, Path base) {
        String listen = p.getProperty("listen", "127.0.0.1:0");
        int colon = listen.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("listen: expected HOST:PORT, found '" + listen + "'");
        }
        int port;
        try {
            port = Integer.parseInt(listen.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("listen: expected HOST:PORT with a numeric port, found '" + listen + "'");
        }
        Path data = resolve(base, p.getProperty("data"));
        String secret = p.getProperty("secret");
        return new AgentConfig(p.getProperty("host"), p.getProperty("medium"), resolve(base, p.getProperty("datastore")),
                listen.substring(0, colon), port, data, secret == null ? (data == null ? null : data.resolve("datacenter.secret")) : resolve(base, secret),
                p.getProperty("guard", "target"), blankToNull(p.getProperty("interface")), blankToNull(p.getProperty("vm-addresses")));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Path resolve(Path base, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Path p = Path.of(value);
        return p.isAbsolute() || base == null ? p : base.resolve(p);
    }
}
