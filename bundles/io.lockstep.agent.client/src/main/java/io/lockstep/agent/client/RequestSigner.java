package io.lockstep.agent.client;

/**
 * Signs one agent-to-agent request: the value of its Authorization header, computed from the method, the path with
 * its query and the body. The agent's HMAC scheme implements it; the client only carries it.
 */
@FunctionalInterface
public interface RequestSigner {
    String sign(String method, String pathAndQuery, byte[] body);
}
