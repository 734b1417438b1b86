package io.lockstep.ft;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

/**
 * A primary written by hand, to say to a backup what a real one never would: it sends the HELLO it is given and,
 * welcomed, speaks the sealed stream under the keys the handshake derived (or writes raw bytes past it).
 */
final class FakePrimary implements AutoCloseable {

    final Socket socket;
    final DataInputStream in;
    final DataOutputStream out;
    /** The backup's answer to the HELLO: WELCOME or ERROR. */
    final Wire.Frame answer;
    /** After a WELCOME: the sealed stream (its frame numbers count what this side sealed). */
    final FtChannel channel;

    FakePrimary(int port, Handshake.Hello hello, String keyHex) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(30_000); // a test never waits for ever
        in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
        byte[] helloBytes = hello.encode();
        Wire.write(out, Wire.HELLO, helloBytes);
        answer = Wire.read(in, Wire.MAX_HANDSHAKE);
        if (answer.type() == Wire.WELCOME) {
            Handshake.Welcome w = Handshake.Welcome.decode(answer.payload());
            if (!w.verifies(helloBytes, keyHex)) {
                throw new AssertionError("the backup's WELCOME does not prove the key");
            }
            channel = FtChannel.primary(in, out, hello.sealing(), Handshake.keys(keyHex, hello.nonce(), w.nonce()), b -> {
            });
        } else {
            channel = null;
        }
    }

    void send(int type, Wire.Body body) throws IOException {
        channel.write(type, Wire.body(body));
    }

    void raw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The backup's next message other than a heartbeat or progress report. */
    Wire.Frame next() throws IOException {
        while (true) {
            Wire.Frame f = channel.read();
            if (f.type() != Wire.HEARTBEAT && f.type() != Wire.PROGRESS) {
                return f;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
