package io.lockstep.console.live;

import java.io.IOException;

import io.lockstep.agent.api.CheckpointRequest;
import io.lockstep.agent.api.ProtectRequest;
import io.lockstep.agent.api.TaskView;
import io.lockstep.agent.client.AgentClient;

/**
 * What an operator can do to many VMs at once, and the agent call that does it to one. Checkpoint and protect are
 * long: the agent answers with its own task, which the console then follows (and can cancel); the others are done
 * when the agent answers.
 */
public enum VmOperation {

    START("Start", "start", "powered on"),
    STOP("Stop", "stop", "powered off"),
    SUSPEND("Suspend", "suspend", "suspended"),
    RESUME("Resume", "resume", "resumed"),
    CHECKPOINT("Checkpoint", "checkpoint", "checkpoint written"),
    PROTECT("Protect", "protect", "protected"),
    UNPROTECT("Unprotect", "unprotect", "unprotected");

    private final String title;
    private final String kind;
    private final String done;

    VmOperation(String title, String kind, String done) {
        this.title = title;
        this.kind = kind;
        this.done = done;
    }

    /** "Checkpoint": for menus and summaries. */
    public String title() {
        return title;
    }

    /** "checkpoint": the task's kind in the tasks dock and the command's id suffix. */
    public String kind() {
        return kind;
    }

    /** What a VM is once the operation succeeded ("powered off"). */
    public String done() {
        return done;
    }

    /** The operation named {@code kind} (as {@link #kind()}); a clear error for anything else. */
    public static VmOperation of(String kind) {
        for (VmOperation o : values()) {
            if (o.kind.equals(kind)) {
                return o;
            }
        }
        throw new IllegalArgumentException("VM operation: expected one of start, stop, suspend, resume, checkpoint, protect, unprotect, found '"
                + kind + "'");
    }

    /** Whether the agent answers with a task of its own (followed until it ends, cancellable while it runs). */
    public boolean followsTask() {
        return this == CHECKPOINT || this == PROTECT;
    }

    /**
     * Calls the agent that runs the VM (for {@link #START}: the host chosen to run it) and returns the agent's task, or
     * null when the agent's answer is the end of it. The agent's refusal is thrown in its own words.
     */
    TaskView call(AgentClient agent, BulkRun.Target t, long checkpointRateMiBps) throws IOException {
        String vm = "/v1/vms/" + t.vm();
        switch (this) {
            case START -> agent.post(vm + "/power-on", null);
            case STOP -> agent.post(vm + "/power-off", null);
            case SUSPEND -> agent.post(vm + "/suspend", null);
            case RESUME -> agent.post(vm + "/resume", null);
            case UNPROTECT -> agent.delete(vm + "/ft");
            case CHECKPOINT -> {
                return agent.post(vm + "/checkpoints", new CheckpointRequest(null, checkpointRateMiBps > 0 ? checkpointRateMiBps : null), TaskView.class);
            }
            case PROTECT -> {
                return agent.post(vm + "/ft", new ProtectRequest(t.backup(), null, null), TaskView.class);
            }
            default -> throw new IllegalStateException(name());
        }
        return null;
    }
}
