package dev.tombstone.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tombstone.Tombstone;
import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;

@TombstoneTest(region = "eu-west-1")
@DynamoDbTable(name = "users", partitionKey = "UserId")
@S3Bucket(name = "uploads")
class InjectionTest {
  private final DynamoDbClient fromConstructor;
  @Injected Tombstone tombstone;
  @Injected S3Client s3Field;
  @Injected URI endpointField;

  InjectionTest(DynamoDbClient fromConstructor) {
    this.fromConstructor = fromConstructor;
  }

  @Test
  void syncClients_reachTheEmulator_withItsRegion(DynamoDbClient dynamo, S3Client s3) {
    assertThat(dynamo).isSameAs(fromConstructor);
    assertThat(s3).isSameAs(s3Field);
    assertThat(endpointField).isEqualTo(tombstone.endpoint());
    assertThat(dynamo.serviceClientConfiguration().region().id()).isEqualTo("eu-west-1");

    assertThat(dynamo.listTables().tableNames()).containsExactly("users");
    s3.putObject(b -> b.bucket("uploads").key("a b+c.txt"), RequestBody.fromString("hi"));

    assertThat(tombstone.s3().currentObject("uploads", "a b+c.txt")).isPresent();
  }

  @Test
  void asyncClients_reachTheEmulator(DynamoDbAsyncClient dynamo, S3AsyncClient s3) {
    assertThat(dynamo.listTables().join().tableNames()).containsExactly("users");
    s3.putObject(b -> b.bucket("uploads").key("async.txt"), AsyncRequestBody.fromString("hi"))
        .join();

    assertThat(tombstone.s3().keys("uploads")).containsExactly("async.txt");
  }

  @Test
  void streamsClient_readsTheStreamOfATableOfTheEmulator(DynamoDbClient dynamo,
      DynamoDbStreamsClient streams) {
    dynamo.createTable(b -> b.tableName("events")
        .billingMode(software.amazon.awssdk.services.dynamodb.model.BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("id")
            .keyType(software.amazon.awssdk.services.dynamodb.model.KeyType.HASH))
        .attributeDefinitions(a -> a.attributeName("id").attributeType(
            software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S))
        .streamSpecification(s -> s.streamEnabled(true).streamViewType(
            software.amazon.awssdk.services.dynamodb.model.StreamViewType.KEYS_ONLY)));

    assertThat(streams.listStreams(b -> b.tableName("events")).streams()).singleElement()
        .satisfies(s -> assertThat(s.streamArn()).startsWith(
            "arn:aws:dynamodb:eu-west-1:000000000000:table/events/stream/"));
  }

  @Test
  void enhancedClient_mapsBeans(DynamoDbEnhancedClient enhanced) {
    var users = enhanced.table("users", TableSchema.fromBean(User.class));
    User ada = new User();
    ada.setUserId("u1");
    ada.setName("Ada");

    users.putItem(ada);
    users.deleteItem(Key.builder().partitionValue("u1").build());

    assertThat(tombstone.dynamoDb().items("users")).isEmpty();
  }

  /** A bean for the enhanced client. */
  @DynamoDbBean
  public static class User {
    private String userId;
    private String name;

    @DynamoDbPartitionKey
    @DynamoDbAttribute("UserId")
    public String getUserId() {
      return userId;
    }

    public void setUserId(String userId) {
      this.userId = userId;
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }
  }
}
