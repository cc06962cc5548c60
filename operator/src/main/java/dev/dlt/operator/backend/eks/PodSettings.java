package dev.dlt.operator.backend.eks;

import java.util.Optional;

/** How worker pods are built: image, service account (IRSA for S3), and resources per worker. */
public record PodSettings(String image, Optional<String> serviceAccount, String cpu, String memory) {
}
