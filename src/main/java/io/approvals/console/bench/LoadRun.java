package io.approvals.console.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/** N concurrent clients sending one GET in a loop for a fixed time, over loopback. */
final class LoadRun {
    record Result(double requestsPerSecond, Stats latencyMs, long requests, long failures) {}

    private LoadRun() {}

    static Result run(URI uri, Map<String, String> headers, int clients, Duration duration)
            throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri).GET().timeout(Duration.ofSeconds(10));
        headers.forEach(rb::header);
        HttpRequest request = rb.build();
        // Warm-up (connections, JIT), not counted: half the measured time, at most 5 s. The installed launcher's
        // options let C2 start later, and with 2 s the request path was still being compiled in the measurement.
        long warmEnd = System.nanoTime()
                + Math.min(duration.toNanos() / 2, Duration.ofSeconds(5).toNanos());
        drive(http, request, clients, warmEnd, new ArrayList<>(), new AtomicLong());
        List<List<Double>> perThread = new ArrayList<>();
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long ok = drive(http, request, clients, end, perThread, failures);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Double> all = new ArrayList<>();
        perThread.forEach(all::addAll);
        return new Result(ok / seconds, Stats.of(all), ok, failures.get());
    }

    private static long drive(
            HttpClient http,
            HttpRequest request,
            int clients,
            long endNanos,
            List<List<Double>> latencies,
            AtomicLong failures)
            throws InterruptedException {
        CountDownLatch done = new CountDownLatch(clients);
        AtomicLong ok = new AtomicLong();
        for (int i = 0; i < clients; i++) {
            List<Double> mine = new ArrayList<>();
            synchronized (latencies) {
                latencies.add(mine);
            }
            Thread t = new Thread(
                    () -> {
                        try {
                            while (System.nanoTime() < endNanos) {
                                long t0 = System.nanoTime();
                                try {
                                    HttpResponse<byte[]> r =
                                            http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                                    if (r.statusCode() == 200) {
                                        ok.incrementAndGet();
                                        mine.add((System.nanoTime() - t0) / 1e6);
                                    } else {
                                        failures.incrementAndGet();
                                    }
                                } catch (java.io.IOException e) {
                                    failures.incrementAndGet();
                                }
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } finally {
                            done.countDown();
                        }
                    },
                    "load-" + i);
            t.setDaemon(true);
            t.start();
        }
        done.await();
        return ok.get();
    }
}
