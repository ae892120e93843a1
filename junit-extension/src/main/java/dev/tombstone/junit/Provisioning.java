package dev.tombstone.junit;

import dev.tombstone.DynamoDbJson;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.Item;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Applies a test's declarations: tables, then buckets, then item and object fixtures. */
final class Provisioning {
  private Provisioning() {}

  static void provision(Declarations declarations, Endpoint endpoint, TombstoneNames names,
      ExtensionContext ctx, Function<Class<?>, Object> clients) {
    Provisioner provisioner;
    if (endpoint.tombstone().isPresent()) {
      provisioner = new EmulatorProvisioner(endpoint.tombstone().get());
    } else {
      if (!Clients.isPresent(Clients.DYNAMODB) && !Clients.isPresent(Clients.S3)) {
        throw new ExtensionConfigurationException("Tombstone: tables and buckets are created"
            + " through the AWS SDK against an external endpoint; add software.amazon.awssdk:"
            + "dynamodb and s3 to the test classpath");
      }
      SdkProvisioner sdk = new SdkProvisioner(clients);
      // Registered before anything is created, so a half-done setup is still cleaned up.
      ctx.getStore(TombstoneExtension.NAMESPACE).put(SdkProvisioner.class, sdk);
      provisioner = sdk;
    }
    for (var table : distinct(declarations.tables(), DynamoDbTable::name,
        Provisioning::tableSettings, "@DynamoDbTable")) {
      DynamoDbTable t = table.annotation();
      TableDeclaration declaration = TableDeclaration.of(t, table.where());
      run(table, "@DynamoDbTable(name = \"" + t.name() + "\")",
          () -> provisioner.createTable(names.table(t.name()), declaration));
    }
    for (var bucket : distinct(declarations.buckets(), S3Bucket::name,
        Provisioning::bucketSettings, "@S3Bucket")) {
      S3Bucket b = bucket.annotation();
      if (b.objectLock() && b.versioning() != S3Bucket.Versioning.ENABLED) {
        throw new ExtensionConfigurationException("Tombstone: @S3Bucket(name = \"" + b.name()
            + "\") on " + bucket.where() + ": objectLock = true with versioning = "
            + b.versioning() + "; S3 turns versioning on for a bucket created with Object Lock"
            + " and refuses to suspend it (InvalidBucketState), so declare versioning ="
            + " S3Bucket.Versioning.ENABLED");
      }
      run(bucket, "@S3Bucket(name = \"" + b.name() + "\")",
          () -> provisioner.createBucket(names.bucket(b.name()), b.versioning(), b.objectLock()));
    }
    for (var items : declarations.items()) {
      DynamoDbItems d = items.annotation();
      for (String resource : d.value()) {
        String what = "@DynamoDbItems(table = \"" + d.table() + "\", \"" + resource + "\")";
        run(items, what, () -> {
          for (Item item : DynamoDbJson.items(Fixtures.text(items.testClass(), resource))) {
            provisioner.putItem(names.table(d.table()), item.attributes());
          }
        });
      }
    }
    for (var objects : declarations.objects()) {
      S3Objects o = objects.annotation();
      for (String resource : o.value()) {
        String what = "@S3Objects(bucket = \"" + o.bucket() + "\", \"" + resource + "\")";
        run(objects, what, () -> Fixtures.objects(objects.testClass(), resource, o.prefix())
            .forEach((key, content) -> provisioner.putObject(names.bucket(o.bucket()), key,
                content)));
      }
    }
  }

  /**
   * The declarations of a test, one per name: a repeated declaration must agree with the first
   * (outermost) one, because a test's table or bucket exists once; an identical one is dropped.
   */
  private static <A> List<Declarations.Declared<A>> distinct(List<Declarations.Declared<A>> all,
      Function<A, String> name, Function<Declarations.Declared<A>, Map<String, String>> settings,
      String annotation) {
    Map<String, Declarations.Declared<A>> first = new LinkedHashMap<>();
    for (Declarations.Declared<A> declared : all) {
      A a = declared.annotation();
      Declarations.Declared<A> earlier = first.putIfAbsent(name.apply(a), declared);
      if (earlier == null) {
        continue;
      }
      Map<String, String> before = settings.apply(earlier);
      Map<String, String> now = settings.apply(declared);
      List<String> differences = new ArrayList<>();
      before.forEach((setting, value) -> {
        if (!value.equals(now.get(setting))) {
          differences.add(setting + " " + now.get(setting) + " instead of " + value);
        }
      });
      if (!differences.isEmpty()) {
        throw new ExtensionConfigurationException("Tombstone: " + annotation + "(name = \""
            + name.apply(a) + "\") on " + declared.where() + " conflicts with the declaration"
            + " on " + earlier.where() + ": " + String.join(", ", differences) + ". A test has"
            + " one " + (annotation.equals("@S3Bucket") ? "bucket" : "table") + " of a name;"
            + " declare it the same way in both places, or give the two different names");
      }
    }
    return List.copyOf(first.values());
  }

  private static Map<String, String> bucketSettings(Declarations.Declared<S3Bucket> bucket) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("versioning", bucket.annotation().versioning().name());
    settings.put("objectLock", Boolean.toString(bucket.annotation().objectLock()));
    return settings;
  }

  private static Map<String, String> tableSettings(Declarations.Declared<DynamoDbTable> table) {
    DynamoDbTable t = table.annotation();
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("partitionKey", "\"" + t.partitionKey() + "\"");
    settings.put("partitionKeyType", t.partitionKeyType().name());
    settings.put("sortKey", "\"" + t.sortKey() + "\"");
    if (!t.sortKey().isEmpty()) {
      settings.put("sortKeyType", t.sortKeyType().name());
    }
    settings.putAll(TableDeclaration.of(t, table.where()).settings());
    return settings;
  }

  private static void run(Declarations.Declared<?> declared, String what, Runnable action) {
    try {
      action.run();
    } catch (ExtensionConfigurationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ExtensionConfigurationException("Tombstone: " + what + " on " + declared.where()
          + " failed: " + describe(e), e);
    }
  }

  private static String describe(RuntimeException e) {
    // The emulator's errors are named as the service names them, as the SDK would report them.
    String simple = e instanceof DynamoDbError d ? d.code() : e.getClass().getSimpleName();
    return e.getMessage() == null ? simple : simple + ": " + e.getMessage();
  }
}
