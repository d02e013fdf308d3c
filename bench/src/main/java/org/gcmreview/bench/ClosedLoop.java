package org.gcmreview.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed number of clients, each doing one operation after the other as fast as it is answered (a closed
 * loop, like people at their browsers who send the next form once the last one is answered). Bounded in time
 * and in count: each client stops at the deadline or when its operation says it has nothing left to do.
 */
final class ClosedLoop {

    /** One client's operation. */
    interface Operation {
        /**
         * Does one operation and returns what it measured (nanoseconds per named part, e.g. the POST alone and the
         * GET + POST), or null when this client has nothing left to do.
         *
         * @throws Exception the operation failed; counted as an error, and the client goes on
         */
        long[] run(int client, int iteration) throws Exception;
    }

    /** The measurements of one run: one Latencies per part the operation reports. */
    record Result(List<Latencies> parts, long wallNanos, int errors, String firstError) {
    }

    private ClosedLoop() {
    }

    static Result run(int clients, int parts, long seconds, Operation operation) throws InterruptedException {
        List<List<long[]>> perClient = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            perClient.add(new ArrayList<>());
        }
        AtomicInteger errors = new AtomicInteger();
        String[] firstError = new String[1];
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(clients);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; System.nanoTime() < deadline; i++) {
                        long[] measured;
                        try {
                            measured = operation.run(client, i);
                        } catch (Exception e) {
                            if (errors.incrementAndGet() == 1) {
                                firstError[0] = e.toString();
                            }
                            continue;
                        }
                        if (measured == null) {
                            break;
                        }
                        perClient.get(client).add(measured);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "bench-client-" + c);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        long began = System.nanoTime();
        start.countDown();
        done.await();
        long wall = System.nanoTime() - began;
        List<Latencies> result = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            List<Long> values = new ArrayList<>();
            for (List<long[]> list : perClient) {
                for (long[] m : list) {
                    values.add(m[p]);
                }
            }
            result.add(Latencies.of(values.stream().mapToLong(Long::longValue).toArray(), wall, errors.get()));
        }
        return new Result(result, wall, errors.get(), firstError[0]);
    }
}
