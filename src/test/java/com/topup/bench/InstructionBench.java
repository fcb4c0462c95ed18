package com.topup.bench;

import com.topup.instruction.InstructionCorpus;
import com.topup.instruction.InstructionPricer;
import com.topup.instruction.PricedInstruction;
import com.topup.instruction.reading.InstructionInterpreter;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The instruction interpreter on its labelled corpus: accuracy (exact items, problems and spans) and instructions per
 * second on one thread, reading alone and reading plus pricing (carrier lookup, catalogue). In process, no services.
 * Usage: bin/bench instruction [seconds=5]
 */
public final class InstructionBench {

    private InstructionBench() {
    }

    public static void main(String[] args) {
        System.out.println(MachineLine.now());
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        List<InstructionCorpus.Case> cases = InstructionCorpus.load();
        InstructionInterpreter interpreter = InstructionCorpus.interpreter();
        InstructionPricer pricer = InstructionCorpus.pricer();

        int right = 0;
        for (InstructionCorpus.Case c : cases) {
            String mismatch = InstructionCorpus.mismatch(c, pricer.price(interpreter.read(c.text()), InstructionCorpus::price));
            if (mismatch == null) {
                right++;
            } else {
                System.out.println("WRONG " + mismatch);
            }
        }
        System.out.printf("INSTRUCTION CORPUS %d cases, %d read exactly (%.1f %%)%n", cases.size(), right,
                100.0 * right / cases.size());

        String[] texts = cases.stream().map(InstructionCorpus.Case::text).toArray(String[]::new);
        // the baseline: what a merchant might write for themselves, one regular expression for mobile numbers
        Pattern mobile = Pattern.compile("1[3-9]\\d{9}");
        double baseline = measure("baseline (regex)", seconds, texts, text -> (int) mobile.matcher(text).results().count());
        double reading = measure("reading", seconds, texts, text -> interpreter.read(text).proposals().size());
        System.out.printf("INSTRUCTION SPEED reading / baseline = %.2f%n", reading / baseline);
        measure("reading + pricing", seconds, texts,
                text -> {
                    PricedInstruction priced = pricer.price(interpreter.read(text), InstructionCorpus::price);
                    return priced.items().size();
                });
    }

    private interface Work {
        int run(String text);
    }

    private static double measure(String what, double seconds, String[] texts, Work work) {
        long sink = 0;
        long warmUntil = System.nanoTime() + 1_000_000_000L;
        int i = 0;
        while (System.nanoTime() < warmUntil) {
            sink += work.run(texts[i++ % texts.length]);
        }
        long start = System.nanoTime();
        long until = start + (long) (seconds * 1e9);
        long done = 0;
        while (System.nanoTime() < until) {
            for (int k = 0; k < 100; k++) {
                sink += work.run(texts[i++ % texts.length]);
            }
            done += 100;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("INSTRUCTION SPEED %-18s %,.0f instructions/s on one thread (%,d in %.1f s; mean %.1f µs; %d)%n",
                what, done / elapsed, done, elapsed, elapsed * 1e6 / done, sink % 2);
        return done / elapsed;
    }
}
