package net.voipbin.systemtests.console;

import static net.voipbin.systemtests.console.ConsoleBrowser.rowWhere;
import static net.voipbin.systemtests.console.ConsoleBrowser.rowWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import net.voipbin.rpc.auth.JwtTokens;
import tools.jackson.databind.JsonNode;

/**
 * The operator console in headless Chromium against the fleet in local mode (the gateway serving the
 * console, the public API and the live events), asserting what the person at the console sees: live calls
 * arriving and leaving without a reload, hang-up from the console, a campaign's progress after start and
 * stop, a queue's caller and agent, a conference's participant kicked, a webhook delivery replayed, another
 * customer's resources never shown, a bad token refused at login. Screenshots go to {@code target/screenshots/}.
 */
class OperatorConsoleIT {

    /** The promise: a call shows in the live calls table within a second of being placed. */
    private static final Duration LIVE_WITHIN = Duration.ofSeconds(1);
    private static final Duration SOON = Duration.ofSeconds(10);

    private static ConsoleFleet fleet;
    private static ConsoleBrowser browser;

    @BeforeAll
    static void startFleetAndBrowser() {
        if (ConsoleBrowser.installed()) {
            fleet = ConsoleFleet.start();
            browser = ConsoleBrowser.open(fleet.gateway());
        }
    }

    /** Each test, not the class, is skipped without a browser: the reports then show every skip and its reason. */
    @BeforeEach
    void needsABrowser() {
        ConsoleBrowser.assumeInstalled();
    }

    @AfterAll
    static void stopFleetAndBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void aCallPlacedOnTheSimulatorShowsInTheLiveCallsTableWithinASecondAndLeavesWhenTheCallerHangsUp() {
        ConsoleCustomer customer = new ConsoleCustomer(fleet);
        String number = customer.numberRunning(ConsoleCustomer.HOLD_FLOW);
        String caller = ConsoleCustomer.randomNumber("+1650");
        By call = rowWhere("calls", "from", caller);
        browser.logIn(customer.token);
        browser.waitForLiveEvents();

        long placed = System.nanoTime();
        String channel = fleet.placeCall(caller, number);
        browser.waitUntil(LIVE_WITHIN, d -> browser.present(call) ? true : null);
        System.out.printf("console: the call showed %d ms after it was placed%n", ConsoleCustomer.since(placed).toMillis());
        assertThat(browser.cell(call, "to")).isEqualTo(number);
        assertThat(browser.cell(call, "direction")).isEqualTo("incoming");
        // The flow answered and holds the caller: status, flow step and a ticking duration, all without a reload.
        browser.waitForCell(SOON, call, "status", "progressing");
        browser.waitForCell(SOON, call, "step", "sleep (hold)");
        browser.waitUntil(SOON, d -> browser.cell(call, "duration").matches("0:0[1-9]") ? true : null);
        browser.screenshot("calls");

        long hungUp = System.nanoTime();
        fleet.callerHangsUp(channel);
        browser.waitUntil(LIVE_WITHIN, d -> browser.present(call) ? null : true);
        System.out.printf("console: the call left the table %d ms after the caller hung up%n",
                ConsoleCustomer.since(hungUp).toMillis());
    }

    @Test
    void hangingUpFromTheConsoleEndsTheCallAndItsChannelAtTheSimulator() {
        ConsoleCustomer customer = new ConsoleCustomer(fleet);
        String number = customer.numberRunning(ConsoleCustomer.HOLD_FLOW);
        String caller = ConsoleCustomer.randomNumber("+1650");
        By call = rowWhere("calls", "from", caller);
        browser.logIn(customer.token);
        browser.show("numbers", "numbers");
        browser.waitForCell(SOON, rowWhere("numbers", "number", number), "flow", "hold line");
        browser.screenshot("numbers");
        browser.show("flows", "flows");
        browser.screenshot("flows");
        browser.show("calls", "calls");
        String channel = fleet.placeCall(caller, number);
        browser.waitForCell(SOON, call, "status", "progressing");

        browser.click(call, "button.hangup");

        browser.waitUntil(SOON, d -> browser.present(call) ? null : true);
        browser.waitUntil(SOON, d -> fleet.liveChannels().contains(channel) ? null : true);
        assertThat(customer.get("/calls?status=hangup").path("result").get(0).path("hangup_by").asString())
                .isEqualTo("local");
    }

    @Test
    void aCallTransferredFromTheConsoleIsBridgedToItsDestination() {
        ConsoleCustomer customer = new ConsoleCustomer(fleet);
        String number = customer.numberRunning(ConsoleCustomer.HOLD_FLOW);
        String caller = ConsoleCustomer.randomNumber("+1650");
        String destination = ConsoleCustomer.randomNumber("+1650");
        By call = rowWhere("calls", "from", caller);
        browser.logIn(customer.token);
        String channel = fleet.placeCall(caller, number);
        browser.waitForCell(SOON, call, "status", "progressing");

        browser.click(call, "button.transfer");
        browser.find(By.id("transfer-destination")).sendKeys(destination);
        browser.find(By.id("transfer-submit")).click();

        // The transfer completes (the simulator answers the destination) and the new leg shows as a live call.
        browser.waitForCell(SOON, rowWhere("transfer-table", "destination", destination), "status", "completed");
        By leg = rowWhere("calls", "to", destination);
        browser.waitForCell(SOON, leg, "status", "progressing");
        assertThat(browser.cell(leg, "direction")).isEqualTo("outgoing");
        assertThat(browser.present(call)).as("the caller is still on the line").isTrue();
        browser.screenshot("calls-transferred");
        fleet.callerHangsUp(channel);
        browser.waitUntil(SOON, d -> browser.present(call) || browser.present(leg) ? null : true);
    }

    @Test
    void aCampaignStartedFromTheConsoleShowsItsDialsRisingAndStopsWhenAsked() {
        ConsoleCustomer customer = new ConsoleCustomer(fleet);
        String prefix = ConsoleCustomer.targetPrefix();
        fleet.planOriginate(prefix, "answered", Duration.ofMillis(300));
        String id = customer.campaign("spring sale", prefix, 20, 2).path("id").asString();
        By campaign = rowWith("campaign-id", id);
        browser.logIn(customer.token);
        browser.show("campaigns", "campaigns");
        assertThat(browser.cell(campaign, "status")).isEqualTo("stop");
        assertThat(browser.cell(campaign, "dialed")).isEqualTo("0");

        browser.click(campaign, "button.start");

        browser.waitForCell(Duration.ofSeconds(5), campaign, "status", "run");
        browser.waitUntil(Duration.ofSeconds(15), d -> dialed(campaign) >= 2 ? true : null);
        int early = dialed(campaign);
        browser.waitUntil(Duration.ofSeconds(15), d -> dialed(campaign) >= early + 2 ? true : null);
        browser.waitUntil(Duration.ofSeconds(15), d -> Integer.parseInt(browser.cell(campaign, "answered")) >= 1 ? true : null);
        browser.screenshot("campaigns");

        browser.click(campaign, "button.stop");

        browser.waitForCell(Duration.ofSeconds(30), campaign, "status", "stop");
        int dialed = dialed(campaign);
        assertThat(dialed).as("dials shown once stopped").isBetween(early + 2, 19);
        assertThat(customer.get("/campaigns/" + id + "/statistics").path("dialed").asInt()).isEqualTo(dialed);
    }

    @Test
    void aQueueShowsItsWaitingCallerAndTheAgentWhoTakesIt() {
        ConsoleCustomer customer = new ConsoleCustomer(fleet);
        String agent = customer.create("/agents", "{\"name\": \"Alice\", \"addresses\": [{\"type\": \"tel\", \"target\": \""
                + ConsoleCustomer.randomNumber("+1650") + "\"}]}").path("id").asString();
        String queue = customer.create("/queues", "{\"name\": \"support\"}").path("id").asString();
        String number = customer.numberRunning("{\"name\": \"support line\", \"actions\": [{\"type\": \"answer\"},"
                + "{\"type\": \"queue_join\", \"option\": {\"queue_id\": \"" + queue + "\"}}]}");
        By alice = rowWith("agent-id", agent);
        browser.logIn(customer.token);
        browser.show("queues", "agents");
        browser.waitForLiveEvents();
        assertThat(browser.cell(alice, "status")).isEqualTo("offline");

        String channel = fleet.placeCall(ConsoleCustomer.randomNumber("+1650"), number);
        By waiting = rowWhere("queuecalls", "status", "waiting");
        browser.waitUntil(SOON, d -> browser.present(waiting) ? true : null);
        assertThat(browser.cell(waiting, "queue")).isEqualTo("support");
        browser.waitForCell(Duration.ofSeconds(5), rowWith("queue-id", queue), "waiting", "1");
        browser.screenshot("queues");

        customer.put("/agents/" + agent + "/status", "{\"status\": \"available\"}");
        // Alice is rung and answers (the simulator answers the originate): both rows follow without a reload.
        browser.waitForCell(Duration.ofSeconds(15), alice, "status", "busy");
        browser.waitUntil(SOON, d -> browser.present(rowWhere("queuecalls", "status", "connected")) ? true : null);
        fleet.callerHangsUp(channel);
        browser.waitUntil(SOON, d -> browser.rows("queuecalls").isEmpty() ? true : null);
    }

    @Test
    void aConferenceShowsItsParticipantAndTheConsoleKicksIt() {
        ConsoleCustomer customer = new ConsoleCustomer(fleet);
        String conference = customer.create("/conferences", "{\"name\": \"daily standup\"}").path("id").asString();
        String number = customer.numberRunning("{\"name\": \"standup line\", \"actions\": [{\"type\": \"answer\"},"
                + "{\"type\": \"conference_join\", \"option\": {\"conference_id\": \"" + conference + "\"}},"
                + "{\"type\": \"hangup\"}]}");
        By room = rowWith("conference-id", conference);
        By joined = rowWhere("participants", "status", "joined");
        browser.logIn(customer.token);
        browser.show("conferences/" + conference, "participants");
        browser.waitForLiveEvents();

        String channel = fleet.placeCall(ConsoleCustomer.randomNumber("+1650"), number);
        browser.waitUntil(SOON, d -> browser.present(joined) ? true : null);
        browser.waitForCell(Duration.ofSeconds(5), room, "participant-count", "1");
        browser.screenshot("conferences");

        browser.click(joined, "button.kick");

        browser.waitUntil(SOON, d -> browser.rows("participants").isEmpty() ? true : null);
        browser.waitForCell(Duration.ofSeconds(5), room, "participant-count", "0");
        // Kicked, the caller's flow went on to its hangup.
        browser.waitUntil(SOON, d -> fleet.liveChannels().contains(channel) ? null : true);
    }

    @Test
    void aWebhookDeliveryIsReplayedFromTheConsoleToTheReceiver() throws Exception {
        ConsoleCustomer customer = new ConsoleCustomer(fleet);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String webhook = customer.create("/webhooks", "{\"url\": \"" + receiver.url() + "\", \"event_types\": "
                    + "[\"flow_created\"], \"description\": \"crm sync\"}").path("id").asString();
            customer.create("/flows", ConsoleCustomer.HOLD_FLOW);
            await().atMost(Duration.ofSeconds(15)).until(() -> receiver.received() == 1);
            String original = customer.get("/webhooks/" + webhook + "/deliveries").path("result").get(0).path("id").asString();
            By delivery = rowWith("delivery-id", original);
            browser.logIn(customer.token);
            browser.show("webhooks/" + webhook, "deliveries");
            browser.waitForCell(SOON, delivery, "status", "delivered");

            browser.click(delivery, "button.replay");

            await().atMost(Duration.ofSeconds(15)).until(() -> receiver.received() == 2);
            assertThat(receiver.webhookIds()).hasSize(2).allMatch(receiver.webhookIds().getFirst()::equals);
            // The replay (newest first) names the delivery it repeats, and shows delivered in turn.
            browser.waitUntil(Duration.ofSeconds(15), d -> browser.rows("deliveries").size() == 2
                    && browser.rowTexts("deliveries").getFirst().contains("delivered") ? true : null);
            assertThat(browser.rowTexts("deliveries").getFirst()).contains(original.substring(0, 8));
            browser.screenshot("webhooks");
        }
    }

    @Test
    void anotherCustomersTokenSeesNoneOfTheCustomersCallsOrCampaigns() {
        ConsoleCustomer owner = new ConsoleCustomer(fleet);
        ConsoleCustomer stranger = new ConsoleCustomer(fleet);
        String number = owner.numberRunning(ConsoleCustomer.HOLD_FLOW);
        String flowId = owner.get("/flows").path("result").get(0).path("id").asString();
        owner.campaign("owner's campaign", ConsoleCustomer.targetPrefix(), 2, 1);
        String caller = ConsoleCustomer.randomNumber("+1650");
        browser.logIn(stranger.token);
        browser.waitForLiveEvents();

        String channel = fleet.placeCall(caller, number);
        // The owner's call is up (its own API lists it) while the stranger's live table stays empty.
        await().atMost(SOON).until(() -> owner.get("/calls?status=progressing").path("result").size() == 1);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> browser.rows("calls").isEmpty());
        assertThat(browser.text(By.id("call-count"))).isEqualTo("0 live");
        browser.show("campaigns", "campaigns");
        assertThat(browser.rows("campaigns")).isEmpty();
        browser.show("flows", "flows");
        assertThat(browser.rows("flows")).isEmpty();
        browser.show("flows/" + flowId, "banner");
        browser.waitUntil(SOON, d -> browser.text(By.id("banner")).contains("not_found") ? true : null);
        fleet.callerHangsUp(channel);
    }

    @Test
    void aBadTokenIsRefusedAtTheLoginWithAMessageSayingSo() {
        browser.showLoginForm();
        browser.find(By.id("token")).sendKeys("not-a-token");
        browser.find(By.id("login-button")).click();
        browser.waitUntil(SOON, d -> browser.text(By.id("login-error")).isEmpty() ? null : true);
        assertThat(browser.text(By.id("login-error"))).isEqualTo("The token was refused: invalid bearer token.");
        browser.screenshot("login-refused");

        browser.showLoginForm();
        String forged = JwtTokens.mint("a-key-that-is-not-the-fleets-key-at-all", UUID.randomUUID(), Duration.ofHours(1));
        browser.find(By.id("token")).sendKeys(forged);
        browser.find(By.id("login-button")).click();
        browser.waitUntil(SOON, d -> browser.text(By.id("login-error")).isEmpty() ? null : true);
        assertThat(browser.text(By.id("login-error"))).isEqualTo("The token was refused: invalid bearer token.");
        assertThat(browser.find(By.id("top")).isDisplayed()).as("the console's pages stay closed").isFalse();
    }

    private static int dialed(By campaign) {
        return Integer.parseInt(browser.cell(campaign, "dialed"));
    }
}
