package dev.tombstone.internal.dynamodb.protocol;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * The model's constraints of the auto scaling members that UpdateGlobalTableSettings and
 * UpdateTableReplicaAutoScaling share ({@code AutoScalingSettingsUpdate}), and of their lists.
 * Members are read as well, so that a value of the wrong type is a serialization error.
 */
final class AutoScalingUpdates {
  private static final Pattern PRINTABLE = Pattern.compile("\\p{Print}+");

  private AutoScalingUpdates() {}

  /** An {@code AutoScalingSettingsUpdate} at {@code path}, when present. */
  static void check(Constraints constraints, String path, Json.Obj update) {
    if (update == null) {
      return;
    }
    constraints.atLeast(path + ".minimumUnits", Members.longValue(update, "MinimumUnits"), 1L);
    constraints.atLeast(path + ".maximumUnits", Members.longValue(update, "MaximumUnits"), 1L);
    Members.bool(update, "AutoScalingDisabled");
    constraints.lengthBetween(path + ".autoScalingRoleArn",
        Members.string(update, "AutoScalingRoleArn"), 1, 1600);
    Json.Obj policy = Members.structure(update, "ScalingPolicyUpdate", "AutoScalingPolicyUpdate");
    if (policy == null) {
      return;
    }
    String policyPath = path + ".scalingPolicyUpdate";
    String policyName = Members.string(policy, "PolicyName");
    constraints.lengthBetween(policyPath + ".policyName", policyName, 1, 256);
    if (policyName != null && !policyName.isEmpty()
        && !PRINTABLE.matcher(policyName).matches()) {
      constraints.add(policyPath + ".policyName", policyName,
          "Member must satisfy regular expression pattern: \\p{Print}+");
    }
    Json.Obj target = Members.structure(policy, "TargetTrackingScalingPolicyConfiguration",
        "AutoScalingTargetTrackingScalingPolicyConfigurationUpdate");
    String targetPath = policyPath + ".targetTrackingScalingPolicyConfiguration";
    constraints.notNull(targetPath, target);
    if (target != null) {
      Members.bool(target, "DisableScaleIn");
      Members.integer(target, "ScaleInCooldown");
      Members.integer(target, "ScaleOutCooldown");
      constraints.notNull(targetPath + ".targetValue", number(target.get("TargetValue")));
    }
  }

  /**
   * Each structure of the list at {@code path} (none when absent), with its position from 1,
   * after the list's length is checked against {@code min} and {@code max}.
   */
  static void each(Constraints constraints, String path, List<Json> list, String shape,
      int min, int max, BiConsumer<String, Json.Obj> check) {
    if (list == null) {
      return;
    }
    constraints.size(path, list.size(), min, max);
    int position = 1;
    for (Json element : list) {
      Json.Obj entry = Members.element(element, shape);
      check.accept(path + "." + position + ".member",
          entry == null ? new Json.Obj(Map.of()) : entry);
      position++;
    }
  }

  /** The index name of an index entry, by the model's name rules, when present. */
  static void indexName(Constraints constraints, String path, String name, boolean required) {
    if (name != null || required) {
      constraints.globalIndexName(path, name);
    }
  }

  private static Json.Num number(Json value) {
    if (value == null || value instanceof Json.Num) {
      return (Json.Num) value;
    }
    throw new SerializationError(Members.cannotConvert(value, "Double"));
  }
}
