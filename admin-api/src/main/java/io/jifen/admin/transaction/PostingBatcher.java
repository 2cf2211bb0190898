package io.jifen.admin.transaction;

import io.jifen.admin.config.JifenConfig;
import io.jifen.admin.member.LoyaltyMember;
import io.jifen.admin.member.MemberService;
import io.jifen.admin.shared.IdempotentAnswer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Group commit for postings. Under load, a database commit per posting costs PostgreSQL about a
 * third of a posting's work (BEGIN, COMMIT, the WAL flush, the round trips); here postings that
 * arrive together share one transaction. Each of {@code jifen.postings.lanes} lanes has one thread
 * that takes whatever is waiting (up to {@code jifen.postings.batch-size}) and runs it as one batch:
 * it locks the batch's members in id order (the order every other operation locks several members
 * in, so no lock cycle forms over existing members), then runs each posting exactly as
 * alone, one after the other, and commits once. A member always goes to the same lane, so its
 * postings keep their arrival order. Nobody is answered before the commit.
 * <p>
 * A posting refused before it wrote anything (a replay with another payload, no active version, an
 * unknown member, a refused evaluation) is answered with its problem and the batch goes on. Any other
 * failure — a refusal after the posting auto-enrolled its member, a database error — rolls the whole
 * batch back, and every posting of it runs again alone in its own transaction, so each gets exactly
 * the answer it would have had unbatched and nothing is half-written. {@code lanes = 0} turns batching
 * off: every posting runs in its caller's thread and its own transaction.
 */
@ApplicationScoped
public class PostingBatcher {
    private record Waiting(PostingCommand posting, CompletableFuture<IdempotentAnswer> answer) {
    }

    @Inject
    JifenConfig config;

    @Inject
    MemberService members;

    @Inject
    PostingWriter writer;

    @Inject
    MeterRegistry metrics;

    private volatile List<Lane> lanes;

    /** Runs the posting (batched with others when lanes are on) and returns its answer or throws its problem. */
    public IdempotentAnswer post(PostingCommand posting) {
        List<Lane> running = lanes();
        if (running.isEmpty()) {
            return alone(posting);
        }
        Lane lane = running.get(Math.floorMod(posting.member().hashCode(), running.size()));
        CompletableFuture<IdempotentAnswer> answer = new CompletableFuture<>();
        lane.queue.add(new Waiting(posting, answer));
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the posting's batch", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r; // the posting's own problem or database error, mapped like an unbatched one
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** One posting in its own transaction; a refusal rolls it back and is thrown. */
    IdempotentAnswer alone(PostingCommand posting) {
        return QuarkusTransaction.requiringNew().call(() -> {
            PostingWriter.Attempt attempt = writer.attempt(posting, null);
            if (attempt instanceof PostingWriter.Attempt.Refused r) {
                throw r.problem();
            }
            return ((PostingWriter.Attempt.Answered) attempt).answer();
        });
    }

    private List<Lane> lanes() {
        List<Lane> current = lanes;
        if (current == null) {
            synchronized (this) {
                if (lanes == null) {
                    List<Lane> started = new ArrayList<>();
                    for (int i = 0; i < config.postings().lanes(); i++) {
                        started.add(new Lane(i, config.postings().batchSize()));
                    }
                    lanes = List.copyOf(started);
                }
                current = lanes;
            }
        }
        return current;
    }

    void stop(@Observes ShutdownEvent event) {
        List<Lane> current;
        synchronized (this) {
            current = lanes;
            lanes = List.of(); // from now on a posting runs alone, in its caller's thread
        }
        if (current != null) {
            current.forEach(lane -> lane.thread.interrupt());
        }
    }

    /** Runs the postings as one batch, as a lane does, and answers each. */
    void answer(List<Waiting> batch) {
        List<PostingWriter.Attempt> attempts = batch.size() == 1 ? List.of() : together(batch);
        if (attempts.isEmpty()) {
            for (Waiting w : batch) {
                try {
                    w.answer().complete(alone(w.posting()));
                } catch (RuntimeException e) {
                    w.answer().completeExceptionally(e);
                }
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            if (attempts.get(i) instanceof PostingWriter.Attempt.Refused r) {
                batch.get(i).answer().completeExceptionally(r.problem());
            } else {
                batch.get(i).answer().complete(((PostingWriter.Attempt.Answered) attempts.get(i)).answer());
            }
        }
    }

    /** Tests: runs these postings as one batch, whatever the lanes, and returns their answers in order. */
    List<CompletableFuture<IdempotentAnswer>> asOneBatch(List<PostingCommand> postings) {
        List<Waiting> batch = postings.stream().map(p -> new Waiting(p, new CompletableFuture<IdempotentAnswer>())).toList();
        answer(batch);
        return batch.stream().map(Waiting::answer).toList();
    }

    private final Map<String, Counter> batches = new ConcurrentHashMap<>();

    /** Batches by outcome: {@code committed}, or {@code rolled-back} (then each of its postings ran alone). */
    Counter batches(String outcome) {
        return batches.computeIfAbsent(outcome, o -> metrics.counter("jifen.posting.batches", "outcome", o));
    }

    /** Runs a batch in one transaction; empty when it had to be rolled back (then each posting runs alone). */
    private List<PostingWriter.Attempt> together(List<Waiting> batch) {
        try {
            List<PostingWriter.Attempt> committed = QuarkusTransaction.requiringNew().call(() -> {
                Map<MemberService.Key, LoyaltyMember> locked = members.lockInIdOrder(batch.stream()
                        .map(w -> w.posting().member()).distinct().toList());
                List<PostingWriter.Attempt> attempts = new ArrayList<>(batch.size());
                for (Waiting w : batch) {
                    // the row read under the batch's lock serves the member's first posting; a later one reads
                    // the member again, after the first has changed it
                    LoyaltyMember member = locked.remove(w.posting().member());
                    PostingWriter.Attempt attempt = writer.attempt(w.posting(), member);
                    if (attempt instanceof PostingWriter.Attempt.Refused r && r.wrote()) {
                        throw new RollBackBatch();
                    }
                    attempts.add(attempt);
                }
                return attempts;
            });
            batches("committed").increment();
            return committed;
        } catch (RollBackBatch e) {
            batches("rolled-back").increment();
            return List.of();
        } catch (RuntimeException e) {
            batches("rolled-back").increment();
            Log.infof("a batch of %d postings failed (%s); running them one by one", batch.size(), e.toString());
            return List.of();
        }
    }

    private static final class RollBackBatch extends RuntimeException {
        RollBackBatch() {
            super(null, null, false, false);
        }
    }

    /** One thread and its queue; runs batches until the service stops. */
    private final class Lane implements Runnable {
        final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
        final Thread thread;
        final int batchSize;

        Lane(int index, int batchSize) {
            this.batchSize = batchSize;
            this.thread = new Thread(this, "posting-lane-" + index);
            this.thread.setDaemon(true);
            this.thread.start();
        }

        @Override
        public void run() {
            List<Waiting> batch = new ArrayList<>(batchSize);
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    batch.add(queue.take());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                queue.drainTo(batch, batchSize - 1);
                try {
                    answer(batch);
                } catch (Throwable unexpected) {
                    // the lane must outlive anything a batch throws, or its members would wait forever
                    Log.error("a posting batch failed unexpectedly", unexpected);
                    batch.forEach(w -> w.answer().completeExceptionally(unexpected));
                }
                batch.clear();
            }
            // stopping: postings still queued wrote nothing; they are refused and a retry is safe
            List<Waiting> left = new ArrayList<>();
            queue.drainTo(left);
            left.forEach(w -> w.answer().completeExceptionally(new IllegalStateException("the service is stopping")));
        }
    }
}
