package net.voipbin.bench.pipecat;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import net.voipbin.bench.Latencies;
import net.voipbin.pipecatmanager.audio.MuLaw;
import net.voipbin.pipecatmanager.audiosocket.AudioSocketDecoder;
import net.voipbin.pipecatmanager.session.AudioFormat;
import net.voipbin.pipecatmanager.session.StandaloneBridge;

/**
 * {@code pipecat-sessions [sessions=200] [seconds=10] [bridgeThreads=1]}: that many concurrent G.711
 * AudioSocket calls, each sending 20 ms frames in real time, through pipecat-manager's bridge (decode,
 * 8 to 16 kHz, protobuf over WebSocket) to a loopback runner that echoes 200 ms of every second, and back
 * (16 to 8 kHz, encode, paced playout). Prints caller-to-runner latency, runner-to-caller latency, pacing jitter and the
 * bridge threads' CPU.
 */
public final class PipecatSessions {

    private PipecatSessions() {
    }

    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int bridgeThreads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        EventLoopGroup bridgeLoops = new MultiThreadIoEventLoopGroup(bridgeThreads, new DefaultThreadFactory("bridge"),
                NioIoHandler.newFactory());
        EventLoopGroup loadLoops = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("load"),
                NioIoHandler.newFactory());
        try (StandaloneBridge bridge = StandaloneBridge.start(bridgeLoops, "127.0.0.1", 0);
                EchoRunner runner = new EchoRunner(loadLoops)) {
            List<SessionStats> all = new ArrayList<>();
            List<Channel> callers = new ArrayList<>();
            List<List<Runnable>> senders = senderGroups(loadLoops);
            for (int i = 0; i < sessions; i++) {
                SessionStats stats = new SessionStats();
                runner.expect(stats);
                bridge.register(stats.id, AudioFormat.ULAW, URI.create(runner.url()));
                callers.add(caller(loadLoops, bridge.port(), stats, i, senders));
                all.add(stats);
            }
            Thread.sleep(8000);   // warm-up: connections, JIT (tiered compilation needs ~10k frames per hot method)
            all.forEach(s -> s.recording = true);
            long cpuBefore = cpuNanos("bridge");
            long loadBefore = cpuNanos("load");
            long wallBefore = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            long cpu = cpuNanos("bridge") - cpuBefore;
            long load = cpuNanos("load") - loadBefore;
            long wall = System.nanoTime() - wallBefore;
            all.forEach(s -> s.recording = false);
            // Callers hang up first (Asterisk style: closing the socket), so the bridge ends every session cleanly.
            callers.forEach(c -> c.close().syncUninterruptibly());
            report(all, sessions, seconds, bridgeThreads, cpu, wall);
            System.out.printf("  load generator (callers + echo runner, one thread) CPU: %.1f%% of one core; machine load average %.2f on %d cores%n",
                    100.0 * load / wall, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
        } finally {
            loadLoops.shutdownGracefully();
            bridgeLoops.shutdownGracefully();
        }
    }

    private static Channel caller(EventLoopGroup loops, int port, SessionStats stats, int index,
            List<List<Runnable>> senders) throws InterruptedException {
        Channel channel = new Bootstrap().group(loops).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(AudioSocketDecoder.framer(65535), new SimpleChannelInboundHandler<ByteBuf>() {
                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
                                if (frame.getUnsignedByte(frame.readerIndex()) == 0x10) {
                                    stats.backAtCaller(System.nanoTime(), silent(frame));
                                }
                            }
                        });
                    }
                }).connect("127.0.0.1", port).sync().channel();
        channel.writeAndFlush(channel.alloc().buffer(19).writeByte(0x01).writeShort(16)
                .writeLong(stats.id.getMostSignificantBits()).writeLong(stats.id.getLeastSignificantBits()));
        double phase = new Random(index).nextDouble() * 2 * Math.PI;
        long[] sample = {0};
        senders.get(index % senders.size()).add(() -> {
            if (!stats.connected || !channel.isActive()) {
                return;
            }
            ByteBuf frame = channel.alloc().buffer(163).writeByte(0x10).writeShort(160);
            for (int i = 0; i < 160; i++) {
                frame.writeByte(MuLaw.encode((short) (8000 * Math.sin(phase + 2 * Math.PI * 440 * sample[0]++ / 8000))));
            }
            stats.sent(System.nanoTime());
            channel.writeAndFlush(frame);
        });
        return channel;
    }

    /**
     * Callers send in twenty phase groups 1 ms apart, each group on one 20 ms timer: a timer per caller
     * would put the load thread's wake-ups microseconds apart and make NIO busy-poll (the bridge's
     * PlayoutClocks avoids the same trap).
     */
    private static List<List<Runnable>> senderGroups(EventLoopGroup loops) {
        List<List<Runnable>> groups = new ArrayList<>();
        for (int g = 0; g < 20; g++) {
            List<Runnable> group = new java.util.concurrent.CopyOnWriteArrayList<>();
            groups.add(group);
            loops.next().scheduleAtFixedRate(() -> group.forEach(Runnable::run), 20 + g, 20, TimeUnit.MILLISECONDS);
        }
        return groups;
    }

    private static boolean silent(ByteBuf frame) {
        int start = frame.readerIndex() + 3;
        for (int i = start; i < frame.writerIndex(); i++) {
            if (frame.getByte(i) != (byte) 0xFF) {
                return false;
            }
        }
        return true;
    }

    private static long cpuNanos(String threadPrefix) {
        var threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(threadPrefix)) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    private static void report(List<SessionStats> all, int sessions, int seconds, int threads, long cpu, long wall) {
        Latencies inbound = new Latencies(sessions * 4096);
        Latencies outbound = new Latencies(sessions * 4096);
        Latencies jitter = new Latencies(sessions * 4096);
        long sent = 0, back = 0;
        int connected = 0;
        for (SessionStats s : all) {
            inbound.addAll(s.inbound);
            outbound.addAll(s.outbound);
            jitter.addAll(s.interArrival);
            sent += s.framesSent;
            back += s.framesBack;
            connected += s.connected ? 1 : 0;
        }
        System.out.printf("pipecat-sessions: %d concurrent G.711 sessions (%d connected), %d s measured, bridge on %d event-loop thread(s)%n",
                sessions, connected, seconds, threads);
        print("caller -> runner (AudioSocket in, decode, 8->16 kHz, protobuf, WebSocket)", inbound);
        print("runner -> caller incl. wait for the next 20 ms playout slot", outbound);
        print("playout tick -> caller (added on the way back, slot wait excluded)", afterTick(all, sessions));
        print("playout pacing |inter-arrival - 20 ms|", jitter);
        System.out.printf("  bridge CPU: %.1f%% of one core for %d sessions = %.2f us CPU per session-frame (%d frames sent, %d echoed frames played)%n",
                100.0 * cpu / wall, sessions, cpu / 1000.0 / (sessions * (wall / 20_000_000.0)), sent, back);
    }

    /**
     * The bridge's playout clocks tick on a 5 ms grid (four 20 ms phases per loop); frames reach the
     * callers a little after a tick. The grid's phase is where the arrivals (mod 5 ms) start to cluster;
     * what lies beyond it is the time the bridge and the socket add after a frame's slot (valid below 5 ms).
     */
    private static Latencies afterTick(List<SessionStats> all, int sessions) {
        long period = 5_000_000L;
        int bins = 200;
        int[] histogram = new int[bins];
        for (SessionStats s : all) {
            for (int i = 0; i < s.arrivalCount; i++) {
                histogram[(int) (Math.floorMod(s.arrivals[i], period) * bins / period)]++;
            }
        }
        int peak = 0;
        for (int b = 1; b < bins; b++) {
            peak = histogram[b] > histogram[peak] ? b : peak;
        }
        int start = peak;
        for (int steps = 0; steps < bins && histogram[Math.floorMod(start - 1, bins)] > 0; steps++) {
            start = Math.floorMod(start - 1, bins);
        }
        long phase = start * period / bins;
        Latencies after = new Latencies(sessions * 4096);
        for (SessionStats s : all) {
            for (int i = 0; i < s.arrivalCount; i++) {
                after.add(Math.floorMod(s.arrivals[i] - phase, period));
            }
        }
        return after;
    }

    private static void print(String what, Latencies latencies) {
        System.out.printf("  %-80s p50 %8.0f us   p99 %8.0f us   max %8.0f us   (n=%d)%n", what,
                latencies.percentileMicros(0.50), latencies.percentileMicros(0.99), latencies.percentileMicros(1.0),
                latencies.count());
    }
}
