package io.lockstep.agent;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;

import io.lockstep.agent.client.AgentClient;

/** The other hosts' agents, as this one reaches them: by the cards they leave on the datastore, with signed requests. */
interface Peers {

    /** The host's agent card (URL, certificate fingerprint); 404 when no agent of that name ever served the datastore. */
    JsonNode card(String host) throws IOException;

    /** A client of the host's agent, pinned to the certificate its card names, signing with the datacenter secret. */
    AgentClient peer(String host) throws IOException;
}
