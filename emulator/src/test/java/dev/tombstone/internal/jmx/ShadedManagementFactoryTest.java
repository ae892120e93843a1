package dev.tombstone.internal.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.junit.jupiter.api.Test;

class ShadedManagementFactoryTest {
  /** A bean shaped like the ones XNIO registers. */
  public interface ProbeMXBean {
    String getName();
  }

  @Test
  void mbeanServer_isPrivate_andRegistersAndUnregistersBeans() throws Exception {
    MBeanServer server = ShadedManagementFactory.getPlatformMBeanServer();
    ObjectName name = new ObjectName("dev.tombstone.test", "type", "Probe");

    server.registerMBean(new StandardMBean(() -> "probe", ProbeMXBean.class, true), name);

    assertThat(server.isRegistered(name)).isTrue();
    assertThat(server.getAttribute(name, "Name")).isEqualTo("probe");
    server.unregisterMBean(name);
    assertThat(server.isRegistered(name)).isFalse();
    assertThat(server).isSameAs(ShadedManagementFactory.getPlatformMBeanServer())
        .isNotSameAs(ManagementFactory.getPlatformMBeanServer());
  }

  @Test
  void platformMxBean_isTheJdksOwn() {
    assertThat(ShadedManagementFactory.getPlatformMXBean(RuntimeMXBean.class))
        .isSameAs(ManagementFactory.getPlatformMXBean(RuntimeMXBean.class));
  }
}
