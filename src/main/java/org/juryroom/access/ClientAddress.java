package org.juryroom.access;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The client address that sign-in throttling counts by. Behind a proxy, X-Forwarded-For is a list
 * that anyone may start: the client sends any values it likes and each proxy appends the address
 * it received the request from. Only what the trusted proxies appended is true, so the address is
 * read from the right: past every address that is itself a trusted proxy, the first one is the
 * client. (Quarkus' own forwarding takes the left-most value, which the client chose.)
 *
 * <p>Follows Quarkus' settings: without {@code quarkus.http.proxy.proxy-address-forwarding} the
 * peer of the connection is the client; with it, the header is read only when the peer is a
 * trusted proxy ({@code quarkus.http.proxy.trusted-proxies}: addresses or CIDR blocks; none listed
 * means the peer is the one proxy, and the right-most value is the client).
 */
public final class ClientAddress {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

    private final boolean forwarding;
    private final List<Block> trusted;

    public ClientAddress(boolean forwarding, Optional<List<String>> trustedProxies) {
        this.forwarding = forwarding;
        this.trusted = trustedProxies.orElse(List.of()).stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(Block::parse).flatMap(Optional::stream).toList();
    }

    /**
     * @param peer          the address of the connection's other end
     * @param forwardedFor  every X-Forwarded-For header of the request, in order
     */
    public String of(String peer, List<String> forwardedFor) {
        if (!forwarding || forwardedFor.isEmpty() || !(trusted.isEmpty() || isTrusted(peer))) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        forwardedFor.forEach(h -> {
            for (String part : h.split(",")) {
                String hop = host(part.strip());
                if (!hop.isEmpty()) {
                    hops.add(hop);
                }
            }
        });
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (trusted.isEmpty() || !isTrusted(hops.get(i)) || i == 0) {
                return hops.get(i);
            }
        }
        return peer;
    }

    private boolean isTrusted(String address) {
        Optional<byte[]> bytes = literal(address);
        return bytes.isPresent() && trusted.stream().anyMatch(b -> b.contains(bytes.get()));
    }

    /** "1.2.3.4:5678", "[::1]:80", "\"[::1]\"" → the address alone. */
    static String host(String hop) {
        String h = hop.replace("\"", "");
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h.substring(1) : h.substring(1, end);
        }
        int colon = h.indexOf(':');
        return colon >= 0 && colon == h.lastIndexOf(':') ? h.substring(0, colon) : h;
    }

    /** Parses an IP literal, never a host name (no DNS look-ups from a header). */
    private static Optional<byte[]> literal(String address) {
        if (address == null || !IP_LITERAL.matcher(address).matches() || !address.matches(".*[.:].*")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(address).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** An address or CIDR block of trusted proxies. */
    private record Block(byte[] network, int prefix) {
        static Optional<Block> parse(String spec) {
            int slash = spec.indexOf('/');
            Optional<byte[]> address = literal(slash < 0 ? spec : spec.substring(0, slash));
            if (address.isEmpty()) {
                return Optional.empty(); // host names are not matched
            }
            int bits = address.get().length * 8;
            int prefix = slash < 0 ? bits : Integer.parseInt(spec.substring(slash + 1).strip());
            return Optional.of(new Block(address.get(), Math.max(0, Math.min(bits, prefix))));
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int shift = network.length * 8 - prefix;
            return new BigInteger(1, address).shiftRight(shift).equals(new BigInteger(1, network).shiftRight(shift));
        }
    }
}
