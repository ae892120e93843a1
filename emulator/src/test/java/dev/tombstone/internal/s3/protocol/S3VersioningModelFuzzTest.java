package dev.tombstone.internal.s3.protocol;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tombstone.internal.s3.protocol.ModelSteps.Copy;
import dev.tombstone.internal.s3.protocol.ModelSteps.Delete;
import dev.tombstone.internal.s3.protocol.ModelSteps.DeleteMany;
import dev.tombstone.internal.s3.protocol.ModelSteps.GetVersioning;
import dev.tombstone.internal.s3.protocol.ModelSteps.IdPick;
import dev.tombstone.internal.s3.protocol.ModelSteps.ListObjects;
import dev.tombstone.internal.s3.protocol.ModelSteps.ListVersionPages;
import dev.tombstone.internal.s3.protocol.ModelSteps.ListVersions;
import dev.tombstone.internal.s3.protocol.ModelSteps.Put;
import dev.tombstone.internal.s3.protocol.ModelSteps.Read;
import dev.tombstone.internal.s3.protocol.ModelSteps.SetVersioning;
import dev.tombstone.internal.s3.protocol.ModelSteps.Step;
import dev.tombstone.internal.s3.protocol.ModelSteps.TargetPick;
import dev.tombstone.s3.S3State;
import dev.tombstone.testing.FuzzTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plays sequences of up to 30 versioning requests on one bucket, which starts unversioned, and
 * checks every answer against {@link VersioningModel}, a reference model of S3's documented
 * versioning: PutBucketVersioning, PutObject, DeleteObject with and without a version id,
 * DeleteObjects, GetObject and HeadObject, CopyObject (the restore of an old version),
 * ListObjectVersions (whole and page by page), ListObjectsV2 and GetBucketVersioning. Requests
 * go to {@link S3Protocol} below HTTP. Each sequence ends with a ListObjectVersions, so the
 * bucket's whole history is compared at least once.
 */
class S3VersioningModelFuzzTest {

  @FuzzTest(maxDuration = "1m")
  void sequences(FuzzedDataProvider data) {
    List<Step> steps = ModelSteps.read(data);
    steps.add(new ListVersions());

    FuzzTime.boundedRun(() -> play(steps));
  }

  private static void play(List<Step> steps) {
    S3State state = new S3State("us-east-1", Clock.systemUTC());
    state.createBucket(ModelWire.BUCKET);
    ModelWire wire = new ModelWire(new S3Protocol(state));
    VersioningModel model = new VersioningModel();
    ModelWrites writes = new ModelWrites(wire, model);
    ModelReads reads = new ModelReads(wire, model);
    for (int i = 0; i < steps.size(); i++) {
      try {
        run(steps.get(i), model, writes, reads);
      } catch (AssertionError e) {
        throw new AssertionError("step " + (i + 1) + " of " + steps + " with the model at "
            + model.keys() + ": " + e.getMessage(), e);
      }
    }
  }

  private static void run(Step step, VersioningModel model, ModelWrites writes,
      ModelReads reads) {
    if (step instanceof SetVersioning set) {
      writes.putVersioning(set.status());
    } else if (step instanceof Put put) {
      writes.putObject(put.key(), put.body());
    } else if (step instanceof Delete delete) {
      writes.deleteObject(delete.key(), id(delete.versionId(), delete.key(), model));
    } else if (step instanceof DeleteMany many) {
      List<ModelWrites.Target> targets = new ArrayList<>();
      for (TargetPick target : many.targets()) {
        targets.add(new ModelWrites.Target(target.key(), id(target.versionId(), target.key(),
            model)));
      }
      if (writes.deleteObjects(targets, many.quiet())) {
        // The markers' ids are known only from a listing; the steps after may name them.
        reads.listVersions();
      }
    } else if (step instanceof Read read) {
      reads.read(read.method(), read.key(), id(read.versionId(), read.key(), model));
    } else if (step instanceof ListVersions) {
      reads.listVersions();
    } else if (step instanceof ListVersionPages pages) {
      reads.listVersionPages(pages.maxKeys());
    } else if (step instanceof ListObjects) {
      reads.listObjects();
    } else if (step instanceof GetVersioning) {
      reads.getVersioning();
    } else if (step instanceof Copy copy) {
      writes.copyObject(copy.sourceKey(), id(copy.versionId(), copy.sourceKey(), model),
          copy.key());
    }
  }

  private static Optional<String> id(Optional<IdPick> pick, String key, VersioningModel model) {
    return pick.map(p -> ModelSteps.resolve(p, key, model));
  }
}
