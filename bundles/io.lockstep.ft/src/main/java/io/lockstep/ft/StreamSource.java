package io.lockstep.ft;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

import io.lockstep.vm.InputEvent;
import io.lockstep.vm.Vm;

/** The inputs a replaying backup receives from its primary, with how far they are known to be complete. */
final class StreamSource implements Vm.ReplaySource {

    private final ConcurrentLinkedQueue<InputEvent> queue = new ConcurrentLinkedQueue<>();
    private volatile long frontier;

    StreamSource(long start) {
        this.frontier = start;
    }

    void add(List<InputEvent> events, long newFrontier) {
        queue.addAll(events);
        frontier = Math.max(frontier, newFrontier);
    }

    @Override
    public long frontier() {
        return frontier;
    }

    @Override
    public InputEvent peek(long millis) {
        InputEvent e = queue.peek();
        long end = System.nanoTime() + millis * 1_000_000;
        while (e == null && System.nanoTime() < end) {
            LockSupport.parkNanos(200_000);
            e = queue.peek();
        }
        return e;
    }

    @Override
    public InputEvent take() {
        return queue.poll();
    }

    int queued() {
        return queue.size();
    }
}
