package dev.unwind.lab.scenario;

/** A fault the lab injects. Calls are counted from 1, per node, over the commands that match. */
public sealed interface FaultSpec permits FaultSpec.CommandFails, FaultSpec.ConnectionDrops, FaultSpec.UcpError {

    /** A short stable name for reports ("k0s start on mke-manager-2, call 1"). */
    String describe();

    /**
     * The {@code call}-th command on {@code node} whose command line contains {@code contains} does not run:
     * it ends with {@code exitCode} and {@code stderr}.
     */
    record CommandFails(String node, String contains, int call, int exitCode, String stderr) implements FaultSpec {
        @Override
        public String describe() {
            return "'" + contains + "' fails on " + node + " at call " + call;
        }
    }

    /** At the {@code call}-th command on {@code node} containing {@code contains}, the SSH connection is dropped. */
    record ConnectionDrops(String node, String contains, int call) implements FaultSpec {
        @Override
        public String describe() {
            return "connection to " + node + " dropped at '" + contains + "' call " + call;
        }
    }

    /** The {@code call}-th request to the UCP API path {@code path} answers HTTP {@code status}. */
    record UcpError(String path, int call, int status) implements FaultSpec {
        @Override
        public String describe() {
            return "UCP " + path + " answers " + status + " at call " + call;
        }
    }
}
