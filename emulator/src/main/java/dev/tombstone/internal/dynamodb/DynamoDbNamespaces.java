package dev.tombstone.internal.dynamodb;

import dev.tombstone.dynamodb.DynamoDbState;
import dev.tombstone.dynamodb.ExpiredItem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Table namespaces: one {@link DynamoDbState} per MagnetoDB project. The default project shares
 * the namespace of the DynamoDB dialects (2012-08-10 and 2011-12-05); every other project gets its
 * own, created by its first CreateTable.
 *
 * <pre>{@code
 * DynamoDbNamespaces namespaces =
 *     new DynamoDbNamespaces(dynamoDb, "default_tenant", region, clock);
 * namespaces.find("default_tenant");   // Optional.of(dynamoDb)
 * namespaces.find("p1");               // empty until p1 creates a table
 * }</pre>
 *
 * <p>Thread-safe. Internal: MagnetoDB's projects are no part of the Java API.
 */
public final class DynamoDbNamespaces {
  /** The project MagnetoDB's own tests used; it maps onto the DynamoDB dialects' tables. */
  public static final String DEFAULT_PROJECT = "default_tenant";

  private final DynamoDbState shared;
  private final String defaultProject;
  private final String region;
  private final Clock clock;
  private final ConcurrentHashMap<String, DynamoDbState> projects = new ConcurrentHashMap<>();

  /**
   * @param shared the namespace of the DynamoDB dialects
   * @param defaultProject the project that shares it
   */
  public DynamoDbNamespaces(DynamoDbState shared, String defaultProject, String region,
      Clock clock) {
    this.shared = Objects.requireNonNull(shared, "shared");
    this.defaultProject = Objects.requireNonNull(defaultProject, "defaultProject");
    this.region = Objects.requireNonNull(region, "region");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The project whose tables are the DynamoDB dialects' tables. */
  public String defaultProject() {
    return defaultProject;
  }

  /** The project's tables if it has a namespace; reading never creates one. */
  public Optional<DynamoDbState> find(String project) {
    if (project.equals(defaultProject)) {
      return Optional.of(shared);
    }
    return Optional.ofNullable(projects.get(project));
  }

  /**
   * Runs {@code creation} (a CreateTable) in the project's namespace, creating the namespace for
   * it if the project has none; a namespace created for a creation that throws is not kept, so
   * a refused CreateTable leaves no project behind.
   */
  public <T> T create(String project, Function<DynamoDbState, T> creation) {
    if (project.equals(defaultProject)) {
      return creation.apply(shared);
    }
    List<T> created = new ArrayList<>(1);
    // compute keeps no new mapping when the function throws; another CreateTable of the same
    // project waits for this one rather than finding a namespace that may yet be dropped.
    projects.compute(project, (name, existing) -> {
      DynamoDbState namespace = existing != null ? existing : new DynamoDbState(region, clock);
      created.add(creation.apply(namespace));
      return namespace;
    });
    return created.get(0);
  }

  /**
   * Runs the TTL sweep in every project's namespace other than the default one (which its owner
   * sweeps), in project order: per-item {@code time_to_live} deadlines are set there.
   *
   * @return the items deleted, by project, in project order
   */
  public SortedMap<String, List<ExpiredItem>> expireProjectItems() {
    SortedMap<String, List<ExpiredItem>> deleted = new TreeMap<>();
    for (Map.Entry<String, DynamoDbState> project : new TreeMap<>(projects).entrySet()) {
      List<ExpiredItem> items = project.getValue().expireItems();
      if (!items.isEmpty()) {
        deleted.put(project.getKey(), items);
      }
    }
    return deleted;
  }

  /** Drops every table of every namespace, and the namespaces themselves. */
  public void reset() {
    projects.clear();
    shared.reset();
  }
}
