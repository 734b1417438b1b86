package io.lockstep.vm;

/** Delivers a timer tick to a guest every {@code periodMillis}: wall-clock time enters only as these input events. */
public final class GuestTimer implements AutoCloseable {

    private final Thread thread;
    private volatile boolean stopped;

    public GuestTimer(Vm vm, long periodMillis) {
        if (periodMillis <= 0) {
            throw new IllegalArgumentException("timer period: expected at least 1 ms, found " + periodMillis);
        }
        thread = new Thread(() -> {
            while (!stopped) {
                try {
                    Thread.sleep(periodMillis);
                } catch (InterruptedException e) {
                    return;
                }
                vm.submit(InputEvent.timer());
            }
        }, "timer-" + vm.name());
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
    }
}
