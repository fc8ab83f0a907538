package net.voipbin.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry point for every benchmark: {@code java -jar benchmarks/target/benchmarks.jar <name> [args]}.
 * JMH benchmarks run through {@code jmh <regex>}.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    interface Benchmark {
        void run(String[] args) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Map<String, Benchmark> benchmarks = new LinkedHashMap<>();
        benchmarks.put("jmh", org.openjdk.jmh.Main::main);
        benchmarks.put("rpc", net.voipbin.bench.rpc.RpcRoundTrip::main);
        benchmarks.put("broker-cost", net.voipbin.bench.rpc.BrokerCost::main);
        benchmarks.put("pipecat-dsp", net.voipbin.bench.pipecat.PipecatDsp::main);
        benchmarks.put("pipecat-sessions", net.voipbin.bench.pipecat.PipecatSessions::main);
        benchmarks.put("ari-proxy", net.voipbin.bench.ari.AriProxyThroughput::main);
        benchmarks.put("webhook", net.voipbin.bench.webhook.WebhookThroughput::main);
        benchmarks.put("inbound-call", net.voipbin.bench.call.InboundCallSetup::main);
        benchmarks.put("campaign", net.voipbin.bench.campaign.CampaignBenchmark::main);
        benchmarks.put("queue", net.voipbin.bench.queue.QueueBenchmark::main);
        benchmarks.put("events", net.voipbin.bench.events.LiveEventsLatency::main);
        if (args.length == 0 || !benchmarks.containsKey(args[0])) {
            System.err.println("usage: java -jar benchmarks/target/benchmarks.jar <" + String.join("|", benchmarks.keySet())
                    + "> [args]");
            System.exit(2);
        }
        benchmarks.get(args[0]).run(Arrays.copyOfRange(args, 1, args.length));
    }
}
