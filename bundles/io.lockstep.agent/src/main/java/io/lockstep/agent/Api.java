package io.lockstep.agent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import io.lockstep.agent.api.AlarmView;
import io.lockstep.agent.api.SharedDiskView;
import io.lockstep.agent.api.BackupAnswer;
import io.lockstep.agent.api.CheckpointView;
import io.lockstep.agent.api.DatastoreView;
import io.lockstep.agent.api.DiskView;
import io.lockstep.agent.api.EventView;
import io.lockstep.agent.api.FtView;
import io.lockstep.agent.api.HostHeartbeat;
import io.lockstep.agent.api.HostInfo;
import io.lockstep.agent.api.LockView;
import io.lockstep.agent.api.LunView;
import io.lockstep.agent.api.MediumFile;
import io.lockstep.agent.api.RegistrationsView;
import io.lockstep.agent.api.TaskView;
import io.lockstep.agent.api.VmView;

/**
 * The agent's API, version 1: every route, what it needs (operator token or peer signature), and what it does.
 * The OpenAPI document ({@code /v1/openapi.json}, a resource of this bundle) describes the same routes; a test
 * checks that the two agree.
 */
final class Api {

    /** Who may call a route. */
    enum Caller {
        OPERATOR, PEER
    }

    /** One request as a route sees it. */
    record Call(Map<String, String> params, Map<String, String> query, byte[] body, String peer) {
        String param(String name) {
            return params.get(name);
        }

        Body json() {
            return Body.parse(body);
        }

        int intParam(String name) {
            String v = params.get(name);
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw ApiException.badRequest(name, name + ": expected a whole number, found '" + Names.printable(v) + "'");
            }
        }
    }

    /** An answer with a status other than 200. */
    record Reply(int status, Object body) {
    }

    /** What a route does. */
    interface Action {
        Object run(Call call) throws Exception;
    }

    /** An answer that is not JSON: its media type and bytes. */
    record Text(String contentType, byte[] bytes) {
    }

    /** The marker of the event stream route: the server streams instead of answering once. */
    static final Object STREAM = new Object();

    /** What a route answers: a record of {@code io.lockstep.agent.api} (a list of them when {@code list}), or null. */
    record Answer(Class<?> type, boolean list) {
    }

    static Answer one(Class<?> record) {
        return new Answer(record, false);
    }

    static Answer many(Class<?> record) {
        return new Answer(record, true);
    }

    /** An answer that is a small map (documented in docs/agent.md), or the document itself. */
    static final Answer MAP = null;

    record Route(String method, String pattern, Caller caller, Answer answer, Action action) {
        String[] segments() {
            return pattern.substring(1).split("/");
        }
    }

    /** A route that matched a request, with its path parameters. */
    record Match(Route route, Map<String, String> params) {
    }

    private final List<Route> routes = new ArrayList<>();

    private final LocalVms serialiser;

    Api(Agent agent) {
        Vms vms = agent.vms();
        this.serialiser = vms.here;
        op("GET", "/v1/openapi.json", MAP, c -> openApi());
        op("GET", "/v1/host", one(HostInfo.class), c -> agent.hostView());
        op("GET", "/v1/hosts", many(HostHeartbeat.class), c -> agent.hosts());
        op("GET", "/v1/datastores", many(DatastoreView.class), c -> agent.datastores());
        op("GET", "/v1/datastores/{ds}", one(DatastoreView.class), c -> {
            agent.requireDatastore(c.param("ds"));
            return agent.datastores().get(0);
        });
        op("GET", "/v1/datastores/{ds}/heartbeats", many(HostHeartbeat.class), c -> {
            agent.requireDatastore(c.param("ds"));
            return agent.heartbeats();
        });
        op("GET", "/v1/datastores/{ds}/locks", many(LockView.class), c -> {
            agent.requireDatastore(c.param("ds"));
            return agent.lockTable();
        });
        op("GET", "/v1/datastores/{ds}/registrations", one(RegistrationsView.class), c -> {
            agent.requireDatastore(c.param("ds"));
            return agent.registrations();
        });
        op("GET", "/v1/datastores/{ds}/files", many(MediumFile.class), c -> {
            agent.requireDatastore(c.param("ds"));
            return agent.mediumFiles();
        });
        op("GET", "/v1/disks", many(DiskView.class), c -> {
            List<DiskView> out = new ArrayList<>();
            for (String n : vms.store.names()) {
                out.add(vms.views.diskView(n, n));
            }
            return out;
        });
        op("GET", "/v1/disks/{vm}", one(DiskView.class), c -> {
            vms.store.config(c.param("vm"));
            return vms.views.diskView(c.param("vm"), c.param("vm"));
        });
        op("GET", "/v1/luns", many(LunView.class), c -> vms.luns.list());
        op("POST", "/v1/luns", one(LunView.class), c -> new Reply(201, vms.luns.create(c.json())));
        op("GET", "/v1/luns/{lun}", one(LunView.class), c -> vms.luns.view(c.param("lun")));
        op("POST", "/v1/vms/{vm}/luns", one(VmView.class), c -> {
            vms.luns.attach(c.param("vm"), c.json());
            return vms.views.view(c.param("vm"));
        });
        op("GET", "/v1/shared-disks", many(SharedDiskView.class), c -> vms.shared.list());
        op("POST", "/v1/shared-disks", one(SharedDiskView.class), c -> new Reply(201, vms.shared.create(c.json())));
        op("GET", "/v1/shared-disks/{disk}", one(SharedDiskView.class), c -> vms.shared.view(c.param("disk")));
        op("DELETE", "/v1/shared-disks/{disk}", MAP, c -> {
            vms.shared.delete(c.param("disk"));
            return Map.of("deleted", c.param("disk"));
        });
        op("POST", "/v1/vms/{vm}/shared-disks", one(VmView.class), c -> {
            vms.shared.attach(c.param("vm"), c.json());
            return vms.views.view(c.param("vm"));
        });
        op("DELETE", "/v1/vms/{vm}/shared-disks/{disk}", one(VmView.class), c -> {
            vms.shared.detach(c.param("vm"), c.param("disk"));
            return vms.views.view(c.param("vm"));
        });
        op("GET", "/v1/vms", many(VmView.class), c -> vms.views.list());
        op("POST", "/v1/vms", one(VmView.class), c -> new Reply(201, vms.views.view(vms.provisioning.create(c.json()))));
        op("GET", "/v1/vms/{vm}", one(VmView.class), c -> vms.views.view(c.param("vm")));
        op("DELETE", "/v1/vms/{vm}", MAP, c -> {
            vms.provisioning.delete(c.param("vm"));
            return Map.of("deleted", c.param("vm"));
        });
        op("POST", "/v1/vms/{vm}/power-on", one(VmView.class), c -> {
            c.json().only();
            vms.power.on(c.param("vm"));
            return vms.views.view(c.param("vm"));
        });
        op("POST", "/v1/vms/{vm}/power-off", one(VmView.class), c -> {
            c.json().only();
            vms.power.off(c.param("vm"));
            return vms.views.view(c.param("vm"));
        });
        op("POST", "/v1/vms/{vm}/suspend", one(VmView.class), c -> {
            c.json().only();
            vms.power.suspend(c.param("vm"));
            return vms.views.view(c.param("vm"));
        });
        op("POST", "/v1/vms/{vm}/resume", one(VmView.class), c -> {
            c.json().only();
            vms.power.resume(c.param("vm"));
            return vms.views.view(c.param("vm"));
        });
        op("GET", "/v1/vms/{vm}/console", one(io.lockstep.agent.api.ConsoleView.class),
                c -> vms.power.console(c.param("vm"), parseLong(c.query().getOrDefault("after", "0"), "after")));
        op("POST", "/v1/vms/{vm}/console", one(io.lockstep.agent.api.ConsoleView.class), c -> {
            Body b = c.json();
            b.only(io.lockstep.agent.api.ConsoleInput.class);
            return vms.power.type(c.param("vm"), b.text("text", null));
        });
        op("GET", "/v1/vms/{vm}/machine", one(io.lockstep.agent.api.MachineView.class), c -> vms.power.machine(c.param("vm")));
        op("PUT", "/v1/vms/{vm}/cpu-share", one(VmView.class), c -> {
            vms.power.cpuShare(c.param("vm"), c.json());
            return vms.views.view(c.param("vm"));
        });
        op("GET", "/v1/vms/{vm}/checkpoints", many(CheckpointView.class), c -> vms.checkpoints.list(c.param("vm")));
        op("POST", "/v1/vms/{vm}/checkpoints", one(TaskView.class), c -> new Reply(202, vms.checkpoints.take(c.param("vm"), c.json())));
        op("POST", "/v1/vms/{vm}/checkpoints/{id}/revert", one(VmView.class), c -> {
            c.json().only();
            vms.checkpoints.revert(c.param("vm"), c.intParam("id"));
            return vms.views.view(c.param("vm"));
        });
        op("DELETE", "/v1/vms/{vm}/checkpoints/{id}", one(TaskView.class), c -> new Reply(202, vms.checkpoints.delete(c.param("vm"), c.intParam("id"))));
        op("GET", "/v1/vms/{vm}/ft", one(FtView.class), c -> {
            vms.store.config(Names.check("vm", c.param("vm"))); // 404 for a VM that does not exist
            return vms.views.ftView(c.param("vm"));
        });
        op("POST", "/v1/vms/{vm}/ft", one(TaskView.class), c -> new Reply(202, vms.ftPrimary.protect(c.param("vm"), c.json())));
        op("DELETE", "/v1/vms/{vm}/ft", one(VmView.class), c -> {
            vms.ftPrimary.unprotect(c.param("vm"));
            return vms.views.view(c.param("vm"));
        });
        op("POST", "/v1/vms/{vm}/ft/failover", one(TaskView.class), c -> {
            Body b = c.json();
            b.only(io.lockstep.agent.api.FailoverRequest.class);
            if (!b.bool("test", false)) {
                throw ApiException.badRequest("test", "test: expected true (only a test failover can be asked for; a real one happens when the "
                        + "primary's host fails)");
            }
            return new Reply(202, vms.ftPrimary.testFailover(c.param("vm")));
        });
        op("GET", "/v1/tasks", many(TaskView.class), c -> agent.tasks().list().stream().map(Tasks.Task::view).toList());
        op("GET", "/v1/tasks/{id}", one(TaskView.class), c -> agent.tasks().get(c.param("id")).view());
        op("POST", "/v1/tasks/{id}/cancel", one(TaskView.class), c -> agent.tasks().cancel(c.param("id")).view());
        op("GET", "/v1/events", one(EventView.class), c -> STREAM);
        op("GET", "/v1/events/recent", many(EventView.class), c -> {
            long after = parseLong(c.query().getOrDefault("after", "0"), "after");
            return agent.events().recent(after, 1000);
        });
        op("GET", "/v1/history/{kind}/{name}", one(io.lockstep.agent.api.HistoryView.class), c -> HistoryApi.view(agent.history(), c));
        op("GET", "/v1/history/{kind}/{name}/csv", MAP, c -> new Text("text/csv; charset=utf-8", HistoryApi.csv(agent.history(), c)));
        op("GET", "/v1/alarms", many(AlarmView.class), c -> agent.alarms().views());
        op("POST", "/v1/alarms/{id}/acknowledge", one(AlarmView.class), c -> agent.alarms().acknowledge(c.param("id")).view());
        peer("GET", "/v1/peer/ping", MAP, c -> Map.of("host", agent.host(), "from", c.peer()));
        peer("POST", "/v1/peer/ft/backups", one(BackupAnswer.class), c -> new Reply(201, vms.ftBackup.start(c.peer(), c.json())));
        peer("DELETE", "/v1/peer/ft/backups/{vm}", MAP, c -> vms.ftBackup.stop(c.param("vm")));
    }

    private void op(String method, String pattern, Answer answer, Action a) {
        routes.add(new Route(method, pattern, Caller.OPERATOR, answer, serialised(method, pattern, a)));
    }

    private void peer(String method, String pattern, Answer answer, Action a) {
        routes.add(new Route(method, pattern, Caller.PEER, answer, serialised(method, pattern, a)));
    }

    /**
     * A state-changing request works on one VM (or LUN) at a time on this host: a second one for the same VM while the
     * first is at work is answered 409 naming the first, instead of both racing through power, locks and files (four
     * parallel power-ons were 200, 500, 500, 500). Reads are never held up.
     */
    private Action serialised(String method, String pattern, Action a) {
        if ("GET".equals(method) || serialiser == null) {
            return a;
        }
        String what = method + " " + pattern;
        if (pattern.contains("{vm}")) {
            return c -> serialiser.exclusive("VM " + c.param("vm"), what, () -> a.run(c));
        }
        if (pattern.equals("/v1/vms")) {
            return c -> serialiser.exclusive("VM " + c.json().text("name", ""), what, () -> a.run(c));
        }
        if (pattern.equals("/v1/peer/ft/backups")) {
            return c -> serialiser.exclusive("VM " + c.json().text("vm", ""), what, () -> a.run(c));
        }
        if (pattern.equals("/v1/shared-disks")) {
            return c -> serialiser.exclusive("shared disk " + c.json().text("name", ""), what, () -> a.run(c));
        }
        if (pattern.equals("/v1/luns")) {
            return c -> serialiser.exclusive("LUN " + c.json().text("name", ""), what, () -> a.run(c));
        }
        return a;
    }

    List<Route> routes() {
        return List.copyOf(routes);
    }

    static long parseLong(String v, String field) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(field, field + ": expected a whole number, found '" + Names.printable(v) + "'");
        }
    }

    /** The route for {@code method} and {@code path}; 404 when no route has the path, 405 when none has the method. */
    Match match(String method, String path) {
        String[] parts = path.length() > 1 && path.startsWith("/") ? path.substring(1).split("/", -1) : new String[0];
        TreeSet<String> allowed = new TreeSet<>();
        for (Route r : routes) {
            String[] seg = r.segments();
            if (seg.length != parts.length) {
                continue;
            }
            Map<String, String> params = new LinkedHashMap<>();
            boolean ok = true;
            for (int i = 0; i < seg.length && ok; i++) {
                if (seg[i].startsWith("{")) {
                    if (parts[i].isEmpty()) {
                        ok = false;
                    } else {
                        params.put(seg[i].substring(1, seg[i].length() - 1), parts[i]);
                    }
                } else {
                    ok = seg[i].equals(parts[i]);
                }
            }
            if (!ok) {
                continue;
            }
            if (r.method().equals(method)) {
                return new Match(r, params);
            }
            allowed.add(r.method());
        }
        if (!allowed.isEmpty()) {
            throw new ApiException(405, method + " " + path + ": expected one of " + allowed, null);
        }
        throw ApiException.notFound("no resource " + Names.printable(path) + " in API v1 (see /v1/openapi.json)");
    }

    private volatile JsonNode openApi;

    /** The OpenAPI document, its answers' schemas made from the routes' records ({@link OpenApi}). */
    JsonNode openApi() throws java.io.IOException {
        JsonNode doc = openApi;
        if (doc == null) {
            doc = OpenApi.document(routes);
            openApi = doc;
        }
        return doc;
    }
}
