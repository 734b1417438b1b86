package io.lockstep.agent;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.lockstep.agent.api.DiskView;

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

    /** The marker of the event stream route: the server streams instead of answering once. */
    static final Object STREAM = new Object();

    record Route(String method, String pattern, Caller caller, Action action) {
        String[] segments() {
            return pattern.substring(1).split("/");
        }
    }

    /** A route that matched a request, with its path parameters. */
    record Match(Route route, Map<String, String> params) {
    }

    private final List<Route> routes = new ArrayList<>();

    Api(Agent agent) {
        Vms vms = agent.vms();
        op("GET", "/v1/openapi.json", c -> openApi());
        op("GET", "/v1/host", c -> agent.hostView());
        op("GET", "/v1/hosts", c -> agent.hosts());
        op("GET", "/v1/datastores", c -> agent.datastores());
        op("GET", "/v1/datastores/{ds}", c -> {
            agent.requireDatastore(c.param("ds"));
            return agent.datastores().get(0);
        });
        op("GET", "/v1/datastores/{ds}/heartbeats", c -> {
            agent.requireDatastore(c.param("ds"));
            return agent.heartbeats();
        });
        op("GET", "/v1/datastores/{ds}/locks", c -> {
            agent.requireDatastore(c.param("ds"));
            return agent.lockTable();
        });
        op("GET", "/v1/datastores/{ds}/registrations", c -> {
            agent.requireDatastore(c.param("ds"));
            return agent.registrations();
        });
        op("GET", "/v1/datastores/{ds}/files", c -> {
            agent.requireDatastore(c.param("ds"));
            return agent.mediumFiles();
        });
        op("GET", "/v1/disks", c -> {
            List<DiskView> out = new ArrayList<>();
            for (String n : vms.store.names()) {
                out.add(vms.views.diskView(n, n));
            }
            return out;
        });
        op("GET", "/v1/disks/{vm}", c -> {
            vms.store.config(c.param("vm"));
            return vms.views.diskView(c.param("vm"), c.param("vm"));
        });
        op("GET", "/v1/luns", c -> vms.luns.list());
        op("POST", "/v1/luns", c -> new Reply(201, vms.luns.create(c.json())));
        op("GET", "/v1/luns/{lun}", c -> vms.luns.view(c.param("lun")));
        op("POST", "/v1/vms/{vm}/luns", c -> {
            vms.luns.attach(c.param("vm"), c.json());
            return vms.views.view(c.param("vm"));
        });
        op("GET", "/v1/vms", c -> vms.views.list());
        op("POST", "/v1/vms", c -> new Reply(201, vms.views.view(vms.provisioning.create(c.json()))));
        op("GET", "/v1/vms/{vm}", c -> vms.views.view(c.param("vm")));
        op("DELETE", "/v1/vms/{vm}", c -> {
            vms.provisioning.delete(c.param("vm"));
            return Map.of("deleted", c.param("vm"));
        });
        op("POST", "/v1/vms/{vm}/power-on", c -> {
            c.json().only();
            vms.power.on(c.param("vm"));
            return vms.views.view(c.param("vm"));
        });
        op("POST", "/v1/vms/{vm}/power-off", c -> {
            c.json().only();
            vms.power.off(c.param("vm"));
            return vms.views.view(c.param("vm"));
        });
        op("POST", "/v1/vms/{vm}/suspend", c -> {
            c.json().only();
            vms.power.suspend(c.param("vm"));
            return vms.views.view(c.param("vm"));
        });
        op("POST", "/v1/vms/{vm}/resume", c -> {
            c.json().only();
            vms.power.resume(c.param("vm"));
            return vms.views.view(c.param("vm"));
        });
        op("GET", "/v1/vms/{vm}/checkpoints", c -> vms.checkpoints.list(c.param("vm")));
        op("POST", "/v1/vms/{vm}/checkpoints", c -> new Reply(202, vms.checkpoints.take(c.param("vm"), c.json())));
        op("POST", "/v1/vms/{vm}/checkpoints/{id}/revert", c -> {
            c.json().only();
            vms.checkpoints.revert(c.param("vm"), c.intParam("id"));
            return vms.views.view(c.param("vm"));
        });
        op("DELETE", "/v1/vms/{vm}/checkpoints/{id}", c -> new Reply(202, vms.checkpoints.delete(c.param("vm"), c.intParam("id"))));
        op("GET", "/v1/vms/{vm}/ft", c -> vms.views.ftView(Names.check("vm", c.param("vm"))));
        op("POST", "/v1/vms/{vm}/ft", c -> new Reply(202, vms.ftPrimary.protect(c.param("vm"), c.json())));
        op("DELETE", "/v1/vms/{vm}/ft", c -> {
            vms.ftPrimary.unprotect(c.param("vm"));
            return vms.views.view(c.param("vm"));
        });
        op("POST", "/v1/vms/{vm}/ft/failover", c -> {
            Body b = c.json();
            b.only("test");
            if (!b.bool("test", false)) {
                throw ApiException.badRequest("test", "test: expected true (only a test failover can be asked for; a real one happens when the "
                        + "primary's host fails)");
            }
            return new Reply(202, vms.ftPrimary.testFailover(c.param("vm")));
        });
        op("GET", "/v1/tasks", c -> agent.tasks().list().stream().map(Tasks.Task::view).toList());
        op("GET", "/v1/tasks/{id}", c -> agent.tasks().get(c.param("id")).view());
        op("POST", "/v1/tasks/{id}/cancel", c -> agent.tasks().cancel(c.param("id")).view());
        op("GET", "/v1/events", c -> STREAM);
        op("GET", "/v1/events/recent", c -> {
            long after = parseLong(c.query().getOrDefault("after", "0"), "after");
            return agent.events().recent(after, 1000);
        });
        op("GET", "/v1/alarms", c -> agent.alarms().views());
        op("POST", "/v1/alarms/{id}/acknowledge", c -> agent.alarms().acknowledge(c.param("id")).view());
        peer("GET", "/v1/peer/ping", c -> Map.of("host", agent.host(), "from", c.peer()));
        peer("POST", "/v1/peer/ft/backups", c -> new Reply(201, vms.ftBackup.start(c.peer(), c.json())));
        peer("DELETE", "/v1/peer/ft/backups/{vm}", c -> vms.ftBackup.stop(c.param("vm")));
    }

    private void op(String method, String pattern, Action a) {
        routes.add(new Route(method, pattern, Caller.OPERATOR, a));
    }

    private void peer(String method, String pattern, Action a) {
        routes.add(new Route(method, pattern, Caller.PEER, a));
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

    private static volatile byte[] openApi;

    static Object openApi() throws java.io.IOException {
        byte[] doc = openApi;
        if (doc == null) {
            try (InputStream in = Api.class.getResourceAsStream("/io/lockstep/agent/openapi.json")) {
                if (in == null) {
                    throw new java.io.IOException("the OpenAPI document is missing from the agent bundle");
                }
                doc = in.readAllBytes();
            }
            openApi = doc;
        }
        return Json.MAPPER.readTree(doc);
    }
}
