package net.voipbin.queuemanager.queuecall;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import net.voipbin.contract.queuemanager.Queue;
import net.voipbin.contract.queuemanager.Queuecall;
import net.voipbin.contract.queuemanager.QueuecallCreate;
import net.voipbin.contract.queuemanager.QueuecallStatus;
import net.voipbin.queuemanager.queue.QueueService;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.rest.Page;
import net.voipbin.rpc.rest.PageCursor;
import net.voipbin.rpc.rest.PageQuery;

/** Callers in queues: joining (flow-manager's {@code queue_join}), taking out of the line, reading, listing. */
@Service
public class QueuecallService {

    private static final Instant NEWEST = Instant.parse("9999-12-31T00:00:00Z");

    private final QueuecallRepository queuecalls;
    private final QueueService queues;
    private final Admission admission;
    private final QueuecallRemoval removal;
    private final TransactionTemplate tx;

    QueuecallService(QueuecallRepository queuecalls, QueueService queues, Admission admission, QueuecallRemoval removal,
            TransactionTemplate tx) {
        this.queuecalls = queuecalls;
        this.queues = queues;
        this.admission = admission;
        this.removal = removal;
        this.tx = tx;
    }

    /**
     * The call waits in the customer's queue (or is turned to the overflow when the queue is full). Another
     * customer's queue is 404: the flow's action fails instead of the caller waiting for nothing.
     */
    Queuecall join(QueuecallCreate request) {
        Queue queue = queues.get(request.customerId(), request.queueId());
        Effects after = Effects.none();
        Queuecall queuecall = tx.execute(s -> admission.admit(queue, request.referenceId(), request.activeflowId(),
                request.variables(), after).toQueuecall());
        after.run();
        return queuecall;
    }

    /** The customer takes the waiting caller out of the line; the caller's flow goes on. */
    Queuecall kick(UUID customerId, UUID id) {
        return removal.kick(customerId, id);
    }

    public Queuecall get(UUID customerId, UUID id) {
        return queuecalls.findByIdAndCustomerId(id, customerId).map(QueuecallEntity::toQueuecall)
                .orElseThrow(() -> ApiException.notFound("queuecall " + id));
    }

    Page<Queuecall> list(UUID customerId, UUID queueId, String status, PageQuery page) {
        String statusName = null;
        if (status != null) {
            try {
                statusName = QueuecallStatus.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT)).name();
            } catch (IllegalArgumentException e) {
                throw ApiException.invalidField("status",
                        "must be one of initiating, waiting, offering, connected, done, abandoned, timeout, kicked");
            }
        }
        Instant after = page.cursor().map(PageCursor::tmCreate).orElse(NEWEST);
        UUID afterId = page.cursor().map(PageCursor::id).orElse(new UUID(-1L, -1L));
        List<Queuecall> rows = queuecalls.page(customerId, queueId, statusName, after, afterId, page.pageSize() + 1)
                .stream().map(QueuecallEntity::toQueuecall).toList();
        return Page.of(rows, page.pageSize(), q -> new PageCursor(q.tmCreate(), q.id()));
    }
}
