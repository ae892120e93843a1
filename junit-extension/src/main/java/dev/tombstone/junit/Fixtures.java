package dev.tombstone.junit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Loads fixture resources from the test class's classpath: files, or directories of files. */
final class Fixtures {
  private Fixtures() {}

  static URL find(Class<?> testClass, String resource) {
    String path = resource.startsWith("/") ? resource.substring(1) : resource;
    URL url = testClass.getClassLoader().getResource(path);
    if (url == null) {
      throw new IllegalArgumentException("resource \"" + resource + "\" is not on the classpath;"
          + " paths start at the classpath root, e.g. src/test/resources/" + path);
    }
    return url;
  }

  static String text(Class<?> testClass, String resource) {
    try (InputStream in = find(testClass, resource).openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Object keys (prefix + file name, or + path below a directory) and their contents. */
  static Map<String, byte[]> objects(Class<?> testClass, String resource, String prefix) {
    URL url = find(testClass, resource);
    try {
      URI uri = url.toURI();
      if (uri.getScheme().equals("jar")) {
        FileSystem created = null;
        try {
          try {
            created = FileSystems.newFileSystem(uri, Map.of());
          } catch (FileSystemAlreadyExistsException e) {
            // Someone else opened this JAR; use theirs and leave it open.
          }
          return read(Path.of(uri), prefix);
        } finally {
          if (created != null) {
            created.close();
          }
        }
      }
      return read(Path.of(uri), prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException | IllegalArgumentException
        | java.nio.file.FileSystemNotFoundException e) {
      throw new IllegalArgumentException("cannot read resource \"" + resource + "\" at " + url
          + " as a file or directory", e);
    }
  }

  private static Map<String, byte[]> read(Path path, String prefix) throws IOException {
    Map<String, byte[]> objects = new LinkedHashMap<>();
    if (!Files.isDirectory(path)) {
      objects.put(prefix + fileName(path), Files.readAllBytes(path));
      return objects;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(path)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      String key = path.relativize(file).toString().replace(file.getFileSystem().getSeparator(),
          "/");
      objects.put(prefix + key, Files.readAllBytes(file));
    }
    return objects;
  }

  private static String fileName(Path path) {
    String name = path.getFileName().toString();
    return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
  }
}
