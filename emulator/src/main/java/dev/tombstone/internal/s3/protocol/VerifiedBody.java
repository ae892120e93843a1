package dev.tombstone.internal.s3.protocol;

import dev.tombstone.s3.Checksum;
import dev.tombstone.s3.ObjectContent;
import java.util.Optional;

/**
 * A request body after framing, digests and checksums were checked.
 *
 * @param checksum the verified {@code x-amz-checksum-*} value, if the client sent one
 * @param integrityProvided the client sent Content-MD5 or a checksum (some operations require
 *     one of them)
 */
record VerifiedBody(ObjectContent content, Optional<Checksum> checksum,
    boolean integrityProvided) {}
