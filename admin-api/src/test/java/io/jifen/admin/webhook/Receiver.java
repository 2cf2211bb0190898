package io.jifen.admin.webhook;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A merchant's webhook endpoint for tests, on 127.0.0.1 and a free port: records every request it
 * gets and answers with the statuses it was given, in order (the last one repeats). A request is
 * recorded before it is answered, so once the dispatcher's round returns, the receiver has it.
 */
final class Receiver implements AutoCloseable {
    /** One request: its headers (names in lower case) and body. */
    record Received(Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Deque<Integer> answers;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private Receiver(List<Integer> statuses) throws IOException {
        answers = new ArrayDeque<>(statuses);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                Map<String, String> headers = new TreeMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
                received.add(new Received(headers, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                exchange.sendResponseHeaders(nextStatus(), -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    static Receiver answering(Integer... statuses) throws IOException {
        return new Receiver(List.of(statuses));
    }

    private synchronized int nextStatus() {
        return answers.size() > 1 ? answers.poll() : answers.peek();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/jifen";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
