package net.voipbin.flowmanager.engine;

import java.util.UUID;

import net.voipbin.contract.callmanager.CallOperationFinished;
import tools.jackson.databind.JsonNode;

/** Something that may complete the action an activeflow waits on; it matches by {@link #key()}. */
public sealed interface Signal {

    String key();

    static String operationKey(String operationId) {
        return "op:" + operationId;
    }

    static String answerKey(UUID callId) {
        return "answer:" + callId;
    }

    static String hangupKey(UUID callId) {
        return "hangup:" + callId;
    }

    /** call-manager's {@code call_operation_finished} for the operation id the executor chose. */
    record OperationFinished(CallOperationFinished event) implements Signal {
        @Override
        public String key() {
            return operationKey(event.operationId());
        }
    }

    record CallAnswered(UUID callId) implements Signal {
        @Override
        public String key() {
            return answerKey(callId);
        }
    }

    /** A call other than the activeflow's own hung up (a connect destination); the own call ends the flow. */
    record CallHungup(UUID callId) implements Signal {
        @Override
        public String key() {
            return hangupKey(callId);
        }
    }

    record TimerFired(String key) implements Signal {
    }

    /** Another service's event (queue-manager, conference-manager, pipecat-manager). */
    record External(String key, JsonNode data) implements Signal {
    }
}
