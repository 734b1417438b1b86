package io.lockstep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.lockstep.agent.client.AgentClient;

/**
 * Clustered guests (issue 24) through {@code ./lockstep} only, as root with a namespace per host: three QEMU VMs on
 * three hosts share one virtual disk and reserve it with sg3-utils inside the guests. Each guest's SCSI commands go
 * through QEMU's iSCSI driver (scsi-block: pass-through) to its own host's target, logged in as the VM's IQN, and
 * land on the disk's reservation record on the datastore — so a reservation made on host-1 is enforced on host-2 and
 * seen on host-3. Then host-1 hangs (its agent SIGSTOPped, its link down): the guest on host-2 preempts the hung
 * guest's registration and aborts its commands, writes, and the third guest reads what it wrote and sees the new
 * registrations; host-1 comes back and its guest's write is refused.
 */
class SharedDiskEndToEndTest extends QemuDatacenterTest {

    /** On both media: the LUN on tgt over iSCSI (the hosts reach it over the network) and the LUN file every host opens. */
    @ParameterizedTest(name = "medium {0}")
    @ValueSource(strings = {"iscsi", "file"})
    void guestsOnThreeHostsReserveOneSharedDiskWithSgPersistAndTheSurvivorPreemptsAHungHost(String medium) throws Exception {
        cli.ok("up", "--hosts", "3", "--medium", medium);
        String agentMedium = AgentClient.mapper().readTree(work.resolve("dc").resolve("datacenter.json").toFile()).path("medium").asText();
        assertTrue(medium.equals("file") ? agentMedium.equals(work.resolve("dc").resolve("lun.img").toString()) : agentMedium.startsWith("iscsi://"),
                "the hosts' medium: " + agentMedium);
        List<String> iqns = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            JsonNode vm = AgentClient.mapper().readTree(cli.ok("vm", "create", "c" + i, "--guest", "qemu", "--memory", "128", "--json").out());
            iqns.add(vm.path("san").path("iqn").asText().toLowerCase(Locale.ROOT));
        }
        JsonNode disk = AgentClient.mapper().readTree(cli.ok("vdisk", "share", "quorum", "--size", "16M", "--json").out());
        assertEquals(16L << 20, disk.path("sizeBytes").asLong(), disk.toString());
        assertEquals("/.shared/quorum.disk", disk.path("file").asText(), disk.toString());
        // a shared disk is attached while the VM is off, and only to QEMU guests
        DatacenterEndToEndTest.Result java = cli.lockstep("vm", "create", "j1");
        assertEquals(0, java.code(), java.all());
        DatacenterEndToEndTest.Result refused = cli.lockstep("vm", "attach", "j1", "--shared", "quorum");
        assertTrue(refused.code() != 0 && refused.err().contains("shared disks are SCSI disks served to QEMU guests"), refused.all());
        for (int i = 1; i <= 3; i++) {
            cli.ok("vm", "attach", "c" + i, "--shared", "quorum");
        }
        assertEquals(List.of("c1", "c2", "c3"), texts(cli.json("vdisk", "shared", "quorum").path("attachedTo")));
        assertEquals(List.of("quorum"), texts(QemuGuests.view(cli, "c2").path("sharedDisks")), "the VM's view names its shared disks");

        for (int i = 1; i <= 3; i++) {
            cli.ok("vm", "start", "c" + i, "--host", "host-" + i);
        }
        for (int i = 1; i <= 3; i++) {
            awaitConsole("c" + i, "lockstep-guest: redis listening on", 180);
        }
        DatacenterEndToEndTest.Result busy = cli.lockstep("vm", "detach", "c1", "--shared", "quorum");
        assertTrue(busy.code() != 0 && busy.err().contains("while it is powered off"), busy.all());

        // the guest on host-1 registers and reserves Write Exclusive – Registrants Only (type 5)
        String c1 = sh("c1", "sg_persist --out --register --param-sark=0x1 /dev/sda && sg_persist --out --reserve --param-rk=0x1 --prout-type=5 "
                + "/dev/sda && sg_persist -r /dev/sda");
        assertTrue(c1.contains("Key=0x1") && c1.contains("Write Exclusive, registrants only"), c1);
        JsonNode shared = cli.json("vdisk", "shared", "quorum");
        assertEquals(iqns.get(0), shared.path("reservationHolder").asText(), "the medium holds c1's reservation, by its IQN: " + shared);
        assertEquals(1, shared.path("registrations").size(), shared.toString());
        assertEquals("0x0000000000000001", shared.path("registrations").get(0).path("key").asText(), shared.toString());

        // the unregistered guest on host-2 may read but its write gets RESERVATION CONFLICT inside the guest
        String c2 = sh("c2", "dd if=/dev/sda bs=512 count=1 iflag=direct of=/dev/null && echo read-ok; "
                + "printf C2-BEFORE | dd of=/dev/sda bs=512 count=1 oflag=direct conv=sync");
        assertTrue(c2.contains("read-ok"), "a non-registrant reads under Write Exclusive – Registrants Only: " + c2);
        assertTrue(c2.contains("EXIT=1") && (c2.contains("nexus") || c2.contains("Invalid exchange")),
                "the kernel reports the reservation conflict (critical nexus error, EBADE): " + c2);
        // the guest on host-3 sees the registration and the reservation made on host-1
        String c3 = sh("c3", "sg_persist -k /dev/sda; sg_persist -r /dev/sda");
        assertTrue(c3.contains("1 registered reservation key follows") && c3.contains("0x1") && c3.contains("Key=0x1"), c3);

        // host-1 hangs; the guest on host-2 registers and preempts c1's key, aborting its commands; it then writes
        cli.ok("fault", "hang", "host-1");
        c2 = sh("c2", "sg_persist --out --register --param-sark=0x2 /dev/sda && sg_persist --out --preempt-abort --param-rk=0x2 --param-sark=0x1 "
                + "--prout-type=5 /dev/sda && printf SURVIVOR-C2 | dd of=/dev/sda bs=512 count=1 oflag=direct conv=sync");
        assertTrue(c2.contains("EXIT=0"), "the survivor preempts and writes: " + c2);
        c3 = sh("c3", "sg_persist -k /dev/sda; sg_persist -r /dev/sda; dd if=/dev/sda bs=512 count=1 iflag=direct 2>/dev/null | head -c 11; echo");
        assertTrue(c3.contains("1 registered reservation key follows") && c3.contains("Key=0x2"), "c3 sees the survivor's registration: " + c3);
        assertTrue(c3.contains("SURVIVOR-C2"), "c3 reads what c2 wrote through its own host: " + c3);
        shared = cli.json("vdisk", "shared", "quorum", "--host", "host-3");
        assertEquals(iqns.get(1), shared.path("reservationHolder").asText(), shared.toString());

        // host-1 comes back: its guest was preempted, so its write is refused
        cli.ok("fault", "heal", "host-1");
        c1 = sh("c1", "printf C1-AFTER | dd of=/dev/sda bs=512 count=1 oflag=direct conv=sync");
        assertTrue(c1.contains("EXIT=1"), "the preempted guest's write is refused: " + c1);
        c3 = sh("c3", "dd if=/dev/sda bs=512 count=1 iflag=direct 2>/dev/null | head -c 11; echo");
        assertTrue(c3.contains("SURVIVOR-C2") && !c3.contains("C1-AFTER"), "the disk holds the survivor's data: " + c3);

        // a checkpoint of a VM with a shared disk leaves the shared disk out (its sharers go on writing it): after a
        // revert the VM's own disk is back to the checkpoint, the shared disk is as the sharers left it, and the VM's
        // registration and reservation — on the medium, by its IQN — are still there
        cli.ok("vm", "checkpoint", "c2", "--name", "with-shared");
        c2 = sh("c2", "printf AFTER-CHECKPOINT | dd of=/dev/sda bs=512 count=1 oflag=direct conv=sync && printf OWN-AFTER | dd of=/dev/vda bs=512 "
                + "seek=8 count=1 conv=notrunc oflag=direct");
        assertTrue(c2.contains("EXIT=0"), c2);
        cli.ok("vm", "revert", "c2", "1");
        c2 = sh("c2", "dd if=/dev/sda bs=512 count=1 iflag=direct 2>/dev/null | head -c 16; echo; dd if=/dev/vda bs=512 skip=8 count=1 iflag=direct "
                + "2>/dev/null | head -c 9; echo; sg_persist -r /dev/sda");
        assertTrue(c2.contains("AFTER-CHECKPOINT"), "the shared disk is not reverted: " + c2);
        assertFalse(c2.contains("OWN-AFTER"), "the VM's own disk is: " + c2);
        assertTrue(c2.contains("Key=0x2"), "the reservation stays on the medium: " + c2);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private int marks;

    /**
     * Runs {@code command} on the VM's serial console and returns what it printed, ending with "EXIT=<status>": a
     * numbered marker computed by the shell (so the typed line's echo never matches it) says when it is done.
     */
    private String sh(String vm, String command) throws Exception {
        int n = ++marks;
        String before = consoleText(vm);
        cli.ok("vm", "console", vm, "--type", command + "; echo EXIT=$? DONE-$((" + n + "+1000))");
        String done = "DONE-" + (n + 1000);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String text = before;
        while (System.nanoTime() < end) {
            text = consoleText(vm);
            int at = text.lastIndexOf(done);
            if (at >= 0) {
                int from = text.length() >= before.length() && text.startsWith(before) ? before.length() : Math.max(0, text.lastIndexOf("EXIT=$?"));
                return text.substring(Math.min(from, at), at);
            }
            Thread.sleep(300);
        }
        throw new AssertionError(vm + " did not finish '" + command + "' within 90 s; its console ends with: "
                + text.substring(Math.max(0, text.length() - 800)));
    }
}
