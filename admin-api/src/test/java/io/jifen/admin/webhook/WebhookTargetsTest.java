package io.jifen.admin.webhook;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which addresses a merchant's webhook may make the service call (server-side request forgery). */
class WebhookTargetsTest {
    private static InetAddress address(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    @Test
    void addressesInsideMachinesAndPrivateNetworksAreNotPublic() throws Exception {
        for (String inside : List.of("127.0.0.1", "127.8.9.10", "10.0.0.5", "172.16.0.1", "172.31.255.254", "192.168.1.10",
                "169.254.169.254", "0.0.0.0", "100.64.0.1", "198.18.0.1", "224.0.0.1", "255.255.255.255",
                "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "::ffff:10.0.0.1", "ff02::1")) {
            assertThat(WebhookTargets.nonPublic(address(inside))).as(inside).isPresent();
        }
    }

    @Test
    void publicAddressesAreReached() throws Exception {
        for (String outside : List.of("8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "203.0.113.7",
                "2001:4860:4860::8888", "::ffff:8.8.8.8")) {
            assertThat(WebhookTargets.nonPublic(address(outside))).as(outside).isEmpty();
        }
    }

    @Test
    void aMerchantCannotRegisterAUrlThatNamesAPrivateAddressOrThisMachine() {
        WebhookTargets targets = WebhookTargets.allowing();
        assertThat(targets.refusalAtRegistration("169.254.169.254")).hasValueSatisfying(reason ->
                assertThat(reason).contains("169.254.169.254, a link-local address"));
        assertThat(targets.refusalAtRegistration("[::1]")).hasValueSatisfying(reason ->
                assertThat(reason).contains("a loopback address"));
        assertThat(targets.refusalAtRegistration("2130706433")).as("127.0.0.1 written as one number").isPresent();
        assertThat(targets.refusalAtRegistration("localhost")).hasValueSatisfying(reason ->
                assertThat(reason).startsWith("`localhost` is this machine"));
        assertThat(targets.refusalAtRegistration("203.0.113.7")).isEmpty();
        assertThat(targets.refusalAtRegistration("crm.example.com")).as("a name is checked at delivery").isEmpty();
    }

    @Test
    void everyFormOfAnInternalAddressIsRefusedAtRegistrationAndBeforeDelivery() {
        WebhookTargets targets = WebhookTargets.allowing();
        // as java.net.URI hands the hosts over: brackets kept, the zone's % still encoded as %25
        for (String host : List.of("[::1%25lo]", "[fe80::1%25lo]", "[::ffff:127.0.0.1%25lo]", "[::1%lo]", "localhost.",
                "LOCALHOST", "api.localhost.", "0x7f000001", "0x7f.0.0.1", "0177.0.0.1", "2130706433", "127.1",
                "127.0.0.1.", "0x0a000001", "012.0.0.1", "[::127.0.0.1]", "[64:ff9b::a9fe:a9fe]", "0300.0250.0.1")) {
            assertThat(targets.refusalAtRegistration(host)).as(host).isPresent();
            assertThat(targets.refusalBeforeDelivery(host)).as(host).isPresent();
        }
        assertThat(targets.refusalAtRegistration("0x7f000001")).hasValueSatisfying(reason ->
                assertThat(reason).contains("127.0.0.1, a loopback address").contains("four decimal numbers"));
        assertThat(targets.refusalAtRegistration("[fe80::1%25lo]")).hasValueSatisfying(reason ->
                assertThat(reason).contains("a link-local address"));
        // a public address with a zone is refused too: only this machine's links need one
        assertThat(targets.refusalAtRegistration("[2001:4860:4860::8888%25eth0]")).hasValueSatisfying(reason ->
                assertThat(reason).contains("network interface of this machine"));
        // forms that read differently are refused even where every reading is public
        assertThat(targets.refusalAtRegistration("0x08080808")).isPresent();
        assertThat(targets.refusalAtRegistration("8.8.8.8")).isEmpty();
        assertThat(targets.refusalAtRegistration("[2001:4860:4860::8888]")).isEmpty();
    }

    @Test
    void inetAtonReadsEveryNumericFormTheCLibraryReads() throws Exception {
        assertThat(WebhookTargets.inetAton("0x7f000001".split("\\."))).contains(address("127.0.0.1"));
        assertThat(WebhookTargets.inetAton("0177.0.0.1".split("\\."))).contains(address("127.0.0.1"));
        assertThat(WebhookTargets.inetAton("127.1".split("\\."))).contains(address("127.0.0.1"));
        assertThat(WebhookTargets.inetAton("10.1.0x0101".split("\\."))).contains(address("10.1.1.1"));
        assertThat(WebhookTargets.inetAton("4294967296".split("\\."))).isEmpty();
        assertThat(WebhookTargets.inetAton("08.0.0.1".split("\\."))).isEmpty();
        assertThat(WebhookTargets.inetAton("1.2.3.4.5".split("\\."))).isEmpty();
    }

    @Test
    void anOperatorCanAllowANetworkAndOnlyThatNetwork() throws Exception {
        WebhookTargets targets = WebhookTargets.allowing("10.20.0.0/16", "fd00::/8");
        assertThat(targets.refusal(address("10.20.3.4"))).isEmpty();
        assertThat(targets.refusal(address("fd00::7"))).isEmpty();
        assertThat(targets.refusal(address("10.21.0.1"))).isPresent();
        assertThat(targets.refusal(address("169.254.169.254"))).isPresent();
    }

    @Test
    void aNameIsRefusedBeforeDeliveryWhenItResolvesIntoAPrivateNetwork() {
        assertThat(WebhookTargets.allowing().refusalBeforeDelivery("localhost")).hasValueSatisfying(reason ->
                assertThat(reason).startsWith("`localhost` is this machine").contains("a loopback address"));
        assertThat(WebhookTargets.allowing("127.0.0.0/8", "::1/128").refusalBeforeDelivery("localhost")).isEmpty();
    }

    @Test
    void aNetworkThatIsNotCidrStopsTheServiceNamingTheSetting() {
        for (String wrong : List.of("10.0.0.0", "10.0.0.0/33", "intranet/8", "::/129")) {
            assertThatThrownBy(() -> WebhookTargets.allowing(wrong)).as(wrong)
                    .hasMessageContaining("jifen.webhooks.allowed-private-networks").hasMessageContaining(wrong);
        }
    }
}
