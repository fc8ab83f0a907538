package net.voipbin.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU time spent per unit of work (a call, a delivery) by each part of the set-up: the named processes
 * (the services, this JVM), the broker and the database. On a 2-core machine this, not the latency,
 * says how far a rate can go. The broker and database are found by command name, so another load on
 * them (a build running tests) counts too.
 */
public final class CpuMeter {

    /** The group RabbitMQ's CPU is reported under. */
    public static final String BROKER = "rabbitmq";
    static final String DATABASE = "postgresql";

    /** CPU time by process id, and the group each process counts in. */
    public record Snapshot(Map<Long, Duration> cpu, Map<Long, String> group) {
    }

    private final Map<Long, String> named;

    /** {@code named}: process id → the name its CPU is reported under. */
    public CpuMeter(Map<Long, String> named) {
        this.named = Map.copyOf(named);
    }

    public Snapshot take() {
        Map<Long, String> group = new LinkedHashMap<>(named);
        ProcessHandle.allProcesses().forEach(process -> {
            String command = process.info().command().orElse("");
            if (command.endsWith("/beam.smp")) {
                group.put(process.pid(), BROKER);
            } else if (command.endsWith("/postgres")) {
                group.put(process.pid(), DATABASE);
            }
        });
        Map<Long, Duration> cpu = new LinkedHashMap<>();
        group.keySet().forEach(pid -> ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration())
                .ifPresent(time -> cpu.put(pid, time)));
        return new Snapshot(cpu, group);
    }

    /** Milliseconds of CPU per unit of work by group between two snapshots (processes present in both). */
    public static Map<String, Double> perUnit(Snapshot before, Snapshot after, int units) {
        Map<String, Double> millis = after.cpu().entrySet().stream()
                .filter(e -> before.cpu().containsKey(e.getKey()))
                .collect(Collectors.groupingBy(e -> after.group().get(e.getKey()), LinkedHashMap::new,
                        Collectors.summingDouble(e -> (e.getValue().toNanos() - before.cpu().get(e.getKey()).toNanos())
                                / 1e6 / Math.max(units, 1))));
        millis.put("total", millis.values().stream().mapToDouble(Double::doubleValue).sum());
        return millis;
    }

    public static String format(Map<String, Double> perUnit) {
        return perUnit.entrySet().stream().map(e -> String.format("%s %.2f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
