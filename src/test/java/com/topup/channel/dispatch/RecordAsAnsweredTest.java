package com.topup.channel.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** A poll's submit answers are recorded as they come: an early one never waits for a slow one. */
class RecordAsAnsweredTest {

    private final List<UniEmitter<? super String>> emitters = new CopyOnWriteArrayList<>();

    @Test
    void theFirstAnswerIsRecordedAloneAndThoseThatCameMeanwhileTogether() throws Exception {
        List<List<String>> recorded = new CopyOnWriteArrayList<>();
        CountDownLatch firstRecording = new CountDownLatch(1);
        CountDownLatch othersArrived = new CountDownLatch(1);
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> Dispatcher.recordAsAnswered(answers(4), group -> {
            recorded.add(group);
            if (recorded.size() == 1) {
                firstRecording.countDown();
                await(othersArrived);
            }
        }));
        awaitSubscribed(4);

        emitters.get(2).complete("c");
        assertTrue(firstRecording.await(10, TimeUnit.SECONDS), "the first answer is recorded without waiting for the rest");
        assertEquals(List.of(List.of("c")), recorded);
        emitters.get(0).complete("a");
        emitters.get(3).complete("d");
        othersArrived.countDown();
        waitUntil(() -> recorded.size() == 2);
        assertEquals(List.of(List.of("c"), List.of("a", "d")), recorded, "those that came meanwhile, together");
        assertFalse(done.isDone(), "still waiting for the last answer");

        emitters.get(1).complete("b");
        done.get(10, TimeUnit.SECONDS);
        assertEquals(List.of(List.of("c"), List.of("a", "d"), List.of("b")), recorded);
    }

    @Test
    void answersThatAreAllInBeforeTheFirstRecordingGoTogether() {
        List<List<String>> recorded = new ArrayList<>();
        Dispatcher.recordAsAnswered(List.of(Uni.createFrom().item("a"), Uni.createFrom().item("b"),
                Uni.createFrom().item("c")), recorded::add);
        assertEquals(List.of(List.of("a", "b", "c")), recorded);
    }

    @Test
    void anInterruptedWaitReturnsWithTheInterruptKept() throws Exception {
        List<List<String>> recorded = new CopyOnWriteArrayList<>();
        AtomicReference<Boolean> interruptKept = new AtomicReference<>();
        Thread waiting = new Thread(() -> {
            Dispatcher.recordAsAnswered(answers(2), recorded::add);
            interruptKept.set(Thread.currentThread().isInterrupted());
        });
        waiting.start();
        awaitSubscribed(2);
        emitters.get(0).complete("a");
        waitUntil(() -> recorded.size() == 1);
        waiting.interrupt();
        waiting.join(10_000);
        assertEquals(List.of(List.of("a")), recorded);
        assertEquals(Boolean.TRUE, interruptKept.get());
    }

    private List<Uni<String>> answers(int count) {
        List<Uni<String>> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            answers.add(Uni.createFrom().emitter(emitter -> register(index, emitter)));
        }
        return answers;
    }

    /** Emitters are kept in the answers' order, whatever order they are subscribed in. */
    private synchronized void register(int index, UniEmitter<? super String> emitter) {
        while (emitters.size() <= index) {
            emitters.add(null);
        }
        emitters.set(index, emitter);
    }

    private void awaitSubscribed(int count) throws InterruptedException {
        waitUntil(() -> emitters.size() == count && emitters.stream().allMatch(e -> e != null));
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met within 10 s");
            Thread.sleep(1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
