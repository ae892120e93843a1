package dev.tombstone.junit;

import dev.tombstone.DynamoDbJson;
import dev.tombstone.dynamodb.DynamoDbError;
import dev.tombstone.dynamodb.Item;
import dev.tombstone.dynamodb.KeyAttribute;
import dev.tombstone.dynamodb.KeySchema;
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
    for (var table : declarations.tables()) {
      DynamoDbTable t = table.annotation();
      KeySchema schema = keySchema(t, table.where());
      run(table, "@DynamoDbTable(name = \"" + t.name() + "\")",
          () -> provisioner.createTable(names.table(t.name()), schema));
    }
    for (var bucket : declarations.buckets()) {
      S3Bucket b = bucket.annotation();
      run(bucket, "@S3Bucket(name = \"" + b.name() + "\")",
          () -> provisioner.createBucket(names.bucket(b.name()), b.versioning()));
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

  private static KeySchema keySchema(DynamoDbTable t, String where) {
    try {
      KeyAttribute partition = new KeyAttribute(t.partitionKey(), t.partitionKeyType());
      return t.sortKey().isEmpty() ? KeySchema.of(partition)
          : KeySchema.of(partition, new KeyAttribute(t.sortKey(), t.sortKeyType()));
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException("Tombstone: @DynamoDbTable(name = \"" + t.name()
          + "\") on " + where + ": " + e.getMessage() + "; key types are S, N or B", e);
    }
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
