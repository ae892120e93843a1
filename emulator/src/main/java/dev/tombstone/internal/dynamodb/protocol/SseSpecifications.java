package dev.tombstone.internal.dynamodb.protocol;

import dev.tombstone.dynamodb.TableDescription;
import dev.tombstone.internal.dynamodb.TableAttachments;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * The {@code SSESpecification} of CreateTable and UpdateTable, and the restores'
 * {@code SSESpecificationOverride}: its model constraints, the refusal of AES256, the KMS key a
 * table gets, and the {@code SSEDescription} that reports it. Recorded, never applied.
 *
 * <p>As the API reference says, {@code Enabled: true} means SSEType KMS with the AWS managed key
 * unless {@code KMSMasterKeyId} names another; {@code Enabled} false or left out means the AWS
 * owned key, of which DynamoDB reports no {@code SSEDescription}.
 */
final class SseSpecifications {
  /** AWS's text (a 2018 CreateTable answer quoted in terraform-provider-aws#5666). */
  static final String AES256_NOT_SUPPORTED = "SSEType AES256 is not supported";

  private static final String MANAGED_KEY_ALIAS = "alias/aws/dynamodb";

  /** What a specification asks for, past its checks. */
  record Spec(boolean enabled, String kmsMasterKeyId) {}

  /**
   * An {@code SSEDescription}.
   *
   * @param status ENABLED, or UPDATING in the answer to the UpdateTable that changed it
   */
  record Described(String status, String kmsMasterKeyArn) {}

  private SseSpecifications() {}

  /**
   * Reads {@code member} of {@code request}, adding its model violations under {@code path}
   * ({@code sSESpecification}, {@code sSESpecificationOverride}); null when absent.
   */
  static Json.Obj read(Json.Obj request, String member, String path, Constraints constraints) {
    Json.Obj spec = Members.structure(request, member, "SSESpecification");
    if (spec != null) {
      Members.bool(spec, "Enabled");
      constraints.oneOf(path + ".sSEType", Members.string(spec, "SSEType"), "AES256", "KMS");
      // The key's minimum length, as AWS reports it (ack-api-quirks DDB-TABLE-457, 2026).
      constraints.lengthBetween(path + ".kMSMasterKeyId", Members.string(spec, "KMSMasterKeyId"),
          1, Integer.MAX_VALUE);
    }
    return spec;
  }

  /**
   * What {@code spec} (read and constraint-checked) asks for; null for null. {@code Enabled}
   * false takes neither a type nor a key; a key needs {@code SSEType} KMS; {@code SSEType} KMS
   * without {@code Enabled} enables encryption (ack-api-quirks DDB-TABLE-036, -031, -044: AWS's
   * texts and order, 2026).
   */
  static Spec check(Json.Obj spec) {
    if (spec == null) {
      return null;
    }
    Boolean enabledMember = Members.bool(spec, "Enabled");
    String type = Members.string(spec, "SSEType");
    String key = Members.string(spec, "KMSMasterKeyId");
    if (Boolean.FALSE.equals(enabledMember)) {
      if (type != null) {
        throw ServiceErrors.invalidParameters("SSEType can not be specified if Enabled is false");
      }
      if (key != null) {
        throw ServiceErrors.invalidParameters(
            "KMSMasterKeyId can not be specified if Enabled is false");
      }
    }
    if ("AES256".equals(type)) {
      throw ServiceErrors.invalidParameters(AES256_NOT_SUPPORTED);
    }
    if (key != null && type == null) {
      throw ServiceErrors.invalidParameters(
          "SSEType KMS is required if KMSMasterKeyId is specified");
    }
    boolean enabled = Boolean.TRUE.equals(enabledMember) || (enabledMember == null && type != null);
    return new Spec(enabled, enabled ? key : null);
  }

  /**
   * The encryption {@code spec} gives the table of ARN {@code tableArn} (whose partition, region
   * and account the key's ARN shares); null for the AWS owned key.
   */
  static TableAttachments.Encryption encryption(Spec spec, String tableArn) {
    if (spec == null || !spec.enabled()) {
      return null;
    }
    String keyId = spec.kmsMasterKeyId();
    String prefix = kmsPrefix(tableArn);
    if (keyId == null || keyId.equals(MANAGED_KEY_ALIAS)) {
      // One AWS managed key per account and region, as alias/aws/dynamodb is.
      UUID managed = UUID.nameUUIDFromBytes(
          (MANAGED_KEY_ALIAS + " " + prefix).getBytes(StandardCharsets.UTF_8));
      return new TableAttachments.Encryption(prefix + ":key/" + managed);
    }
    if (keyId.startsWith("arn:")) {
      return new TableAttachments.Encryption(keyId);
    }
    // DynamoDB reports the key an alias points to; without KMS the alias's ARN stands in.
    return new TableAttachments.Encryption(
        prefix + (keyId.startsWith("alias/") ? ":" : ":key/") + keyId);
  }

  /** {@code arn:<partition>:kms:<region>:<account>} of a table's ARN. */
  private static String kmsPrefix(String tableArn) {
    String[] parts = tableArn.split(":", 6);
    return "arn:" + parts[1] + ":kms:" + parts[3] + ":" + parts[4];
  }

  /** The settled description of {@code table}'s encryption; null for the AWS owned key. */
  static Described settled(TableAttachments attachments, TableDescription table) {
    return attachments.encryption().get(table.definition().name(), table.tableId(), "")
        .map(e -> new Described("ENABLED", e.kmsMasterKeyArn())).orElse(null);
  }

  /**
   * Applies {@code spec} to {@code table} and returns what UpdateTable answers: UPDATING with the
   * new key, or with the old one when encryption goes back to the AWS owned key (as AWS answered
   * in LocalStack's recording), or with the current key when the request names it again
   * another way.
   */
  static Described update(TableAttachments attachments, TableDescription table, Spec spec) {
    String name = table.definition().name();
    TableAttachments.Encryption before =
        attachments.encryption().get(name, table.tableId(), "").orElse(null);
    TableAttachments.Encryption after = encryption(spec, table.arn());
    // Re-sends: AWS refuses the AWS owned key again and the current key by its ARN, and takes
    // any other spelling of the current key as a change (ack-api-quirks DDB-TABLE-018, -082,
    // -141, 2026).
    if (before == null && after == null) {
      throw ServiceErrors.invalidParameters("Table is already encrypted by default");
    }
    if (before != null && before.kmsMasterKeyArn().equals(spec.kmsMasterKeyId())) {
      throw ServiceErrors.invalidParameters("Table is already encrypted with given"
          + " KMSMasterKeyId. Use KMSMasterKeyId parameter if you want to change Master Key");
    }
    if (Objects.equals(before, after)) {
      return new Described("UPDATING", before.kmsMasterKeyArn());
    }
    if (after == null) {
      attachments.encryption().remove(name, table.tableId(), "");
      return new Described("UPDATING", before.kmsMasterKeyArn());
    }
    attachments.encryption().put(name, table.tableId(), "", after);
    return new Described("UPDATING", after.kmsMasterKeyArn());
  }

  /** Records {@code spec} for a table just made (CreateTable, a restore); its description. */
  static Described created(TableAttachments attachments, TableDescription table, Spec spec) {
    TableAttachments.Encryption encryption = encryption(spec, table.arn());
    if (encryption == null) {
      return null;
    }
    attachments.encryption().put(table.definition().name(), table.tableId(), "", encryption);
    return new Described("ENABLED", encryption.kmsMasterKeyArn());
  }

  /** Writes {@code SSEDescription}; nothing for null. */
  static void write(JsonWriter json, Described described) throws IOException {
    if (described == null) {
      return;
    }
    json.writeObjectFieldStart("SSEDescription");
    json.writeStringField("Status", described.status());
    json.writeStringField("SSEType", "KMS");
    json.writeStringField("KMSMasterKeyArn", described.kmsMasterKeyArn());
    json.writeEndObject();
  }
}
