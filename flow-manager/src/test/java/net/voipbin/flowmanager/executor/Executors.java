package net.voipbin.flowmanager.executor;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import net.voipbin.contract.pipecatmanager.PipecatcallCreate;
import net.voipbin.flowmanager.engine.ActionExecutor;
import net.voipbin.flowmanager.engine.TestContexts;
import net.voipbin.flowmanager.external.ExternalServices;
import net.voipbin.flowmanager.external.ServiceRequests;
import net.voipbin.flowmanager.http.CustomerHttp;

/** The whole executor table over fakes, for engine tests. */
public final class Executors {

    private Executors() {
    }

    public static List<ActionExecutor> all(FakeCallCommands calls) {
        ExternalServices none = new ExternalServices() {
            @Override
            public UUID joinQueue(ServiceRequests.QueuecallCreate request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public UUID joinConference(ServiceRequests.ConferencecallCreate request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public UUID startAiTalk(PipecatcallCreate request) {
                throw new UnsupportedOperationException();
            }
        };
        CustomerHttp http = (url, body, secret, timeout) -> new CustomerHttp.Response(500, new byte[0]);
        return List.of(new AnswerExecutor(calls), new PlayExecutor(calls), new TalkExecutor(calls),
                new DigitsReceiveExecutor(calls), new DigitsSendExecutor(calls), new HangupExecutor(calls),
                new RecordingStartExecutor(calls), new RecordingStopExecutor(calls), new EchoExecutor(calls),
                new BeepExecutor(calls), new MuteExecutor(calls), new BranchExecutor(), new GotoExecutor(),
                new SleepExecutor(), new VariableSetExecutor(), new ConditionVariableExecutor(),
                new ConditionCallDigitsExecutor(), new ConditionDatetimeExecutor(),
                new FetchFlowExecutor((customer, flow) -> Optional.empty()), new StopExecutor(),
                new ConnectExecutor(calls), new TransferExecutor(calls, (customer, flow) -> Optional.empty()), new QueueJoinExecutor(none),
                new ConferenceJoinExecutor(none), new AiTalkExecutor(none), new WebhookSendExecutor(http, TestContexts.JSON),
                new FetchExecutor(http, TestContexts.JSON, TestContexts.VALIDATOR));
    }
}
