package dev.tombstone.internal.jmx;

import java.lang.management.PlatformManagedObject;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;

/**
 * Stands in for {@code java.lang.management.ManagementFactory} inside the shaded JAR: the shade
 * plugin rewrites the bundled libraries' references to that class into references to this one.
 *
 * <p>XNIO registers MBeans on every start, and its first call to {@code getPlatformMBeanServer}
 * makes the JDK create the platform MBean server and register every platform MXBean: several
 * hundred classes and about 150 ms on a small machine, for beans nobody looks at in a test
 * emulator. Here the libraries get a private MBean server instead, created on first use; the
 * application's platform MBean server is left alone. Nothing outside the shaded JAR calls this.
 */
public final class ShadedManagementFactory {
  private ShadedManagementFactory() {}

  private static final class PrivateServer {
    static final MBeanServer INSTANCE = MBeanServerFactory.newMBeanServer();
  }

  /** A private MBean server for the bundled libraries' MBeans. */
  public static MBeanServer getPlatformMBeanServer() {
    return PrivateServer.INSTANCE;
  }

  /** The real platform MXBean: a bundled library asks for the runtime bean on old JDKs. */
  public static <T extends PlatformManagedObject> T getPlatformMXBean(Class<T> type) {
    try {
      // Named at run time: a literal would be rewritten to this class by the shade plugin.
      Class<?> factory =
          Class.forName(String.join(".", "java", "lang", "management", "ManagementFactory"));
      return type.cast(factory.getMethod("getPlatformMXBean", Class.class).invoke(null, type));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the JDK's ManagementFactory is not reachable", e);
    }
  }
}
