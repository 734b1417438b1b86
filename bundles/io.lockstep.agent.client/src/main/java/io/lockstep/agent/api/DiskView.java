package io.lockstep.agent.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * GET /v1/disks/{vm}: a VM's disk chain, from the disk it runs on down to its base ({@code vm} in the list of every
 * VM's).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DiskView(String vm, String running, List<DiskLayer> chain, String error) {
}
