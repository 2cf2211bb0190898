package io.jifen.engine;

/**
 * Called on the compiling thread: {@link #compiling} once a compile holds its slot, before any
 * work; {@link #ended} after it has given the slot back, whether it finished or was abandoned. Lets
 * a test hold compiles (with a latch) to fill every slot deterministically, make one outlive its
 * time limit without depending on how fast the machine is, and know when an abandoned one has
 * stopped. Production code passes {@link #NONE}.
 */
@FunctionalInterface
public interface CompileHook {
    CompileHook NONE = contentHash -> {
    };

    void compiling(String contentHash);

    default void ended(String contentHash) {
    }
}
