package io.lockstep.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import io.lockstep.agent.client.AgentClient;

/**
 * The local datacenter {@code lockstep up} made: a work directory with the LUN file, the shared datastore
 * directory, the datacenter secret, one data directory per host, and {@code datacenter.json} naming each
 * host's agent (URL, certificate fingerprint, token file, process id). Commands reach agents through it.
 */
public final class LocalDatacenter {

    public record Host(String name, String url, String fingerprint, Path tokenFile, long pid, Path dataDir) {
        boolean alive() {
            return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }

        public AgentClient client() throws IOException {
            return AgentClient.operator(url, fingerprint, Files.readString(tokenFile, StandardCharsets.UTF_8).trim());
        }
    }

    final Path dir;
    final List<Host> hosts = new ArrayList<>();

    private LocalDatacenter(Path dir) {
        this.dir = dir;
    }

    /** The work directory: {@code --dc}, else {@code $LOCKSTEP_WORK/dc}, else {@code work/dc} under the checkout the launcher runs from. */
    static Path defaultDir() {
        String work = System.getProperty("lockstep.work");
        if (work == null || work.isBlank()) {
            work = System.getenv("LOCKSTEP_WORK");
        }
        return Path.of(work == null || work.isBlank() ? "work" : work, "dc");
    }

    public static LocalDatacenter load(Path dir) throws IOException {
        Path f = dir.resolve("datacenter.json");
        if (!Files.exists(f)) {
            throw new IOException("no local datacenter in " + dir + " (expected " + f + "): start one with `lockstep up --hosts 3`");
        }
        LocalDatacenter dc = new LocalDatacenter(dir);
        JsonNode j = AgentClient.mapper().readTree(f.toFile());
        for (JsonNode h : j.path("hosts")) {
            Path data = dir.resolve(h.path("name").asText());
            Path card = data.resolve("agent.json");
            JsonNode a = Files.exists(card) ? AgentClient.mapper().readTree(card.toFile()) : h;
            dc.hosts.add(new Host(h.path("name").asText(), a.path("url").asText(), a.path("fingerprint").asText(), data.resolve("token"),
                    a.path("pid").asLong(-1), data));
        }
        return dc;
    }

    Host host(String name) throws IOException {
        for (Host h : hosts) {
            if (h.name().equals(name)) {
                return h;
            }
        }
        throw new IOException("no host '" + name + "' in the datacenter at " + dir + "; it has " + hosts.stream().map(Host::name).toList());
    }

    /** The named host's agent, or the first whose agent runs. */
    public Host pick(String name) throws IOException {
        if (name != null) {
            Host h = host(name);
            if (!h.alive()) {
                throw new IOException("the agent of " + name + " is not running (process " + h.pid() + " is gone); `lockstep up` starts it again");
            }
            return h;
        }
        Host fenced = null;
        for (Host h : hosts) {
            if (h.alive()) {
                try {
                    // a process that is going away (killed a moment ago) does not count; a fenced host only when no other answers
                    io.lockstep.agent.api.HostInfo info = h.client().get("/v1/host", io.lockstep.agent.api.HostInfo.class);
                    if (info.fenced() == null) {
                        return h;
                    }
                    fenced = fenced == null ? h : fenced;
                } catch (IOException e) {
                    // the next one
                }
            }
        }
        if (fenced != null) {
            return fenced;
        }
        throw new IOException("no agent of the datacenter at " + dir + " is running; `lockstep up` starts them");
    }

    /**
     * The host a VM runs on (asked of any running agent, which reads it from the VM's lock on the medium). While
     * a failover is under way the lock still names the failed host for a moment: this asks again for up to 15 s
     * until the host it names answers.
     */
    Host runnerOf(String vm) throws IOException {
        long end = System.nanoTime() + 15_000_000_000L;
        IOException last = null;
        while (true) {
            io.lockstep.agent.api.VmView v = pick(null).client().get("/v1/vms/" + vm, io.lockstep.agent.api.VmView.class);
            String at = v.host();
            String power = v.powerState() == null ? "unknown" : v.powerState();
            if (at == null || !power.matches("poweredOn|suspended|halted|unknown")) {
                throw new IOException(vm + " is " + power.toLowerCase(Locale.ROOT) + (at == null ? "" : " (" + at + ")")
                        + "; power it on first: lockstep vm start " + vm);
            }
            try {
                Host h = pick(at);
                h.client().get("/v1/host");
                if (!power.equals("halted")) {
                    return h;
                }
                last = new IOException(vm + " is halted on " + at + " and its backup has not taken over yet");
            } catch (IOException e) {
                last = new IOException(vm + " runs on " + at + ", whose agent does not answer: " + e.getMessage());
            }
            if (System.nanoTime() > end) {
                throw last;
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw last;
            }
        }
    }
}
