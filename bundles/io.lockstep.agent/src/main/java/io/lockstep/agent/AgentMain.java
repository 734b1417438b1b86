package io.lockstep.agent;

import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lockstep-agent}: one host's daemon. Settings come from {@code --config FILE} (a properties file) and flags,
 * flags winning. At start it prints where its API answers, the certificate fingerprint to pin, and the file that
 * holds its token; the last line is {@code READY <url>} for scripts. SIGTERM stops it cleanly (VMs powered off,
 * locks released, heartbeat slot freed); SIGKILL leaves what a crashed host leaves.
 */
@Command(name = "lockstep-agent", mixinStandardHelpOptions = true, version = "Lockstep agent " + Agent.VERSION,
        description = "The Lockstep host agent: mounts the shared medium, runs VMs and FT roles, serves the HTTPS API.")
public final class AgentMain implements Callable<Integer> {

    @Option(names = "--config", description = "a properties file with host, medium, datastore, listen, data, secret")
    Path configFile;

    @Option(names = "--host", description = "this host's name")
    String host;

    @Option(names = "--medium", description = "the shared medium (a LUN file)")
    String medium;

    @Option(names = "--datastore", description = "the shared directory with the VM folders")
    String datastore;

    @Option(names = "--listen", description = "loopback HOST:PORT to serve on (default 127.0.0.1:0, any free port)")
    String listen;

    @Option(names = "--data", description = "this agent's data directory (certificate, token, identity)")
    String data;

    @Option(names = "--secret", description = "the datacenter secret file agents sign their requests to each other with")
    String secret;

    public static void main(String[] args) {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n");
        }
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        // a thread that dies of something nobody caught says so, loudly, with the stack: never a silent loss of a duty
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> System.getLogger("io.lockstep.agent").log(System.Logger.Level.ERROR,
                "thread " + t.getName() + " died: " + e, e));
        CommandLine cli = new CommandLine(new AgentMain());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("lockstep-agent: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            if (System.getenv("LOCKSTEP_DEBUG") != null) {
                e.printStackTrace(cmd.getErr());
            }
            return 1;
        });
        int code = cli.execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() throws Exception {
        Properties p = configFile == null ? new Properties() : AgentConfig.load(configFile);
        put(p, "host", host);
        put(p, "medium", medium);
        put(p, "datastore", datastore);
        put(p, "listen", listen);
        put(p, "data", data);
        put(p, "secret", secret);
        AgentConfig config;
        try {
            config = AgentConfig.of(p, configFile == null ? null : configFile.toAbsolutePath().getParent());
        } catch (IllegalArgumentException | ApiException e) {
            throw new IllegalArgumentException("bad settings: " + e.getMessage());
        }
        Agent agent = Agent.start(config);
        ApiServer server;
        try {
            server = new ApiServer(agent);
        } catch (Exception e) {
            agent.close();
            throw e;
        }
        agent.serving(server.url());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
                agent.close();
            } catch (Exception e) {
                System.err.println("lockstep-agent: stopping: " + e);
            }
            stopped.countDown();
        }, "agent-stop"));
        System.out.println("lockstep agent " + config.host() + " is up");
        System.out.println("  API           " + server.url() + "/v1   (OpenAPI: " + server.url() + "/v1/openapi.json)");
        System.out.println("  certificate   SHA-256 " + agent.credentials().fingerprint() + "   (pin this)");
        System.out.println("  token         " + agent.credentials().tokenFile().toAbsolutePath() + "   (send as Authorization: Bearer <token>)");
        System.out.println("  medium        " + config.medium() + ", heartbeat slot " + agent.datastore().host().slot());
        System.out.println("READY " + server.url());
        System.out.flush();
        stopped.await();
        return 0;
    }

    private static void put(Properties p, String key, String value) {
        if (value != null) {
            p.setProperty(key, value);
        }
    }
}
