package dev.tombstone.internal.s3.protocol;

/** Picks the operation from method, resource level and query selector (s3-api.md §1.4). */
final class Routes {
  private Routes() {}

  /**
   * @throws WireError NotImplemented for an unsupported subresource, MethodNotAllowed for a
   *     method the resource does not support
   */
  static Operation select(String method, Resource resource, QueryParameters query) {
    for (String name : query.names()) {
      if (UnsupportedOperations.isUnsupported(name)) {
        throw UnsupportedOperations.refuse(method, name);
      }
    }
    return switch (resource.level()) {
      case SERVICE -> service(method);
      case BUCKET -> bucket(method, query);
      case OBJECT -> object(method, query);
    };
  }

  private static Operation service(String method) {
    if (method.equals("GET")) {
      return Operation.LIST_BUCKETS;
    }
    throw WireError.methodNotAllowed(method, "SERVICE");
  }

  private static Operation bucket(String method, QueryParameters query) {
    if (method.equals("HEAD")) {
      return Operation.HEAD_BUCKET;
    }
    Operation operation = null;
    if (query.has("uploads")) {
      operation = method.equals("GET") ? Operation.LIST_MULTIPART_UPLOADS : null;
    } else if (query.has("uploadId")) {
      // An upload id names an upload of one key; on a bucket it selects nothing S3 serves.
      throw WireError.notImplemented();
    } else if (query.has("versioning")) {
      operation = method.equals("GET") ? Operation.GET_BUCKET_VERSIONING
          : method.equals("PUT") ? Operation.PUT_BUCKET_VERSIONING : null;
    } else if (query.has("versions")) {
      operation = method.equals("GET") ? Operation.LIST_OBJECT_VERSIONS : null;
    } else if (query.has("delete")) {
      operation = method.equals("POST") ? Operation.DELETE_OBJECTS : null;
    } else if (query.has("lifecycle")) {
      operation = switch (method) {
        case "GET" -> Operation.GET_BUCKET_LIFECYCLE;
        case "PUT" -> Operation.PUT_BUCKET_LIFECYCLE;
        case "DELETE" -> Operation.DELETE_BUCKET_LIFECYCLE;
        default -> null;
      };
    } else if (query.has("object-lock")) {
      operation = method.equals("GET") ? Operation.GET_OBJECT_LOCK_CONFIGURATION
          : method.equals("PUT") ? Operation.PUT_OBJECT_LOCK_CONFIGURATION : null;
    } else if (query.has("location")) {
      operation = method.equals("GET") ? Operation.GET_BUCKET_LOCATION : null;
    } else if (query.has("acl")) {
      operation = pick(method, Operation.GET_BUCKET_ACL, Operation.PUT_BUCKET_ACL, null);
    } else if (query.has("tagging")) {
      operation = pick(method, Operation.GET_BUCKET_TAGGING, Operation.PUT_BUCKET_TAGGING,
          Operation.DELETE_BUCKET_TAGGING);
    } else if (query.has("ownershipControls")) {
      operation = pick(method, Operation.GET_BUCKET_OWNERSHIP_CONTROLS,
          Operation.PUT_BUCKET_OWNERSHIP_CONTROLS, Operation.DELETE_BUCKET_OWNERSHIP_CONTROLS);
    } else if (query.has("publicAccessBlock")) {
      operation = pick(method, Operation.GET_PUBLIC_ACCESS_BLOCK,
          Operation.PUT_PUBLIC_ACCESS_BLOCK, Operation.DELETE_PUBLIC_ACCESS_BLOCK);
    } else if (IdConfigurationKinds.of(query).isPresent()) {
      operation = IdConfigurationKinds.select(method, IdConfigurationKinds.of(query).get(), query);
    } else if (BucketConfigurationRoutes.handles(query)) {
      operation = BucketConfigurationRoutes.select(method, query);
    } else if (BucketDocumentRoutes.selects(query)) {
      operation = BucketDocumentRoutes.bucket(method, query);
    } else {
      operation = switch (method) {
        case "GET" -> query.get("list-type").filter("2"::equals).isPresent()
            ? Operation.LIST_OBJECTS_V2 : Operation.LIST_OBJECTS;
        case "PUT" -> Operation.CREATE_BUCKET;
        case "DELETE" -> Operation.DELETE_BUCKET;
        case "POST" -> Operation.POST_OBJECT;
        default -> null;
      };
    }
    if (operation == null) {
      throw WireError.methodNotAllowed(method, "BUCKET");
    }
    return operation;
  }

  private static Operation object(String method, QueryParameters query) {
    if (query.has("uploadId")) {
      return switch (method) {
        case "PUT" -> Operation.UPLOAD_PART;
        case "POST" -> Operation.COMPLETE_MULTIPART_UPLOAD;
        case "DELETE" -> Operation.ABORT_MULTIPART_UPLOAD;
        case "GET" -> Operation.LIST_PARTS;
        default -> throw WireError.methodNotAllowed(method, "OBJECT");
      };
    }
    if (query.has("retention") || query.has("legal-hold")) {
      boolean retention = query.has("retention");
      return switch (method) {
        case "GET" -> retention ? Operation.GET_OBJECT_RETENTION : Operation.GET_OBJECT_LEGAL_HOLD;
        case "PUT" -> retention ? Operation.PUT_OBJECT_RETENTION : Operation.PUT_OBJECT_LEGAL_HOLD;
        default -> throw WireError.methodNotAllowed(method, "OBJECT");
      };
    }
    if (query.has("acl")) {
      return required(pick(method, Operation.GET_OBJECT_ACL, Operation.PUT_OBJECT_ACL, null),
          method);
    }
    if (query.has("tagging")) {
      return required(pick(method, Operation.GET_OBJECT_TAGGING, Operation.PUT_OBJECT_TAGGING,
          Operation.DELETE_OBJECT_TAGGING), method);
    }
    if (query.has("restore")) {
      if (method.equals("POST")) {
        return Operation.RESTORE_OBJECT;
      }
      throw WireError.methodNotAllowed(method, "OBJECT");
    }
    if (query.has("encryption")) {
      throw UnsupportedOperations.refuseObjectEncryption(method);
    }
    if (query.has("attributes")) {
      return required(pick(method, Operation.GET_OBJECT_ATTRIBUTES, null, null), method);
    }
    if (query.has("uploads")) {
      if (method.equals("POST")) {
        return Operation.CREATE_MULTIPART_UPLOAD;
      }
      throw WireError.methodNotAllowed(method, "OBJECT");
    }
    return switch (method) {
      case "GET" -> Operation.GET_OBJECT;
      case "HEAD" -> Operation.HEAD_OBJECT;
      case "PUT" -> Operation.PUT_OBJECT;
      case "DELETE" -> Operation.DELETE_OBJECT;
      default -> throw WireError.methodNotAllowed(method, "OBJECT");
    };
  }

  /** The operation of {@code method} among GET, PUT and DELETE; null for another method. */
  static Operation pick(String method, Operation get, Operation put, Operation delete) {
    return switch (method) {
      case "GET" -> get;
      case "PUT" -> put;
      case "DELETE" -> delete;
      default -> null;
    };
  }

  private static Operation required(Operation operation, String method) {
    if (operation == null) {
      throw WireError.methodNotAllowed(method, "OBJECT");
    }
    return operation;
  }
}
