package dev.tombstone.internal.dynamodb.protocol;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.RequiredTrait;

/**
 * The members of a DynamoDB request as the AWS SDK for Java v2 models them: names, JSON types,
 * enum values and nested structures, read once per model class from the SDK's own field
 * descriptions, and whether the API reference requires them. A fuzz target writes bodies from
 * these shapes, so each new member of the SDK's model is fuzzed without anyone listing it.
 *
 * <pre>{@code
 * List<RequestShapes.Member> members = RequestShapes.members(UpdateTableRequest.class);
 * // AttributeDefinitions (ListOf Structure), TableName (Text, required), BillingMode (enum) ...
 * }</pre>
 */
final class RequestShapes {
  private static final String MODEL_PACKAGE = "software.amazon.awssdk.services.dynamodb.model.";
  private static final Map<Class<?>, List<Member>> MEMBERS = new ConcurrentHashMap<>();
  /**
   * The members the API reference marks required, by name: the SDK's fields for DynamoDB do not
   * carry the required trait. A name required in one structure counts as required in all; two
   * that are required only in structures rarely sent (ProvisionedThroughput in an index
   * Update, ReplicaUpdates in UpdateGlobalTable) are left optional, as they are in UpdateTable.
   */
  private static final Set<String> REQUIRED = Set.of("AttributeDefinitions", "AttributeName",
      "AttributeType", "BackupArn", "BackupName", "ContributorInsightsAction", "Dimensions",
      "DisassociationMode", "Enabled", "GlobalTableName", "IndexName", "InputFormat",
      "InputS3Configuration", "Key", "KeySchema", "KeyType", "OutputS3Configuration",
      "OutputType", "PointInTimeRecoveryEnabled", "PointInTimeRecoverySpecification", "Policy",
      "Projection", "ReadCapacityUnits", "RegionName", "ReplicationGroup", "ResourceArn",
      "S3Bucket", "S3BucketSource", "StreamArn", "StreamEnabled", "TableArn",
      "TableCreationParameters", "TableName", "TagKeys", "Tags", "TargetTableName",
      "TargetTrackingScalingPolicyConfiguration", "TargetValue", "TimeToLiveSpecification",
      "Value", "VectorAttribute", "WriteCapacityUnits");

  private RequestShapes() {}

  /** What a member holds. */
  sealed interface Shape {}

  /** A JSON string, one of {@code enumValues} when the model names some. */
  record Text(List<String> enumValues) implements Shape {}

  /** A JSON number: an integer when {@code whole}, otherwise any. */
  record Number(boolean whole) implements Shape {}

  /** A JSON boolean. */
  record Flag() implements Shape {}

  /** A timestamp, epoch seconds as a JSON number. */
  record Time() implements Shape {}

  /** Base64 text. */
  record Blob() implements Shape {}

  /** A JSON array of {@code element}. */
  record ListOf(Shape element) implements Shape {}

  /** A JSON object with string keys and {@code value} values. */
  record MapOf(Shape value) implements Shape {}

  /** A JSON object whose members are those of the SDK model class {@code model}. */
  record Structure(Class<?> model) implements Shape {}

  /**
   * Whether the model class is a union, a structure that carries exactly one of its members
   * (AttributeValue): the SDK gives each union a {@code type()} saying which one it holds.
   */
  static boolean union(Class<?> model) {
    try {
      Class<?> type = model.getMethod("type").getReturnType();
      return type.isEnum() && type.getDeclaringClass() == model;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /** One member of a structure, by its name on the wire. */
  record Member(String name, Shape shape, boolean required) {}

  /** The request class of an operation, e.g. {@code UpdateTableRequest} for UpdateTable. */
  static Class<?> requestClass(String operation) {
    try {
      return Class.forName(MODEL_PACKAGE + operation + "Request");
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("the SDK has no request for " + operation, e);
    }
  }

  /** The members of a model class, in the SDK's order. */
  static List<Member> members(Class<?> model) {
    // A structure's members name nested structures by class only, so reading one reads no other.
    return MEMBERS.computeIfAbsent(model, RequestShapes::read);
  }

  private static List<Member> read(Class<?> model) {
    SdkPojo builder = builder(model);
    Map<String, Type> enums = enumGetters(model);
    List<Member> members = new ArrayList<>();
    for (SdkField<?> field : builder.sdkFields()) {
      Type enumType = enums.get(field.memberName().toLowerCase(Locale.ROOT));
      members.add(new Member(field.locationName(), shape(field, enumType),
          field.containsTrait(RequiredTrait.class) || REQUIRED.contains(field.locationName())));
    }
    return List.copyOf(members);
  }

  private static Shape shape(SdkField<?> field, Type enumType) {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.STRING) {
      return new Text(enumType == null ? List.of() : enumValues(enumType));
    }
    if (type == MarshallingType.INTEGER || type == MarshallingType.LONG) {
      return new Number(true);
    }
    if (type == MarshallingType.DOUBLE || type == MarshallingType.FLOAT
        || type == MarshallingType.BIG_DECIMAL) {
      return new Number(false);
    }
    if (type == MarshallingType.BOOLEAN) {
      return new Flag();
    }
    if (type == MarshallingType.INSTANT) {
      return new Time();
    }
    if (type == MarshallingType.SDK_BYTES) {
      return new Blob();
    }
    if (type == MarshallingType.LIST) {
      SdkField<?> element = field.getTrait(ListTrait.class).memberFieldInfo();
      return new ListOf(shape(element, elementType(enumType)));
    }
    if (type == MarshallingType.MAP) {
      SdkField<?> value = field.getTrait(MapTrait.class).valueFieldInfo();
      return new MapOf(shape(value, null));
    }
    if (type == MarshallingType.SDK_POJO) {
      return new Structure(field.constructor().get().getClass().getDeclaringClass());
    }
    throw new IllegalArgumentException("no shape for " + field.memberName() + ": " + type);
  }

  private static SdkPojo builder(Class<?> model) {
    try {
      return (SdkPojo) model.getMethod("builder").invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("not an SDK model class: " + model, e);
    }
  }

  /**
   * The enum type of each enum member (or of a list member's elements), by the lower-cased
   * member name: the model class has {@code fooAsString()} (or {@code fooAsStrings()}) beside
   * {@code foo()}, which returns the enum (or a list of it).
   */
  private static Map<String, Type> enumGetters(Class<?> model) {
    Map<String, Type> enums = new HashMap<>();
    for (Method method : model.getMethods()) {
      String name = method.getName();
      String base = name.endsWith("AsString") ? name.substring(0, name.length() - 8)
          : name.endsWith("AsStrings") ? name.substring(0, name.length() - 9) : null;
      if (base == null || method.getParameterCount() != 0) {
        continue;
      }
      try {
        enums.put(base.toLowerCase(Locale.ROOT),
            model.getMethod(base).getGenericReturnType());
      } catch (NoSuchMethodException e) {
        // A member named like an enum getter without one: a plain string.
      }
    }
    return enums;
  }

  private static Type elementType(Type listType) {
    return listType instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : null;
  }

  private static List<String> enumValues(Type type) {
    if (!(type instanceof Class<?> c) || !c.isEnum()) {
      return List.of();
    }
    List<String> values = new ArrayList<>();
    for (Object constant : c.getEnumConstants()) {
      if (!((Enum<?>) constant).name().equals("UNKNOWN_TO_SDK_VERSION")) {
        values.add(constant.toString());
      }
    }
    return List.copyOf(values);
  }
}
