package io.lockstep.agent;

/**
 * A request the agent refuses, with the HTTP status to answer, a message that says what was expected and what
 * was found, and the field of the request it concerns (null when none does).
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String field;

    public ApiException(int status, String message, String field) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public static ApiException badRequest(String field, String message) {
        return new ApiException(400, message, field);
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, what, null);
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, message, null);
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}
