package io.lockstep.console;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.Platform;
import org.eclipse.osgi.service.datalocation.Location;
import org.eclipse.swt.SWT;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;

/**
 * What the console knows about itself and the platform it runs on, as labelled facts. The Status view shows
 * them; an operator copies them into a bug report.
 */
public final class ConsoleFacts {

    /** One labelled fact: {@code name} is stable (tests and scripts key on it), {@code value} is for people. */
    public record Fact(String name, String value) {
        @Override
        public String toString() {
            return name + ": " + value;
        }
    }

    public static final String PRODUCT = "Product";
    public static final String VERSION = "Version";
    public static final String BUILT = "Built";
    public static final String WORKBENCH = "Eclipse workbench";
    public static final String SWT_WIDGETS = "SWT";
    public static final String WINDOWING = "Windowing system";
    public static final String JAVA = "Java";
    public static final String JAVA_HOME = "Java home";
    public static final String OS = "Operating system";
    public static final String PROCESSORS = "Processors";
    public static final String MAX_HEAP = "Maximum heap";
    public static final String WORKSPACE = "Workspace";
    public static final String STARTED = "Started";

    private ConsoleFacts() {
    }

    public static List<Fact> collect() {
        List<Fact> facts = new ArrayList<>();
        Bundle self = FrameworkUtil.getBundle(ConsoleFacts.class);
        Version version = self.getVersion();
        facts.add(new Fact(PRODUCT, "Lockstep console"));
        facts.add(new Fact(VERSION, version.toString()));
        facts.add(new Fact(BUILT, builtFrom(version.getQualifier())));
        facts.add(new Fact(WORKBENCH, bundleVersion("org.eclipse.ui.workbench")
                + " (Equinox " + bundleVersion("org.eclipse.osgi") + ")"));
        facts.add(new Fact(SWT_WIDGETS, SWT.getPlatform() + " " + SWT.getVersion()));
        facts.add(new Fact(WINDOWING, windowing()));
        facts.add(new Fact(JAVA, System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.vm.name") + ")"));
        facts.add(new Fact(JAVA_HOME, System.getProperty("java.home")));
        facts.add(new Fact(OS, System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch")));
        facts.add(new Fact(PROCESSORS, Integer.toString(Runtime.getRuntime().availableProcessors())));
        facts.add(new Fact(MAX_HEAP, Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB"));
        facts.add(new Fact(WORKSPACE, workspace()));
        facts.add(new Fact(STARTED, DateTimeFormatter.ISO_OFFSET_DATE_TIME
                .format(Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()).atZone(ZoneId.systemDefault()))));
        return facts;
    }

    /** All facts as "name: value" lines, the form the Copy action puts on the clipboard. */
    public static String asText(List<Fact> facts) {
        StringBuilder text = new StringBuilder();
        for (Fact fact : facts) {
            text.append(fact).append(System.lineSeparator());
        }
        return text.toString();
    }

    /** Tycho stamps the qualifier as yyyyMMddHHmm (see the parent POM); anything else is shown as is. */
    static String builtFrom(String qualifier) {
        if (qualifier != null && qualifier.matches("\\d{12}")) {
            return String.format(Locale.ROOT, "%s-%s-%s %s:%s UTC", qualifier.substring(0, 4), qualifier.substring(4, 6),
                    qualifier.substring(6, 8), qualifier.substring(8, 10), qualifier.substring(10, 12));
        }
        return qualifier == null || qualifier.isEmpty() ? "unknown (no build qualifier)" : qualifier;
    }

    private static String bundleVersion(String symbolicName) {
        Bundle bundle = Platform.getBundle(symbolicName);
        return bundle == null ? "not installed" : bundle.getVersion().toString();
    }

    private static String windowing() {
        String gtk = System.getProperty("org.eclipse.swt.internal.gtk.version");
        String display = System.getenv("DISPLAY");
        String wayland = System.getenv("WAYLAND_DISPLAY");
        StringBuilder text = new StringBuilder(SWT.getPlatform());
        if (gtk != null) {
            text.append(' ').append(gtk);
        }
        if (wayland != null && !wayland.isEmpty()) {
            text.append(", Wayland display ").append(wayland);
        } else if (display != null) {
            text.append(", X display ").append(display);
        }
        return text.toString();
    }

    private static String workspace() {
        Location location = Platform.getInstanceLocation();
        if (location == null || location.getURL() == null) {
            return "none (started with -data @none)";
        }
        return location.getURL().getPath();
    }
}
