package io.jifen.admin.webhook;

import io.jifen.admin.config.JifenConfig;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which addresses a webhook may reach. Merchants choose the URLs, so without this a merchant could
 * make the service call into its own network — a database's HTTP port, a cloud metadata endpoint —
 * (server-side request forgery). Only public addresses are reached, unless an operator allows a
 * network in {@code jifen.webhooks.allowed-private-networks}. One check ({@link #refusal(String, Lookup)})
 * runs twice: at registration, for a URL that names an address in any form (no name lookup there: DNS
 * may not answer yet), and before every delivery, also on every address the host name resolves to,
 * which is what the HTTP client will connect to.
 */
@Startup // a misconfigured allowed network stops the service at start, not at the first webhook
@ApplicationScoped
public class WebhookTargets {
    /** A network in CIDR notation. */
    record Network(BigInteger base, int prefix, int bits) {
        static Network parse(String cidr) {
            String text = cidr.strip();
            int slash = text.indexOf('/');
            try {
                if (slash < 0 || !LITERAL.matcher(text.substring(0, slash)).matches()) {
                    throw new IllegalArgumentException("not an address/prefix");
                }
                InetAddress address = InetAddress.getByName(text.substring(0, slash)); // a literal: no lookup
                int bits = address.getAddress().length * 8;
                int prefix = Integer.parseInt(text.substring(slash + 1));
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException("prefix must be between 0 and " + bits);
                }
                return new Network(masked(new BigInteger(1, address.getAddress()), prefix, bits), prefix, bits);
            } catch (UnknownHostException | IllegalArgumentException e) {
                throw new IllegalStateException("jifen.webhooks.allowed-private-networks: `" + cidr
                        + "` is not a network in CIDR notation (like 10.20.0.0/16 or fd00::/8): " + e.getMessage(), e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] raw = address.getAddress();
            return raw.length * 8 == bits && masked(new BigInteger(1, raw), prefix, bits).equals(base);
        }

        private static BigInteger masked(BigInteger value, int prefix, int bits) {
            return value.shiftRight(bits - prefix).shiftLeft(bits - prefix);
        }
    }

    /** Digits and dots, or hex digits with colons: an operator's network, written as an address. */
    private static final Pattern LITERAL = Pattern.compile("[0-9.]+|\\[?[0-9a-fA-F.:]*:[0-9a-fA-F.:]*]?");

    @Inject
    JifenConfig config;

    private List<Network> allowed = List.of();

    @PostConstruct
    void init() {
        allowed = config.webhooks().allowedPrivateNetworks().orElse(List.of()).stream().map(Network::parse).toList();
    }

    /** Tests: the policy with these networks allowed. */
    static WebhookTargets allowing(String... networks) {
        WebhookTargets targets = new WebhookTargets();
        targets.allowed = Arrays.stream(networks).map(Network::parse).toList();
        return targets;
    }

    /** How a host name is turned into addresses: not at all at registration, by DNS before a delivery. */
    @FunctionalInterface
    interface Lookup {
        /** The name's addresses; empty when it cannot be resolved (the HTTP client then fails the same way). */
        List<InetAddress> resolve(String name);

        Lookup NONE = name -> List.of();
        Lookup DNS = name -> {
            try {
                return List.of(InetAddress.getAllByName(name));
            } catch (UnknownHostException e) {
                return List.of();
            }
        };
    }

    /**
     * Why a URL's host may not be registered, if so: a host written as an address (in any form) or as
     * localhost is checked now; a name is left to {@link #refusalBeforeDelivery} (DNS may not answer yet).
     */
    public Optional<String> refusalAtRegistration(String host) {
        return refusal(host, Lookup.NONE);
    }

    /** Why a delivery to this host may not be sent, if so: the same check, and every address a name resolves to. */
    public Optional<String> refusalBeforeDelivery(String host) {
        return refusal(host, Lookup.DNS);
    }

    /**
     * The one check behind registration and delivery. The host is first reduced to what it names, as
     * the programs that may read it would: brackets and an IPv6 zone ({@code %25lo}) removed, a
     * trailing dot removed ({@code localhost.} is localhost), a number in the last label read as an
     * IPv4 address the way inet_aton reads it ({@code 0x7f000001}, {@code 0177.0.0.1}, {@code 2130706433},
     * {@code 127.1}). Such numeric forms are refused whatever they read as, since programs disagree on
     * them (the JDK reads {@code 0177.0.0.1} as 177.0.0.1, the C library as 127.0.0.1): only four
     * decimal numbers say one address to everyone.
     */
    Optional<String> refusal(String host, Lookup lookup) {
        if (host == null || host.isBlank()) {
            return Optional.of("the URL names no host");
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            return ipv6Refusal(host, h);
        }
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return refusal(InetAddress.getLoopbackAddress()).map(r -> "`" + host + "` is this machine, " + r);
        }
        String[] labels = h.split("\\.", -1);
        if (labels.length > 0 && NUMBER.matcher(labels[labels.length - 1]).matches()) {
            return ipv4Refusal(host, labels);
        }
        for (InetAddress address : lookup.resolve(h)) {
            Optional<String> refusal = refusal(address);
            if (refusal.isPresent()) {
                return Optional.of("`" + host + "` resolves to " + refusal.get());
            }
        }
        return Optional.empty();
    }

    /** A label inet_aton reads as a number: decimal, octal (leading 0) or hexadecimal (0x). */
    private static final Pattern NUMBER = Pattern.compile("0x[0-9a-f]*|[0-9]+");
    private static final Pattern DECIMAL_OCTET = Pattern.compile("0|[1-9][0-9]{0,2}");

    private Optional<String> ipv4Refusal(String host, String[] labels) {
        Optional<InetAddress> read = inetAton(labels);
        if (read.isEmpty()) {
            return Optional.of("`" + host + "` is not an IPv4 address (write one as four decimal numbers, like 203.0.113.7)");
        }
        boolean canonical = labels.length == 4 && Arrays.stream(labels).allMatch(l -> DECIMAL_OCTET.matcher(l).matches());
        Optional<String> refusal = refusal(read.get());
        if (canonical) {
            return refusal;
        }
        return Optional.of("`" + host + "` is an IPv4 address written in a form programs read differently"
                + refusal.map(r -> " (as " + r + ")").orElse("")
                + "; write it as four decimal numbers, like 203.0.113.7");
    }

    /** inet_aton: a.b.c.d, a.b.c (c 16 bits), a.b (b 24 bits) or a (32 bits); each part decimal, octal or hex. */
    static Optional<InetAddress> inetAton(String[] labels) {
        if (labels.length < 1 || labels.length > 4) {
            return Optional.empty();
        }
        long[] parts = new long[labels.length];
        for (int i = 0; i < labels.length; i++) {
            String l = labels[i];
            try {
                if (l.startsWith("0x")) {
                    parts[i] = l.length() == 2 ? 0 : Long.parseLong(l.substring(2), 16);
                } else if (l.length() > 1 && l.startsWith("0")) {
                    parts[i] = Long.parseLong(l.substring(1), 8);
                } else {
                    parts[i] = Long.parseLong(l);
                }
            } catch (NumberFormatException e) {
                return Optional.empty(); // not digits of its base, or too long
            }
        }
        long value = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i] > 255) {
                return Optional.empty();
            }
            value |= parts[i] << (24 - 8 * i);
        }
        long last = parts[parts.length - 1];
        if (last >= 1L << (8 * (5 - parts.length))) {
            return Optional.empty();
        }
        value |= last;
        try {
            return Optional.of(InetAddress.getByAddress(new byte[]{(byte) (value >>> 24), (byte) (value >>> 16),
                    (byte) (value >>> 8), (byte) value}));
        } catch (UnknownHostException e) {
            return Optional.empty(); // four bytes always make an address
        }
    }

    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]+");

    private Optional<String> ipv6Refusal(String host, String bracketed) {
        if (!bracketed.endsWith("]")) {
            return Optional.of("`" + host + "` is not an IPv6 address in brackets");
        }
        String inside = bracketed.substring(1, bracketed.length() - 1).replace("%25", "%");
        int zone = inside.indexOf('%');
        String literal = zone < 0 ? inside : inside.substring(0, zone);
        if (!IPV6.matcher(literal).matches() || !literal.contains(":")) {
            return Optional.of("`" + host + "` is not an IPv6 address");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(literal); // a literal: no lookup
        } catch (UnknownHostException e) {
            return Optional.of("`" + host + "` is not an IPv6 address");
        }
        Optional<String> refusal = refusal(address);
        if (refusal.isPresent() || zone < 0) {
            return refusal;
        }
        // a zone names an interface of this machine: only addresses on its own links need one
        return Optional.of("`" + host + "` names a network interface of this machine (" + inside.substring(zone)
                + "); a public address needs none");
    }

    /**
     * The host a URL names, also when java.net.URI finds no host in it: {@code http://0x7f.0.0.1/} is a
     * "registry-based" authority to the JDK, and a host to curl and browsers. Null when there is none.
     */
    public static String hostOf(URI url) {
        if (url.getHost() != null) {
            return url.getHost();
        }
        String authority = url.getRawAuthority();
        if (authority == null || authority.isBlank()) {
            return null;
        }
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = host.lastIndexOf(':');
        if (colon >= 0 && host.indexOf(']', colon) < 0 && !host.startsWith("[")) {
            host = host.substring(0, colon);
        }
        return host.isBlank() ? null : host;
    }

    /** Why this address may not be reached, if so. */
    Optional<String> refusal(InetAddress address) {
        Optional<String> kind = nonPublic(address);
        if (kind.isEmpty() || allowed.stream().anyMatch(n -> n.contains(address))) {
            return Optional.empty();
        }
        return Optional.of(address.getHostAddress() + ", " + kind.get()
                + " address (only public addresses, unless jifen.webhooks.allowed-private-networks allows it)");
    }

    private static final byte[] NAT64_PREFIX = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};

    private static boolean embedsIpv4(byte[] raw, byte[] prefix) {
        return raw.length == 16 && Arrays.equals(Arrays.copyOf(raw, 12), prefix);
    }

    /** What kind of non-public address this is, if it is one. */
    static Optional<String> nonPublic(InetAddress address) {
        // an IPv4-mapped address (::ffff:a.b.c.d) arrives here as the Inet4Address a.b.c.d: the JDK converts it
        if (address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc) {
            return Optional.of("a unique local");
        }
        if (address instanceof Inet6Address && embedsIpv4(address.getAddress(), new byte[12])
                && !address.isAnyLocalAddress() && !address.isLoopbackAddress()) {
            return Optional.of("an IPv4-compatible (deprecated, ::a.b.c.d)");
        }
        if (address instanceof Inet6Address && embedsIpv4(address.getAddress(), NAT64_PREFIX)) {
            try {
                byte[] raw = address.getAddress();
                Optional<String> inner = nonPublic(InetAddress.getByAddress(Arrays.copyOfRange(raw, 12, 16)));
                if (inner.isPresent()) {
                    return inner.map(kind -> kind + " (through NAT64, 64:ff9b::/96)");
                }
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e); // four bytes always make an address
            }
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("an unspecified");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("a private");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast");
        }
        if (address instanceof Inet4Address) {
            byte[] raw = address.getAddress();
            int first = raw[0] & 0xff;
            int second = raw[1] & 0xff;
            if (first == 0) {
                return Optional.of("a this-network");
            }
            if (first == 100 && second >= 64 && second < 128) {
                return Optional.of("a carrier-grade NAT");
            }
            if (first == 198 && (second == 18 || second == 19)) {
                return Optional.of("a benchmarking");
            }
            if (first >= 240) {
                return Optional.of("a reserved");
            }
        }
        return Optional.empty();
    }
}
