package io.lockstep.model.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import org.apache.commons.lang3.StringEscapeUtils;

import io.lockstep.model.Datacenter;
import io.lockstep.model.Datastore;
import io.lockstep.model.FtPair;
import io.lockstep.model.Host;
import io.lockstep.model.Lease;
import io.lockstep.model.VirtualMachine;

/**
 * A printable HTML report of a datacenter: the inventory (hosts, datastores, VMs with their SAN identities), the
 * FT status of every pair and the on-disk leases with their holders' heartbeats. One self-contained file with a
 * print style sheet (tables do not break across pages inside a row, headers repeat).
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    /** Writes the report to {@code file} (atomically: a failed write leaves any previous report as it was). */
    public static void write(Datacenter dc, Path file, long leaseTimeoutMillis) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, render(dc, leaseTimeoutMillis), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    public static String render(Datacenter dc, long leaseTimeoutMillis) {
        StringBuilder b = new StringBuilder(64 * 1024);
        String name = esc(dc.getName());
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Lockstep report: ").append(name).append("</title>\n<style>")
                .append("body{font-family:sans-serif;font-size:10pt;margin:2em}h1{font-size:16pt}h2{font-size:13pt;margin-top:1.5em}")
                .append("table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:2px 6px;text-align:left}")
                .append("th{background:#eee}tr.bad td{background:#fdd}tr.ok td.state{color:#060}")
                .append("@media print{body{margin:0}thead{display:table-header-group}tr{page-break-inside:avoid}h2{page-break-after:avoid}}")
                .append("</style></head><body>\n");
        b.append("<h1>Lockstep datacenter ").append(name).append("</h1>\n<p>Generated ").append(Instant.now()).append(" — ")
                .append(dc.getHosts().size()).append(" hosts, ").append(dc.getDatastores().size()).append(" datastores, ").append(dc.getVms().size())
                .append(" VMs, ").append(dc.getFtPairs().size()).append(" FT pairs.</p>\n");

        b.append("<h2>Hosts</h2>\n");
        table(b, List.of("Host", "Address", "Slot", "State", "VMs", "Memory committed / total (MiB)"), dc.getHosts(), h -> false,
                h -> h.getName(), h -> h.getAddress(), h -> h.getHeartbeatSlot(), h -> h.getConnectionState().getLiteral(), h -> h.getVms().size(),
                h -> h.getCommittedMemoryMiB() + " / " + h.getMemoryMiB());
        b.append("<h2>Datastores</h2>\n");
        table(b, List.of("Datastore", "Medium", "Capacity", "Hosts", "Disks", "Locks", "Registrations"), dc.getDatastores(), d -> false,
                Datastore::getName, Datastore::getMediumUri, d -> (d.getCapacityBytes() >> 20) + " MiB",
                d -> String.join(", ", d.getHosts().stream().map(Host::getName).toList()), d -> d.getDisks().size(), d -> d.getLeases().size(),
                d -> d.getRegistrations().size());
        b.append("<h2>Virtual machines</h2>\n");
        table(b, List.of("VM", "Host", "Power", "Guest", "Memory (MiB)", "Disks", "WWPN", "IQN"), dc.getVms(), v -> false, VirtualMachine::getName,
                v -> v.getCurrentHost() == null ? "" : v.getCurrentHost().getName(), v -> v.getPowerState().getLiteral(), VirtualMachine::getGuest,
                VirtualMachine::getMemoryMiB, v -> String.join(", ", v.getDisks().stream().map(d -> d.getName()).toList()),
                v -> v.getSanIdentity() == null ? "" : v.getSanIdentity().getWwpn(), v -> v.getSanIdentity() == null ? "" : v.getSanIdentity().getIqn());
        b.append("<h2>Fault tolerance</h2>\n");
        table(b, List.of("VM", "Primary", "Backup", "Mode", "State", "Epochs/s", "Pause p50/p99 (µs)", "Lag (ms)", "Backup CPU"), dc.getFtPairs(),
                p -> p.getState() != io.lockstep.model.FtState.PROTECTED, p -> p.getPrimary() == null ? "" : p.getPrimary().getName(),
                p -> p.getPrimaryHost() == null ? "" : p.getPrimaryHost().getName(), p -> p.getBackupHost() == null ? "" : p.getBackupHost().getName(),
                p -> p.getMode().getLiteral(), p -> p.getState().getLiteral(), p -> stat(p, String.format("%.1f", p.getStatistics() == null ? 0 : p.getStatistics().getEpochRate())),
                p -> stat(p, p.getStatistics() == null ? "" : p.getStatistics().getPauseP50Micros() + " / " + p.getStatistics().getPauseP99Micros()),
                p -> stat(p, p.getStatistics() == null ? "" : String.format("%.1f", p.getStatistics().getLagMillis())),
                p -> stat(p, p.getStatistics() == null ? "" : String.format("%.0f %%", p.getStatistics().getCpuShare() * 100)));
        b.append("<h2>Leases</h2>\n");
        List<Lease> leases = dc.getDatastores().stream().flatMap(d -> d.getLeases().stream()).toList();
        table(b, List.of("Entity", "Owner", "Mode", "Generation", "Owner's heartbeat age", "Time to expiry", "State"), leases, l -> !l.isOwnerLive(),
                Lease::getEntity, l -> l.getOwner() == null ? "" : l.getOwner().getName(), l -> l.getMode().getLiteral(), Lease::getGeneration,
                l -> l.getHeartbeatAgeMillis() + " ms", l -> l.isOwnerLive() ? Math.max(0, leaseTimeoutMillis - l.getHeartbeatAgeMillis()) + " ms" : "expired",
                l -> l.isOwnerLive() ? "held" : "owner stopped heartbeating: breakable");
        b.append("</body></html>\n");
        return b.toString();
    }

    private static String stat(FtPair p, String s) {
        return p.getStatistics() == null ? "" : s;
    }

    @SafeVarargs
    private static <T> void table(StringBuilder b, List<String> headers, List<T> rows, Function<T, Boolean> bad, Function<T, Object>... cells) {
        if (rows.isEmpty()) {
            b.append("<p>None.</p>\n");
            return;
        }
        b.append("<table><thead><tr>");
        for (String h : headers) {
            b.append("<th>").append(esc(h)).append("</th>");
        }
        b.append("</tr></thead><tbody>\n");
        for (T row : rows) {
            b.append(bad.apply(row) ? "<tr class=\"bad\">" : "<tr class=\"ok\">");
            for (Function<T, Object> c : cells) {
                Object v = c.apply(row);
                b.append("<td>").append(esc(v == null ? "" : v.toString())).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody></table>\n");
    }

    private static String esc(String s) {
        return s == null ? "" : StringEscapeUtils.escapeHtml4(s);
    }
}
