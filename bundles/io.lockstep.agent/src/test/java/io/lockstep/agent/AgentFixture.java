package io.lockstep.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.lockstep.agent.client.AgentClient;
import io.lockstep.cluster.Cluster;
import io.lockstep.storage.file.FileMedium;

/** A datacenter in a temporary directory: one formatted LUN file, the datastore directory, the secret; agents in this JVM. */
final class AgentFixture implements AutoCloseable {

    final Path dir;
    final Path lun;
    final Path datastore;
    final Path secret;
    final List<Running> agents = new ArrayList<>();

    record Running(Agent agent, ApiServer server) {
        AgentClient client() {
            return AgentClient.operator(server.url(), agent.credentials().fingerprint(), agent.credentials().token());
        }

        AgentClient peerClient(PeerAuth signer) {
            return AgentClient.peer(server.url(), agent.credentials().fingerprint(), signer.to(agent.host()));
        }
    }

    AgentFixture(Path dir) throws IOException {
        this.dir = dir;
        this.lun = dir.resolve("lun.img");
        this.datastore = dir.resolve("datastore");
        this.secret = dir.resolve("datacenter.secret");
        FileMedium.create(lun, 512, (1L << 30) / 512); // sparse: VM folders live on it
        try (FileMedium m = FileMedium.open(lun, "fixture")) {
            Cluster.format(m, Cluster.FormatOptions.defaults().withIoTimeout(io.lockstep.cluster.Timing.LOCAL_IO_TIMEOUT).withLabel("ds1"));
        }
        Credentials.secretText(secret, 32);
    }

    Running start(String host) throws Exception {
        AgentConfig c = new AgentConfig(host, lun.toString(), datastore, "127.0.0.1", 0, dir.resolve(host), secret);
        Agent a = Agent.start(c);
        ApiServer s = new ApiServer(a);
        a.serving(s.url());
        Running r = new Running(a, s);
        agents.add(r);
        return r;
    }

    /** A path on the datastore's file system (on the LUN, where VM folders live), as the first agent started mounted it. */
    Path onDatastore(String path) {
        return agents.get(0).agent.datastore().fileSystem().getPath("/" + path);
    }

    String secretHex() throws IOException {
        return Files.readString(secret).trim();
    }

    @Override
    public void close() throws Exception {
        for (Running r : agents) {
            r.server().close();
            r.agent().close();
        }
    }
}
