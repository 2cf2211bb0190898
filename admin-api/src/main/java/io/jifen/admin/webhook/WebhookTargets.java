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
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which addresses a webhook may reach. Merchants choose the URLs, so without this a merchant could
 * make the service call into its own network — a database's HTTP port, a cloud metadata endpoint —
 * (server-side request forgery). Only public addresses are reached, unless an operator allows a
 * network in {@code jifen.webhooks.allowed-private-networks}. Checked twice: at registration for a URL
 * that names an address (no name lookup there: DNS may not answer yet), and before every delivery on
 * every address the host name resolves to, which is what the HTTP client will connect to.
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

    /** Digits and dots, or hex digits with colons (IPv6, in brackets or not): written as an address, not a name. */
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

    /** Why a URL's host may not be registered (an address, or localhost, outside the public internet), if so. */
    public Optional<String> refusalAtRegistration(String host) {
        if (host.equalsIgnoreCase("localhost") || host.toLowerCase().endsWith(".localhost")) {
            return refusal(InetAddress.getLoopbackAddress()).map(r -> "`" + host + "` is this machine, " + r);
        }
        if (!LITERAL.matcher(host).matches()) {
            return Optional.empty(); // a name: checked on its addresses before every delivery
        }
        try {
            return refusal(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            return Optional.empty(); // not an address after all; the delivery will say what it resolves to
        }
    }

    /** Why a delivery to this host may not be sent: one of the addresses its name resolves to is not allowed. */
    public Optional<String> refusalBeforeDelivery(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.empty(); // the client's own lookup fails the same way and is recorded as the error
        }
        for (InetAddress address : addresses) {
            Optional<String> refusal = refusal(address);
            if (refusal.isPresent()) {
                return Optional.of("`" + host + "` resolves to " + refusal.get());
            }
        }
        return Optional.empty();
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

    /** What kind of non-public address this is, if it is one. */
    static Optional<String> nonPublic(InetAddress address) {
        // an IPv4-mapped address (::ffff:a.b.c.d) arrives here as the Inet4Address a.b.c.d: the JDK converts it
        if (address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc) {
            return Optional.of("a unique local");
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
