package io.pinrepo.testkit.contract;

import static io.pinrepo.testkit.contract.Contents.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pinrepo.spi.PresignedUrls;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Presigned URLs serve the object. */
abstract class PresignChecks extends ContractChecks {

  PresignChecks(StorageContract contract) {
    super(contract);
  }

  @Test
  @DisplayName("a presigned URL serves the object's bytes without credentials")
  void presignedUrlServesObject() throws Exception {
    assumeTrue(supportsPresign(), "the backend does not presign");
    byte[] bytes = random(10_000, 4);
    put("pool/file.deb", bytes);

    HttpResponse<byte[]> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(((PresignedUrls) storage).presignGet(key("pool/file.deb")))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());

    assertEquals(200, response.statusCode());
    assertArrayEquals(bytes, response.body());
  }
}
