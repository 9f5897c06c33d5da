package ae.rta.cctv.vms.bench;

import ae.rta.cctv.common.domain.AgencyCode;
import ae.rta.cctv.common.domain.CameraId;
import ae.rta.cctv.vms.adapter.out.simulator.SimulatorServer;
import ae.rta.cctv.vms.domain.Camera;
import ae.rta.cctv.vms.domain.CameraHealth;
import ae.rta.cctv.vms.domain.CameraSource;
import ae.rta.cctv.common.domain.StreamVariant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the demo cameras cost: starts the simulator with N cameras, pulls every main stream with FFmpeg
 * ({@code -c copy}, as a recorder would) for S seconds, and prints the simulator's CPU use over that time as a share
 * of one core and of the machine, plus the clip encoding time at first start.
 *
 * <p>Usage: {@code SimulatorCpuBenchmark [cameras=12] [seconds=30]}
 */
public final class SimulatorCpuBenchmark {

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path dir = Files.createTempDirectory("simulator-bench");
        List<Camera> cameras = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            cameras.add(new Camera(CameraId.random(), "Bench camera " + (i + 1), null, new AgencyCode("METRO"),
                    new CameraSource.Simulator(), false, CameraHealth.UNKNOWN));
        }
        try (SimulatorServer server = new SimulatorServer(dir, 0, "ffmpeg")) {
            long encodeStart = System.nanoTime();
            server.start(cameras);
            double encodeSeconds = (System.nanoTime() - encodeStart) / 1e9;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (server.process().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            ProcessHandle simulator = server.process().orElseThrow(() -> new IllegalStateException("the simulator did not start"));
            List<Process> pulls = new ArrayList<>();
            for (Camera c : cameras) {
                pulls.add(new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-rtsp_transport", "tcp",
                        "-i", "rtsp://127.0.0.1:" + server.port() + SimulatorServer.path(c, StreamVariant.MAIN),
                        "-c", "copy", "-f", "null", "-").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
            }
            Thread.sleep(3000);
            Duration cpuBefore = simulator.info().totalCpuDuration().orElseThrow();
            long wallStart = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            Duration cpuAfter = simulator.info().totalCpuDuration().orElseThrow();
            double wall = (System.nanoTime() - wallStart) / 1e9;
            long alive = pulls.stream().filter(Process::isAlive).count();
            pulls.forEach(Process::destroy);
            double core = (cpuAfter.minus(cpuBefore).toNanos() / 1e9) / wall;
            int cores = Runtime.getRuntime().availableProcessors();
            System.out.printf(Locale.ROOT, "simulator: %d cameras, clips encoded in %.1f s at first start%n", count, encodeSeconds);
            System.out.printf(Locale.ROOT, "while %d of %d main streams were pulled for %.0f s: %.1f%% of one core (%.1f%% of this %d-core machine)%n",
                    alive, count, wall, core * 100, core * 100 / cores, cores);
        }
    }
}
