package io.lockstep.storage.file;

import java.nio.file.Path;

import io.lockstep.storage.CheckConditionException;
import io.lockstep.storage.PrType;

/** A separate JVM acting as one initiator, for {@link CrossProcessTest}. Prints one line per milestone. */
public final class StorageChild {

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path lun = Path.of(args[1]);
        String initiator = args[2];
        FileMedium m = FileMedium.open(lun, initiator);
        try {
            m.read(0, 1);
        } catch (CheckConditionException powerOnReset) {
            // every new session starts with one
        }
        switch (mode) {
            case "ats-increment" -> {
                int retries = FileMediumTest.AtsCounter.increment(m, Long.parseLong(args[3]), Integer.parseInt(args[4]));
                System.out.println("DONE retries=" + retries);
            }
            case "reserve-and-wait" -> {
                m.reserve();
                System.out.println("RESERVED");
                Thread.sleep(60_000);
            }
            case "churn-reservations" -> {
                long key = 0x1000 + Math.abs(initiator.hashCode() % 1000);
                System.out.println("CHURNING");
                for (long i = 0; ; i++) {
                    m.registerAndIgnoreExistingKey(key + (i % 7));
                    m.reserve(key + (i % 7), PrType.WRITE_EXCLUSIVE_REGISTRANTS_ONLY);
                    m.write(100 + (i % 10), FileMediumTest.sector((int) (i % 251)), false);
                    m.release(key + (i % 7), PrType.WRITE_EXCLUSIVE_REGISTRANTS_ONLY);
                    m.registerAndIgnoreExistingKey(0);
                    if (i % 50 == 0) {
                        System.out.println("ROUND " + i);
                    }
                }
            }
            case "try-write" -> {
                try {
                    m.write(0, FileMediumTest.sector(9), true);
                    System.out.println("WROTE");
                } catch (io.lockstep.storage.ReservationConflictException e) {
                    System.out.println("CONFLICT " + e.getMessage());
                }
            }
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
        m.close();
    }
}
