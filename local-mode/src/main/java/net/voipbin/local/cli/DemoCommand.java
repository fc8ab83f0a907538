package net.voipbin.local.cli;

import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;

import net.voipbin.local.home.LocalSettings;
import net.voipbin.local.status.StatusReport;
import net.voipbin.rpc.auth.JwtTokens;

/**
 * {@code ./voipbin demo}: what a new user does first, in one command. Through the public REST API with
 * the development customer's token: an IVR flow (answer, talk, digits_receive, branch, play, hangup)
 * and a number that runs it; then a caller dials the number and presses 2.
 */
public final class DemoCommand {

    static final String DIGIT = "2";
    private static final SecureRandom RANDOM = new SecureRandom();

    static final String IVR = """
            {"name": "demo ivr", "detail": "press 1 for sales, 2 for support", "actions": [
              {"id": "answer", "type": "answer", "option": {}},
              {"id": "greet", "type": "talk", "option": {"text": "Welcome to voipbin. Press 1 for sales, 2 for support.", "language": "en-US"}},
              {"id": "choice", "type": "digits_receive", "option": {"timeout_ms": 10000, "max_length": 1}},
              {"id": "menu", "type": "branch", "option": {"variable": "voipbin.call.digits",
                  "target_ids": {"1": "sales", "2": "support"}, "default_target_id": "bye"}},
              {"id": "sales", "type": "play", "option": {"media": ["sound:option-a"]}, "next_id": "bye"},
              {"id": "support", "type": "play", "option": {"media": ["sound:option-b"]}},
              {"id": "bye", "type": "hangup", "option": {"reason": "normal"}}
            ]}""";

    private final LocalSettings settings;

    public DemoCommand(LocalSettings settings) {
        this.settings = settings;
    }

    public int run(List<String> args) throws InterruptedException {
        StatusReport fleet = CallCommand.runningFleet(settings);
        UUID customer = fleet.customerId();
        String token = JwtTokens.mint(settings.home().jwtSecret(), customer, StartCommand.TOKEN_VALIDITY);
        String flowId = LocalHttp.post(fleet.urlOf("api-gateway") + "/v1.0/flows", token, IVR).path("id").asString();
        System.out.println("created flow " + flowId + " (POST " + fleet.urlOf("api-gateway") + "/v1.0/flows):"
                + " answer, talk, digits_receive, branch on the digit, play, hangup");
        String number = "+1555" + (1_000_000 + RANDOM.nextInt(9_000_000));
        LocalHttp.post(fleet.urlOf("api-gateway") + "/v1.0/numbers", token,
                "{\"number\": \"" + number + "\", \"flow_id\": \"" + flowId + "\", \"name\": \"demo line\"}");
        System.out.println("created number " + number + " -> flow " + flowId + " (POST " + fleet.urlOf("api-gateway")
                + "/v1.0/numbers)");
        System.out.println();
        CallSession.Outcome outcome = new CallSession(fleet, settings.home(), System.out)
                .run(new CallOptions(number, CallOptions.DEFAULT_CALLER, DIGIT, null, CallOptions.DEFAULT_TIMEOUT));
        System.out.println();
        System.out.println("call it again: ./voipbin call " + number + " --press 1");
        System.out.println("the call record: curl -H \"Authorization: Bearer $(./voipbin token)\" "
                + fleet.urlOf("api-gateway") + "/v1.0/calls/" + outcome.callId());
        return outcome.ended() ? 0 : 1;
    }
}
