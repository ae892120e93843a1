import com.sun.tools.attach.VirtualMachine;

/**
 * Loads an agent library into a running JVM: {@code java ProfilerAttach.java PID LIBRARY OPTIONS}.
 * profile.sh starts and stops async-profiler with it; {@code jcmd PID JVMTI.agent_load} would
 * split async-profiler's options at their {@code =} signs.
 */
public final class ProfilerAttach {
  public static void main(String[] args) throws Exception {
    VirtualMachine vm = VirtualMachine.attach(args[0]);
    try {
      vm.loadAgentPath(args[1], args[2]);
    } finally {
      vm.detach();
    }
  }
}
