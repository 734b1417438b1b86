package io.lockstep.vm;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.lockstep.vdisk.DiskChain;

/**
 * Run by {@link DeterminismTest} in its own JVM. {@code record DIR GUEST}: runs the guest with a NIC, a timer and
 * three clients, logging every input and a digest marker every 40 ms (checkpoints at two of them).
 * {@code replay DIR}: replays DIR/run.lslog on a fresh disk and prints what the replayer found.
 */
public final class ReplayChild {

    static final long MEMORY = 16L << 20;

    public static void main(String[] args) throws Exception {
        GuestRegistry.register("rogue", p -> new RogueGuest());
        Path dir = Path.of(args[1]);
        if (args[0].equals("replay")) {
            Path disk = dir.resolve("replay.vmdk");
            DiskChain.create(disk, 16L << 20);
            try (DiskChain d = DiskChain.open(disk, true)) {
                Replayer.Result r = Replayer.replay(dir.resolve("run.lslog"), d, 30_000);
                System.out.println("REPLAYED checked=" + r.markersChecked() + " markers=" + r.markers() + " position=" + r.finalPosition()
                        + (r.divergence() == null ? "" : " DIVERGED " + r.divergence()));
            }
            return;
        }
        Path disk = dir.resolve("vm.vmdk");
        DiskChain.create(disk, 16L << 20);
        Vm vm = new Vm("rec", GuestRegistry.create(args[2]), MEMORY, DiskChain.open(disk, true), 1.0);
        InputLog log = InputLog.create(dir.resolve("run.lslog"), new InputLog.Header(vm.program().spec(), MEMORY));
        vm.addRecorder(log);
        Checkpoints cps = new Checkpoints(dir, vm);
        try (NetForwarder nic = new NetForwarder(vm, 0); GuestTimer timer = new GuestTimer(vm, 15)) {
            vm.start(true);
            List<Thread> clients = new ArrayList<>();
            int clientCount = args[2].startsWith("disk") ? 0 : 3; // the disk guest answers nobody
            for (int c = 0; c < clientCount; c++) {
                int seed = c;
                Thread t = new Thread(() -> client(nic.port(), seed));
                t.start();
                clients.add(t);
            }
            int markers = 0;
            while (clients.stream().anyMatch(Thread::isAlive) || markers < 6) {
                Thread.sleep(40);
                vm.pause();
                byte[] digest = vm.digest();
                log.marker(vm.position(), digest);
                markers++;
                System.out.println("MARKER " + vm.position() + " " + Vm.hex(digest));
                if (markers == 3 || markers == 6) {
                    Checkpoints.Capture t = cps.create("at marker " + markers);
                    vm.resume();
                    cps.awaitWritten();
                    System.out.println("CHECKPOINT " + t.position() + " " + Vm.hex(t.digest()));
                } else {
                    vm.resume();
                }
            }
            vm.pause();
            log.marker(vm.position(), vm.digest());
            System.out.println("MARKER " + vm.position() + " " + Vm.hex(vm.digest()));
            vm.stop();
        }
        log.close();
        System.out.println("RECORDED inputs=" + log.inputs() + " position=" + vm.position() + " bytes=" + Files.size(dir.resolve("run.lslog")));
        vm.disk().close();
    }

    /** A Redis client: 300 random commands on its own connection, each reply read before the next command. */
    static void client(int port, int seed) {
        Random r = new Random(seed);
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            for (int i = 0; i < 300; i++) {
                String key = "k" + r.nextInt(40);
                String[] cmd = switch (r.nextInt(5)) {
                    case 0 -> new String[] {"SET", key, "v" + r.nextInt(1_000_000) + "x".repeat(r.nextInt(300))};
                    case 1 -> new String[] {"GET", key};
                    case 2 -> new String[] {"INCR", "n" + r.nextInt(5)};
                    case 3 -> new String[] {"DEL", key};
                    default -> new String[] {"EXISTS", key};
                };
                StringBuilder b = new StringBuilder("*" + cmd.length + "\r\n");
                for (String a : cmd) {
                    b.append('$').append(a.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(a).append("\r\n");
                }
                out.write(b.toString().getBytes(StandardCharsets.UTF_8));
                String line = KvGuestTest.readLine(in);
                if (line.startsWith("$") && !line.equals("$-1")) {
                    in.readNBytes(Integer.parseInt(line.substring(1)) + 2);
                }
                if (r.nextInt(2) == 0) {
                    Thread.sleep(1 + r.nextInt(3)); // spread the traffic over the markers
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A guest that reads the host clock when its timer fires: exactly what a replay must catch. */
    static final class RogueGuest implements GuestProgram {
        @Override
        public String spec() {
            return "rogue";
        }

        @Override
        public void boot(GuestContext ctx) {
            ctx.memory().writeLong(0, 1);
        }

        @Override
        public boolean step(GuestContext ctx) {
            InputEvent e = ctx.nextInput();
            if (e == null) {
                return false;
            }
            GuestMemory m = ctx.memory();
            m.writeLong(0, m.readLong(0) + 1);
            if (e.kind() == InputEvent.Kind.TIMER) {
                m.writeLong(8, System.nanoTime()); // non-deterministic: not an input
            } else if (e.kind() == InputEvent.Kind.NET_DATA) {
                ctx.send(e.channel(), "+OK\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            return true;
        }
    }
}
