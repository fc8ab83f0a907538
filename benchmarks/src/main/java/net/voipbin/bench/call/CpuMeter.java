package net.voipbin.bench.call;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import net.voipbin.systemtests.launch.ServiceProcess;

/**
 * CPU time spent per call by each part of the set-up: the services, this JVM (the simulator), the
 * broker and the database. On a 2-core machine this, not the latency, says how far a rate can go.
 * The broker and database are found by command name, so another load on them (a build running tests)
 * counts too.
 */
final class CpuMeter {

    static final String SIMULATOR = "simulator";
    static final String BROKER = "rabbitmq";
    static final String DATABASE = "postgresql";

    /** CPU time by process id, and the group each process counts in. */
    record Snapshot(Map<Long, Duration> cpu, Map<Long, String> group) {
    }

    private final List<ServiceProcess> services;

    CpuMeter(List<ServiceProcess> services) {
        this.services = services;
    }

    Snapshot take() {
        Map<Long, String> group = new LinkedHashMap<>();
        services.forEach(service -> group.put(service.pid(), service.name()));
        group.put(ProcessHandle.current().pid(), SIMULATOR);
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

    /** Milliseconds of CPU per call by group between two snapshots (processes present in both). */
    static Map<String, Double> perCall(Snapshot before, Snapshot after, int calls) {
        Map<String, Double> millis = after.cpu().entrySet().stream()
                .filter(e -> before.cpu().containsKey(e.getKey()))
                .collect(Collectors.groupingBy(e -> after.group().get(e.getKey()), LinkedHashMap::new,
                        Collectors.summingDouble(e -> (e.getValue().toNanos() - before.cpu().get(e.getKey()).toNanos())
                                / 1e6 / Math.max(calls, 1))));
        millis.put("total", millis.values().stream().mapToDouble(Double::doubleValue).sum());
        return millis;
    }

    static String format(Map<String, Double> perCall) {
        return perCall.entrySet().stream().map(e -> String.format("%s %.1f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
