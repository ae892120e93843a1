package dev.tombstone;

import dev.tombstone.faults.Fault;
import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.s3.MfaDevice;
import dev.tombstone.s3.Owner;
import dev.tombstone.s3.S3State;
import dev.tombstone.internal.auth.AccessKeyIds;
import dev.tombstone.internal.auth.Credentials;
import dev.tombstone.internal.server.Emulator;
import dev.tombstone.internal.server.HttpServer;
import dev.tombstone.internal.server.RequestJournal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A running Tombstone emulator: DynamoDB and S3 on one HTTP port, in this JVM.
 *
 * <pre>{@code
 * try (Tombstone tombstone = Tombstone.builder().start()) {
 *   DynamoDbClient dynamo = DynamoDbClient.builder()
 *       .endpointOverride(tombstone.endpoint())
 *       .region(Region.US_EAST_1)
 *       .credentialsProvider(AnonymousCredentialsProvider.create())
 *       .build();
 *   ...
 *   tombstone.reset();   // drop all tables, buckets and objects
 * }
 * }</pre>
 *
 * <p>Instances are thread-safe. {@link #close()} stops the server and frees the port.
 */
public final class Tombstone implements AutoCloseable {
  private final Settings settings;
  private final Emulator emulator;
  private final HttpServer server;
  private final Faults faults;
  private final TimeDrivenDeletes timeDriven;

  private Tombstone(Settings settings) {
    this.settings = settings;
    this.emulator = new Emulator(settings.region(), settings.clock(), settings.owner(),
        settings.mfaDevice(),
        settings.credentials().map(pair -> new Credentials(pair[0], pair[1])));
    this.timeDriven =
        TimeDrivenDeletes.start(emulator, settings.clock(), settings.expiryInterval());
    try {
      this.server = HttpServer.start(settings.host(), settings.port(), emulator);
    } catch (RuntimeException e) {
      timeDriven.close();
      throw e;
    }
    this.faults = new Faults(emulator.faults());
  }

  /** A builder with the defaults: host 127.0.0.1, a free port, region us-east-1, the UTC clock. */
  public static Builder builder() {
    return new Builder();
  }

  /** The base URI of the HTTP endpoint, e.g. {@code http://127.0.0.1:40123}. */
  public URI endpoint() {
    return URI.create("http://" + hostForUri(settings.host()) + ":" + server.port());
  }

  /** The port the server listens on (the chosen one when the builder asked for port 0). */
  public int port() {
    return server.port();
  }

  /** The AWS region the emulator reports (in ARNs and bucket locations). */
  public String region() {
    return settings.region();
  }

  /**
   * The emulator's clock: the one given to {@link Builder#clock(Clock)}, e.g. a
   * {@link ManualClock} a test moves.
   */
  public Clock clock() {
    return settings.clock();
  }

  /** DynamoDB state: create tables, seed and inspect items without going through HTTP. */
  public DynamoDbState dynamoDb() {
    return emulator.dynamoDb();
  }

  /**
   * S3 state: create buckets, set versioning, seed objects and inspect versions and delete
   * markers without going through HTTP.
   *
   * <pre>{@code
   * tombstone.s3().createBucket("uploads");
   * tombstone.s3().setVersioning("uploads", Versioning.ENABLED);
   * tombstone.s3().putObject("uploads", "incoming/a.txt", "hello");
   * }</pre>
   */
  public S3State s3() {
    return emulator.s3();
  }

  /**
   * The requests this emulator answered, oldest first: the last 512 since it started or since
   * {@link #clearRequests()}. Meant for diagnostics, e.g. printing what a failed test sent.
   */
  public List<RecordedRequest> requests() {
    List<RequestJournal.Entry> entries = emulator.journal().snapshot();
    List<RecordedRequest> requests = new ArrayList<>(entries.size());
    for (RequestJournal.Entry e : entries) {
      requests.add(new RecordedRequest(
          e.time(), e.method(), e.path(), e.query(), e.target(), e.body(), e.status(),
          e.fault()));
    }
    return requests;
  }

  /** Forgets the recorded requests; {@link #reset()} does not do this by itself. */
  public void clearRequests() {
    emulator.journal().clear();
  }

  /**
   * Faults on demand: rules that make matching requests fail as AWS does under load (throttling,
   * 5xx, partial batches, latency, dropped connections).
   *
   * <pre>{@code
   * tombstone.faults().dynamoDb("DeleteItem").table("users").times(2).respond(Fault.THROTTLED);
   * }</pre>
   */
  public Faults faults() {
    return faults;
  }

  /**
   * Drops every table, item, bucket and object, and every fault rule, and returns a
   * {@link ManualClock} to its start instant.
   */
  public void reset() {
    emulator.reset();
  }

  /** Stops the HTTP server. The state is discarded with this instance. */
  @Override
  public void close() {
    timeDriven.close();
    server.stop();
  }

  @Override
  public String toString() {
    return "Tombstone[" + endpoint() + "]";
  }

  private static String hostForUri(String host) {
    return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  /** Configures and starts a {@link Tombstone}. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = 0;
    private String region = "us-east-1";
    private Clock clock = Clock.systemUTC();
    private Duration expiryInterval = DEFAULT_EXPIRY_INTERVAL;
    private Owner owner = Owner.DEFAULT;
    private MfaDevice mfaDevice = MfaDevice.ANY;
    private Optional<String[]> credentials = Optional.empty();

    private Builder() {}

    /**
     * The S3 owner reported in listings and ACLs: canonical user id and display name.
     *
     * <pre>{@code Tombstone.builder().owner("79a59df900b949e5...", "ops").start();}</pre>
     */
    public Builder owner(String id, String displayName) {
      this.owner = new Owner(id, displayName);
      return this;
    }

    /**
     * The MFA device MFA-delete buckets accept in {@code x-amz-mfa} ({@code serial code}). By
     * default any serial and any code pass.
     *
     * @param codes the accepted codes (a repeated one counts once); none accepts any code
     */
    public Builder mfaDevice(String serial, String... codes) {
      Objects.requireNonNull(serial, "serial");
      if (serial.isBlank() || serial.contains(" ")) {
        throw new IllegalArgumentException("MFA serial must be non-blank without spaces, was '"
            + serial + "'");
      }
      this.mfaDevice = new MfaDevice(Optional.of(serial), Set.copyOf(Arrays.asList(codes)));
      return this;
    }

    /** The address to bind; {@code 0.0.0.0} listens on every interface. */
    public Builder host(String host) {
      Objects.requireNonNull(host, "host");
      if (host.isBlank()) {
        throw new IllegalArgumentException("host must not be blank");
      }
      this.host = host;
      return this;
    }

    /** The port to bind; {@code 0} (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be in 0..65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /** The region in ARNs and bucket locations; any region works for clients. */
    public Builder region(String region) {
      Objects.requireNonNull(region, "region");
      if (!region.matches("[a-z0-9-]+")) {
        throw new IllegalArgumentException("region must look like us-east-1, was " + region);
      }
      this.region = region;
      return this;
    }

    /**
     * The clock for timestamps (creation dates, Last-Modified, Date headers) and for deletes
     * driven by time (DynamoDB TTL, Object Lock retention). With a {@link ManualClock}, moving
     * it runs the due expiry before the move returns and {@code POST /_tombstone/clock} can move
     * it; with any other clock, expiry runs every {@link #expiryInterval(Duration)}.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How often expiry runs in the background when the clock is not a {@link ManualClock};
     * {@value #DEFAULT_EXPIRY_SECONDS} seconds by default.
     */
    public Builder expiryInterval(Duration interval) {
      Objects.requireNonNull(interval, "interval");
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("expiryInterval must be positive, was " + interval);
      }
      this.expiryInterval = interval;
      return this;
    }

    /**
     * Strict mode: every DynamoDB and S3 request must carry a valid SigV4 signature (header,
     * presigned query, and aws-chunked chunk signatures) made with this key pair, and is
     * refused as AWS refuses it otherwise ({@code UnrecognizedClientException},
     * {@code InvalidSignatureException}; {@code InvalidAccessKeyId},
     * {@code SignatureDoesNotMatch}, {@code RequestTimeTooSkewed}, {@code AccessDenied}).
     * Request times are compared with {@link #clock(Clock)}. Without this call no signature is
     * checked.
     *
     * <pre>{@code
     * Tombstone.builder().credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG").start();
     * }</pre>
     *
     * @throws IllegalArgumentException when the secret is empty, or the access key id is empty or
     *     holds a blank, {@code ,}, {@code /} or a character outside printable ASCII, which no
     *     signed request could carry
     */
    public Builder credentials(String accessKeyId, String secretAccessKey) {
      Objects.requireNonNull(accessKeyId, "accessKeyId");
      Objects.requireNonNull(secretAccessKey, "secretAccessKey");
      if (!AccessKeyIds.usable(accessKeyId)) {
        throw new IllegalArgumentException("accessKeyId must be printable ASCII without blanks,"
            + " ',' or '/' (a SigV4 Credential cannot carry them), was '" + accessKeyId + "'");
      }
      if (secretAccessKey.isEmpty()) {
        throw new IllegalArgumentException("secretAccessKey must not be empty");
      }
      this.credentials = Optional.of(new String[] {accessKeyId, secretAccessKey});
      return this;
    }

    /**
     * Starts the emulator.
     *
     * @throws java.io.UncheckedIOException when the server cannot listen: the port is taken or
     *     the host does not resolve or is not this machine's
     */
    public Tombstone start() {
      return new Tombstone(new Settings(host, port, region, clock, expiryInterval, owner,
          mfaDevice, credentials));
    }
  }

  /** Seconds between background expiry sweeps unless the builder says otherwise. */
  public static final int DEFAULT_EXPIRY_SECONDS = 5;

  private static final Duration DEFAULT_EXPIRY_INTERVAL =
      Duration.ofSeconds(DEFAULT_EXPIRY_SECONDS);

  record Settings(String host, int port, String region, Clock clock, Duration expiryInterval,
      Owner owner, MfaDevice mfaDevice, Optional<String[]> credentials) {}
}
