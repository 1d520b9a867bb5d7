package org.juryroom.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The load generator of the benchmarks' timed loops: blocking HTTP/1.1 with keep-alive, one socket per
 * virtual client, used only by that client's thread. Java's HttpClient costs more CPU per request than
 * a save costs the app and hands each response from its selector thread to another thread; on two
 * shared cores that overhead, not the server, set the pace at one client. This client is as lean as
 * pgbench is on the database side, so ratios against pgbench and between servers measure the servers.
 * Requests are built once per shape ({@link #request}) and sent as bytes; the same bytes carry requests no
 * validating client would send (common/HostileInputSweepTest).
 */
public final class LeanHttp {

    private final String host;
    private final int port;
    private final Connection[] connections = new Connection[64];

    LeanHttp(String base) {
        URI uri = URI.create(base);
        if (!"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("plain http only: " + base);
        }
        this.host = uri.getHost();
        this.port = uri.getPort() < 0 ? 80 : uri.getPort();
    }

    /** The {@code Host} header value of this target. */
    String authority() {
        return host + ":" + port;
    }

    /** Sends the request on virtual client {@code client}'s connection (opened, or reopened, as needed). */
    Response send(int client, byte[] request) throws IOException {
        Connection c = connections[client];
        if (c == null) {
            c = connections[client] = new Connection(host, port);
        }
        return c.exchange(request);
    }

    void close() {
        for (Connection c : connections) {
            if (c != null) {
                c.close();
            }
        }
    }

    /** A whole request as bytes: request line, Host, the given headers (name, value, ...), Content-Length, body. */
    public static byte[] request(String method, String authority, String path, String body, String... headers) {
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("headers come as name, value pairs");
        }
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder s = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
                .append(authority).append("\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            s.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        if (body != null) {
            s.append("Content-Length: ").append(content.length).append("\r\n");
        }
        byte[] head = s.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + content.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(content, 0, all, head.length, content.length);
        return all;
    }

    /** Sends {@code request} as it is on a connection of its own and reads the response: for what no client sends. */
    public static Response exchange(int port, byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request);
            return read(new BufferedInputStream(socket.getInputStream()));
        }
    }

    /** A response: status, headers (names in lower case), body; {@code close}: the server ends the connection. */
    public record Response(int status, Map<String, String> headers, byte[] body, boolean close) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * Reads exactly one response from {@code in}, leaving the next one's bytes unread: the body by
     * Content-Length or chunked; none for 1xx, 204 and 304. Anything else (a body delimited by closing the
     * connection, a malformed line) fails loudly rather than being guessed at.
     */
    public static Response read(InputStream in) throws IOException {
        String status = line(in);
        while (status.isEmpty()) {
            status = line(in);
        }
        if (!status.startsWith("HTTP/1.") || status.length() < 12 || status.charAt(8) != ' ') {
            throw new IOException("not an HTTP/1.x status line: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        Map<String, String> headers = new HashMap<>();
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed header: " + h);
            }
            headers.merge(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim(),
                    (a, b) -> a + ", " + b);
        }
        if (code < 200) {
            return read(in); // an interim response (100 Continue): the real one follows
        }
        boolean close = status.startsWith("HTTP/1.0") && !"keep-alive".equalsIgnoreCase(headers.get("connection"))
                || "close".equalsIgnoreCase(headers.get("connection"));
        byte[] body;
        String te = headers.get("transfer-encoding");
        String length = headers.get("content-length");
        if (code == 204 || code == 304) {
            body = new byte[0];
        } else if (te != null) {
            if (!te.equalsIgnoreCase("chunked")) {
                throw new IOException("unsupported Transfer-Encoding: " + te);
            }
            body = chunked(in);
        } else if (length != null) {
            body = exactly(in, Integer.parseInt(length));
        } else {
            throw new IOException("response " + code + " has neither Content-Length nor chunked encoding");
        }
        return new Response(code, headers, body, close);
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            int semicolon = size.indexOf(';');
            int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (n == 0) {
                while (!line(in).isEmpty()) {
                    // trailers: none expected, skipped
                }
                return out.toByteArray();
            }
            out.write(exactly(in, n));
            if (!line(in).isEmpty()) {
                throw new IOException("chunk not followed by CRLF");
            }
        }
    }

    private static byte[] exactly(InputStream in, int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new EOFException("body ended after " + b.length + " of " + n + " bytes");
        }
        return b;
    }

    /** One line without its CRLF (a bare LF is accepted); end of stream before it is an error. */
    private static String line(InputStream in) throws IOException {
        StringBuilder s = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed mid-response" + (s.isEmpty() ? "" : ": " + s));
            }
            if (c != '\r') {
                s.append((char) c);
            }
        }
        return s.toString();
    }

    /** One keep-alive connection, opened on first use and again after the server or an error closed it. */
    static final class Connection implements Closeable {
        private final String host;
        private final int port;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Connection(String host, int port) {
            this.host = host;
            this.port = port;
        }

        /** A failure closes the connection (the next request opens a new one) and is the caller's error to count. */
        Response exchange(byte[] request) throws IOException {
            if (socket == null) {
                open();
            }
            Response r;
            try {
                out.write(request);
                out.flush();
                r = read(in);
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
            if (r.close()) {
                close();
            }
            return r;
        }

        private void open() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 10_000);
            socket.setSoTimeout(60_000);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
                socket = null;
            }
        }
    }
}
