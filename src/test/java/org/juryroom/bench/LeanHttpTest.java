package org.juryroom.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The benchmark's load generator reads responses exactly, one after another on one connection. */
class LeanHttpTest {

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void contentLengthThenChunkedThen304OnOneConnectionEachEndingWhereTheNextBegins() throws IOException {
        InputStream in = stream("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n"
                + "{\"ok\":true}"
                + "HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\nX-A: 1\r\nx-a: 2\r\n\r\n"
                + "4\r\nhell\r\n3;ext=1\r\no w\r\n4\r\norld\r\n0\r\nTrailer: t\r\n\r\n"
                + "HTTP/1.1 304 Not Modified\r\nETag: \"v1\"\r\nContent-Length: 99\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        LeanHttp.Response a = LeanHttp.read(in);
        assertEquals(200, a.status());
        assertEquals("{\"ok\":true}", a.text());
        assertEquals("application/json", a.headers().get("content-type"));
        assertFalse(a.close());
        LeanHttp.Response b = LeanHttp.read(in);
        assertEquals(201, b.status());
        assertEquals("hello world", b.text());
        assertEquals("1, 2", b.headers().get("x-a"));
        LeanHttp.Response c = LeanHttp.read(in);
        assertEquals(304, c.status());
        assertEquals(0, c.body().length, "a 304 has no body whatever its Content-Length says");
        assertEquals("\"v1\"", c.headers().get("etag"));
        LeanHttp.Response d = LeanHttp.read(in);
        assertTrue(d.close());
        assertEquals(-1, in.read(), "nothing left unread and nothing read too far");
    }

    @Test
    void anInterimResponseIsSkippedAndAnErrorStatusIsNotOk() throws IOException {
        LeanHttp.Response r = LeanHttp.read(stream("HTTP/1.1 100 Continue\r\n\r\n"
                + "HTTP/1.1 409 Conflict\r\nContent-Length: 2\r\n\r\n{}"));
        assertEquals(409, r.status());
        assertFalse(r.ok());
        assertTrue(new LeanHttp.Response(204, java.util.Map.of(), new byte[0], false).ok());
    }

    @Test
    void whatCannotBeReadExactlyFailsLoudly() {
        assertThrows(IOException.class, () -> LeanHttp.read(stream("HTTP/1.1 200 OK\r\n\r\nuntil close")),
                "a body delimited by the connection's end");
        assertThrows(EOFException.class, () -> LeanHttp.read(stream("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort")));
        assertThrows(EOFException.class, () -> LeanHttp.read(stream("HTTP/1.1 200 OK\r\nContent-Le")));
        assertThrows(IOException.class, () -> LeanHttp.read(stream("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n")));
        assertThrows(IOException.class, () -> LeanHttp.read(stream("SSH-2.0-OpenSSH\r\n\r\n")));
    }

    @Test
    void aRequestIsBuiltOnceWithHostAndTheBodysLengthInBytes() {
        byte[] r = LeanHttp.request("PUT", "127.0.0.1:8080", "/api/x", "{\"n\":\"ক\"}", "Authorization", "Bearer t");
        assertArrayEquals(("PUT /api/x HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAuthorization: Bearer t\r\n"
                + "Content-Length: 11\r\n\r\n{\"n\":\"ক\"}").getBytes(StandardCharsets.UTF_8), r);
        assertArrayEquals("GET / HTTP/1.1\r\nHost: h:1\r\n\r\n".getBytes(StandardCharsets.UTF_8),
                LeanHttp.request("GET", "h:1", "/", null));
    }
}
