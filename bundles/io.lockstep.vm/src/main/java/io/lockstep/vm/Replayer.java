package io.lockstep.vm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import io.lockstep.vdisk.BlockDevice;

/**
 * Replays an {@link InputLog} from boot on a fresh guest and checks the state digest at every marker the
 * recorded run wrote. Equal digests everywhere: the run is reproducible bit for bit. The first difference (or a
 * replay that stops following its recording) names the position where determinism was lost.
 */
public final class Replayer {

    /** What a replay found: markers that matched, and the divergence when one did not (null when none). */
    public record Result(int markersChecked, int markers, long finalPosition, String divergence) {
        public boolean deterministic() {
            return divergence == null && markersChecked == markers;
        }
    }

    private Replayer() {
    }

    public static Result replay(Path log, BlockDevice disk, long timeoutMillisPerMarker) throws IOException, InterruptedException {
        List<InputLog.Marker> markers = InputLog.Reader.markers(log);
        try (InputLog.Reader reader = InputLog.Reader.open(log)) {
            GuestProgram program = GuestRegistry.create(reader.header().guestSpec());
            Vm vm = new Vm("replay", program, reader.header().memoryBytes(), disk, 1.0);
            vm.replayFrom(reader);
            try {
                int checked = 0;
                if (!markers.isEmpty()) {
                    vm.pauseAt(markers.get(0).position());
                }
                vm.start(true);
                for (int i = 0; i < markers.size(); i++) {
                    InputLog.Marker m = markers.get(i);
                    if (!vm.awaitPausedAt(m.position(), timeoutMillisPerMarker)) {
                        String why = vm.failure() != null ? vm.failure().getMessage()
                                : "the replay did not reach position " + m.position() + " (it is at " + vm.position() + ")";
                        return new Result(checked, markers.size(), vm.position(), why);
                    }
                    byte[] digest = vm.digest();
                    if (!Arrays.equals(digest, m.digest())) {
                        return new Result(checked, markers.size(), vm.position(), "the state at position " + m.position()
                                + " differs: recorded " + Vm.hex(m.digest()).substring(0, 16) + "…, replayed "
                                + Vm.hex(digest).substring(0, 16) + "…");
                    }
                    checked++;
                    if (i + 1 < markers.size()) { // the last marker ends the recording: the replay stays there
                        vm.pauseAt(markers.get(i + 1).position());
                        vm.resume();
                    }
                }
                return new Result(checked, markers.size(), vm.position(), vm.failure() == null ? null : vm.failure().getMessage());
            } finally {
                vm.stop();
            }
        }
    }
}
