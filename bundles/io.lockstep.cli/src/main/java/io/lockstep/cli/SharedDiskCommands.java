package io.lockstep.cli;

import java.util.List;
import java.util.concurrent.Callable;

import io.lockstep.agent.api.AttachLunRequest;
import io.lockstep.agent.api.AttachSharedDiskRequest;
import io.lockstep.agent.api.CreateSharedDiskRequest;
import io.lockstep.agent.api.SharedDiskView;
import io.lockstep.agent.api.VmView;
import io.lockstep.cli.DcCommands.Common;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Shared virtual disks (issue 24): {@code lockstep vdisk share|shared|unshare} through the agents, and
 * {@code lockstep vm attach|detach} of a shared disk (or a LUN) to a powered-off VM.
 */
final class SharedDiskCommands {

    private SharedDiskCommands() {
    }

    static void print(Common c, SharedDiskView d) throws java.io.IOException {
        if (c.json) {
            c.print(d);
            return;
        }
        System.out.printf("%s: %s shared disk %s, attached to %s%n", d.name(), Units.human(d.sizeBytes()), d.file(),
                d.attachedTo().isEmpty() ? "no VM" : String.join(", ", d.attachedTo()));
        if (d.registrations().isEmpty()) {
            System.out.println("  registrations: none");
        } else {
            Table t = new Table("REGISTERED INITIATOR", "KEY", "HOLDS");
            for (SharedDiskView.Registration r : d.registrations()) {
                boolean holds = d.reservationHolder() != null
                        && (d.reservationHolder().equals(r.initiator()) || d.reservationHolder().equals("*all-registrants*"));
                t.row(r.initiator(), r.key(), holds ? d.reservationType() : "-");
            }
            t.print(System.out);
        }
        System.out.printf("  persistent reservation: %s; SCSI-2 reservation: %s; generation %d%n",
                d.reservationHolder() == null ? "none" : d.reservationType() + " by " + d.reservationHolder(),
                d.scsi2Holder() == null ? "none" : d.scsi2Holder(), d.generation());
    }

    @Command(name = "share", mixinStandardHelpOptions = true, description = "Create a virtual disk several VMs share and reserve with SCSI "
            + "commands (a thick file on the datastore).")
    static final class Share implements Callable<Integer> {
        @Mixin
        Common common;

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--size", defaultValue = "64M", converter = Units.SizeConverter.class, description = "default 64M; at most 4G")
        long size;

        @Override
        public Integer call() throws Exception {
            if (size % (1 << 20) != 0) {
                throw new IllegalArgumentException("--size: expected whole MiB, found " + size + " bytes");
            }
            print(common, common.client().post("/v1/shared-disks", new CreateSharedDiskRequest(name, size >> 20), SharedDiskView.class));
            return 0;
        }
    }

    @Command(name = "shared", mixinStandardHelpOptions = true, description = "The shared disks, or one: the VMs it is attached to, the "
            + "registered initiators and the reservation as the medium holds them.")
    static final class Shared implements Callable<Integer> {
        @Mixin
        Common common;

        @Parameters(paramLabel = "NAME", arity = "0..1")
        String name;

        @Override
        public Integer call() throws Exception {
            if (name != null) {
                print(common, common.client().get("/v1/shared-disks/" + name, SharedDiskView.class));
                return 0;
            }
            List<SharedDiskView> all = common.client().list("/v1/shared-disks", SharedDiskView.class);
            if (common.json) {
                common.print(all);
                return 0;
            }
            Table t = new Table("NAME", "SIZE", "ATTACHED TO", "REGISTERED", "RESERVATION");
            for (SharedDiskView d : all) {
                t.row(d.name(), Units.human(d.sizeBytes()), d.attachedTo().isEmpty() ? "-" : String.join(",", d.attachedTo()), d.registrations().size(),
                        d.reservationHolder() == null ? (d.scsi2Holder() == null ? "-" : "SCSI-2 by " + d.scsi2Holder())
                                : d.reservationType() + " by " + d.reservationHolder());
            }
            t.print(System.out);
            return 0;
        }
    }

    @Command(name = "unshare", mixinStandardHelpOptions = true, description = "Delete a shared disk that no VM has attached.")
    static final class Unshare implements Callable<Integer> {
        @Mixin
        Common common;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() throws Exception {
            common.client().delete("/v1/shared-disks/" + name);
            System.out.println("deleted shared disk " + name);
            return 0;
        }
    }

    @Command(name = "attach", mixinStandardHelpOptions = true, description = "Attach a shared disk (--shared) or a LUN (--lun) to a powered-off VM.")
    static final class Attach extends VmCommands.OnVm {
        @Option(names = "--shared", paramLabel = "DISK", description = "a shared disk (lockstep vdisk share): the QEMU guest sees a SCSI disk")
        String shared;

        @Option(names = "--lun", paramLabel = "LUN", description = "a LUN on the datastore's target presented to the VM's identity")
        String lun;

        @Override
        public Integer call() throws Exception {
            if ((shared == null) == (lun == null)) {
                throw new IllegalArgumentException("expected exactly one of --shared DISK or --lun LUN, found " + (shared == null ? "neither" : "both"));
            }
            VmView v = shared != null
                    ? common.client().post("/v1/vms/" + name + "/shared-disks", new AttachSharedDiskRequest(shared), VmView.class)
                    : common.client().post("/v1/vms/" + name + "/luns", new AttachLunRequest(lun), VmView.class);
            VmCommands.printVm(common, v);
            return 0;
        }
    }

    @Command(name = "detach", mixinStandardHelpOptions = true, description = "Detach a shared disk from a powered-off VM.")
    static final class Detach extends VmCommands.OnVm {
        @Option(names = "--shared", paramLabel = "DISK", required = true)
        String shared;

        @Override
        public Integer call() throws Exception {
            VmCommands.printVm(common, common.client().delete("/v1/vms/" + name + "/shared-disks/" + shared, VmView.class));
            return 0;
        }
    }
}
