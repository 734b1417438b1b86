package io.lockstep.vm;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.function.UnaryOperator;

/**
 * Rewrites a checkpoint file the way a hostile local user with write access to a VM folder would: a header field
 * changed, then the state digest and the file's SHA-256 computed again, so the file is whole and self-consistent and
 * only what it says is wrong.
 */
final class CheckpointFiles {

    private CheckpointFiles() {
    }

    /** {@code file} with its header's disk layer replaced by {@code disk}, resealed. */
    static byte[] withDiskLayer(byte[] file, String disk) throws IOException {
        return rewrite(file, h -> new CheckpointFile.Header(h.id(), h.createdMillis(), h.name(), h.guestSpec(), h.memoryBytes(), h.position(), disk,
                h.deviceState()));
    }

    /** {@code file} with its header's device state replaced by {@code device}, resealed. */
    static byte[] withDeviceState(byte[] file, byte[] device) throws IOException {
        return rewrite(file, h -> new CheckpointFile.Header(h.id(), h.createdMillis(), h.name(), h.guestSpec(), h.memoryBytes(), h.position(),
                h.diskLayer(), device));
    }

    static byte[] rewrite(byte[] file, UnaryOperator<CheckpointFile.Header> change) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(file));
        in.readInt();
        in.readUnsignedShort();
        CheckpointFile.Header h = new CheckpointFile.Header(in.readInt(), in.readLong(), in.readUTF(), in.readUTF(), in.readLong(), in.readLong(),
                in.readUTF(), in.readNBytes(in.readInt()));
        h = change.apply(h);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        CheckpointFile.writeHeader(out, h);
        MessageDigest state = Vm.sha256();
        state.update(h.deviceState());
        int pages = 0;
        for (int at; (at = in.readInt()) != CheckpointFile.END_OF_PAGES;) {
            byte[] page = in.readNBytes(GuestMemory.PAGE);
            out.writeInt(at);
            out.write(page);
            if (!GuestMemory.isZero(page)) {
                state.update(new byte[] {(byte) (at >>> 24), (byte) (at >>> 16), (byte) (at >>> 8), (byte) at});
                state.update(page);
            }
            pages++;
        }
        out.writeInt(CheckpointFile.END_OF_PAGES);
        out.writeInt(pages);
        out.write(state.digest());
        out.writeInt(CheckpointFile.END_MAGIC);
        out.flush();
        byte[] body = bytes.toByteArray();
        out.write(Vm.sha256().digest(body));
        out.flush();
        return bytes.toByteArray();
    }
}
