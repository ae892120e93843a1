package dev.tombstone.junit;

import dev.tombstone.ManualClock;
import dev.tombstone.Tombstone;
import java.lang.reflect.Field;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstantiationAwareExtension;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Starts Tombstone for tests, resets it between them, creates declared tables, buckets and
 * fixtures, and injects the emulator and ready AWS SDK clients.
 *
 * <p>Two ways in. Declaratively, with {@link TombstoneTest @TombstoneTest} (or
 * {@code @ExtendWith(TombstoneExtension.class)} for the defaults):
 *
 * <pre>{@code
 * @TombstoneTest
 * class UserCleanupTest {
 *   @Test
 *   void deletesUser(DynamoDbClient dynamo, Tombstone tombstone) { ... }
 * }
 * }</pre>
 *
 * <p>Programmatically, with {@code @RegisterExtension} and the {@link #builder()}:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TombstoneExtension TOMBSTONE =
 *     TombstoneExtension.builder().lifecycle(Lifecycle.PER_METHOD).clock(fixedClock).build();
 * }</pre>
 *
 * <p>Injectable, as test or lifecycle method parameters, constructor parameters or
 * {@link Injected @Injected} fields: {@link Tombstone}, the endpoint {@link URI},
 * {@link TombstoneNames}, and when the AWS SDK for Java v2 is on the classpath
 * {@code DynamoDbClient}, {@code DynamoDbAsyncClient}, {@code DynamoDbStreamsClient},
 * {@code S3Client} (path-style), {@code S3AsyncClient}, {@code S3Presigner} (path-style) and
 * {@code DynamoDbEnhancedClient}. Clients use the emulator's region and dummy static credentials
 * and are closed by the extension.
 *
 * <p>Every resource lives in JUnit's {@link Store}: where it is stored decides how long it
 * lives, so this class holds no mutable state and one instance may serve parallel tests.
 */
public final class TombstoneExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterTestExecutionCallback,
        ParameterResolver, TestInstantiationAwareExtension,
        LifecycleMethodExecutionExceptionHandler, InvocationInterceptor {

  static final Namespace NAMESPACE = Namespace.create(TombstoneExtension.class);
  private static final String METHOD_EMULATOR = "emulator of this test";
  private static final String NAMES = "names";
  private static final Set<Class<?>> CORE_TYPES =
      Set.of(Tombstone.class, URI.class, TombstoneNames.class, ManualClock.class);

  private final Optional<Settings> programmatic;

  /** Used by {@code @ExtendWith} and {@link TombstoneTest}; reads the annotation's settings. */
  public TombstoneExtension() {
    this.programmatic = Optional.empty();
  }

  private TombstoneExtension(Settings settings) {
    this.programmatic = Optional.of(settings);
  }

  /** A builder for {@code @RegisterExtension}; its defaults are those of {@link TombstoneTest}. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void beforeAll(ExtensionContext ctx) {
    JupiterVersion.require();
    Settings settings = settings(ctx);
    // Start a shared emulator up front so @Nested classes find and share it; under parallel
    // execution a concurrent class's tests may each have their own instead.
    if (settings.lifecycle() != Lifecycle.PER_METHOD
        && (!Concurrency.enabled(ctx) || ctx.getExecutionMode() == ExecutionMode.SAME_THREAD)
        && external(ctx, settings).isEmpty()) {
      emulator(scope(ctx, settings), settings);
    }
  }

  @Override
  public void beforeEach(ExtensionContext ctx) {
    JupiterVersion.require();
    Settings settings = settings(ctx);
    Scope scope = scope(ctx, settings);
    Endpoint endpoint = endpoint(ctx, scope, settings);
    boolean parallel = Concurrency.enabled(ctx);
    if (parallel && settings.lifecycle() != Lifecycle.PER_METHOD) {
      ConcurrentUse.requireClassLevelEmulator(ctx, settings, endpoint);
    }
    endpoint.tombstone().ifPresent(tombstone -> {
      if (scope.shared()) {
        if (settings.resetBeforeEach()) {
          tombstone.reset();
        }
        tombstone.clearRequests();
      }
    });
    TombstoneNames names = names(ctx, endpoint);
    Declarations declarations = Declarations.of(ctx);
    if (!declarations.isEmpty()) {
      Provisioning.provision(declarations, endpoint, names, ctx,
          type -> resolve(type, ctx, "a declared table or bucket"));
    }
    FaultDeclarations.apply(ctx, endpoint);
    injectFields(ctx, parallel);
    if (settings.sdkSystemProperties()) {
      ctx.getStore(NAMESPACE).put(SdkSystemProperties.class,
          SdkSystemProperties.apply(ctx, endpoint));
    }
  }

  @Override
  public void afterTestExecution(ExtensionContext ctx) {
    ctx.getExecutionException().ifPresent(failure -> attachJournal(ctx, failure));
  }

  /** A failing {@code @BeforeEach} method gets the journal too: its requests are the clue. */
  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext ctx, Throwable failure)
      throws Throwable {
    attachJournal(ctx, failure);
    throw failure;
  }

  /** A failing {@code @AfterEach} method gets it unless the test's own failure has it. */
  @Override
  public void handleAfterEachMethodExecutionException(ExtensionContext ctx, Throwable failure)
      throws Throwable {
    if (ctx.getExecutionException().filter(RequestJournal::isAttached).isEmpty()) {
      attachJournal(ctx, failure);
    }
    throw failure;
  }

  /** A dynamic test runs inside its {@code @TestFactory}'s context and emulator. */
  @Override
  public void interceptDynamicTest(Invocation<Void> invocation,
      DynamicTestInvocationContext invocationContext, ExtensionContext ctx) throws Throwable {
    try {
      invocation.proceed();
    } catch (Throwable failure) {
      Optional<ExtensionContext> factory = Optional.of(ctx);
      while (factory.isPresent() && factory.get().getTestMethod().isEmpty()) {
        factory = factory.get().getParent();
      }
      factory.ifPresent(f -> attachJournal(f, failure));
      throw failure;
    }
  }

  /**
   * Adds the requests the test sent to its failure. Not when a parameter could not be resolved:
   * then the test never ran, and "sent no requests" would point the wrong way.
   */
  private void attachJournal(ExtensionContext test, Throwable failure) {
    Settings settings = settings(test);
    if (!settings.journalOnFailure() || failure instanceof ParameterResolutionException
        || RequestJournal.isAttached(failure)) {
      return;
    }
    Scope scope = scope(test, settings);
    Tombstone tombstone = scope.store().get(scope.key(), Tombstone.class);
    if (tombstone != null) {
      failure.addSuppressed(RequestJournal.of(tombstone));
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext ctx) {
    return isInjectable(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext ctx) {
    return resolve(parameter.getParameter().getType(), ctx,
        "parameter " + parameter.getParameter().getName() + " of "
            + parameter.getDeclaringExecutable());
  }

  /** Constructor parameters then belong to the test, so a per-test emulator can be injected. */
  @Override
  public ExtensionContextScope getTestInstantiationExtensionContextScope(
      ExtensionContext rootContext) {
    return ExtensionContextScope.TEST_METHOD;
  }

  static boolean isInjectable(Class<?> type) {
    return CORE_TYPES.contains(type) || Clients.isClientType(type);
  }

  private Object resolve(Class<?> type, ExtensionContext ctx, String element) {
    Settings settings = settings(ctx);
    Scope scope = scope(ctx, settings);
    Endpoint endpoint = endpoint(ctx, scope, settings);
    if (ctx.getTestMethod().isEmpty()) {
      ConcurrentUse.recordClassLevel(ctx, settings, endpoint, element);
    }
    if (type == Tombstone.class) {
      return endpoint.tombstone().orElseThrow(() -> new ParameterResolutionException(
          "Tombstone: cannot inject Tombstone into " + element + ": the tests run against the"
              + " external endpoint " + endpoint.describe() + " (" + ExternalEndpoint.ENDPOINT
              + "), which has no in-process state to hand out. Inject the SDK clients and"
              + " TombstoneNames instead, or unset " + ExternalEndpoint.ENDPOINT + "."));
    }
    if (type == URI.class) {
      return endpoint.uri().orElseThrow(() -> new ParameterResolutionException(
          "Tombstone: cannot inject the endpoint URI into " + element
              + ": the tests run against the default AWS endpoints, which have no single URI"));
    }
    if (type == TombstoneNames.class) {
      return names(ctx, endpoint);
    }
    if (type == ManualClock.class) {
      return manualClock(endpoint, element);
    }
    return computeIfAbsent(scope.store(), new ClientKey(scope.key(), type),
        key -> Clients.create(type, endpoint,
            dependency -> resolve(dependency, ctx, element)), Object.class);
  }

  private static ManualClock manualClock(Endpoint endpoint, String element) {
    Tombstone tombstone = endpoint.tombstone().orElseThrow(() -> new ParameterResolutionException(
        "Tombstone: cannot inject a ManualClock into " + element + ": the tests run against the"
            + " external endpoint " + endpoint.describe() + ", whose time cannot be moved"));
    if (tombstone.clock() instanceof ManualClock clock) {
      return clock;
    }
    throw new ParameterResolutionException("Tombstone: cannot inject a ManualClock into "
        + element + ": the emulator runs on " + tombstone.clock() + "; declare"
        + " @TombstoneTest(manualClock = \"2026-01-01T00:00:00Z\") or"
        + " TombstoneExtension.builder().manualClock(Instant)");
  }

  private void injectFields(ExtensionContext ctx, boolean parallel) {
    for (Object instance : ctx.getRequiredTestInstances().getAllInstances()) {
      List<Field> fields = AnnotationSupport.findAnnotatedFields(instance.getClass(),
          Injected.class);
      for (Field field : fields) {
        String element = "field " + field.getDeclaringClass().getName() + "." + field.getName();
        if (java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
          throw new ExtensionConfigurationException("Tombstone: @Injected " + element
              + " is static; make it an instance field (a value may be per test)");
        }
        if (!isInjectable(field.getType())) {
          throw new ExtensionConfigurationException("Tombstone: @Injected " + element
              + " has type " + field.getType().getName() + ", which cannot be injected; use"
              + " Tombstone, URI, TombstoneNames, ManualClock, an AWS SDK client type or"
              + " S3Presigner");
        }
        if (parallel) {
          ConcurrentUse.requireUnsharedInstance(ctx, instance, field);
        }
        try {
          field.setAccessible(true);
          field.set(instance, resolve(field.getType(), ctx, element));
        } catch (IllegalAccessException e) {
          throw new ExtensionConfigurationException("Tombstone: cannot set @Injected " + element
              + "; make it non-final and accessible", e);
        }
      }
    }
  }

  private Settings settings(ExtensionContext ctx) {
    return programmatic.orElseGet(() -> ctx.getTestClass()
        .flatMap(c -> AnnotationSupport.findAnnotation(c, TombstoneTest.class))
        .or(() -> enclosingAnnotation(ctx))
        .map(Settings::of)
        .orElse(Settings.DEFAULTS));
  }

  private static Optional<TombstoneTest> enclosingAnnotation(ExtensionContext ctx) {
    for (Optional<ExtensionContext> c = ctx.getParent(); c.isPresent(); c = c.get().getParent()) {
      Optional<TombstoneTest> found = c.get().getTestClass()
          .flatMap(type -> AnnotationSupport.findAnnotation(type, TombstoneTest.class));
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** Where this test's emulator lives, and whether other tests share it. */
  record Scope(Store store, Object key, boolean shared) {}

  /**
   * The key of a class's emulator. Store lookups search enclosing classes, so a {@code @Nested}
   * class finds its outer class's emulator only when both would start the same one; a nested
   * class whose own {@code @TombstoneTest} asks for another region or clock gets its own.
   * {@code concurrentNode} is the unique id of the node below which the tests sharing it run
   * one after the other, empty for the whole class tree.
   */
  private record ClassEmulatorKey(Object emulatorKey, String concurrentNode) {}

  /** The key of a client or external endpoint: each belongs to one emulator's scope. */
  private record ClientKey(Object scopeKey, Class<?> type) {}

  private record ExternalKey(Object scopeKey) {}

  /**
   * A shared emulator is reset before each test, so tests that JUnit may run at the same time
   * never share one. Tests below the nearest concurrent node run one after the other and share
   * the emulator kept there; a test that is itself that node has its own. Without parallel
   * execution there is no such node: one emulator per class tree (or per JVM).
   */
  private static Scope scope(ExtensionContext ctx, Settings settings) {
    boolean test = ctx.getTestMethod().isPresent();
    Optional<ExtensionContext> concurrent = settings.lifecycle() == Lifecycle.PER_METHOD
        ? Optional.empty()
        : Concurrency.nearestConcurrent(ctx, settings.lifecycle() == Lifecycle.PER_JVM);
    if (test && (settings.lifecycle() == Lifecycle.PER_METHOD
        || (settings.lifecycle() == Lifecycle.PER_JVM && concurrent.isPresent())
        || concurrent.filter(c -> c == ctx).isPresent())) {
      return new Scope(ctx.getStore(NAMESPACE), METHOD_EMULATOR, false);
    }
    if (settings.lifecycle() == Lifecycle.PER_JVM) {
      return new Scope(ctx.getRoot().getStore(NAMESPACE), settings.emulatorKey(), true);
    }
    if (settings.lifecycle() == Lifecycle.PER_METHOD) {
      throw new ParameterResolutionException("Tombstone: with Lifecycle.PER_METHOD each test has"
          + " its own emulator, so none can be injected in a class-level context (@BeforeAll,"
          + " @AfterAll, or a constructor of a @TestInstance(PER_CLASS) class); inject into the"
          + " test or @BeforeEach, or use Lifecycle.PER_CLASS");
    }
    if (concurrent.isPresent()) {
      return new Scope(concurrent.get().getStore(NAMESPACE),
          new ClassEmulatorKey(settings.emulatorKey(), concurrent.get().getUniqueId()), true);
    }
    ExtensionContext classContext = test ? ctx.getParent().orElseThrow() : ctx;
    return new Scope(classContext.getStore(NAMESPACE),
        new ClassEmulatorKey(settings.emulatorKey(), ""), true);
  }

  private static Endpoint endpoint(ExtensionContext ctx, Scope scope, Settings settings) {
    Optional<Endpoint> external = external(ctx, settings);
    if (external.isPresent()) {
      return computeIfAbsent(scope.store(), new ExternalKey(scope.key()), key -> external.get(),
          Endpoint.class);
    }
    return Endpoint.of(emulator(scope, settings));
  }

  private static Optional<Endpoint> external(ExtensionContext ctx, Settings settings) {
    return ExternalEndpoint.configured(ctx, settings.region());
  }

  private static Tombstone emulator(Scope scope, Settings settings) {
    return computeIfAbsent(scope.store(), scope.key(), key -> settings.start(), Tombstone.class);
  }

  private static TombstoneNames names(ExtensionContext ctx, Endpoint endpoint) {
    if (!endpoint.isExternal()) {
      return TombstoneNames.identity();
    }
    if (ctx.getTestMethod().isEmpty()) {
      throw new ParameterResolutionException("Tombstone: TombstoneNames differ per test against"
          + " an external endpoint; inject them into a test or @BeforeEach method");
    }
    return computeIfAbsent(ctx.getStore(NAMESPACE), NAMES, key -> TombstoneNames.unique(),
        TombstoneNames.class);
  }

  // Store.computeIfAbsent only exists from JUnit 6; getOrComputeIfAbsent works on 5.13+ and 6.
  @SuppressWarnings("deprecation")
  static <V> V computeIfAbsent(Store store, Object key, Function<Object, V> create,
      Class<V> type) {
    return store.getOrComputeIfAbsent(key, create, type);
  }

  /**
   * Configures a {@link TombstoneExtension} for {@code @RegisterExtension}.
   *
   * <pre>{@code
   * @RegisterExtension
   * static final TombstoneExtension TOMBSTONE = TombstoneExtension.builder()
   *     .lifecycle(Lifecycle.PER_JVM)
   *     .region("eu-west-1")
   *     .clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private Lifecycle lifecycle = Settings.DEFAULTS.lifecycle();
    private boolean resetBeforeEach = Settings.DEFAULTS.resetBeforeEach();
    private String region = Settings.DEFAULTS.region();
    private Clock clock = Settings.DEFAULTS.clock();
    private boolean sdkSystemProperties = Settings.DEFAULTS.sdkSystemProperties();
    private boolean journalOnFailure = Settings.DEFAULTS.journalOnFailure();
    private Instant manualClock;

    private Builder() {}

    /** Which tests share an emulator; {@link Lifecycle#PER_CLASS} by default. */
    public Builder lifecycle(Lifecycle lifecycle) {
      this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
      return this;
    }

    /** See {@link TombstoneTest#resetBeforeEach()}; {@code true} by default. */
    public Builder resetBeforeEach(boolean resetBeforeEach) {
      this.resetBeforeEach = resetBeforeEach;
      return this;
    }

    /** The region of the emulator and the clients; {@code us-east-1} by default. */
    public Builder region(String region) {
      // The emulator's builder owns the rule; checking here fails at build(), not at start.
      Tombstone.builder().region(region);
      this.region = region;
      return this;
    }

    /** The emulator's clock (creation dates, Last-Modified); the UTC system clock by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Gives each emulator a {@link ManualClock} starting at {@code start}, instead of
     * {@link #clock(Clock)}; see {@link TombstoneTest#manualClock()}.
     */
    public Builder manualClock(Instant start) {
      this.manualClock = Objects.requireNonNull(start, "start");
      return this;
    }

    /** See {@link TombstoneTest#sdkSystemProperties()}; off by default. */
    public Builder sdkSystemProperties(boolean sdkSystemProperties) {
      this.sdkSystemProperties = sdkSystemProperties;
      return this;
    }

    /** See {@link TombstoneTest#journalOnFailure()}; on by default. */
    public Builder journalOnFailure(boolean journalOnFailure) {
      this.journalOnFailure = journalOnFailure;
      return this;
    }

    /** The configured extension. */
    public TombstoneExtension build() {
      return new TombstoneExtension(new Settings(lifecycle, resetBeforeEach, region, clock,
          sdkSystemProperties, journalOnFailure, manualClock));
    }
  }
}
